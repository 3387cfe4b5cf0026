"""Rapporteur notes and the session summary."""

from __future__ import annotations

from typing import Any

from facilitator.actions import found
from facilitator.actions.changes import Kind
from facilitator.actions.command import Command, Label
from facilitator.actions.errors import Code, UserError
from facilitator.actions.ids import NoteId, SessionId, SlotId
from facilitator.core.notes import NoteKind, Summary
from facilitator.store import EventFile
from facilitator.store import notes as store
from facilitator.store import summaries as summary_store
from facilitator.store.rows import Scope, part

_NOTES = frozenset({Kind.NOTES})


def _has_text(text: str) -> None:
    if not str(text).strip():
        raise UserError(Code.NOTE_NEEDS_TEXT)


def add_note(session_id: SessionId, text: str, *, at: float, kind: NoteKind = NoteKind.NOTE,
             tags: tuple[str, ...] = (), slot_id: SlotId | None = None) -> Command:
    def prepare(ef: EventFile) -> Scope:
        _has_text(text)
        found.session(ef, session_id)
        return []

    return Command(Label.ADD_NOTE, session_id, _NOTES, prepare,
                   lambda ef: store.add_note(ef, session_id, text, at=at, kind=kind,
                                             tags=tags, slot_id=slot_id),
                   added=lambda _ef, note_id: [part("notes", "id", [note_id])])


def edit_note(session_id: SessionId, note_id: NoteId, *, at: float, **fields: Any) -> Command:
    """Change a note's ``text``, ``kind``, ``tags`` or ``slot_id`` (store.update_note)."""

    def prepare(ef: EventFile) -> Scope:
        if "text" in fields:
            _has_text(fields["text"])
        found.note(ef, note_id)
        return [part("notes", "id", [note_id])]

    return Command(Label.EDIT_NOTE, session_id, _NOTES, prepare,
                   lambda ef: store.update_note(ef, note_id, at=at, **fields),
                   # Typing pauses save the text several times: one undo step per note.
                   merge_key=("note text", note_id) if set(fields) == {"text"} else None)


def delete_note(session_id: SessionId, note_id: NoteId) -> Command:
    def prepare(ef: EventFile) -> Scope:
        found.note(ef, note_id)
        return [part("notes", "id", [note_id])]

    return Command(Label.DELETE_NOTE, session_id, _NOTES, prepare,
                   lambda ef: store.delete_note(ef, note_id))


def save_summary(session_id: SessionId, summary: Summary, *, at: float | None = None
                 ) -> Command:
    def prepare(ef: EventFile) -> Scope:
        found.session(ef, session_id)
        return [part("summaries", "session_id", [session_id])]

    return Command(Label.EDIT_SUMMARY, session_id, frozenset({Kind.SUMMARY}), prepare,
                   lambda ef: summary_store.save_summary(ef, session_id, summary, at),
                   merge_key=("summary", session_id))  # saved on typing pauses: one step
