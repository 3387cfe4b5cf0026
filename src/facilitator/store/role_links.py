"""The team's role links in the event file (table ``role_links``, core/team.py).

A link is never deleted: revoking it stamps ``revoked_at``, so the file keeps which
devices were let in and when they were shut out.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from facilitator.core.team import Role, RoleLink
from facilitator.store.event_file import EventFile, EventFileError

TOKEN_BYTES = 32  # 256 random bits: ~43 URL-safe characters, beyond any guessing

_COLUMNS = "token, role, name, created_at, revoked_at"


def _link(row: tuple[Any, ...]) -> RoleLink:
    return RoleLink(token=row[0], role=Role(row[1]), name=row[2], created_at=row[3],
                    revoked_at=row[4])


def create_role_link(ef: EventFile, role: Role, name: str, *, now: float) -> RoleLink:
    """A new link for ``role`` with a fresh token, committed with its log line (the log
    names the role and name, never the token). Raises EventFileError."""
    import secrets  # with hashlib and OpenSSL: ~3 ms the window's start does not need

    link = RoleLink(secrets.token_urlsafe(TOKEN_BYTES), role, name, now)
    with ef.action("role_link_created", role=role.value, name=name):
        ef.db.execute(f"INSERT INTO role_links ({_COLUMNS}) VALUES (?, ?, ?, ?, ?)",
                      [link.token, role.value, name, now, None])
    return link


def revoke_role_link(ef: EventFile, token: str, *, now: float) -> RoleLink | None:
    """Stamp the link revoked (a link already revoked keeps its first stamp); the link as
    it now is, or None when there is no such token. Raises EventFileError."""
    link = role_link(ef, token)
    if link is None:
        return None
    if link.revoked_at is not None:
        return link
    with ef.action("role_link_revoked", role=link.role.value, name=link.name):
        ef.db.execute("UPDATE role_links SET revoked_at = ? WHERE token = ?", [now, token])
    return RoleLink(link.token, link.role, link.name, link.created_at, now)


def role_link(ef: EventFile, token: str) -> RoleLink | None:
    """The link with this token, revoked or not; None when there is none."""
    try:
        row = ef.db.execute(f"SELECT {_COLUMNS} FROM role_links WHERE token = ?",
                            [token]).fetchone()
    except sqlite3.Error as error:
        raise EventFileError(f"could not read the team's links: {error}") from None
    return _link(row) if row else None


def list_role_links(ef: EventFile, *, include_revoked: bool = False) -> list[RoleLink]:
    """The event's links, oldest first; live ones only unless ``include_revoked``."""
    where = "" if include_revoked else "WHERE revoked_at IS NULL"
    try:
        rows = ef.db.execute(f"SELECT {_COLUMNS} FROM role_links {where} "
                             "ORDER BY created_at, rowid").fetchall()
    except sqlite3.Error as error:
        raise EventFileError(f"could not read the team's links: {error}") from None
    return [_link(row) for row in rows]
