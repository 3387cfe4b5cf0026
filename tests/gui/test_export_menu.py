"""File › Export in the app, and the event's time zone in the Details tab, as a user uses them."""

from __future__ import annotations

import sys
from pathlib import Path

import pypdf
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QMessageBox, QTableWidget

from facilitator.gui.main_window import MainWindow
from facilitator.store import sessions as store

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))
from report_fixtures import add_question, international_session

EXPORTS = ["actionExportAgenda", "actionExportQuestions", "actionExportNotes",
           "actionExportTiming", "actionExportPolls", "actionExportSummary",
           "actionExportEventReport", "actionExportSummaryWord", "actionExportEventReportWord",
           "actionReportLanguage"]


@pytest.fixture
def window(qtbot, document):
    session_id = international_session(document.file)
    add_question(document.file, session_id, "=HYPERLINK(\"http://x\",\"y\")")
    main = MainWindow(document)
    qtbot.addWidget(main)
    main.show()
    main.select_session(session_id)
    return main


def choose(window, path: Path, chosen_filter: str = ""):
    """The save dialog, answered as a user would: this file, this filter."""
    asked = []

    def ask(parent, title, suggested, filters):
        asked.append((title, suggested, filters))
        return str(path), chosen_filter

    window.export_menu.ask_path = ask
    return asked


def test_file_menu_has_every_export(window):
    menu = window.findChild(QMenu, "menuExport")
    assert menu.menuAction() in window.ui.menuFile.actions()
    names = [action.objectName() for action in menu.actions() if not action.isSeparator()]
    assert names == EXPORTS
    assert all(action.text() for action in menu.actions() if not action.isSeparator())


def test_every_export_writes_its_file(qtbot, window, tmp_path):
    menu = window.export_menu
    targets = {"actionExportAgenda": tmp_path / "agenda.xlsx",
               "actionExportQuestions": tmp_path / "questions.xlsx",
               "actionExportNotes": tmp_path / "notes.csv",
               "actionExportTiming": tmp_path / "timing.xlsx",
               "actionExportPolls": tmp_path / "polls.csv",
               "actionExportSummary": tmp_path / "summary.md",
               "actionExportEventReport": tmp_path / "report.pdf"}
    for name, path in targets.items():
        asked = choose(window, path)
        with qtbot.waitSignal(menu.did_export, timeout=60_000):  # reports: on a worker
            menu.actions[name].trigger()
        assert path.exists(), name
        assert asked and asked[0][1], name  # a file name is suggested
    assert window.statusBar().currentMessage().endswith("report.pdf")
    questions = load_workbook(targets["actionExportQuestions"])["Questions"]
    texts = [row[2] for row in questions.iter_rows(min_row=2, values_only=True)]
    assert '=HYPERLINK("http://x","y")' in texts
    assert all(c.data_type != "f" for row in questions.iter_rows() for c in row)
    timing = load_workbook(targets["actionExportTiming"])["Timing"]
    assert timing["B2"].value == "Gülşən Əliyeva"
    assert targets["actionExportNotes"].read_bytes().startswith(b"\xef\xbb\xbfid,time,")
    assert load_workbook(targets["actionExportAgenda"]).sheetnames == ["Agenda", "Sessions"]
    assert "# Panel on Łódź" in targets["actionExportSummary"].read_text("utf-8")
    report = pypdf.PdfReader(targets["actionExportEventReport"])
    assert len(report.pages) > 5 and "Contents" in report.pages[1].extract_text()


def test_the_format_follows_the_chosen_filter(qtbot, window, tmp_path):
    asked = choose(window, tmp_path / "timing", "CSV for spreadsheets, UTF-8 (*.csv)")
    with qtbot.waitSignal(window.export_menu.did_export, timeout=30_000):  # on a worker
        assert window.export_menu.export("timing") == str(tmp_path / "timing.csv")
    assert "Excel workbook (*.xlsx)" in asked[0][2]
    assert (tmp_path / "timing.csv").read_bytes().startswith(b"\xef\xbb\xbforder,")


def test_a_failed_export_says_so_and_leaves_nothing(qtbot, window, tmp_path):
    choose(window, tmp_path / "no-such-folder" / "questions.xlsx")
    window.export_menu.export("questions")  # on a worker: said when it fails
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorMessage") is not None,
                    timeout=30_000)
    box = window.findChild(QMessageBox, "errorMessage")
    assert box.isVisible()
    assert "Could not export" in box.windowTitle()
    target = tmp_path / "no-such-folder" / "questions.xlsx"
    assert box.text() == (f"Cannot write {target}: the folder {target.parent} is no longer "
                          "there.")
    assert not (tmp_path / "no-such-folder").exists()
    assert not list(tmp_path.rglob("*.partial"))
    box.close()


def test_session_exports_need_a_session(qtbot, document):
    main = MainWindow(document)
    qtbot.addWidget(main)
    main.ui.sessionList.clearSelection()
    main.ui.sessionList.setCurrentIndex(main.session_model.index(-1))
    menu = main.findChild(QMenu, "menuExport")
    menu.aboutToShow.emit()
    assert not main.export_menu.actions["actionExportQuestions"].isEnabled()
    assert main.export_menu.actions["actionExportAgenda"].isEnabled()


# --- the event's time zone -----------------------------------------------------------------


def test_time_zone_is_chosen_in_the_details_tab(qtbot, window):
    combo = window.details.ui.timeZoneCombo
    window.ui.tabs.setCurrentWidget(window.details)
    combo.setFocus()
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), "Asia/Kathmandu")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert store.get_event(window.document.file).time_zone == "Asia/Kathmandu"
    assert window.document.time_zone.key == "Asia/Kathmandu"
    # Notes show their time in the event's zone: T0 + 10 s is 13:45:10 in Kathmandu.
    notes = window.tabs["Notes"]
    window.ui.tabs.setCurrentWidget(notes)
    table = notes.findChild(QTableWidget)
    assert table.item(0, 0).text() == "13:45:10"


def test_an_unknown_time_zone_is_refused_and_the_old_one_kept(qtbot, window):
    before = store.get_event(window.document.file).time_zone
    combo = window.details.ui.timeZoneCombo
    combo.setFocus()
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), "Mars/Olympus")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    box = window.findChild(QMessageBox, "errorMessage")
    assert box is not None and "unknown time zone 'Mars/Olympus'" in box.text()
    assert store.get_event(window.document.file).time_zone == before
    assert combo.currentText() == before
    box.close()


def test_run_tab_clock_is_in_the_event_zone(window):
    from facilitator.store.time_zone import set_event_time_zone

    set_event_time_zone(window.document.file, "Asia/Tokyo")
    window.document.event_did_change.emit()
    run = window.tabs["Run"]
    run.refresh_clock()
    # The panel started at T0 (08:00 UTC) with 35 minutes planned: 17:35 in Tokyo.
    assert "17:35" in run.session_clock_label.text(), run.session_clock_label.text()
