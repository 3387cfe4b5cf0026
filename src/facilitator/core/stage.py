"""What the moderator put on the stage besides the clock: a message, and the blackout.

The projector shows it, and so does the podium view on a phone or tablet: both read it
from the event file (store/stage.py), so a podium served from the server thread, or after a
restart, shows the same thing as the projector.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.core.text import normalise_text

MESSAGE_LIMIT = 200  # characters; the message dialog allows no more either


@dataclass(frozen=True)
class StageNotice:
    """The moderator's message to the speaker and the blackout, for one session's stage.

    ``session_id`` is the session the Run tab shows: the podium of another session shows
    neither (its speaker is not on this stage).
    """

    session_id: int | None = None
    message: str = ""
    blink: bool = False
    blackout: bool = False

    def for_session(self, session_id: int | None) -> StageNotice:
        """This notice as the podium of ``session_id`` sees it (empty for another session)."""
        if session_id is None or session_id != self.session_id:
            return StageNotice(session_id)
        return self

    def cleaned(self) -> StageNotice:
        """The message through ``normalise_text`` (whitespace runs folded, controls and
        hiding characters gone), at most MESSAGE_LIMIT characters; no blink without text."""
        # The project's text rule (hiding and control characters gone, whitespace folded),
        # whoever typed it: the laptop, a timekeeper's page or a Stream Deck.
        message = normalise_text(self.message)[:MESSAGE_LIMIT]
        return StageNotice(self.session_id, message, bool(message) and self.blink,
                           self.blackout)
