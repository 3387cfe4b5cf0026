"""Look-ups that turn "no such row" into the user's error (the row may have been removed
by another device, or by an undo, since the view showed it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.actions.errors import Code, UserError
from facilitator.core.model import Session, Slot
from facilitator.store import EventFile, EventFileError
from facilitator.store import sessions as session_store

if TYPE_CHECKING:
    from facilitator.core.notes import Note
    from facilitator.core.questions import Question


def session(ef: EventFile, session_id: int, *, with_slots: bool = False) -> Session:
    try:
        return session_store.get_session(ef, session_id, with_slots=with_slots)
    except EventFileError:
        raise UserError(Code.NO_SUCH_SESSION, session_id=session_id) from None


def stored_session(ef: EventFile, session_id: int) -> session_store.StoredSession:
    """The session with its slots, and their rows for the undo snapshot (one read)."""
    try:
        return session_store.get_stored_session(ef, session_id)
    except EventFileError:
        raise UserError(Code.NO_SUCH_SESSION, session_id=session_id) from None


def slot(ef: EventFile, slot_id: int) -> Slot:
    try:
        return session_store.get_slot(ef, slot_id)
    except EventFileError:
        raise UserError(Code.NO_SUCH_SLOT) from None


def question(ef: EventFile, question_id: int) -> Question:
    # The questions' store comes with the Questions tab's commands, after the first paint.
    from facilitator.store import questions as question_store

    try:
        return question_store.get_question(ef, question_id)
    except EventFileError:
        raise UserError(Code.NO_SUCH_QUESTION) from None


def note(ef: EventFile, note_id: int) -> Note:
    # Notes are loaded with the first note command, not with the window's other commands.
    from facilitator.store import notes as note_store

    try:
        return note_store.get_note(ef, note_id)
    except EventFileError:
        raise UserError(Code.NO_SUCH_NOTE) from None
