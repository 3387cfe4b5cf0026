"""The session clock: is the panel on time, how much overtime so far, who speaks next.

Pure functions over the speakers list and a clock reading. The plan is the list itself:
the session's planned end is when the first speaker started plus every slot's planned
time; the projected end is now plus what is left of the current speaker plus every slot
still waiting. The difference is how far behind (or ahead) the panel runs, counting
added time, overtime, pauses and the walk to the podium alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from facilitator.core.model import Slot, SlotKind
from facilitator.core.timer import Phase, TimerState

# Less than this either way is "on time": nobody needs a clock that flickers by seconds.
ON_TIME_TOLERANCE = 30.0


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

    @property
    def behind(self) -> float:
        """Seconds behind the plan; negative when ahead."""
        return self.projected_end - self.planned_end

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


def next_slot(slots: Sequence[Slot], current: Slot | None) -> Slot | None:
    """The slot after the current one in list order: where Next goes."""
    if current is None:
        return None
    ids = [slot.id for slot in slots]
    index = ids.index(current.id) + 1
    return slots[index] if index < len(slots) else None


def session_clock(slots: Sequence[Slot], current_slot_id: int | None, now: float) -> SessionClock:
    """Plan against projection for the speakers list ``slots`` (in speaking order)."""
    starts = [s.clock.started_at for s in slots if s.clock.started_at is not None]
    started_at = min(starts) if starts else None
    planned_total = float(sum(s.planned_seconds for s in slots))
    planned_end = (started_at if started_at is not None else now) + planned_total
    current = current_slot(slots, current_slot_id)
    left = 0.0
    for slot in slots:
        phase = slot.phase
        if phase is Phase.NOT_STARTED:
            left += slot.clock.allowed
        elif phase in (Phase.RUNNING, Phase.PAUSED):
            # A speaker already over time is still speaking: the panel ends no earlier
            # than now, but their overtime is already in "now".
            left += max(0.0, slot.clock.remaining(now))
    overtime = sum(s.clock.overtime(now) for s in slots if s.phase is not Phase.NOT_STARTED)
    return SessionClock(
        started_at=started_at,
        planned_total=planned_total,
        planned_end=planned_end,
        projected_end=now + left,
        overtime_total=overtime,
        current=current,
        next=next_slot(slots, current),
    )


def describe_schedule(behind: float) -> str:
    """"4 min behind", "2 min ahead", "on time"."""
    if abs(behind) < ON_TIME_TOLERANCE:
        return "on time"
    minutes = max(1, round(abs(behind) / 60))
    return f"{minutes} min {'behind' if behind > 0 else 'ahead'}"


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
        changes.append((current.id, current.clock.finish(now)))
    if target_index >= len(slots):
        return Move(tuple(changes), None)
    target = slots[target_index]
    if target.phase is Phase.ENDED:
        changes.append((target.id, target.clock.reopen()))
    return Move(tuple(changes), target.id)


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
