"""Speaking time of a session: per speaker, per constituency, per gender, against the plan."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.clock_text import format_duration
from facilitator.core.statistics import SessionStatistics, SpeakingTime
from facilitator.gui.core_text import core_text

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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)
