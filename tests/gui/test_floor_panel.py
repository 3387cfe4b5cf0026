"""The Run tab's floor requests, driven as the moderator does: a phone's request shows
within a second, A accepts the next (a point of order first, right after the speaker),
the buttons accept and decline, undo takes it back, and A typed in another tab's text box
is only a letter."""

from __future__ import annotations

import time

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.actions import floor
from facilitator.actions.actor import LAPTOP, phone
from facilitator.actions.command import run
from facilitator.core.floor import FloorStatus
from facilitator.core.model import SlotKind
from facilitator.core.timer import Phase
from facilitator.gui.main_window import MainWindow
from facilitator.gui.run_tab_height import FLOOR_ROWS_MOST, SPEAKER_ROWS
from facilitator.gui.shipped_fonts import register_shipped_fonts
from facilitator.store import floor as floor_store
from facilitator.store import sessions as store
from tests.api.conftest import HEADERS
from tests.gui.test_accessibility import tab_walk

ASK = {"name": "Amina Diallo", "organisation": "City of Dakar", "kind": "intervention",
       "constituency": "Local and regional governments", "on_behalf_of": "African Group"}


@pytest.fixture
def window(qtbot, document):
    """The main window on the sample event's first panel, active, as in the room."""
    shown = MainWindow(document)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)
    yield shown
    shown.tabs["Run"].shutdown()


def ask(document, session_id, name, device, kind="intervention", at=0.0):
    return run(document.file, phone(device), floor.ask(
        session_id, name=name, kind=kind, now=document.clock.now() + at,
        device_id=device)).result[0]


def run_tab_of(window):
    tab = window.tabs["Run"]
    window.ui.tabs.setCurrentWidget(tab)
    return tab


def names(document, session_id):
    return [s.person.name for s in store.get_session(document.file, session_id).slots]


def test_a_phones_request_reaches_the_run_tab_within_a_second(qtbot, questions_window,
                                                              document):
    questions = questions_window.tabs["Questions"]
    questions.open_questions()
    session = questions.session()
    run_tab = run_tab_of(questions_window)
    panel = run_tab.floor_panel
    assert not panel.open_box.isChecked()  # off by default
    qtbot.mouseClick(panel.open_box, Qt.MouseButton.LeftButton)
    assert floor_store.floor_settings(document.file, session.id).open
    url = f"http://127.0.0.1:{questions.server.port}/api/j/{session.join_token}/floor"
    started = time.monotonic()
    assert httpx.post(url, json=ASK, headers=HEADERS, timeout=5).status_code == 201
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=1000)
    assert time.monotonic() - started < 1.0
    row = [panel.table.item(0, c).text() for c in range(5)]
    assert row[1] == "Amina Diallo" and row[3] == "African Group"
    assert "City of Dakar" in row[2] and "1 waiting" in panel.count_label.text()


def test_a_accepts_the_next_point_of_order_first_and_undo_takes_it_back(qtbot, window,
                                                                       document):
    tab = run_tab_of(window)
    session_id = window.current_session_id()
    run(document.file, LAPTOP, floor.set_open(session_id, True))
    ask(document, session_id, "Amina Diallo", "d1", at=1)
    ask(document, session_id, "Li Wei", "d2", "point_of_order", at=2)
    tab.floor_panel.reload()
    assert [r.name for r in tab.floor_panel.waiting] == ["Li Wei", "Amina Diallo"]
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)  # the first speaker speaks
    before = names(document, session_id)
    qtbot.keyClick(tab.table, Qt.Key.Key_A)
    after = names(document, session_id)
    assert after[1] == "Li Wei" and len(after) == len(before) + 1  # right after the speaker
    slot = store.get_session(document.file, session_id).slots[1]
    assert slot.kind is SlotKind.FLOOR and slot.planned_seconds == 60
    assert [r.name for r in tab.floor_panel.waiting] == ["Amina Diallo"]
    assert tab.floor_panel.table.rowCount() == 1
    assert tab.model.rowCount() == len(after)  # the speakers list shows the new turn
    # Undo (the window's Edit › Undo) takes the turn away and the request waits again.
    window.document.runner.undo_stack.undo()
    assert names(document, session_id) == before
    assert [r.name for r in tab.floor_panel.waiting] == ["Li Wei", "Amina Diallo"]
    # The buttons: decline one, accept the other (at the end, not first).
    li = tab.floor_panel.waiting[0]
    qtbot.mouseClick(tab.floor_panel.findChild(type(tab.buttons["start"]),
                                               f"floorDecline_{li.id}"),
                     Qt.MouseButton.LeftButton)
    assert floor_store.get_floor_request(document.file, li.id).status is FloorStatus.DECLINED
    amina = tab.floor_panel.waiting[0]
    qtbot.mouseClick(tab.floor_panel.findChild(type(tab.buttons["start"]),
                                               f"floorAccept_{amina.id}"),
                     Qt.MouseButton.LeftButton)
    assert "Amina Diallo" in names(document, session_id)[2:]
    assert tab.floor_panel.table.rowCount() == 0 and not tab.floor_panel.next_button.isEnabled()
    # Nothing waits: A does nothing, and nothing is logged.
    lines = len(document.file.log_entries())
    qtbot.keyClick(tab.table, Qt.Key.Key_A)
    assert len(document.file.log_entries()) == lines


def test_a_typed_in_another_tabs_text_box_is_a_letter(qtbot, window, document):
    tab = run_tab_of(window)
    session_id = window.current_session_id()
    run(document.file, LAPTOP, floor.set_open(session_id, True))
    ask(document, session_id, "Amina Diallo", "d1")
    tab.floor_panel.reload()
    details = window.tabs["Details"]
    window.ui.tabs.setCurrentWidget(details)
    details.ui.roomEdit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is details.ui.roomEdit)
    details.ui.roomEdit.clear()
    qtbot.keyClicks(details.ui.roomEdit, "Hall A")
    assert details.ui.roomEdit.text() == "Hall A"
    # The Run tab's own box for typed floor requests keeps its A too.
    window.ui.tabs.setCurrentWidget(tab)
    tab.focus_floor_request()
    qtbot.keyClicks(tab.floor_edit, "Ana A")
    assert tab.floor_edit.text() == "Ana A"
    waiting = floor_store.list_floor_requests(document.file, session_id,
                                              status=FloorStatus.WAITING)
    assert [r.name for r in waiting] == ["Amina Diallo"]
    assert "floor_request_accepted" not in {e["action"] for e in document.file.log_entries()}


def test_speaking_times_are_set_per_session(qtbot, window, document):
    tab = run_tab_of(window)
    session_id = window.current_session_id()
    tab.floor_panel.edit_times()
    dialog = tab.floor_panel.times_dialog
    dialog.boxes[next(iter(dialog.boxes))].setValue(240)
    dialog.accept()
    settings = floor_store.floor_settings(document.file, session_id)
    assert settings.seconds_for(next(iter(dialog.boxes))) == 240


def test_run_tab_floor_requests_screenshot(qtbot, window, document, screenshots):
    """The Run tab with three delegates waiting, a point of order first, looked at."""
    tab = run_tab_of(window)
    session_id = window.current_session_id()
    run(document.file, LAPTOP, floor.set_open(session_id, True))
    for at, (name, organisation, kind, behalf) in enumerate([
            ("Amina Diallo", "City of Dakar", "intervention", "African Group"),
            ("Li Wei", "Ministry of Housing, China", "reply", ""),
            ("Sara Ahmadi", "UN-Habitat", "point_of_order", "")]):
        run(document.file, phone(f"d{at}"), floor.ask(
            session_id, name=name, organisation=organisation, kind=kind, on_behalf_of=behalf,
            constituency="Local and regional governments", now=document.clock.now() + 60 * at,
            device_id=f"d{at}"))
    tab.floor_panel.reload()
    assert tab.floor_panel.table.item(0, 0).text() == "Point of order"
    # Laid out as the event loop does it, rows and all.
    qtbot.waitUntil(lambda: tab.floor_panel.height() > tab.floor_panel.table.height())
    window.grab().save(str(screenshots / "run-floor-requests.png"))


def test_the_requests_table_comes_with_the_first_request_and_hides_when_none_wait(
        qtbot, window, document):
    tab = run_tab_of(window)
    panel = tab.floor_panel
    assert panel._table is None  # nothing waits: no table built for the first paint
    session_id = window.current_session_id()
    run(document.file, LAPTOP, floor.set_open(session_id, True))
    request = ask(document, session_id, "Amina Diallo", "d1")
    panel.reload()
    assert panel.table.isVisible() and panel.table.rowCount() == 1
    run(document.file, LAPTOP, floor.decline(session_id, request.id,
                                             now=document.clock.now()))
    panel.reload()
    assert panel.table.isHidden() and panel.table.rowCount() == 0
    tab.set_session(None)  # another session: the table stays, hidden
    assert panel.table.isHidden()


def asked(document, session_id, count: int) -> None:
    run(document.file, LAPTOP, floor.set_open(session_id, True))
    for number in range(count):
        ask(document, session_id, f"Delegate {number + 1}", f"d{number}", at=number)


def rows_in_view(table) -> float:
    """How many rows of ``table`` its viewport shows (a part row counts its part)."""
    return table.viewport().height() / table.verticalHeader().defaultSectionSize()


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768), (1024, 768)])
@pytest.mark.parametrize("waiting", [0, 1, 5, 15, 60])
def test_the_speakers_list_keeps_its_rows_whatever_waits(qtbot, window, document, size,
                                                         waiting, tmp_path):
    """Fifteen requests took the speakers list down to three and a half rows at 1024×768:
    it keeps eight; the requests table shows at least one row, at most six, and scrolls.
    In the app's own fonts (Noto Sans: taller than DejaVu Sans, the least room)."""
    register_shipped_fonts()
    window.resize(*size)
    tab = run_tab_of(window)
    session_id = window.current_session_id()
    asked(document, session_id, waiting)
    tab.floor_panel.reload()
    qtbot.wait(20)  # laid out as the event loop does it
    window.grab().save(str(tmp_path / f"run-{waiting}-{size[0]}x{size[1]}.png"))
    assert rows_in_view(tab.table) >= SPEAKER_ROWS
    requests = tab.floor_panel.table if waiting else None
    if requests is not None:
        shown = rows_in_view(requests)
        assert 1 <= shown <= min(waiting, FLOOR_ROWS_MOST)
        assert shown == int(shown)  # whole rows: no request half shown
        assert requests.verticalScrollBar().isVisible() == (waiting > shown)
    # The stage preview gave some of its height, never more than its least.
    assert tab.stage_row.height() >= tab.stage_row.minimumSizeHint().height()


def test_every_request_is_reached_by_keys_and_shown_as_it_is(qtbot, window, document):
    """Tab reaches the requests table (one stop); Down goes through all sixty, the current
    one in view; Enter accepts it and Delete declines it; the room keys still act."""
    window.resize(1024, 768)
    tab = run_tab_of(window)
    session_id = window.current_session_id()
    asked(document, session_id, 60)
    tab.floor_panel.reload()
    requests = tab.floor_panel.table
    qtbot.wait(20)
    stops = tab_walk(qtbot, window, presses=40)
    assert requests in stops and stops.index(requests) == stops.index(tab.table) + 1
    requests.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is requests)
    reached = []
    for _ in range(60):
        row = requests.currentIndex().row()
        reached.append(requests.item(row, 1).text())
        rect = requests.visualRect(requests.currentIndex())
        assert requests.viewport().rect().contains(rect), row  # wholly in view
        qtbot.keyClick(requests, Qt.Key.Key_Down)
    assert reached == [f"Delegate {n + 1}" for n in range(60)]
    # Enter accepts the chosen request (the last): it joins the speakers list.
    qtbot.keyClick(requests, Qt.Key.Key_Return)
    assert "Delegate 60" in names(document, session_id)
    assert len(tab.floor_panel.waiting) == 59
    assert requests.currentIndex().row() == 58  # the one before it is chosen next
    qtbot.keyClick(requests, Qt.Key.Key_Delete)
    declined = floor_store.list_floor_requests(document.file, session_id,
                                               status=FloorStatus.DECLINED)
    assert [r.name for r in declined] == ["Delegate 59"]
    # The room keys act from the requests table: Space starts the speaker, A accepts
    # the first request waiting.
    qtbot.keyClick(requests, Qt.Key.Key_Space)
    assert store.get_session(document.file, session_id).slots[0].phase is Phase.RUNNING
    qtbot.keyClick(requests, Qt.Key.Key_A)
    assert "Delegate 1" in names(document, session_id)
