"""The reports' menus as a user uses them: Word summaries, the report language, and
File › Combine event files… (the forum report)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import docx
import pypdf
import pytest
from PySide6.QtWidgets import QMenu

from facilitator.gui.export_menu import report_language
from facilitator.gui.main_window import MainWindow
from facilitator.store import EventFile

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))
from report_fixtures import international_session


@pytest.fixture
def window(qtbot, document):
    session_id = international_session(document.file)
    main = MainWindow(document)
    qtbot.addWidget(main)
    main.show()
    main.select_session(session_id)
    return main


def answer_save(window, path: Path, chosen: str = "") -> list[tuple]:
    asked: list[tuple] = []

    def ask(parent, title, suggested, filters):
        asked.append((title, suggested, filters))
        return str(path), chosen

    window.export_menu.ask_path = ask
    return asked


def test_summary_and_whole_event_report_as_word(qtbot, window, tmp_path: Path) -> None:
    asked = answer_save(window, tmp_path / "summary")
    with qtbot.waitSignal(window.export_menu.did_export, timeout=60_000):  # on a worker
        window.export_menu.actions["actionExportSummaryWord"].trigger()
    assert asked[0][1].endswith("-summary.docx") and "(*.docx)" in asked[0][2]
    document = docx.Document(tmp_path / "summary.docx")
    assert "Participants" in [p.text for p in document.paragraphs
                              if p.style.name == "Heading 2"]
    answer_save(window, tmp_path / "event.docx")
    with qtbot.waitSignal(window.export_menu.did_export, timeout=60_000):  # on a worker
        window.export_menu.actions["actionExportEventReportWord"].trigger()
    headings = [p.text for p in docx.Document(tmp_path / "event.docx").paragraphs
                if p.style.name == "Heading 1"]
    assert headings[0] == "Contents" and "Panel on Łódź, Bakı and Москва" in headings


def test_report_language_is_chosen_in_the_menu_and_kept(qtbot, window,
                                                        tmp_path: Path) -> None:
    menu = window.findChild(QMenu, "menuReportLanguage")
    names = [action.text().replace("&", "") for action in menu.actions()]  # mnemonics added
    assert names == ["العربية", "中文", "English", "Français", "Русский", "Español"]
    assert report_language(window.document) == "en"  # the interface language by default
    window.export_menu.language_actions["zh"].trigger()
    assert window.document.file.get_setting("report.language") == "zh"
    menu.aboutToShow.emit()
    assert [a.isChecked() for a in menu.actions()] == [False, True, False, False, False, False]
    answer_save(window, tmp_path / "event.pdf")
    with qtbot.waitSignal(window.export_menu.did_export, timeout=60_000):  # on a worker
        window.export_menu.actions["actionExportEventReport"].trigger()
    text = "".join(page.extract_text() for page in pypdf.PdfReader(tmp_path / "event.pdf").pages)
    assert "目录" in text and "与会者" in text


def test_combine_event_files_makes_the_forum_report(qtbot, window, tmp_path: Path,
                                                    sample_path: Path) -> None:
    room_b = tmp_path / "room-b.db"
    shutil.copy(sample_path, room_b)
    with EventFile.open(room_b) as ef:
        ef.db.execute("UPDATE sessions SET room = 'Room B'")
    files = [str(window.document.file.path), str(room_b)]
    window.export_menu.ask_paths = lambda *args: (files, "")
    answer_save(window, tmp_path / "forum", "PDF (*.pdf)")
    action = window.export_menu.actions["actionCombineEventFiles"]
    assert action in window.ui.menuFile.actions()
    with qtbot.waitSignal(window.export_menu.did_export, timeout=60_000):  # on a worker
        action.trigger()
    reader = pypdf.PdfReader(tmp_path / "forum.pdf")
    assert "Forum report" in reader.pages[0].extract_text()
    assert "Room B ·" in reader.pages[1].extract_text()


def test_statistics_dialog_shows_the_reports_charts(qtbot, document, screenshots) -> None:
    from PySide6.QtWidgets import QLabel, QScrollArea

    from facilitator.core.statistics import session_statistics
    from facilitator.gui.statistics_dialog import StatisticsDialog
    from facilitator.store import sessions as store

    session = store.get_session(document.file, international_session(document.file))
    stats = session_statistics(session.slots, document.clock.now() + 10_000)
    dialog = StatisticsDialog(session.title, stats)
    qtbot.addWidget(dialog)
    dialog.show()
    titles = [chart.title for chart in dialog.charts]
    assert titles == ["Planned and actual time per speaker", "Speaking time by constituency",
                      "Speaking time by gender"]
    for index in range(3):
        dialog.tabs.setCurrentIndex(index)
        page = dialog.chart_pages.currentWidget()  # under the tab's table
        pictures = [label for label in page.findChildren(QLabel) if label.pixmap() and
                    not label.pixmap().isNull()]
        assert len(pictures) == 1 and pictures[0].accessibleName() == titles[index]
        assert isinstance(page, QScrollArea) and page.isVisible()
        assert dialog.tabs.currentWidget().rowCount() > 0
        if index == 0:
            dialog.grab().save(str(screenshots / "statistics-charts.png"))
