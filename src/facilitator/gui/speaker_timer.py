"""The moderator's clock commands for one session, each persisted the moment it happens.

Every command reads the speakers list from the event file, computes the new clock states
with the pure functions of ``core``, writes them through ``store`` as one action and
tells the document. Nothing is kept here between commands, so a restarted process picks
up exactly where the file says the clock is.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from facilitator.core import session_clock as plan
from facilitator.core.model import Person, Session, Slot, SlotKind
from facilitator.core.timer import Phase
from facilitator.gui.document import FAILED, EventDocument, attempt
from facilitator.store import sessions as store

FLOOR_SECONDS = 180  # a floor intervention is short unless the moderator says otherwise


class SpeakerTimer:
    """Start, pause, next, previous, add time, floor requests for ``session_id``."""

    def __init__(self, document: EventDocument, parent_widget=None) -> None:
        self.document = document
        self.parent_widget = parent_widget
        self.session_id: int | None = None

    # --- reading --------------------------------------------------------------------------

    def session(self) -> Session | None:
        if self.session_id is None:
            return None
        return self.document.session_state.session(self.session_id)

    def current(self) -> Slot | None:
        session = self.session()
        if session is None:
            return None
        return plan.current_slot(session.slots, session.current_slot_id)

    # --- commands -------------------------------------------------------------------------

    def toggle(self) -> bool:
        """Space: start the current speaker, pause them, or resume."""
        session = self.session()
        if session is None:
            return False
        slot = plan.current_slot(session.slots, session.current_slot_id)
        if slot is None:
            return False
        now = self.document.clock.now()
        clock = slot.clock
        if slot.phase is Phase.ENDED:  # back on a finished speaker: let them continue
            clock = clock.reopen()
        new = clock.toggle(now)
        action = {Phase.NOT_STARTED: "timer_started", Phase.RUNNING: "timer_paused",
                  Phase.PAUSED: "timer_resumed"}[clock.phase]
        # The cursor moves with the clock in the same action: a crash can't separate them.
        return self._write(lambda: store.move_to_slot(
            self.document.file, session.id, [(slot.id, new)], slot.id, action))

    def step(self, step: int) -> bool:
        """Next (+1) or Previous (-1)."""
        session = self.session()
        if session is None:
            return False
        move = plan.move(session.slots, session.current_slot_id, self.document.clock.now(), step)
        if move is None:
            return False
        action = "next_speaker" if step > 0 else "previous_speaker"
        return self._write(lambda: store.move_to_slot(
            self.document.file, session.id, list(move.changes), move.current_slot_id, action))

    def adjust(self, seconds: int) -> bool:
        """Add (or take away) speaking time from the current speaker."""
        slot = self.current()
        if slot is None or slot.phase is Phase.ENDED:
            return False
        new = slot.clock.adjust(seconds)
        if new == slot.clock:
            return False
        return self._write(lambda: store.save_timer(
            self.document.file, slot.id, new, "time_adjusted", seconds=seconds))

    def add_floor_request(self, name: str, seconds: int = FLOOR_SECONDS) -> int | None:
        """A request from the floor: joins the list before the closing remarks."""
        session = self.session()
        name = " ".join(name.split())
        if session is None or not name:
            return None
        at = plan.floor_position(session.slots, session.current_slot_id)
        slot = Slot(person=Person(name=name), kind=SlotKind.FLOOR, planned_seconds=seconds)
        return self._add(session.id, slot, at)

    def readd_last_speaker(self) -> int | None:
        """The speaker who just finished gets another turn, right after the current one."""
        session = self.session()
        if session is None:
            return None
        last = plan.last_speaker(session.slots)
        if last is None:
            return None
        planned = last.planned_seconds
        if last.until_at is not None:  # their "until" has passed: the time it gave them
            planned = max(1, round(last.clock.planned_at(self.document.clock.now())))
        slot = Slot(person=last.person, kind=last.kind, planned_seconds=planned)
        return self._add(session.id, slot,
                         plan.after_current_position(session.slots, session.current_slot_id))

    def add_speaker(self, slot: Slot) -> int | None:
        if self.session_id is None:
            return None
        return self._add(self.session_id, slot, None)

    # --- writing --------------------------------------------------------------------------

    def _add(self, session_id: int, slot: Slot, at: int | None) -> int | None:
        session = self.session()
        if session is not None and any(s.phase is not Phase.NOT_STARTED for s in session.slots):
            # Joined once the session was under way: it makes the session run behind, it
            # does not move the plan (core/session_clock.py).
            slot = replace(slot, added_live=True)
        slot_id = attempt(self.parent_widget,
                          QCoreApplication.translate("SpeakerTimer", "Could not add the speaker"),
                          lambda: store.add_slot(self.document.file, session_id, slot, at=at))
        if slot_id is FAILED:
            return None
        self.document.slots_did_change.emit(session_id)
        return slot_id

    def _write(self, write) -> bool:
        what = QCoreApplication.translate("SpeakerTimer", "Could not save the clock")
        if attempt(self.parent_widget, what, write) is FAILED:
            return False
        self.document.slots_did_change.emit(self.session_id)
        return True
