"""The event's secret for signing phones' device ids (kept in the event file's settings)."""

from __future__ import annotations

import secrets
import sqlite3

from facilitator.store.event_file import EventFile, EventFileError

DEVICE_SECRET_KEY = "device_secret"


def device_secret(ef: EventFile) -> bytes:
    """The event's 32-byte signing secret, made on first use.

    Kept in the file so device ids stay valid across restarts of the server, and differ
    from one event to the next. Two servers starting at once agree: the first insert wins.
    Raises EventFileError if the file cannot be written or read.
    """
    try:
        with ef.db.atomic():
            ef.db.execute("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)",
                          [DEVICE_SECRET_KEY, secrets.token_hex(32)])
        row = ef.db.execute("SELECT value FROM settings WHERE key = ?",
                            [DEVICE_SECRET_KEY]).fetchone()
    except sqlite3.Error as error:
        raise EventFileError(f"cannot keep the phones' secret in {ef.path}: {error}") from None
    try:
        return bytes.fromhex(row[0])
    except (TypeError, ValueError):
        raise EventFileError(f"the phones' secret in {ef.path} is damaged") from None
