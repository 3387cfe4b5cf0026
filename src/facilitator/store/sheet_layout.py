"""What a workbook's cells alone do not say: which rows are hidden, and (in .ods) which
cells are merged down over several rows.

calamine reads the cells (fast, every format) but tells neither which rows are hidden — by
hand, by a filter, or in a collapsed group — nor, for LibreOffice's .ods, which cells are
merged. Organisers filter the venue's master agenda to one hall and one day and send the
file: what they see is what they mean to import. So this module reads those flags from the
file itself:

- .xlsx/.xlsm: the sheet's ``<row hidden="1">`` (Excel writes a filter's result there too;
  the filter's criteria are not run again: the flags are what the organiser saw);
- .ods: ``table:visibility="collapse"`` (hidden, or a collapsed group) and ``"filter"`` on
  ``table:table-row``, and ``table:number-rows-spanned`` on a cell, with the rows' and
  cells' repeat counts;
- .xls: each row's hidden bit, through xlrd (BIFF is no text format to read by hand).

Row and column numbers count from 0 at the sheet's A1, as calamine's
``to_python(skip_empty_area=False)`` rows do. Hidden columns are not reported: they are
read like the others (see ``docs/architecture.md``).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from xml.etree import ElementTree
from xml.parsers import expat

Merged = tuple[tuple[int, int], tuple[int, int]]
"""A merged range as calamine gives one: ((top, left), (bottom, right)), inclusive."""

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_REPEATS_FOLLOWED = 10_000
"""A row or cell repeated more often than this is a sheet's empty tail (LibreOffice
writes a million), not merged cells to follow one by one."""


@dataclass(frozen=True)
class SheetLayout:
    """A sheet's hidden rows (ranges of row numbers) and, where the cells' reader gives
    none (.ods), its merged ranges; ``known`` is False when the file's hidden rows could
    not be read (a damaged part that calamine still read cells from)."""

    hidden: tuple[range, ...] = ()
    merged: tuple[Merged, ...] | None = None
    known: bool = True

    def rows_hidden(self, rows: int) -> set[int]:
        """The hidden row numbers below ``rows`` (a sheet's million-row hidden tail is
        not listed one by one)."""
        return {row for span in self.hidden for row in range(span.start, min(span.stop, rows))}


def sheet_layout(data: bytes, sheet: str) -> SheetLayout:
    """The layout of the sheet named ``sheet`` in a workbook's bytes (format told by its
    content, as calamine does). Never raises for a file calamine could read: a part that
    cannot be read gives ``known=False``."""
    try:
        if data.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE file: Excel 97-2003's .xls
            return _xls_layout(data, sheet)
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            names = set(book.namelist())
            if "content.xml" in names:
                return _ods_layout(book.read("content.xml"), sheet)
            return _xlsx_layout(book, sheet)
    except Exception:  # damaged or unexpected: the cells are still imported, and it is said
        return SheetLayout(known=False)


# --- .xlsx --------------------------------------------------------------------------------


def _xlsx_layout(book: zipfile.ZipFile, sheet: str) -> SheetLayout:
    part = _xlsx_sheet_part(book, sheet)
    xml = book.read(part)
    if b"hidden" not in xml:  # most sheets: no row (or column) hidden, nothing to parse
        return SheetLayout()
    hidden: list[range] = []
    row = -1

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal row
        if _local(name) != "row":
            return
        # r is optional: a row without it follows the one before.
        row = int(attributes["r"]) - 1 if "r" in attributes else row + 1
        if attributes.get("hidden") in ("1", "true"):
            hidden.append(range(row, row + 1))

    _parse(xml, start)
    return SheetLayout(hidden=tuple(hidden))


def _xlsx_sheet_part(book: zipfile.ZipFile, sheet: str) -> str:
    """The zip path of the worksheet named ``sheet``: workbook.xml names it and gives its
    relationship id, the workbook's relationships give its part."""
    workbook = "xl/workbook.xml"
    for relation in _relations(book, "_rels/.rels"):
        if relation.get("Type", "").endswith("/officeDocument"):
            workbook = _part_path("", relation.get("Target", workbook))
    folder = posixpath.dirname(workbook)
    targets = {relation.get("Id"): relation.get("Target", "")
               for relation in _relations(book, posixpath.join(
                   folder, "_rels", posixpath.basename(workbook) + ".rels"))}
    for element in ElementTree.fromstring(book.read(workbook)).iter():
        if _local(element.tag) == "sheet" and element.get("name") == sheet:
            # r:id, in the transitional or the strict relationships namespace
            ids = [value for key, value in element.attrib.items() if _local(key) == "id"]
            if ids and ids[0] in targets:
                return _part_path(folder, targets[ids[0]])
    raise KeyError(sheet)


def _relations(book: zipfile.ZipFile, part: str) -> Iterable[ElementTree.Element]:
    if part not in book.namelist():
        return ()
    return [element for element in ElementTree.fromstring(book.read(part)).iter()
            if _local(element.tag) == "Relationship"]


def _part_path(folder: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target))


# --- .ods ---------------------------------------------------------------------------------


def _ods_layout(xml: bytes, sheet: str) -> SheetLayout:
    if b"visibility" not in xml and b"rows-spanned" not in xml:
        return SheetLayout(merged=())
    hidden: list[range] = []
    merged: list[Merged] = []
    depth = 0  # tables open: a table inside a cell is not the sheet's rows
    inside = False  # in the wanted sheet
    row = column = repeat = 0

    def attribute(attributes: dict[str, str], name: str, default: str = "") -> str:
        return attributes.get(f"{_TABLE} {name}", default)

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal depth, inside, row, column, repeat
        if not name.startswith(_TABLE):
            return
        local = name[len(_TABLE) + 1:]
        if local == "table":
            depth += 1
            if depth == 1:
                inside = attribute(attributes, "name") == sheet
                row = 0
        elif not inside or depth != 1:
            return
        elif local == "table-row":
            repeat = int(attribute(attributes, "number-rows-repeated", "1"))
            column = 0
            if attribute(attributes, "visibility") in ("collapse", "filter"):
                hidden.append(range(row, row + repeat))
        elif local in ("table-cell", "covered-table-cell"):
            columns = int(attribute(attributes, "number-columns-repeated", "1"))
            spanned = int(attribute(attributes, "number-rows-spanned", "1"))
            if (local == "table-cell" and spanned > 1 and repeat * columns
                    <= _REPEATS_FOLLOWED):
                right = int(attribute(attributes, "number-columns-spanned", "1")) - 1
                merged.extend(((top, left), (top + spanned - 1, left + right))
                              for top in range(row, row + repeat)
                              for left in range(column, column + columns))
            column += columns

    def end(name: str) -> None:
        nonlocal depth, row
        if name == f"{_TABLE} table":
            depth -= 1
        elif name == f"{_TABLE} table-row" and inside and depth == 1:
            row += repeat

    _parse(xml, start, end, namespaces=True)
    return SheetLayout(hidden=tuple(hidden), merged=tuple(merged))


# --- .xls ---------------------------------------------------------------------------------


def _xls_layout(data: bytes, sheet: str) -> SheetLayout:
    import xlrd  # only for .xls, which few send now

    book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    try:
        rows = book.sheet_by_name(sheet).rowinfo_map
        return SheetLayout(hidden=tuple(range(number, number + 1)
                                        for number, info in sorted(rows.items())
                                        if info.hidden))
    finally:
        book.release_resources()


# --- XML ----------------------------------------------------------------------------------


def _local(name: str) -> str:
    """An element's or attribute's name without its namespace ("{ns}row", "ns row", "x:row")."""
    return name.rsplit("}", 1)[-1].rsplit(" ", 1)[-1].rsplit(":", 1)[-1]


def _parse(xml: bytes, start: Callable[[str, dict[str, str]], None],
           end: Callable[[str], None] | None = None, *,
           namespaces: bool = False) -> None:
    """Feed ``xml`` through expat with the given handlers. A document type declaration
    is refused: no workbook part has one, and its entities could blow up."""
    parser = expat.ParserCreate(namespace_separator=" " if namespaces else None)
    parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end

    def refuse(*_args: object) -> None:
        raise ValueError("a workbook part with a document type declaration")

    parser.StartDoctypeDeclHandler = refuse
    parser.Parse(xml, True)
