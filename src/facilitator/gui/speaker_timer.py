"""The moderator's clock keys for one session, each a command run by the window's runner.

The commands (facilitator.actions.speakers) read the speakers list inside their own
transaction and compute the new clock states with the pure functions of ``core``; nothing
is kept here between key presses, so a restarted process picks up exactly where the file
says the clock is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from facilitator.actions.ids import SessionId, SlotId
from facilitator.core import session_clock as plan
from facilitator.core.model import Session, Slot
from facilitator.gui.document import EventDocument
from facilitator.gui.runner import CommandRunner

# The command layer is imported with the first key (each method), not before the window's
# first paint (issue 17; gui/runner.py).
if TYPE_CHECKING:
    from facilitator.actions.command import Command, Done

FLOOR_SECONDS = 180  # a floor intervention is short unless the moderator says otherwise


class SpeakerTimer:
    """Start, pause, next, previous, add time, floor requests for ``session_id``."""

    def __init__(self, document: EventDocument, parent_widget=None, *,
                 runner: CommandRunner | None = None) -> None:
        self.document = document
        self.parent_widget = parent_widget
        self.runner = runner or document.runner
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
        from facilitator.actions import speakers

        return self._changed(lambda sid: speakers.toggle(sid, self.document.clock.now()))

    def step(self, step: int) -> bool:
        """Next (+1) or Previous (-1)."""
        from facilitator.actions import speakers

        return self._changed(lambda sid: speakers.step(sid, self.document.clock.now(), step))

    def adjust(self, seconds: int) -> bool:
        """Add (or take away) speaking time from the current speaker."""
        from facilitator.actions import speakers

        return self._changed(lambda sid: speakers.adjust(sid, seconds))

    def add_floor_request(self, name: str, seconds: int = FLOOR_SECONDS) -> int | None:
        """A request from the floor: joins the list before the closing remarks."""
        from facilitator.actions import speakers

        return self._added(lambda sid: speakers.add_floor_request(sid, name, seconds))

    def readd_last_speaker(self) -> int | None:
        """The speaker who just finished gets another turn, right after the current one."""
        from facilitator.actions import speakers

        return self._added(lambda sid: speakers.readd_last_speaker(
            sid, self.document.clock.now()))

    def add_speaker(self, slot: Slot, after: int | None = None) -> int | None:
        """Add ``slot`` after the selected turn ``after`` (a slot id) if it is still to
        come, else before the closing remarks (``actions.speakers.add_speaker``)."""
        from facilitator.actions import speakers

        return self._added(lambda sid: speakers.add_speaker(
            sid, slot, after=None if after is None else SlotId(after)))

    # --- running --------------------------------------------------------------------------

    def _run(self, make: Callable[[SessionId], Command]) -> Done | None:
        if self.session_id is None:
            return None
        return self.runner.run(make(SessionId(self.session_id)), self.parent_widget)

    def _changed(self, make: Callable[[SessionId], Command]) -> bool:
        """True when the command changed the clock (False: nothing to do, or refused)."""
        done = self._run(make)
        return bool(done is not None and done.changes)

    def _added(self, make: Callable[[SessionId], Command]) -> int | None:
        """The new slot's id (None: nothing added)."""
        done = self._run(make)
        return int(done.result) if done is not None and done.changes else None
