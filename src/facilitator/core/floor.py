"""Delegates asking for the floor from their phones: the kinds of request, their default
speaking times and the order of the waiting queue (where a request stands for its phone:
``core/floor_phone.py``).

As OpenSlides and the UN's e-Speakers do it: a delegate asks for an intervention, a right
of reply or a point of order; the moderator accepts a request into the speakers list (a
point of order goes first, right after the speaker who has the floor) or declines it.
Pure: no I/O, no clock.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from facilitator.core.model import CONSTITUENCIES, Slot
from facilitator.core.question_text import QuestionError, clean_name
from facilitator.core.session_clock import current_slot
from facilitator.core.timer import Phase


class FloorKind(enum.StrEnum):
    """What the delegate asks the floor for."""

    INTERVENTION = "intervention"
    REPLY = "reply"  # a right of reply
    POINT_OF_ORDER = "point_of_order"

    @property
    def label(self) -> str:
        return FLOOR_KIND_LABELS[self]


FLOOR_KIND_LABELS = {
    FloorKind.INTERVENTION: "Intervention",
    FloorKind.REPLY: "Right of reply",
    FloorKind.POINT_OF_ORDER: "Point of order",
}

# Seconds each kind gets on the speakers list unless the session says otherwise.
DEFAULT_SECONDS: Mapping[FloorKind, int] = {
    FloorKind.INTERVENTION: 180,
    FloorKind.REPLY: 120,
    FloorKind.POINT_OF_ORDER: 60,
}
MAX_SECONDS = 30 * 60


class FloorStatus(enum.StrEnum):
    """Where a request stands with the moderator."""

    WAITING = "waiting"
    ACCEPTED = "accepted"  # on the speakers list (its slot)
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"  # by the delegate, from their phone


@dataclass(frozen=True)
class FloorRequest:
    """One request for the floor as stored."""

    id: int
    session_id: int
    kind: FloorKind
    name: str
    status: FloorStatus
    created_at: float
    updated_at: float = 0.0
    organisation: str = ""
    constituency: str = ""
    on_behalf_of: str = ""
    slot_id: int | None = None
    device_id: str = ""

    @property
    def affiliation(self) -> str:
        """"City of Lyon, Local and regional governments": organisation and constituency."""
        return ", ".join(p for p in (self.organisation, self.constituency) if p)


@dataclass(frozen=True)
class FloorSettings:
    """A session's floor requests: taken from phones or not, and each kind's seconds."""

    open: bool = False
    seconds: Mapping[FloorKind, int] = field(default_factory=lambda: dict(DEFAULT_SECONDS))

    def seconds_for(self, kind: FloorKind) -> int:
        return int(self.seconds.get(kind, DEFAULT_SECONDS[kind]))


class FloorError(QuestionError):
    """A request that cannot be accepted; ``reason`` is a code the phone page says in its
    own language ("closed", "already_waiting", "name_empty", …)."""


def clean_request(name: object, organisation: object, constituency: object,
                  on_behalf_of: object, kind: object) -> tuple[str, str, str, str, FloorKind]:
    """The request's fields as stored: text cleaned as typed (core.text rules), lengths
    checked, the kind and constituency one of the app's. Raises FloorError."""
    try:
        name = clean_name(name)
        organisation = clean_name(organisation, "organisation")
        on_behalf_of = clean_name(on_behalf_of, "group")
    except QuestionError as error:
        reason = "too_long" if "too long" in str(error) else "invalid"
        raise FloorError(str(error), reason) from None
    if not name:
        raise FloorError("the name is empty", "name_empty")
    if constituency in (None, ""):
        constituency = ""
    elif constituency not in CONSTITUENCIES:
        raise FloorError("that constituency is not one of the list", "invalid")
    try:
        kind = FloorKind(kind) if isinstance(kind, str) else None
    except ValueError:
        kind = None
    if kind is None:
        raise FloorError("ask for an intervention, a right of reply or a point of order",
                         "invalid")
    return name, organisation, str(constituency), on_behalf_of, kind


def clean_seconds(seconds: Mapping[FloorKind, int] | Mapping[str, object]
                  ) -> dict[FloorKind, int]:
    """Each kind's speaking time, whole seconds within 1 s and 30 min, keyed by kind or
    its value (as stored); ValueError for an unknown kind or a time out of range."""
    cleaned = dict(DEFAULT_SECONDS)
    for key, value in seconds.items():
        kind = FloorKind(key)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_SECONDS:
            raise ValueError(f"{kind.value}: speaking time must be 1 s to 30 min")
        cleaned[kind] = value
    return cleaned


def queue(requests: Iterable[FloorRequest]) -> list[FloorRequest]:
    """The waiting requests in the order "accept next" takes them: points of order first
    (they interrupt the debate), then everyone by arrival."""
    waiting = [r for r in requests if r.status is FloorStatus.WAITING]
    return sorted(waiting, key=lambda r: (r.kind is not FloorKind.POINT_OF_ORDER,
                                          r.created_at, r.id))


def point_of_order_position(slots: Sequence[Slot], current_slot_id: int | None,
                            order_slot_ids: Iterable[int]) -> int:
    """Where an accepted point of order joins the list (1-based, for ``add_slot(at=)``):
    right after the current speaker, after points of order already waiting there (the
    first raised is heard first)."""
    orders = set(order_slot_ids)
    current = current_slot(slots, current_slot_id)
    ids = [s.id for s in slots]
    index = 0 if current is None else ids.index(current.id) + 1
    while index < len(slots) and slots[index].id in orders \
            and slots[index].phase is Phase.NOT_STARTED:
        index += 1
    return index + 1
