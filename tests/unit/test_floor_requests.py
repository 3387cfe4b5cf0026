"""Floor requests from phones: stored as typed, one waiting per phone, the queue's order,
accepting into the speakers list (a point of order right after the current speaker), and
every moderator action undone to exactly what was there."""

from __future__ import annotations

import json

import pytest

from facilitator.actions import floor, speakers
from facilitator.actions.actor import LAPTOP, phone
from facilitator.actions.changes import Kind
from facilitator.actions.command import Label, run
from facilitator.actions.errors import Code, UserError
from facilitator.core.floor import (
    DEFAULT_SECONDS,
    FloorError,
    FloorKind,
    FloorStatus,
    queue,
)
from facilitator.core.floor_phone import phone_view
from facilitator.core.model import SlotKind
from facilitator.core.timer import Phase
from facilitator.store import EventFile
from facilitator.store import floor as store
from facilitator.store.schema import known_migrations
from facilitator.store.sessions import get_session, list_sessions

NOW = 1_800_000_000.0
TABLES = ("sessions", "slots", "people", "floor_requests", "floor_settings")
PERSIAN = "\u0633\u0627\u0631\u0627\u200c\u06cc \u0627\u062d\u0645\u062f\u06cc"  # ZWNJ kept


def everything(ef: EventFile) -> dict[str, list[tuple]]:
    return {t: sorted(ef.db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}


def undo_round_trip(ef: EventFile, command):
    """Run, undo, redo, undo: each undo gives back the file as it was, row for row."""
    before = everything(ef)
    done = run(ef, LAPTOP, command)
    after = everything(ef)
    assert after != before, "the command changed nothing"
    undone = run(ef, LAPTOP, done.undo)
    assert everything(ef) == before
    redone = run(ef, LAPTOP, undone.undo)
    assert everything(ef) == after
    run(ef, LAPTOP, redone.undo)
    assert everything(ef) == before
    return done


@pytest.fixture
def session_id(event_file: EventFile) -> int:
    first = list_sessions(event_file)[0].id
    run(event_file, LAPTOP, floor.set_open(first, True))
    return first


def ask(ef, session_id, name, device, kind="intervention", at=0.0, **more):
    return run(ef, phone(device), floor.ask(session_id, name=name, kind=kind, now=NOW + at,
                                             device_id=device, **more)).result[0]


def test_migration_is_named() -> None:
    assert "0009_floor_requests" in known_migrations()


def test_a_request_is_stored_as_typed_and_logged_with_its_phone(event_file, session_id):
    request = ask(event_file, session_id, f"  {PERSIAN}\u202e ", "d1", "reply",
                  organisation="City of Tehran", constituency="Civil society",
                  on_behalf_of="Group of 77")
    assert request.name == PERSIAN  # joiner kept, the bidi override and spaces gone
    assert (request.kind, request.status) == (FloorKind.REPLY, FloorStatus.WAITING)
    assert (request.organisation, request.constituency, request.on_behalf_of) == (
        "City of Tehran", "Civil society", "Group of 77")
    line = event_file.log_entries()[-1]
    assert line["action"] == "floor_requested" and line["detail"]["by"] == "phone:d1"


@pytest.mark.parametrize(("fields", "reason"), [
    ({"name": ""}, "name_empty"),
    ({"name": "\u200d\u0301 "}, "name_empty"),
    ({"name": "x" * 101}, "too_long"),
    ({"organisation": "o" * 101}, "too_long"),
    ({"on_behalf_of": 12}, "invalid"),
    ({"kind": "speech"}, "invalid"),
    ({"kind": None}, "invalid"),
    ({"constituency": "Everyone"}, "invalid"),
])
def test_bad_requests_are_refused_with_a_reason(event_file, session_id, fields, reason):
    args = {"name": "Ana", "kind": "intervention", **fields}
    with pytest.raises(FloorError) as refused:
        run(event_file, phone("d1"), floor.ask(session_id, now=NOW, device_id="d1", **args))
    assert refused.value.reason == reason
    assert store.list_floor_requests(event_file, session_id) == []


def test_one_waiting_request_per_phone_and_a_retry_is_stored_once(event_file, session_id):
    first = run(event_file, phone("d1"), floor.ask(
        session_id, name="Ana", kind="intervention", now=NOW, device_id="d1",
        client_request_id="req-000001")).result
    again = run(event_file, phone("d1"), floor.ask(
        session_id, name="Ana", kind="intervention", now=NOW, device_id="d1",
        client_request_id="req-000001")).result
    assert first[1] and not again[1] and again[0].id == first[0].id
    with pytest.raises(FloorError) as refused:
        ask(event_file, session_id, "Ana", "d1", "point_of_order")
    assert refused.value.reason == "already_waiting"
    ask(event_file, session_id, "Ben", "d2")  # another phone may
    run(event_file, phone("d1"), floor.withdraw(session_id, first[0].id, device_id="d1",
                                                 now=NOW + 1))
    assert store.get_floor_request(event_file, first[0].id).status is FloorStatus.WITHDRAWN
    with pytest.raises(FloorError) as twice:  # a second tap is told what happened
        run(event_file, phone("d1"), floor.withdraw(session_id, first[0].id, device_id="d1",
                                                     now=NOW + 2))
    assert twice.value.reason == "withdrawn" and "already withdrew" in str(twice.value)
    ask(event_file, session_id, "Ana", "d1", "reply")  # withdrawn: may ask again


def test_only_its_own_phone_withdraws_and_only_while_waiting(event_file, session_id):
    request = ask(event_file, session_id, "Ana", "d1")
    with pytest.raises(UserError) as refused:
        run(event_file, phone("d2"), floor.withdraw(session_id, request.id, device_id="d2",
                                                     now=NOW))
    assert refused.value.code is Code.NO_SUCH_FLOOR_REQUEST
    run(event_file, LAPTOP, floor.accept(session_id, request.id, now=NOW))
    with pytest.raises(FloorError) as answered:
        run(event_file, phone("d1"), floor.withdraw(session_id, request.id, device_id="d1",
                                                     now=NOW))
    assert answered.value.reason == "answered"


def test_closed_sessions_take_no_requests(event_file, session_id):
    run(event_file, LAPTOP, floor.set_open(session_id, False))
    with pytest.raises(FloorError) as refused:
        ask(event_file, session_id, "Ana", "d1")
    assert refused.value.reason == "closed"
    other = list_sessions(event_file)[1].id  # never opened: off by default
    with pytest.raises(FloorError):
        ask(event_file, other, "Ana", "d1")


def test_the_queue_puts_points_of_order_first_then_arrival(event_file, session_id):
    a = ask(event_file, session_id, "Ana", "d1", "intervention", at=1)
    b = ask(event_file, session_id, "Ben", "d2", "reply", at=2)
    c = ask(event_file, session_id, "Chen", "d3", "point_of_order", at=3)
    d = ask(event_file, session_id, "Dara", "d4", "point_of_order", at=4)
    waiting = queue(store.list_floor_requests(event_file, session_id))
    assert [r.id for r in waiting] == [c.id, d.id, a.id, b.id]


def slot_names(ef, session_id):
    return [s.person.name for s in get_session(ef, session_id).slots]


def test_accepting_makes_a_turn_with_the_kinds_time(event_file, session_id):
    request = ask(event_file, session_id, "Ana", "d1", "reply", organisation="Lyon",
                  constituency="Local and regional governments")
    done = run(event_file, LAPTOP, floor.accept(session_id, request.id, now=NOW))
    assert done.changes.touches(Kind.FLOOR, session_id)
    assert done.changes.touches(Kind.SLOTS, session_id)
    accepted = store.get_floor_request(event_file, request.id)
    assert accepted.status is FloorStatus.ACCEPTED
    slot = next(s for s in get_session(event_file, session_id).slots if s.id == accepted.slot_id)
    assert slot.kind is SlotKind.FLOOR
    assert slot.planned_seconds == DEFAULT_SECONDS[FloorKind.REPLY] == 120
    assert (slot.person.name, slot.person.organisation, slot.person.constituency) == (
        "Ana", "Lyon", "Local and regional governments")
    with pytest.raises(UserError) as twice:
        run(event_file, LAPTOP, floor.accept(session_id, request.id, now=NOW))
    assert twice.value.code is Code.FLOOR_REQUEST_ANSWERED


def test_each_session_sets_its_own_times(event_file, session_id):
    run(event_file, LAPTOP, floor.set_times(session_id, {FloorKind.INTERVENTION: 240}))
    request = ask(event_file, session_id, "Ana", "d1")
    slot_id = run(event_file, LAPTOP, floor.accept(session_id, request.id, now=NOW)).result.slot_id
    assert next(s for s in get_session(event_file, session_id).slots
                if s.id == slot_id).planned_seconds == 240
    with pytest.raises(UserError) as refused:
        run(event_file, LAPTOP, floor.set_times(session_id, {FloorKind.REPLY: 0}))
    assert refused.value.code is Code.FLOOR_TIMES_INVALID


def start_and_move(ef, session_id, steps=1):
    """The first speaker speaks, then Next ``steps - 1`` times and Space."""
    run(ef, LAPTOP, speakers.toggle(session_id, NOW))
    for i in range(steps - 1):
        run(ef, LAPTOP, speakers.step(session_id, NOW + 10 + i, 1))
        run(ef, LAPTOP, speakers.toggle(session_id, NOW + 10 + i))


def test_a_point_of_order_goes_right_after_the_current_speaker(event_file, session_id):
    start_and_move(event_file, session_id, steps=2)
    before = slot_names(event_file, session_id)
    speaking = get_session(event_file, session_id)
    current = next(s for s in speaking.slots if s.phase is Phase.RUNNING).person.name
    a = ask(event_file, session_id, "Ana", "d1", "intervention", at=1)
    c = ask(event_file, session_id, "Chen", "d3", "point_of_order", at=2)
    d = ask(event_file, session_id, "Dara", "d4", "point_of_order", at=3)
    for _ in range(3):
        run(event_file, LAPTOP, floor.accept_next(session_id, now=NOW + 20))
    names = slot_names(event_file, session_id)
    at = names.index(current)
    # The first point of order raised is heard first, both before anyone else.
    assert names[at + 1:at + 3] == ["Chen", "Dara"]
    assert names.index("Ana") > at + 2 and len(names) == len(before) + 3
    assert {store.get_floor_request(event_file, r.id).status
            for r in (a, c, d)} == {FloorStatus.ACCEPTED}
    # Nothing waits: accept next does nothing, and nothing is logged.
    lines = len(event_file.log_entries())
    done = run(event_file, LAPTOP, floor.accept_next(session_id, now=NOW + 30))
    assert not done.changes and len(event_file.log_entries()) == lines


def test_an_intervention_joins_before_the_closing_remarks(event_file, session_id):
    names = slot_names(event_file, session_id)
    kinds = [s.kind for s in get_session(event_file, session_id).slots]
    request = ask(event_file, session_id, "Ana", "d1")
    run(event_file, LAPTOP, floor.accept(session_id, request.id, now=NOW))
    after = slot_names(event_file, session_id)
    if SlotKind.CLOSING in kinds:
        assert after.index("Ana") == kinds.index(SlotKind.CLOSING)
    else:
        assert after == [*names, "Ana"]


@pytest.mark.parametrize("kind", ["intervention", "point_of_order"])
def test_accepting_is_undone_with_its_turn_and_person(event_file, session_id, kind):
    start_and_move(event_file, session_id)
    request = ask(event_file, session_id, "Someone New", "d1", kind)
    done = undo_round_trip(event_file, floor.accept(session_id, request.id, now=NOW + 5))
    assert done.label is Label.ACCEPT_FLOOR_REQUEST
    assert store.get_floor_request(event_file, request.id).status is FloorStatus.WAITING


def test_accept_next_decline_and_settings_are_undone(event_file, session_id):
    ask(event_file, session_id, "Ana", "d1")
    request = ask(event_file, session_id, "Ben", "d2")
    undo_round_trip(event_file, floor.accept_next(session_id, now=NOW + 1))
    undo_round_trip(event_file, floor.decline(session_id, request.id, now=NOW + 1))
    undo_round_trip(event_file, floor.set_open(session_id, False))
    undo_round_trip(event_file, floor.set_times(session_id, {FloorKind.POINT_OF_ORDER: 90}))
    lines = [e for e in event_file.log_entries() if e["detail"].get("by") == "laptop"]
    assert {"floor_request_accepted", "floor_request_declined", "floor_closed",
            "floor_settings_changed", "undone", "redone"} <= {e["action"] for e in lines}
    assert json.loads(json.dumps(lines[-1]["detail"]))  # the snapshot is plain JSON


def test_the_phone_sees_its_place_then_next_then_the_floor_then_done(event_file, session_id):
    def view(request_id):
        session = get_session(event_file, session_id)
        waiting = queue(store.list_floor_requests(event_file, session_id))
        return phone_view(store.get_floor_request(event_file, request_id), waiting,
                          session.slots, session.current_slot_id)

    first = ask(event_file, session_id, "Ana", "d1", at=1)
    mine = ask(event_file, session_id, "Ben", "d2", at=2)
    assert view(mine.id).state == "waiting" and view(mine.id).place == 2
    run(event_file, LAPTOP, floor.accept(session_id, first.id, now=NOW))
    assert view(mine.id).place == 1
    start_and_move(event_file, session_id)
    run(event_file, LAPTOP, floor.accept(session_id, mine.id, now=NOW + 5))
    listed = view(mine.id)
    assert listed.state == "listed" and listed.ahead >= 2
    # Walk the list until Ben is up: "next" once one speaker is left before him.
    states = []
    for i in range(len(get_session(event_file, session_id).slots)):
        states.append(view(mine.id).state)
        if states[-1] == "speaking":
            break
        run(event_file, LAPTOP, speakers.step(session_id, NOW + 100 + i, 1))
        if view(mine.id).state != "next" or states[-1] == "next":
            run(event_file, LAPTOP, speakers.toggle(session_id, NOW + 100 + i))
    assert states[-1] == "speaking" and "next" in states
    run(event_file, LAPTOP, speakers.step(session_id, NOW + 500, 1))
    assert view(mine.id).state == "done"
    declined = ask(event_file, session_id, "Chen", "d3")
    run(event_file, LAPTOP, floor.decline(session_id, declined.id, now=NOW))
    assert view(declined.id).state == "declined"
