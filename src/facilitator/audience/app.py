"""The phone server's ASGI app: the join page, its JSON API and the speaker's countdown.

Everything here is for anonymous, untrusted phones. Moderator actions are not routed at
all: they live in the GUI, which writes to the event file directly.

Endpoints are ``async`` on purpose: they all run on the server thread's event loop, one at
a time, so the app's single SQLite connection is never used by two threads at once. Each
call is a few milliseconds of SQLite work, well within what a room of phones needs.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import logging
import re
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from facilitator.actions import phones
from facilitator.actions.actor import phone
from facilitator.actions.command import run
from facilitator.actions.errors import Code, UserError
from facilitator.assets import asset_path
from facilitator.audience import polls as phone_polls
from facilitator.audience import public_questions
from facilitator.audience.bursts import FRESH_DEVICE, NEW_DEVICE, Burst, BurstWatch
from facilitator.audience.devices import COOKIE_NAME, Device, DeviceIds
from facilitator.audience.encoded import Encoded
from facilitator.audience.floor_api import floor_routes
from facilitator.audience.framing import StrictFraming
from facilitator.audience.hall_polls import HallPolls
from facilitator.audience.hosts import HostCheck
from facilitator.audience.limits import Limits, RateLimit, retry_after
from facilitator.audience.podium import podium_state
from facilitator.audience.public_questions import QuestionFragments
from facilitator.audience.public_questions import encode as encode_json
from facilitator.audience.webfiles import PAGE_CACHE, STATIC_CACHE, VERSIONED_CACHE, WebFiles
from facilitator.core.clock import Clock, SystemClock
from facilitator.core.codes import SHORT_CODE_LENGTH, normalise_short_code
from facilitator.core.model import Session, SlotKind
from facilitator.core.questions import (
    VISIBLE_STATUSES,
    Question,
    QuestionError,
    QuestionStatus,
    RequestReused,
)
from facilitator.core.text import remove_unwritable_in
from facilitator.store import EventFile, EventFileError
from facilitator.store import questions as qstore
from facilitator.store.devices import device_secret
from facilitator.store.floor import floor_settings
from facilitator.store.sessions import list_slots, session_by_token

if TYPE_CHECKING:
    from facilitator.audience import roles

log = logging.getLogger(__name__)

# The shared state is published at most this often per session: a hall voting changes the
# file many times a second, yet all its phones' polls within this window get the same bytes.
PUBLISH_SECONDS = 0.5
# When only vote counts moved, the published state waits this long: a hall voting would
# otherwise make every poll a 200 with the whole list, where most can be 304s. A phone's own
# vote shows at once (the page counts it from the vote's answer).
VOTES_SECONDS = 10.0
# The published state is gzipped at this level: on questions' varied text, level 9 took 6.5x
# the time of level 6 (207 against 32 ms at 5,000 questions) for bytes 2 % smaller.
STATE_GZIP = 6

Notify = Callable[[str, int], None]
# Notices about a session's questions (Kind.QUESTIONS in the window): "votes" is a phone's.
_QUESTION_NEWS = frozenset({"questions", "votes"})
API_HEADER = "x-facilitator"
# What a team device or remote control (curl, a Stream Deck) is told without the header:
# the phones' page always sends it, so only a hand-made request ever sees this.
TEAM_HEADER_MISSING = ("Send the header X-Facilitator: 1 with every /api/ request (see "
                       "docs/remote-control.md).")
_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
_ADDRESSABLE = (SlotKind.OPENING, SlotKind.KEYNOTE, SlotKind.PANELLIST)
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    # Join and speaker links carry secrets: never leak them in a Referer.
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]

class PhoneError(Exception):
    """An answer to a phone that is not a success: a status, a code the page translates,
    and an English message it can fall back on."""

    def __init__(self, status: int, code: str, message: str,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


def _error_response(status: int, code: str, message: str,
                    headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status,
                        headers={"cache-control": "no-store", **(headers or {})})


error_response = _error_response  # the phones' error answer, for audience.hall_polls


def json_answer(data: dict[str, Any], if_none_match: str
                ) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    """``data`` as JSON with a strong ETag, as raw ASGI parts (status, headers, body): a
    304 with no body when ``if_none_match`` names it."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    etag = ('"' + hashlib.sha256(body).hexdigest()[:32] + '"').encode("latin-1")
    if etag.decode("latin-1") in [t.strip() for t in if_none_match.split(",")]:
        return 304, [(b"etag", etag), (b"cache-control", b"no-cache")], b""
    return 200, [(b"etag", etag), (b"cache-control", b"no-cache"),
                 (b"content-length", str(len(body)).encode("latin-1")),
                 (b"content-type", b"application/json")], body


class SecurityHeaders:
    """Adds the CSP and friends to every response, errors included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


class PhoneApp:
    """The state behind the routes: the event file, the clock, limits and the notifier."""

    def __init__(self, event_file: EventFile, notify: Notify | None, clock: Clock,
                 limits: Limits) -> None:
        self.file = event_file
        self.notify_gui = notify
        self.clock = clock
        self.limits = limits
        self.web = WebFiles.load(asset_path("web"))  # served from memory
        self.devices = DeviceIds(device_secret(event_file))
        self.watch = BurstWatch()
        # When a podium page last asked for its state (monotonic seconds, None: never): a
        # podium in use keeps the server running after questions close (PhoneServer).
        self.podium_polled_at: float | None = None
        # Per session: (the file's change marker, the state all its phones share).
        self._shared: dict[int, tuple[tuple[int, int], dict[str, Any]]] = {}
        # Per join token: the shared state as phones receive it, encoded once.
        self._published: dict[str, Published] = {}
        # Per session: its visible questions' JSON, kept encoded between publishes.
        self._fragments: dict[int, QuestionFragments] = {}
        # Questions phones wrote, by session, for the window (take_question_news).
        self._question_news: dict[int, set[int] | None] = {}
        self._question_news_lock = threading.Lock()
        self.publish_seconds = PUBLISH_SECONDS
        self.votes_seconds = VOTES_SECONDS

    # --- helpers ------------------------------------------------------------------------

    def notify(self, kind: str, session_id: int, question_id: int = 0) -> None:
        """Tell the app a kind of data changed in a session (``notify_gui(kind,
        session_id)``); ``question_id``: the one question a phone asked or voted on,
        noted first for ``take_question_news`` so the window reads only that question."""
        if self.notify_gui is None:
            return
        if kind in _QUESTION_NEWS:
            with self._question_news_lock:
                named = self._question_news.get(session_id, set())
                if question_id and named is not None:
                    named.add(question_id)
                    self._question_news[session_id] = named
                else:  # a change not pinned to one question: the window reads them all
                    self._question_news[session_id] = None
        try:
            self.notify_gui(kind, session_id)
        except Exception:  # the GUI's trouble must never fail a phone's request
            log.exception("notifying the app failed")

    def take_question_news(self) -> dict[int, set[int] | None]:
        """The questions written through ``notify`` since the last call, by session: their
        ids, or None when a change named none (read the whole session). Every notice is
        noted here before its ``notify_gui``, so a notice whose session is missing was
        taken by an earlier call. Safe from any thread."""
        with self._question_news_lock:
            news, self._question_news = self._question_news, {}
        return news

    def limit(self, bucket: RateLimit, key: str) -> None:
        wait = bucket.check(key)
        if wait:
            raise PhoneError(429, "rate_limited", "Too many requests; please wait a moment.",
                             {"retry-after": retry_after(wait)})

    @staticmethod
    def address(request: Request) -> str:
        """The peer's address; X-Forwarded-For counts only when uvicorn was told to trust
        a proxy (``PhoneServer(proxy=...)``), which then rewrites the peer for us."""
        return request.client.host if request.client else "unknown"

    # --- devices ------------------------------------------------------------------------

    def device(self, request: Request) -> Device | None:
        """The device the server issued to this phone, if its cookie is present and signed."""
        return self.devices.verify(request.cookies.get(COOKIE_NAME))

    def device_for_write(self, request: Request, session_id: int) -> tuple[Device, str | None]:
        """This phone's device, issuing a new one if it has none: (device, cookie value to
        set, or None). A new device counts against its address's ceiling on new devices."""
        known = self.device(request)
        if known is not None:
            return known, None
        address = self.address(request)
        wait = self.limits.new_devices.check(address)
        if wait:
            if self.watch.new_device_refused(session_id, address):
                self.notify("burst", session_id)
            raise PhoneError(429, "rate_limited", "Too many new phones from this network; "
                             "please wait a moment.", {"retry-after": retry_after(wait)})
        device, cookie = self.devices.issue(self.clock.now())
        return device, cookie

    def with_device_cookie(self, response: Response, cookie: str | None) -> Response:
        if cookie is not None:
            response.headers.append("set-cookie", self.devices.set_cookie_header(cookie))
        return response

    def read_key(self, request: Request) -> str:
        """Whose polls these are: the device (or, before it has one, the address) and the
        page it polls from (``view``, a random id per page load; ``device`` from older
        pages). Many pages may share an address or even a cookie jar; each gets its own
        bucket, and the per-address ceiling bounds them all."""
        view = request.query_params.get("view") or request.query_params.get("device") or ""
        return self.read_key_of(self.device(request), self.address(request), view)

    @staticmethod
    def read_key_of(device: Device | None, address: str, view: str) -> str:
        """``read_key`` from its parts: the verified device (or None), the address and the
        page's view id as the query gave it."""
        owner = device.id if device is not None else "@" + address
        return owner + "|" + (view if _ID.match(view) else "")

    def limit_reads(self, read_key: str, address: str) -> None:
        """A poll's two limits, the page's own (``read_key``) and its address's ceiling;
        raises PhoneError (429) when one says wait."""
        self.limit(self.limits.device_reads, read_key)
        self.limit(self.limits.address_reads, address)

    def limit_page(self, request: Request) -> Response | None:
        """A human page (not JSON) if this address must wait before loading a page."""
        wait = self.limits.address_reads.check(self.address(request))
        if not wait:
            return None
        seconds = retry_after(wait)
        return Response(self.web.busy_html.replace("RETRY_SECONDS", seconds), status_code=429,
                        media_type="text/html; charset=utf-8",
                        headers={"retry-after": seconds, "cache-control": "no-store"})

    def session(self, column: str, token: str) -> Session:
        if not _TOKEN.match(token):
            raise PhoneError(404, "not_found", "This link is not valid. Ask for the QR code "
                             "again or type the session code.")
        session = session_by_token(self.file, column, token)
        if session is None:
            raise PhoneError(404, "not_found", "This link is not valid. Ask for the QR code "
                             "again or type the session code.")
        return session

    async def read_json(self, request: Request, max_body: int | None = None) -> dict[str, Any]:
        """The request's JSON object, refusing bodies over ``max_body`` bytes (default: the
        phones' limit) before reading them in full."""
        limit = self.limits.max_body if max_body is None else max_body
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != "application/json":
            raise PhoneError(415, "invalid", "Send JSON (Content-Type: application/json).")
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise PhoneError(413, "too_large", "That is too much text to send.")
        body = bytearray()
        try:
            async for chunk in request.stream():
                body += chunk
                if len(body) > limit:
                    raise PhoneError(413, "too_large", "That is too much text to send.")
        except ClientDisconnect:
            # The phone left mid-body (Wi-Fi lost, or a slow client cut off): no one to
            # answer, and nothing the server did wrong.
            raise PhoneError(400, "invalid", "The request was cut off.") from None
        try:
            # Every string, keys included, loses lone surrogates and control characters
            # here, the one door of every phone and team-device write: no route can store
            # a NUL or hit a UnicodeEncodeError in SQLite (core/text.py).
            data = remove_unwritable_in(json.loads(body.decode("utf-8")))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise PhoneError(400, "invalid", "The request was not valid JSON.") from None
        if not isinstance(data, dict):
            raise PhoneError(400, "invalid", "The request must be a JSON object.")
        return data

    def json_with_etag(self, request: Request, data: dict[str, Any]) -> Response:
        status, headers, body = json_answer(data, request.headers.get("if-none-match", ""))
        response = Response(body, status_code=status)
        response.raw_headers = headers  # as json_answer made them (and HallPolls sends)
        return response

    # --- pages --------------------------------------------------------------------------

    def page(self, request: Request, name: str) -> Response:
        return self.web.pages[name].response(request, PAGE_CACHE)

    async def home(self, request: Request) -> Response:
        return self.limit_page(request) or self.page(request, "phone.html")

    async def join_page(self, request: Request) -> Response:
        busy = self.limit_page(request)
        if busy is not None:
            return busy
        try:  # the published state knows the token, and phones ask for it next
            self.publish(request.path_params["token"])
        except PhoneError:
            return self.not_found_page(request)
        return self.page(request, "phone.html")

    async def speaker_page(self, request: Request) -> Response:
        busy = self.limit_page(request)
        if busy is not None:
            return busy
        try:
            self.session("speaker_token", request.path_params["token"])
        except PhoneError:
            return self.not_found_page(request)
        return self.page(request, "speaker.html")

    def not_found_page(self, request: Request) -> Response:
        return self.web.pages["notfound.html"].response(request, "no-store", status_code=404)

    async def web_file(self, request: Request) -> Response:
        """The page's own scripts, styles and strings, from memory: never rate-limited (a
        page missing its script is a broken page), kept a year when the URL names the
        current version, and 304 when the phone has them."""
        encoded = self.web.files.get(request.path_params["name"])
        if encoded is None:
            raise PhoneError(404, "not_found", "No such file.")
        current = request.query_params.get("v") == self.web.version
        return encoded.response(request, VERSIONED_CACHE if current else STATIC_CACHE)

    # --- API ----------------------------------------------------------------------------

    async def find_code(self, request: Request) -> Response:
        self.limit(self.limits.address_writes, self.address(request))  # slows guessing
        code = normalise_short_code(request.path_params["code"][:40])
        session = (session_by_token(self.file, "short_code", code)
                   if len(code) == SHORT_CODE_LENGTH else None)
        if session is None:
            raise PhoneError(404, "unknown_code", "No session has this code. Check the code "
                             "on the screen and try again.")
        return JSONResponse({"join": f"/j/{session.join_token}"},
                            headers={"cache-control": "no-store"})

    async def state(self, request: Request) -> Response:
        self.limit(self.limits.device_reads, self.read_key(request))
        self.limit(self.limits.address_reads, self.address(request))
        session = self.session("join_token", request.path_params["token"])
        device = self.device(request)
        return self.json_with_etag(request,
                                   self.public_state(session, device.id if device else ""))

    async def shared(self, request: Request) -> Response:
        """What every phone of the session sees alike, as published: the same bytes (and
        gzip) and ETag for all, a 304 for a phone that has them. The phone's own votes and
        questions come from ``me``; ``rev`` changes when a question's status or what phones
        see of it changes (not for votes), so
        the page knows when to ask for them again. (GET is answered by
        ``audience.hall_polls.HallPolls`` before it gets here, the same way.)"""
        self.limit_reads(self.read_key(request), self.address(request))
        return self.publish(request.path_params["token"]).encoded.response(request,
                                                                           "no-cache")

    async def me(self, request: Request) -> Response:
        """This phone's own bits, small: the questions it upvoted and the ones it asked.
        (GET is answered by ``audience.hall_polls.HallPolls`` before it gets here.)"""
        self.limit_reads(self.read_key(request), self.address(request))
        # The published state knows the token (a 404 if unknown) and its session.
        session_id = self.publish(request.path_params["token"]).session_id
        return self.json_with_etag(request, self.own_bits(session_id, self.device(request)))

    def own_bits(self, session_id: int, device: Device | None) -> dict[str, Any]:
        """A phone's own bits: the questions it upvoted (``voted``), the current count of
        each of them that phones see (``counts``: the published state may hold counts back
        a few seconds, and a phone must see its own vote counted) and what it asked
        (``mine``). Found by device (two indexed lookups), whatever the session's size."""
        if device is None:
            return {"voted": [], "counts": {}, "mine": []}
        votes = qstore.device_votes(self.file, session_id, device.id)
        mine = qstore.device_questions(self.file, session_id, device.id)
        return {"voted": sorted(q for q, _, _ in votes),
                "counts": {str(q): n for q, n, status in sorted(votes)
                           if status in VISIBLE_STATUSES},
                "mine": [self._mine(q) for q in mine]}

    def publish(self, token: str) -> Published:
        """The session's published state; rebuilt when the file changed, at most once per
        ``publish_seconds``. Raises PhoneError (404) for an unknown token."""
        now = time.monotonic()
        published = self._published.get(token)
        if published is not None and now - published.at < self.publish_seconds:
            return published
        marker = qstore.change_marker(self.file)
        # Unchanged since last checked, unless counts were held back and are now due.
        if published is not None and published.marker == marker and not (
                published.held and now - published.encoded_at >= self.votes_seconds):
            published = dataclasses.replace(published, marker=marker, at=now)
            self._published[token] = published
            return published
        session = self.session("join_token", token)
        assert session.id is not None
        fragments = self._fragments.get(session.id)
        if fragments is None:
            if len(self._fragments) > 64:  # sessions come and go; keep memory bounded
                self._fragments.clear()
            fragments = self._fragments[session.id] = QuestionFragments()
        # Only the questions that changed since the last publish are encoded again.
        questions, stamp = fragments.assemble(
            qstore.public_rows(self.file, session.id, VISIBLE_STATUSES))
        shown = qstore.on_screen_question(self.file, session.id)
        counts = qstore.question_counts(self.file, session.id)
        head = {"session": {"title": session.title, "open": session.questions_open},
                "speakers": self.speakers(session.id)}
        tail = {
            "on_screen": self.public_question(shown, False) if shown else None,
            # A moderator's decision moves a count (a new pending question, which only its
            # asker cares about, does not), and what phones see of a question changing
            # moves the digest (one approved as another goes back to pending leaves the
            # counts as they were; an edited wording moves no count): the page then asks
            # for its own questions. Votes move neither.
            "rev": ".".join([*(str(counts[status]) for status in QuestionStatus
                               if status is not QuestionStatus.PENDING),
                             format(fragments.digest & 0xFFFFFFFFFFFF, "x")]),
            # Requests for the floor taken now: the page then loads its floor section.
            "floor": floor_settings(self.file, session.id).open,
        }
        # The open poll shows at once; its results wait like vote counts (audience/polls.py).
        poll = phone_polls.open_poll_of(self, session)
        tail["poll"] = phone_polls.public_poll(poll)
        shape = _without_votes(head, stamp, tail)
        if (published is not None and published.shape == shape
                and now - published.encoded_at < self.votes_seconds):
            published = dataclasses.replace(published, marker=marker, at=now, held=True)
            self._published[token] = published
            return published
        if poll is not None:
            phone_polls.add_results(self, session, poll, tail["poll"])
        # The bytes of json.dumps of {**head, "questions": [...], **tail}, the questions'
        # part joined from their kept fragments.
        body = b"".join((encode_json(head)[:-1], b',"questions":[', b",".join(questions),
                         b"],", encode_json(tail)[1:]))
        published = Published(marker, now, Encoded.of(body, "application/json", STATE_GZIP),
                              shape, now, session.id)
        if len(self._published) > 64:  # tokens come and go; keep memory bounded
            self._published.clear()
        self._published[token] = published
        return published

    def public_state(self, session: Session, device: str) -> dict[str, Any]:
        assert session.id is not None
        shared = self.shared_state(session.id)
        voted = qstore.voted_ids(self.file, session.id, device) if device else set()
        mine = qstore.device_questions(self.file, session.id, device) if device else []
        shown = shared["on_screen"]
        return {
            "session": {"title": session.title, "open": session.questions_open},
            "speakers": shared["speakers"],
            # The shared dicts say "voted": false; copies only where this phone voted.
            "questions": [{**q, "voted": True} if q["id"] in voted else q
                          for q in shared["questions"]],
            "mine": [self._mine(q) for q in mine],
            "on_screen": ({**shown, "voted": shown["id"] in voted} if shown else None),
            "floor": floor_settings(self.file, session.id).open,
        }

    def shared_state(self, session_id: int) -> dict[str, Any]:
        """What every phone of a session sees alike, rebuilt only when the file changed.

        Rebuilding it for each poll cost ~0.7 ms with 100 questions and capped the server
        near 1,000 polls a second on one core (docs/benchmarks.md, Audience load).
        """
        version = qstore.change_marker(self.file)
        cached = self._shared.get(session_id)
        if cached is not None and cached[0] == version:
            return cached[1]
        visible = qstore.list_questions(self.file, session_id, statuses=VISIBLE_STATUSES,
                                        sort="votes")
        shown = qstore.on_screen_question(self.file, session_id)
        shared = {
            "speakers": self.speakers(session_id),
            "questions": [self.public_question(q, False) for q in visible],
            "on_screen": self.public_question(shown, False) if shown else None,
        }
        if len(self._shared) > 64:  # sessions come and go; keep memory bounded
            self._shared.clear()
        self._shared[session_id] = (version, shared)
        return shared

    def speakers(self, session_id: int) -> list[str]:
        """The names questions can go to, in agenda order, each once."""
        speakers: list[str] = []
        for slot in list_slots(self.file, session_id):
            # Questions go to the panel, not to floor interventions or closing remarks.
            if slot.kind in _ADDRESSABLE and slot.person.name not in speakers:
                speakers.append(slot.person.name)
        return speakers

    def _mine(self, question: Question) -> dict[str, Any]:
        """One of this phone's own questions; a merged one names the question it joined
        and where that stands, so the asker can follow it."""
        entry: dict[str, Any] = {"id": question.id, "text": question.text,
                                 "status": question.status.public}
        if question.status is QuestionStatus.MERGED and question.merged_into is not None:
            try:
                into = qstore.get_question(self.file, question.merged_into)
            except EventFileError:
                return entry
            entry["into"] = {"id": into.id, "text": into.text, "status": into.status.public}
        return entry

    @staticmethod
    def public_question(question: Question, voted: bool) -> dict[str, Any]:
        # One shape of what phones see of a question: the published list's own.
        shown = public_questions.public_question((
            question.id, question.text, question.author, question.organisation,
            question.addressed_to, question.votes, question.status.value))
        shown["voted"] = voted
        return shown

    async def submit(self, request: Request) -> Response:
        address = self.address(request)
        self.limit(self.limits.address_writes, address)
        session = self.session("join_token", request.path_params["token"])
        data = await self.read_json(request)
        assert session.id is not None
        device, cookie = self.device_for_write(request, session.id)
        self.limit(self.limits.device_writes, device.id)
        request_id = data.get("request_id")
        if request_id is not None and (not isinstance(request_id, str)
                                       or not _ID.match(request_id)):
            raise PhoneError(400, "invalid", "The request id is not valid; reload the page.")
        assert session.id is not None
        # A retry of a question accepted before the session closed still gets its answer.
        if not session.questions_open and not (
                request_id and qstore.stored_request(self.file, session.id, request_id)):
            raise PhoneError(409, "closed", "Questions are closed for this session.")
        question, created = run(self.file, phone(device.id), phones.send_question(
            session.id, data.get("text"), now=self.clock.now(),
            author=data.get("author", ""), organisation=data.get("organisation", ""),
            addressed_to=data.get("to", ""), language=data.get("language", ""),
            device_id=device.id, client_request_id=request_id)).result
        if created:
            self.notify("questions", session.id, question.id)
        return self.with_device_cookie(
            JSONResponse({"id": question.id, "status": question.status.public},
                         status_code=201 if created else 200,
                         headers={"cache-control": "no-store"}), cookie)

    async def vote(self, request: Request) -> Response:
        address = self.address(request)
        self.limit(self.limits.address_writes, address)
        session = self.session("join_token", request.path_params["token"])
        await self.read_json(request)  # a JSON body, as every write: the page sends {}
        assert session.id is not None
        device, cookie = self.device_for_write(request, session.id)
        self.limit(self.limits.device_writes, device.id)
        question_id = request.path_params["question_id"]
        try:
            # An id past SQLite's 64-bit integers is no question (and not a 500).
            question = (qstore.get_question(self.file, question_id)
                        if question_id < 2**63 else None)
        except EventFileError:
            question = None
        if question is None or question.session_id != session.id:
            # Not "not_found": the page takes that for a dead link.
            raise PhoneError(404, "question_gone", "This question is no longer available.")
        now = self.clock.now()
        if device.age(now) < NEW_DEVICE:
            self.watch_new_device_vote(device, session.id, address, question_id, now)
        before = question.votes
        question = run(self.file, phone(device.id), phones.vote(
            session.id, question_id, now=now, device_id=device.id)).result
        if question.votes != before:
            self.notify("votes", session.id, question.id)
        return self.with_device_cookie(
            JSONResponse({"id": question.id, "votes": question.votes, "voted": True},
                         headers={"cache-control": "no-store"}), cookie)

    def watch_new_device_vote(self, device: Device, session_id: int, address: str,
                              question_id: int, now: float) -> None:
        """Count a vote by a young device for the moderator's flag; refuse it (429, the
        page sends it again) past the ceiling on one question from one address."""
        if self.watch.fresh_vote(session_id, address, question_id):
            self.notify("burst", session_id)
        if device.age(now) < FRESH_DEVICE:
            self.limit(self.limits.fresh_votes, f"{session_id}|{address}|{question_id}")

    async def speaker_state(self, request: Request) -> Response:
        # The podium's few screens hold a secret link; only the address ceiling applies
        # (two of them behind one address must not share a per-page bucket).
        self.limit(self.limits.address_reads, self.address(request))
        session = self.session("speaker_token", request.path_params["token"])
        self.podium_polled_at = time.monotonic()
        data = podium_state(self.file, session)
        # Read the clock last, as close to sending as possible: phones use it to estimate
        # their offset from the laptop's clock.
        data["now"] = self.clock.now()
        return JSONResponse(data, headers={"cache-control": "no-store"})


@dataclasses.dataclass(frozen=True)
class Published:
    """A session's shared state as sent: the file's change marker it was last checked at,
    when (monotonic seconds), its encoded bytes, what it says besides vote counts, when
    those bytes were encoded, and whether newer vote counts are held back."""

    marker: tuple[int, int]
    at: float
    encoded: Encoded
    shape: object
    encoded_at: float
    session_id: int
    held: bool = False  # vote counts newer than the bytes wait to be published


def _without_votes(head: dict[str, Any], questions: int,
                   tail: dict[str, Any]) -> object:
    """The shared state less its vote counts and their order: what must show at once.
    ``questions`` is the stamp of what the questions say (``QuestionFragments``)."""
    shown = tail["on_screen"]
    return (head["session"]["title"], head["session"]["open"], tuple(head["speakers"]),
            questions, None if shown is None else tuple(
                sorted((k, v) for k, v in shown.items() if k != "votes")),
            tail["rev"], tail["floor"], json.dumps(tail["poll"], sort_keys=True))


class RequireApiHeader:
    """The JSON API answers only requests carrying ``X-Facilitator: 1``.

    A page elsewhere cannot add a custom header to a cross-site request without a CORS
    preflight, which this server never approves: no cross-site form posts or votes.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/api/"):
            headers = dict(scope.get("headers") or [])
            if headers.get(API_HEADER.encode()) != b"1":
                team = scope["path"].startswith("/api/r/")
                response = _error_response(403, "header_missing", TEAM_HEADER_MISSING if team
                                           else "Use the page to send questions.")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(event_file: EventFile | str | Path, notify: Notify | None = None, *,
               clock: Clock | None = None, limits: Limits | None = None,
               extra_hosts: Iterable[str] = ()) -> PhoneServerApp:
    """The phone app over an open event file (or a path, opened unlocked, closed at exit).

    ``extra_hosts``: Host names answered besides the laptop's own addresses and localhost
    (a reverse proxy's public name); every other Host gets 421.
    """
    owns_file = not isinstance(event_file, EventFile)
    opened = EventFile.open(event_file, lock=False) if owns_file else event_file
    phones = PhoneApp(opened, notify, clock or SystemClock(), limits or Limits())
    routes = [
        Route("/", phones.home),
        Route("/j/{token}", phones.join_page),
        Route("/s/{token}", phones.speaker_page),
        Route("/web/{name:path}", phones.web_file),
        Route("/api/code/{code}", phones.find_code),
        Route("/api/j/{token}", phones.state),
        Route("/api/j/{token}/shared", phones.shared),
        Route("/api/j/{token}/me", phones.me),
        Route("/api/j/{token}/questions", phones.submit, methods=["POST"]),
        Route("/api/j/{token}/questions/{question_id:int}/vote", phones.vote,
              methods=["POST"]),
        Route("/api/s/{token}", phones.speaker_state),
        *floor_routes(phones),  # requests for the floor (audience/floor_api.py)
        *phone_polls.routes(phones),
    ]
    # The team's role links (audience/roles.py): /r/{token} pages, /api/r/{token}/... API.
    # Imported here because roles builds on this module.
    from facilitator.audience import roles

    team = roles.TeamApp(phones)
    routes += roles.routes(team)

    async def phone_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, PhoneError)
        return _error_response(exc.status, exc.code, exc.message, exc.headers)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "invalid")
        message = {404: "Nothing here.", 405: "Not allowed."}.get(exc.status_code,
                                                                   str(exc.detail))
        return _error_response(exc.status_code, code, message, dict(exc.headers or {}))

    async def request_reused(request: Request, exc: Exception) -> Response:
        # The page drops its request id on a 409 and keeps the text, so sending again works.
        return _error_response(409, "reused", "This question was not sent yet; please send "
                               "it again.")

    async def question_error(request: Request, exc: Exception) -> Response:
        text = str(exc)
        # "empty" and "too_long" are codes the page says in the phone's language.
        code = getattr(exc, "reason", "") or "invalid"
        return _error_response(400, code, text[:1].upper() + text[1:] + ".")

    async def user_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, UserError)
        code: Code = exc.code
        if code.is_file_problem:  # busy, full, damaged…: the phone tries again
            return await store_error(request, exc)
        # ``reason`` names the refusal, for a page to say it in its own language.
        return JSONResponse({"error": "invalid", "reason": code.name.lower(),
                             "message": str(exc)}, status_code=400,
                            headers={"cache-control": "no-store"})

    async def store_error(request: Request, exc: Exception) -> Response:
        # The laptop's disk or file is in trouble (busy, full): the phone should retry,
        # and the page keeps the text so nothing typed is lost.
        log.error("phone request failed on the event file: %s", exc)
        return _error_response(503, "busy", "The laptop is busy; trying again shortly.",
                               {"retry-after": "2"})

    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("phone request failed", exc_info=exc)
        return _error_response(500, "unexpected", "Something went wrong; please try again.")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        if owns_file:
            opened.close()

    app = Starlette(
        routes=routes,
        exception_handlers={PhoneError: phone_error, HTTPException: http_error,
                            RequestReused: request_reused, QuestionError: question_error,
                            EventFileError: store_error, UserError: user_error,
                            Exception: unexpected},
        lifespan=lifespan,
    )
    app.state.team = team
    # The hall's polls are answered in front of Starlette, behind every check.
    checked = StrictFraming(HostCheck(RequireApiHeader(HallPolls(app, phones)),
                                      extra=extra_hosts))
    return PhoneServerApp(SecurityHeaders(checked), phones, team, app.routes)


class PhoneServerApp:
    """The finished ASGI app, with its ``phones`` state reachable for the runner and tests."""

    def __init__(self, app: ASGIApp, phones: PhoneApp, team: roles.TeamApp,
                 routes: Sequence[BaseRoute] = ()) -> None:
        self.app = app
        self.phones = phones
        self.team = team  # the role links' state: who was seen, the session shown
        self.routes = list(routes)  # every route served, for tests that walk them all

    def take_question_news(self) -> dict[int, set[int] | None]:
        """``PhoneApp.take_question_news``. Safe from any thread."""
        return self.phones.take_question_news()

    def bursts(self, session_id: int) -> list[Burst]:
        """Signs of vote stuffing from one address in this session, newest first (safe to
        call from the GUI thread)."""
        return self.phones.watch.bursts(session_id)

    @property
    def podium_polled_at(self) -> float | None:
        """When a podium page last asked for its state (monotonic seconds), or None."""
        return self.phones.podium_polled_at

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)
