"""Speaking time of a session: per speaker, per constituency, per gender, against the plan,
as tables and as the report's charts (the same drawing, shown as an image)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.clock_text import format_duration
from facilitator.core.statistics import SessionStatistics, SpeakingTime
from facilitator.gui.core_text import core_text
from facilitator.gui.i18n import chosen_language
from facilitator.gui.keyboard import free_tab_key
from facilitator.reports.charts import BarChart, chart_png, planned_actual_charts, speaking_chart
from facilitator.reports.report_text import ReportText

COLUMNS = ("", QT_TRANSLATE_NOOP("StatisticsDialog", "Turns"),
           QT_TRANSLATE_NOOP("StatisticsDialog", "Planned"),
           QT_TRANSLATE_NOOP("StatisticsDialog", "Actual"),
           QT_TRANSLATE_NOOP("StatisticsDialog", "Difference"),
           QT_TRANSLATE_NOOP("StatisticsDialog", "Share of time"))


def statistics_table(rows: tuple[SpeakingTime, ...], first: str, total: float,
                     vocabulary: bool = False) -> QTableWidget:
    """One row per speaker (or constituency, gender); ``vocabulary``: labels are core's words."""
    table = QTableWidget(len(rows), len(COLUMNS))
    table.setHorizontalHeaderLabels(
        [first, *(QCoreApplication.translate("StatisticsDialog", c) for c in COLUMNS[1:])])
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for row, entry in enumerate(rows):
        share = f"{100 * entry.actual / total:.0f} %" if total > 0 else "–"
        label = core_text(entry.label) if vocabulary else entry.label
        values = (label, str(entry.turns), format_duration(entry.planned),
                  format_duration(entry.actual),
                  format_duration(entry.difference, signed=True), share)
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, column, item)
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    return table


def chart_label(chart: BarChart, width: int = 600) -> QLabel:
    """The chart as a picture ``width`` pixels wide (sharp on high-density screens); its
    title is the label's accessible name."""
    label = QLabel()
    ratio = label.devicePixelRatioF() or 1.0
    pixmap = QPixmap()
    pixmap.loadFromData(chart_png(chart, width * 0.75, scale=ratio / 0.75), "PNG")
    pixmap.setDevicePixelRatio(ratio)
    label.setPixmap(pixmap)
    label.setAccessibleName(chart.title)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
    return label


def _charts(charts: list[BarChart]) -> QScrollArea:
    """A tab's charts, one under the other (a long speakers' list has several); they
    scroll."""
    pictures = QWidget()
    column = QVBoxLayout(pictures)
    for chart in charts:
        if not chart.empty:
            column.addWidget(chart_label(chart))
    column.addStretch(1)
    scroll = QScrollArea()
    scroll.setObjectName("statisticsCharts")
    scroll.setWidget(pictures)
    scroll.setWidgetResizable(True)
    return scroll


def _in_words(rows: tuple[SpeakingTime, ...]) -> tuple[SpeakingTime, ...]:
    """Constituencies and genders in the interface's words, as the tables show them."""
    return tuple(dataclasses.replace(row, label=core_text(row.label)) for row in rows)


class StatisticsDialog(QDialog):
    """Who spoke how long; the same numbers go into the summary report."""

    def __init__(self, title: str, stats: SessionStatistics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsDialog")
        self.setWindowTitle(self.tr("Speaking time"))
        heading = QLabel(title + "\n" + self.tr(
            "Planned {planned} · spoken {spoken} in %n turns · overtime {overtime}", "",
            stats.spoken_turns).format(planned=format_duration(stats.planned_total),
                                       spoken=format_duration(stats.actual_total),
                                       overtime=format_duration(stats.overtime_total)))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.tabs = QTabWidget()
        total = stats.actual_total
        self.tabs.addTab(statistics_table(stats.by_speaker, self.tr("Speaker"), total),
                         self.tr("By &speaker"))
        self.tabs.addTab(statistics_table(stats.by_constituency, self.tr("Constituency"), total,
                                          vocabulary=True), self.tr("By &constituency"))
        self.tabs.addTab(statistics_table(stats.by_gender, self.tr("Gender"), total,
                                          vocabulary=True), self.tr("By &gender"))
        # Under the tables, the current tab's charts. Their titles and legends are the
        # report's own texts in the interface's language: the dialog shows what the PDF
        # prints.
        text = ReportText(chosen_language())
        per_speaker = planned_actual_charts(text("per_speaker"), stats.by_speaker,
                                            text("planned"), text("actual"))
        by_constituency = speaking_chart(text("by_constituency"),
                                         _in_words(stats.by_constituency), text("actual"))
        by_gender = speaking_chart(text("by_gender"), _in_words(stats.by_gender),
                                   text("actual"))
        self.charts = [*per_speaker, by_constituency, by_gender]
        self.chart_pages = QStackedWidget()
        for charts in (per_speaker, [by_constituency], [by_gender]):
            self.chart_pages.addWidget(_charts(charts))
        self.tabs.currentChanged.connect(self.chart_pages.setCurrentIndex)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.chart_pages, 1)
        layout.addWidget(buttons)
        free_tab_key(self)  # Tab moves on to the next control (gui/keyboard.py)
        self.resize(720, 640)
