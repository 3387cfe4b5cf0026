"""The laptop's clock as an event file needs it: its time zone, and a timeline that survives
a restart after the wall clock was corrected.

core decides (``core.clock.choose_anchor``); this module does the I/O around it: it reads
the boot id, the wall clock and the sleep-counting ticks, and keeps the anchor in the event
file's settings, so the anchor travels with the file (on another laptop the boot id
differs, and wall time is used as it should be).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from facilitator.core.clock import ClockAnchor, SystemClock, choose_anchor, sleep_counting_ticks
from facilitator.store.event_file import EventFile, EventFileError

BOOT_ID_PATH = Path("/proc/sys/kernel/random/boot_id")
ANCHOR_KEY = "clock_anchor"
# Reading the wall clock and the ticks one after the other differs by microseconds; an
# offset within this is the same anchor (no write, no log line on every start).
SAME_OFFSET = 0.5


def read_boot_id(path: Path = BOOT_ID_PATH) -> str | None:
    """This boot's id (Linux), or None where the system has none to read."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return text or None


def local_zone() -> tzinfo:
    """The laptop's time zone now (the venue's, as the laptop is set)."""
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None  # astimezone() always gives an aware datetime
    return zone


def stored_anchor(ef: EventFile) -> ClockAnchor | None:
    """The anchor kept in the event file, or None (never anchored, or unreadable)."""
    try:
        data = json.loads(ef.get_setting(ANCHOR_KEY) or "null")
        return ClockAnchor(boot_id=str(data["boot_id"]), offset=float(data["offset"]))
    except (TypeError, KeyError, ValueError):
        return None


def speech_in_progress(ef: EventFile) -> bool:
    """Is any speaker's clock started and not finished (running, paused or reopened)?"""
    row = ef.db.execute(
        "SELECT 1 FROM slots WHERE started_at IS NOT NULL AND ended_at IS NULL LIMIT 1"
    ).fetchone()
    return row is not None


def anchored_clock(ef: EventFile, *, boot_id: str | None | Callable[[], str | None] = read_boot_id,
                   wall: Callable[[], float] = time.time,
                   ticks: Callable[[], float] | None = None) -> SystemClock:
    """The clock for everything done with ``ef`` in this process (GUI and phone server).

    Within the boot that last wrote the file, and while a speech is in progress, it
    continues that boot's timeline; otherwise it starts from the wall clock and records
    the new anchor (with an event-log line saying by how much the wall clock had moved).
    A read-only or unwritable file still gets a correct clock, just not a stored anchor.
    """
    ticks = ticks or sleep_counting_ticks()
    current_boot = boot_id() if callable(boot_id) else boot_id
    stored = stored_anchor(ef)
    anchor = choose_anchor(stored, current_boot, wall(), ticks(), speech_in_progress(ef))
    if anchor is None:
        return SystemClock(ticks=ticks, offset=wall() - ticks())
    if stored is not None and stored.boot_id == anchor.boot_id and \
            abs(stored.offset - anchor.offset) < SAME_OFFSET:
        anchor = stored  # the same anchor: keep it exactly, write nothing
    elif not ef.read_only:
        _save_anchor(ef, anchor, stored)
    return SystemClock(ticks=ticks, offset=anchor.offset)


def _save_anchor(ef: EventFile, anchor: ClockAnchor, previous: ClockAnchor | None) -> None:
    detail: dict[str, Any] = {"boot_id": anchor.boot_id}
    if previous is not None and previous.boot_id == anchor.boot_id:
        # Evidence for the timeline: the wall clock moved by this much since last time.
        detail["wall_clock_moved"] = round(anchor.offset - previous.offset, 3)
    value = json.dumps({"boot_id": anchor.boot_id, "offset": anchor.offset})
    try:
        with ef.action("clock_anchored", **detail):
            ef.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [ANCHOR_KEY, value],
            )
    except EventFileError:
        pass  # unwritable now: the clock is right for this process all the same
