"""What a committed action changed: which sessions and which kinds of data.

Views filter on it: a clock tick touches ``CLOCK`` of one session, so the questions table
need not re-read anything. A change set is a value (frozen, hashable) so it can cross threads
and be merged.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Kind(enum.Enum):
    """One kind of data a view may show."""

    SLOTS = "slots"  # a session's speakers list (order, names, done/skipped)
    CLOCK = "clock"  # running/paused timer, durations
    QUESTIONS = "questions"  # audience questions and their moderation state
    NOTES = "notes"  # rapporteur notes
    SUMMARY = "summary"  # the session's summary text
    SESSION = "session"  # a session's own fields, or sessions added/removed
    EVENT = "event"  # event-wide fields (name, time zone, devices)
    STAGE = "stage"  # what the projector shows
    TEAM = "team"  # the team's role links (created, revoked)


@dataclass(frozen=True)
class Changes:
    """The sessions and kinds one action touched.

    ``session_ids`` empty means "no particular session" (event-wide kinds); ``kinds`` empty
    means nothing changed (a command that turned out to be a no-op).
    """

    session_ids: frozenset[int] = frozenset()
    kinds: frozenset[Kind] = frozenset()

    @classmethod
    def of(cls, session_id: int | None, *kinds: Kind) -> Changes:
        """Changes of ``kinds`` in one session (or none: ``session_id=None``)."""
        ids = frozenset() if session_id is None else frozenset({int(session_id)})
        return cls(ids, frozenset(kinds))

    @classmethod
    def none(cls) -> Changes:
        return cls()

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.session_ids | other.session_ids, self.kinds | other.kinds)

    def touches(self, kind: Kind, session_id: int | None = None) -> bool:
        """True if ``kind`` changed — in ``session_id`` when given.

        A change set without sessions is event-wide and touches every session.
        """
        if kind not in self.kinds:
            return False
        if session_id is None or not self.session_ids:
            return True
        return int(session_id) in self.session_ids
