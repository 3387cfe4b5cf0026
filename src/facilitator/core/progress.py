"""How far a long piece of work has got, told to whoever watches it (a progress bar).

No I/O and no Qt: a context variable holds the listener, so the code doing the work (an
agenda import in ``store``) calls ``step`` without knowing who listens, and work nobody
watches pays one lookup. Each thread has its own context: a worker's listener is its own.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar

Listener = Callable[[int, int], None]
"""Called with (done, total) in units of the work's own (sessions, rows); total 0: not
known yet (the file is still being read)."""

_listener: ContextVar[Listener | None] = ContextVar("progress_listener", default=None)


def step(done: int, total: int) -> None:
    """Say how far the work has got: ``done`` of ``total`` (0: unknown)."""
    listener = _listener.get()
    if listener is not None:
        listener(done, total)


@contextlib.contextmanager
def watched(listener: Listener) -> Iterator[None]:
    """Within this block (on this thread), ``step`` tells ``listener``."""
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)
