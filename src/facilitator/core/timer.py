"""The speaker timer: a state machine from which remaining time is derived, never ticked.

A timer is a handful of instants and totals (planned, started, paused, adjusted, ended).
Remaining time is computed from them and a clock reading, so it survives a restart (the
instants are wall-clock, persisted on every transition) and never drifts (no counting).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

# format_clock lives with the one rounding rule; it is imported from here by many callers.
from facilitator.core.clock_text import countdown_seconds, format_clock

__all__ = ["Level", "Phase", "TimerState", "format_clock"]


class Phase(enum.StrEnum):
    """Where a speaker's clock is: not started, running, paused or ended."""
    NOT_STARTED = "not_started"
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"


class Level(enum.StrEnum):
    """How urgent the countdown looks; shown by colour *and* by text/shape."""

    NORMAL = "normal"
    WARNING = "warning"
    DANGER = "danger"
    OVERTIME = "overtime"


@dataclass(frozen=True)
class TimerState:
    """One speaking slot's clock. Transitions that do not apply return the state unchanged,
    so a key pressed twice never corrupts it.

    ``until`` (epoch seconds) is a speaker given "until 10:45" instead of minutes: the
    planned time then runs from their start to that instant, so a late start leaves them
    less time and the countdown reaches 0:00 at 10:45 exactly. Before they start, the time
    they would have if they started now; ``planned`` is only an estimate for them.
    """

    planned: float
    started_at: float | None = None
    paused_at: float | None = None
    paused_total: float = 0.0
    adjustment: float = 0.0
    ended_at: float | None = None
    until: float | None = None

    @property
    def phase(self) -> Phase:
        if self.started_at is None:
            return Phase.NOT_STARTED
        if self.ended_at is not None:
            return Phase.ENDED
        if self.paused_at is not None:
            return Phase.PAUSED
        return Phase.RUNNING

    def planned_at(self, now: float) -> float:
        """Planned seconds: the minutes given, or the time from the start to ``until``."""
        if self.until is None:
            return self.planned
        return max(0.0, self.until - (self.started_at if self.started_at is not None else now))

    @property
    def allowed(self) -> float:
        """Planned time plus whatever the moderator added or removed (for a speaker given
        "until" who has not started yet: from the estimate; ``allowed_at`` knows better)."""
        if self.until is None or self.started_at is None:
            return self.planned + self.adjustment
        return self.planned_at(self.started_at) + self.adjustment

    def allowed_at(self, now: float) -> float:
        """Planned time at ``now`` plus whatever the moderator added or removed."""
        return self.planned_at(now) + self.adjustment

    def elapsed(self, now: float) -> float:
        """Speaking time so far: pauses never count."""
        if self.started_at is None:
            return 0.0
        until = now
        if self.paused_at is not None:
            until = self.paused_at
        if self.ended_at is not None:
            until = self.ended_at if self.paused_at is None else self.paused_at
        return max(0.0, until - self.started_at - self.paused_total)

    def paused_seconds(self, now: float) -> float:
        """All paused time, including a pause still going on."""
        ongoing = 0.0
        if self.paused_at is not None:
            until = self.ended_at if self.ended_at is not None else now
            ongoing = max(0.0, until - self.paused_at)
        return self.paused_total + ongoing

    def remaining(self, now: float) -> float:
        """Seconds left; negative once the speaker is over time."""
        return self.allowed_at(now) - self.elapsed(now)

    def overtime(self, now: float) -> float:
        return max(0.0, -self.remaining(now))

    def level(self, now: float, warning: float, danger: float) -> Level:
        """Judged on the seconds the countdown shows, so colour, words and digits change at
        the same instant: over time when the minus sign appears (a full second over)."""
        left = countdown_seconds(self.remaining(now))
        if left < 0:
            return Level.OVERTIME
        if left <= danger:
            return Level.DANGER
        if left <= warning:
            return Level.WARNING
        return Level.NORMAL

    # --- transitions -------------------------------------------------------------------

    def start(self, now: float) -> TimerState:
        if self.phase is not Phase.NOT_STARTED:
            return self
        return replace(self, started_at=now)

    def pause(self, now: float) -> TimerState:
        if self.phase is not Phase.RUNNING:
            return self
        return replace(self, paused_at=now)

    def resume(self, now: float) -> TimerState:
        if self.phase is not Phase.PAUSED:
            return self
        assert self.paused_at is not None
        return replace(
            self, paused_at=None, paused_total=self.paused_total + max(0.0, now - self.paused_at)
        )

    def toggle(self, now: float) -> TimerState:
        """Space bar: start, pause or resume, whichever applies."""
        if self.phase is Phase.NOT_STARTED:
            return self.start(now)
        if self.phase is Phase.RUNNING:
            return self.pause(now)
        return self.resume(now)

    def adjust(self, seconds: float) -> TimerState:
        """Add (or, negative, remove) speaking time; allowed time never goes below zero."""
        if self.phase is Phase.ENDED:
            return self
        adjustment = max(-(self.allowed - self.adjustment), self.adjustment + seconds)
        return replace(self, adjustment=adjustment)

    def finish(self, now: float) -> TimerState:
        """End the slot: a running or paused speaker stops; pauses are folded in."""
        if self.phase in (Phase.NOT_STARTED, Phase.ENDED):
            return self
        state = self.resume(now) if self.phase is Phase.PAUSED else self
        return replace(state, ended_at=now)

    def reopen(self) -> TimerState:
        """Go back to a finished slot (moderator pressed Previous): it continues paused
        from where it stopped, so the time already spoken still counts."""
        if self.phase is not Phase.ENDED:
            return self
        assert self.ended_at is not None
        return replace(self, ended_at=None, paused_at=self.ended_at)
