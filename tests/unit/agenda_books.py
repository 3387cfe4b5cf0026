"""Agenda workbooks as organisers send them, made in the test by the libraries that write
each format (openpyxl for .xlsx, odfpy for LibreOffice's .ods, xlwt for Excel 97's .xls):
the venue's master agenda (every hall) filtered to one hall, one more row hidden by hand,
each session typed once in a cell merged down over its speakers' rows."""

from __future__ import annotations

from pathlib import Path

HEADER = ["Hall", "Session", "Name", "Role", "Planned minutes"]
TITLE = "Master agenda — all halls"


def master_rows(first: str, second: str) -> list[tuple[list[object], str]]:
    """(cells, how the row is hidden: "" shown, "hand", "filter") below the header, rows 4
    to 8 of the sheet; the session cell is filled in each group's first row only (merged
    down over the group). The first hall's first speaker is hidden by hand: the merged
    session cell sits on a hidden row."""
    return [
        (["Hall 1", first, "José Núñez", "Alcalde", 7.5], "hand"),
        (["Hall 1", None, "Hélène Dupré", "Maire", 5], ""),
        (["Hall 1", None, "فاطمة الزهراء", "Mayor", 7], ""),
        (["Hall 2", second, "Ann Lee", "Minister", 6], "filter"),
        (["Hall 2", None, "Bob Stone", "Envoy", 4], "filter"),
    ]


SHOWN = [("Hélène Dupré", "Maire", 300), ("فاطمة الزهراء", "Mayor", 420)]
"""What the first session's speakers list holds after the import."""
MERGES = ((3, 1, 3), (6, 1, 2))  # (first row index, column index, rows spanned)


def xlsx(path: Path, first: str, second: str, *, hide_role_column: bool = False) -> Path:
    from openpyxl import Workbook
    from openpyxl.worksheet.filters import FilterColumn, Filters

    book = Workbook()
    sheet = book.active
    sheet.title = "Master"
    sheet.append([TITLE])
    sheet.append([])
    sheet.append(HEADER)
    for number, (cells, hidden) in enumerate(master_rows(first, second), 4):
        sheet.append(cells)
        # Excel writes a filter's result as hidden rows, as it writes rows hidden by hand.
        sheet.row_dimensions[number].hidden = bool(hidden)
    for top, column, rows in MERGES:
        sheet.merge_cells(start_row=top + 1, start_column=column + 1,
                          end_row=top + rows, end_column=column + 1)
    sheet.auto_filter.ref = "A3:E8"
    sheet.auto_filter.filterColumn.append(
        FilterColumn(colId=0, filters=Filters(filter=["Hall 1"])))
    if hide_role_column:
        sheet.column_dimensions["D"].hidden = True
    book.save(path)
    return path


def ods(path: Path, first: str, second: str) -> Path:
    """As LibreOffice Calc writes it: a filtered row is ``table:visibility="filter"``, one
    hidden by hand ``"collapse"``; a merged cell has ``table:number-rows-spanned`` and
    covers the cells below it; the sheet's empty tail is one repeated row."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import (
        CoveredTableCell,
        DatabaseRange,
        DatabaseRanges,
        Filter,
        FilterCondition,
        Table,
        TableCell,
        TableColumn,
        TableRow,
    )
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Master")
    table.addElement(TableColumn(numbercolumnsrepeated=len(HEADER)))

    def cell(value: object, spanned: int = 1) -> TableCell:
        extra = {"numberrowsspanned": spanned} if spanned > 1 else {}
        if isinstance(value, int | float):
            made = TableCell(valuetype="float", value=value, **extra)
        else:
            made = TableCell(valuetype="string", **extra)
        made.addElement(P(text=str(value)))
        return made

    def row(cells: list[object], visibility: str = "", spans: dict[int, int] | None = None
            ) -> None:
        made = TableRow(visibility=visibility) if visibility else TableRow()
        for column, value in enumerate(cells):
            if value is None:
                made.addElement(CoveredTableCell())
            else:
                made.addElement(cell(value, (spans or {}).get(column, 1)))
        table.addElement(made)

    row([TITLE])
    table.addElement(TableRow())
    row(HEADER)
    spans = {top: rows for top, _column, rows in MERGES}
    for index, (cells, hidden) in enumerate(master_rows(first, second), 3):
        row(cells, {"hand": "collapse", "filter": "filter"}.get(hidden, ""),
            {1: spans[index]} if index in spans else None)
    # LibreOffice's empty tail, hidden too here: empty rows are not counted as left out.
    table.addElement(TableRow(numberrowsrepeated=1_048_000, visibility="collapse"))
    document.spreadsheet.addElement(table)
    ranges = DatabaseRanges()
    database = DatabaseRange(name="__Anonymous_Sheet_DB__0",
                             targetrangeaddress="Master.A3:Master.E8",
                             displayfilterbuttons="true")
    filtered = Filter()
    filtered.addElement(FilterCondition(fieldnumber=0, value="Hall 1", operator="="))
    database.addElement(filtered)
    ranges.addElement(database)
    document.spreadsheet.addElement(ranges)
    document.save(str(path))
    return path


def xls(path: Path, first: str, second: str) -> Path:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Master")
    sheet.write(0, 0, TITLE)
    for column, name in enumerate(HEADER):
        sheet.write(2, column, name)
    for index, (cells, hidden) in enumerate(master_rows(first, second), 3):
        for column, value in enumerate(cells):
            if value is not None and column != 1:
                sheet.write(index, column, value)
        sheet.row(index).hidden = bool(hidden)
    for top, column, rows in MERGES:
        sheet.write_merge(top, top + rows - 1, column, column,
                          master_rows(first, second)[top - 3][0][column])
    book.save(str(path))
    return path


WRITERS = {"xlsx": xlsx, "ods": ods, "xls": xls}


def table(fmt: str, path: Path, rows: list[list[object]],
          merges: tuple[tuple[int, int, int], ...] = ()) -> Path:
    """A one-sheet workbook ("Speakers") of ``rows`` in ``fmt`` (xlsx, ods, xls), with
    cells merged down: (row index, column index, rows spanned), the value in the top cell
    (cells under it must be None)."""
    if fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.title = "Speakers"
        for cells in rows:
            sheet.append(cells)
        for top, column, spanned in merges:
            sheet.merge_cells(start_row=top + 1, start_column=column + 1,
                              end_row=top + spanned, end_column=column + 1)
        book.save(path)
    elif fmt == "xls":
        import xlwt

        book = xlwt.Workbook()
        sheet = book.add_sheet("Speakers")
        tops = {(top, column): spanned for top, column, spanned in merges}
        for index, cells in enumerate(rows):
            for column, value in enumerate(cells):
                if (index, column) in tops:
                    sheet.write_merge(index, index + tops[index, column] - 1, column, column,
                                      value)
                elif value is not None:
                    sheet.write(index, column, value)
        book.save(str(path))
    else:
        from odf.opendocument import OpenDocumentSpreadsheet
        from odf.table import CoveredTableCell, Table, TableCell, TableRow
        from odf.text import P

        document = OpenDocumentSpreadsheet()
        sheet = Table(name="Speakers")
        spans = {(top, column): spanned for top, column, spanned in merges}
        covered = {(top + below, column) for top, column, spanned in merges
                   for below in range(1, spanned)}
        for index, cells in enumerate(rows):
            row = TableRow()
            for column, value in enumerate(cells):
                if (index, column) in covered:
                    row.addElement(CoveredTableCell())
                    continue
                extra = ({"numberrowsspanned": spans[index, column]}
                         if (index, column) in spans else {})
                if value is None:
                    row.addElement(TableCell(**extra))
                    continue
                made = (TableCell(valuetype="float", value=value, **extra)
                        if isinstance(value, int | float)
                        else TableCell(valuetype="string", **extra))
                made.addElement(P(text=str(value)))
                row.addElement(made)
            sheet.addElement(row)
        document.spreadsheet.addElement(sheet)
        document.save(str(path))
    return path


def with_sheet_doctype(path: Path) -> Path:
    """The .xlsx at ``path`` with a document type declaration at the top of its sheet: a
    part calamine still reads the cells of, whose hidden rows facilitator refuses to read
    (no workbook part has one; its entities could blow up)."""
    import zipfile

    parts = {}
    with zipfile.ZipFile(path) as book:
        for info in book.infolist():
            parts[info.filename] = book.read(info.filename)
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = parts[sheet].replace(b"<worksheet", b"<!DOCTYPE worksheet>\n<worksheet", 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in parts.items():
            book.writestr(name, data)
    return path
