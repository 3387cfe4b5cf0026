"""Requests for the floor: a delegate asks from their phone (or withdraws), the moderator
accepts one into the speakers list or declines it, and opens the session to them.

Accepting makes a speakers-list turn with the kind's speaking time: a point of order goes
right after the current speaker (core.floor.point_of_order_position), an intervention or a
right of reply where the Run tab's own floor requests go (before the closing remarks still
to come, else at the end). The phone's commands are not undoable (the phone has no undo,
as for questions); the moderator's are, by the row snapshots every command takes.
"""

from __future__ import annotations

from collections.abc import Mapping

from facilitator.actions import found
from facilitator.actions.changes import Kind
from facilitator.actions.command import Command, Label, Unchanged
from facilitator.actions.errors import Code, UserError
from facilitator.actions.ids import FloorRequestId, SessionId, SlotId
from facilitator.core import session_clock as plan
from facilitator.core.floor import (
    FloorError,
    FloorKind,
    FloorRequest,
    FloorStatus,
    clean_seconds,
    point_of_order_position,
    queue,
)
from facilitator.core.model import Person, Slot, SlotKind
from facilitator.core.timer import Phase
from facilitator.store import EventFile, EventFileError
from facilitator.store import floor as store
from facilitator.store import sessions as session_store
from facilitator.store.rows import Scope, part

_FLOOR = frozenset({Kind.FLOOR})
_FLOOR_AND_LIST = frozenset({Kind.FLOOR, Kind.SLOTS})


def _request(ef: EventFile, session_id: SessionId, request_id: FloorRequestId) -> FloorRequest:
    try:
        request = store.get_floor_request(ef, request_id)
    except EventFileError:
        raise UserError(Code.NO_SUCH_FLOOR_REQUEST) from None
    if request.session_id != session_id:
        raise UserError(Code.NO_SUCH_FLOOR_REQUEST)
    return request


def _waiting(ef: EventFile, session_id: SessionId, request_id: FloorRequestId) -> FloorRequest:
    request = _request(ef, session_id, request_id)
    if request.status is not FloorStatus.WAITING:
        raise UserError(Code.FLOOR_REQUEST_ANSWERED)
    return request


# --- from the phone -------------------------------------------------------------------------


def ask(session_id: SessionId, *, name: object, kind: object, now: float, device_id: str,
        organisation: object = "", constituency: object = "", on_behalf_of: object = "",
        client_request_id: str | None = None) -> Command:
    """A delegate's request; ``result`` is ``(request, created)`` (a retry with the same
    client request id returns the first). Raises core.floor.FloorError, which the phone
    page says in its own language."""
    return Command(Label.ASK_FOR_FLOOR, session_id, _FLOOR, lambda ef: [],
                   lambda ef: store.submit_floor_request(
                       ef, session_id, name=name, organisation=organisation,
                       constituency=constituency, on_behalf_of=on_behalf_of, kind=kind,
                       now=now, device_id=device_id, client_request_id=client_request_id),
                   undoable=False)


def withdraw(session_id: SessionId, request_id: FloorRequestId, *, device_id: str,
             now: float) -> Command:
    """The delegate takes back their waiting request (only the phone that made it)."""

    def prepare(ef: EventFile) -> Scope:
        request = _request(ef, session_id, request_id)
        if request.device_id != device_id:
            raise UserError(Code.NO_SUCH_FLOOR_REQUEST)
        if request.status is FloorStatus.WITHDRAWN:  # a second tap, or a resend
            raise FloorError("you already withdrew this request", "withdrawn")
        if request.status is not FloorStatus.WAITING:
            raise FloorError("the moderator already answered this request", "answered")
        return []

    return Command(Label.WITHDRAW_FLOOR_REQUEST, session_id, _FLOOR, prepare,
                   lambda ef: store.set_floor_status(ef, request_id, FloorStatus.WITHDRAWN,
                                                     now=now),
                   undoable=False)


# --- from the moderator -----------------------------------------------------------------------


def _list_rows(ef: EventFile, session_id: SessionId, request_id: FloorRequestId) -> Scope:
    slot_ids = [s.id for s in session_store.list_slots(ef, session_id)]
    return [part("sessions", "id", [session_id]), part("slots", "id", slot_ids),
            part("floor_requests", "id", [request_id])]


def _added_turn(ef: EventFile, request: FloorRequest) -> Scope:
    """The turn the accept made, and its person if no other slot has them."""
    # _accept_write stored the turn with the request: without it, the accept is undone
    # (an EventFileError rolls the command back) rather than leaving undo a turn short.
    slot_id = request.slot_id
    if slot_id is None:
        raise EventFileError(f"the accepted floor request {request.id} has no turn")
    person_id = session_store.get_slot(ef, slot_id).person.id
    if person_id is None:
        raise EventFileError(f"the turn {slot_id} has no speaker")
    alone = not session_store.person_speaks_elsewhere(ef, person_id, slot_id)
    return [part("slots", "id", [slot_id]), part("people", "id", [person_id] if alone else [])]


def _accept_write(ef: EventFile, session_id: SessionId, request_id: FloorRequestId,
                  now: float) -> FloorRequest:
    request = _waiting(ef, session_id, request_id)
    session = found.session(ef, session_id, with_slots=True)
    seconds = store.floor_settings(ef, session_id).seconds_for(request.kind)
    person = Person(name=request.name, organisation=request.organisation,
                    constituency=request.constituency)
    under_way = any(s.phase is not Phase.NOT_STARTED for s in session.slots)
    # Joined once the session was under way: it makes the session run behind, it does not
    # move the plan (core/session_clock.py), as the Run tab's own floor requests.
    slot = Slot(person=person, kind=SlotKind.FLOOR, planned_seconds=seconds,
                added_live=under_way)
    at: int | None  # 1-based, or None: at the end
    if request.kind is FloorKind.POINT_OF_ORDER:
        at = point_of_order_position(session.slots, session.current_slot_id,
                                     store.point_of_order_slots(ef, session_id))
    else:
        at = plan.floor_position(session.slots, session.current_slot_id)
    slot_id = session_store.add_slot(ef, session_id, slot, at=at)
    return store.set_floor_status(ef, request_id, FloorStatus.ACCEPTED, now=now,
                                  slot_id=SlotId(slot_id))


def accept(session_id: SessionId, request_id: FloorRequestId, *, now: float) -> Command:
    """Put a waiting request on the speakers list; ``result`` is the accepted request
    (with its ``slot_id``)."""

    def prepare(ef: EventFile) -> Scope:
        _waiting(ef, session_id, request_id)
        return _list_rows(ef, session_id, request_id)

    return Command(Label.ACCEPT_FLOOR_REQUEST, session_id, _FLOOR_AND_LIST | {Kind.CLOCK},
                   prepare, lambda ef: _accept_write(ef, session_id, request_id, now),
                   added=_added_turn)


def accept_next(session_id: SessionId, *, now: float) -> Command:
    """Accept the first request of the queue (points of order first, then by arrival);
    nothing to do when none waits."""
    chosen: dict[str, FloorRequestId] = {}

    def prepare(ef: EventFile) -> Scope:
        found.session(ef, session_id)
        waiting = queue(store.list_floor_requests(ef, session_id, status=FloorStatus.WAITING))
        if not waiting:
            raise Unchanged
        chosen["id"] = FloorRequestId(waiting[0].id)
        return _list_rows(ef, session_id, chosen["id"])

    return Command(Label.ACCEPT_FLOOR_REQUEST, session_id, _FLOOR_AND_LIST | {Kind.CLOCK},
                   prepare, lambda ef: _accept_write(ef, session_id, chosen["id"], now),
                   added=_added_turn)


def decline(session_id: SessionId, request_id: FloorRequestId, *, now: float) -> Command:
    def prepare(ef: EventFile) -> Scope:
        _waiting(ef, session_id, request_id)
        return [part("floor_requests", "id", [request_id])]

    return Command(Label.DECLINE_FLOOR_REQUEST, session_id, _FLOOR, prepare,
                   lambda ef: store.set_floor_status(ef, request_id, FloorStatus.DECLINED,
                                                     now=now))


def set_open(session_id: SessionId, is_open: bool) -> Command:
    """Take requests for the floor from phones in this session, or stop."""

    def prepare(ef: EventFile) -> Scope:
        found.session(ef, session_id)
        if store.floor_settings(ef, session_id).open == is_open:
            raise Unchanged
        return [part("floor_settings", "session_id", [session_id])]

    return Command(Label.OPEN_FLOOR if is_open else Label.CLOSE_FLOOR, session_id, _FLOOR,
                   prepare, lambda ef: store.save_floor_settings(ef, session_id,
                                                                 is_open=is_open))


def set_times(session_id: SessionId, seconds: Mapping[FloorKind, int]) -> Command:
    """Each kind's speaking time in this session (whole seconds, 1 s to 30 min)."""

    def prepare(ef: EventFile) -> Scope:
        found.session(ef, session_id)
        try:
            cleaned = clean_seconds(seconds)
        except ValueError:
            raise UserError(Code.FLOOR_TIMES_INVALID) from None
        if dict(store.floor_settings(ef, session_id).seconds) == cleaned:
            raise Unchanged
        return [part("floor_settings", "session_id", [session_id])]

    return Command(Label.FLOOR_TIMES, session_id, _FLOOR, prepare,
                   lambda ef: store.save_floor_settings(ef, session_id,
                                                        seconds=dict(seconds)))
