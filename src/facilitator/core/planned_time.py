"""A speaker's planned time as the moderator types it: minutes, or "until 10:45".

"until 10:45" means the speaker ends at 10:45: the time is stored as that instant and the
planned seconds are derived from it when the speaker starts (``TimerState.until``), so a
late start leaves less time instead of moving the end. A time of day is read as its
nearest occurrence (within 12 hours) and must be still to come.

A bare "5:00" reads two ways: minutes and seconds (as the clock shows a turn) or a time of
day. It is a time of day only when that time is near (``BARE_TIME_OF_DAY``: passed within
the last two hours, so "9:59" at 10:00 says it has passed, or coming within three hours);
otherwise it is minutes and seconds, so "5:00" typed at 19:00 is a five-minute turn, never
a turn until five in the morning. "until 5:00" and "5h00" always mean a time of day.
"""

from __future__ import annotations

import enum
import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from functools import cache

MAX_PLANNED_MINUTES = 600  # a speaker's turn, typed or in an agenda file (core/agenda.py)
# How far from now a bare "h:mm" may lie, in seconds (past, ahead), to be read as a time of
# day: wider than any panel's speaker ends, narrower than the 12 hours that made "5:00"
# typed in the evening a turn of ten hours.
BARE_TIME_OF_DAY = (2 * 3600, 3 * 3600)


@cache  # compiled when a time is first typed, not as the window starts
def _time_of_day() -> re.Pattern[str]:
    return re.compile(r"^\D*?(\d{1,2})\s*[:hH]\s*(\d{2})\s*$")


@cache
def _minutes_and_seconds() -> re.Pattern[str]:
    return re.compile(r"^(\d{1,3})\s*:\s*([0-5]\d)$")


class Problem(enum.StrEnum):
    """Why a typed planned time was refused (the GUI words each in the user's language)."""

    NOT_A_TIME = "not_a_time"
    PASSED = "passed"
    TOO_LONG = "too_long"


class PlannedTimeError(ValueError):
    """A typed planned time that can't be used; ``problem`` says why."""

    def __init__(self, problem: Problem, text: str) -> None:
        super().__init__(f"{problem.value}: {text!r}")
        self.problem = problem
        self.text = text


@dataclass(frozen=True)
class PlannedTime:
    """Whole planned seconds, and for "until" the instant (epoch seconds) the turn ends.

    For "until", ``seconds`` is the estimate from the moment it was typed (for sums made
    before the speaker starts); the countdown uses the instant.
    """

    seconds: int
    until: float | None = None


def until_instant(hour: int, minute: int, now: float, zone: tzinfo) -> float:
    """The occurrence of ``hour:minute`` in ``zone`` nearest to ``now`` (epoch seconds)."""
    today = datetime.fromtimestamp(now, zone)
    target = today.replace(hour=hour, minute=minute, second=0, microsecond=0)
    best = target.timestamp()
    for days in (-1, 1):
        # Rebuilt from the date so a change to or from summer time lands on the wall time.
        other = (target + timedelta(days=days)).replace(hour=hour, minute=minute)
        if abs(other.timestamp() - now) < abs(best - now):
            best = other.timestamp()
    return best


def planned_for_until(until: float, now: float) -> PlannedTime:
    """"until ``until``" typed at ``now``: refused when already past or too far ahead."""
    seconds = until - now
    if seconds <= 0:
        raise PlannedTimeError(Problem.PASSED, "")
    if seconds > MAX_PLANNED_MINUTES * 60:
        raise PlannedTimeError(Problem.TOO_LONG, "")
    return PlannedTime(seconds=max(1, math.ceil(seconds)), until=until)


def parse_planned_time(text: str, now: float, zone: tzinfo) -> PlannedTime:
    """"5", "2,5" (minutes), "4:30" (minutes and seconds) or "until 10:45", "10h45" and a
    bare "10:45" within a few hours of ``now`` (a time of day to end at; see the module).

    Raises PlannedTimeError when it is neither, when the time has passed, or when it is
    more than ``MAX_PLANNED_MINUTES`` away.
    """
    cleaned = str(text).strip()
    bare = _minutes_and_seconds().match(cleaned)
    if bare and not _near_time_of_day(int(bare.group(1)), int(bare.group(2)), now, zone):
        return _minutes(int(bare.group(1)) + int(bare.group(2)) / 60, cleaned)
    match = _time_of_day().match(cleaned)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour > 23 or minute > 59:
            raise PlannedTimeError(Problem.NOT_A_TIME, cleaned)
        try:
            return planned_for_until(until_instant(hour, minute, now, zone), now)
        except PlannedTimeError as error:
            raise PlannedTimeError(error.problem, cleaned) from None
    try:
        minutes = float(cleaned.replace(",", "."))
    except ValueError:
        raise PlannedTimeError(Problem.NOT_A_TIME, cleaned) from None
    if not math.isfinite(minutes):
        raise PlannedTimeError(Problem.NOT_A_TIME, cleaned)
    return _minutes(minutes, cleaned)


def _near_time_of_day(hour: int, minute: int, now: float, zone: tzinfo) -> bool:
    """Whether a bare "hour:minute" is a time of day close enough to now to mean one."""
    if hour > 23 or minute > 59:
        return False
    offset = until_instant(hour, minute, now, zone) - now
    return -BARE_TIME_OF_DAY[0] <= offset <= BARE_TIME_OF_DAY[1]


def _minutes(minutes: float, cleaned: str) -> PlannedTime:
    if minutes <= 0:
        raise PlannedTimeError(Problem.NOT_A_TIME, cleaned)
    if minutes > MAX_PLANNED_MINUTES:
        raise PlannedTimeError(Problem.TOO_LONG, cleaned)
    return PlannedTime(seconds=max(1, round(minutes * 60)))
