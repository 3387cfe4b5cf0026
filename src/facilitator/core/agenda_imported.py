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

    def __str__(self) -> str:
        slots = _counted(self.slots, "speaking slot")
        if self.added is None:
            return f"{slots} in {_counted(self.sessions, 'session')}"
        updated = self.sessions - self.added
        return f"{_counted(self.added, 'session')} added, {updated} updated, {slots}"


def _counted(number: int, noun: str) -> str:
    """``1 session``, ``3 sessions``."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
