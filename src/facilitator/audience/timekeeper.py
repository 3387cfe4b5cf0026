"""The timekeeper's remote control: the Run tab's clock keys and stage notice, from a
phone's page (resources/web/timekeeper.*) or a Stream Deck (docs/remote-control.md).

``POST /api/r/{token}/control/{action}`` (JSON body, or none) runs the same command the
Run tab's key runs, on the room's session (``TeamApp.room_session_id``), logged as
``timekeeper:<name>``, and answers ``{"action", "changed", "stage"}`` where ``stage`` is
what ``GET /api/r/{token}/podium`` gives. Actions:

====================  =====================================  ============================
action                body                                   the Run tab's
====================  =====================================  ============================
``toggle``            —                                      Space (start, pause, resume)
``start``/``pause``   —                                      Space, only if it changes
``next``              —                                      Next speaker
``previous``          —                                      Previous speaker
``add_time``          ``{"seconds": 60}`` (−3600…3600, ≠0)   Add / take away time
``message``           ``{"text": "…", "blink": false}``      Message to the speaker
``clear_message``     —                                      Clear the message
``blackout``          ``{"on": true}`` (none: toggles)       Blackout
====================  =====================================  ============================

The clock keys (``toggle`` to ``add_time``) take ``"slot"``: the stage's ``slot_id`` the
device showed when pressed. If the list has moved on since (the moderator pressed Next
meanwhile), the key does nothing and answers ``changed: false`` with the stage as it is:
two people pressing Next for the same speaker move once, "+1 min" never lands on the
next speaker. The page sends ``start`` or ``pause`` as its button says, never ``toggle``.

Errors are JSON ``{"error", "message"}``: 404 ``unknown_action``, 409 ``no_session``, 400
``invalid`` (a bad body), and role_link's refusals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from facilitator.actions import sessions, speakers
from facilitator.actions.command import Command
from facilitator.actions.ids import SessionId, SlotId
from facilitator.audience.app import PhoneError
from facilitator.audience.podium_link import room_stage
from facilitator.audience.roles import Role, TeamApp, role_link
from facilitator.core.stage import MESSAGE_LIMIT
from facilitator.store.stage import load_stage_notice

ADJUST_LIMIT = 3600  # seconds one press may add or take away
ADJUST_DEFAULT = 60  # the Run tab's "Add 1 min"

MakeCommand = Callable[[TeamApp, SessionId, dict[str, Any]], Command]


def _seconds(data: dict[str, Any]) -> int:
    seconds = data.get("seconds", ADJUST_DEFAULT)
    if isinstance(seconds, bool) or not isinstance(seconds, int) or seconds == 0 \
            or abs(seconds) > ADJUST_LIMIT:
        raise PhoneError(400, "invalid", f"\"seconds\" must be a whole number from "
                         f"-{ADJUST_LIMIT} to {ADJUST_LIMIT}, not 0.")
    return seconds


def _shown_slot(data: dict[str, Any]) -> SlotId | None:
    """The speaker the device showed when its key was pressed (``"slot"``: the stage's
    ``slot_id``), or None: a Stream Deck's key acts on whoever is current."""
    slot = data.get("slot")
    if slot is None:
        return None
    if isinstance(slot, bool) or not isinstance(slot, int):
        raise PhoneError(400, "invalid", "\"slot\" must be the stage's slot_id.")
    return SlotId(slot)


def _notice(team: TeamApp, session_id: int):
    # The notice as this session's stage shows it (another session's is not on this stage).
    return load_stage_notice(team.file).for_session(session_id)


def _message(team: TeamApp, session_id: SessionId, data: dict[str, Any]) -> Command:
    text, blink = data.get("text", ""), data.get("blink", False)
    if not isinstance(text, str) or len(text) > MESSAGE_LIMIT:
        raise PhoneError(400, "invalid", f"\"text\" must be text of at most {MESSAGE_LIMIT} "
                         "characters.")
    if not isinstance(blink, bool):
        raise PhoneError(400, "invalid", "\"blink\" must be true or false.")
    return sessions.show_on_stage(replace(_notice(team, session_id), session_id=session_id,
                                          message=text, blink=blink))


def _blackout(team: TeamApp, session_id: SessionId, data: dict[str, Any]) -> Command:
    notice = _notice(team, session_id)
    on = data.get("on", not notice.blackout)
    if not isinstance(on, bool):
        raise PhoneError(400, "invalid", "\"on\" must be true or false.")
    return sessions.show_on_stage(replace(notice, session_id=session_id, blackout=on))


ACTIONS: dict[str, MakeCommand] = {
    "toggle": lambda team, sid, data: speakers.toggle(
        sid, team.clock.now(), shown_slot=_shown_slot(data)),
    "start": lambda team, sid, data: speakers.toggle(
        sid, team.clock.now(), only="start", shown_slot=_shown_slot(data)),
    "pause": lambda team, sid, data: speakers.toggle(
        sid, team.clock.now(), only="pause", shown_slot=_shown_slot(data)),
    "next": lambda team, sid, data: speakers.step(
        sid, team.clock.now(), 1, shown_slot=_shown_slot(data)),
    "previous": lambda team, sid, data: speakers.step(
        sid, team.clock.now(), -1, shown_slot=_shown_slot(data)),
    "add_time": lambda team, sid, data: speakers.adjust(
        sid, _seconds(data), shown_slot=_shown_slot(data)),
    "message": _message,
    "clear_message": lambda team, sid, data: _message(team, sid, {}),
    "blackout": _blackout,
}


async def control(request: Request) -> Response:
    access = await role_link(request, (Role.TIMEKEEPER,))
    action = request.path_params["action"]
    make = ACTIONS.get(action)
    if make is None:
        raise PhoneError(404, "unknown_action", "No such action. Use one of: "
                         + ", ".join(ACTIONS) + ".")
    data = await access.team.read_json(request)
    session_id = access.team.room_session_id()
    if session_id is None:
        raise PhoneError(409, "no_session", "The event has no session yet.")
    done = access.team.run(access, make(access.team, session_id, data))
    stage = room_stage(access.team)
    stage["now"] = access.team.clock.now()
    return JSONResponse({"action": action, "changed": bool(done.changes), "stage": stage},
                        headers={"cache-control": "no-store"})


def routes(team: TeamApp) -> list[Route]:
    return [Route("/api/r/{token}/control/{action}", control, methods=["POST"])]
