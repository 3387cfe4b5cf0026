"""No full garbage collection set off by a big read or a slow command on a worker.

Making a session's 20,000 questions on the runner's worker (``CommandRunner.read``)
creates some 50,000 objects the collector tracks; past a quarter more than it already
tracks, the collector runs a full collection in whichever thread allocates next — the
worker — and a collection holds the GIL throughout: the window could not run a line of
Python for 30–75 ms (twice in one read, measured with ``gc.callbacks``). While a big read
runs, automatic collection is off; when it ends, everything then alive (the read's result
with the rest) is frozen (``gc.freeze``): later collections, however big, no longer walk
through it. The cost: a reference cycle that was garbage at that moment is not collected
(objects freed by reference counting, as questions are, are freed as before).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

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
