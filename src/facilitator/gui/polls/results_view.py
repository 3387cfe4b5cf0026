"""A poll's results drawn with QPainter, for the laptop and (``stage=True``) the projector.

Readable at 30 m on the projector: sizes are shares of the widget's height, so a 1080-pixel
screen gives bar labels of ~60 px. Bars carry their count AND percentage as text, and the
chosen kind's meaning never depends on colour alone. Words are laid out as a cloud on an
Archimedean spiral (the most typed word first, at the centre), each with its count.
All user text is drawn as plain text (``drawText``), never parsed.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from PySide6.QtCore import QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from facilitator.core import word_cloud
from facilitator.core.polls import Poll, PollKind, PollResults

# Okabe–Ito blue and orange: apart for colour-blind readers (as the report charts).
BAR_COLOUR = QColor("#0072B2")
STAGE_BAR_COLOUR = QColor("#56B4E9")
WORD_COLOURS = (QColor("#0072B2"), QColor("#D55E00"), QColor("#009E73"), QColor("#CC79A7"))
STAGE_WORD_COLOURS = (QColor("#56B4E9"), QColor("#E69F00"), QColor("#F0E442"),
                      QColor("#FFFFFF"))
MAX_CLOUD_WORDS = word_cloud.MAX_CLOUD_WORDS


@dataclass(frozen=True)
class PlacedWord:
    """A word of the cloud where it goes: its box (relative to the cloud's centre)."""

    word: str
    count: int
    px: int
    box: QRectF


def layout_cloud(words: list[tuple[str, int]], size: QSize, measure, *, largest_px: int,
                 smallest_px: int) -> list[PlacedWord]:
    """Place words (most typed first) on a spiral from the centre without overlaps, sizes
    by count between ``smallest_px`` and ``largest_px``; when some find no room the whole
    cloud is tried smaller (twice at most), and words that still find none are left out.
    ``measure(text, px) -> (width, height)``; boxes are relative to the centre
    (``core.word_cloud.layout``, in Qt's rectangles)."""
    return [PlacedWord(p.word, p.count, p.px, QRectF(p.x, p.y, p.width, p.height))
            for p in word_cloud.layout(words, size.width(), size.height(), measure,
                                       largest_px=largest_px, smallest_px=smallest_px)]


_worker: ThreadPoolExecutor | None = None


def _cloud_worker() -> ThreadPoolExecutor:
    """One thread for word-cloud layouts (pure arithmetic, core.word_cloud)."""
    global _worker
    if _worker is None:
        _worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="word-cloud")
    return _worker


class _CloudBridge(QObject):
    """Brings a layout made on the worker back to the GUI thread (a queued signal)."""

    cloud_did_lay_out = Signal(object, object)  # key, [core.word_cloud.PlacedWord]


class PollResultsView(QWidget):
    """One poll's question and results; ``show_results(poll, results)``, None to clear."""

    def __init__(self, parent: QWidget | None = None, *, stage: bool = False) -> None:
        super().__init__(parent)
        self.stage = stage
        self.poll: Poll | None = None
        self.results: PollResults | None = None
        self.cloud: list[PlacedWord] = []  # the last cloud drawn (tests read it)
        self._cloud_key: object = None
        self._cloud_room: object = None  # (poll id, width, height, font) of that cloud
        self._cloud_job: object = None  # the key of the layout under way on the worker
        self._cloud_next: tuple | None = None  # the newest one asked meanwhile
        self._cloud_generation = 0  # bumped when a cloud is laid out here, at once
        self._cloud_bridge = _CloudBridge(self)
        self._cloud_bridge.cloud_did_lay_out.connect(self._take_cloud)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 160)

    def show_results(self, poll: Poll | None, results: PollResults | None) -> None:
        if poll == self.poll and results == self.results:
            return  # the same again (the tab re-reads while answers come): no repaint
        self.poll, self.results = poll, results
        self.update()

    def answers_text(self) -> str:
        return self.answers_text_for(self.results.answers if self.results else 0)

    def answers_text_for(self, count: int) -> str:
        """"1 answer", "3 answers" in the interface language."""
        # Two plain texts, not a %n plural: lupdate versions read a count differently.
        return self.tr("1 answer") if count == 1 else self.tr("{n} answers").format(n=count)

    # --- painting -------------------------------------------------------------------------

    def _colours(self) -> tuple[QColor, QColor, QColor]:
        if self.stage:
            return QColor("#000000"), QColor("#FFFFFF"), QColor("#BBBBBB")
        palette = self.palette()
        return (palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text),
                palette.color(QPalette.ColorRole.PlaceholderText))

    def _font(self, px: int, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(8, px))
        font.setBold(bold)
        return font

    def paintEvent(self, event: QPaintEvent) -> None:
        background, ink, muted = self._colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), background)
        if self.poll is None or self.results is None:
            painter.end()
            return
        height, width = self.height(), self.width()
        margin = max(6, int(height * 0.03))
        head_px = max(12, int(height * (0.07 if self.stage else 0.06)))
        painter.setPen(ink)
        painter.setFont(self._font(head_px, bold=True))
        flags = (Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                 | Qt.TextFlag.TextWordWrap)
        room = QRectF(margin, margin, width - 2 * margin, head_px * 2.6)
        title = painter.boundingRect(room, flags, self.poll.question).intersected(room)
        painter.drawText(room, flags, self.poll.question)
        top = title.bottom() + head_px * 0.3
        painter.setPen(muted)
        painter.setFont(self._font(int(head_px * 0.7)))
        caption = self.answers_text()
        if self.results.ranking:  # the numbers are places, not counts: say so
            caption += " · " + self.tr("average place, 1 = first")
        painter.drawText(QRectF(margin, top, width - 2 * margin, head_px * 1.1),
                         Qt.AlignmentFlag.AlignHCenter, caption)
        top += head_px * 1.3
        area = QRectF(margin, top, width - 2 * margin, height - top - margin)
        results = self.results
        if results.bars:
            self._bars(painter, area, ink, results)
        elif results.ranking:
            self._ranking(painter, area, ink, results)
        elif self.poll.kind is PollKind.WORDS:
            self._cloud(painter, area, results)
        elif results.texts:
            self._texts(painter, area, ink, results)
        painter.end()

    def _rows(self, area: QRectF, count: int) -> tuple[float, int]:
        row = min(area.height() / max(1, count), area.height() * 0.22)
        return row, max(8, int(row * 0.5))

    def _bars(self, painter: QPainter, area: QRectF, ink: QColor, results: PollResults
              ) -> None:
        row, px = self._rows(area, len(results.bars) + (1 if results.average else 0))
        font = self._font(px)
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        label_w = min(area.width() * 0.35,
                      max(metrics.horizontalAdvance(b.label) for b in results.bars) + px)
        number_w = metrics.horizontalAdvance("8888 · 100 %") + px
        bar_w = max(10.0, area.width() - label_w - number_w)
        largest = max((b.count for b in results.bars), default=0) or 1
        colour = STAGE_BAR_COLOUR if self.stage else BAR_COLOUR
        for n, bar in enumerate(results.bars):
            y = area.top() + n * row
            painter.setPen(ink)
            painter.drawText(QRectF(area.left(), y, label_w - px / 2, row),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight,
                                                label_w - px / 2))
            length = bar_w * bar.count / largest
            painter.fillRect(QRectF(area.left() + label_w, y + row * 0.18, length, row * 0.64),
                             colour)
            painter.drawText(QRectF(area.left() + label_w + length + px / 3, y, number_w, row),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             f"{bar.count} · {bar.percent:.0f} %")
        if results.average is not None:
            y = area.top() + len(results.bars) * row
            painter.setFont(self._font(px, bold=True))
            painter.drawText(QRectF(area.left(), y, area.width(), row),
                             Qt.AlignmentFlag.AlignCenter,
                             self.tr("Average: {average}").format(
                                 average=f"{results.average:.1f}"))

    def _ranking(self, painter: QPainter, area: QRectF, ink: QColor, results: PollResults
                 ) -> None:
        row, px = self._rows(area, len(results.ranking))
        font = self._font(px)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        count = len(results.ranking)
        number_w = metrics.horizontalAdvance("8. ") + px / 2
        value_w = metrics.horizontalAdvance("8.88") + px
        colour = STAGE_BAR_COLOUR if self.stage else BAR_COLOUR
        # Options as wide as they need, up to 55 % of the width; bars take what is left.
        label_w = min(area.width() * 0.55,
                      max(metrics.horizontalAdvance(r.label) for r in results.ranking) + px / 2)
        for n, ranked in enumerate(results.ranking):
            y = area.top() + n * row
            painter.setPen(ink)
            painter.drawText(QRectF(area.left(), y, number_w, row),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             f"{n + 1}.")
            painter.drawText(QRectF(area.left() + number_w + px / 3, y, label_w, row),
                             Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(ranked.label, Qt.TextElideMode.ElideRight,
                                                label_w))
            # Longer bars for better places: (options + 1 - average) of the options.
            bar_left = area.left() + number_w + label_w + px / 2
            room = max(10.0, area.right() - bar_left - value_w)
            score = (count + 1 - ranked.average_position) / count if results.answers else 0
            painter.fillRect(QRectF(bar_left, y + row * 0.25, room * score, row * 0.5), colour)
            painter.drawText(QRectF(bar_left + room * score + px / 3, y, value_w, row),
                             Qt.AlignmentFlag.AlignVCenter,
                             f"{ranked.average_position:.2f}" if results.answers else "–")

    def _cloud(self, painter: QPainter, area: QRectF, results: PollResults) -> None:
        metrics: dict[int, QFontMetricsF] = {}

        def measure(text: str, px: int) -> tuple[float, float]:
            if px not in metrics:
                metrics[px] = QFontMetricsF(self._font(px, bold=True))
            return metrics[px].horizontalAdvance(text), metrics[px].height()

        size = QSize(int(area.width()), int(area.height()))
        largest = int(min(area.height() * 0.22, area.width() / 8))
        sizes = {"largest_px": max(12, largest), "smallest_px": max(10, int(largest * 0.25))}
        words = [(w.word, w.count) for w in results.words]
        room = (size.width(), size.height(), self.font().family())
        key = (tuple(words), *room)
        if key != self._cloud_key:  # laid out again only when the words or the room change
            if self.cloud and self._cloud_room == (self.poll and self.poll.id, room):
                # Answers coming in to the cloud drawn: the new layout (~20-70 ms for 40
                # words) is made on a worker while this one stays, so the window never
                # waits for it (texts measured here: fonts are the GUI thread's).
                if key != self._cloud_job and key != (self._cloud_next or (None,))[0]:
                    measured = {(t, px): measure(t, px)
                                for t, px in word_cloud.wanted_texts(words, **sizes)}
                    self._lay_out_later((key, words, size.width(), size.height(), measured,
                                         sizes, self._cloud_generation))
            else:
                self.cloud = layout_cloud(words, size, measure, **sizes)
                self._cloud_key = key
                self._cloud_room = (self.poll and self.poll.id, room)
                self._cloud_generation += 1  # a layout under way is for another cloud
                self._cloud_next = None
        colours = STAGE_WORD_COLOURS if self.stage else WORD_COLOURS
        centre = area.center()
        for n, placed in enumerate(self.cloud):
            box = placed.box.translated(centre)
            word_font = self._font(placed.px, bold=True)
            painter.setFont(word_font)
            painter.setPen(colours[n % len(colours)])
            word_w = QFontMetricsF(word_font).horizontalAdvance(placed.word + " ")
            painter.drawText(QPointF(box.left(), box.top() + QFontMetricsF(word_font).ascent()),
                             placed.word)
            # The count beside each word, smaller: sizes alone are hard to compare.
            painter.setFont(self._font(int(placed.px * 0.45)))
            painter.drawText(QPointF(box.left() + word_w,
                                     box.top() + QFontMetricsF(word_font).ascent()),
                             str(placed.count))

    def _lay_out_later(self, job: tuple) -> None:
        """Lay the cloud out on the worker; one at a time, the newest asked next. ``job``:
        (key, words, width, height, measured texts, sizes, generation)."""
        if self._cloud_job is not None:
            self._cloud_next = job
            return
        key, words, width, height, measured, sizes, generation = job
        self._cloud_job = key
        bridge = self._cloud_bridge

        def lay_out() -> None:
            placed: list[word_cloud.PlacedWord] | None = None
            try:
                placed = word_cloud.layout(words, width, height,
                                           lambda text, px: measured[(text, px)], **sizes)
            except Exception:  # a bug: said in the log; the cloud drawn stays
                logging.getLogger(__name__).exception("word cloud layout failed")
            _deliver(placed)

        def _deliver(placed: list[word_cloud.PlacedWord] | None) -> None:
            try:
                bridge.cloud_did_lay_out.emit((key, generation), placed)  # queued
            except RuntimeError:
                pass  # the view is gone (the window closed meanwhile)

        _cloud_worker().submit(lay_out)

    def _take_cloud(self, done: tuple, placed: list[word_cloud.PlacedWord] | None) -> None:
        key, generation = done
        self._cloud_job = None
        job, self._cloud_next = self._cloud_next, None
        # Else laid out for a cloud since replaced, or failed (logged on the worker).
        if placed is not None and generation == self._cloud_generation:
            self.cloud = [PlacedWord(p.word, p.count, p.px,
                                     QRectF(p.x, p.y, p.width, p.height)) for p in placed]
            self._cloud_key = key
            self.update()
        if job is not None and job[6] == self._cloud_generation and job[0] != self._cloud_key:
            self._lay_out_later(job)

    def _texts(self, painter: QPainter, area: QRectF, ink: QColor, results: PollResults
               ) -> None:
        px = max(10, int(area.height() * 0.06))
        painter.setFont(self._font(px))
        painter.setPen(ink)
        y = area.top()
        for text in reversed(results.texts):  # the latest first
            box = painter.boundingRect(QRectF(area.left(), y, area.width(), area.height()),
                                       Qt.TextFlag.TextWordWrap, "• " + text)
            if box.bottom() > area.bottom():
                break
            painter.drawText(box, Qt.TextFlag.TextWordWrap, "• " + text)
            y = box.bottom() + px * 0.4
