"""While a big read runs on a worker, Python's collector must not run a full collection
there: it holds the GIL throughout, and the window froze 30–75 ms at 20,000 questions."""

from __future__ import annotations

import gc
import threading

from facilitator.gui import collector
from facilitator.gui.collector import collection_paused


class Made:
    """An object the collector tracks (as each read question is)."""


def test_no_automatic_collection_while_a_read_runs_and_what_it_made_is_frozen() -> None:
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    collections: list[str] = []

    def seen(phase: str, info: dict) -> None:
        if phase == "start":
            collections.append(threading.current_thread().name)

    gc.callbacks.append(seen)
    try:
        with collection_paused():
            assert not gc.isenabled()
            made = [Made() for _ in range(50_000)]  # well past every threshold
        assert collections == []
        assert gc.isenabled()
        # Later collections no longer walk through what the read made.
        assert gc.get_freeze_count() >= frozen + len(made)
    finally:
        gc.callbacks.remove(seen)


def test_reads_at_once_on_two_threads_turn_it_back_on_when_the_last_ends() -> None:
    first_in, second_done = threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with collection_paused():
            first_in.set()
            second_done.wait(5)
            seen.append(gc.isenabled())  # the second ended: still off, this one runs

    worker = threading.Thread(target=first)
    worker.start()
    first_in.wait(5)
    with collection_paused():
        pass
    second_done.set()
    worker.join(5)
    assert seen == [False]
    assert gc.isenabled()


def test_a_collector_turned_off_before_stays_off() -> None:
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


class Cycle:
    """A reference cycle: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_while_phones_are_in_what_lives_is_frozen_and_letting_them_out_frees_frozen_cycles(
) -> None:
    import weakref

    lived = Cycle()
    gone = weakref.ref(lived)
    collector.phones_in()
    try:
        # Collected once and frozen: later full collections do not walk what was alive.
        assert gc.get_freeze_count() > 0
        assert not gc.get_objects(generation=2)
        # What survives a second young collection is frozen right after it.
        kept = [Made() for _ in range(1000)]
        gc.collect(1)
        assert not gc.get_objects(generation=2)
        # The trade-off: a cycle that became garbage while frozen stays until phones go.
        del lived
        gc.collect()
        assert gone() is not None
    finally:
        collector.phones_out()
    assert gone() is not None  # thawed, not collected at the click that lets phones out
    gc.collect()  # the next full collection, whenever it comes
    assert gone() is None
    assert collector._freeze_survivors not in gc.callbacks
    assert kept  # (kept alive through the collections above)


def test_two_phone_servers_in_one_process_count() -> None:
    collector.phones_in()
    collector.phones_in()
    collector.phones_out()
    assert collector._freeze_survivors in gc.callbacks  # one server still lets phones in
    collector.phones_out()
    assert collector._freeze_survivors not in gc.callbacks
    collector.phones_out()  # more outs than ins: nothing to undo
    assert gc.callbacks.count(collector._freeze_survivors) == 0
