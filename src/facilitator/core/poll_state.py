"""Where a poll is in its life, apart from the poll's rules (core/polls.py): the room keeper
asks which polls are open as the window starts, before those rules are loaded."""

from __future__ import annotations

import enum


class PollState(enum.Enum):
    PREPARED = "prepared"  # written before or during the session, not shown to phones
    OPEN = "open"  # on the phones, taking answers (one per session at a time)
    CLOSED = "closed"  # answers kept, no more taken
