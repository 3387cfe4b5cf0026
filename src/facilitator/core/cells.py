"""Spreadsheet cells made from user text: shown as typed, never run as a formula.

A spreadsheet takes a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or
carriage return before one) as a formula, so a question typed on a phone as
``=HYPERLINK("http://evil", "click")`` would become a live link in the organiser's Excel
(OWASP "CSV injection"). CSV exports put a ``'`` before such text, which spreadsheets take
as "this is text" and do not show; the agenda import takes that ``'`` off again, so what
was exported imports back as it was. Workbooks (.xlsx) store the text as a string cell
instead, which is never evaluated.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"


def starts_like_formula(text: str) -> bool:
    """True for text that a spreadsheet would evaluate if it were typed into a cell."""
    return text.startswith(FORMULA_STARTS)


def csv_safe(value: Any) -> Any:
    """A CSV cell: text that looks like a formula gets a leading ``'``; numbers are kept."""
    if isinstance(value, str) and starts_like_formula(value):
        return TEXT_MARK + value
    return value


def from_csv_cell(text: str) -> str:
    """Undo :func:`csv_safe` on a cell read back from a CSV file."""
    if text.startswith(TEXT_MARK) and starts_like_formula(text[1:]):
        return text[1:]
    return text
