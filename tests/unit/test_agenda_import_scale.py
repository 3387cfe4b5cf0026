"""Big agendas import in time proportional to their size (scripts/bench agenda measures
16,000 slots); these tests catch a return of the quadratic parts."""

from __future__ import annotations

import json
import time

import pytest

from facilitator.core.agenda import parse_agenda_json
from facilitator.store import sessions as store
from facilitator.store.agenda_io import import_agenda


def _agenda_json(slots: int, sessions: int = 10) -> str:
    per = slots // sessions
    return json.dumps({"sessions": [
        {"title": f"Session {s}", "slots": [
            {"name": f"Speaker {s}-{i}", "organisation": f"City {i}", "planned_minutes": 5}
            for i in range(per)]}
        for s in range(sessions)]}, indent=2)


def _best_of(runs: int, action) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


@pytest.mark.slow
def test_json_parsing_grows_linearly():
    """Four times the slots take about four times as long; a line count from the top of the
    file for every object took sixteen times."""
    small, large = _agenda_json(2000), _agenda_json(8000)
    assert parse_agenda_json(small).sessions[3].slots[7].person.name == "Speaker 3-7"
    small_time = _best_of(3, lambda: parse_agenda_json(small))
    large_time = _best_of(3, lambda: parse_agenda_json(large))
    assert large_time < 8 * small_time, (small_time, large_time)


def test_json_errors_still_name_the_right_line():
    text = _agenda_json(40, sessions=2).replace('"planned_minutes": 5', '"planned_minutes": 0', 1)
    lines = text.splitlines()
    bad = next(n for n, line in enumerate(lines, 1) if '"planned_minutes": 0' in line)
    object_line = max(n for n, line in enumerate(lines[:bad], 1) if line.strip() == "{")
    with pytest.raises(ValueError, match=rf"line {object_line}: bad duration 0"):
        parse_agenda_json(text)


def test_a_valid_json_agenda_is_parsed_by_the_c_decoder_only(monkeypatch):
    """The pure-Python line-tracking decoder held the GIL in long stretches of a 16,000-slot
    import, so the window's timer waited (issue 17): it only re-reads a file with a mistake."""
    from facilitator.core import agenda

    def refuse(*args, **kwargs):
        raise AssertionError("the line-tracking decoder read a valid file")

    monkeypatch.setattr(agenda, "_LineDecoder", refuse)
    assert len(parse_agenda_json(_agenda_json(400)).sessions) == 10


def test_a_mistake_too_deep_for_the_line_decoder_is_still_named(monkeypatch):
    """A file the C decoder reads but the line-tracking one cannot (nested deeper than
    Python's recursion allows) still gets its message, without the line."""
    from facilitator.core import agenda

    class TooDeep:
        def decode(self, text):
            raise RecursionError

    monkeypatch.setattr(agenda, "_LineDecoder", TooDeep)
    text = _agenda_json(20, sessions=2).replace('"planned_minutes": 5', '"planned_minutes": 0', 1)
    with pytest.raises(ValueError, match=r"^agenda\.json: bad duration 0"):
        parse_agenda_json(text)


def test_csv_import_reads_the_sessions_once(event_file, tmp_path, monkeypatch):
    """Each row's session was found by reading every session again."""
    calls = []
    real = store.list_sessions
    monkeypatch.setattr(store, "list_sessions",
                        lambda *args, **kwargs: calls.append(1) or real(*args, **kwargs))
    path = tmp_path / "agenda.csv"
    path.write_text("session,name,planned_minutes\n"
                    + "".join(f"{1 + i % 3},Speaker {i},5\n" for i in range(300)),
                    encoding="utf-8")
    assert "300 speaking slots in 3 sessions" in str(import_agenda(event_file, path))
    assert len(calls) == 1


def test_people_are_found_through_an_index(event_file):
    """Every imported slot looks its person up: by index, not by reading the whole table."""
    fields = " AND ".join(f"{f} = ?" for f in store.PERSON_FIELDS)
    plan = event_file.db.execute(f"EXPLAIN QUERY PLAN SELECT id FROM people WHERE {fields}",
                                 [""] * len(store.PERSON_FIELDS)).fetchall()
    assert any("USING INDEX people_by_name" in row[-1] for row in plan), plan
