"""The session clock and moving through the speakers list (pure functions, fake time)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta, timezone

from facilitator.core.clock_text import format_time_of_day
from facilitator.core.model import Person, Slot, SlotKind
from facilitator.core.session_clock import (
    PlanBasis,
    Schedule,
    added_position,
    after_current_position,
    current_slot,
    describe_schedule,
    floor_position,
    last_speaker,
    move,
    session_clock,
    session_schedule,
    skipped_slots,
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


def test_a_speaker_added_goes_after_the_selected_turn_to_come_else_before_closing():
    done = TimerState(planned=300).start(T0).finish(T0 + 200)
    running = TimerState(planned=300).start(T0 + 210)
    listed = slots(done, running, None, closing=True)  # S1 spoke, S2 speaks, S3, Close
    assert added_position(listed, 2) == 4  # nothing selected: before the closing remarks
    assert added_position(listed, 2, after_slot_id=3) == 4  # after the selected S3
    assert added_position(listed, 2, after_slot_id=2) == 3  # after the one speaking now
    assert added_position(listed, 2, after_slot_id=1) == 4  # S1 has spoken: not before S2
    assert added_position(listed, 2, after_slot_id=4) == 5  # after the closing, if chosen
    assert added_position(listed, 2, after_slot_id=99) == 4  # a turn removed meanwhile
    # Before the panel starts, nothing selected: before the closing remarks too.
    assert added_position(slots(None, None, closing=True), None) == 3
    # No closing remarks, or they have begun: at the end.
    assert added_position(slots(done, running), 2) is None
    closing = TimerState(planned=120).start(T0 + 400)
    begun = [*slots(done, done), replace(slots(None, closing=True)[-1], id=3, position=3,
                                          timer=closing)]
    assert added_position(begun, 3) is None


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


# --- "will we finish on time?": the plan is the scheduled end --------------------------

ZONE = timezone(timedelta(hours=2))  # T0 is 10:00 here, on 2027-01-15
SCHEDULED = session_schedule("2027-01-15T10:00", "2027-01-15T10:15", T0, ZONE)


def test_the_schedule_is_read_in_the_venue_zone():
    assert Schedule(starts_at=T0, ends_at=T0 + 900) == SCHEDULED
    assert session_schedule("", "", T0, ZONE) == Schedule()
    assert session_schedule("soon", "2027-01-15T09:00", T0, ZONE) == Schedule(ends_at=T0 - 3600)
    # An end before the start is a typing mistake, not a plan.
    assert session_schedule("2027-01-15T10:00", "2027-01-15T09:00", T0, ZONE).ends_at is None


def test_a_schedule_of_another_day_does_not_apply():
    """A rehearsal the day before (or the built-in sample run today) is not "a day behind"."""
    assert session_schedule("2027-01-16T10:00", "2027-01-16T10:15", T0, ZONE) == Schedule()
    late_evening = T0 + 13 * 3600 + 59 * 60  # 23:59 the same day: still applies
    assert session_schedule("2027-01-15T10:00", "2027-01-15T10:15", late_evening,
                            ZONE) == SCHEDULED


def test_before_the_scheduled_start_the_session_is_on_time():
    state = session_clock(slots(None, None, None), None, T0 - 1800, SCHEDULED)
    assert state.basis is PlanBasis.SCHEDULED_END
    assert state.projected_end == T0 + 900  # it will start at 10:00, not now
    assert describe_schedule(state.minutes_behind * 60) == "on time"


def test_a_late_start_shows_as_minutes_behind_not_as_a_moved_plan():
    waiting = session_clock(slots(None, None, None), None, T0 + 240, SCHEDULED)
    assert waiting.planned_end == T0 + 900
    assert waiting.minutes_behind == 4  # nobody has spoken and it is 10:04 already
    first = TimerState(planned=300).start(T0 + 240)
    started = session_clock(slots(first, None, None), 1, T0 + 300, SCHEDULED)
    assert started.planned_end == T0 + 900 and started.minutes_behind == 4


def test_a_floor_request_or_a_readded_speaker_makes_the_session_run_behind():
    first = TimerState(planned=300).start(T0).finish(T0 + 300)
    listed = slots(first, None, None)
    on_time = session_clock(listed, 2, T0 + 300, SCHEDULED)
    floor = Slot(id=9, person=Person(name="Floor"), kind=SlotKind.FLOOR, planned_seconds=180,
                 added_live=True)
    readded = Slot(id=10, person=listed[0].person, planned_seconds=300, added_live=True)
    for plan in (SCHEDULED, Schedule(starts_at=T0), Schedule()):
        before = session_clock(listed, 2, T0 + 300, plan)
        after = session_clock([*listed, floor, readded], 2, T0 + 300, plan)
        assert after.planned_end == before.planned_end, plan  # the plan never moves
        assert after.minutes_behind == before.minutes_behind + 8, plan
    assert on_time.minutes_behind == 0


def test_without_a_schedule_the_plan_starts_with_the_first_speaker():
    first = TimerState(planned=300).start(T0 + 100)
    state = session_clock(slots(first, None), 1, T0 + 160)
    assert state.basis is PlanBasis.FIRST_START
    assert state.planned_end == T0 + 100 + 600
    only_start = session_clock(slots(first, None), 1, T0 + 160, Schedule(starts_at=T0))
    assert only_start.basis is PlanBasis.SCHEDULED_START
    assert only_start.planned_end == T0 + 600 and only_start.minutes_behind == 1


def test_once_everyone_has_spoken_the_end_stays_where_it_was():
    first = TimerState(planned=300).start(T0).finish(T0 + 400)
    second = TimerState(planned=300).start(T0 + 400).finish(T0 + 1140)
    for later in (0, 600, 3600):
        state = session_clock(slots(first, second), None, T0 + 1140 + later, SCHEDULED)
        assert state.finished and state.projected_end == state.ended_at == T0 + 1140
        assert state.minutes_behind == 4


def test_minutes_behind_is_what_the_shown_times_of_day_say():
    """"Planned end 10:15 · projected 10:19 (4 min behind)" always adds up."""
    first = TimerState(planned=300).start(T0 + 37)  # a plan off the whole minute
    for now in range(int(T0) + 37, int(T0) + 37 + 900, 7):
        state = session_clock(slots(first, None, None), 1, float(now))
        shown = [format_time_of_day(at, ZONE) for at in (state.planned_end, state.projected_end)]
        minutes = [int(t[:2]) * 60 + int(t[3:]) for t in shown]
        assert state.minutes_behind == minutes[1] - minutes[0], (now, shown)


def test_a_speaker_given_until_gets_what_is_left_at_their_turn():
    until = T0 + 900  # "until 10:15"
    closing = Slot(id=3, person=Person(name="Close"), planned_seconds=300, until_at=until)
    first = TimerState(planned=300).start(T0 + 120)  # started 2 minutes late
    state = session_clock([*slots(first, None), closing], 1, T0 + 120, SCHEDULED)
    assert state.projected_end == until  # the closing speaker absorbs the late start
    assert state.minutes_behind == 0
    # Later still: they would start after 10:15, and get nothing, not a moved end.
    late = TimerState(planned=300).start(T0 + 700)
    state = session_clock([*slots(late, None), closing], 1, T0 + 700, SCHEDULED)
    assert state.projected_end == T0 + 700 + 300 + 300


def test_speakers_passed_over_with_next_are_skipped_not_waiting():
    """Skipped: not started and before the current speaker; after it: still to come."""
    spoke = TimerState(planned=300).start(T0).finish(T0 + 60)
    speaking = TimerState(planned=300).start(T0 + 70)
    assert skipped_slots(slots(None, None, None), None) == frozenset()  # nobody spoke yet
    # Next on S1 before they started: the cursor is on S2, S1 was passed over.
    assert skipped_slots(slots(None, None, None), 2) == {1}
    listed = slots(spoke, None, speaking, None)
    assert skipped_slots(listed, 3) == {2}
    assert skipped_slots(listed, None) == {2}  # the cursor computed: S4 is up next
    # Previous back onto S2: they are the current speaker again, not skipped.
    assert skipped_slots(listed, 2) == frozenset()
    # Past the last speaker, every one who did not speak was skipped.
    assert skipped_slots(slots(spoke, None, spoke), None) == {2}
    assert skipped_slots([], None) == frozenset()
