"""The Qt classes the app makes Python classes for before its window is first painted
(issue 17: start-up). PySide6 makes a Python class, with a Python enum for each of its enums
(Python 3.11's enum module is slow), for each Qt class the first time Python touches it:

- QIcon (its ThemeIcon enum has 151 members, ~1.5 ms), touched only to choose among
  QAction(text, parent)'s overloads: the window's actions are made with QAction(parent).
- every class of QtCore, QtGui and QtWidgets at once (~100 enums, ~10 ms), the first time a
  Python event filter saw an object of a Qt class PySide6 does not wrap (QMainWindow's
  QAnimationTimer): no application-wide filter in Python before the first paint.

Each start goes the way ``facilitator EVENT_FILE`` goes, in a fresh process.
"""

from __future__ import annotations

import json

import pytest

from tests.gui.fresh_start import last_line_of_start

# Prints, at the main window's first paint, the classes made so far in QtCore and QtGui.
AT_FIRST_PAINT = r"""
import json, os, sys
from PySide6.QtCore import QEvent, QObject, QTimer

def made():
    import PySide6.QtCore, PySide6.QtGui
    return sorted(name for module in (PySide6.QtCore, PySide6.QtGui)
                  for name in vars(module) if name.startswith("Q"))

class FirstPaint(QObject):
    seen = False
    def eventFilter(self, obj, event):
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            QTimer.singleShot(0, lambda: (print(json.dumps(made()), flush=True), os._exit(0)))
        return False

import facilitator.cli
from facilitator.gui.app import App, choose_event_file, make_application
app = make_application()
opened = App()
assert opened.open(choose_event_file(sys.argv[1]))
probe = FirstPaint()
opened.windows[-1].installEventFilter(probe)  # the window's own events only
app.exec()
"""

def made_at_first_paint(sample_path, tmp_path, shown: str | None,
                        modules: str = "PySide6.QtCore, PySide6.QtGui") -> set[str]:
    """The Qt classes of ``modules`` made by the window's first paint."""
    code = (AT_FIRST_PAINT.replace("(PySide6.QtCore, PySide6.QtGui)", f"({modules},)")
            .replace("import PySide6.QtCore, PySide6.QtGui", f"import {modules}"))
    return set(json.loads(last_line_of_start(code, sample_path, tmp_path, shown)))


@pytest.mark.parametrize("shown", [None, "Run"], ids=["first start", "restart on Run"])
def test_the_first_paint_makes_only_the_qt_classes_it_uses(sample_path, tmp_path, shown):
    made = made_at_first_paint(sample_path, tmp_path, shown)
    assert {"QMainWindow", "QWidget"} & made == set()  # QtWidgets' classes are not listed
    assert "QFont" in made  # the window's own: listed as they are made
    assert "QIcon" not in made
    # Never used by the app at start: made only when every class was made at once.
    assert not made & {"QProcess", "QFileDevice", "QMovie", "QPdfWriter"}


@pytest.mark.parametrize("shown", [None, "Run"], ids=["first start", "restart on Run"])
def test_the_dialogs_classes_are_made_when_a_dialog_is_first_opened(sample_path, tmp_path,
                                                                     shown):
    # QMessageBox and QFileDialog (~1.5 ms with their enums): with the first box or file
    # dialog, not with the menus and tabs that may open one.
    made = made_at_first_paint(sample_path, tmp_path, shown, "PySide6.QtWidgets")
    assert "QMainWindow" in made  # the window's own: listed as they are made
    assert not made & {"QMessageBox", "QFileDialog"}


def test_a_restart_makes_no_class_only_a_key_or_qt_translations_need(sample_path, tmp_path):
    # The Run tab has no multi-line or shortcut box: those classes come with the first key
    # (keyboard.is_text_entry) or tab that has one; Qt's own translations (QLibraryInfo)
    # only in French or Spanish.
    widgets = made_at_first_paint(sample_path, tmp_path, "Run", "PySide6.QtWidgets")
    assert "QTableView" in widgets  # the speakers table: listed as they are made
    assert not widgets & {"QTextEdit", "QPlainTextEdit", "QKeySequenceEdit"}
    made = made_at_first_paint(sample_path, tmp_path, "Run")
    assert "QLibraryInfo" not in made
