"""Which of a session's polls are open or have their results shown (store/polls.py has the
rest): read by the room keeper as the window starts, without the polls' rules."""

from __future__ import annotations

from facilitator.core.poll_state import PollState
from facilitator.store.event_file import EventFile


def shown_poll_ids(ef: EventFile, session_id: int) -> list[int]:
    """The session's polls whose results are shown (at most one after any command)."""
    return [r[0] for r in ef.db.execute(
        "SELECT id FROM polls WHERE session_id = ? AND results_shown = 1",
        [session_id]).fetchall()]


def open_poll_ids(ef: EventFile, session_id: int) -> list[int]:
    return [r[0] for r in ef.db.execute(
        "SELECT id FROM polls WHERE session_id = ? AND state = ?",
        [session_id, PollState.OPEN.value]).fetchall()]
