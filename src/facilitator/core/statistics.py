"""Speaking-time statistics of a session: who spoke how long, against the plan."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from facilitator.core.model import Slot
from facilitator.core.timer import Phase

UNSPECIFIED = "not stated"


@dataclass(frozen=True)
class SpeakingTime:
    """Planned and actual seconds for one speaker, constituency or gender."""

    label: str
    planned: float
    actual: float
    turns: int

    @property
    def difference(self) -> float:
        return self.actual - self.planned


@dataclass(frozen=True)
class SessionStatistics:
    """Speaking time of a session by speaker, constituency and gender."""
    by_speaker: tuple[SpeakingTime, ...]
    by_constituency: tuple[SpeakingTime, ...]
    by_gender: tuple[SpeakingTime, ...]
    planned_total: float
    actual_total: float
    overtime_total: float
    spoken_turns: int


def _group(slots: Iterable[Slot], key, now: float) -> tuple[SpeakingTime, ...]:
    totals: dict[str, list[float]] = {}
    for slot in slots:
        label = key(slot) or UNSPECIFIED
        entry = totals.setdefault(label, [0.0, 0.0, 0])
        entry[0] += slot.planned_seconds
        entry[1] += slot.clock.elapsed(now)
        entry[2] += 1 if slot.phase is not Phase.NOT_STARTED else 0
    rows = [SpeakingTime(label, planned, actual, int(turns))
            for label, (planned, actual, turns) in totals.items()]
    return tuple(sorted(rows, key=lambda row: (-row.actual, -row.planned, row.label)))


def session_statistics(slots: Iterable[Slot], now: float) -> SessionStatistics:
    slots = list(slots)
    return SessionStatistics(
        by_speaker=_group(slots, lambda s: s.person.name, now),
        by_constituency=_group(slots, lambda s: s.person.constituency, now),
        by_gender=_group(slots, lambda s: s.person.gender, now),
        planned_total=float(sum(s.planned_seconds for s in slots)),
        actual_total=sum(s.clock.elapsed(now) for s in slots),
        overtime_total=sum(s.clock.overtime(now) for s in slots
                           if s.phase is not Phase.NOT_STARTED),
        spoken_turns=sum(1 for s in slots if s.phase is not Phase.NOT_STARTED),
    )
