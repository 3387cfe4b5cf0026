"""How a time is shown: one rounding rule for the laptop, the projector, the podium and the
report, so no two of them ever disagree about the same instant.

The rule: **a time is shown as the whole units that have fully passed** (``whole``). Spoken
time, overtime and statistics count up and show the whole seconds already spoken (59.9 s
spoken is ``0:59``). A countdown shows what is left after the whole seconds spoken, which
is the ceiling of the time left (59.4 s left is ``1:00``, 0.5 s over is still ``0:00``,
one full second over is ``-0:01``): the speaker's ``0:01`` and the report's ``0:59``
spoken of a minute are the same instant. A time of day is what a wall clock shows: the
whole minutes passed (10:44:59 is ``10:44``). How far behind the panel runs is the
difference of the two shown times of day, so "Planned end 11:15 · projected 11:19
(4 min behind)" always adds up on screen.

``resources/web/speaker.js`` repeats ``format_clock`` in JavaScript (the podium page
derives its countdown itself between polls); tests/browser checks that both agree.
"""

from __future__ import annotations

import math
from datetime import datetime, tzinfo


def whole(seconds: float, unit: float = 1.0) -> int:
    """The rule itself: how many whole ``unit``s of ``seconds`` have fully passed (floor).

    Floor, not rounding to nearest and not truncation towards zero: every shown value then
    lasts exactly one unit, on both sides of zero.
    """
    return math.floor(seconds / unit)


def countdown_seconds(remaining: float) -> int:
    """Whole seconds a countdown shows for ``remaining`` seconds left (negative: over time).

    ``allowed - whole(elapsed)`` for a whole-second allowance: the ceiling of ``remaining``.
    """
    return -whole(-remaining)


def _clock_text(shown: int) -> str:
    sign = "-" if shown < 0 else ""
    hours, rest = divmod(abs(shown), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


def format_clock(remaining: float) -> str:
    """A countdown: ``4:05``, ``0:00``, ``-1:12`` (over time); hours only when needed.

    0:01 until the very last instant, then 0:00 for one second, then -0:01: the count
    never skips or repeats a number at zero.
    """
    return _clock_text(countdown_seconds(remaining))


def format_duration(seconds: float, *, signed: bool = False) -> str:
    """A time counted up (spoken, overtime, planned, a difference): ``4:59`` for 299.9 s.

    ``signed`` puts ``+`` before a positive value (a difference to the plan).
    """
    shown = whole(seconds)
    return ("+" if signed and shown > 0 else "") + _clock_text(shown)


def minute_of(at: float) -> int:
    """The whole minutes since the epoch at ``at`` (what a wall clock shows, as a number).

    Time zones differ from UTC by whole minutes, so differences of these are the same in
    every zone.
    """
    return whole(at, 60)


def format_time_of_day(at: float, zone: tzinfo) -> str:
    """``10:44`` for the instant ``at`` (epoch seconds) in ``zone``, as a wall clock shows it."""
    return datetime.fromtimestamp(minute_of(at) * 60, zone).strftime("%H:%M")


def minutes_between(earlier: float, later: float) -> int:
    """How many minutes apart two instants look on a wall clock (negative if reversed)."""
    return minute_of(later) - minute_of(earlier)
