"""Session › Team links…: the Team panel with a real phone server on 127.0.0.1, driven as a
moderator would; the laptop shows a timekeeper's changes within a second."""

from __future__ import annotations

import time

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator.core.team import Role
from facilitator.gui.team_panel import TeamPanel
from facilitator.store.role_links import list_role_links
from facilitator.store.sessions import get_session, list_sessions

HEADERS = {"X-Facilitator": "1"}


@pytest.fixture
def panel(qtbot, questions_window) -> TeamPanel:
    questions = questions_window.tabs["Questions"]
    questions.refresh_addresses()
    action = questions_window.findChild(type(questions_window.ui.menuSession.menuAction()),
                                        "actionTeamLinks")
    action.trigger()
    panel = questions_window.team_panel
    assert isinstance(panel, TeamPanel) and panel.isVisible()
    return panel


def create(qtbot, panel: TeamPanel, role: Role, name: str = "") -> str:
    panel.role_box.setCurrentIndex(panel.role_box.findData(role.value))
    qtbot.keyClicks(panel.name_edit, name)
    qtbot.mouseClick(panel.create_button, Qt.MouseButton.LeftButton)
    return panel.url_label.text()


def local(url: str) -> str:
    """The link as this test reaches it (the panel shows the address phones are told)."""
    return "http://127.0.0.1:" + url.split(":", 2)[2]


def test_a_link_per_role_with_its_qr_code_and_who_is_connected(qtbot, panel, document,
                                                                questions_window):
    questions = questions_window.tabs["Questions"]
    assert not questions.server_running and panel.links == []
    assert panel.empty_label.isVisible()
    url = create(qtbot, panel, Role.TIMEKEEPER, "Stream Deck")
    assert questions.server_running and questions.team_served
    (link,) = list_role_links(document.file)
    assert link.role is Role.TIMEKEEPER and link.name == "Stream Deck"
    assert url.endswith(f"/r/{link.token}") and panel.qr.text == url
    assert panel.table.item(0, 0).text() == "Timekeeper"
    assert panel.table.item(0, 2).text() == "Not seen yet"
    assert httpx.get(local(url)).status_code == 200
    api = local(url).replace("/r/", "/api/r/")
    assert httpx.get(api, headers=HEADERS).json()["role"] == "timekeeper"
    qtbot.waitUntil(lambda: panel.table.item(0, 2).text() == "Connected", timeout=1500)
    panel.copy_link()
    assert QApplication.clipboard().text() == url
    create(qtbot, panel, Role.PODIUM)
    assert [panel.table.item(row, 0).text() for row in range(2)] == ["Timekeeper", "Podium"]
    assert panel.selected_link().role is Role.PODIUM


def test_revoking_shuts_the_device_out_within_a_second(qtbot, panel, document,
                                                       questions_window):
    url = create(qtbot, panel, Role.TIMEKEEPER, "Phone")
    control = local(url).replace("/r/", "/api/r/") + "/control/toggle"
    assert httpx.post(control, headers=HEADERS, json={}).status_code == 200
    qtbot.mouseClick(panel.revoke_button, Qt.MouseButton.LeftButton)
    box = panel.findChild(QMessageBox, "revokeLinkQuestion")
    yes = next(b for b in box.buttons()
               if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    started = time.monotonic()
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    assert panel.links == [] and list_role_links(document.file) == []
    # The last link gone and questions closed: nothing is served to the team any more.
    assert not questions_window.tabs["Questions"].server_running
    # A device that still has the page: refused (here even the server is gone).
    with pytest.raises(httpx.TransportError):
        httpx.post(control, headers=HEADERS, json={}, timeout=1)
    assert time.monotonic() - started < 1.0


def test_revoked_while_the_server_runs_for_questions(qtbot, panel, document,
                                                     questions_window):
    questions = questions_window.tabs["Questions"]
    assert questions.open_questions()
    url = create(qtbot, panel, Role.PODIUM, "Lectern")
    api = local(url).replace("/r/", "/api/r/") + "/podium"
    assert httpx.get(api, headers=HEADERS).status_code == 200
    started = time.monotonic()
    assert panel.revoke(panel.selected_link().token)
    refused = httpx.get(api, headers=HEADERS)
    assert time.monotonic() - started < 1.0
    assert refused.status_code == 403 and refused.json()["error"] == "revoked"
    assert questions.server_running  # phones still ask questions


def test_the_laptop_shows_a_timekeepers_changes_within_a_second(qtbot, panel, document,
                                                                questions_window):
    run_tab = questions_window.tabs["Run"]
    session = list_sessions(document.file)[0]
    questions_window.select_session(session.id)
    url = create(qtbot, panel, Role.TIMEKEEPER, "Deck")
    control = local(url).replace("/r/", "/api/r/") + "/control/"
    assert httpx.post(control + "start", headers=HEADERS).status_code == 200
    first = get_session(document.file, session.id).slots[0].person.name
    qtbot.waitUntil(lambda: first in run_tab.speaker_label.text(), timeout=1000)
    started = time.monotonic()
    assert httpx.post(control + "next", headers=HEADERS).json()["changed"]
    second = get_session(document.file, session.id).slots[1].person.name
    qtbot.waitUntil(lambda: second in run_tab.speaker_label.text(), timeout=1000)
    assert time.monotonic() - started < 1.0
    httpx.post(control + "message", headers=HEADERS, json={"text": "Two minutes left"})
    qtbot.waitUntil(lambda: run_tab.projector.message == "Two minutes left", timeout=1000)
    httpx.post(control + "blackout", headers=HEADERS, json={"on": True})
    qtbot.waitUntil(lambda: run_tab.blackout_action.isChecked(), timeout=1000)


def test_team_panel_screenshot(qtbot, panel, document, screenshots):
    for role, name in [(Role.RAPPORTEUR, "Amina Diallo"), (Role.CO_MODERATOR, ""),
                       (Role.TIMEKEEPER, "Stream Deck"), (Role.PODIUM, "Lectern tablet")]:
        create(qtbot, panel, role, name)
    url = local(panel.url_label.text()).replace("/r/", "/api/r/") + "/podium"
    assert httpx.get(url, headers=HEADERS).status_code == 200
    panel.table.selectRow(2)
    qtbot.waitUntil(lambda: panel.table.item(3, 2).text() == "Connected", timeout=1500)
    panel.resize(860, 600)
    panel.grab().save(str(screenshots / "team-panel.png"))


def test_the_team_is_served_again_after_the_app_restarts(qtbot, sample_path, qapp):
    """A restart of the app: the same links work again on the same port, at once."""
    from PySide6.QtCore import QSettings

    from facilitator.gui.app import App
    from facilitator.store.phone_address import remember_phone_address

    settings = QSettings()
    for key in ("phones", "projector", "room"):
        settings.remove(key)
    settings.setValue("phones/listen", "127.0.0.1")
    app = App()
    try:
        assert app.open(sample_path)
        window = app.windows[0]
        window.tabs["Questions"].server_port = 0  # a free port; the event remembers it
        window.show_team_panel()
        url = local(create(qtbot, window.team_panel, Role.TIMEKEEPER, "Deck"))
        port = window.tabs["Questions"].server.port
        remember_phone_address(window.document.file, "127.0.0.1", port)
        window.close()
        qtbot.waitUntil(lambda: not app.windows)
        with pytest.raises(httpx.TransportError):
            httpx.get(url, timeout=1)

        assert app.open(sample_path)
        window = app.windows[0]
        questions = window.tabs["Questions"]
        assert questions.server_running and questions.team_served
        assert questions.server.port == port
        api = url.replace("/r/", "/api/r/")
        assert httpx.get(api, headers=HEADERS).json()["name"] == "Deck"
        assert "team links" in window.statusBar().currentMessage()
        window.close()
        qtbot.waitUntil(lambda: not app.windows)
    finally:
        for key in ("phones", "projector", "room"):
            settings.remove(key)
        settings.sync()


def test_after_revoking_nothing_dangerous_has_the_focus(qtbot, panel, document):
    """Revoke… then a second Enter must not revoke another link: after revoking, no link
    is selected (Revoke… disabled) and the focus is on the list."""
    create(qtbot, panel, Role.TIMEKEEPER, "Deck")
    create(qtbot, panel, Role.PODIUM, "Lectern")
    create(qtbot, panel, Role.RAPPORTEUR, "Notes")
    panel.table.selectRow(1)
    panel.revoke_button.setFocus()
    qtbot.keyClick(panel.revoke_button, Qt.Key.Key_Space)
    box = panel.findChild(QMessageBox, "revokeLinkQuestion")
    yes = next(b for b in box.buttons()
               if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert [link.name for link in list_role_links(document.file)] == ["Deck", "Notes"]
    assert panel.selected_link() is None and not panel.revoke_button.isEnabled()
    assert panel.focusWidget() is panel.table
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Space):
        qtbot.keyClick(panel.focusWidget(), key)
    assert not [box for box in panel.findChildren(QMessageBox, "revokeLinkQuestion")
                if box.isVisible()]
    assert len(list_role_links(document.file)) == 2
    # The last link revoked: the focus goes to Close.
    for name in ("Deck", "Notes"):
        panel.table.selectRow([link.name for link in panel.links].index(name))
        assert panel.revoke(panel.selected_link().token)
    assert panel.focusWidget() is panel.close_button
