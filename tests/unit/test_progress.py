"""core.progress: work tells how far it has got to whoever watches, on its own thread."""

from __future__ import annotations

import threading

from facilitator.core import progress


def test_steps_reach_the_listener_only_inside_the_block() -> None:
    heard: list[tuple[int, int]] = []
    progress.step(1, 2)  # nobody watches: nothing happens
    with progress.watched(lambda done, total: heard.append((done, total))):
        progress.step(0, 0)
        progress.step(3, 40)
    progress.step(4, 40)
    assert heard == [(0, 0), (3, 40)]


def test_another_threads_work_is_not_heard() -> None:
    heard: list[tuple[int, int]] = []
    with progress.watched(lambda done, total: heard.append((done, total))):
        other = threading.Thread(target=progress.step, args=(5, 5))
        other.start()
        other.join()
    assert heard == []
