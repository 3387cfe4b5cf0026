"""The event, its panels (sessions), people and speaking slots, with the slots' clocks."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from facilitator.core.codes import new_short_code, new_token
from facilitator.core.model import Event, Person, Session, Slot, SlotKind
from facilitator.core.session_clock import on_stage
from facilitator.core.text import looks_empty
from facilitator.core.timer import TimerState
from facilitator.store.event_file import EventFile, EventFileError, inserted_id
from facilitator.store.time_zone import laptop_zone_name

SESSION_TEXT_FIELDS = (
    "title", "description", "room", "starts_at", "ends_at", "moderator", "rapporteur",
)
SESSION_LIST_FIELDS = ("guiding_questions", "themes", "watch_words")
SESSION_NUMBER_FIELDS = ("warning_seconds", "danger_seconds")
SESSION_FLAG_FIELDS = ("chime", "auto_approve")
PERSON_FIELDS = ("name", "role", "organisation", "constituency", "gender", "country")

_SLOT_SELECT = """
    SELECT s.id, s.session_id, s.position, s.kind, s.planned_seconds, s.started_at,
           s.paused_at, s.paused_seconds, s.adjust_seconds, s.ended_at,
           p.id, p.name, p.role, p.organisation, p.constituency, p.gender, p.country,
           s.until_at, s.added_live
    FROM slots s JOIN people p ON p.id = s.person_id
"""


# --- the event ----------------------------------------------------------------------------


def get_event(ef: EventFile) -> Event:
    row = ef.db.execute(
        "SELECT id, title, description, venue, starts_on, ends_on, time_zone FROM events "
        "ORDER BY id LIMIT 1"
    ).fetchone()
    if row is None:
        return Event(title="Untitled event", time_zone=laptop_zone_name())
    return Event(id=row[0], title=row[1], description=row[2], venue=row[3], starts_on=row[4],
                 ends_on=row[5], time_zone=row[6])


def ensure_event(ef: EventFile) -> int:
    """Inside an action: the event's row id, created on first use."""
    row = ef.db.execute("SELECT id FROM events ORDER BY id LIMIT 1").fetchone()
    if row:
        return int(row[0])
    # A new event's times are the laptop's until someone sets the venue's zone.
    return inserted_id(ef.db.execute(
        "INSERT INTO events (title, time_zone) VALUES ('Untitled event', ?)",
        [laptop_zone_name()]))


def update_event(ef: EventFile, event: Event) -> None:
    with ef.action("event_edited"):
        event_id = ensure_event(ef)
        ef.db.execute(
            "UPDATE events SET title=?, description=?, venue=?, starts_on=?, ends_on=?, "
            "time_zone=COALESCE(NULLIF(?, ''), time_zone) WHERE id=?",
            [event.title, event.description, event.venue, event.starts_on, event.ends_on,
             event.time_zone, event_id],
        )


# --- sessions -----------------------------------------------------------------------------

_SESSION_COLUMNS = (
    "id", "position", "title", "description", "room", "starts_at", "ends_at", "moderator",
    "rapporteur", "guiding_questions", "themes", "join_token", "short_code", "speaker_token",
    "state", "current_slot_id", "warning_seconds", "danger_seconds", "chime", "auto_approve",
    "watch_words",
)


def _session_from_row(row: tuple[Any, ...], slots: tuple[Slot, ...] = ()) -> Session:
    data = dict(zip(_SESSION_COLUMNS, row, strict=True))
    return Session(
        id=data["id"],
        position=data["position"],
        title=data["title"],
        description=data["description"],
        room=data["room"],
        starts_at=data["starts_at"],
        ends_at=data["ends_at"],
        moderator=data["moderator"],
        rapporteur=data["rapporteur"],
        guiding_questions=tuple(json.loads(data["guiding_questions"])),
        themes=tuple(json.loads(data["themes"])),
        join_token=data["join_token"],
        short_code=data["short_code"],
        speaker_token=data["speaker_token"],
        questions_open=data["state"] == "questions_open",
        current_slot_id=data["current_slot_id"],
        warning_seconds=data["warning_seconds"],
        danger_seconds=data["danger_seconds"],
        chime=bool(data["chime"]),
        auto_approve=bool(data["auto_approve"]),
        watch_words=tuple(json.loads(data["watch_words"])),
        slots=slots,
    )


def list_sessions(ef: EventFile, *, with_slots: bool = False) -> list[Session]:
    rows = ef.db.execute(
        f"SELECT {', '.join(_SESSION_COLUMNS)} FROM sessions ORDER BY position, id"
    ).fetchall()
    sessions = [_session_from_row(row) for row in rows]
    if with_slots:
        sessions = [replace(s, slots=tuple(list_slots(ef, s.stored_id))) for s in sessions]
    return sessions


def get_session(ef: EventFile, session_id: int, *, with_slots: bool = True) -> Session:
    row = ef.db.execute(
        f"SELECT {', '.join(_SESSION_COLUMNS)} FROM sessions WHERE id = ?", [session_id]
    ).fetchone()
    if row is None:
        raise EventFileError(f"there is no session {session_id} in this event")
    slots = tuple(list_slots(ef, session_id)) if with_slots else ()
    return _session_from_row(row, slots)


# The columns of a slot row that ``_slot_from_row`` reads, in its order, around the person.
_SLOT_BEFORE_PERSON = ("id", "session_id", "position", "kind", "planned_seconds", "started_at",
                       "paused_at", "paused_seconds", "adjust_seconds", "ended_at", "person_id")
_SLOT_AFTER_PERSON = ("until_at", "added_live")


@dataclass(frozen=True)
class StoredSession:
    """A session with its slots, and the rows they were read from (every column, as
    ``store.rows`` snapshots them): a command validates on ``session`` and keeps the rows
    as its undo snapshot, so one read serves both."""

    session: Session
    session_rows: list[dict[str, Any]]
    slot_rows: list[dict[str, Any]]


def get_stored_session(ef: EventFile, session_id: int) -> StoredSession:
    """The session with its slots and their rows as stored, in one SELECT (a clock key's
    whole read: the decision, the undo snapshot and what the views show).

    Raises EventFileError when there is no such session."""
    # One row per slot (the session's columns repeated; one row without slot columns for a
    # session without slots); a marker column splits the session's columns from the slot's.
    cursor = ef.db.execute(
        "SELECT sessions.*, NULL AS slot_columns_follow, slots.*, "
        + ", ".join(f"people.{name}" for name in PERSON_FIELDS)
        + " FROM sessions LEFT JOIN slots ON slots.session_id = sessions.id"
        " LEFT JOIN people ON people.id = slots.person_id WHERE sessions.id = ?"
        " ORDER BY slots.position, slots.id", [session_id])
    names = [d[0] for d in cursor.description]
    split = names.index("slot_columns_follow")
    person_at = len(names) - len(PERSON_FIELDS)
    rows = cursor.fetchall()
    if not rows:
        raise EventFileError(f"there is no session {session_id} in this event")
    session_row = dict(zip(names[:split], rows[0][:split], strict=True))
    slots, slot_rows = [], []
    for row in rows:
        stored = dict(zip(names[split + 1:person_at], row[split + 1:person_at], strict=True))
        if stored["id"] is None:  # the session has no slots
            continue
        slot_rows.append(stored)
        slots.append(_slot_from_row((*(stored[c] for c in _SLOT_BEFORE_PERSON), *row[person_at:],
                                     *(stored[c] for c in _SLOT_AFTER_PERSON))))
    session = _session_from_row(tuple(session_row[c] for c in _SESSION_COLUMNS), tuple(slots))
    return StoredSession(session, [session_row], slot_rows)


def find_session(ef: EventFile, reference: str) -> Session | None:
    """A session named by its title (any case) or by its number in the agenda (1, 2, …)."""
    return session_finder(ef)(reference)


def title_key(title: str) -> str:
    """What two session titles share when an agenda file means the same session: the
    text rule imported titles follow (``normalise_text``: a title typed in the window with
    two spaces, or stored before that rule, still matches its imported self), case folded."""
    # Imported here: only imports and look-ups by title need it, never the window's start.
    from facilitator.core.text import normalise_text

    return normalise_text(title).casefold()


def session_finder(ef: EventFile) -> Callable[[str], Session | None]:
    """``find_session`` for many references (an imported file's rows): the sessions are
    read once, titles looked up in a dictionary."""
    sessions = list_sessions(ef)
    by_title: dict[str, Session] = {}
    for session in sessions:
        by_title.setdefault(title_key(session.title), session)

    def find(reference: str) -> Session | None:
        reference = reference.strip()
        found = by_title.get(title_key(reference))
        if found is None and reference.isdigit() and 1 <= int(reference) <= len(sessions):
            found = sessions[int(reference) - 1]
        return found

    return find


def session_by_token(ef: EventFile, column: str, token: str) -> Session | None:
    """Look a session up by one of its phone secrets (join_token, short_code, speaker_token)."""
    if column not in ("join_token", "short_code", "speaker_token"):
        raise ValueError(column)
    row = ef.db.execute(
        f"SELECT {', '.join(_SESSION_COLUMNS)} FROM sessions WHERE {column} = ?", [token]
    ).fetchone()
    return _session_from_row(row) if row else None


def session_values(session: Session) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(session, name) for name in SESSION_TEXT_FIELDS}
    values.update({name: json.dumps(list(getattr(session, name)), ensure_ascii=False)
                   for name in SESSION_LIST_FIELDS})
    values.update({name: int(getattr(session, name)) for name in SESSION_NUMBER_FIELDS})
    values.update({name: int(getattr(session, name)) for name in SESSION_FLAG_FIELDS})
    return values


def insert_session(ef: EventFile, session: Session, position: int) -> int:
    values = session_values(session)
    values.update(
        event_id=ensure_event(ef),
        position=position,
        join_token=new_token(),
        short_code=_unique_short_code(ef),
        speaker_token=new_token(),
    )
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    return inserted_id(ef.db.execute(
        f"INSERT INTO sessions ({columns}) VALUES ({marks})", list(values.values())
    ))


def _unique_short_code(ef: EventFile) -> str:
    while True:
        code = new_short_code()
        if not ef.db.execute("SELECT 1 FROM sessions WHERE short_code = ?", [code]).fetchone():
            return code


def add_session(ef: EventFile, session: Session) -> int:
    if looks_empty(session.title):
        raise EventFileError("a session needs a title")
    with ef.action("session_added", title=session.title):
        position = ef.db.execute(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM sessions").fetchone()[0]
        session_id = insert_session(ef, session, position)
        insert_slots(ef, session_id, session.slots)
    return session_id


def update_session(ef: EventFile, session_id: int, **changes: Any) -> None:
    """Change some of a session's fields (title, guiding_questions, warning_seconds, …)."""
    allowed = {*SESSION_TEXT_FIELDS, *SESSION_LIST_FIELDS, *SESSION_NUMBER_FIELDS,
               *SESSION_FLAG_FIELDS}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"unknown session fields: {sorted(unknown)}")
    if "title" in changes and looks_empty(str(changes["title"])):
        raise EventFileError("a session needs a title")
    values = session_values(replace(get_session(ef, session_id, with_slots=False), **changes))
    values = {key: values[key] for key in changes}
    with ef.action("session_edited", session_id, fields=sorted(changes)):
        assignments = ", ".join(f"{key} = ?" for key in values)
        ef.db.execute(f"UPDATE sessions SET {assignments} WHERE id = ?",
                      [*values.values(), session_id])


def set_questions_open(ef: EventFile, session_id: int, is_open: bool) -> None:
    action = "questions_opened" if is_open else "questions_closed"
    with ef.action(action, session_id):
        ef.db.execute("UPDATE sessions SET state = ? WHERE id = ?",
                      ["questions_open" if is_open else "planned", session_id])


def remove_session(ef: EventFile, session_id: int) -> None:
    with ef.action("session_removed", session_id):
        # The questions' tags first: question_tags has no ON DELETE CASCADE (migration
        # 0006), so a tagged question made the session's removal fail.
        ef.db.execute("DELETE FROM question_tags WHERE question_id IN "
                      "(SELECT id FROM questions WHERE session_id = ?)", [session_id])
        ef.db.execute("DELETE FROM sessions WHERE id = ?", [session_id])


# --- people and slots ---------------------------------------------------------------------


def _person_id(ef: EventFile, person: Person) -> int:
    """The stored person with these details, added if new (people are shared by slots)."""
    if person.id is not None:
        ef.db.execute(
            f"UPDATE people SET {', '.join(f'{f} = ?' for f in PERSON_FIELDS)} WHERE id = ?",
            [*(getattr(person, f) for f in PERSON_FIELDS), person.id],
        )
        return person.id
    row = ef.db.execute(
        f"SELECT id FROM people WHERE {' AND '.join(f'{f} = ?' for f in PERSON_FIELDS)}",
        [getattr(person, f) for f in PERSON_FIELDS],
    ).fetchone()
    if row:
        return int(row[0])
    return inserted_id(ef.db.execute(
        f"INSERT INTO people ({', '.join(PERSON_FIELDS)}) VALUES ({', '.join('?' * 6)})",
        [getattr(person, f) for f in PERSON_FIELDS],
    ))


def person_speaks_elsewhere(ef: EventFile, person_id: int, slot_id: int) -> bool:
    """Whether ``person_id`` has a slot other than ``slot_id`` (in any session)."""
    return ef.db.execute("SELECT 1 FROM slots WHERE person_id = ? AND id != ? LIMIT 1",
                         [person_id, slot_id]).fetchone() is not None


def _slot_from_row(row: tuple[Any, ...]) -> Slot:
    person = Person(id=row[10], name=row[11], role=row[12], organisation=row[13],
                    constituency=row[14], gender=row[15], country=row[16])
    timer = TimerState(planned=float(row[4]), started_at=row[5], paused_at=row[6],
                       paused_total=row[7], adjustment=row[8], ended_at=row[9], until=row[17])
    return Slot(id=row[0], session_id=row[1], position=row[2], kind=SlotKind(row[3]),
                planned_seconds=row[4], timer=timer, person=person, until_at=row[17],
                added_live=bool(row[18]))


def list_slots(ef: EventFile, session_id: int) -> list[Slot]:
    rows = ef.db.execute(
        _SLOT_SELECT + " WHERE s.session_id = ? ORDER BY s.position, s.id", [session_id]
    ).fetchall()
    return [_slot_from_row(row) for row in rows]


def get_slot(ef: EventFile, slot_id: int) -> Slot:
    row = ef.db.execute(_SLOT_SELECT + " WHERE s.id = ?", [slot_id]).fetchone()
    if row is None:
        raise EventFileError(f"there is no speaking slot {slot_id}")
    return _slot_from_row(row)


def insert_slots(ef: EventFile, session_id: int, slots: Iterable[Slot], start: int = 1) -> list[
    int
]:
    ids = []
    for position, slot in enumerate(slots, start):
        ids.append(inserted_id(ef.db.execute(
            "INSERT INTO slots (session_id, person_id, position, kind, planned_seconds, "
            "until_at, added_live) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [session_id, _person_id(ef, slot.person), position, slot.kind.value,
             int(slot.planned_seconds), slot.until_at, int(slot.added_live)],
        )))
    return ids


def add_slot(ef: EventFile, session_id: int, slot: Slot, *, at: int | None = None) -> int:
    """Add a slot at the end of the list, or before position ``at`` (1-based)."""
    with ef.action("slot_added", session_id, name=slot.person.name, kind=slot.kind.value):
        count = ef.db.execute("SELECT COUNT(*) FROM slots WHERE session_id = ?",
                              [session_id]).fetchone()[0]
        position = count + 1 if at is None else max(1, min(at, count + 1))
        ef.db.execute(
            "UPDATE slots SET position = position + 1 WHERE session_id = ? AND position >= ?",
            [session_id, position],
        )
        (slot_id,) = insert_slots(ef, session_id, [slot], start=position)
    return slot_id


def update_slot(ef: EventFile, slot_id: int, *, person: Person | None = None,
                kind: SlotKind | None = None, planned_seconds: int | None = None,
                until_at: float | None = None) -> None:
    """Change a slot. ``planned_seconds`` alone gives the speaker minutes (and drops an
    "until"); with ``until_at`` (epoch seconds) it is the estimate for "until that time"."""
    slot = get_slot(ef, slot_id)
    if planned_seconds is not None and planned_seconds <= 0:
        raise EventFileError("planned time must be more than zero")
    if until_at is not None and planned_seconds is None:
        raise ValueError("an 'until' time needs its estimate in planned_seconds")
    with ef.action("slot_edited", slot.session_id, slot_id=slot_id):
        if person is not None:
            # Editing a slot's person edits that person everywhere they speak.
            ef.db.execute("UPDATE slots SET person_id = ? WHERE id = ?",
                          [_person_id(ef, replace(person, id=slot.person.id)), slot_id])
        if kind is not None:
            ef.db.execute("UPDATE slots SET kind = ? WHERE id = ?", [kind.value, slot_id])
        if planned_seconds is not None:
            ef.db.execute("UPDATE slots SET planned_seconds = ?, until_at = ? WHERE id = ?",
                          [int(planned_seconds), until_at, slot_id])


def remove_slot(ef: EventFile, slot_id: int) -> None:
    slot = get_slot(ef, slot_id)
    session_id = _session_of(slot)
    with ef.action("slot_removed", session_id, slot_id=slot_id, name=slot.person.name):
        ef.db.execute("UPDATE sessions SET current_slot_id = NULL WHERE current_slot_id = ?",
                      [slot_id])
        ef.db.execute("DELETE FROM slots WHERE id = ?", [slot_id])
        _renumber(ef, session_id, [s.stored_id for s in list_slots(ef, session_id)])


def _session_of(slot: Slot) -> int:
    """The session of a slot read from the file (always set there)."""
    if slot.session_id is None:
        raise EventFileError(f"the slot of {slot.person.name!r} belongs to no session")
    return slot.session_id


def reorder_slots(ef: EventFile, session_id: int, slot_ids: list[int]) -> None:
    """Put the session's slots in this order (all of them, each once)."""
    current = {s.id for s in list_slots(ef, session_id)}
    if set(slot_ids) != current or len(slot_ids) != len(current):
        raise EventFileError("the new order must list every slot of the session once")
    with ef.action("slots_reordered", session_id, order=slot_ids):
        _renumber(ef, session_id, slot_ids)


def _renumber(ef: EventFile, session_id: int, slot_ids: list[int]) -> None:
    ef.db.conn.executemany(
        "UPDATE slots SET position = ? WHERE id = ? AND session_id = ?",
        [(position, slot_id, session_id) for position, slot_id in enumerate(slot_ids, 1)],
    )


def replace_slots(ef: EventFile, session_id: int, slots: Iterable[Slot]) -> None:
    """Inside an action: replace a session's plan (refused once someone has spoken)."""
    spoken = ef.db.execute(
        "SELECT COUNT(*) FROM slots WHERE session_id = ? AND started_at IS NOT NULL",
        [session_id],
    ).fetchone()[0]
    if spoken:
        title = get_session(ef, session_id, with_slots=False).title
        raise EventFileError(
            f"the session '{title}' has already run; its speakers list can't be replaced"
        )
    ef.db.execute("UPDATE sessions SET current_slot_id = NULL WHERE id = ?", [session_id])
    ef.db.execute("DELETE FROM slots WHERE session_id = ?", [session_id])
    insert_slots(ef, session_id, slots)


# --- the clock ----------------------------------------------------------------------------


def save_timer(ef: EventFile, slot_id: int, timer: TimerState, action: str, **detail: Any) -> None:
    """Persist one clock transition (start, pause, +30 s, next…) and log it, atomically."""
    slot = get_slot(ef, slot_id)
    assert slot.session_id is not None
    with ef.action(action, slot.session_id, slot_id=slot_id, **detail):
        _write_timer(ef, slot.session_id, slot_id, timer)


def _timer_columns(timer: TimerState) -> dict[str, Any]:
    """A slot's clock as its columns (its instants and totals, nothing derived)."""
    return {"started_at": timer.started_at, "paused_at": timer.paused_at,
            "paused_seconds": timer.paused_total, "adjust_seconds": timer.adjustment,
            "ended_at": timer.ended_at}


def _write_timer(ef: EventFile, session_id: int, slot_id: int, timer: TimerState) -> None:
    """Inside an action: store a slot's clock."""
    columns = _timer_columns(timer)
    ef.db.execute(
        f"UPDATE slots SET {', '.join(f'{c} = ?' for c in columns)} "
        "WHERE id = ? AND session_id = ?", [*columns.values(), slot_id, session_id])


def set_current_slot(ef: EventFile, session_id: int, slot_id: int | None) -> None:
    with ef.action("current_slot_changed", session_id, slot_id=slot_id):
        ef.db.execute("UPDATE sessions SET current_slot_id = ? WHERE id = ?",
                      [slot_id, session_id])


def move_to_slot(ef: EventFile, session_id: int, changes: list[tuple[int, TimerState]],
                 current_slot_id: int | None, action: str) -> None:
    """Next/Previous: finish one clock, start or reopen another, and move the cursor, as
    one committed action so a crash can never leave two speakers running."""
    save_clocks(ef, session_id, changes, action, current_slot_id=current_slot_id,
                move_cursor=True)


def save_clocks(ef: EventFile, session_id: int, changes: list[tuple[int, TimerState]],
                action: str, *, current_slot_id: int | None = None, move_cursor: bool = False,
                **detail: Any) -> None:
    """Store clock transitions of one session, and its cursor if ``move_cursor``, as one
    logged action. The log line names the cursor's slot unless ``detail`` names one."""
    with ef.action(action, session_id, **{"slot_id": current_slot_id, **detail}):
        for slot_id, timer in changes:
            _write_timer(ef, session_id, slot_id, timer)
        if move_cursor:
            ef.db.execute("UPDATE sessions SET current_slot_id = ? WHERE id = ?",
                          [current_slot_id, session_id])



def rows_after_clocks(stored: StoredSession, changes: list[tuple[int, TimerState]], *,
                      current_slot_id: int | None = None, move_cursor: bool = False
                      ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The session and slot rows as :func:`save_clocks` leaves them, from the rows read
    before it (``stored``), computed without reading again: (session rows, slot rows)."""
    clocks = {slot_id: _timer_columns(timer) for slot_id, timer in changes}
    session_rows = [{**row, "current_slot_id": current_slot_id} if move_cursor else dict(row)
                    for row in stored.session_rows]
    slot_rows = [{**row, **clocks.get(row["id"], {})} for row in stored.slot_rows]
    return session_rows, slot_rows


def live_session_id(ef: EventFile) -> int | None:
    """The session whose speaker is on stage: a turn started and not ended (running or
    paused), the one started last (``core.session_clock.on_stage``); None when nobody is
    speaking. The GUI keeps it up to date without asking (``SessionState``)."""
    return on_stage(live_turns(ef))


def live_turns(ef: EventFile) -> dict[int, tuple[float, bool]]:
    """For each session with a turn under way, its latest such turn: when it started
    (epoch s) and whether it runs (False: paused)."""
    turns: dict[int, tuple[float, bool]] = {}
    for session_id, started, running in ef.db.execute(
            "SELECT session_id, started_at, paused_at IS NULL FROM slots "
            "WHERE started_at IS NOT NULL AND ended_at IS NULL"):
        turns[session_id] = max(turns.get(session_id, (started, bool(running))),
                                (started, bool(running)))
    return turns


def session_or_first(ef: EventFile, session_id: int | None, *, what: str) -> Session:
    """The session asked for, else the event's first (with slots); ``what`` names the
    purpose for the message when the event has none ("to export", "to report on").
    Raises EventFileError."""
    if session_id is None:
        sessions = list_sessions(ef)
        if not sessions:
            raise EventFileError(f"{ef.path} has no sessions {what}")
        session_id = sessions[0].stored_id
    return get_session(ef, session_id)
