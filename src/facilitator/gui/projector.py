"""The projector: a second top-level window the speaker reads from across the room.

It only shows what it is told (``show_reading``, ``show_message``, ``show_question``,
``show_join``, ``set_blackout``); the Run tab drives it from the event file. Sizes are
shares of the window height so the countdown stays readable on any screen: the digits
take at least 40 % of the height.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QHideEvent,
    QKeyEvent,
    QResizeEvent,
    QScreen,
    QShowEvent,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QStackedLayout, QVBoxLayout, QWidget

from facilitator.core.timer import Level
from facilitator.gui.clock_face import (
    LEVEL_STYLES,
    MUTED_TEXT,
    STAGE_BACKGROUND,
    STAGE_TEXT,
    ClockFace,
    StateBanner,
)
from facilitator.gui.document import plain_tip
from facilitator.gui.projector_access import SCREEN_SETTING, remembered_screen
from facilitator.gui.qr_widget import QrWidget
from facilitator.gui.spoken_clock import spoken_reading
from facilitator.gui.stage_reading import StageReading
from facilitator.gui.user_text import isolated

__all__ = ["SCREEN_SETTING", "ProjectorWindow", "StageReading"]

if TYPE_CHECKING:
    from facilitator.core.polls import Poll, PollResults
    from facilitator.gui.polls.results_view import PollResultsView
    from facilitator.gui.question_card import QuestionCard

BLINK_MS = 600
MESSAGE_COLOUR = QColor("#56B4E9")  # Okabe–Ito sky blue: apart from every clock level

# Share of the window height for each row; the clock takes whatever is left (>= 45 %).
ROW_SHARES = {"title": 0.05, "speaker": 0.09, "affiliation": 0.05, "banner": 0.10,
              "message": 0.14, "question": 0.12, "next": 0.06}
MARGIN_SHARE = 0.02
# A one-line text too long for the width (a speaker's full title) is made smaller down to
# this share of its row's size before it is cut with "…".
SHRINK_FLOOR = 0.6
# A long question may grow its row up to this share (less beside a message), the clock
# giving way but keeping about a third of the height.
QUESTION_MAX_SHARE = 0.30
QUESTION_MAX_SHARE_WITH_MESSAGE = 0.20


def _label(name: str, colour: QColor, bold: bool = False, wrap: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names and messages are user text
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(wrap)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    label.setStyleSheet(f"color: {colour.name()}; background: transparent;")
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


def stage_screen(names: list[str], remembered: str, moderator: str) -> str | None:
    """The name of the screen the projector goes to (None: wherever the system puts it).

    The screen chosen last time if it is there; else, with several screens, the last one
    that is not the moderator's. The last screen alone was the laptop's whenever the system
    listed the projector first (made the main display), and the stage then covered the
    moderator's own window.
    """
    if remembered in names:
        return remembered
    others = [name for name in names if name != moderator]
    return others[-1] if len(names) > 1 and others else None


class ProjectorWindow(QWidget):
    """The stage screen: speaker, countdown, state, next speaker, messages, QR, blackout."""

    visibility_did_change = Signal(bool)  # shown or hidden (also by its own close button)
    page_did_change = Signal(str)  # what it shows now: current_page()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("projector")
        self.setWindowTitle(self.tr("facilitator — projector"))
        self._icon_set = False  # set as it is first shown: most starts never show it
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), STAGE_BACKGROUND)
        self.setPalette(palette)
        self.resize(1280, 720)
        self.reading = StageReading()
        self._texts: dict[QLabel, str] = {}
        self._row_px: dict[QLabel, int] = {}  # each one-line row's text size (_apply_sizes)
        self.message = ""
        self.blinking = False
        self.blackout = False
        self.joining = False
        self._blink_on = True
        self._blink = QTimer(self)
        self._blink.setInterval(BLINK_MS)
        self._blink.timeout.connect(self._toggle_blink)

        self.stack = QStackedLayout(self)
        self.stage = QWidget()
        self.stage.setObjectName("stagePage")
        self.join_page = QWidget()
        self.join_page.setObjectName("joinPage")
        self.black_page = QWidget()
        self.black_page.setObjectName("blackoutPage")
        # Its own black: the window behind it is tinted red in overtime, and a blackout is
        # black whatever the clock says.
        self.black_page.setAutoFillBackground(True)
        black = self.black_page.palette()
        black.setColor(self.black_page.backgroundRole(), QColor("#000000"))
        self.black_page.setPalette(black)
        # A poll's results, when the moderator shows them (gui/polls/polls_tab.py): made
        # when first asked for (its module and widgets are start-up time otherwise).
        self._poll_page: PollResultsView | None = None
        self.showing_poll = False
        for page in (self.stage, self.join_page, self.black_page):
            self.stack.addWidget(page)
        self._build_stage()
        self._build_join()
        self._apply_sizes()

    # --- building -------------------------------------------------------------------------

    def _build_stage(self) -> None:
        self.title_label = _label("titleLabel", MUTED_TEXT)
        self.speaker_label = _label("speakerLabel", STAGE_TEXT, bold=True)
        self.affiliation_label = _label("affiliationLabel", MUTED_TEXT)
        self.clock_face = ClockFace()
        self.clock_face.setObjectName("clockFace")
        self.banner = StateBanner()
        self.banner.setObjectName("stateBanner")
        self.message_label = _label("messageLabel", MESSAGE_COLOUR, bold=True, wrap=True)
        self.next_label = _label("nextLabel", MUTED_TEXT)
        self.rows = {"title": self.title_label, "speaker": self.speaker_label,
                     "affiliation": self.affiliation_label, "banner": self.banner,
                     "message": self.message_label, "next": self.next_label}
        layout = QVBoxLayout(self.stage)
        layout.setSpacing(0)
        for widget in (self.title_label, self.speaker_label, self.affiliation_label):
            layout.addWidget(widget)
        layout.addWidget(self.clock_face, 1)
        for widget in (self.banner, self.message_label, self.next_label):
            layout.addWidget(widget)
        self.message_label.hide()
        # The audience question's card, between the message and the next speaker: made
        # with the first question put on screen (its module and widget, ~2 ms of CPU, are
        # not needed to paint the window at start; issue 17).
        self._question_card: QuestionCard | None = None

    @property
    def question_label(self) -> QuestionCard:
        """The audience question's card (hidden while no question is on screen)."""
        if self._question_card is None:
            from facilitator.gui.question_card import QuestionCard

            card = self._question_card = QuestionCard(STAGE_TEXT, MUTED_TEXT)
            card.setObjectName("questionLabel")
            card.hide()
            layout = self.stage.layout()
            layout.insertWidget(layout.indexOf(self.next_label), card)
            rows = list(self.rows.items())
            rows.insert(len(rows) - 1, ("question", card))  # the stage's order, top down
            self.rows = dict(rows)  # sized with the stage's next change (show_question)
        return self._question_card

    def _build_join(self) -> None:
        self.join_title = _label("joinTitle", STAGE_TEXT, bold=True)
        self.join_title.setText(self.tr("Send your questions from your phone"))
        self.qr = QrWidget()
        self.qr.setObjectName("joinQr")
        self.join_code = _label("joinCode", STAGE_TEXT, bold=True)
        self.join_url = _label("joinUrl", MUTED_TEXT)
        layout = QVBoxLayout(self.join_page)
        layout.addWidget(self.join_title)
        layout.addWidget(self.qr, 1)
        layout.addWidget(self.join_code)
        layout.addWidget(self.join_url)

    # --- what it shows --------------------------------------------------------------------

    def show_reading(self, reading: StageReading) -> None:
        """The clock and who speaks; cheap to call ten times a second."""
        if reading == self.reading:
            return
        old = self.reading
        self.reading = reading
        texts = {
            self.title_label: reading.session_title,
            self.speaker_label: reading.speaker,
            self.affiliation_label: reading.affiliation,
            self.next_label: self.tr("Next: {name}").format(
                name=isolated(reading.next_speaker))
            if reading.next_speaker else "",
        }
        # A start or pause changes only the clock and the banner: eliding four lines in
        # the stage's big fonts again costs milliseconds of the Space press for nothing.
        if texts != self._texts:
            self._texts = texts
            self._set_texts()
        self.clock_face.set_reading(reading.clock, reading.level)
        self.clock_face.describe(spoken_reading(reading.speaker, reading.clock,
                                                reading.level, reading.paused))
        self.banner.set_state(reading.level, reading.banner, reading.paused)
        if old.level is not reading.level:
            self._paint_level()

    def _set_texts(self) -> None:
        # One line each: a long name first gets smaller (down to SHRINK_FLOOR of its row's
        # size: still read from the back of the room), and only then is cut with "…",
        # rather than clipped at both ends. A speaker's full title must not lose its end.
        width = max(10, self.width() - 2 * int(self.height() * MARGIN_SHARE) - 8)
        for label, text in self._texts.items():
            nominal = self._row_px.get(label)
            font = QFont(label.font())
            if nominal is not None:
                font.setPixelSize(nominal)
                needed = QFontMetrics(font).horizontalAdvance(text)
                if needed > width:
                    font.setPixelSize(max(int(nominal * SHRINK_FLOOR), 10,
                                          int(nominal * width / needed)))
                if font.pixelSize() != label.font().pixelSize():
                    label.setFont(font)
            shown = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width)
            label.setText(shown)
            label.setToolTip(plain_tip(text) if shown != text else "")

    def show_message(self, text: str | None, blink: bool = False) -> None:
        """A message to the speaker ("Please conclude"); None or "" takes it away."""
        self.message = (text or "").strip()
        self.blinking = bool(self.message) and blink
        self.message_label.setText(self.message)
        self.message_label.setVisible(bool(self.message))
        self.message_label.setToolTip(plain_tip(self.message))
        self._blink_on = True
        self._set_message_colour(MESSAGE_COLOUR)
        if self.blinking:
            self._blink.start()
        else:
            self._blink.stop()
        self._apply_sizes()

    def show_question(self, text: str | None, author: str = "") -> None:
        """An audience question under the clock, whole, its byline under it; None hides it."""
        text = (text or "").strip()
        author = author.strip()
        question, byline = f"“{text}”" if text else "", f"— {author}" if text and author else ""
        if self._question_card is None and not text:
            return  # no question was ever shown: nothing to hide
        card = self.question_label
        if (question, byline) == (card.question, card.byline) and card.isHidden() != bool(text):
            # Phones' news asks again four times a second: the stage's sizes stay.
            return
        card.set_question(question, byline)
        card.setVisible(bool(text))
        self._apply_sizes()

    def show_join(self, url: str | None, short_code: str = "", short_address: str = ""
                  ) -> None:
        """The "join from your phone" screen: a big QR code, the code and where to type it
        (``short_address``, "192.168.1.20:8765"; else the whole ``url``); None goes back
        to the clock."""
        self.joining = bool(url)
        if url:
            self.qr.set_text(url)
            # Nobody types a link with a token; the short address and the code they can.
            self.join_url.setText(self.tr("or open {address} and type the code").format(
                address=short_address) if short_address and short_code else url)
            self.join_code.setText(self.tr("Code: {code}").format(code=short_code) if short_code
                                   else "")
        self._show_page()

    def show_poll(self, poll: Poll | None, results: PollResults | None) -> None:
        """A poll's results in place of the clock (bars, ranking or word cloud); None goes
        back to the clock. The join screen and a blackout still come first."""
        self.showing_poll = poll is not None
        self.poll_page.show_results(poll, results)
        self._show_page()

    def set_blackout(self, on: bool) -> None:
        """A black screen (between sessions, or when the stage needs darkness)."""
        self.blackout = on
        self._show_page()

    def _show_page(self) -> None:
        was = self.stack.currentWidget()
        if self.blackout:
            self.stack.setCurrentWidget(self.black_page)
        elif self.joining:
            self.stack.setCurrentWidget(self.join_page)
        elif self.showing_poll:
            self.stack.setCurrentWidget(self.poll_page)
        else:
            self.stack.setCurrentWidget(self.stage)
        if self.stack.currentWidget() is not was:
            self.page_did_change.emit(self.current_page())

    def current_page(self) -> str:
        """"stage", "join", "blackout" or "poll" (for tests and the Run tab's status)."""
        return {self.stage: "stage", self.join_page: "join", self.black_page: "blackout",
                self._poll_page: "poll"}[self.stack.currentWidget()]

    @property
    def poll_page(self) -> PollResultsView:
        """The page that shows a poll's results (bars, ranking or word cloud)."""
        if self._poll_page is None:
            from facilitator.gui.polls.results_view import PollResultsView

            self._poll_page = PollResultsView(stage=True)
            self._poll_page.setObjectName("pollPage")
            self.stack.addWidget(self._poll_page)
        return self._poll_page

    # --- colours and blinking -------------------------------------------------------------

    def _paint_level(self) -> None:
        # Overtime tints the whole stage edge-to-edge: seen even from the corner of an eye.
        colour = STAGE_BACKGROUND
        if self.reading.level is Level.OVERTIME:
            # dark enough that the red digits keep 4.5:1 for every eye (protanopes too)
            colour = QColor(LEVEL_STYLES[Level.OVERTIME].colour).darker(600)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), colour)
        self.setPalette(palette)

    def _toggle_blink(self) -> None:
        self._blink_on = not self._blink_on
        # Swap the colour, not the visibility: the layout must not jump while blinking.
        self._set_message_colour(MESSAGE_COLOUR if self._blink_on else QColor(0, 0, 0, 0))

    def _set_message_colour(self, colour: QColor) -> None:
        # A filled band with dark text: a message must stand out from everything else.
        self.message_label.setStyleSheet(
            f"color: #000000; background: {colour.name(QColor.NameFormat.HexArgb)};"
            "border-radius: 8px;" if colour.alpha() else
            "color: transparent; background: transparent;")

    def _fit_message(self) -> None:
        """One big line if it fits, else two smaller ones."""
        label = self.message_label
        height = max(200, self.height())
        row = int(height * ROW_SHARES["message"])
        font = QFont(label.font())
        font.setPixelSize(max(10, int(row * 0.62)))
        # The label may not be laid out yet (just shown): measure against the window.
        width = max(10, self.width() - 2 * int(height * MARGIN_SHARE) - 24)
        if QFontMetrics(font).horizontalAdvance(label.text()) > width:
            font.setPixelSize(max(10, int(row * 0.34)))
        label.setFont(font)

    # --- screens and sizes ----------------------------------------------------------------

    def send_to_screen(self, name: str) -> bool:
        """Move to the screen called ``name`` (remembered for next time)."""
        for screen in QGuiApplication.screens():
            if screen.name() == name:
                QSettings().setValue(SCREEN_SETTING, name)
                was_full = self.isFullScreen()
                if was_full:
                    self.showNormal()
                self.setScreen(screen)
                self.move(screen.availableGeometry().topLeft())
                if was_full:
                    self.showFullScreen()
                return True
        return False

    def remembered_screen(self) -> str:
        return remembered_screen()

    def show_on_stage(self, moderator_screen: QScreen | None = None) -> None:
        """Show the window on the remembered screen, else on one that is not the
        moderator's (``moderator_screen``, the main window's): see ``stage_screen``."""
        screens = QGuiApplication.screens()
        wanted = stage_screen([s.name() for s in screens], self.remembered_screen(),
                              moderator_screen.name() if moderator_screen else "")
        for screen in screens:
            if screen.name() == wanted:
                self.setScreen(screen)
                self.move(screen.availableGeometry().topLeft())
        self.show()
        self.raise_()

    def toggle_fullscreen(self, moderator_screen: QScreen | None = None) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            if not self.isVisible():
                self.show_on_stage(moderator_screen)
            self.showFullScreen()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_sizes()

    def _apply_sizes(self) -> None:
        height = max(200, self.height())
        margin = int(height * MARGIN_SHARE)
        self.stage.layout().setContentsMargins(margin, margin, margin, margin)
        for name, widget in self.rows.items():
            row = int(height * ROW_SHARES[name])
            if name == "question":
                row = self._question_row(height, margin)
            widget.setFixedHeight(row)
            if isinstance(widget, QLabel):
                font = QFont(widget.font())
                lines = 2 if widget.wordWrap() else 1
                font.setPixelSize(max(10, int(row * 0.72 / lines)))
                widget.setFont(font)
                self._row_px[widget] = font.pixelSize()  # _set_texts may make it smaller
        self.join_title.setFixedHeight(int(height * 0.1))
        self.join_code.setFixedHeight(int(height * 0.1))
        self.join_url.setFixedHeight(int(height * 0.07))
        for label, share in ((self.join_title, 0.06), (self.join_code, 0.07),
                             (self.join_url, 0.045)):
            font = QFont(label.font())
            font.setPixelSize(max(10, int(height * share)))
            label.setFont(font)
        self._set_texts()
        self._fit_message()

    def _question_row(self, height: int, margin: int) -> int:
        """The question's row: its nominal share, or more for a long question."""
        card = self.question_label
        with_message = self.message_label.isVisible()
        nominal = int(height * (0.08 if with_message else ROW_SHARES["question"]))
        # The nominal text size is the old two-line size, so short questions look the same.
        card.nominal_px = max(10, int(height * ROW_SHARES["question"] * 0.72 / 2))
        if not card.question:
            return nominal
        largest = int(height * (QUESTION_MAX_SHARE_WITH_MESSAGE if with_message
                                else QUESTION_MAX_SHARE))
        width = max(10, self.width() - 2 * margin)
        return max(nominal, card.height_for(width, largest))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
            return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._icon_set:
            from facilitator.gui import icons

            self._icon_set = True
            self.setWindowIcon(icons.app_icon())
        super().showEvent(event)
        self.visibility_did_change.emit(True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.visibility_did_change.emit(False)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._blink.stop()
        super().closeEvent(event)
