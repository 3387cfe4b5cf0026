"""Session › Team links…: a link (URL and QR code) per team member and role, who is
connected, and revoking a link at once.

A link opens one role's page on the member's own device (audience/roles.py): rapporteur,
co-moderator, timekeeper or podium. Links are the event's (the file keeps them, so a
restart gives every device its link back); they work while the phone server runs, which
this panel starts and keeps running (QuestionsTab.serve_team) while any link is live.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.actions import team
from facilitator.actions.changes import Changes, Kind
from facilitator.core.team import NAME_LIMIT, Role, RoleLink
from facilitator.gui.document import FAILED, EventDocument, attempt
from facilitator.gui.keyboard import free_tab_key
from facilitator.gui.qr_widget import QrWidget
from facilitator.gui.runner import CommandRunner
from facilitator.gui.user_text import confirm, plain_label
from facilitator.store.role_links import list_role_links

PRESENCE_MS = 1000  # "connected" and "last seen" are read this often


class TeamServer(Protocol):
    """What the panel needs of the phone server's owner (gui/questions_tab.py)."""

    server_running: bool

    def serve_team(self, port: int | None = None) -> bool: ...
    def stop_team(self) -> None: ...
    def role_url(self, token: str) -> str: ...
    def team_presence(self) -> dict: ...


def role_title(role: Role) -> str:
    """The role's name in the app's language."""
    return {
        Role.RAPPORTEUR: QCoreApplication.translate("TeamPanel", "Rapporteur"),
        Role.CO_MODERATOR: QCoreApplication.translate("TeamPanel", "Co-moderator"),
        Role.TIMEKEEPER: QCoreApplication.translate("TeamPanel", "Timekeeper"),
        Role.PODIUM: QCoreApplication.translate("TeamPanel", "Podium"),
    }[role]


def role_purpose(role: Role) -> str:
    """What a link of this role lets its holder do, in the app's language."""
    return {
        Role.RAPPORTEUR: QCoreApplication.translate(
            "TeamPanel", "Takes notes and writes the summary from a laptop or tablet."),
        Role.CO_MODERATOR: QCoreApplication.translate(
            "TeamPanel", "Screens audience questions and puts them on screen."),
        Role.TIMEKEEPER: QCoreApplication.translate(
            "TeamPanel", "Drives the clock, the message to the speaker and the blackout "
            "from a phone or a Stream Deck."),
        Role.PODIUM: QCoreApplication.translate(
            "TeamPanel", "Shows the speaker's clock and messages on a tablet at the "
            "podium."),
    }[role]


class TeamPanel(QDialog):
    """The team's role links: create, show (URL, QR), copy, revoke; who is connected."""

    def __init__(self, document: EventDocument, server: TeamServer,
                 parent: QWidget | None = None, *, runner: CommandRunner | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamPanel")
        self.setWindowTitle(self.tr("Team links"))
        self.document = document
        self.server = server
        self.runner = runner or document.runner
        self.links: list[RoleLink] = []
        self._build()
        self.runner.did_change.connect(self._on_changed)
        self.presence_timer = QTimer(self)
        self.presence_timer.setInterval(PRESENCE_MS)
        self.presence_timer.timeout.connect(self.show_presence)
        self.reload()

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        intro = plain_label(QLabel(self.tr(
            "Give each member of the team a link of their own: it opens their role's page "
            "on their phone, tablet or laptop, on the venue network. Revoke a link and its "
            "device is shut out at once.")))
        intro.setWordWrap(True)
        self.server_label = plain_label(QLabel())
        self.server_label.setObjectName("teamServerState")
        self.server_label.setWordWrap(True)
        self.serve_button = QPushButton(self.tr("&Serve the team's links"))
        self.serve_button.setObjectName("serveTeamButton")
        self.serve_button.clicked.connect(self.serve)
        server_row = QHBoxLayout()
        server_row.addWidget(self.server_label, 1)
        server_row.addWidget(self.serve_button)

        new_box = QGroupBox(self.tr("New link"))
        self.role_box = QComboBox()
        self.role_box.setObjectName("teamRole")
        for role in Role:
            self.role_box.addItem(role_title(role), role.value)
        self.role_box.currentIndexChanged.connect(self._show_purpose)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("teamName")
        self.name_edit.setMaxLength(NAME_LIMIT)
        self.name_edit.setPlaceholderText(self.tr("Person or device (optional)"))
        self.name_edit.returnPressed.connect(self.create_link)
        self.purpose_label = plain_label(QLabel())
        self.purpose_label.setWordWrap(True)
        self.create_button = QPushButton(self.tr("&Create link"))
        self.create_button.setObjectName("createLinkButton")
        self.create_button.clicked.connect(self.create_link)
        form = QFormLayout(new_box)
        role_label = QLabel(self.tr("&Role:"))
        role_label.setBuddy(self.role_box)
        name_label = QLabel(self.tr("&Name:"))
        name_label.setBuddy(self.name_edit)
        form.addRow(role_label, self.role_box)
        form.addRow("", self.purpose_label)
        form.addRow(name_label, self.name_edit)
        form.addRow("", self.create_button)

        self.table = QTableWidget(0, 3)
        self.table.setObjectName("teamLinks")
        self.table.setHorizontalHeaderLabels([self.tr("Role"), self.tr("Name"),
                                              self.tr("Seen")])
        self.table.setAccessibleName(self.tr("Team links"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.empty_label = plain_label(QLabel(self.tr(
            "No team links yet: nothing is served to team devices.")))
        self.empty_label.setWordWrap(True)

        self.qr = QrWidget()
        self.qr.setObjectName("teamQr")
        self.qr.setMinimumSize(200, 200)
        self.qr.setAccessibleDescription(self.tr("Scan it with the team member's phone or "
                                                 "tablet to open their page"))
        self.url_label = plain_label(QLabel())
        self.url_label.setObjectName("teamUrl")
        self.url_label.setWordWrap(True)
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton(self.tr("C&opy link"))
        self.copy_button.setObjectName("copyLinkButton")
        self.copy_button.clicked.connect(self.copy_link)
        self.revoke_button = QPushButton(self.tr("Re&voke…"))
        self.revoke_button.setObjectName("revokeLinkButton")
        self.revoke_button.clicked.connect(self.ask_revoke)
        link_buttons = QHBoxLayout()
        link_buttons.addWidget(self.copy_button)
        link_buttons.addWidget(self.revoke_button)
        link_side = QVBoxLayout()
        link_side.addWidget(self.qr, 1)
        link_side.addWidget(self.url_label)
        link_side.addLayout(link_buttons)

        list_side = QVBoxLayout()
        list_side.addWidget(self.table, 1)
        list_side.addWidget(self.empty_label)
        body = QHBoxLayout()
        body.addLayout(list_side, 3)
        body.addLayout(link_side, 2)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self.close_button = close.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(server_row)
        layout.addWidget(new_box)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        free_tab_key(self)  # Tab moves on to the next control (gui/keyboard.py)
        self.resize(820, 560)
        self._show_purpose()

    def _show_purpose(self) -> None:
        self.purpose_label.setText(role_purpose(self.chosen_role()))

    # --- reading --------------------------------------------------------------------------

    def chosen_role(self) -> Role:
        return Role(self.role_box.currentData())

    def selected_link(self) -> RoleLink | None:
        rows = self.table.selectionModel().selectedRows()
        return self.links[rows[0].row()] if rows else None

    def reload(self, select: str | None = None) -> None:
        """Read the live links again, keeping the selected one (or selecting ``select``).

        The first link is selected only when the list was empty before (the panel opens,
        or the first link appears): a selected link that went away (revoked) leaves
        nothing selected, so Revoke… is disabled and a second Enter revokes nothing.
        """
        current = select or getattr(self.selected_link(), "token", None)
        was_empty = not self.links
        links = attempt(self, self.tr("Could not read the team's links"),
                        lambda: list_role_links(self.document.file))
        self.links = [] if links is FAILED else links
        self.table.setRowCount(len(self.links))
        for row, link in enumerate(self.links):
            self.table.setItem(row, 0, QTableWidgetItem(role_title(link.role)))
            self.table.setItem(row, 1, QTableWidgetItem(link.name))  # items show plain text
            self.table.setItem(row, 2, QTableWidgetItem(""))
        self.empty_label.setVisible(not self.links)
        tokens = [link.token for link in self.links]
        if current in tokens:
            self.table.selectRow(tokens.index(current))
        elif self.links and was_empty:
            self.table.selectRow(0)
        else:
            self.table.clearSelection()
        self.show_presence()
        self._show_selected()

    # --- showing --------------------------------------------------------------------------

    def show_presence(self) -> None:
        """Connected, last seen, or not seen, for each link; and the server's state."""
        running = self.server.server_running
        seen = self.server.team_presence() if running else {}
        zone = self.document.time_zone
        for row, link in enumerate(self.links):
            entry = seen.get(link.token)
            if entry is None:
                text = self.tr("Not seen yet")
            elif entry.connected():
                text = self.tr("Connected")
            else:
                text = self.tr("Last seen {time}").format(
                    time=datetime.fromtimestamp(entry.at, zone).strftime("%H:%M:%S"))
            item = self.table.item(row, 2)
            if item is not None and item.text() != text:
                item.setText(text)
        if running:
            self.server_label.setText(self.tr("The phone server is running: team links "
                                              "work on the venue network."))
        elif self.links:
            self.server_label.setText(self.tr("The phone server is stopped: team links do "
                                              "not work until it runs."))
        else:
            self.server_label.setText(self.tr("The phone server starts when you create "
                                              "the first link."))
        self.serve_button.setVisible(not running and bool(self.links))
        if running != bool(self.url_label.text()):
            self._show_selected()  # the URL needs the server's address and port

    def _show_selected(self) -> None:
        link = self.selected_link()
        url = self.server.role_url(link.token) if link is not None else ""
        self.qr.set_text(url)
        self.url_label.setText(url)
        self.copy_button.setEnabled(bool(url))
        self.revoke_button.setEnabled(link is not None)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Kind.TEAM):
            self.reload()

    # --- acting ---------------------------------------------------------------------------

    def serve(self) -> bool:
        """Start (or keep) the phone server for the team's links."""
        served = self.server.serve_team()
        self.show_presence()
        return served

    def create_link(self) -> RoleLink | None:
        """A new link for the chosen role and name; the server starts if it must."""
        done = self.runner.run(team.create_role_link(
            self.chosen_role(), self.name_edit.text(),
            now=self.document.clock.now()), self)
        if done is None:
            return None
        link: RoleLink = done.result
        self.name_edit.clear()
        self.serve()
        self.reload(select=link.token)
        return link

    def copy_link(self) -> None:
        url = self.url_label.text()
        if url:
            QGuiApplication.clipboard().setText(url)

    def ask_revoke(self) -> None:
        link = self.selected_link()
        if link is None:
            return
        who = f"{role_title(link.role)} · {link.name}" if link.name else role_title(link.role)
        confirm(self, self.tr("Revoke link"),
                self.tr("Revoke the link of {who}? Its device is shut out at once; a new "
                        "link means scanning a new QR code.").format(who=who),
                self.tr("&Revoke"), lambda: self.revoke(link.token), "revokeLinkQuestion")

    def revoke(self, token: str) -> bool:
        """Shut the link out (from the server's next request on); the server stops when
        nothing else needs it."""
        done = self.runner.run(team.revoke_role_link(token, now=self.document.clock.now()),
                               self)
        if done is None:
            return False
        self.reload()
        if not self.links:
            self.server.stop_team()
            self.show_presence()
        # Focus on nothing that acts: the list (or Close, with no link left), never the
        # button of another link.
        if self.links:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # Presence is read only while the panel shows.
    def showEvent(self, event: QShowEvent) -> None:
        self.presence_timer.start()
        self.reload()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.presence_timer.stop()
        super().hideEvent(event)
