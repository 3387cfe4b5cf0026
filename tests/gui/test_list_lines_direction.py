"""A list row of a person's words and the app's own (the agenda's "N. title" and its times,
the merge dialog's question and its facts) keeps the app's parts in the interface's
direction: an Arabic or Hebrew title left its direction to the times line below it, which
read "11:00–10:00 18-05-2026" (the end before the start, the date backwards)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QRect
from PySide6.QtGui import QFont, QImage

from facilitator.core.model import Session
from facilitator.core.questions import Question, QuestionStatus
from facilitator.gui.main_window import MainWindow
from facilitator.gui.merge_dialog import MergeDialog
from facilitator.gui.shipped_fonts import SCRIPT_RUN_LATIN, register_shipped_fonts
from facilitator.store import sessions as store

LATIN = "Panel Latin 2"
MIXED = ["Panel ع 1", "ندوة الشباب 3", "פאנל עירוני 4"]  # rows 1, 3, 4
START, END = "2026-05-18T10:00", "2026-05-18T11:00"


def ink_lines(image: QImage, rect: QRect) -> list[QImage]:
    """The lines of dark ink inside ``rect`` of ``image``, each cut to its ink's bounds
    (so two lines drawn alike compare equal wherever they stand in their rows)."""
    def dark(x: int, y: int) -> bool:
        return image.pixelColor(x, y).lightness() < 128

    rows = [y for y in range(rect.top(), rect.bottom() + 1)
            if any(dark(x, y) for x in range(rect.left(), rect.right() + 1))]
    groups: list[list[int]] = []
    for y in rows:
        if groups and y == groups[-1][-1] + 1:
            groups[-1].append(y)
        else:
            groups.append([y])
    lines = []
    for group in groups:
        columns = [x for x in range(rect.left(), rect.right() + 1)
                   if any(dark(x, y) for y in group)]
        lines.append(image.copy(QRect(columns[0], group[0], columns[-1] - columns[0] + 1,
                                      len(group))))
    return lines


def use_shipped_font(widget) -> None:
    """Draw ``widget`` as the app does: in the shipped Noto Sans (the tests' QApplication
    is not the app's, whose fontconfig rules make it the font asked for; DejaVu Sans has no
    glyph for the isolate marks, and a fallback font's taller line cut a row to one line)."""
    register_shipped_fonts()
    widget.setFont(QFont(SCRIPT_RUN_LATIN))


@pytest.fixture
def agenda(qtbot, document):
    """The agenda list, each session at the same times, one Latin title among mixed ones."""
    ids = [session.id for session in store.list_sessions(document.file)]
    for session_id, title in zip(ids, [MIXED[0], LATIN, MIXED[1]], strict=True):
        store.update_session(document.file, session_id, title=title, starts_at=START,
                             ends_at=END)
    store.add_session(document.file, Session(title=MIXED[2], starts_at=START, ends_at=END))
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    use_shipped_font(window.ui.sessionList)
    window.show()
    qtbot.waitExposed(window)
    window.ui.sessionList.clearSelection()  # no highlight: every row drawn alike
    window.ui.sessionList.setCurrentIndex(QModelIndex())
    return window.ui.sessionList


def test_the_times_line_reads_as_under_a_latin_title(qtbot, agenda):
    model = agenda.model()
    assert model.rowCount() == 4
    image = agenda.viewport().grab().toImage()
    times = {}
    for row in range(model.rowCount()):
        lines = ink_lines(image, agenda.visualRect(model.index(row)))
        assert len(lines) >= 2, f"row {row}: {len(lines)} lines"
        times[row] = lines[-1]
    assert times[1].width() > 100  # the whole "2026-05-18 10:00–11:00"
    for row in (0, 2, 3):
        assert times[row] == times[1], f"row {row + 1}'s times drawn unlike the Latin row's"


def test_the_title_is_kept_whole_in_its_own_direction(agenda):
    model = agenda.model()
    assert model.index(1).data() == f"2. \u2068{LATIN}\u2069\n2026-05-18 10:00–11:00"
    for row, title in ((0, MIXED[0]), (2, MIXED[1]), (3, MIXED[2])):
        first_line = model.index(row).data().split("\n")[0]
        assert first_line == f"{row + 1}. \u2068{title}\u2069"


def merge_row_lines(qtbot, text: str, asker: str) -> list[QImage]:
    """The ink lines of the merge dialog's row for question #3 worded ``text``."""
    question = Question(id=3, session_id=1, text=text, status=QuestionStatus.PENDING,
                        created_at=0.0, author=asker, votes=2)
    dialog = MergeDialog([question], votes_after=lambda _: 2)
    qtbot.addWidget(dialog)
    use_shipped_font(dialog.choices)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.choices.clearSelection()  # no highlight
    view = dialog.choices
    return ink_lines(view.viewport().grab().toImage(), view.visualRect(view.model().index(0, 0)))


@pytest.mark.parametrize("text", ["هل ستحصل المدن على تمويل المناخ؟", "האם הערים יקבלו מימון?"])
def test_the_merge_rows_facts_read_as_under_a_latin_question(qtbot, text):
    latin = merge_row_lines(qtbot, "Will cities get climate finance?", "Ana")
    mixed = merge_row_lines(qtbot, text, "Ana")
    assert len(latin) == len(mixed) == 2
    assert latin[1].width() > 100  # the whole "#3 · Pending · 2 votes · from Ana"
    assert mixed[1] == latin[1]
