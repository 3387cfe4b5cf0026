"""The event file's schema, as an ordered list of sqlite-utils migrations.

Never edit a migration that has shipped: add a new one. A file that has applied a
migration this list does not know was written by a newer facilitator and is refused.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATION_SET = "facilitator"


class Upgrades:
    """The schema's migrations, in order; sqlite-utils' ``Migrations`` applies them.

    Registered like sqlite-utils' own (``@migrations(name=...)``), but sqlite-utils (~50 ms
    of imports) is only imported when a file needs upgrading or ``apply``, ``pending`` or
    ``applied`` is asked for: opening an up-to-date file at start-up needs the names alone.
    """

    def __init__(self, migration_set: str) -> None:
        self.migration_set = migration_set
        self.steps: list[tuple[str, Callable[[Database], None]]] = []
        self._sqlite_utils: Any = None

    def __call__(self, *, name: str) -> Callable[[Callable[[Database], None]],
                                                 Callable[[Database], None]]:
        def register(step: Callable[[Database], None]) -> Callable[[Database], None]:
            self.steps.append((name, step))
            return step

        return register

    def names(self) -> list[str]:
        return [name for name, _ in self.steps]

    def __getattr__(self, attribute: str) -> Any:  # apply, pending, applied
        if attribute.startswith("__") or "_sqlite_utils" not in self.__dict__:
            raise AttributeError(attribute)
        if self._sqlite_utils is None:
            from sqlite_utils.migrations import Migrations

            self._sqlite_utils = Migrations(self.migration_set)
            for name, step in self.steps:
                self._sqlite_utils(name=name)(step)
        return getattr(self._sqlite_utils, attribute)


migrations = Upgrades(MIGRATION_SET)


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    _run(db,
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            venue TEXT NOT NULL DEFAULT '',
            starts_on TEXT NOT NULL DEFAULT '',
            ends_on TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES events(id),
            position INTEGER NOT NULL DEFAULT 0,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            room TEXT NOT NULL DEFAULT '',
            starts_at TEXT NOT NULL DEFAULT '',
            ends_at TEXT NOT NULL DEFAULT '',
            moderator TEXT NOT NULL DEFAULT '',
            rapporteur TEXT NOT NULL DEFAULT '',
            guiding_questions TEXT NOT NULL DEFAULT '[]',
            themes TEXT NOT NULL DEFAULT '[]',
            join_token TEXT NOT NULL UNIQUE,
            short_code TEXT NOT NULL UNIQUE,
            speaker_token TEXT NOT NULL UNIQUE,
            state TEXT NOT NULL DEFAULT 'planned',
            current_slot_id INTEGER
        );
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL DEFAULT '',
            organisation TEXT NOT NULL DEFAULT '',
            constituency TEXT NOT NULL DEFAULT '',
            gender TEXT NOT NULL DEFAULT '',
            country TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE slots (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people(id),
            position INTEGER NOT NULL,
            kind TEXT NOT NULL DEFAULT 'panellist',
            planned_seconds INTEGER NOT NULL,
            started_at REAL,
            paused_at REAL,
            paused_seconds REAL NOT NULL DEFAULT 0,
            adjust_seconds REAL NOT NULL DEFAULT 0,
            ended_at REAL
        );
        CREATE INDEX slots_by_session ON slots(session_id, position);
        CREATE TABLE questions (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            original_text TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            organisation TEXT NOT NULL DEFAULT '',
            addressed_to TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'pending',
            votes INTEGER NOT NULL DEFAULT 0,
            starred INTEGER NOT NULL DEFAULT 0,
            on_screen INTEGER NOT NULL DEFAULT 0,
            flagged INTEGER NOT NULL DEFAULT 0,
            merged_into INTEGER REFERENCES questions(id),
            answered_by TEXT NOT NULL DEFAULT '',
            device_id TEXT NOT NULL DEFAULT '',
            client_request_id TEXT,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            UNIQUE (session_id, client_request_id)
        );
        CREATE INDEX questions_by_session ON questions(session_id, status);
        CREATE TABLE votes (
            question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
            device_id TEXT NOT NULL,
            created_at REAL NOT NULL,
            PRIMARY KEY (question_id, device_id)
        );
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            slot_id INTEGER REFERENCES slots(id) ON DELETE SET NULL,
            kind TEXT NOT NULL DEFAULT 'note',
            text TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '[]',
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX notes_by_session ON notes(session_id, created_at);
        CREATE TABLE summaries (
            session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
            sections TEXT NOT NULL DEFAULT '{}',
            updated_at REAL NOT NULL
        );
        CREATE TABLE event_log (
            id INTEGER PRIMARY KEY,
            at REAL NOT NULL,
            session_id INTEGER,
            action TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '{}'
        );
        -- The log is append-only: history is evidence, never rewritten.
        CREATE TRIGGER event_log_no_update BEFORE UPDATE ON event_log
            BEGIN SELECT RAISE(ABORT, 'event_log is append-only'); END;
        CREATE TRIGGER event_log_no_delete BEFORE DELETE ON event_log
            BEGIN SELECT RAISE(ABORT, 'event_log is append-only'); END;
        """
    )


@migrations(name="0002_session_settings")
def session_settings(db: Database) -> None:
    """Per-session settings of the clock and of audience questions."""
    _run(db,
        """
        ALTER TABLE sessions ADD COLUMN warning_seconds INTEGER NOT NULL DEFAULT 60;
        ALTER TABLE sessions ADD COLUMN danger_seconds INTEGER NOT NULL DEFAULT 30;
        ALTER TABLE sessions ADD COLUMN chime INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE sessions ADD COLUMN auto_approve INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE sessions ADD COLUMN watch_words TEXT NOT NULL DEFAULT '[]';
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """
    )


@migrations(name="0003_clock_until_and_added_live")
def clock_until_and_added_live(db: Database) -> None:
    """A speaker given "until 10:45" (the instant, epoch seconds), and turns added once the
    session was under way (not part of the plan the session clock measures against)."""
    _run(db,
        """
        ALTER TABLE slots ADD COLUMN until_at REAL;
        ALTER TABLE slots ADD COLUMN added_live INTEGER NOT NULL DEFAULT 0;
        """
    )


@migrations(name="0004_people_lookup_index")
def people_lookup_index(db: Database) -> None:
    """Finding a person again (every imported slot does) by name, not by reading them all."""
    _run(db, "CREATE INDEX people_by_name ON people(name, organisation);")


@migrations(name="0005_event_time_zone")
def event_time_zone(db: Database) -> None:
    """The event's IANA time zone, in which every time is shown and printed.

    An event made before this knew no zone: it takes the zone of the laptop that opens it
    first with this version, most likely the laptop that ran it.
    """
    from facilitator.store.time_zone import laptop_zone_name

    _run(db, "ALTER TABLE events ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';")
    db.execute("UPDATE events SET time_zone = ?", [laptop_zone_name()])


@migrations(name="0006_question_tags")
def question_tags(db: Database) -> None:
    """Audience questions tagged by dialogue, SDG and guiding question, as notes are."""
    _run(db,
        """
        CREATE TABLE question_tags (
            question_id INTEGER NOT NULL REFERENCES questions(id),
            tag TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (question_id, tag)
        );
        """
    )


@migrations(name="0007_role_links")
def role_links(db: Database) -> None:
    """The team's role links (core/team.py): one unguessable token per device and role,
    kept until revoked so a restarted laptop serves the same links."""
    _run(db,
        """
        CREATE TABLE role_links (
            token TEXT PRIMARY KEY,
            role TEXT NOT NULL CHECK (role IN ('rapporteur', 'co_moderator', 'timekeeper',
                                               'podium')),
            name TEXT NOT NULL DEFAULT '',
            created_at REAL NOT NULL,
            revoked_at REAL
        );
        """
    )


@migrations(name="0008_rapporteur_notes")
def rapporteur_notes(db: Database) -> None:
    """Notes sent by rapporteurs' devices, stored once whatever the retries (the page's
    client id), with who took them; each summary section's revision, so two people editing
    the same section never overwrite each other unseen."""
    _run(db,
        """
        ALTER TABLE notes ADD COLUMN client_id TEXT;
        ALTER TABLE notes ADD COLUMN taken_by TEXT NOT NULL DEFAULT '';
        CREATE UNIQUE INDEX notes_by_client_id ON notes(client_id)
            WHERE client_id IS NOT NULL;
        ALTER TABLE summaries ADD COLUMN revisions TEXT NOT NULL DEFAULT '{}';
        """
    )


@migrations(name="0009_floor_requests")
def floor_requests(db: Database) -> None:
    """Delegates asking for the floor from their phones, and each session's floor
    settings (taken from phones or not; each kind's speaking time, JSON by kind)."""
    _run(db,
        """
        CREATE TABLE floor_requests (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            organisation TEXT NOT NULL DEFAULT '',
            constituency TEXT NOT NULL DEFAULT '',
            on_behalf_of TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'waiting',
            slot_id INTEGER REFERENCES slots(id) ON DELETE SET NULL,
            device_id TEXT NOT NULL DEFAULT '',
            client_request_id TEXT,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            UNIQUE (session_id, client_request_id)
        );
        CREATE INDEX floor_requests_by_session ON floor_requests(session_id, status);
        -- One waiting request per phone and session, whatever races the server sees.
        CREATE UNIQUE INDEX floor_requests_one_waiting ON floor_requests(session_id, device_id)
            WHERE status = 'waiting' AND device_id != '';
        CREATE TABLE floor_settings (
            session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
            open INTEGER NOT NULL DEFAULT 0,
            seconds TEXT NOT NULL DEFAULT '{}'
        );
        """
    )


@migrations(name="0010_polls")
def polls(db: Database) -> None:
    """Live polls per session, in the order prepared, and the phones' answers: one per
    device and poll (replaced while the poll is open)."""
    _run(db,
        """
        CREATE TABLE polls (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            question TEXT NOT NULL,
            kind TEXT NOT NULL,
            options TEXT NOT NULL DEFAULT '[]',
            scale INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL DEFAULT 'prepared',
            results_shown INTEGER NOT NULL DEFAULT 0,
            opened_at REAL,
            closed_at REAL
        );
        CREATE INDEX polls_by_session ON polls(session_id, position);
        CREATE TABLE poll_answers (
            poll_id INTEGER NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
            device_id TEXT NOT NULL,
            answer TEXT NOT NULL,
            answered_at REAL NOT NULL,
            PRIMARY KEY (poll_id, device_id)
        );
        """
    )


@migrations(name="0011_phone_lookup_indexes")
def phone_lookup_indexes(db: Database) -> None:
    """A phone's own votes and questions found by its device, not by reading the whole
    session: a hall asks for them in bursts, and a session may hold 20,000 questions."""
    _run(db, """
        CREATE INDEX votes_by_device ON votes(device_id);
        CREATE INDEX questions_by_device ON questions(device_id, session_id);
        """)


@migrations(name="0012_question_on_screen_index")
def question_on_screen_index(db: Database) -> None:
    """The question on screen in a session, found without reading the session's other
    questions: putting one on screen looked for the one shown before by reading every
    row of the session (two such scans, ~30 ms at 20,000 questions). A partial index
    holds at most one row per session."""
    _run(db, "CREATE INDEX questions_on_screen ON questions(session_id) WHERE on_screen = 1;")


@migrations(name="0013_poll_request_ids")
def poll_request_ids(db: Database) -> None:
    """A quick poll made from a co-moderator's page keeps the page's request id (and the
    link it came through), written with the poll: a resend after a lost answer, even after
    the laptop restarted, finds the poll made the first time instead of making a second."""
    _run(db, """
        ALTER TABLE polls ADD COLUMN requested_by TEXT;
        ALTER TABLE polls ADD COLUMN request_id TEXT;
        CREATE UNIQUE INDEX polls_by_request ON polls(requested_by, request_id)
            WHERE request_id IS NOT NULL;
        """)


@migrations(name="0014_note_speakers")
def note_speakers(db: Database) -> None:
    """Each note keeps the name of the speaker it is linked to, written with the link: a
    speaker removed from the list later (or a list replaced by an agenda import) took the
    name off every note taken while they spoke (``slot_id`` is set NULL with the slot), and
    the summary printed them as nobody's. Filled from the list as it is; a note whose
    speaker was already removed gets the name from the removal's log line."""
    _run(db, """
        ALTER TABLE notes ADD COLUMN speaker TEXT NOT NULL DEFAULT '';
        UPDATE notes SET speaker = (
            SELECT people.name FROM slots JOIN people ON people.id = slots.person_id
            WHERE slots.id = notes.slot_id)
        WHERE slot_id IS NOT NULL AND slot_id IN (SELECT id FROM slots);
        """)
    unnamed = {row[0] for row in db.execute(
        "SELECT id FROM notes WHERE slot_id IS NULL AND speaker = ''").fetchall()}
    for note_id, name in _removed_speakers(db).items():
        if note_id in unnamed:
            db.execute("UPDATE notes SET speaker = ? WHERE id = ?", [name, note_id])


def _removed_speakers(db: Database) -> dict[int, str]:
    """Note id → the name of the speaker it was linked to when that speaker was removed,
    read from the event log: each ``slot_removed`` line names the slot and the speaker,
    and its undo snapshot holds the notes linked to it then. A line without those notes
    (written before removals kept them) falls back on the notes whose ``note_added`` line
    named the slot and that were not relinked since."""
    linked: dict[int, int] = {}  # note id -> the slot its note_added line named
    names: dict[int, str] = {}
    for action, text in db.execute(
            "SELECT action, detail FROM event_log ORDER BY id").fetchall():
        try:
            detail = json.loads(text)
        except ValueError:
            continue
        if not isinstance(detail, dict):
            continue
        parts = [part for part in detail.get("undo") or [] if isinstance(part, dict)]
        notes = [part for part in parts if part.get("table") == "notes"]
        if action == "note_added":
            for part in notes:
                for note_id in part.get("values") or []:
                    if isinstance(detail.get("slot_id"), int) and isinstance(note_id, int):
                        linked[note_id] = detail["slot_id"]
        elif action in ("note_relinked", "note_edited"):
            note_id = detail.get("note_id")
            if "slot_id" in (detail.get("fields") or []) and isinstance(note_id, int):
                linked.pop(note_id, None)  # linked elsewhere: where is not in the line
        elif action == "slot_removed":
            slot_id, name = detail.get("slot_id"), detail.get("name")
            if not isinstance(name, str) or not name:
                continue
            if notes:
                ids = [row.get("id") for part in notes for row in part.get("rows") or []
                       if isinstance(row, dict) and row.get("slot_id") == slot_id]
            else:
                ids = [note_id for note_id, slot in linked.items() if slot == slot_id]
            for note_id in ids:
                if isinstance(note_id, int):
                    names[note_id] = name
                    linked.pop(note_id, None)
    return names


def _run(db: Database, script: str) -> None:
    """Run a script statement by statement inside the migration's transaction.

    sqlite3's executescript() would COMMIT first and break the migration's atomicity.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    assert not statement.strip(), f"incomplete SQL: {statement}"


def known_migrations() -> list[str]:
    return migrations.names()
