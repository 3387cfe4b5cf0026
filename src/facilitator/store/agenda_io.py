"""Import and export the plan of an event (agenda JSON, slots CSV), all or nothing."""

from __future__ import annotations

import os
from pathlib import Path

from facilitator.assets import asset
from facilitator.core.agenda import (
    Agenda,
    AgendaError,
    agenda_to_json,
    decode_text,
    parse_agenda_json,
    parse_slots_csv,
    slots_to_csv,
)
from facilitator.store import sessions as store_sessions
from facilitator.store.event_file import EventFile, EventFileError

SAMPLES = {"walrg": "walrg.json"}


def read_agenda_file(path: Path) -> tuple[str, str]:
    """(format, text) of an agenda file; format from the extension."""
    suffix = path.suffix.lower()
    if suffix not in (".json", ".csv"):
        raise AgendaError("agenda files end in .json or .csv", source=path.name)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise AgendaError(f"cannot read the file: {error.strerror}", source=str(path)) from None
    return suffix[1:], decode_text(data, source=path.name)


def import_agenda(ef: EventFile, path: Path) -> str:
    """Import an agenda file; returns a one-line summary of what changed."""
    kind, text = read_agenda_file(path)
    if kind == "json":
        return apply_agenda(ef, parse_agenda_json(text, source=path.name), source=path.name)
    return apply_slots_csv(ef, text, source=path.name)


def apply_agenda(ef: EventFile, agenda: Agenda, *, source: str = "agenda") -> str:
    """Sessions matched by title are updated (their slots replaced); others are added."""
    existing = {s.title.casefold(): s for s in store_sessions.list_sessions(ef)}
    added = updated = 0
    with ef.action("agenda_imported", source=source, sessions=len(agenda.sessions)):
        event_id = store_sessions.ensure_event(ef)
        if agenda.event.title:  # an agenda without an "event" part leaves it as it is
            e = agenda.event
            ef.db.execute(
                "UPDATE events SET title=?, description=?, venue=?, starts_on=?, ends_on=? "
                "WHERE id=?",
                [e.title, e.description, e.venue, e.starts_on, e.ends_on, event_id],
            )
        for session in agenda.sessions:
            match = existing.get(session.title.casefold())
            if match is None:
                position = len(existing) + added + 1
                session_id = store_sessions.insert_session(ef, session, position)
                store_sessions.insert_slots(ef, session_id, session.slots)
                added += 1
            else:
                fields = store_sessions.session_values(session)
                assignments = ", ".join(f"{key} = ?" for key in fields)
                ef.db.execute(f"UPDATE sessions SET {assignments} WHERE id = ?",
                              [*fields.values(), match.id])
                store_sessions.replace_slots(ef, match.id, session.slots)
                updated += 1
    slots = sum(len(s.slots) for s in agenda.sessions)
    return f"{added} sessions added, {updated} updated, {slots} speaking slots"


def apply_slots_csv(ef: EventFile, text: str, *, source: str = "agenda.csv") -> str:
    """Replace the speakers lists of the sessions the CSV names."""
    rows = parse_slots_csv(text, source=source)
    by_session: dict[int, list] = {}
    for row in rows:
        session = store_sessions.find_session(ef, row.session)
        if session is None:
            raise AgendaError(
                f"unknown session {row.session!r} (use a session title or its number)",
                source=source,
                line=row.line,
            )
        by_session.setdefault(session.id, []).append(row.slot)
    with ef.action("agenda_imported", source=source, slots=len(rows)):
        for session_id, slots in by_session.items():
            ordered = sorted(slots, key=lambda slot: slot.position)
            store_sessions.replace_slots(ef, session_id, ordered)
    return f"{len(rows)} speaking slots in {len(by_session)} sessions"


def current_agenda(ef: EventFile) -> Agenda:
    return Agenda(
        event=store_sessions.get_event(ef),
        sessions=tuple(store_sessions.list_sessions(ef, with_slots=True)),
    )


def export_agenda(ef: EventFile, fmt: str = "json") -> str:
    agenda = current_agenda(ef)
    if fmt == "csv":
        return slots_to_csv(agenda.sessions)
    return agenda_to_json(agenda)


def load_sample(ef: EventFile, name: str = "walrg") -> None:
    """Fill an empty event file with a built-in sample event."""
    text = asset("samples", SAMPLES[name]).read_text(encoding="utf-8")
    agenda = parse_agenda_json(text, source=SAMPLES[name])
    apply_agenda(ef, agenda, source=f"sample:{name}")


def create_event_file(path: Path, sample: str | None = "walrg") -> Path:
    """A new event file, empty or holding a sample, that appears whole or not at all.

    It is built under a temporary name beside the target and renamed when complete, so
    a failure (or a killed process) never leaves a half-made event behind.
    """
    if path.exists():
        raise EventFileError(f"{path} already exists; choose another name")
    building = path.with_name(f".{path.name}.creating")
    for leftover in _sqlite_files(building):
        leftover.unlink(missing_ok=True)
    try:
        with EventFile.create(building) as event_file:
            if sample:
                load_sample(event_file, sample)
            event_file.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            # One self-contained file to rename: leave WAL mode's side files behind.
            event_file.db.execute("PRAGMA journal_mode=DELETE")
        if path.exists():
            raise EventFileError(f"{path} already exists; choose another name")
        os.replace(building, path)
    finally:
        for leftover in _sqlite_files(building):
            leftover.unlink(missing_ok=True)
    return path


def _sqlite_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("", "-wal", "-shm", ".lock")]
