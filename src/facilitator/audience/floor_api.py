"""Phones ask for the floor: ``/api/j/{token}/floor`` under the audience's join token.

The same rules as questions (audience/app.py): JSON with the custom header, the signed
device cookie, the per-device and per-address limits (429 with Retry-After), bodies over
the limit refused (413), every fault a 4xx with a code the page says in its language. A
phone holds at most one waiting request per session and may withdraw it; its requests'
state (place in the queue, "you are next", "you have the floor", done) is its own GET.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from facilitator.actions import floor
from facilitator.actions.actor import phone
from facilitator.actions.command import run
from facilitator.actions.errors import Code, UserError
from facilitator.actions.ids import FloorRequestId, SessionId
from facilitator.core.floor import FloorError, FloorRequest, FloorSettings, queue
from facilitator.core.floor_phone import phone_view
from facilitator.core.model import CONSTITUENCIES
from facilitator.store import floor as store
from facilitator.store.sessions import get_session

if TYPE_CHECKING:
    from facilitator.audience.app import PhoneApp

_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
# A refusal that is the session's state, not the request's shape: 409, as closed questions.
_CONFLICTS = frozenset({"closed", "already_waiting", "answered", "withdrawn"})


def floor_routes(phones: PhoneApp) -> list[Route]:
    """The routes, mounted by audience.app.create_app."""
    api = FloorApi(phones)
    return [
        Route("/api/j/{token}/floor", api.state, methods=["GET"]),
        Route("/api/j/{token}/floor", api.ask, methods=["POST"]),
        Route("/api/j/{token}/floor/{request_id:int}/withdraw", api.withdraw,
              methods=["POST"]),
    ]


def _error(status: int, code: str, message: str) -> Exception:
    # app.py mounts these routes, so its PhoneError is imported when first needed.
    from facilitator.audience.app import PhoneError

    return PhoneError(status, code, message)


def _refused(error: FloorError) -> Exception:
    reason = error.reason or "invalid"
    text = str(error)
    return _error(409 if reason in _CONFLICTS else 400, reason,
                  text[:1].upper() + text[1:] + ".")


class FloorApi:
    """The floor's endpoints over the phone app's file, limits and devices."""

    def __init__(self, phones: PhoneApp) -> None:
        self.phones = phones

    def _public(self, request: FloorRequest, waiting: list[FloorRequest],
                session: Any) -> dict[str, Any]:
        view = phone_view(request, waiting, session.slots, session.current_slot_id)
        entry: dict[str, Any] = {"id": request.id, "kind": request.kind.value,
                                 "name": request.name, "state": view.state}
        if view.state == "waiting":
            entry["place"] = view.place
        elif view.state in ("listed", "next"):
            entry["ahead"] = view.ahead
        return entry

    def _mine(self, session_id: int, device_id: str) -> dict[str, Any]:
        settings: FloorSettings = store.floor_settings(self.phones.file, session_id)
        data: dict[str, Any] = {
            "open": settings.open,
            "kinds": {kind.value: seconds for kind, seconds in settings.seconds.items()},
            "constituencies": list(CONSTITUENCIES),
            "requests": [],
        }
        if device_id:
            mine = store.device_floor_requests(self.phones.file, session_id, device_id)
            if mine:
                session = get_session(self.phones.file, session_id)
                waiting = queue(store.list_floor_requests(self.phones.file, session_id))
                data["requests"] = [self._public(r, waiting, session) for r in mine]
        return data

    async def state(self, request: Request) -> Response:
        """This phone's requests and where each stands, the kinds' times, and whether the
        session takes requests now; limited as the page's other polls."""
        phones = self.phones
        phones.limit(phones.limits.device_reads, phones.read_key(request))
        phones.limit(phones.limits.address_reads, phones.address(request))
        session_id = phones.publish(request.path_params["token"]).session_id
        device = phones.device(request)
        return phones.json_with_etag(request, self._mine(session_id,
                                                         device.id if device else ""))

    async def ask(self, request: Request) -> Response:
        phones = self.phones
        phones.limit(phones.limits.address_writes, phones.address(request))
        session = phones.session("join_token", request.path_params["token"])
        data = await phones.read_json(request)
        session_id = SessionId(session.stored_id)
        device, cookie = phones.device_for_write(request, session_id)
        phones.limit(phones.limits.device_writes, device.id)
        request_id = data.get("request_id")
        if request_id is not None and (not isinstance(request_id, str)
                                       or not _ID.match(request_id)):
            raise _error(400, "invalid", "The request id is not valid; reload the page.")
        try:
            asked, created = run(phones.file, phone(device.id), floor.ask(
                session_id, name=data.get("name"), kind=data.get("kind"),
                organisation=data.get("organisation", ""),
                constituency=data.get("constituency", ""),
                on_behalf_of=data.get("on_behalf_of", ""), now=phones.clock.now(),
                device_id=device.id, client_request_id=request_id)).result
        except FloorError as error:
            raise _refused(error) from None
        if created:
            phones.notify("floor", session_id)
        return phones.with_device_cookie(JSONResponse(
            self._mine(session_id, device.id), status_code=201 if created else 200,
            headers={"cache-control": "no-store"}), cookie)

    async def withdraw(self, request: Request) -> Response:
        phones = self.phones
        phones.limit(phones.limits.address_writes, phones.address(request))
        session = phones.session("join_token", request.path_params["token"])
        await phones.read_json(request)  # a JSON body, as every write: the page sends {}
        session_id = SessionId(session.stored_id)
        device = phones.device(request)
        request_id = FloorRequestId(request.path_params["request_id"])  # {request_id:int}
        if device is None or request_id >= 2**63:
            raise _error(404, "not_found", "This request for the floor is not yours.")
        phones.limit(phones.limits.device_writes, device.id)
        try:
            run(phones.file, phone(device.id), floor.withdraw(
                session_id, request_id, device_id=device.id, now=phones.clock.now()))
        except FloorError as error:
            raise _refused(error) from None
        except UserError as error:
            if error.code is Code.NO_SUCH_FLOOR_REQUEST:
                # Not "not_found": the page takes that for a dead link.
                raise _error(404, "floor_gone",
                             "This request for the floor is no longer there.") from None
            raise
        phones.notify("floor", session_id)
        return JSONResponse(self._mine(session_id, device.id),
                            headers={"cache-control": "no-store"})
