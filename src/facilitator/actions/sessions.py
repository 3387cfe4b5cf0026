"""Sessions and the event: add, edit, remove a session; the event's time zone; the stage
message; importing an agenda."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from facilitator.actions import found
from facilitator.actions.changes import Kind
from facilitator.actions.command import Command, Label
from facilitator.actions.errors import Code, UserError
from facilitator.actions.ids import SessionId
from facilitator.core.model import Session
from facilitator.core.stage import StageNotice
from facilitator.core.text import looks_empty
from facilitator.store import EventFile
from facilitator.store import sessions as store
from facilitator.store.rows import Scope, part
from facilitator.store.stage import save_stage_notice
from facilitator.store.time_zone import set_event_time_zone

_EVERYTHING = frozenset(Kind)


def add_session(session: Session) -> Command:
    def prepare(ef: EventFile) -> Scope:
        if looks_empty(session.title):
            raise UserError(Code.SESSION_NEEDS_TITLE)
        return []

    return Command(Label.ADD_SESSION, None, frozenset({Kind.SESSION}), prepare,
                   lambda ef: store.add_session(ef, session),
                   added=lambda _ef, session_id: [part("sessions", "id", [session_id])],
                   event_wide=True)


def edit_session(session_id: SessionId, **fields: Any) -> Command:
    """Change some of a session's fields (store.update_session's names)."""

    def prepare(ef: EventFile) -> Scope:
        if "title" in fields and looks_empty(str(fields["title"])):
            raise UserError(Code.SESSION_NEEDS_TITLE)
        found.session(ef, session_id)
        return [part("sessions", "id", [session_id])]

    # Watch words flag questions; timing settings colour the clock.
    kinds = {Kind.SESSION, Kind.CLOCK} | ({Kind.QUESTIONS} if "watch_words" in fields else set())
    # The Details tab saves its text on typing pauses: one undo step for one field's typing.
    typed = set(fields) <= _TYPED_FIELDS
    return Command(Label.EDIT_SESSION, session_id, frozenset(kinds), prepare,
                   lambda ef: store.update_session(ef, session_id, **fields),
                   merge_key=("session text", session_id, *sorted(fields)) if typed else None)


_TYPED_FIELDS = frozenset({"title", "description", "room", "moderator", "rapporteur",
                           "guiding_questions", "themes"})


def remove_session(session_id: SessionId) -> Command:
    """Remove a session with everything in it; undo brings all of it back: every row the
    removal deletes (the file's cascades) is in the snapshot."""
    from facilitator.store import polls as poll_store  # not loaded to start
    from facilitator.store import questions as question_store

    def prepare(ef: EventFile) -> Scope:
        session = found.session(ef, session_id, with_slots=True)
        slot_ids = [s.id for s in session.slots]
        question_ids = [q.id for q in question_store.list_questions(ef, session_id)]
        poll_ids = [p.id for p in poll_store.list_polls(ef, session_id)]
        return [part("sessions", "id", [session_id]),
                part("slots", "id", slot_ids),
                part("questions", "id", question_ids),
                part("votes", "question_id", question_ids),
                part("question_tags", "question_id", question_ids),
                part("notes", "session_id", [session_id]),
                part("summaries", "session_id", [session_id]),
                part("polls", "id", poll_ids),
                part("poll_answers", "poll_id", poll_ids),
                part("floor_requests", "session_id", [session_id]),
                part("floor_settings", "session_id", [session_id])]

    return Command(Label.REMOVE_SESSION, session_id, _EVERYTHING, prepare,
                   lambda ef: store.remove_session(ef, session_id), event_wide=True)


def set_time_zone(name: str) -> Command:
    def prepare(ef: EventFile) -> Scope:
        return [part("events", "id", [store.ensure_event(ef)])]

    return Command(Label.EDIT_EVENT, None, frozenset({Kind.EVENT, Kind.CLOCK}), prepare,
                   lambda ef: set_event_time_zone(ef, name))


def show_on_stage(notice: StageNotice) -> Command:
    """The projector's message, blink and blackout. Not undone: the room already saw it."""
    return Command(Label.STAGE_MESSAGE, notice.session_id, frozenset({Kind.STAGE, Kind.NOTICE}),
                   lambda ef: [], lambda ef: save_stage_notice(ef, notice), undoable=False)


def import_agenda(path: Path) -> Command:
    """Read an agenda file into the event (slow: it runs off the GUI thread). Not undone
    (it may replace many sessions' plans); File › Save a copy first keeps the old one."""
    # The agenda parsers (csv, JSON, workbooks) are loaded for the first import only.
    from facilitator.store.agenda_io import import_agenda as store_import_agenda

    return Command(Label.IMPORT_AGENDA, None, _EVERYTHING, lambda ef: [],
                   lambda ef: store_import_agenda(ef, path), undoable=False, slow=True,
                   event_wide=True)
