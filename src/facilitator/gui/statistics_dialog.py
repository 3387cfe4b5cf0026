"""Speaking time of a session: per speaker, per constituency, per gender, against the plan."""

from __future__ import annotations

from PySide6.QtCore import Qt
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

from facilitator.core.statistics import SessionStatistics, SpeakingTime
from facilitator.core.timer import format_clock

COLUMNS = ("", "Turns", "Planned", "Actual", "Difference", "Share of time")


def _difference(seconds: float) -> str:
    return ("+" if seconds >= 0.5 else "") + format_clock(seconds)


def statistics_table(rows: tuple[SpeakingTime, ...], first: str, total: float) -> QTableWidget:
    table = QTableWidget(len(rows), len(COLUMNS))
    table.setHorizontalHeaderLabels([first, *COLUMNS[1:]])
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for row, entry in enumerate(rows):
        share = f"{100 * entry.actual / total:.0f} %" if total > 0 else "–"
        values = (entry.label, str(entry.turns), format_clock(entry.planned),
                  format_clock(entry.actual), _difference(entry.difference), share)
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
        self.setWindowTitle("Speaking time")
        heading = QLabel(
            f"{title}\nPlanned {format_clock(stats.planned_total)} · spoken "
            f"{format_clock(stats.actual_total)} in {stats.spoken_turns} turns · overtime "
            f"{format_clock(stats.overtime_total)}")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.tabs = QTabWidget()
        total = stats.actual_total
        self.tabs.addTab(statistics_table(stats.by_speaker, "Speaker", total), "By &speaker")
        self.tabs.addTab(statistics_table(stats.by_constituency, "Constituency", total),
                         "By &constituency")
        self.tabs.addTab(statistics_table(stats.by_gender, "Gender", total), "By &gender")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)
