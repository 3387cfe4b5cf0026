"""Tables as spreadsheet files: CSV that Excel opens as UTF-8, and .xlsx workbooks.

CSV files start with a UTF-8 BOM and end lines with CRLF: without the BOM, Excel reads
UTF-8 as the computer's old code page and "Hélène" arrives as "HÃ©lÃ¨ne". User text never
becomes a formula (``core.cells``): a ``'`` in CSV, a string cell in a workbook.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from facilitator.core.cells import csv_safe, starts_like_formula

BOM = "\ufeff"
MAX_COLUMN_WIDTH = 60


@dataclass(frozen=True)
class Sheet:
    """One table: a sheet of a workbook, or a whole CSV file. Cells are text, numbers,
    None (empty) or lists of text (joined with "; ")."""

    title: str
    columns: Sequence[str]
    rows: Sequence[Sequence[Any]]


def _plain(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return "; ".join(str(item) for item in value)
    return value


def csv_text(sheet: Sheet) -> str:
    """The table as CSV text (commas, CRLF, formula-safe), for a pipe or a terminal."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(sheet.columns)
    for row in sheet.rows:
        writer.writerow(["" if cell is None else csv_safe(_plain(cell)) for cell in row])
    return out.getvalue()


def csv_file(sheet: Sheet) -> bytes:
    """The table as a CSV file's bytes: UTF-8 with a BOM, so Excel reads it as UTF-8."""
    return (BOM + csv_text(sheet)).encode("utf-8")


def xlsx_file(sheets: Sequence[Sheet], *, title: str = "", description: str = "") -> bytes:
    """The tables as an Excel workbook's bytes, one sheet each: a bold, frozen header row
    with filters, columns sized to their content, text always stored as text."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    book.properties.creator = "facilitator"
    # Control characters are not allowed anywhere in the file format (a title stored by
    # an older facilitator may hold one): dropped here as in the cells.
    book.properties.title = ILLEGAL_CHARACTERS_RE.sub("", title) or None
    book.properties.description = ILLEGAL_CHARACTERS_RE.sub("", description) or None
    bold = Font(bold=True)
    for sheet in sheets:
        ws = book.create_sheet(_sheet_title(ILLEGAL_CHARACTERS_RE.sub("", sheet.title)))
        ws.append(list(sheet.columns))
        for cell in ws[1]:
            cell.font = bold
        widths = [len(str(name)) for name in sheet.columns]
        for row_number, row in enumerate(sheet.rows, 2):
            for column, value in enumerate(row, 1):
                value = _plain(value)
                if value is None or value == "":
                    continue
                cell = ws.cell(row=row_number, column=column)
                if isinstance(value, str):
                    # Control characters are not allowed in the file format: drop them.
                    cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
                    # A string cell is never evaluated, whatever it starts with; the quote
                    # prefix keeps it text when someone edits the cell in Excel, too.
                    cell.data_type = "s"
                    cell.quotePrefix = starts_like_formula(value)
                else:
                    cell.value = value
                if column <= len(widths):
                    widths[column - 1] = max(widths[column - 1], len(str(value)))
        for column, width in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(column)].width = min(width + 2,
                                                                        MAX_COLUMN_WIDTH)
        ws.freeze_panes = "A2"
        if sheet.columns:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}" \
                                 f"{max(1, len(sheet.rows) + 1)}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_title(title: str) -> str:
    """A valid sheet name: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join(" " if char in "[]:*?/\\" else char for char in title).strip()
    return (cleaned or "Sheet")[:31]
