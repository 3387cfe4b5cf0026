"""The timing log of a session: each speaker's planned and actual start, end and duration,
with their pauses and the time the moderator gave or took."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any

from facilitator.core.event_time import wall_time_instant
from facilitator.core.model import Session
from facilitator.core.session_clock import skipped_slots
from facilitator.core.statistics import planned_seconds
from facilitator.core.timer import Phase

SKIPPED = "skipped"  # passed over with Next before starting (not "not started": done with)
PAUSE_ACTION = "timer_paused"
ADJUST_ACTION = "time_adjusted"


@dataclass(frozen=True)
class SpeakerTiming:
    """One speaking slot, planned against what happened. Instants are seconds since the
    epoch (None: not planned, or not happened); durations are seconds."""

    order: int
    name: str
    affiliation: str
    kind: str
    planned_start: float | None
    planned_end: float | None
    started_at: float | None
    ended_at: float | None
    planned_seconds: float
    spoken_seconds: float
    paused_seconds: float
    pauses: int
    adjusted_seconds: float
    adjustments: int
    status: str

    @property
    def difference_seconds(self) -> float:
        """Spoken minus planned: positive when the speaker went over."""
        return self.spoken_seconds - self.planned_seconds if self.started_at else 0.0


def timing_log(session: Session, zone: tzinfo, now: float,
               log: Iterable[Mapping[str, Any]] = ()) -> list[SpeakerTiming]:
    """Every slot of ``session`` in speaking order. ``log`` is the session's event-log lines
    ({"action", "detail"}); pauses and adjustments are counted from them, their totals
    taken from the slots' clocks (which hold the final, corrected values)."""
    pauses: dict[object, int] = {}  # by slot id, as the log line names it
    adjustments: dict[object, int] = {}
    for entry in log:
        slot_id = (entry.get("detail") or {}).get("slot_id")
        if entry.get("action") == PAUSE_ACTION:
            pauses[slot_id] = pauses.get(slot_id, 0) + 1
        elif entry.get("action") == ADJUST_ACTION:
            adjustments[slot_id] = adjustments.get(slot_id, 0) + 1
    start = wall_time_instant(session.starts_at, zone)
    skipped = skipped_slots(session.slots, session.current_slot_id)
    rows = []
    for order, slot in enumerate(session.slots, 1):
        clock = slot.clock
        # A speaker given "until 10:45" ends at 10:45, whatever the minutes estimate said.
        planned = float(planned_seconds(slot, now))
        planned_end = slot.until_at if slot.until_at is not None else (
            None if start is None else start + planned)
        rows.append(SpeakerTiming(
            order=order,
            name=slot.person.name,
            affiliation=slot.person.affiliation,
            kind=slot.kind.label,
            planned_start=start,
            planned_end=planned_end,
            started_at=clock.started_at,
            ended_at=clock.ended_at,
            planned_seconds=planned,
            spoken_seconds=clock.elapsed(now),
            paused_seconds=clock.paused_seconds(now),
            pauses=pauses.get(slot.id, 0),
            adjusted_seconds=clock.adjustment,
            adjustments=adjustments.get(slot.id, 0),
            status=SKIPPED if slot.id in skipped else _status(clock.phase),
        ))
        start = planned_end
    return rows


def _status(phase: Phase) -> str:
    return {Phase.NOT_STARTED: "not started", Phase.RUNNING: "speaking",
            Phase.PAUSED: "paused", Phase.ENDED: "finished"}.get(phase, str(phase))

