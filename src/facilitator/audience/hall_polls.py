"""The two requests every phone of a hall sends every 2 s, answered without the framework.

A hall of 5,000 phones asks for the session's shared state 2,500 times a second (mostly a
304) and, when a moderator's decision moves the state's ``rev``, for its own votes and
questions, all within two seconds. Through Starlette each of these cost its routing (a
regular expression per route until one matches), two exception middlewares, a Request
with its headers, query and cookies parsed into mappings, and a Response whose headers
were built anew: about twice what the bare server spends on a request, on a core that
the window's GUI thread shares (docs/benchmarks.md, CPU per phone request).

``HallPolls`` sits in front of the Starlette app, behind every protection (the framing and
Host checks, the API header, the security headers), and answers ``GET
/api/j/{token}/shared`` and ``GET /api/j/{token}/me`` itself with exactly what the
Starlette routes answer (``PhoneApp.shared`` and ``PhoneApp.me``, which stay for HEAD and
as the reference the tests compare with): the same limits per page, device and address,
the same ETags, bytes and headers. Anything else, and any trouble other than a phone's
error, goes to the Starlette app.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl

from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Receive, Scope, Send

from facilitator.audience.devices import COOKIE_NAME

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from facilitator.audience.app import PhoneApp

_PREFIX = "/api/j/"
_ROUTES = frozenset({"shared", "me"})
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")  # as the Starlette route's session lookup


def query_value(query_string: bytes, *names: str) -> str:
    """The first of ``names`` given a non-empty value in the query (the last value given
    for a name counts, as Starlette's ``query_params.get``), else ""."""
    text = query_string.decode("latin-1")
    if "%" in text or "+" in text:
        pairs = parse_qsl(text, keep_blank_values=True)
    else:
        pairs = [(k, v) for k, _, v in (p.partition("=") for p in text.split("&") if p)]
    found = dict(pairs)
    for name in names:
        if found.get(name):
            return found[name]
    return ""


class HallPolls:
    """ASGI middleware: the phones' polls of the shared state and of their own bits."""

    def __init__(self, app: ASGIApp, phones: PhoneApp) -> None:
        # Here, not at the top: audience.app builds on this module.
        from facilitator.audience.app import PhoneError, error_response, json_answer

        self.app = app
        self.phones = phones
        self._phone_error = PhoneError
        self._error_response = error_response
        self._json_answer = json_answer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            path: str = scope["path"]
            if path.startswith(_PREFIX):
                token, _, route = path[len(_PREFIX):].partition("/")
                if (route in _ROUTES and _TOKEN.match(token)
                        and await self.answer(scope, receive, send, token, route)):
                    return
        await self.app(scope, receive, send)

    async def answer(self, scope: Scope, receive: Receive, send: Send, token: str,
                     route: str) -> bool:
        """Answer a poll; False (nothing sent) hands it to the Starlette app."""
        phones = self.phones
        headers = _headers(scope)
        client = scope.get("client")
        address = client[0] if client else "unknown"
        device = (phones.devices.verify(_device_cookie(scope))
                  if b"cookie" in headers else None)
        try:
            phones.limit_reads(phones.read_key_of(device, address, query_value(
                scope.get("query_string", b""), "view", "device")), address)
            published = phones.publish(token)
            if_none_match = headers.get(b"if-none-match", b"").decode("latin-1")
            if route == "shared":
                status, head, body = published.encoded.answer(
                    if_none_match, headers.get(b"accept-encoding", b"").decode("latin-1"),
                    "no-cache")
            else:
                status, head, body = self._json_answer(
                    phones.own_bits(published.session_id, device), if_none_match)
        except self._phone_error as error:
            response = self._error_response(error.status, error.code, error.message,
                                      error.headers)
            await response(scope, receive, send)
            return True
        except Exception:  # the store's trouble and the rest: as the routes answer it
            log.debug("a poll goes the long way", exc_info=True)
            return False
        await send({"type": "http.response.start", "status": status, "headers": head})
        await send({"type": "http.response.body", "body": body})
        return True


def _device_cookie(scope: Scope) -> str | None:
    """The device cookie's value, every Cookie header read in turn, a later one winning
    (as Starlette's ``Request.cookies``)."""
    cookies: dict[str, str] = {}
    for name, value in scope["headers"]:
        if name == b"cookie":
            cookies.update(cookie_parser(value.decode("latin-1")))
    return cookies.get(COOKIE_NAME)


def _headers(scope: Scope) -> dict[bytes, bytes]:
    """The request's headers by name, the first of each (as Starlette's ``Headers.get``)."""
    found: dict[bytes, bytes] = {}
    for name, value in scope["headers"]:
        found.setdefault(name, value)
    return found
