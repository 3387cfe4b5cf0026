"""Table column widths that keep every word whole.

A Grid's widths are fractions of the text width, shared by the PDF and the Word report;
in a narrow column a header word such as "Planned" (or "Representante", "Organisation")
was cut inside the word by Word and LibreOffice ("Plann|ed"). ``fit_widths`` widens each
column to its longest word (header words, and cell words such as "08:00:00"), taking the
room from columns that have more than they need; a writer tries smaller type when a wide
table's words can't all fit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.pdfbase import pdfmetrics

from facilitator.reports.fonts import font_runs, not_counting_missing

# Word's default Calibri is narrower than the faces LibreOffice puts in its place where
# Calibri (or its twin Carlito) is not installed (DejaVu Sans, ~12 % wider than Noto Sans):
# words are measured in Noto Sans and this much wider, so they fit in every one of them.
SAFETY = 1.15

WHOLE_WORD_TRIES = ((True, False), (True, True), (False, False))
"""The writers' tries, best first, as (cell_words, break_overlong) of ``fit_widths``: every
word whole; every word but the overlong ones; the header words."""


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width of ``text`` in points at ``size`` in the shipped fonts (the PDF's), each
    character in the face that prints it."""
    with not_counting_missing():  # measured, not printed: the printing counts them
        shown, runs = font_runs(text, bold)
    return sum(pdfmetrics.stringWidth(shown[run.start:run.end], run.font, size)
               for run in runs)


def fit_widths(fractions: Sequence[float], header: Sequence[str],
               rows: Sequence[Sequence[str]], total: float,
               word_width: Callable[[str, bool], float], padding: float, *,
               cell_words: bool = True,
               break_overlong: bool = False) -> tuple[float, ...] | None:
    """Column widths (the unit of ``total``) near ``fractions`` of ``total`` in which every
    header word (and with ``cell_words`` every cell word) fits whole; None when they can't
    all fit in ``total`` (a smaller type size may).

    ``word_width(word, bold)`` measures a word (the header is bold) in ``total``'s unit;
    ``padding`` is what a cell takes besides its text (margins, borders). A column keeps
    its share when its words fit; one that is too narrow takes what it lacks from the
    columns with room to spare, in proportion to that room.

    ``break_overlong``: when the cell words can't all fit, the columns with the widest
    words beyond their share (a web address or a 40-letter compound as a name, a Thai or
    Chinese organisation, which have no spaces) give up, the furthest beyond its share
    first, until the others' words fit: theirs break, every other word stays whole.
    Without it one such word made the writer fall back to header words only, and a turn
    number 14 broke into "1 / 4".
    """
    columns = range(len(fractions))

    def need(column: int, *, of_cells: bool) -> float:
        words = [(w, True) for w in str(header[column]).split()] if column < len(header) else []
        if of_cells:
            words += [(w, False) for row in rows if column < len(row)
                      for w in str(row[column]).split()]
        return max((word_width(word, bold) for word, bold in set(words)), default=0.0) + padding

    needs = [need(column, of_cells=cell_words) for column in columns]
    if break_overlong and cell_words:
        # A column that gives up needs only its header words whole: it keeps what room
        # the others leave it, and its overlong words break there.
        headers = [need(column, of_cells=False) for column in columns]
        while sum(needs) > total:
            beyond = [(needs[c] - f * total, c) for c, f in zip(columns, fractions, strict=True)
                      if needs[c] > headers[c]]
            if not beyond:
                break
            widest = max(beyond)[1]
            needs[widest] = headers[widest]
    if sum(needs) > total:
        return None
    return _share_out([f * total for f in fractions], needs)


def _share_out(widths: list[float], needs: list[float]) -> tuple[float, ...]:
    """``widths`` with each below its need raised to it, the room taken from the others
    in proportion to what they have beyond their needs (``sum(needs)`` fits)."""
    lacking = sum(max(0.0, n - w) for w, n in zip(widths, needs, strict=True))
    spare = sum(max(0.0, w - n) for w, n in zip(widths, needs, strict=True))
    if lacking <= 0:
        return tuple(widths)
    taken = lacking / spare
    return tuple(n if w <= n else w - (w - n) * taken
                 for w, n in zip(widths, needs, strict=True))
