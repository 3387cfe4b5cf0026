"""Text in agenda files follows the rule typed text follows, whatever the file's format.

Organisers' agendas come from Word, Excel and web forms: a name with an Excel Alt+Enter
line break, a title pasted with a right-to-left override or a vertical tab, a JSON file
whose writer cut an emoji in half (a lone surrogate escape). Each used to be stored as it
was: the surrogate made the import end in a traceback, a control character in a session
title made the session's workbook exports fail, and an override reversed text on the
projector. Now every text field of a JSON, CSV or .xlsx agenda is cleaned by
``core.text.normalise_text`` (descriptions keep their line breaks).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from facilitator.reports.exports import export_data
from facilitator.store import EventFile
from facilitator.store import sessions as store
from facilitator.store.agenda_io import create_event_file, import_agenda

FIELD_CASES = Path(__file__).parents[1] / "field_cases"

# What a file may hold in a one-line field, and what is stored.
DIRTY_NAMES = {
    "excel line break": ("Ana Maria\nda Silva", "Ana Maria da Silva"),
    "windows line break": ("Ana\r\nLima", "Ana Lima"),
    "vertical tab from Word": ("Ana\x0bLima", "Ana Lima"),
    "bell and escape": ("Ana\x07 \x1b[31mLima", "Ana [31mLima"),
    "right-to-left override": ("Ana \u202eamiL", "Ana amiL"),
    "zero-width space": ("Ana\u200b Lima", "Ana Lima"),
    "lone surrogate": ("Ana Lima \ud83d", "Ana Lima"),
    "NUL": ("Ana\x00 Lima", "Ana Lima"),
    "tabs and runs of spaces": ("  Ana\t\tLima  ", "Ana Lima"),
}
# Writing whose invisible characters are part of it stays byte for byte.
KEPT = ["مریم می\u200cخواهد", "अनुराधा क्षेत्रपाल", "👩🏽\u200d💼 Ana", "سارا (UN-Habitat)"]


def _json_agenda(name: str, *, title: str = "Panel one") -> str:
    return json.dumps({
        "event": {"title": name},
        "sessions": [{
            "title": title, "description": "First line\r\nsecond line\x0c",
            "room": f"Hall {name}", "guiding_questions": [name, "\ud83d"],
            "slots": [{"name": name, "organisation": name, "planned_minutes": 5}],
        }],
    })


def _people(event_file: EventFile) -> list[tuple[str, str]]:
    session = store.list_sessions(event_file, with_slots=True)[0]
    return [(slot.person.name, slot.person.organisation) for slot in session.slots]


@pytest.fixture
def empty(tmp_path: Path):
    with EventFile.open(create_event_file(tmp_path / "empty.db", None)) as opened:
        yield opened


@pytest.mark.parametrize(("typed", "stored"), DIRTY_NAMES.values(), ids=DIRTY_NAMES.keys())
def test_json_agenda_text_is_cleaned(empty, tmp_path, typed, stored):
    path = tmp_path / "agenda.json"
    path.write_text(_json_agenda(typed, title=f"Panel {typed}"), encoding="utf-8")
    import_agenda(empty, path)
    session = store.list_sessions(empty, with_slots=True)[0]
    assert _people(empty) == [(stored, stored)]
    assert session.title == f"Panel {stored}"
    assert session.room == f"Hall {stored}"
    assert session.guiding_questions == (stored,)  # the empty one dropped
    assert store.get_event(empty).title == stored
    assert session.description == "First line\nsecond line"


# A lone surrogate cannot be in a UTF-8 file or a workbook: only a JSON escape carries one.
IN_TABLES = {key: value for key, value in DIRTY_NAMES.items() if key != "lone surrogate"}


@pytest.mark.parametrize(("typed", "stored"), IN_TABLES.values(), ids=IN_TABLES.keys())
def test_csv_and_workbook_agenda_text_is_cleaned(event_file, tmp_path, typed, stored):
    first = store.list_sessions(event_file)[0].title
    rows = [["session", "name", "organisation", "planned_minutes"], [first, typed, typed, 5]]
    text = tmp_path / "agenda.csv"
    with text.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(rows)  # a cell with a line break quoted, as Excel does
    paths = [text]
    if not ILLEGAL_CHARACTERS_RE.search(typed):  # openpyxl writes no control characters
        workbook = Workbook()
        for row in rows:
            workbook.active.append(row)
        paths.append(tmp_path / "agenda.xlsx")
        workbook.save(paths[-1])
    for path in paths:
        import_agenda(event_file, path)
        assert _people(event_file) == [(stored, stored)], path.name


@pytest.mark.parametrize("text", KEPT)
def test_every_scripts_writing_is_imported_as_typed(empty, tmp_path, text):
    path = tmp_path / "agenda.json"
    path.write_text(_json_agenda(text), encoding="utf-8")
    import_agenda(empty, path)
    assert _people(empty) == [(text, text)]


def test_the_devanagari_field_case_imports_as_typed(empty, tmp_path):
    name, organisation = (FIELD_CASES / "names-devanagari.csv").read_text(
        encoding="utf-8").splitlines()[1].split(",")
    path = tmp_path / "agenda.json"
    path.write_text(json.dumps({"sessions": [{"title": "Panel", "slots": [
        {"name": name, "organisation": organisation, "planned_minutes": 5}]}]}),
        encoding="utf-8")
    import_agenda(empty, path)
    assert _people(empty) == [(name, organisation)]


def test_a_reimport_finds_a_session_whose_stored_title_is_spaced_differently(empty, tmp_path):
    path = tmp_path / "agenda.json"
    path.write_text(_json_agenda("Ana"), encoding="utf-8")
    import_agenda(empty, path)
    # As the laptop's Details box may have stored it (two spaces, a trailing tab).
    empty.db.execute("UPDATE sessions SET title = 'Panel  ONE\t'")
    path.write_text(_json_agenda("Bo", title="Panel one"), encoding="utf-8")
    assert "0 sessions added, 1 updated" in str(import_agenda(empty, path))
    csv = tmp_path / "slots.csv"
    csv.write_text("session,name,planned_minutes\nPanel one,Cy,5\n", encoding="utf-8")
    import_agenda(empty, csv)
    assert _people(empty) == [("Cy", "")]


@pytest.mark.parametrize("what", ["agenda", "questions", "notes", "timing", "polls"])
def test_an_imported_agenda_exports_in_every_format(empty, tmp_path, what):
    path = tmp_path / "agenda.json"
    path.write_text(_json_agenda("Ana\x0b\x01Lima\x00"), encoding="utf-8")
    import_agenda(empty, path)
    for fmt in ("xlsx", "csv", "json"):
        try:
            data = export_data(empty, what, fmt)
        except Exception as error:  # a format the export does not offer is refused clearly
            assert "cannot export" in str(error), (what, fmt)
            continue
        if fmt == "xlsx":
            load_workbook(io.BytesIO(data))


def test_text_stored_by_an_older_facilitator_still_exports_everywhere(sample_path, tmp_path,
                                                                       capsys):
    # Files imported before the rule above hold whatever the agenda held: every export and
    # report still writes, without the characters its format cannot hold.
    from facilitator.cli import main

    dirty = "Panel\x0b one\x01 \u202eevil\x00"
    with EventFile.open(sample_path) as ef:
        ef.db.execute("UPDATE sessions SET title = ?, room = ?, moderator = ?",
                      [dirty, dirty, dirty])
        ef.db.execute("UPDATE events SET title = ?", [dirty])
        ef.db.execute("UPDATE people SET name = ?, organisation = ?", [dirty, dirty])
    commands = [["export", "--format", fmt] for fmt in ("xlsx", "csv", "json")]
    commands += [[what, "--session", "1", "--format", fmt]
                 for what in ("questions", "notes", "timing", "polls")
                 for fmt in ("xlsx", "csv", "json")]
    commands += [["report", "--session", "1"], ["report", "--all"], ["summary"]]
    for number, command in enumerate(commands):
        suffix = {"report": ".pdf", "summary": ".md"}.get(command[0], "")
        target = tmp_path / f"out{number}{suffix or '.' + command[-1]}"
        assert main([command[0], str(sample_path), *command[1:], "-o", str(target)]) == 0, (
            command, capsys.readouterr().err)
        if target.suffix == ".xlsx":
            load_workbook(target)
    docx = tmp_path / "summary.docx"
    assert main(["report", str(sample_path), "--session", "1", "-o", str(docx)]) == 0
