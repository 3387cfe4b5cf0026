"""Organisers filter the venue's master agenda to one hall and one day (the spreadsheet's
filter, or rows hidden by hand) and send the file: what they see is what is imported.

Before: every row came in — the other halls' speakers were added to this hall's panel, and
an .ods session typed once in a merged cell was "missing session" on the rows below it.
The files are made here by the libraries that write each format (agenda_books.py) and go
in through the real command line; the event file is read back.
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from agenda_books import SHOWN, WRITERS

from facilitator.core.agenda_imported import AgendaImported
from facilitator.store import EventFile
from facilitator.store import sessions as store
from facilitator.store.agenda_io import create_event_file, import_agenda
from facilitator.store.sheet_layout import SheetLayout, sheet_layout

DATA = Path(__file__).parent / "data"


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "facilitator", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def speakers(path: Path) -> dict[str, list[tuple[str, str, int]]]:
    with EventFile.open(path) as ef:
        return {s.title: [(slot.person.name, slot.person.role, slot.planned_seconds)
                          for slot in s.slots]
                for s in store.list_sessions(ef, with_slots=True)}


@pytest.mark.parametrize("fmt", ["xlsx", "ods", "xls"])
def test_hidden_and_filtered_rows_are_left_out_and_counted(tmp_path, fmt):
    event = create_event_file(tmp_path / "event.db", "walrg")
    before = speakers(event)
    first, second = list(before)[:2]
    agenda = WRITERS[fmt](tmp_path / f"master.{fmt}", first, second)

    done = run("import", event, agenda, cwd=tmp_path)

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith(
        "2 speaking slots in 1 session, 3 hidden rows left out"), done.stdout
    after = speakers(event)
    # The hall shown: its two visible speakers, in order, though its session was typed
    # once in a merged cell whose own row is hidden.
    assert after[first] == SHOWN
    # The hall filtered out: its session's speakers are as they were.
    assert after[second] == before[second]


def test_a_hidden_column_is_read(tmp_path, event_file):
    """Hiding a column is a way of looking (a narrower print), not a filter: its cells
    belong to the rows shown, and a hidden required column would refuse the whole file."""
    first, second = [s.title for s in store.list_sessions(event_file)][:2]
    agenda = WRITERS["xlsx"](tmp_path / "master.xlsx", first, second, hide_role_column=True)

    assert import_agenda(event_file, agenda) == AgendaImported(slots=2, sessions=1,
                                                               hidden_rows=3)
    session = store.list_sessions(event_file, with_slots=True)[0]
    assert [slot.person.role for slot in session.slots] == ["Maire", "Mayor"]


@pytest.mark.parametrize("name", ["speakers-libreoffice.ods", "speakers-libreoffice.xls"])
def test_files_saved_by_libreoffice_have_no_hidden_rows(name):
    layout = sheet_layout((DATA / name).read_bytes(), "Speakers")
    assert layout.known and layout.rows_hidden(1000) == set()


def test_a_sheet_whose_rows_cannot_be_told_is_said_so(tmp_path):
    # A workbook part calamine does not need (its relationships) damaged: the cells are
    # read, the hidden rows cannot be told.
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as book:
        book.writestr("xl/workbook.xml", "<workbook><sheets><sheet name='S'/></sheets>")
    assert sheet_layout(broken.getvalue(), "S") == SheetLayout(known=False)
    said = str(AgendaImported(slots=3, sessions=1, hidden_rows=None))
    assert said == ("3 speaking slots in 1 session; hidden rows could not be told apart: "
                    "every row was imported")
    assert str(AgendaImported(slots=1, sessions=1, hidden_rows=1)).endswith(
        ", 1 hidden row left out")


def test_the_export_filtered_to_some_sessions_makes_only_those(tmp_path):
    """The app's own export, its last session hidden on both sheets (as a filter on the
    Agenda sheet and a hidden row on the Sessions sheet): imported into an empty event it
    makes the sessions shown, and counts every row left out."""
    from openpyxl import load_workbook

    source = create_event_file(tmp_path / "source.db", "walrg")
    exported = tmp_path / "agenda.xlsx"
    assert run("export", source, "--format", "xlsx", "-o", exported,
               cwd=tmp_path).returncode == 0
    book = load_workbook(exported)
    last = book["Sessions"].cell(row=4, column=2).value
    book["Sessions"].row_dimensions[4].hidden = True
    agenda = book["Agenda"]
    hidden = [row[0].row for row in agenda.iter_rows(min_row=2) if row[0].value == last]
    for number in hidden:
        agenda.row_dimensions[number].hidden = True
    book.save(exported)
    target = tmp_path / "new.db"
    assert run("new", target, "--empty", cwd=tmp_path).returncode == 0

    done = run("import", target, exported, cwd=tmp_path)

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith(f"{len(hidden) + 1} hidden rows left out")
    assert "2 sessions added" in done.stdout
    assert last not in speakers(target) and len(speakers(target)) == 2


def test_a_hidden_sheet_gives_way_to_the_one_shown(tmp_path, event_file):
    """An old copy of the speakers list kept on a hidden sheet before the one on show:
    the one on show is imported (before: the first sheet with the columns, hidden or not)."""
    from openpyxl import Workbook

    title = store.list_sessions(event_file)[0].title
    book = Workbook()
    old = book.active
    old.title = "Old draft"
    old.sheet_state = "hidden"
    new = book.create_sheet("Speakers")
    for sheet, name in ((old, "Old Speaker"), (new, "New Speaker")):
        sheet.append(["session", "name", "planned_minutes"])
        sheet.append([title, name, 5])
    book.save(tmp_path / "speakers.xlsx")

    import_agenda(event_file, tmp_path / "speakers.xlsx")

    session = store.list_sessions(event_file, with_slots=True)[0]
    assert [slot.person.name for slot in session.slots] == ["New Speaker"]
