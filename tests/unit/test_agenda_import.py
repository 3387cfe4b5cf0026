"""Agenda import and export: lossless round trips, line-numbered errors, all or nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitator.core.agenda import AgendaError, parse_agenda_json
from facilitator.store import EventFile
from facilitator.store import sessions as store
from facilitator.store.agenda_io import create_event_file, export_agenda, import_agenda


def _snapshot(event_file: EventFile) -> tuple:
    rows = event_file.db.execute(
        "SELECT s.title, s.room, s.guiding_questions, sl.position, sl.kind, sl.planned_seconds,"
        " p.name FROM sessions s LEFT JOIN slots sl ON sl.session_id = s.id"
        " LEFT JOIN people p ON p.id = sl.person_id ORDER BY s.position, sl.position").fetchall()
    return tuple(rows)


def test_json_round_trip_into_an_empty_event(event_file, tmp_path):
    exported = export_agenda(event_file, "json")
    agenda = tmp_path / "agenda.json"
    agenda.write_text(exported, encoding="utf-8")
    with EventFile.open(create_event_file(tmp_path / "empty.db", None)) as empty:
        import_agenda(empty, agenda)
        assert export_agenda(empty, "json") == exported
        assert _snapshot(empty) == _snapshot(event_file)


def test_csv_round_trip(event_file, tmp_path):
    exported = export_agenda(event_file, "csv")
    before = _snapshot(event_file)
    path = tmp_path / "agenda.csv"
    path.write_text(exported, encoding="utf-8")
    summary = str(import_agenda(event_file, path))
    assert "27 speaking slots in 3 sessions" in summary
    assert export_agenda(event_file, "csv") == exported
    assert _snapshot(event_file) == before


def test_csv_replaces_a_sessions_speakers(event_file, tmp_path):
    path = tmp_path / "agenda.csv"
    path.write_text("session,name,role,kind,planned_minutes\n"
                    "2,Ana Lima,Mayor,keynote,10\n2,Ilham Əliyev-Şahin,Governor,,2.5\n",
                    encoding="utf-8")
    import_agenda(event_file, path)
    second = store.list_sessions(event_file, with_slots=True)[1]
    assert [(s.person.name, s.kind.value, s.planned_seconds) for s in second.slots] == [
        ("Ana Lima", "keynote", 600), ("Ilham Əliyev-Şahin", "panellist", 150)]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.csv", "session,name\n1,Ana\n", r"a\.csv, line 1: missing column planned_minutes"),
        ("a.csv", "session,name,planned_minutes\n1,Ana,5\n1,Bo,five\n",
         r"a\.csv, line 3: bad duration 'five'"),
        ("a.csv", "session,name,planned_minutes\n1,Ana,5\nNo such panel,Bo,5\n",
         r"a\.csv, line 3: unknown session 'No such panel'"),
        ("a.csv", "session,name,planned_minutes\n1,Ana,-3\n", r"line 2: bad duration '-3'"),
        ("a.csv", "session,name,kind,planned_minutes\n1,Ana,dance,3\n",
         r"line 2: unknown kind 'dance'"),
        ("a.json", '{"sessions": [\n  {"title": "A",\n   "slots": [{"name": "X"}]}\n]}',
         r"a\.json, line 3: missing 'planned_minutes'"),
        ("a.json", '{"sessions": [\n  {"title": "A", "slots": [\n'
                   '    {"name": "X", "planned_minutes": "soon"}]}]}',
         r"a\.json, line 3: bad duration 'soon'"),
        ("a.json", '{"sessions": [\n  {"title": "A",,}]}', r"a\.json, line 2: not valid JSON"),
        ("a.json", '{"sessions": [{"description": "no title"}]}', r"line 1: missing 'title'"),
        ("a.txt", "hello", r"agenda files end in \.json, \.csv, \.tsv or \.xlsx"),
        # As a slot table's session_starts_at is: before, stored as typed ("yesterday"),
        # the session then without a time on every screen and report.
        ("a.json", '{"sessions": [\n  {"title": "A", "starts_at": "yesterday"}]}',
         r"a\.json, line 2: starts_at 'yesterday' is not a date and time \(2026-05-18T14:00, "
         r"or 2026-05-18 14:00\)"),
        ("a.json", '{"sessions": [\n  {"title": "A", "starts_at": "2026-05-18T10:00",\n'
                   '   "ends_at": "half past eleven"}]}',
         r"a\.json, line 2: ends_at 'half past eleven' is not a date and time"),
        # A key a poll does not have is refused, named with its line (not silently dropped).
        ("a.json", '{"sessions": [\n  {"title": "A", "polls": [\n'
                   '    {"question": "Capital of Kenya?", "kind": "single",\n'
                   '     "options": ["Nairobi", "Mombasa"]},\n'
                   '    {"question": "Which?", "kind": "single", "options": ["x", "y"],\n'
                   '     "correct": "x"}]}]}',
         r"a\.json, line 5: poll: unknown key 'correct' \(a poll has: question, kind, "
         r"options, scale\)"),
        # A title, name, role or organisation is text: a number, true, a list or an object
        # was stored as its Python spelling ("5", "True", "['x']").
        ("a.json", '{"sessions": [\n  {"title": 5}]}',
         r"a\.json, line 2: 'title' must be text in quotes, not the number 5$"),
        ("a.json", '{"sessions": [{"title": "A", "slots": [\n  {"name": true, '
                   '"planned_minutes": 5}]}]}',
         r"a\.json, line 2: 'name' must be text in quotes, not true$"),
        ("a.json", '{"sessions": [{"title": "A", "slots": [\n  {"name": "Ana", '
                   '"role": ["Chair"], "planned_minutes": 5}]}]}',
         r"a\.json, line 2: 'role' must be text in quotes, not a list$"),
        ("a.json", '{"sessions": [{"title": "A", "slots": [\n  {"name": "Ana", '
                   '"organisation": {"name": "UN"}, "planned_minutes": 5}]}]}',
         r"a\.json, line 2: 'organisation' must be text in quotes, not an object$"),
        ("a.json", '{"event": {\n "title": 2026.5}, "sessions": []}',
         r"a\.json, line 1: 'title' must be text in quotes, not the number 2026\.5$"),
    ],
)
def test_bad_files_get_a_line_numbered_error_and_change_nothing(event_file, tmp_path, name,
                                                                 content, expected):
    before = _snapshot(event_file)
    log_before = len(event_file.log_entries())
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AgendaError, match=expected):
        import_agenda(event_file, path)
    assert _snapshot(event_file) == before
    assert len(event_file.log_entries()) == log_before


def test_wrong_encoding_names_the_line(event_file, tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("session,name,planned_minutes\n1,Ana,5\n1,José,5\n".encode("latin-1"))
    with pytest.raises(AgendaError, match=r"line 3: the file is not UTF-8"):
        import_agenda(event_file, path)


def test_half_valid_file_imports_nothing(event_file, tmp_path):
    """A problem in the last session must not leave the first sessions imported."""
    agenda = json.loads(export_agenda(event_file, "json"))
    agenda["sessions"][0]["room"] = "Changed room"
    agenda["sessions"].append({"title": "Extra", "slots": [{"name": "X", "planned_minutes": 0}]})
    path = tmp_path / "agenda.json"
    path.write_text(json.dumps(agenda, indent=1), encoding="utf-8")
    with pytest.raises(AgendaError):
        import_agenda(event_file, path)
    assert store.list_sessions(event_file)[0].room == "Plenary Hall"
    assert len(store.list_sessions(event_file)) == 3


def test_session_that_has_run_is_not_replaced(event_file, tmp_path):
    from facilitator.store import EventFileError

    slot = store.list_sessions(event_file, with_slots=True)[0].slots[0]
    store.save_timer(event_file, slot.id, slot.clock.start(1000.0), "timer_started")
    path = tmp_path / "a.csv"
    path.write_text("session,name,planned_minutes\n1,Ana,5\n", encoding="utf-8")
    with pytest.raises(EventFileError, match="has already run"):
        import_agenda(event_file, path)
    assert len(store.list_slots(event_file, slot.session_id)) == 9


def test_sample_file_parses():
    text = (Path(__file__).parents[2] / "resources/samples/walrg.json").read_text("utf-8")
    assert len(parse_agenda_json(text).sessions) == 3
