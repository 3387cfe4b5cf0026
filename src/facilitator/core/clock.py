"""Clocks: the one source of "now" for timers, injectable so tests can fake it."""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
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

    ``offset`` (wall seconds minus ticks, from a ``ClockAnchor``) continues the timeline
    of an earlier process of the same boot instead of starting from the wall clock now.
    """

    def __init__(self, ticks: Callable[[], float] | None = None,
                 offset: float | None = None) -> None:
        self._ticks = ticks or sleep_counting_ticks()
        self.offset = time.time() - self._ticks() if offset is None else offset

    def now(self) -> float:
        return self._ticks() + self.offset


@dataclass(frozen=True)
class ClockAnchor:
    """Ties an event file's instants to one boot's sleep-counting clock.

    ``wall time = ticks + offset`` for every instant written during the boot ``boot_id``
    (``/proc/sys/kernel/random/boot_id`` on Linux): a process restarted in the same boot
    reads the same timeline even if the wall clock was corrected in between (NTP, or by
    hand), so a running speech keeps its true length. Ticks restart at boot, so across
    boots only the wall clock can tell how much time passed.
    """

    boot_id: str
    offset: float


def choose_anchor(stored: ClockAnchor | None, boot_id: str | None, wall: float,
                  ticks: float, speech_in_progress: bool) -> ClockAnchor | None:
    """The anchor a process starting now should keep its time with.

    - No boot id (a system without one): None, plain wall time.
    - Same boot as the stored anchor and a speech in progress (started, not finished):
      the stored anchor, so that speech's length survives a corrected wall clock.
    - Otherwise (another boot, first use, or nothing running that a step could break):
      a new anchor on the wall clock as it is now, so a corrected clock is taken up.
    """
    if boot_id is None:
        return None
    if stored is not None and stored.boot_id == boot_id and speech_in_progress:
        return stored
    return ClockAnchor(boot_id=boot_id, offset=wall - ticks)


class FakeClock:
    """A clock that moves only when told to (tests, simulations)."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        self._now += seconds
