"""Rapporteur notes and the session summary."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

from facilitator.actions import found
from facilitator.actions.changes import Kind
from facilitator.actions.command import Command, Label
from facilitator.actions.errors import Code, UserError
from facilitator.actions.ids import NoteId, SessionId, SlotId
from facilitator.core.notes import (
    Note,
    NoteKind,
    Summary,
    changed_sections,
    clean_note_text,
    is_section_key,
    section_keys,
    section_text,
    speaker_at,
    with_section,
)
from facilitator.store import EventFile
from facilitator.store import notes as store
from facilitator.store import summaries as summary_store
from facilitator.store.rows import Scope, part

_NOTES = frozenset({Kind.NOTES})


class Speaker(enum.Enum):
    """A note's speaker when the device names none: ``WHOEVER_SPOKE``, take_note's default,
    is the speaker live when the note was typed."""

    WHOEVER_SPOKE = "whoever spoke"


WHOEVER_SPOKE = Speaker.WHOEVER_SPOKE


def _has_text(text: str) -> None:
    # The store's own rule: text that shows nothing (spaces, zero-width marks) is no text.
    if not isinstance(text, str) or not clean_note_text(text):
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


def take_note(session_id: SessionId, text: str, *, client_id: str, typed_at: float,
              kind: NoteKind = NoteKind.NOTE, tags: tuple[str, ...] = (),
              slot_id: SlotId | Speaker | None = WHOEVER_SPOKE, taken_by: str = ""
              ) -> Command:
    """A note sent by a team device: stored once per ``client_id`` however often it is
    sent (a page resends what it has no answer for), stamped ``typed_at`` (epoch seconds,
    laptop clock) and linked to whoever was speaking then, unless ``slot_id`` names
    someone (or None: nobody). ``taken_by``: the device's actor ("rapporteur:…").
    Its result is ``(note, created)``."""

    def prepare(ef: EventFile) -> Scope:
        _has_text(text)
        found.session(ef, session_id)
        return []

    def write(ef: EventFile) -> tuple[Note, bool]:
        earlier = store.note_by_client_id(ef, client_id)
        if earlier is not None:
            return earlier, False
        speaker: int | None
        if isinstance(slot_id, Speaker):  # WHOEVER_SPOKE
            # The note may arrive minutes late (a page that was offline): the speaker is
            # the one live when it was typed, not when it arrived.
            session = found.session(ef, session_id, with_slots=True)
            speaker = speaker_at(session.slots, typed_at, session.current_slot_id)
        else:
            speaker = slot_id
        note_id = store.add_note(ef, session_id, text, at=typed_at, kind=kind, tags=tags,
                                 slot_id=speaker, client_id=client_id, taken_by=taken_by)
        return store.get_note(ef, note_id), True

    return Command(Label.ADD_NOTE, session_id, _NOTES, prepare, write,
                   added=lambda _ef, result: ([part("notes", "id", [result[0].id])]
                                              if result[1] else []))


def save_summary(session_id: SessionId, summary: Summary, *, at: float | None = None,
                 bases: Mapping[str, int] | None = None) -> Command:
    """Save the whole summary. ``bases``: each section's revision the editor started from;
    a section changed here whose stored revision moved on since (another device saved it)
    is refused with SUMMARY_SECTION_CHANGED, nothing written. Result: the new revisions."""

    def prepare(ef: EventFile) -> Scope:
        found.session(ef, session_id)
        if bases is not None:
            saved = summary_store.get_summary_with_revisions(ef, session_id)
            before, revisions = saved if saved is not None else (Summary(), {})
            for key in changed_sections(before, summary):
                if revisions.get(key, 0) != bases.get(key, 0):
                    raise _changed_meanwhile(key, before, revisions)
        return [part("summaries", "session_id", [session_id])]

    return Command(Label.EDIT_SUMMARY, session_id, frozenset({Kind.SUMMARY}), prepare,
                   lambda ef: summary_store.save_summary(ef, session_id, summary, at),
                   merge_key=("summary", session_id))  # saved on typing pauses: one step


def save_summary_section(session_id: SessionId, key: str, text: str, *, base: int,
                         at: float | None = None, draft: Summary | None = None) -> Command:
    """Save one section, written from its revision ``base``; if another save came in
    between, refused with SUMMARY_SECTION_CHANGED (its params: ``section``, ``theirs``,
    ``revision``). ``draft``: the summary drafted from the notes, which the other sections
    keep when nothing was saved yet. Result: the sections' revisions as now stored.
    A key the session's summary does not have (``answer.5`` with three guiding questions)
    is refused with NO_SUCH_SECTION."""
    if not is_section_key(key):
        raise UserError(Code.NO_SUCH_SECTION, section=str(key)[:40])

    def prepare(ef: EventFile) -> Scope:
        session = found.session(ef, session_id)
        saved = summary_store.get_summary_with_revisions(ef, session_id)
        before, revisions = saved if saved is not None else (Summary(), {})
        # Only the sections the summary has: an answer per guiding question (and any
        # answer already saved, should a question have been taken out since).
        if key not in section_keys(before, len(session.guiding_questions)):
            raise UserError(Code.NO_SUCH_SECTION, section=key)
        if revisions.get(key, 0) != base and section_text(before, key) != text:
            raise _changed_meanwhile(key, before, revisions)
        return [part("summaries", "session_id", [session_id])]

    def write(ef: EventFile) -> dict[str, int]:
        saved = summary_store.get_summary_with_revisions(ef, session_id)
        summary = saved[0] if saved is not None else (draft or Summary())
        return summary_store.save_summary(ef, session_id, with_section(summary, key, text), at)

    return Command(Label.EDIT_SUMMARY, session_id, frozenset({Kind.SUMMARY}), prepare, write)


def _changed_meanwhile(key: str, saved: Summary, revisions: Mapping[str, int]) -> UserError:
    return UserError(Code.SUMMARY_SECTION_CHANGED, section=key,
                     theirs=section_text(saved, key), revision=revisions.get(key, 0))
