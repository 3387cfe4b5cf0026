"""Whether the event has team links still live (store/role_links.py has the links): read by
the room keeper as the window starts, without the team's roles and rules (core/team.py)."""

from __future__ import annotations

import sqlite3

from facilitator.store.event_file import EventFile, EventFileError


def has_live_role_links(ef: EventFile) -> bool:
    """True when some role link is not revoked (``list_role_links`` would list it).

    Raises EventFileError when the table cannot be read.
    """
    try:
        return ef.db.execute(
            "SELECT 1 FROM role_links WHERE revoked_at IS NULL LIMIT 1").fetchone() is not None
    except sqlite3.Error as error:
        raise EventFileError(f"could not read the team's links: {error}") from None
