"""The podium view as a role link: ``/r/{token}`` of a podium link shows the stage of the
room's session (``TeamApp.room_session_id``), as a session's ``/s/`` link shows its own.

``GET /api/r/{token}/podium``: ``podium.podium_state`` of the room's session plus ``now``
(the laptop's epoch seconds), or ``{"title": "", "speaker": null, ...}`` with no session.
Podium and timekeeper links may read it (the timekeeper's page shows the same clock).
"""

from __future__ import annotations

import time
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from facilitator.audience.podium import podium_state
from facilitator.audience.roles import Role, TeamApp, role_link
from facilitator.store.sessions import get_session

_READERS = (Role.PODIUM, Role.TIMEKEEPER)


def room_stage(team: TeamApp) -> dict[str, Any]:
    """The stage of the room's session as the podium page reads it, with ``session_id``;
    an empty stage when the event has no session. Raises EventFileError."""
    session_id = team.room_session_id()
    if session_id is None:
        return {"session_id": None, "title": "", "slot_id": None, "speaker": None,
                "timer": None, "warning": 0, "danger": 0, "next": "", "question": None,
                "stage": {"message": "", "blink": False, "blackout": False}}
    session = get_session(team.file, session_id, with_slots=False)
    return {"session_id": session_id, **podium_state(team.file, session)}


async def podium(request: Request) -> Response:
    access = await role_link(request, _READERS)
    if access.link.role is Role.PODIUM:
        # A podium in use keeps the server up after questions close (PhoneServer).
        access.team.phones.podium_polled_at = time.monotonic()
    data = room_stage(access.team)
    # The clock read last, as close to sending as possible: the page estimates its offset.
    data["now"] = access.team.clock.now()
    return JSONResponse(data, headers={"cache-control": "no-store"})


def routes(team: TeamApp) -> list[Route]:
    return [Route("/api/r/{token}/podium", podium)]
