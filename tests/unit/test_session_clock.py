"""The session clock and moving through the speakers list (pure functions, fake time)."""

from __future__ import annotations

from facilitator.core.model import Person, Slot, SlotKind
from facilitator.core.session_clock import (
    after_current_position,
    current_slot,
    describe_schedule,
    floor_position,
    last_speaker,
    move,
    session_clock,
)
from facilitator.core.timer import Phase, TimerState

T0 = 1_800_000_000.0


def slots(*timers: TimerState | None, minutes: int = 5, closing: bool = False) -> list[Slot]:
    made = [Slot(id=i + 1, person=Person(name=f"S{i + 1}"), planned_seconds=minutes * 60,
                 timer=t, position=i + 1) for i, t in enumerate(timers)]
    if closing:
        made.append(Slot(id=len(made) + 1, person=Person(name="Close"), kind=SlotKind.CLOSING,
                         planned_seconds=120, position=len(made) + 1))
    return made


def test_before_the_start_the_plan_is_the_projection():
    state = session_clock(slots(None, None, None), None, T0)
    assert state.started_at is None
    assert state.planned_total == 900
    assert state.behind == 0
    assert state.current.id == 1 and state.next.id == 2


def test_four_minutes_behind_after_overtime_and_added_time():
    first = TimerState(planned=300).start(T0).finish(T0 + 300 + 150)  # 2:30 over
    second = TimerState(planned=300).start(T0 + 480).adjust(60)  # 30 s walk + 1 min added
    state = session_clock(slots(first, second, None), 2, T0 + 500)
    assert state.planned_end == T0 + 900
    # now + second's remaining (360 - 20) + third's 300
    assert state.projected_end == T0 + 500 + 340 + 300
    assert state.behind == 240
    assert describe_schedule(state.behind) == "4 min behind"
    assert state.overtime_total == 150
    assert state.next.id == 3


def test_a_speaker_over_time_pushes_the_end_by_the_minute():
    running = TimerState(planned=60).start(T0)
    state = session_clock(slots(running, None, minutes=1), 1, T0 + 180)
    assert state.overtime_total == 120
    assert state.projected_end == T0 + 180 + 60
    assert state.behind == 120


def test_schedule_words():
    assert describe_schedule(10) == "on time"
    assert describe_schedule(-29) == "on time"
    assert describe_schedule(-125) == "2 min ahead"
    assert describe_schedule(61) == "1 min behind"


def test_next_finishes_the_speaker_and_cues_the_next():
    running = TimerState(planned=300).start(T0)
    result = move(slots(running, None), 1, T0 + 100, 1)
    (changed_id, finished), = result.changes
    assert changed_id == 1 and finished.phase is Phase.ENDED and finished.ended_at == T0 + 100
    assert result.current_slot_id == 2


def test_next_after_the_last_speaker_ends_the_list_and_previous_brings_them_back():
    done = TimerState(planned=300).start(T0).finish(T0 + 10)
    running = TimerState(planned=300).start(T0 + 20)
    listed = slots(done, running)
    result = move(listed, 2, T0 + 50, 1)
    assert result.current_slot_id is None
    ended = [Slot(person=s.person, id=s.id, timer=dict(result.changes).get(s.id, s.timer))
             for s in listed]
    back = move(ended, None, T0 + 60, -1)
    assert back.current_slot_id == 2
    assert dict(back.changes)[2].phase is Phase.PAUSED
    assert move(ended, None, T0 + 60, 1) is None


def test_previous_reopens_a_finished_speaker_without_losing_their_time():
    done = TimerState(planned=300).start(T0).finish(T0 + 200)
    running = TimerState(planned=300).start(T0 + 210)
    result = move(slots(done, running), 2, T0 + 215, -1)
    changes = dict(result.changes)
    assert changes[2].phase is Phase.ENDED
    assert changes[1].phase is Phase.PAUSED and changes[1].elapsed(T0 + 999) == 200
    assert result.current_slot_id == 1
    assert move(slots(done, running), 1, T0, -1) is None  # nothing before the first


def test_floor_requests_go_before_the_closing_remarks():
    listed = slots(None, None, closing=True)
    assert floor_position(listed, 1) == 3
    assert floor_position(slots(None, None), 1) is None


def test_last_speaker_and_top_of_the_waiting_list():
    a = TimerState(planned=60).start(T0).finish(T0 + 50)
    b = TimerState(planned=60).start(T0 + 60).finish(T0 + 100)
    c = TimerState(planned=60).start(T0 + 110)
    listed = slots(b, a, c)
    assert last_speaker(listed).id == 1  # b finished last
    assert last_speaker(slots(None, None)) is None
    assert after_current_position(listed, 3) == 4
    assert after_current_position(slots(None, None), None) == 2


def test_a_skipped_speaker_does_not_come_back_after_the_last_one():
    """A spoke, B was skipped, C spoke, Next past the end: nobody is current."""
    started = TimerState(planned=300).start(T0).finish(T0 + 60)
    listed = slots(started, None, started)
    assert current_slot(listed, None) is None
    assert move(listed, None, T0 + 100, 1) is None
    # Before anyone spoke, or after the current speaker was removed mid-session, the
    # first speaker still waiting is up.
    assert current_slot(slots(None, None), None).id == 1
    assert current_slot(slots(started, None, None), None).id == 2
