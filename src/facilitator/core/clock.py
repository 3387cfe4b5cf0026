"""Clocks: the one source of "now" for timers, injectable so tests can fake it."""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable
from typing import Protocol


class Clock(Protocol):
    """Anything that tells the time: the system's, or a fake one in tests."""
    def now(self) -> float:
        """Seconds since the Unix epoch."""
        ...


def sleep_counting_ticks() -> Callable[[], float]:
    """A monotonic clock that keeps counting while the laptop sleeps.

    Python's time.monotonic() stops during suspend on Linux and macOS: after a lunch break
    with the lid closed every time would lag by the break, and a restarted app (reading
    the true wall clock) would then see a running speaker suddenly that much over time.
    """
    if hasattr(time, "CLOCK_BOOTTIME"):  # Linux: monotonic, and counts suspend
        return functools.partial(time.clock_gettime, time.CLOCK_BOOTTIME)
    if sys.platform == "darwin":  # macOS's CLOCK_MONOTONIC goes on during sleep
        return functools.partial(time.clock_gettime, time.CLOCK_MONOTONIC)
    return time.monotonic  # Windows: QueryPerformanceCounter counts sleep


class SystemClock:
    """Wall-clock time that never jumps inside one process.

    Timers persist wall-clock instants so a restarted process can resume them; within a
    process the reading advances with a monotonic clock that also counts sleep, so an NTP
    step or a manual change of the system time cannot make a speaker's countdown jump,
    and a laptop that slept is not left behind.
    """

    def __init__(self, ticks: Callable[[], float] | None = None) -> None:
        self._ticks = ticks or sleep_counting_ticks()
        self._wall0 = time.time()
        self._tick0 = self._ticks()

    def now(self) -> float:
        return self._wall0 + (self._ticks() - self._tick0)


class FakeClock:
    """A clock that moves only when told to (tests, simulations)."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        self._now += seconds
