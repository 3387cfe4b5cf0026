"""The join address stays: remembered per event, never swapped silently (issue 11.4)."""

from __future__ import annotations

import socket

import httpx
import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from facilitator.store.phone_address import (
    PhoneAddress,
    remember_phone_address,
    remembered_phone_address,
)


@pytest.fixture
def tab(questions_window):
    return questions_window.tabs["Questions"]


def taken_port() -> socket.socket:
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen(1)
    return holder


def test_the_address_and_port_are_remembered_in_the_event_and_used_again(qtbot, tab,
                                                                          document):
    assert tab.open_questions()
    port = tab.server.port
    remembered = remembered_phone_address(document.file)
    assert remembered == PhoneAddress(tab.address_box.currentData(), port) or (
        tab.address_box.currentData() == "127.0.0.1" and remembered is None)
    chosen = next(tab.address_box.itemData(i) for i in range(tab.address_box.count())
                  if tab.address_box.itemData(i) != "127.0.0.1") if tab.address_box.count() > 1 \
        else None
    tab.close_questions()
    assert not tab.server_running
    # The next opening (or the next start of the app) listens on the event's port.
    remember_phone_address(document.file, chosen or "192.0.2.10", port)
    tab.server_port = None
    assert tab.open_questions()
    assert tab.server.port == port
    if chosen:
        assert tab.address_box.currentData() == chosen
        assert tab.short_address() == f"{chosen}:{port}"
    assert not tab.address_note.isVisible()
    assert httpx.get(f"http://127.0.0.1:{port}/").status_code == 200


def test_a_taken_port_is_said_and_the_moderator_chooses(qtbot, tab, document):
    holder = taken_port()
    try:
        port = holder.getsockname()[1]
        remember_phone_address(document.file, "192.0.2.10", port)
        tab.server_port = None
        assert not tab.open_questions()
        assert not tab.server_running  # nothing changed behind the moderator's back
        box = tab.findChild(QMessageBox, "portTakenMessage")
        assert box is not None and box.isVisible()
        assert f"Port {port} is in use by another program" in box.text()
        # "Try again" while it is still taken: asked again, still not started.
        box.findChild(QPushButton, "retryPortButton").click()
        qtbot.waitUntil(lambda: tab.findChild(QMessageBox, "portTakenMessage") is not None
                        and tab.findChild(QMessageBox, "portTakenMessage") is not box)
        assert not tab.server_running
        again = [b for b in tab.findChildren(QMessageBox, "portTakenMessage")
                 if b.isVisible()][-1]
        other = again.findChild(QPushButton, "otherPortButton")
        free = int(other.text().split()[-1])
        other.click()
        qtbot.waitUntil(lambda: tab.server_running)
        assert tab.server.port == free != port
        assert tab.session().questions_open
        assert remembered_phone_address(document.file).port == free or \
            tab.address_box.currentData() == "127.0.0.1"
        tab.address_box.setCurrentIndex(tab.address_box.findData(
            next(tab.address_box.itemData(i) for i in range(tab.address_box.count()))))
        if tab.address_box.currentData() != "127.0.0.1":
            # Phones were told another address before: said, so posters are reprinted.
            assert tab.address_note.isVisibleTo(tab)
            assert f"192.0.2.10:{port}" in tab.address_note.text()
    finally:
        holder.close()


def test_the_join_screen_shows_where_to_type_the_code(qtbot, tab, document):
    assert tab.open_questions()
    tab.address_box.setCurrentIndex(tab.address_box.findData("127.0.0.1"))
    tab.projector_button.click()
    projector = tab.projector()
    session = tab.session()
    assert projector.current_page() == "join"
    assert session.short_code in projector.join_code.text()
    assert projector.join_url.text() == (
        f"or open 127.0.0.1:{tab.server.port} and type the code")
    assert projector.qr.text == tab.join_url()
    tab.projector_button.click()
