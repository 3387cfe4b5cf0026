"""The agenda exported as .xlsx or CSV, edited in a spreadsheet, imported again (into the
same event or a new empty one): the sessions it names are made, with their times, and
their speakers lists filled; a plain speakers table still only fills sessions."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.core.agenda import AgendaError
from facilitator.core.event_time import wall_time_instant
from facilitator.core.model import Session
from facilitator.store import EventFile
from facilitator.store import sessions as store
from facilitator.store.agenda_io import apply_slots_csv, create_event_file
from facilitator.store.time_zone import event_time_zone, set_event_time_zone


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "facilitator", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def plan(path: Path) -> list[tuple]:
    """Each session with speakers: title, start and end as instants, and its speakers."""
    with EventFile.open(path) as ef:
        zone = event_time_zone(ef)
        return [(s.title, wall_time_instant(s.starts_at, zone), wall_time_instant(s.ends_at, zone),
                 [(slot.person, slot.kind, slot.planned_seconds, slot.until_at)
                  for slot in s.slots])
                for s in store.list_sessions(ef, with_slots=True) if s.slots]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@pytest.mark.parametrize("zone", ["Asia/Kathmandu", "America/Mexico_City"])
def test_export_then_import_into_a_new_empty_event_makes_the_same_sessions(tmp_path, fmt,
                                                                          zone):
    source = create_event_file(tmp_path / "source.db", "walrg")
    with EventFile.open(source) as ef:
        set_event_time_zone(ef, "Asia/Kathmandu")  # the export writes +05:45
    exported = tmp_path / f"agenda.{fmt}"
    done = run("export", source, "--format", fmt, "-o", exported, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    target = tmp_path / "new.db"
    done = run("new", target, "--empty", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    with EventFile.open(target) as ef:
        set_event_time_zone(ef, zone)  # another venue's zone: the same instants
    done = run("import", target, exported, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    expected = plan(source)
    assert len(expected) >= 3 and all(start is not None for _, start, _, _ in expected)
    assert plan(target) == expected
    assert f"{len(expected)} sessions added" in done.stdout
    # Imported again into the event it came from: nothing added, nothing changed.
    done = run("import", source, exported, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"in {len(expected)} sessions" in done.stdout and "added" not in done.stdout
    assert plan(source) == expected


def _exported_csv(ef: EventFile) -> list[dict[str, str]]:
    from facilitator.reports.exports import export_data

    text = export_data(ef, "agenda", "csv", for_file=False)
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def test_an_edited_export_moves_sessions_and_adds_new_ones(event_file):
    rows = _exported_csv(event_file)
    first = rows[0]["session"]
    for row in rows:
        if row["session"] == first:  # moved an hour later, in the sheet
            row["session_starts_at"] = "2026-05-18 11:00"
            row["session_ends_at"] = "2026-05-18T12:15"
    rows.append({**rows[0], "session": "Closing plenary", "name": "Ana Lima",
                 # Across midnight: an end before the start on its day is the next day.
                 "session_starts_at": "2026-05-18T23:00",
                 "session_ends_at": "2026-05-18T00:30"})
    before = len(store.list_sessions(event_file))
    imported = apply_slots_csv(event_file, _csv(rows), source="edited.csv")
    assert imported.added == 1
    sessions = store.list_sessions(event_file, with_slots=True)
    assert len(sessions) == before + 1
    moved = next(s for s in sessions if s.title == first)
    assert (moved.starts_at, moved.ends_at) == ("2026-05-18T11:00", "2026-05-18T12:15")
    closing = sessions[-1]
    assert closing.title == "Closing plenary"
    assert (closing.starts_at, closing.ends_at) == ("2026-05-18T23:00", "2026-05-19T00:30")
    assert [slot.person.name for slot in closing.slots] == ["Ana Lima"]


@pytest.mark.parametrize(("change", "message"), [
    ({"session_starts_at": "tomorrow morning"},
     r"edited\.csv, line 2: session_starts_at 'tomorrow morning' is not a date and time"),
    ({"session_starts_at": "2026-05-18T10:00", "session_ends_at": "2026-05-17T11:00"},
     r"edited\.csv, line 2: the session ends .* before it starts"),
])
def test_bad_session_times_are_refused_whole(event_file, change, message):
    rows = _exported_csv(event_file)
    rows.append({**rows[0], "session": "New panel", "name": "X"})
    rows[0].update(change)
    before = store.list_sessions(event_file, with_slots=True)
    with pytest.raises(AgendaError, match=message):
        apply_slots_csv(event_file, _csv(rows), source="edited.csv")
    assert store.list_sessions(event_file, with_slots=True) == before


def test_rows_of_one_session_with_two_times_are_refused(event_file):
    rows = _exported_csv(event_file)
    second = next(n for n, row in enumerate(rows) if row["session"] == rows[0]["session"]
                  and n > 0)
    rows[second]["session_starts_at"] = "2026-05-18T09:00"
    before = store.list_sessions(event_file, with_slots=True)
    with pytest.raises(AgendaError, match=rf"line {second + 2}: session '.*' starts and ends "
                                          r"at 2026-05-18T09:00.* on line 2"):
        apply_slots_csv(event_file, _csv(rows), source="edited.csv")
    assert store.list_sessions(event_file, with_slots=True) == before


def test_a_plain_speakers_table_still_only_fills_sessions(tmp_path):
    """Without the sessions' times, a row naming a session the event lacks is a mistake
    (a typo in a title), not a new session: refused, nothing written."""
    path = create_event_file(tmp_path / "empty.db", None)
    table = "session,name,planned_minutes\nOpening,Ana,5\n"
    with EventFile.open(path) as ef:
        with pytest.raises(AgendaError, match="unknown session 'Opening'"):
            apply_slots_csv(ef, table, source="speakers.csv")
        assert store.list_sessions(ef) == []
        store.add_session(ef, Session(title="Opening"))
        imported = apply_slots_csv(ef, table, source="speakers.csv")
        assert (imported.added, imported.sessions, imported.slots) == (None, 1, 1)


def _everything(path: Path) -> list[tuple]:
    """What a user expects back: each session in its order with its room, times (as
    instants), people, questions, themes and description, and its speakers in order with
    their roles, affiliations and planned time."""
    with EventFile.open(path) as ef:
        zone = event_time_zone(ef)
        return [(s.title, s.room, wall_time_instant(s.starts_at, zone),
                 wall_time_instant(s.ends_at, zone), s.moderator, s.rapporteur,
                 s.guiding_questions, s.themes, s.description,
                 [(slot.person, slot.kind, slot.planned_seconds, slot.until_at)
                  for slot in s.slots])
                for s in store.list_sessions(ef, with_slots=True)]


def test_the_xlsx_export_into_an_empty_event_keeps_what_a_user_expects(tmp_path):
    """The export's Sessions sheet is read back too. Before: rooms, moderators,
    rapporteurs, guiding questions, themes and descriptions were lost, and a session with
    no speakers yet did not come back at all."""
    source = create_event_file(tmp_path / "source.db", "walrg")
    with EventFile.open(source) as ef:
        set_event_time_zone(ef, "Asia/Kathmandu")
        store.add_session(ef, Session(
            title="Closing plenary", room="Hall B", starts_at="2026-05-18T17:00",
            ends_at="2026-05-18T17:30", moderator="Ana Lima", rapporteur="Bo Chen",
            guiding_questions=("Who pays; who decides?", "What next?"),
            themes=("finance", "SDG 11"), description="Wrap-up.\n\nOutcomes read out."))
    exported = tmp_path / "agenda.xlsx"
    done = run("export", source, "--format", "xlsx", "-o", exported, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    target = tmp_path / "new.db"
    assert run("new", target, "--empty", cwd=tmp_path).returncode == 0

    done = run("import", target, exported, cwd=tmp_path)

    assert done.returncode == 0, done.stderr
    expected = _everything(source)
    assert len(expected) == 4 and expected[-1][-1] == []  # the closing plenary: no speakers
    assert _everything(target) == expected
    assert "4 sessions added, 0 updated, 27 speaking slots" in done.stdout
    # Into the event it came from: the same sessions, updated, nothing added.
    done = run("import", source, exported, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert _everything(source) == expected
    assert "in 4 sessions" in done.stdout


def test_a_sessions_sheet_that_disagrees_with_the_speakers_times_is_refused(tmp_path):
    from openpyxl import load_workbook

    source = create_event_file(tmp_path / "source.db", "walrg")
    exported = tmp_path / "agenda.xlsx"
    assert run("export", source, "--format", "xlsx", "-o", exported,
               cwd=tmp_path).returncode == 0
    book = load_workbook(exported)
    book["Sessions"]["D2"] = "2026-05-18T09:00+02:00"  # the first session's start
    book.save(exported)
    target = tmp_path / "new.db"
    assert run("new", target, "--empty", cwd=tmp_path).returncode == 0

    done = run("import", target, exported, cwd=tmp_path)

    assert done.returncode == 1
    assert "agenda.xlsx, sheet Agenda, row 2: session 'The local SDG rescue plan" in done.stderr
    assert "on agenda.xlsx, sheet Sessions, row 2: write the same times on both sheets" \
        in done.stderr
    with EventFile.open(target) as ef:
        assert store.list_sessions(ef) == []  # all or nothing
