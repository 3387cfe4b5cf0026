"""A session's end is never stored before its start.

Breaker's find: in Details, a session from 23:00 to 00:30 stored its end on the start's
date, before the start. An end earlier than the start on the same day is the next day's
(a session across midnight); one on an earlier day is refused with a message. Every place
a session's end is typed goes through ``session_end``: the Details tab (tests/gui) and
agenda JSON (here; the CSV and workbook slot tables carry no session times, and a
speaker's "until" is an instant with its date and offset).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from facilitator.core.agenda import AgendaError, parse_agenda_json
from facilitator.core.event_time import SessionTimesError, session_end
from facilitator.core.session_clock import session_schedule
from facilitator.store import sessions as store
from facilitator.store.agenda_io import import_agenda

DAY = "2026-05-18"
ZONE = timezone(timedelta(hours=2))


def test_an_end_before_the_start_is_the_next_day():
    assert session_end(f"{DAY}T23:00", f"{DAY}T00:30") == "2026-05-19T00:30"
    assert session_end(f"{DAY}T23:00+02:00", f"{DAY}T01:15+02:00") == "2026-05-19T01:15+02:00"


def test_an_end_after_the_start_or_not_a_time_is_kept():
    assert session_end(f"{DAY}T10:00", f"{DAY}T11:30") == f"{DAY}T11:30"
    assert session_end(f"{DAY}T23:00", "2026-05-19T00:30") == "2026-05-19T00:30"
    assert session_end("morning", "noon") == "noon"
    assert session_end("", "") == ""


@pytest.mark.parametrize("ends", [f"{DAY}T00:00", f"{DAY}T10:00"])
def test_midnight_of_the_start_day_or_the_start_itself_is_no_end(ends):
    # What the Details tab's untouched end field (00:00) always meant.
    assert session_end(f"{DAY}T10:00", ends) == ""


def test_an_end_on_an_earlier_day_is_refused():
    with pytest.raises(SessionTimesError, match="before it starts"):
        session_end(f"{DAY}T10:00", "2026-05-17T11:00")


def test_no_end_typed_as_a_time_of_day_is_stored_before_its_start():
    # The whole kind: every start and end time of day, half-hourly.
    times = [f"{h:02d}:{m:02d}" for h in range(24) for m in (0, 30)]
    for start in times:
        for end in times:
            stored = session_end(f"{DAY}T{start}", f"{DAY}T{end}")
            if stored:
                length = (datetime.fromisoformat(stored)
                          - datetime.fromisoformat(f"{DAY}T{start}"))
                assert timedelta(0) < length < timedelta(days=1), (start, end, stored)
            else:
                assert end in ("00:00", start)


def _agenda(starts_at: str, ends_at: str) -> str:
    return json.dumps({"format": "facilitator-agenda", "version": 1,
                       "event": {"title": "Night forum"},
                       "sessions": [{"title": "Late panel", "starts_at": starts_at,
                                     "ends_at": ends_at}]})


def test_agenda_json_across_midnight_ends_the_next_day(event_file, tmp_path):
    agenda = tmp_path / "agenda.json"
    agenda.write_text(_agenda(f"{DAY}T23:00", f"{DAY}T00:30"), encoding="utf-8")
    import_agenda(event_file, agenda)
    (late,) = [s for s in store.list_sessions(event_file) if s.title == "Late panel"]
    assert (late.starts_at, late.ends_at) == (f"{DAY}T23:00", "2026-05-19T00:30")


def test_agenda_json_ending_a_day_before_it_starts_is_refused():
    with pytest.raises(AgendaError, match="before it starts") as raised:
        parse_agenda_json(_agenda(f"{DAY}T23:00", "2026-05-17T00:30"))
    assert raised.value.line is not None


@pytest.mark.parametrize("now", ["23:30", "00:15"])
def test_a_session_across_midnight_is_measured_on_both_its_days(now):
    day = DAY if now > "12:00" else "2026-05-19"
    at = datetime.fromisoformat(f"{day}T{now}").replace(tzinfo=ZONE).timestamp()
    schedule = session_schedule(f"{DAY}T23:00", "2026-05-19T00:30", at, ZONE)
    assert schedule.ends_at == datetime.fromisoformat(
        "2026-05-19T00:30").replace(tzinfo=ZONE).timestamp()
    assert schedule.starts_at is not None
