"""The speakers list and the clock: add, edit, remove, reorder speakers; start, pause,
next, previous, add time.

Clock commands read the list inside their own transaction and compute the new clock states
with the pure functions of ``core``, so two devices pressing "next" at once move once each,
in turn, from what the file says.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from facilitator.actions import found
from facilitator.actions.changes import Kind
from facilitator.actions.command import Command, Label, Unchanged
from facilitator.actions.errors import Code, UserError
from facilitator.actions.ids import SessionId, SlotId
from facilitator.core import session_clock as plan
from facilitator.core.model import Person, Session, Slot, SlotKind
from facilitator.core.text import looks_empty
from facilitator.core.timer import Phase, TimerState
from facilitator.store import EventFile
from facilitator.store import sessions as store
from facilitator.store.rows import Scope, part
from facilitator.store.sessions import StoredSession

_LIST = frozenset({Kind.SLOTS})
_CLOCK = frozenset({Kind.SLOTS, Kind.CLOCK, Kind.STAGE})


def _list_rows(ef: EventFile, session_id: SessionId) -> Scope:
    """A session's whole list and its cursor: reorders and clock moves touch several."""
    slot_ids = [s.id for s in store.list_slots(ef, session_id)]
    return [part("sessions", "id", [session_id]), part("slots", "id", slot_ids)]


# --- the list -------------------------------------------------------------------------------


def _added_slot(ef: EventFile, slot_id: SlotId) -> Scope:
    """The new slot, and its person if no other slot has them (undo removes both)."""
    person_id = store.get_slot(ef, slot_id).person.id
    assert person_id is not None  # read from the file
    alone = not store.person_speaks_elsewhere(ef, person_id, slot_id)
    return [part("slots", "id", [slot_id]), part("people", "id", [person_id] if alone else [])]


def add_speaker(session_id: SessionId, slot: Slot, *, at: int | None = None,
                after: SlotId | None = None) -> Command:
    """Add ``slot`` before position ``at`` (1-based) when given; else where a moderator
    expects it (``session_clock.added_position``): right after the selected turn ``after``
    if it is speaking or still to come, else before the closing remarks still to come,
    else at the end."""
    if at is not None:
        return _add_where(session_id, slot, lambda _slots, _current: at)
    return _add_where(session_id, slot, lambda slots, current: plan.added_position(
        slots, current, after))


def add_floor_request(session_id: SessionId, name: str, seconds: int) -> Command:
    """A request from the floor: joins the list before the closing remarks."""
    name = " ".join(name.split())
    slot = Slot(person=Person(name=name), kind=SlotKind.FLOOR, planned_seconds=seconds)
    return _add_where(session_id, slot, plan.floor_position)


def readd_last_speaker(session_id: SessionId, now: float) -> Command:
    """The speaker who just finished gets another turn, right after the current one."""

    def prepare(ef: EventFile) -> Scope:
        session = found.session(ef, session_id, with_slots=True)
        if plan.last_speaker(session.slots) is None:
            raise Unchanged
        return _list_rows(ef, session_id)

    def write(ef: EventFile) -> int:
        session = found.session(ef, session_id, with_slots=True)
        last = plan.last_speaker(session.slots)
        if last is None:  # prepare found one, in the same transaction
            raise Unchanged
        planned = last.planned_seconds
        if last.until_at is not None:  # their "until" has passed: the time it gave them
            planned = max(1, round(last.clock.planned_at(now)))
        slot = Slot(person=last.person, kind=last.kind, planned_seconds=planned,
                    added_live=True)
        at = plan.after_current_position(session.slots, session.current_slot_id)
        return store.add_slot(ef, session_id, slot, at=at)

    return Command(Label.ADD_SPEAKER, session_id, _LIST, prepare, write,
                   added=_added_slot)


def _add_where(session_id: SessionId, slot: Slot,
               position: Callable[[Sequence[Slot], int | None], int | None]) -> Command:
    """Add ``slot`` where ``position(slots, current_slot_id)`` says (None: at the end)."""

    def prepare(ef: EventFile) -> Scope:
        if looks_empty(slot.person.name):
            raise Unchanged
        found.session(ef, session_id)
        return _list_rows(ef, session_id)

    def write(ef: EventFile) -> int:
        session = found.session(ef, session_id, with_slots=True)
        live = slot
        if any(s.phase is not Phase.NOT_STARTED for s in session.slots):
            # Joined once the session was under way: it makes the session run behind, it
            # does not move the plan (core/session_clock.py).
            live = replace(slot, added_live=True)
        return store.add_slot(ef, session_id, live,
                              at=position(session.slots, session.current_slot_id))

    return Command(Label.ADD_SPEAKER, session_id, _LIST, prepare, write,
                   added=_added_slot)


def edit_speaker(session_id: SessionId, slot_id: SlotId, *, person: Person | None = None,
                 kind: SlotKind | None = None, planned_seconds: int | None = None,
                 until_at: float | None = None) -> Command:
    """Change a speaker's person, kind or planned time (store.update_slot's arguments)."""

    def prepare(ef: EventFile) -> Scope:
        slot = found.slot(ef, slot_id)
        if person is not None and looks_empty(person.name):
            raise Unchanged  # a name that shows nothing is no name: the old one stays
        if planned_seconds is not None and planned_seconds <= 0:
            raise UserError(Code.PLANNED_TIME_POSITIVE)
        rows = [part("slots", "id", [slot_id])]
        if person is not None:  # a person is shared by every slot they speak in
            rows.append(part("people", "id", [slot.person.id]))
        return rows

    return Command(Label.EDIT_SPEAKER, session_id, _LIST | {Kind.CLOCK}, prepare,
                   lambda ef: store.update_slot(ef, slot_id, person=person, kind=kind,
                                                planned_seconds=planned_seconds,
                                                until_at=until_at))


def remove_speaker(session_id: SessionId, slot_id: SlotId) -> Command:
    """Remove a speaker, even one who spoke: undo brings them back with their clock, the
    notes that named them and the floor request their turn came from."""
    from facilitator.store import floor as floor_store  # not loaded before it is needed
    from facilitator.store import notes as note_store

    def prepare(ef: EventFile) -> Scope:
        found.slot(ef, slot_id)
        # By id, not by slot: after the removal these notes name nobody, and redo must
        # unlink them again, not remove them.
        named = [n.id for n in note_store.list_notes(ef, session_id, include_deleted=True)
                 if n.slot_id == slot_id]
        requests = [r.id for r in floor_store.list_floor_requests(ef, session_id)
                    if r.slot_id == slot_id]
        return [*_list_rows(ef, session_id), part("notes", "id", named),
                part("floor_requests", "id", requests)]

    return Command(Label.REMOVE_SPEAKER, session_id, _CLOCK, prepare,
                   lambda ef: store.remove_slot(ef, slot_id))


def reorder(session_id: SessionId, slot_ids: list[SlotId]) -> Command:
    def prepare(ef: EventFile) -> Scope:
        current = [s.stored_id for s in store.list_slots(ef, session_id)]
        if sorted(current) != sorted(slot_ids):
            raise UserError(Code.ORDER_INCOMPLETE)
        if current == list(slot_ids):
            raise Unchanged
        return _list_rows(ef, session_id)

    return Command(Label.REORDER_SPEAKERS, session_id, _LIST | {Kind.CLOCK}, prepare,
                   lambda ef: store.reorder_slots(ef, session_id, list(slot_ids)))


# --- the clock ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _ClockMove:
    """What a clock key decided: new clocks, where the cursor lands, the log line."""

    changes: tuple[tuple[SlotId, TimerState], ...]
    current_slot_id: SlotId | None
    action: str
    detail: Mapping[str, Any] = field(default_factory=dict)


def _clock_command(label: Label, session_id: SessionId,
                   decide: Callable[[Session], _ClockMove | None], **params: Any) -> Command:
    """``decide(session)``: the move, or None (nothing to do); read in the transaction.

    One read of the list serves the decision, the undo snapshot (its rows) and the views
    (the session after the move, computed, handed over in ``Changes.known``).
    """
    decided: dict[str, tuple[StoredSession, _ClockMove]] = {}
    after: dict[str, Scope] = {}

    def prepare(ef: EventFile) -> Scope:
        stored = found.stored_session(ef, session_id)
        move = decide(stored.session)
        if move is None:
            raise Unchanged
        decided["move"] = (stored, move)
        return _session_part(session_id, stored.session_rows, stored.slot_rows)

    def write(ef: EventFile) -> Session:
        stored, move = decided.pop("move")
        session = stored.session
        move_cursor = move.current_slot_id != session.current_slot_id
        store.save_clocks(ef, session_id, list(move.changes), move.action,
                          current_slot_id=move.current_slot_id, move_cursor=move_cursor,
                          **move.detail)
        # The rows as written, for the undo's check, computed: no second read per key.
        after["rows"] = _session_part(session_id, *store.rows_after_clocks(
            stored, list(move.changes), current_slot_id=move.current_slot_id,
            move_cursor=move_cursor))
        return plan.moved(session, move.changes, move.current_slot_id)

    return Command(label, session_id, _CLOCK, prepare, write, params=params,
                   known=lambda session: (session,), after=lambda _result: after.pop("rows"))


def _session_part(session_id: SessionId, session_rows: list[dict[str, Any]],
                  slot_rows: list[dict[str, Any]]) -> Scope:
    return [part("sessions", "id", [session_id], session_rows),
            part("slots", "id", [row["id"] for row in slot_rows], slot_rows)]


Decide = Callable[[Session], _ClockMove | None]


def _still_on(shown_slot: SlotId | None, decide: Decide) -> Decide:
    """``decide``, unless the list has moved on from ``shown_slot`` (the speaker a team
    device showed as current when its key was pressed): then nothing.

    A device sees the laptop's clock up to a second late, and the moderator may press the
    same key meanwhile: a second "Next" meant for the same speaker would skip the next one,
    and "+1 min" meant for them would go to whoever follows."""
    if shown_slot is None:
        return decide

    def decide_if_still_on(session: Session) -> _ClockMove | None:
        slot = plan.current_slot(session.slots, session.current_slot_id)
        if slot is None or slot.id != shown_slot:
            return None
        return decide(session)

    return decide_if_still_on


def toggle(session_id: SessionId, now: float, *, only: str = "",
           shown_slot: SlotId | None = None) -> Command:
    """Space: start the current speaker, pause them, or resume. ``only="start"`` starts
    or resumes and ``only="pause"`` pauses, doing nothing when the clock already is so
    (a Stream Deck's "start" key pressed twice must not pause). With ``shown_slot``,
    nothing unless that slot is still the current one (see ``_still_on``)."""

    def decide(session: Session) -> _ClockMove | None:
        slot = plan.current_slot(session.slots, session.current_slot_id)
        if slot is None or slot.id is None:
            return None
        running = slot.phase is Phase.RUNNING
        if (only == "start" and running) or (only == "pause" and not running):
            return None
        clock = slot.clock
        if slot.phase is Phase.ENDED:  # back on a finished speaker: let them continue
            clock = clock.reopen()
        new = clock.toggle(now)
        action = {Phase.NOT_STARTED: "timer_started", Phase.RUNNING: "timer_paused",
                  Phase.PAUSED: "timer_resumed"}[clock.phase]
        # The cursor moves with the clock in the same action: a crash can't separate them.
        return _ClockMove(((SlotId(slot.id), new),), SlotId(slot.id), action)

    return _clock_command(Label.CLOCK, session_id, _still_on(shown_slot, decide))


def step(session_id: SessionId, now: float, step: int, *,
         shown_slot: SlotId | None = None) -> Command:
    """Next (+1) or Previous (-1); with ``shown_slot``, only from that slot."""

    def decide(session: Session) -> _ClockMove | None:
        move = plan.move(session.slots, session.current_slot_id, now, step)
        if move is None:
            return None
        action = "next_speaker" if step > 0 else "previous_speaker"
        return _ClockMove(tuple((SlotId(i), clock) for i, clock in move.changes),
                          None if move.current_slot_id is None else SlotId(move.current_slot_id),
                          action)

    return _clock_command(Label.NEXT_SPEAKER if step > 0 else Label.PREVIOUS_SPEAKER,
                          session_id, _still_on(shown_slot, decide))


def adjust(session_id: SessionId, seconds: int, *, shown_slot: SlotId | None = None) -> Command:
    """Add (or take away) speaking time from the current speaker; with ``shown_slot``,
    only if that slot is still the current one."""

    def decide(session: Session) -> _ClockMove | None:
        slot = plan.current_slot(session.slots, session.current_slot_id)
        if slot is None or slot.id is None or slot.phase is Phase.ENDED:
            return None
        new = slot.clock.adjust(seconds)
        if new == slot.clock:
            return None
        # The cursor stays where it is (it may be unset: the slot is current by default).
        cursor = None if session.current_slot_id is None else SlotId(session.current_slot_id)
        return _ClockMove(((SlotId(slot.id), new),), cursor, "time_adjusted",
                          {"slot_id": slot.id, "seconds": seconds})

    return _clock_command(Label.ADJUST_TIME, session_id, _still_on(shown_slot, decide),
                          seconds=seconds)
