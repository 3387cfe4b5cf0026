"""The stage notice (core/stage.py) in the event file: one per event, for the laptop's one
projector, kept in the ``settings`` table as JSON.

The projector reads it at start-up and the phone server reads it for the podium view, so
both always show what was last committed.
"""

from __future__ import annotations

import json
import sqlite3

from facilitator.core.stage import StageNotice
from facilitator.store.event_file import EventFile, EventFileError

_KEY = "stage.notice"


def load_stage_notice(ef: EventFile) -> StageNotice:
    """The stored notice; an empty one when none was saved or it cannot be read."""
    try:
        data = json.loads(ef.get_setting(_KEY, "{}"))
    except ValueError:
        return StageNotice()
    except sqlite3.Error as error:
        raise EventFileError(f"could not read the stage message: {error}") from None
    if not isinstance(data, dict):
        return StageNotice()
    session_id = data.get("session_id")
    return StageNotice(
        session_id=session_id if isinstance(session_id, int) else None,
        message=str(data.get("message") or ""),
        blink=bool(data.get("blink")),
        blackout=bool(data.get("blackout")),
    ).cleaned()


def save_stage_notice(ef: EventFile, notice: StageNotice) -> StageNotice:
    """Commit ``notice`` (cleaned) with an event-log line; returns what was stored.

    Raises EventFileError when the file cannot be written.
    """
    notice = notice.cleaned()
    value = json.dumps({"session_id": notice.session_id, "message": notice.message,
                        "blink": notice.blink, "blackout": notice.blackout},
                       ensure_ascii=False)
    with ef.action("stage_notice_changed", notice.session_id, message=notice.message,
                   blackout=notice.blackout):
        ef.db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [_KEY, value],
        )
    return notice
