"""What Python's cyclic garbage collector walks, and when: never the app's long-lived heap.

A collection holds the GIL throughout, so whatever thread runs it, the window cannot run a
line of Python meanwhile; a full collection walks every object the collector tracks (here
0.4–1 µs each: the objects lie scattered through a big heap). Two things keep the window
from waiting for it:

- **Big reads** (``collection_paused``): making a session's 20,000 questions on the
  runner's worker created ~50,000 tracked objects and set off full collections there
  (30–75 ms, twice in one read). While a big read runs automatic collection is off; when
  it ends what is alive is frozen (``gc.freeze``).
- **The start** (``paused_through_start_up``): from the QApplication to the event loop's
  first turn, as for a big read; everything the start makes lives as long as the app.
- **A hall of phones** (``phones_in`` / ``phones_out``): a full collection walked the app's
  modules, classes, functions and widgets (~77,000 tracked objects: 33 ms on the GUI
  thread, measured) and each phone's open connection (~30 objects of uvicorn's and
  uvloop's: 60,000 at 2,000 phones); at 2,000 phones one came every few seconds and took
  40–85 ms. When phones are let in, the heap is collected once and frozen, and from then
  on what survives a second young collection (generation 1) is frozen right after it: a
  connection, a device's limits, a question kept for the published state live for minutes.
  No full collection then has anything big to walk. Closed connections are freed by
  reference counting, frozen or not (measured: 300 connections opened and closed with the
  collector off left no object behind).

The cost: a reference cycle that becomes garbage while frozen is not collected until
``phones_out`` thaws the heap (the next full collection then frees it) or the process
ends. Objects freed by reference counting, as questions and connections are, are freed as
before.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

_lock = threading.Lock()
_under_way = 0  # big reads running, on any thread
_was_enabled = True  # automatic collection before the first of them


@contextmanager
def collection_paused() -> Iterator[None]:
    """Automatic collection off while the block runs (nested and concurrent blocks count:
    the last to end freezes and turns it back on, if it was on)."""
    global _under_way, _was_enabled
    with _lock:
        if _under_way == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _under_way += 1
    try:
        yield
    finally:
        with _lock:
            _under_way -= 1
            if _under_way == 0:
                gc.freeze()
                if _was_enabled:
                    gc.enable()


def paused_through_start_up() -> None:
    """Automatic collection off from here (the app's start: its QApplication just made)
    until the event loop's first turn, after the window is built and shown, as for a big
    read: the ~35 young collections the start made (~7 ms of CPU before the first paint)
    walked modules, classes and widgets that live as long as the app; they are frozen at
    that turn instead."""
    from PySide6.QtCore import QTimer

    pause = ExitStack()
    pause.enter_context(collection_paused())
    QTimer.singleShot(0, pause.close)


_phone_servers = 0  # phone servers running in this process (each window may run one)


def _freeze_survivors(phase: str, info: dict) -> None:
    # A gc callback, run by whatever thread collected, once the collection has ended:
    # while phones are in, what survived a second young collection is frozen.
    if phase == "stop" and info.get("generation", 0) >= 1:
        gc.freeze()


def phones_in() -> None:
    """A phone server started: collect once and freeze what is alive, then freeze the
    survivors of each generation-1 or full collection (counted: the last ``phones_out``
    ends it)."""
    global _phone_servers
    with _lock:
        _phone_servers += 1
        if _phone_servers == 1:
            gc.callbacks.append(_freeze_survivors)
    gc.collect()
    gc.freeze()


def phones_out() -> None:
    """A phone server stopped: once the last one has, survivors are no longer frozen and
    the frozen heap is thawed; the next full collection, when Python's thresholds call
    for it, frees the garbage cycles frozen meanwhile (collecting here, at the click that
    stops the server, took 1.4 s in a test process grown big)."""
    global _phone_servers
    with _lock:
        if _phone_servers == 0:
            return
        _phone_servers -= 1
        if _phone_servers:
            return
        gc.callbacks.remove(_freeze_survivors)
    gc.unfreeze()
