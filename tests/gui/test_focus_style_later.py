"""The focus style arrives just after the main window's first paint (issue 17: start-up).

Before the first paint nothing touches QStyle from Python (the first touch makes PySide6
build QStyle's eleven enums; painting through a Python style builds every QStyleOption
class): ``make_application`` asks for the style, the main window installs it once painted.
What the user sees stays: the same window size, the focused control outlined a moment
after the paint (a view given ``plain_cells`` from the first paint on), every other way in
(a window made without ``paint_first``) with the style at once.
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from facilitator.gui import focus_style
from facilitator.gui.focus_style import FOCUS_COLOUR, install_focus_style_later, plain_cells
from facilitator.gui.main_window import MainWindow
from tests.gui.fresh_start import last_line_of_start

# The app's start (as `facilitator EVENT_FILE`), in a fresh process: at the first paint, the
# Python enum classes made so far and whether the focus style's module is loaded; a few
# turns later, the application's style, the window's sizes and the focused widget.
START = r"""
import enum, json, os, sys
made = []
_create = enum.EnumType._create_
def _counted(*args, **kwargs):
    made.append(_create(*args, **kwargs))
    return made[-1]
enum.EnumType._create_ = _counted

from PySide6.QtCore import QEvent, QObject, QTimer
import facilitator.cli
from facilitator.gui.app import App, choose_event_file, make_application
app = make_application()
opened = App()
assert opened.open(choose_event_file(sys.argv[1]))
window = opened.windows[-1]
seen = {}

def later():
    seen["style"] = type(app.style()).__name__
    seen["size_after"] = [window.width(), window.height()]
    print(json.dumps(seen), flush=True)
    os._exit(0)

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not seen:
            seen["enums"] = [cls.__qualname__ for cls in made]
            seen["frame_style_loaded"] = "facilitator.gui.focus_frame_style" in sys.modules
            seen["size"] = [window.width(), window.height()]
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, later))
        return False

probe = FirstPaint()
window.installEventFilter(probe)
app.exec()
"""

@pytest.mark.parametrize("shown", [None, "Run"], ids=["first start", "restart on Run"])
def test_the_style_comes_after_the_first_paint_and_changes_no_size(sample_path, tmp_path,
                                                                   shown):
    seen = json.loads(last_line_of_start(START, sample_path, tmp_path, shown))
    style_enums = [name for name in seen["enums"] if name.startswith("QStyle")]
    assert style_enums == []  # QStyle.*, QStyleOption*.*
    assert not seen["frame_style_loaded"]
    assert seen["style"] == "FocusFrameStyle"  # two turns after the paint
    assert seen["size_after"] == seen["size"]


@pytest.fixture
def style_waits(qapp):
    """As make_application leaves it: the focus style asked for, not installed; the plain
    style back afterwards."""
    before = qapp.style().name()
    install_focus_style_later()
    yield
    focus_style._waiting_views = None
    qapp.setStyle(before)


def outline_pixels(widget) -> int:
    image = widget.grab().toImage()
    colour = FOCUS_COLOUR.rgb()
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if image.pixel(x, y) == colour)


def test_a_view_given_plain_cells_while_the_style_waits_is_outlined_from_the_start(
        qtbot, style_waits):
    model = QStandardItemModel(6, 3)
    for row in range(6):
        for column in range(3):
            model.setItem(row, column, QStandardItem(f"cell {row} {column}"))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    plain_cells(view)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    view.setFocus()
    view.setCurrentIndex(model.index(2, 0))
    qtbot.waitUntil(view.hasFocus)
    assert type(QApplication.style()).__name__ != "FocusFrameStyle"
    waiting = outline_pixels(view)
    assert waiting > 2 * (view.width() + view.height())  # the layer's frame and cell
    focus_style.install_waiting_focus_style()
    assert type(QApplication.style()).__name__ == "FocusFrameStyle"
    assert view.style() is not QApplication.style()  # its plain style, given at the install
    assert outline_pixels(view) == waiting


def test_a_focused_field_shows_its_outline_once_the_window_is_painted(
        qtbot, style_waits, document, monkeypatch):
    window = MainWindow(document, paint_first=True)
    qtbot.addWidget(window)
    sizes = []
    install = focus_style.install_focus_style

    def install_and_lay_out(app) -> None:  # the window's size, laid out, around the install
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        sizes.append(window.size())
        install(app)
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        sizes.append(window.size())

    monkeypatch.setattr(focus_style, "install_focus_style", install_and_lay_out)
    window.show()  # the Details tab built, the window not painted yet
    window.activateWindow()
    field = window.tabs.built("Details").ui.roomEdit
    field.setFocus()
    assert type(QApplication.style()).__name__ != "FocusFrameStyle"  # not painted yet
    qtbot.waitUntil(lambda: type(QApplication.style()).__name__ == "FocusFrameStyle")
    qtbot.waitUntil(field.hasFocus)
    assert outline_pixels(field) >= field.width() + field.height()
    assert len(sizes) == 2 and sizes[0] == sizes[1]


def test_a_window_not_painted_first_has_the_style_as_it_is_made(qtbot, style_waits,
                                                                document):
    window = MainWindow(document)
    qtbot.addWidget(window)
    assert type(QApplication.style()).__name__ == "FocusFrameStyle"
