"""The Run tab's small picture of the projector: the clock and its state, the moderator's
message and the blackout, so the moderator sees on the laptop what the stage shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QStackedLayout, QVBoxLayout, QWidget

from facilitator.gui.clock_face import MUTED_TEXT, STAGE_BACKGROUND, ClockFace, StateBanner
from facilitator.gui.document import plain_tip

# The projector's message colours (gui/projector.py): black text on the sky-blue band.
MESSAGE_STYLE = "color: #000000; background: #56B4E9; border-radius: 4px; padding: 2px 6px;"
# The stage shows something else than the clock: a white frame, apart from every level.
ELSEWHERE_STYLE = ("color: #FFFFFF; border: 2px solid #FFFFFF; border-radius: 4px; "
                   "padding: 2px 6px;")


class StagePreview(QFrame):
    """Clock, state banner and message band on black; all black in a blackout, with a dim
    word so the moderator knows the black is on purpose."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clockPreview")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, STAGE_BACKGROUND)
        self.setPalette(palette)
        self.setMinimumSize(300, 150)
        self.message = ""
        self.blinking = False
        self.blackout = False

        self.clock_face = ClockFace()
        self.clock_face.setObjectName("clockFace")
        self.banner = StateBanner()
        self.banner.setFixedHeight(34)
        self.message_label = QLabel()
        self.message_label.setObjectName("previewMessage")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)  # the moderator's text
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setWordWrap(True)
        self.message_label.setSizePolicy(QSizePolicy.Policy.Ignored,
                                         QSizePolicy.Policy.Preferred)
        # Its style sheet is set with the first message: the first style sheet in the
        # window makes Qt build a style-sheet style for it, and the start shows none.
        font = self.message_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.message_label.setFont(font)
        self.message_label.hide()
        # What the projector shows instead of this clock (the join code, a poll's results):
        # made the first time it has something to say, not before the first paint.
        self._elsewhere: QLabel | None = None
        self.stage = QWidget()
        layout = self._stage_layout = QVBoxLayout(self.stage)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.clock_face, 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.message_label)

        self.black = QLabel(self.tr("Blackout: the projector is black (B to undo)"))
        self.black.setObjectName("previewBlackout")
        self.black.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.black.setWordWrap(True)
        # Dim, yet 4.5:1 on black: readable by the moderator, no glare in a dark room. (A
        # palette, not a style sheet: see the message label.)
        black_palette = self.black.palette()
        black_palette.setColor(QPalette.ColorRole.WindowText, MUTED_TEXT.darker(130))
        self.black.setPalette(black_palette)
        self.pages = QStackedLayout(self)
        self.pages.addWidget(self.stage)
        self.pages.addWidget(self.black)

    def show_message(self, text: str, blink: bool = False) -> None:
        """The message as the projector shows it (steady here: no blinking on the laptop)."""
        self.message = text
        self.blinking = bool(text) and blink
        if text and not self.message_label.styleSheet():
            self.message_label.setStyleSheet(MESSAGE_STYLE)
        self.message_label.setText(text)
        self.message_label.setToolTip(plain_tip(text))
        self.message_label.setVisible(bool(text))

    def show_stage_page(self, page: str) -> None:
        """Say what the projector shows in place of the clock: ``page`` is its
        ``current_page()`` ("join", "poll"; "stage" and "blackout" need no words here)."""
        text = {"join": self.tr("The projector shows the join code, not this clock "
                                "(Questions tab: Show join code on projector)"),
                "poll": self.tr("The projector shows the poll's results, not this clock "
                                "(Polls tab)")}.get(page, "")
        if not text and self._elsewhere is None:
            return
        label = self.elsewhere_label
        label.setText(text)
        label.setVisible(bool(text))

    @property
    def elsewhere_label(self) -> QLabel:
        """The band that says what the projector shows instead of the clock."""
        if self._elsewhere is None:
            label = self._elsewhere = QLabel()
            label.setObjectName("previewElsewhere")
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setStyleSheet(ELSEWHERE_STYLE)  # made late: see the message label
            label.hide()
            self._stage_layout.addWidget(label)
        return self._elsewhere

    def set_blackout(self, on: bool) -> None:
        self.blackout = on
        self.pages.setCurrentWidget(self.black if on else self.stage)

    def shows(self) -> str:
        """"blackout" or "stage" (for tests)."""
        return "blackout" if self.pages.currentWidget() is self.black else "stage"
