"""Where a floor request stands, as the delegate's phone shows it.

Apart from ``core/floor.py``: only the phone server needs it, and the Run tab's floor
panel imports core.floor before the window's first paint (a frozen dataclass is ~0.6 ms
to make). Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from facilitator.core.floor import FloorRequest, FloorStatus
from facilitator.core.model import Slot
from facilitator.core.session_clock import current_slot
from facilitator.core.timer import Phase


@dataclass(frozen=True)
class PhoneView:
    """What the delegate's phone says of one request: ``state`` is waiting (``place`` in
    the queue), listed (``ahead``: speakers before them), next, speaking, done, declined,
    withdrawn or removed (accepted, then taken off the list)."""

    state: str
    place: int = 0
    ahead: int = 0


def phone_view(request: FloorRequest, waiting: Sequence[FloorRequest],
               slots: Sequence[Slot], current_slot_id: int | None) -> PhoneView:
    """Where ``request`` stands: ``waiting`` is the session's queue (``queue``), ``slots``
    its speakers list in order."""
    if request.status is FloorStatus.WAITING:
        ids = [r.id for r in waiting]
        return PhoneView("waiting", place=ids.index(request.id) + 1 if request.id in ids else 0)
    if request.status is not FloorStatus.ACCEPTED:
        return PhoneView(request.status.value)
    mine = next((s for s in slots if s.id == request.slot_id), None)
    if mine is None:
        return PhoneView("removed")
    if mine.phase is Phase.ENDED:
        return PhoneView("done")
    current = current_slot(slots, current_slot_id)
    if current is not None and current.id == mine.id:
        return PhoneView("next" if mine.phase is Phase.NOT_STARTED else "speaking")
    slot_ids = [s.id for s in slots]
    start = slot_ids.index(current.id) if current is not None else 0
    ahead = sum(1 for s in slots[start:slot_ids.index(mine.id)] if s.phase is not Phase.ENDED)
    if current is None or slot_ids.index(mine.id) < start:
        # Before the cursor (moved back past it) or the list is done: they wait for the
        # moderator to come to them.
        return PhoneView("listed", ahead=max(ahead, 1))
    if ahead <= 1:
        return PhoneView("next", ahead=ahead)
    return PhoneView("listed", ahead=ahead)
