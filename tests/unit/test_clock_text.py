"""The one rounding rule (core/clock_text.py): every shown time, at the edges."""

from __future__ import annotations

from datetime import UTC, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.core.clock_text import (
    countdown_seconds,
    format_clock,
    format_duration,
    format_time_of_day,
    minutes_between,
    whole,
)
from facilitator.core.timer import Level, TimerState

PARIS_SUMMER = timezone(timedelta(hours=2))
T0 = 1_800_000_000.0  # a whole minute (30,000,000 × 60)

# (seconds left on a 2-minute turn, the countdown shows, the spoken time shows, the level)
EDGES = [
    (120.0, "2:00", "0:00", Level.NORMAL),
    (60.4, "1:01", "0:59", Level.NORMAL),
    (60.0, "1:00", "1:00", Level.WARNING),
    (59.5, "1:00", "1:00", Level.WARNING),
    (59.4, "1:00", "1:00", Level.WARNING),
    (0.5, "0:01", "1:59", Level.DANGER),
    (0.0, "0:00", "2:00", Level.DANGER),
    (-0.5, "0:00", "2:00", Level.DANGER),  # not yet a full second over: no minus sign
    (-1.0, "-0:01", "2:01", Level.OVERTIME),
    (-72.3, "-1:12", "3:12", Level.OVERTIME),
]


@pytest.mark.parametrize(("left", "countdown", "spoken", "level"), EDGES)
def test_countdown_spoken_and_level_agree_at_the_edges(left, countdown, spoken, level):
    timer = TimerState(planned=120).start(T0)
    now = T0 + 120 - left
    assert format_clock(timer.remaining(now)) == countdown
    assert format_duration(timer.elapsed(now)) == spoken
    # The level changes when the digits do: overtime exactly when the minus sign shows.
    assert timer.level(now, 60, 30) is level
    assert (countdown.startswith("-")) == (level is Level.OVERTIME)


def test_fifty_nine_point_something_seconds_spoken_is_zero_fifty_nine():
    assert format_duration(59.4) == "0:59"
    assert format_duration(59.5) == "0:59"  # not rounded up: it has not been a minute yet
    assert format_duration(59.999) == "0:59"
    assert format_duration(60) == "1:00"
    assert format_duration(3725.9) == "1:02:05"


def test_differences_carry_their_sign():
    assert format_duration(12.7, signed=True) == "+0:12"
    assert format_duration(0.4, signed=True) == "0:00"
    assert format_duration(-0.4, signed=True) == "-0:01"
    assert format_duration(-65, signed=True) == "-1:05"


@given(planned=st.integers(1, 7200), elapsed=st.floats(0, 10_000, allow_nan=False))
def test_the_countdown_is_the_plan_less_the_whole_seconds_spoken(planned, elapsed):
    """The identity that makes the laptop's 0:01 and the report's 0:59 the same instant."""
    assert countdown_seconds(planned - elapsed) == planned - whole(elapsed)


def test_time_of_day_is_what_a_wall_clock_shows():
    assert format_time_of_day(T0, UTC) == "08:00"
    assert format_time_of_day(T0, PARIS_SUMMER) == "10:00"
    assert format_time_of_day(T0 + 44 * 60 + 59.9, PARIS_SUMMER) == "10:44"
    assert format_time_of_day(T0 + 45 * 60, PARIS_SUMMER) == "10:45"
    assert format_time_of_day(T0 - 0.1, PARIS_SUMMER) == "09:59"


@given(a=st.floats(T0, T0 + 86_400), b=st.floats(T0, T0 + 86_400))
def test_minutes_between_two_instants_is_the_difference_of_their_shown_times(a, b):
    def minutes(text: str) -> int:
        hours, mins = text.split(":")
        return int(hours) * 60 + int(mins)

    shown = (minutes(format_time_of_day(b, PARIS_SUMMER))
             - minutes(format_time_of_day(a, PARIS_SUMMER))) % (24 * 60)
    assert minutes_between(a, b) % (24 * 60) == shown
