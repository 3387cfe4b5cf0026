"""Speaker lists laid out as organisers lay them out in a spreadsheet: a title and a blank
row above the table, the session typed once in a cell merged down over its speakers' rows.

Before: "no sheet has the columns … in its first row" (a title above the header) and
"row 3: missing session" (a merged session cell) — the file had to be reworked by hand.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from facilitator.core.agenda import AgendaError, parse_slots_csv
from facilitator.core.agenda_imported import AgendaImported
from facilitator.store import sessions as store
from facilitator.store.agenda_io import import_agenda, parse_slots_workbook

HEADER = ["Session", "Order", "Name", "Role", "Planned minutes"]
SPEAKERS = [[1, 1, "Hélène Dupré", "Maire", 5],
            [None, 2, "José Núñez", "Alcalde", 7.5],
            [None, 3, "فاطمة الزهراء", "Mayor", 7]]


def _book(rows: list[list[object]], *, merges: tuple[str, ...] = (),
          title: str | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Speakers"
    if title is not None:  # a title merged across the table, then a blank row
        sheet.append([title])
        sheet.merge_cells("A1:E1")
        sheet.append([])
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _slots(data: bytes) -> list[tuple[str, str, str, int]]:
    rows = parse_slots_workbook(data, "speakers.xlsx").rows
    return [(r.session, r.slot.person.name, r.slot.person.role, r.slot.planned_seconds)
            for r in rows]


EXPECTED = [("1", "Hélène Dupré", "Maire", 300), ("1", "José Núñez", "Alcalde", 450),
            ("1", "فاطمة الزهراء", "Mayor", 420)]


def test_a_session_merged_down_belongs_to_each_row():
    assert _slots(_book([HEADER, *SPEAKERS], merges=("A2:A4",))) == EXPECTED


def test_a_duration_merged_down_too():
    rows = [HEADER, [1, 1, "Ana", "", 6], [1, 2, "Bo", "", None], [1, 3, "Cy", "", None]]
    assert [s[3] for s in _slots(_book(rows, merges=("E2:E4",)))] == [360, 360, 360]


def test_a_cell_merged_across_stays_in_its_first_column():
    rows = [HEADER, [1, 1, "A very long name indeed", None, 5]]
    assert _slots(_book(rows, merges=("C2:D2",))) == [
        ("1", "A very long name indeed", "", 300)]


def test_without_the_merge_an_empty_session_is_still_refused():
    with pytest.raises(AgendaError, match=r"sheet Speakers, row 3: missing session"):
        _slots(_book([HEADER, *SPEAKERS]))


def test_a_title_above_the_table():
    data = _book([HEADER, *SPEAKERS], merges=("A4:A6",), title="World Assembly — speakers")
    assert _slots(data) == EXPECTED


def test_rows_keep_the_sheets_numbers_below_a_title():
    rows = [HEADER, [1, 1, "Ana", "", 5], [1, 2, "Bo", "", "soon"]]
    with pytest.raises(AgendaError, match=r"speakers\.xlsx, sheet Speakers, row 5: bad "
                                          r"duration 'soon'"):
        _slots(_book(rows, title="Programme"))


def test_a_sheet_whose_table_starts_too_far_down_is_not_the_agenda():
    data = _book([*[[f"line {n}"] for n in range(12)], HEADER, [1, 1, "Ana", "", 5]])
    with pytest.raises(AgendaError, match="no sheet has the columns"):
        _slots(data)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_csv_with_a_title_line_as_excel_saves_it(newline):
    """Excel's "CSV UTF-8" (French locale) of the same sheet: the title and the blank row
    become lines of semicolons above the header."""
    lines = ["World Assembly — speakers;;;;", ";;;;", "Session;Order;Name;Role;Planned minutes",
             "1;1;Hélène Dupré;Maire;5", "1;2;José Núñez;Alcalde;7,5", "1;3;Bo;;soon"]
    text = "\ufeff" + newline.join(lines) + newline
    with pytest.raises(AgendaError, match=r"line 6: bad duration 'soon'"):
        parse_slots_csv(text)
    rows = parse_slots_csv(newline.join(lines[:5]))
    assert [(r.slot.person.name, r.slot.planned_seconds) for r in rows] == [
        ("Hélène Dupré", 300), ("José Núñez", 450)]


def test_the_whole_import_of_a_merged_sheet(event_file, tmp_path):
    path = tmp_path / "Speakers.xlsx"
    session = store.list_sessions(event_file)[0]
    rows = [HEADER, [session.title, 1, "Ana", "Mayor", 5], [None, 2, "Bo", "Minister", 5]]
    path.write_bytes(_book(rows, merges=("A4:A5",), title="Panel 1"))
    assert import_agenda(event_file, path) == AgendaImported(slots=2, sessions=1)
    slots = store.get_session(event_file, session.stored_id).slots
    assert [s.person.name for s in slots] == ["Ana", "Bo"]


# --- LibreOffice's own format, and Excel 97 -------------------------------------------------

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("name", ["speakers-libreoffice.ods", "speakers-libreoffice.xls"])
def test_libreoffice_and_old_excel_workbooks_import(event_file, name):
    """Saved by LibreOffice Calc (``soffice --convert-to``) from a sheet with a title row:
    .ods is what LibreOffice saves by default. Before: "agenda files end in .json, .csv,
    .tsv or .xlsx"."""
    assert import_agenda(event_file, DATA / name) == AgendaImported(slots=3, sessions=1)
    slots = store.list_sessions(event_file, with_slots=True)[0].slots
    assert [(s.person.name, s.person.organisation, s.planned_seconds) for s in slots] == [
        ("Hélène Dupré", "Ville de Lyon", 300), ("فاطمة الزهراء", "بلدية", 450),
        ("王小明", "北京市人民政府", 420)]


def test_the_import_dialog_offers_them(qapp):
    from facilitator.gui.main_window import agenda_filter

    assert "*.ods" in agenda_filter() and "*.xls" in agenda_filter().split(";;")[0].split()[-1]


@pytest.mark.parametrize("fmt", ["ods", "xls", "xlsx"])
def test_merged_cells_are_filled_down_in_every_workbook_format(tmp_path, event_file, fmt):
    """A session typed once in a cell merged down over its five speakers' rows, and one
    duration merged over the last two, in LibreOffice's .ods and Excel 97's .xls as in
    .xlsx. Before: an .ods said "row 3: missing session" (calamine gives no merged cells
    for .ods; store/sheet_layout.py reads them from the file)."""
    from agenda_books import table

    session = store.list_sessions(event_file)[0]
    rows = [["Session", "Name", "Planned minutes"], [session.title, "Ana", 5],
            [None, "Bo", 6], [None, "Cy", 7], [None, "Di", 4], [None, "Ed", None]]
    path = table(fmt, tmp_path / f"speakers.{fmt}", rows, merges=((1, 0, 5), (4, 2, 2)))
    assert import_agenda(event_file, path) == AgendaImported(slots=5, sessions=1)
    slots = store.get_session(event_file, session.stored_id).slots
    assert [(s.person.name, s.planned_seconds) for s in slots] == [
        ("Ana", 300), ("Bo", 360), ("Cy", 420), ("Di", 240), ("Ed", 240)]
