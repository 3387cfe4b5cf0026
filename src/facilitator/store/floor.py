"""Floor requests from delegates' phones, and each session's floor settings.

Phones reach ``submit_floor_request`` and ``withdraw_floor_request`` through the phone
server's connection (actions/floor.py runs them as commands); the moderator's accept and
decline come from the GUI. Each write is one logged action.
"""

from __future__ import annotations

import json
from typing import Any

from facilitator.core.floor import (
    DEFAULT_SECONDS,
    FloorError,
    FloorKind,
    FloorRequest,
    FloorSettings,
    FloorStatus,
    clean_request,
    clean_seconds,
)
from facilitator.store.event_file import EventFile, EventFileError, inserted_id

_COLUMNS = ("id", "session_id", "kind", "name", "status", "created_at", "updated_at",
            "organisation", "constituency", "on_behalf_of", "slot_id", "device_id")
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM floor_requests"
# The phone's list of its own requests stays short: the newest few are all it shows.
DEVICE_REQUESTS_SHOWN = 5


def _request(row: tuple[Any, ...]) -> FloorRequest:
    data = dict(zip(_COLUMNS, row, strict=True))
    data["kind"] = FloorKind(data["kind"])
    data["status"] = FloorStatus(data["status"])
    return FloorRequest(**data)


# --- settings -----------------------------------------------------------------------------


def floor_settings(ef: EventFile, session_id: int) -> FloorSettings:
    """The session's floor settings (closed, default times, until the moderator says)."""
    row = ef.db.execute("SELECT open, seconds FROM floor_settings WHERE session_id = ?",
                        [session_id]).fetchone()
    if row is None:
        return FloorSettings()
    try:
        seconds = clean_seconds(json.loads(row[1]))
    except (ValueError, TypeError, AttributeError):  # a file edited by hand: the defaults
        seconds = dict(DEFAULT_SECONDS)
    return FloorSettings(open=bool(row[0]), seconds=seconds)


def save_floor_settings(ef: EventFile, session_id: int, *, is_open: bool | None = None,
                        seconds: dict[FloorKind, int] | None = None) -> FloorSettings:
    """Change whether the session takes floor requests and/or each kind's seconds."""
    current = floor_settings(ef, session_id)
    new = FloorSettings(open=current.open if is_open is None else bool(is_open),
                        seconds=current.seconds if seconds is None else clean_seconds(seconds))
    action = "floor_settings_changed"
    if is_open is not None and seconds is None:
        action = "floor_opened" if new.open else "floor_closed"
    with ef.action(action, session_id):
        ef.db.execute(
            "INSERT INTO floor_settings (session_id, open, seconds) VALUES (?, ?, ?) "
            "ON CONFLICT(session_id) DO UPDATE SET open = excluded.open, "
            "seconds = excluded.seconds",
            [session_id, int(new.open),
             json.dumps({k.value: v for k, v in new.seconds.items()})])
    return new


# --- reading ------------------------------------------------------------------------------


def get_floor_request(ef: EventFile, request_id: int) -> FloorRequest:
    row = ef.db.execute(f"{_SELECT} WHERE id = ?", [request_id]).fetchone()
    if row is None:
        raise EventFileError(f"there is no floor request {request_id}")
    return _request(row)


def list_floor_requests(ef: EventFile, session_id: int, *,
                        status: FloorStatus | None = None) -> list[FloorRequest]:
    """A session's requests by arrival (only one status when given)."""
    where = "WHERE session_id = ?"
    params: list[int | str] = [session_id]
    if status is not None:
        where += " AND status = ?"
        params.append(status.value)
    rows = ef.db.execute(f"{_SELECT} {where} ORDER BY created_at, id", params).fetchall()
    return [_request(row) for row in rows]


def device_floor_requests(ef: EventFile, session_id: int, device_id: str) -> list[FloorRequest]:
    """This phone's newest requests in the session, newest first."""
    rows = ef.db.execute(f"{_SELECT} WHERE session_id = ? AND device_id = ? "
                         "ORDER BY created_at DESC, id DESC LIMIT ?",
                         [session_id, device_id, DEVICE_REQUESTS_SHOWN]).fetchall()
    return [_request(row) for row in rows]


def point_of_order_slots(ef: EventFile, session_id: int) -> set[int]:
    """The slots of the session that accepted points of order made."""
    rows = ef.db.execute("SELECT slot_id FROM floor_requests WHERE session_id = ? AND "
                         "status = 'accepted' AND kind = ? AND slot_id IS NOT NULL",
                         [session_id, FloorKind.POINT_OF_ORDER.value]).fetchall()
    return {row[0] for row in rows}


# --- writing ------------------------------------------------------------------------------


def submit_floor_request(ef: EventFile, session_id: int, *, name: object,
                         organisation: object = "", constituency: object = "",
                         on_behalf_of: object = "", kind: object, now: float,
                         device_id: str, client_request_id: str | None = None
                         ) -> tuple[FloorRequest, bool]:
    """Store a request from a phone; returns it and whether it is new.

    A retry (same client request id) returns the request stored the first time. Raises
    FloorError: "closed" when the session takes no requests, "already_waiting" when this
    phone's earlier request still waits, or the text's fault.
    """
    name, organisation, constituency, on_behalf_of, kind = clean_request(
        name, organisation, constituency, on_behalf_of, kind)
    if client_request_id is not None:
        row = ef.db.execute(f"{_SELECT} WHERE session_id = ? AND client_request_id = ?",
                            [session_id, client_request_id]).fetchone()
        if row is not None:
            return _request(row), False
    if not floor_settings(ef, session_id).open:
        raise FloorError("this session takes no requests for the floor now", "closed")
    if device_id and ef.db.execute(
            "SELECT 1 FROM floor_requests WHERE session_id = ? AND device_id = ? AND "
            "status = 'waiting'", [session_id, device_id]).fetchone():
        raise FloorError("your request for the floor is still waiting", "already_waiting")
    with ef.action("floor_requested", session_id, kind=kind.value):
        request_id = inserted_id(ef.db.execute(
            "INSERT INTO floor_requests (session_id, kind, name, organisation, constituency, "
            "on_behalf_of, device_id, client_request_id, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [session_id, kind.value, name, organisation, constituency, on_behalf_of,
             device_id, client_request_id, now, now]))
    return get_floor_request(ef, request_id), True


def set_floor_status(ef: EventFile, request_id: int, status: FloorStatus, *, now: float,
                     slot_id: int | None = None) -> FloorRequest:
    """Accept (with its slot), decline or withdraw a request."""
    request = get_floor_request(ef, request_id)
    with ef.action(f"floor_request_{status.value}", request.session_id,
                   floor_request_id=request_id, slot_id=slot_id):
        ef.db.execute("UPDATE floor_requests SET status = ?, slot_id = ?, updated_at = ? "
                      "WHERE id = ?", [status.value, slot_id, now, request_id])
    return get_floor_request(ef, request_id)
