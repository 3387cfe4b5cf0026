"""Speaking-time statistics of a session: who spoke how long, against the plan.

Every figure is in whole seconds by core.clock_text's rule, taken per turn before adding
up, so the rows of a table add up to its total and match what the clocks showed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from facilitator.core.clock_text import countdown_seconds, whole
from facilitator.core.model import Slot
from facilitator.core.session_clock import overtime_seconds
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


def planned_seconds(slot: Slot, now: float) -> int:
    """A turn's planned time as its countdown showed it at the start (for "until 10:45":
    from the speaker's start, or from ``now`` while they wait)."""
    return countdown_seconds(slot.clock.planned_at(now))


def spoken_seconds(slot: Slot, now: float) -> int:
    """Whole seconds spoken in a turn so far."""
    return whole(slot.clock.elapsed(now))


def _group(slots: Iterable[Slot], key: Callable[[Slot], str],
           now: float) -> tuple[SpeakingTime, ...]:
    totals: dict[str, list[float]] = {}
    for slot in slots:
        label = key(slot) or UNSPECIFIED
        entry = totals.setdefault(label, [0.0, 0.0, 0])
        entry[0] += planned_seconds(slot, now)
        entry[1] += spoken_seconds(slot, now)
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
        planned_total=float(sum(planned_seconds(s, now) for s in slots)),
        actual_total=float(sum(spoken_seconds(s, now) for s in slots)),
        overtime_total=float(sum(overtime_seconds(s, now) for s in slots)),
        spoken_turns=sum(1 for s in slots if s.phase is not Phase.NOT_STARTED),
    )
