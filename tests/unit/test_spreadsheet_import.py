"""Agendas as people have them: CSV from Excel in any locale, and .xlsx workbooks."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from facilitator.core.agenda import AgendaError, parse_slots_csv
from facilitator.store import sessions as store
from facilitator.store.agenda_io import import_agenda

FIELD_CASES = Path(__file__).parents[1] / "field_cases"
EXPECTED = [("Hélène Dupré", "opening", 300), ("José Núñez", "panellist", 450),
            ("Jürgen Weiß", "panellist", 420)]


def _first_session(event_file) -> list[tuple[str, str, int]]:
    session = store.list_sessions(event_file, with_slots=True)[0]
    return [(s.person.name, s.kind.value, s.planned_seconds) for s in session.slots]


def test_excel_french_csv_imports(event_file):
    """The field case: Excel's "CSV UTF-8" in French: `;`, a BOM, CRLF, a decimal comma."""
    summary = str(import_agenda(event_file, FIELD_CASES / "agenda-excel-fr-semicolon-bom-crlf.csv"))
    assert "3 speaking slots in 1 session" in summary
    assert _first_session(event_file) == EXPECTED
    first = store.list_sessions(event_file, with_slots=True)[0].slots[0].person
    assert (first.role, first.organisation, first.country) == ("Maire", "Ville de Lyon", "France")


ROWS = [["session", "order", "kind", "name", "role", "planned_minutes"],
        ["1", "1", "opening", "Hélène Dupré", "Maire", "5"],
        ["1", "2", "panellist", "José Núñez", "Alcalde, Ciudad de México", "7,5"],
        ["1", "3", "", "Jürgen Weiß", "Bürgermeister", "7"]]


def _csv(delimiter: str, newline: str, *, bom: bool, quote_all: bool = False) -> bytes:
    def cell(text: str) -> str:
        if quote_all or delimiter in text or "," in text:
            return '"' + text.replace('"', '""') + '"'
        return text

    text = newline.join(delimiter.join(cell(c) for c in row) for row in ROWS) + newline
    return (("\ufeff" if bom else "") + text).encode("utf-8")


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("bom", [True, False])
def test_every_common_csv_dialect_imports(event_file, tmp_path, delimiter, newline, bom):
    path = tmp_path / "agenda.csv"
    path.write_bytes(_csv(delimiter, newline, bom=bom))
    import_agenda(event_file, path)
    assert _first_session(event_file) == EXPECTED


def test_quoted_cells_tsv_and_sep_line(event_file, tmp_path):
    quoted = tmp_path / "quoted.csv"
    quoted.write_bytes(_csv(";", "\r\n", bom=True, quote_all=True))
    import_agenda(event_file, quoted)
    assert _first_session(event_file) == EXPECTED
    tsv = tmp_path / "agenda.tsv"
    tsv.write_bytes(_csv("\t", "\n", bom=False))
    import_agenda(event_file, tsv)
    assert _first_session(event_file) == EXPECTED
    # Some tools put "sep=;" first so Excel splits the columns: it says the delimiter.
    sep = tmp_path / "sep.csv"
    sep.write_bytes(b"sep=;\r\n" + _csv(";", "\r\n", bom=False))
    import_agenda(event_file, sep)
    assert _first_session(event_file) == EXPECTED


def test_utf16_tab_separated_from_excel_imports(event_file, tmp_path):
    """Excel's "Unicode text": UTF-16 with a BOM, tab-separated."""
    path = tmp_path / "agenda.tsv"
    path.write_bytes(_csv("\t", "\r\n", bom=False).decode("utf-8").encode("utf-16"))
    import_agenda(event_file, path)
    assert _first_session(event_file) == EXPECTED


def test_headers_as_people_type_them(event_file, tmp_path):
    path = tmp_path / "agenda.csv"
    path.write_text("Session;Name;Planned minutes;Organization;;\n1;Ana Lima;4,5;Quito;;\n",
                    encoding="utf-8")
    import_agenda(event_file, path)
    slot = store.list_sessions(event_file, with_slots=True)[0].slots[0]
    assert (slot.person.name, slot.person.organisation, slot.planned_seconds) == (
        "Ana Lima", "Quito", 270)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("who;what\nAna;5\n",
         r"line 1: missing columns session, name, planned_minutes \(the first row separated "
         r"by semicolons holds: who, what; expected: session, order"),
        ("session;name;planned_minutes\n1;Ana;5\n1;Bo;cinq\n", r"line 3: bad duration 'cinq'"),
        ("session\tname\tplanned_minutes\n1\tAna\t5\n1\tBo\t5\textra\n",
         r"line 3: more values than columns"),
        ("session;name;planned_minutes\n\n1;Ana;5\n1;;5\n", r"line 4: missing name"),
        ("session;name;name;planned_minutes\n1;Ana;Bo;5\n", r"line 1: column name appears twice"),
        ('session,name,planned_minutes\n1,"Ana\nLima",5\n1,Bo,dance\n',
         r"line 4: bad duration 'dance'"),
        ("", r"the file holds no rows"),
    ],
)
def test_bad_csv_gets_a_line_numbered_error(event_file, tmp_path, content, expected):
    before = _first_session(event_file)
    path = tmp_path / "a.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AgendaError, match=expected):
        import_agenda(event_file, path)
    assert _first_session(event_file) == before


def test_exported_formula_guard_is_taken_off_on_import():
    rows = parse_slots_csv("session,name,planned_minutes\n1,'=Dr. Null,5\n1,'Ana',5\n")
    assert [row.slot.person.name for row in rows] == ["=Dr. Null", "'Ana'"]


# --- workbooks ----------------------------------------------------------------------------


def _workbook(rows: list[list[object]], *, before: list[list[object]] | None = None,
              title: str = "Agenda") -> bytes:
    book = Workbook()
    if before is not None:  # another sheet first, as many organisers' files have
        book.active.title = "Notes"
        for row in before:
            book.active.append(row)
        sheet = book.create_sheet(title)
    else:
        sheet = book.active
        sheet.title = title
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_xlsx_imports_with_numbers_as_numbers(event_file, tmp_path):
    path = tmp_path / "Programme.xlsx"
    path.write_bytes(_workbook(
        [["Session", "Order", "Kind", "Name", "Role", "Planned minutes"],
         [1, 1, "opening", "Hélène Dupré", "Maire", 5],
         [1, 2, "panellist", "José Núñez", "Alcalde", 7.5],
         [None, None, None, None, None, None],
         [1, 3.0, None, "Jürgen Weiß", "Bürgermeister", "7"]],
        before=[["Draft programme, do not print"]]))
    summary = str(import_agenda(event_file, path))
    assert "3 speaking slots in 1 session" in summary
    assert _first_session(event_file) == EXPECTED


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([["session", "name", "planned_minutes"], [1, "Ana", 5], [1, "Bo", "soon"]],
         r"a\.xlsx, sheet Agenda, row 3: bad duration 'soon'"),
        ([["session", "name", "planned_minutes"], [1, "Ana", 5], ["Nowhere", "Bo", 5]],
         r"a\.xlsx, sheet Agenda, row 3: unknown session 'Nowhere'"),
        ([["who", "what"], ["Ana", 5]],
         r"a\.xlsx: no sheet has the columns session, name, planned_minutes in its first row "
         r"\(sheets: Agenda"),
    ],
)
def test_bad_xlsx_gets_a_row_numbered_error(event_file, tmp_path, rows, expected):
    before = _first_session(event_file)
    path = tmp_path / "a.xlsx"
    path.write_bytes(_workbook(rows))
    with pytest.raises(AgendaError, match=expected):
        import_agenda(event_file, path)
    assert _first_session(event_file) == before


def test_a_file_that_is_not_a_workbook(event_file, tmp_path):
    path = tmp_path / "agenda.xlsx"
    path.write_text("session,name,planned_minutes\n1,Ana,5\n", encoding="utf-8")
    with pytest.raises(AgendaError, match=r"agenda\.xlsx: not an Excel workbook"):
        import_agenda(event_file, path)


def test_cli_imports_the_field_case(tmp_path):
    import subprocess
    import sys

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "facilitator", *args], cwd=tmp_path,
                              capture_output=True, text=True, timeout=60)

    assert run("new", "e.db").returncode == 0
    agenda = FIELD_CASES / "agenda-excel-fr-semicolon-bom-crlf.csv"
    result = run("import", "e.db", str(agenda))
    assert result.returncode == 0, result.stderr
    assert "3 speaking slots in 1 session" in result.stdout
