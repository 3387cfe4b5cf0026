"""Rapporteur notes in the event file: add, edit, delete (undoable), relink, list; drafts.

Every change is its own committed action, so an acknowledged note survives a killed
process. Deleting only marks the row (``deleted = 1``): undo brings back the same note.
"""

from __future__ import annotations

import enum
import json
import sqlite3
from typing import Any, Final

from facilitator.core.notes import Note, NoteKind, clean_note_text
from facilitator.store.event_file import EventFile, EventFileError, inserted_id

_NOTE_COLUMNS = ("id, session_id, slot_id, kind, text, tags, created_at, updated_at, deleted, "
                 "client_id, taken_by, speaker")
_DRAFT_KEY = "notes.draft.{session_id}"


class Keep(enum.Enum):
    """``update_note``'s "leave this field as it is" (a typed sentinel: PEP 484)."""

    KEEP = "keep"


KEEP: Final = Keep.KEEP


def _note_from_row(row: tuple[Any, ...]) -> Note:
    try:
        kind = NoteKind(row[3])
    except ValueError:
        kind = NoteKind.NOTE
    try:
        tags = tuple(str(t) for t in json.loads(row[5]))
    except (ValueError, TypeError):
        tags = ()
    return Note(id=row[0], session_id=row[1], slot_id=row[2], kind=kind, text=row[4],
                tags=tags, created_at=row[6], updated_at=row[7], deleted=bool(row[8]),
                client_id=row[9], taken_by=row[10], speaker=row[11])


def _clean_text(text: str) -> str:
    text = clean_note_text(text)
    if not text:
        raise EventFileError("a note needs some text")
    return text


def _tags_json(tags: tuple[str, ...] | list[str]) -> str:
    unique = list(dict.fromkeys(str(t).strip() for t in tags if str(t).strip()))
    return json.dumps(unique, ensure_ascii=False)


def _speaker_of(ef: EventFile, session_id: int, slot_id: int | None) -> str:
    """The name of the speaker of ``slot_id`` ("" for none), kept with a note linked to
    them: it outlives their removal from the list. EventFileError for another session's."""
    if slot_id is None:
        return ""
    row = ef.db.execute("SELECT slots.session_id, people.name FROM slots JOIN people "
                        "ON people.id = slots.person_id WHERE slots.id = ?",
                        [slot_id]).fetchone()
    if row is None or row[0] != session_id:
        raise EventFileError("that speaker is not on this session's list")
    return str(row[1])


def add_note(ef: EventFile, session_id: int, text: str, *, at: float,
             kind: NoteKind = NoteKind.NOTE, tags: tuple[str, ...] | list[str] = (),
             slot_id: int | None = None, client_id: str | None = None,
             taken_by: str = "") -> int:
    """Add a note taken at ``at`` (seconds since the epoch); returns its id.

    ``client_id``: the id a device's page gave the note; a second note with the same one
    is refused by the file's unique index (callers look it up first: note_by_client_id).
    """
    text = _clean_text(text)
    speaker = _speaker_of(ef, session_id, slot_id)
    with ef.action("note_added", session_id, kind=kind.value, slot_id=slot_id,
                   **({"client_id": client_id} if client_id else {})):
        return inserted_id(ef.db.execute(
            "INSERT INTO notes (session_id, slot_id, kind, text, tags, created_at, updated_at, "
            "client_id, taken_by, speaker) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [session_id, slot_id, kind.value, text, _tags_json(tags), at, at, client_id,
             taken_by, speaker],
        ))


def note_by_client_id(ef: EventFile, client_id: str) -> Note | None:
    """The note a device already sent with this client id (deleted ones too), if any."""
    row = ef.db.execute(f"SELECT {_NOTE_COLUMNS} FROM notes WHERE client_id = ?",
                        [client_id]).fetchone()
    return None if row is None else _note_from_row(row)


def get_note(ef: EventFile, note_id: int) -> Note:
    row = ef.db.execute(f"SELECT {_NOTE_COLUMNS} FROM notes WHERE id = ?", [note_id]).fetchone()
    if row is None:
        raise EventFileError(f"there is no note {note_id}")
    return _note_from_row(row)


def list_notes(ef: EventFile, session_id: int, *, include_deleted: bool = False) -> list[Note]:
    """The session's notes in the order they were taken."""
    where = "" if include_deleted else " AND deleted = 0"
    rows = ef.db.execute(
        f"SELECT {_NOTE_COLUMNS} FROM notes WHERE session_id = ?{where} "
        "ORDER BY created_at, id",
        [session_id],
    ).fetchall()
    return [_note_from_row(row) for row in rows]


def update_note(ef: EventFile, note_id: int, *, at: float, text: str | Keep = KEEP,
                kind: NoteKind | str | Keep = KEEP,
                tags: tuple[str, ...] | list[str] | Keep = KEEP,
                slot_id: int | None | Keep = KEEP) -> Note:
    """Change a note's text, kind, tags or speaker (``slot_id=None`` unlinks it; the same
    ``slot_id`` as now changes nothing, so a note whose speaker was removed keeps the name)."""
    note = get_note(ef, note_id)
    changes: dict[str, Any] = {}
    if text is not KEEP:
        changes["text"] = _clean_text(text)
    if kind is not KEEP:
        changes["kind"] = NoteKind(kind).value
    if tags is not KEEP:
        changes["tags"] = _tags_json(tags)
    if slot_id is not KEEP and slot_id != note.slot_id:
        changes["speaker"] = _speaker_of(ef, note.session_id, slot_id)
        changes["slot_id"] = slot_id
    if not changes:
        return note
    action = "note_relinked" if set(changes) == {"slot_id", "speaker"} else "note_edited"
    with ef.action(action, note.session_id, note_id=note_id, fields=sorted(changes)):
        assignments = ", ".join(f"{key} = ?" for key in changes)
        ef.db.execute(f"UPDATE notes SET {assignments}, updated_at = ? WHERE id = ?",
                      [*changes.values(), at, note_id])
    return get_note(ef, note_id)


def relink_note(ef: EventFile, note_id: int, slot_id: int | None, *, at: float) -> Note:
    """Say who was speaking when the note was taken (or nobody)."""
    return update_note(ef, note_id, at=at, slot_id=slot_id)


def delete_note(ef: EventFile, note_id: int) -> None:
    """Hide a note; ``restore_note`` undoes it."""
    note = get_note(ef, note_id)
    with ef.action("note_deleted", note.session_id, note_id=note_id):
        ef.db.execute("UPDATE notes SET deleted = 1 WHERE id = ?", [note_id])


def restore_note(ef: EventFile, note_id: int) -> None:
    note = get_note(ef, note_id)
    with ef.action("note_restored", note.session_id, note_id=note_id):
        ef.db.execute("UPDATE notes SET deleted = 0 WHERE id = ?", [note_id])


# --- the note being typed ----------------------------------------------------------------


def save_draft(ef: EventFile, session_id: int, text: str) -> None:
    """Keep the text typed but not yet added, so a crash never loses it.

    Written without an event-log line: a draft is saved every pause in typing and is not
    a user action; the note it becomes is logged when it is added.
    """
    key = _DRAFT_KEY.format(session_id=session_id)
    try:
        if text:
            ef.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, text],
            )
        else:
            ef.db.execute("DELETE FROM settings WHERE key = ?", [key])
    except sqlite3.Error as error:
        raise EventFileError(f"could not keep the note being typed: {error}") from None


def load_draft(ef: EventFile, session_id: int) -> str:
    return ef.get_setting(_DRAFT_KEY.format(session_id=session_id), "")
