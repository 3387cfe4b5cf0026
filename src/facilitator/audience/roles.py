"""Team devices: the role links (core/team.py) served by the phone server.

Interface (stable: add to it, never rename)
-------------------------------------------
Routes: pages ``GET /r/{token}`` (the page of that link's role, ``ROLE_PAGES``) and the
API under ``/api/r/{token}/...``. Every route handler starts with one call::

    from facilitator.audience.roles import Role, role_link

    async def notes(request: Request) -> Response:
        access = await role_link(request, {Role.RAPPORTEUR})
        data = await access.team.read_json(request)        # 4xx JSON on garbage bodies
                                                            # (max_body=... for big ones)
        done = access.team.run(access, notes.add_note(...))  # logged as rapporteur:Amina
        session_id = access.team.room_session_id()          # the session on stage now

``role_link(request, allowed_roles) -> RoleAccess`` looks the token up (cached; a
revocation committed by any connection counts from the very next request), refuses
(``PhoneError``, answered as JSON ``{"error": code, "message": ...}``, never a 5xx):

* 404 ``not_found``: no such link (the audience's join or podium tokens included);
* 403 ``revoked``: the link was revoked;
* 403 ``wrong_role``: a live link of a role not in ``allowed_roles``;
* 403 ``header_missing``: an ``/api/`` request without ``X-Facilitator: 1``;
* 403 ``foreign_origin``: a write (not GET/HEAD) whose ``Origin`` is another site's;
* 429 ``rate_limited``: one link asking more than ``ROLE_REQUESTS_PER_MINUTE``, or one
  address past the phones' per-address ceiling;

and records the device as seen (in memory, never a file write per request).

``RoleAccess``: ``link`` (``RoleLink``: token, role, name, created_at), ``actor`` (the
``Actor`` the event log names, ``timekeeper:Stream Deck``), ``team`` (the ``TeamApp``).

``TeamApp``: ``file`` (the server thread's connection), ``clock``, ``phones`` (the
``PhoneApp``), ``run(access, command) -> Done`` (runs a command as the device and tells the
laptop what changed, so its views show it within a second), ``read_json(request)``,
``room_session_id()`` (the session whose speaker is live, else the session the laptop
shows, else the first), ``presence() -> dict[token, Seen]`` (who was seen when; safe from
any thread), ``show_session(session_id)`` (the laptop says which session it shows).

A role module adds its pages to ``ROLE_PAGES`` and its routes to ``routes(team)``.
With no role link in the file, every ``/r/`` and ``/api/r/`` URL is a 404.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from facilitator.actions.actor import Actor, team_device
from facilitator.actions.command import Command, Done, run
from facilitator.actions.ids import SessionId
from facilitator.audience.app import API_HEADER, TEAM_HEADER_MISSING, PhoneApp, PhoneError
from facilitator.audience.limits import RateLimit
from facilitator.core.model import Session
from facilitator.core.notes import sdg_number, tag_choices
from facilitator.core.team import Role, RoleLink
from facilitator.store import EventFile
from facilitator.store.questions import change_marker
from facilitator.store.role_links import list_role_links
from facilitator.store.sessions import list_sessions, live_session_id

if TYPE_CHECKING:
    from facilitator.core.clock import Clock

__all__ = ["ROLE_PAGES", "Role", "RoleAccess", "Seen", "TeamApp", "role_link", "routes",
           "tag_choices_json"]

# The page each role's link opens (resources/web); a role without one answers 404.
ROLE_PAGES: dict[Role, str] = {
    Role.TIMEKEEPER: "timekeeper.html",
    Role.PODIUM: "speaker.html",  # the podium view, as the session's /s/ link shows it
}
# A device shown as connected when it asked for anything this recently (pages poll each
# second or two; a Stream Deck only when a key is pressed, so it shows as "last seen").
CONNECTED_SECONDS = 10.0
# Per link: a page polling each second, a Stream Deck's keys, retries after a Wi-Fi drop.
ROLE_REQUESTS_PER_MINUTE = 600
ROLE_BURST = 120
_TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
_SAFE_METHODS = ("GET", "HEAD")


def tag_choices_json(session: Session) -> list[dict[str, Any]]:
    """The tags a desk offers (``core.notes.tag_choices``): ``{tag, label, group}``, and
    ``sdg`` (1–17) for an SDG, whose words the page shows in its own language (the desks'
    strings carry ``sdg_1``…``sdg_17``, webfiles.py); ``label`` is the English fallback."""
    choices = []
    for choice in tag_choices(session):
        data: dict[str, Any] = {"tag": choice.tag, "label": choice.label, "group": choice.group}
        number = sdg_number(choice.tag)
        if number is not None:
            data["sdg"] = number
        choices.append(data)
    return choices


@dataclass(frozen=True)
class Seen:
    """When a link's device last asked for something, and from where.

    ``at``: epoch seconds; ``monotonic``: the same instant on the monotonic clock (for
    "connected"); ``address``: the peer's IP.
    """

    at: float
    monotonic: float
    address: str

    def connected(self, now_monotonic: float | None = None) -> bool:
        now = time.monotonic() if now_monotonic is None else now_monotonic
        return now - self.monotonic < CONNECTED_SECONDS


@dataclass(frozen=True)
class RoleAccess:
    """A request let in through a role link: the link, who acts, and the team's state."""

    link: RoleLink
    actor: Actor
    team: TeamApp


class TeamApp:
    """The role links' state in the phone server: the cached links, who was seen, and the
    session the laptop shows."""

    def __init__(self, phones: PhoneApp) -> None:
        self.phones = phones
        self._links: dict[str, RoleLink] = {}
        self._marker: tuple[int, int] | None = None
        self._seen: dict[str, Seen] = {}
        self._seen_lock = threading.Lock()  # the GUI thread reads what the server writes
        self._shown_session_id: int | None = None
        self.limit = RateLimit(per_minute=ROLE_REQUESTS_PER_MINUTE, burst=ROLE_BURST)

    @property
    def file(self) -> EventFile:
        return self.phones.file

    @property
    def clock(self) -> Clock:
        return self.phones.clock

    # --- the links ------------------------------------------------------------------------

    def link(self, token: str) -> RoleLink | None:
        """The link with ``token`` (revoked or not), from a cache re-read whenever the
        file changed: a revocation committed by the laptop counts on the next request."""
        marker = change_marker(self.file)
        if marker != self._marker:
            self._links = {link.token: link
                           for link in list_role_links(self.file, include_revoked=True)}
            self._marker = marker
        return self._links.get(token)

    def seen(self, link: RoleLink, request: Request) -> None:
        entry = Seen(self.clock.now(), time.monotonic(), self.phones.address(request))
        with self._seen_lock:
            self._seen[link.token] = entry

    def presence(self) -> dict[str, Seen]:
        """When each link's device was last seen since the server started (by token)."""
        with self._seen_lock:
            return dict(self._seen)

    # --- the session ----------------------------------------------------------------------

    def show_session(self, session_id: int | None) -> None:
        """The session the laptop shows (its Run tab, or ``serve``'s session)."""
        self._shown_session_id = session_id

    def room_session_id(self) -> SessionId | None:
        """The session team devices act on: the one whose speaker is live (as the
        projector), else the one the laptop shows, else the event's first; None when the
        event has no session. Raises EventFileError."""
        live = live_session_id(self.file)
        if live is not None:
            return SessionId(live)
        ids = [session.stored_id for session in list_sessions(self.file)]
        shown = self._shown_session_id
        if shown is not None and shown in ids:
            return SessionId(shown)
        return SessionId(ids[0]) if ids else None

    # --- acting ---------------------------------------------------------------------------

    def run(self, access: RoleAccess, command: Command) -> Done:
        """Run ``command`` as the link's device, then tell the laptop what changed (one
        notice per kind and session: ``notify(kind.value, session_id or 0)``). Raises
        UserError, which the app answers as a 400 (FILE_PROBLEM: a 503)."""
        done = run(self.file, access.actor, command)
        for kind in done.changes.kinds:
            for session_id in done.changes.session_ids or {0}:
                self.phones.notify(kind.value, session_id)
        return done

    async def read_json(self, request: Request, max_body: int | None = None) -> dict[str, Any]:
        """The request's JSON object; an empty body counts as ``{}`` (a Stream Deck's key
        sends none). ``max_body``: bytes allowed (default: the phones' 8 KB; a summary
        section may ask for more). Raises PhoneError (400, 413, 415)."""
        if request.headers.get("content-length", "") in ("", "0") and \
                "transfer-encoding" not in request.headers:
            return {}
        return await self.phones.read_json(request, max_body)


async def role_link(request: Request, allowed_roles: Collection[Role]) -> RoleAccess:
    """Let a request in through its ``{token}`` if it is a live link of one of
    ``allowed_roles``; raises PhoneError otherwise (see the module's docstring)."""
    team: TeamApp = request.app.state.team
    # The hall's per-address ceiling first, as for phones: guessing tokens costs a budget.
    team.phones.limit(team.phones.limits.address_reads, team.phones.address(request))
    path = request.url.path
    if path.startswith("/api/") and request.headers.get(API_HEADER) != "1":
        raise PhoneError(403, "header_missing", TEAM_HEADER_MISSING)
    if request.method not in _SAFE_METHODS and not _same_origin(request):
        raise PhoneError(403, "foreign_origin", "Requests from other sites are refused.")
    token = str(request.path_params.get("token", ""))
    link = team.link(token) if 20 <= len(token) <= 64 and set(token) <= _TOKEN_CHARS else None
    if link is None:
        raise PhoneError(404, "not_found", "This link is not valid. Ask the moderator for "
                         "a new one.")
    if not link.live:
        raise PhoneError(403, "revoked", "This link was revoked. Ask the moderator for a "
                         "new one.")
    if link.role not in allowed_roles:
        raise PhoneError(403, "wrong_role", "This link is for another role.")
    team.phones.limit(team.limit, link.token)
    team.seen(link, request)
    return RoleAccess(link, team_device(link), team)


def _same_origin(request: Request) -> bool:
    """True when the request names no other site: no ``Origin`` (curl, a Stream Deck) or
    one whose host and port are this request's ``Host``, and no cross-site fetch mark."""
    if request.headers.get("sec-fetch-site", "") == "cross-site":
        return False
    origin = request.headers.get("origin")
    if origin is None:
        return True
    host = request.headers.get("host", "")
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and bool(host) and parts.netloc == host


# --- routes -----------------------------------------------------------------------------------


async def role_page(request: Request) -> Response:
    """``GET /r/{token}``: the page of the link's role; the team's "link no longer works"
    page for an unknown or revoked link; the "not found" page for a role whose page does
    not exist yet."""
    phones: PhoneApp = request.app.state.team.phones
    busy = phones.limit_page(request)
    if busy is not None:
        return busy
    try:
        access = await role_link(request, tuple(Role))
    except PhoneError as error:
        if error.code in ("not_found", "revoked"):
            # A team member's link, not a phone's: the audience's "scan the QR code" page
            # would send them the wrong way. Same answer for both (a guessed token learns
            # nothing), naming who gives a new link.
            return phones.web.pages["team_link.html"].response(request, "no-store",
                                                              status_code=404)
        return phones.not_found_page(request)
    page = ROLE_PAGES.get(access.link.role)
    if page is None or page not in phones.web.pages:
        return phones.not_found_page(request)
    return phones.page(request, page)


async def whoami(request: Request) -> Response:
    """``GET /api/r/{token}``: which link this is (``role``, ``name``) and the session
    team devices act on now (``session_id``, None when the event has none)."""
    access = await role_link(request, tuple(Role))
    return JSONResponse({"role": access.link.role.value, "name": access.link.name,
                         "session_id": access.team.room_session_id()},
                        headers={"cache-control": "no-store"})


def routes(team: TeamApp) -> list[Route]:
    """Every role's routes, for ``create_app`` to mount."""
    # Each role's module brings its own routes; imported here, as they import this one.
    from facilitator.audience import co_moderator, podium_link, rapporteur, timekeeper

    return [
        Route("/r/{token}", role_page),
        Route("/api/r/{token}", whoami),
        *podium_link.routes(team),
        *timekeeper.routes(team),
        *rapporteur.routes(team),
        *co_moderator.routes(team),
    ]
