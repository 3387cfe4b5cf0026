"""The session clock: will the panel finish on time, how much overtime so far, who is next.

Pure functions over the speakers list, the session's schedule and a clock reading. The plan
is the session's scheduled end: a late start, a floor request, a re-added speaker, added
time and overtime all show as minutes behind, never as a moved plan. Without a scheduled
end, the plan is the scheduled start (else the first speaker's start) plus the turns that
were on the list before the session began (``Slot.added_live`` ones are not). The
projected end is now (or the scheduled start, if still to come) plus what is left of the
current speaker plus every turn still waiting; once everyone has spoken, the actual end.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo

from facilitator.core.clock_text import minutes_between, whole
from facilitator.core.model import Session, Slot, SlotKind
from facilitator.core.timer import Phase, TimerState


def overtime_seconds(slot: Slot, now: float) -> int:
    """Whole seconds a turn ran over its allowed time (0 before it starts)."""
    return whole(slot.clock.overtime(now)) if slot.phase is not Phase.NOT_STARTED else 0


class PlanBasis(enum.StrEnum):
    """What the planned end was measured from."""

    SCHEDULED_END = "scheduled_end"  # the session's scheduled end
    SCHEDULED_START = "scheduled_start"  # its scheduled start plus the planned turns
    FIRST_START = "first_start"  # nothing scheduled: the first speaker's start plus turns
    NOT_STARTED = "not_started"  # nothing scheduled and nobody spoke yet: now plus turns


@dataclass(frozen=True)
class Schedule:
    """The session's scheduled start and end as instants (epoch seconds), when they apply."""

    starts_at: float | None = None
    ends_at: float | None = None


def session_schedule(starts_at: str, ends_at: str, now: float, zone: tzinfo) -> Schedule:
    """The schedule of a session (ISO local times of the venue, "2026-05-18T10:00") at ``now``.

    A schedule applies only on its own day in ``zone``: a rehearsal the day before, or the
    built-in sample run any day, is measured against its own plan instead of being "a
    month behind"; a session across midnight applies on both its days. Times that can't be
    read, and an end not after the start, are ignored.
    """
    today = datetime.fromtimestamp(now, zone).date()

    def instant(text: str) -> datetime | None:
        try:
            at = datetime.fromisoformat(text.strip())
        except ValueError:
            return None
        return (at if at.tzinfo else at.replace(tzinfo=zone)).astimezone(zone)

    start, end = instant(starts_at), instant(ends_at)
    if start is not None and end is not None and end <= start:
        end = None
    if not any(at is not None and at.date() == today for at in (start, end)):
        start = end = None  # another day's schedule (across midnight: either of its days)
    return Schedule(starts_at=start.timestamp() if start else None,
                    ends_at=end.timestamp() if end else None)


@dataclass(frozen=True)
class SessionClock:
    """Where the session stands at one instant (all times are epoch seconds)."""

    started_at: float | None
    planned_total: float
    planned_end: float
    projected_end: float
    overtime_total: float
    current: Slot | None
    next: Slot | None
    basis: PlanBasis = PlanBasis.NOT_STARTED
    ended_at: float | None = None  # everyone has spoken: when the last one finished

    @property
    def behind(self) -> float:
        """Seconds behind the plan; negative when ahead."""
        return self.projected_end - self.planned_end

    @property
    def minutes_behind(self) -> int:
        """Whole minutes behind (negative: ahead) as the two shown times of day differ, so
        "planned end 11:15, projected 11:19" always reads "4 min behind"."""
        return minutes_between(self.planned_end, self.projected_end)

    @property
    def finished(self) -> bool:
        return self.current is None and self.next is None and self.started_at is not None


def current_slot(slots: Sequence[Slot], current_slot_id: int | None) -> Slot | None:
    """The slot under the cursor; without one, the first speaker still waiting after the
    last one who spoke (at the start: the first speaker; after the end: nobody, so a
    speaker skipped earlier does not reappear)."""
    for slot in slots:
        if slot.id == current_slot_id:
            return slot
    spoken = [index for index, slot in enumerate(slots) if slot.phase is not Phase.NOT_STARTED]
    for slot in slots[spoken[-1] + 1 if spoken else 0:]:
        if slot.phase is Phase.NOT_STARTED:
            return slot
    return None


def skipped_slots(slots: Sequence[Slot], current_slot_id: int | None) -> frozenset[int]:
    """Ids of the speakers passed over with Next before they started: not started, yet
    before the current speaker in list order (after the last speaker: every one not
    started). Those after the current one are still to come."""
    current = current_slot(slots, current_slot_id)
    end = len(slots) if current is None else [slot.id for slot in slots].index(current.id)
    return frozenset(slot.id for slot in slots[:end]
                     if slot.id is not None and slot.phase is Phase.NOT_STARTED)


def next_slot(slots: Sequence[Slot], current: Slot | None) -> Slot | None:
    """The slot after the current one in list order: where Next goes."""
    if current is None:
        return None
    ids = [slot.id for slot in slots]
    index = ids.index(current.id) + 1
    return slots[index] if index < len(slots) else None


def session_clock(slots: Sequence[Slot], current_slot_id: int | None, now: float,
                  schedule: Schedule | None = None) -> SessionClock:
    """Plan against projection for the speakers list ``slots`` (in speaking order)."""
    schedule = schedule or Schedule()
    starts = [s.clock.started_at for s in slots if s.clock.started_at is not None]
    started_at = min(starts) if starts else None
    planned_total = float(sum(s.planned_seconds for s in slots if not s.added_live))
    if schedule.ends_at is not None:
        basis, planned_end = PlanBasis.SCHEDULED_END, schedule.ends_at
    elif schedule.starts_at is not None:
        basis, planned_end = PlanBasis.SCHEDULED_START, schedule.starts_at + planned_total
    elif started_at is not None:
        basis, planned_end = PlanBasis.FIRST_START, started_at + planned_total
    else:
        basis, planned_end = PlanBasis.NOT_STARTED, now + planned_total
    current = current_slot(slots, current_slot_id)
    # Not started yet before the scheduled start: the session will begin then, not now.
    projected = now
    if started_at is None and schedule.starts_at is not None:
        projected = max(now, schedule.starts_at)
    waiting = False
    for slot in slots:
        if slot.phase in (Phase.RUNNING, Phase.PAUSED):
            waiting = True
            # A speaker already over time is still speaking: the panel ends no earlier
            # than now, but their overtime is already in "now".
            projected += max(0.0, slot.clock.remaining(now))
    for slot in slots:
        if slot.phase is Phase.NOT_STARTED:
            waiting = True
            # In order, so a speaker given "until 10:45" gets what is left at their turn.
            projected += slot.clock.allowed_at(projected)
    ended_at = None
    if not waiting and starts:
        # Everyone has spoken: the session ended when the last speaker did.
        ended_at = projected = max(s.clock.ended_at or 0.0 for s in slots)
    overtime = float(sum(overtime_seconds(s, now) for s in slots))
    return SessionClock(
        started_at=started_at,
        planned_total=planned_total,
        planned_end=planned_end,
        projected_end=projected,
        overtime_total=overtime,
        current=current,
        next=next_slot(slots, current),
        basis=basis,
        ended_at=ended_at,
    )


def schedule_minutes(behind: float) -> int:
    """Whole minutes of ``behind`` seconds (negative: ahead) that have fully passed."""
    minutes = whole(abs(behind), 60)
    return minutes if behind >= 0 else -minutes


def describe_schedule(behind: float) -> str:
    """"4 min behind", "2 min ahead", "on time" (less than a whole minute either way)."""
    minutes = schedule_minutes(behind)
    if minutes == 0:
        return "on time"
    return f"{abs(minutes)} min {'behind' if minutes > 0 else 'ahead'}"


# --- moving through the list ------------------------------------------------------------


@dataclass(frozen=True)
class Move:
    """What Next or Previous does: clocks to change and where the cursor lands."""

    changes: tuple[tuple[int, TimerState], ...]
    current_slot_id: int | None


def move(slots: Sequence[Slot], current_slot_id: int | None, now: float, step: int) -> Move | None:
    """Next (``step=1``) or Previous (``step=-1``); None when there is nowhere to go.

    The speaker leaving the podium is finished (pauses folded in). The cursor goes to the
    neighbouring slot in list order; a slot that had already finished is reopened paused,
    so a Next pressed by mistake is undone by Previous without losing spoken time.
    """
    current = current_slot(slots, current_slot_id)
    ids = [slot.id for slot in slots]
    if current is None:
        if step > 0 or not slots:
            return None
        target_index = len(slots) - 1  # after the last speaker: go back to them
    else:
        target_index = ids.index(current.id) + step
        if target_index < 0:
            return None
    changes: list[tuple[int, TimerState]] = []
    if current is not None and current.phase in (Phase.RUNNING, Phase.PAUSED):
        changes.append((current.stored_id, current.clock.finish(now)))
    if target_index >= len(slots):
        return Move(tuple(changes), None)
    target = slots[target_index]
    if target.phase is Phase.ENDED:
        changes.append((target.stored_id, target.clock.reopen()))
    return Move(tuple(changes), target.id)


def moved(session: Session, changes: Sequence[tuple[int, TimerState]],
          current_slot_id: int | None) -> Session:
    """``session`` after its clocks changed and its cursor moved: what the file holds once
    ``store.sessions.move_to_slot`` wrote them, without reading it back."""
    clocks = dict(changes)
    slots = tuple(replace(slot, timer=clocks[slot.id]) if slot.id in clocks else slot
                  for slot in session.slots)
    return replace(session, slots=slots, current_slot_id=current_slot_id)


def on_stage(turns: Mapping[int, tuple[float, bool]]) -> int | None:
    """The session on stage, from each session's latest turn under way ``{session id:
    (started at, running)}``: the turn started last; on a tie a running one, then the
    session first in the file. None when nobody is speaking."""
    return max(turns, key=lambda session_id: (*turns[session_id], -session_id), default=None)


def floor_position(slots: Sequence[Slot], current_slot_id: int | None) -> int | None:
    """Where a floor request joins the list (1-based, for ``add_slot(at=)``): before the
    closing remarks still to come, else at the end (None)."""
    current = current_slot(slots, current_slot_id)
    seen_current = current is None
    for index, slot in enumerate(slots):
        if slot.id == getattr(current, "id", None):
            seen_current = True
            continue
        if seen_current and slot.kind is SlotKind.CLOSING and slot.phase is Phase.NOT_STARTED:
            return index + 1
    return None


def added_position(slots: Sequence[Slot], current_slot_id: int | None,
                   after_slot_id: int | None = None) -> int | None:
    """Where a speaker the moderator adds joins the list (1-based, for ``add_slot(at=)``):
    right after the selected turn ``after_slot_id`` when that turn is speaking now or still
    to come (as list tools insert after the selection); else before the closing remarks
    still to come (as a floor request); else at the end (None).

    A turn that has ended is no place to add to: nobody speaks in the past, and "next"
    would never reach a turn put before the current one.
    """
    for index, slot in enumerate(slots):
        if slot.id == after_slot_id and (slot.phase is Phase.NOT_STARTED
                                         or slot.id == current_slot_id):
            return index + 2
    return floor_position(slots, current_slot_id)


def last_speaker(slots: Sequence[Slot]) -> Slot | None:
    """The speaker who most recently finished (for "re-add last speaker")."""
    ended = [s for s in slots if s.clock.ended_at is not None]
    return max(ended, key=lambda s: s.clock.ended_at or 0.0) if ended else None


def after_current_position(slots: Sequence[Slot], current_slot_id: int | None) -> int:
    """The 1-based position right after the current speaker (the top of the waiting list)."""
    current = current_slot(slots, current_slot_id)
    if current is None:
        return len(slots) + 1
    return [s.id for s in slots].index(current.id) + 2
