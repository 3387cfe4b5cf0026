"""What an agenda import did, counted: the CLI prints it in English (``str``), the window
says it in the interface's language with its own plurals."""

from __future__ import annotations

from typing import NamedTuple


class AgendaImported(NamedTuple):
    """``slots`` speaking slots written into ``sessions`` sessions. A whole agenda (JSON)
    makes and updates sessions: ``added`` of them are new, and so may a slot table with its
    sessions' times (the agenda exported as CSV or .xlsx); a slot table that made no
    session (a plain speakers table only fills sessions the event has): ``added`` is None."""

    slots: int
    sessions: int
    added: int | None = None
    # A workbook's rows with content that were hidden (by hand, a filter, a collapsed
    # group) and so left out; None: the file's hidden rows could not be told, every row
    # was imported.
    hidden_rows: int | None = 0

    def __str__(self) -> str:
        slots = _counted(self.slots, "speaking slot")
        if self.added is None:
            said = f"{slots} in {_counted(self.sessions, 'session')}"
        else:
            updated = self.sessions - self.added
            said = f"{_counted(self.added, 'session')} added, {updated} updated, {slots}"
        if self.hidden_rows is None:
            return f"{said}; hidden rows could not be told apart: every row was imported"
        if self.hidden_rows:
            return f"{said}, {_counted(self.hidden_rows, 'hidden row')} left out"
        return said


def _counted(number: int, noun: str) -> str:
    """``1 session``, ``3 sessions``."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
