"""Domain values of an event: panels (sessions), people, speaking slots."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from facilitator.core.timer import Phase, TimerState


class SlotKind(enum.StrEnum):
    """What a speaking slot is for, in the order a panel usually runs."""
    OPENING = "opening"
    KEYNOTE = "keynote"
    PANELLIST = "panellist"
    FLOOR = "floor"
    CLOSING = "closing"

    @property
    def label(self) -> str:
        return SLOT_KIND_LABELS[self]


SLOT_KIND_LABELS = {
    SlotKind.OPENING: "Opening remarks",
    SlotKind.KEYNOTE: "Keynote",
    SlotKind.PANELLIST: "Panellist",
    SlotKind.FLOOR: "Intervention from the floor",
    SlotKind.CLOSING: "Closing remarks",
}

CONSTITUENCIES = (
    "Local and regional governments",
    "National governments",
    "UN and international organisations",
    "Civil society",
    "Private sector",
    "Academia",
)

GENDERS = ("", "woman", "man", "non-binary", "prefers not to say")

DEFAULT_WARNING_SECONDS = 60
DEFAULT_DANGER_SECONDS = 30


def _strong_direction(text: str, *, last: bool) -> str:
    """The bidi class of the first (or last) letter of ``text`` with a direction of its own."""
    import unicodedata  # here: the window's first paint never needs it (start-up time)

    for char in reversed(text) if last else text:
        kind = unicodedata.bidirectional(char)
        if kind in ("L", "R", "AL"):
            return kind
    return ""


def comma_joined(*parts: str) -> str:
    """The non-empty ``parts`` as a list line ("Mayor, City of Lyon"), each comma in the
    script around it: a Latin comma between two Arabic-script words reads as a foreign mark
    on the podium and in print; Arabic, Persian and Urdu write "،"."""
    line = ""
    for part in (part for part in parts if part):
        if line:
            arabic = _strong_direction(line, last=True) == "AL" == \
                _strong_direction(part, last=False)
            line += "، " if arabic else ", "
        line += part
    return line


@dataclass(frozen=True)
class Person:
    """Someone on the speakers list, with what the report and statistics need."""
    name: str
    role: str = ""
    organisation: str = ""
    constituency: str = ""
    gender: str = ""
    country: str = ""
    id: int | None = None

    @property
    def affiliation(self) -> str:
        """"Mayor, City of Lyon" style line for lists, the projector and the report; "وزير،
        المملكة" with the Arabic comma when both sides of the join are in Arabic script."""
        return comma_joined(self.role, self.organisation)


@dataclass(frozen=True)
class Slot:
    """A turn on the speakers list.

    ``until_at`` (epoch seconds): the speaker was given "until 10:45" rather than minutes;
    ``planned_seconds`` is then only the estimate made when it was set. ``added_live``: the
    turn joined the list once the session was under way (a floor request, a re-added
    speaker), so it is not part of the plan the session is measured against.
    """

    person: Person
    kind: SlotKind = SlotKind.PANELLIST
    planned_seconds: int = 300
    position: int = 0
    timer: TimerState | None = None
    session_id: int | None = None
    id: int | None = None
    until_at: float | None = None
    added_live: bool = False

    @property
    def clock(self) -> TimerState:
        return self.timer or TimerState(planned=float(self.planned_seconds), until=self.until_at)

    @property
    def stored_id(self) -> int:
        """The id of a slot read from the event file; ValueError for one not stored yet."""
        if self.id is None:
            raise ValueError(f"the slot of {self.person.name!r} is not stored yet")
        return self.id

    @property
    def phase(self) -> Phase:
        return self.clock.phase


@dataclass(frozen=True)
class Session:
    """A panel: its plan, its people and its settings."""

    title: str
    description: str = ""
    room: str = ""
    starts_at: str = ""  # ISO 8601 local time of the venue, "2026-05-18T10:00"
    ends_at: str = ""
    moderator: str = ""
    rapporteur: str = ""
    guiding_questions: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    position: int = 0
    warning_seconds: int = DEFAULT_WARNING_SECONDS
    danger_seconds: int = DEFAULT_DANGER_SECONDS
    chime: bool = False
    join_token: str = ""
    short_code: str = ""
    speaker_token: str = ""
    questions_open: bool = False
    auto_approve: bool = False
    watch_words: tuple[str, ...] = ()
    current_slot_id: int | None = None
    slots: tuple[Slot, ...] = field(default=(), compare=False)
    id: int | None = None
    # Prepared live polls (core.polls.Poll) as agenda files carry them; None: the file
    # named none (an import then leaves the session's polls as they are).
    polls: tuple[Any, ...] | None = field(default=(), compare=False)

    @property
    def stored_id(self) -> int:
        """The id of a session read from the event file; ValueError for one not stored."""
        if self.id is None:
            raise ValueError(f"the session {self.title!r} is not stored yet")
        return self.id


@dataclass(frozen=True)
class Event:
    """The event an event file holds (the assembly, conference or forum)."""
    title: str
    description: str = ""
    venue: str = ""
    starts_on: str = ""
    ends_on: str = ""
    time_zone: str = ""  # IANA name ("Europe/Paris"): every time is shown in it
    id: int | None = None
