"""A speaker given "until 10:45": typing it, and what the clock does with it."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from facilitator.core.clock_text import format_clock
from facilitator.core.planned_time import (
    PlannedTime,
    PlannedTimeError,
    Problem,
    parse_planned_time,
    until_instant,
)
from facilitator.core.timer import Phase, TimerState

ZONE = timezone(timedelta(hours=2))
T0 = 1_800_000_000.0  # 10:00 in ZONE
AT_10_45 = T0 + 45 * 60


@pytest.mark.parametrize("text", ["until 10:45", "10:45", "10h45", " jusqu’à 10:45 ",
                                  "hasta las 10:45", "→10:45"])
def test_a_time_of_day_is_an_end(text):
    assert parse_planned_time(text, T0, ZONE) == PlannedTime(seconds=2700, until=AT_10_45)


@pytest.mark.parametrize(("text", "seconds"), [("5", 300), ("2.5", 150), ("2,5", 150),
                                               (" 6.5 ", 390), ("600", 36_000)])
def test_a_number_is_minutes(text, seconds):
    assert parse_planned_time(text, T0, ZONE) == PlannedTime(seconds=seconds)


@pytest.mark.parametrize(("text", "problem"), [
    ("", Problem.NOT_A_TIME), ("soon", Problem.NOT_A_TIME), ("0", Problem.NOT_A_TIME),
    ("-3", Problem.NOT_A_TIME), ("nan", Problem.NOT_A_TIME), ("25:75", Problem.NOT_A_TIME),
    ("10:61", Problem.NOT_A_TIME), ("601", Problem.TOO_LONG), ("9:59", Problem.PASSED),
    ("10:00", Problem.PASSED), ("until 09:30", Problem.PASSED),
])
def test_what_cannot_be_used_says_why(text, problem):
    with pytest.raises(PlannedTimeError) as raised:
        parse_planned_time(text, T0, ZONE)
    assert raised.value.problem is problem


EVENING = T0 + 9 * 3600  # 19:00 in ZONE


@pytest.mark.parametrize(("text", "seconds"), [("5:00", 300), ("4:30", 270), ("0:45", 45),
                                               ("25:00", 1500), ("90:00", 5400)])
def test_a_bare_m_ss_far_from_now_is_minutes_and_seconds(text, seconds):
    # Typed at 19:00, "5:00" was read as "until 05:00": a turn of ten hours.
    assert parse_planned_time(text, EVENING, ZONE) == PlannedTime(seconds=seconds)


@pytest.mark.parametrize("text", ["until 5:00", "5h00", "jusqu’à 5:00"])
def test_a_time_of_day_said_as_one_stays_one_however_far(text):
    assert parse_planned_time(text, EVENING, ZONE).until == EVENING + 10 * 3600


@pytest.mark.parametrize("hour", range(24))
def test_no_bare_m_ss_becomes_a_turn_of_hours_at_any_hour(hour):
    # The whole kind: a short "m:ss" typed at any time of day is either those minutes and
    # seconds or a time of day at most three hours ahead; never a turn of many hours.
    now = T0 + hour * 3600 + 17 * 60
    for minutes in range(0, 16):
        for seconds in (0, 30):
            text = f"{minutes}:{seconds:02d}"
            try:
                planned = parse_planned_time(text, now, ZONE)
            except PlannedTimeError as error:
                assert error.problem is Problem.PASSED or (minutes, seconds) == (0, 0)
                continue
            if planned.until is None:
                assert planned.seconds == minutes * 60 + seconds
            else:
                assert 0 < planned.until - now <= 3 * 3600, (text, hour)


def test_a_time_of_day_is_its_nearest_occurrence():
    late_evening = T0 + 13 * 3600  # 23:00
    assert until_instant(0, 30, late_evening, ZONE) == late_evening + 90 * 60  # after midnight
    assert until_instant(9, 0, T0, ZONE) == T0 - 3600  # an hour ago, not tomorrow


def test_until_over_a_change_of_summer_time_is_the_wall_time():
    paris = ZoneInfo("Europe/Paris")
    evening = datetime(2026, 10, 24, 23, 0, tzinfo=paris).timestamp()  # clocks go back at 3:00
    end = until_instant(9, 0, evening, paris)
    assert datetime.fromtimestamp(end, paris).strftime("%d %H:%M") == "25 09:00"
    assert end - evening == 11 * 3600  # the extra hour of the night is real time


def test_until_means_ends_at_that_time_even_when_the_speaker_starts_late():
    timer = TimerState(planned=900, until=AT_10_45)
    assert timer.remaining(T0 + 30 * 60) == 15 * 60  # waiting at 10:30: 15 min if now
    on_time = timer.start(T0 + 30 * 60)
    late = timer.start(T0 + 38 * 60)
    assert format_clock(on_time.remaining(T0 + 30 * 60)) == "15:00"
    assert format_clock(late.remaining(T0 + 38 * 60)) == "7:00"
    for started in (on_time, late):
        assert format_clock(started.remaining(AT_10_45 - 0.5)) == "0:01"
        assert format_clock(started.remaining(AT_10_45)) == "0:00"
    # A pause gives the time back (the end moves by the pause), like added time does.
    paused = late.pause(T0 + 40 * 60).resume(T0 + 41 * 60)
    assert paused.remaining(AT_10_45) == 60
    assert late.adjust(30).remaining(AT_10_45) == 30


def test_starting_after_the_until_time_is_over_time_at_once():
    timer = TimerState(planned=900, until=AT_10_45).start(AT_10_45 + 20)
    assert timer.planned_at(AT_10_45 + 20) == 0
    assert format_clock(timer.remaining(AT_10_45 + 21)) == "-0:01"


def test_an_until_clock_reads_back_the_same_from_its_fields():
    timer = TimerState(planned=900, until=AT_10_45).start(T0 + 100).pause(T0 + 200)
    copy = TimerState(planned=timer.planned, started_at=timer.started_at,
                      paused_at=timer.paused_at, until=timer.until)
    assert copy.remaining(T0 + 500) == timer.remaining(T0 + 500)
    assert copy.phase is Phase.PAUSED
