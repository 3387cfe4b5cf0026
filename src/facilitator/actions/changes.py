"""What a committed action changed: which sessions and which kinds of data.

Views filter on it: a clock tick touches ``CLOCK`` of one session, so the questions table
need not re-read anything. A change set is a value (frozen, hashable) so it can cross threads
and be merged.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from facilitator.core.model import Session


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
    # The stage notice alone (the message to the speaker, blink, blackout): a kind of its
    # own so a clock key, which changes the stage too, makes no view read the notice again.
    NOTICE = "notice"
    TEAM = "team"  # the team's role links (created, revoked)
    FLOOR = "floor"  # delegates' requests for the floor, and the session's floor settings
    POLLS = "polls"  # live polls, their state and their answers


@dataclass(frozen=True)
class Changes:
    """The sessions and kinds one action touched.

    ``session_ids`` empty means "no particular session" (event-wide kinds); ``kinds`` empty
    means nothing changed (a command that turned out to be a no-op). ``known``: sessions
    (with their slots) as they are after the change, when the command knew them without
    reading again (a clock key reads the list to decide and writes the clocks it decided):
    views take them instead of reading the file again. Not part of the value's identity.
    """

    session_ids: frozenset[int] = frozenset()
    kinds: frozenset[Kind] = frozenset()
    known: tuple[Session, ...] = field(default=(), compare=False)

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
        # A session ``other`` touched without knowing it is no longer what ``self`` knew.
        touched = other.session_ids if other.session_ids or not other.kinds else None
        kept = tuple(s for s in self.known
                     if touched is not None and s.id not in touched)
        return Changes(self.session_ids | other.session_ids, self.kinds | other.kinds,
                       kept + other.known)

    def knowing(self, sessions: Iterable[Session]) -> Changes:
        """These changes, with the state after them of sessions they touched."""
        known = tuple(sessions)
        if any(s.id is None or s.id not in self.session_ids for s in known):
            raise ValueError("a change set knows only sessions it touched")
        return replace(self, known=known)

    def touches(self, kind: Kind, session_id: int | None = None) -> bool:
        """True if ``kind`` changed — in ``session_id`` when given.

        A change set without sessions is event-wide and touches every session.
        """
        if kind not in self.kinds:
            return False
        if session_id is None or not self.session_ids:
            return True
        return int(session_id) in self.session_ids
