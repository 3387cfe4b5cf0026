"""HTTP/1.1 message framing by the book (RFC 9112 section 6.3).

A request carrying both Content-Length and Transfer-Encoding can be read two ways; a
proxy in front and this server could disagree on where it ends and "smuggle" a second
request inside the first. h11 (uvicorn's parser here) reads such a request as chunked and
keeps the connection open. The RFC lets a server refuse it, and then it must close the
connection: that is what this middleware does, before any route sees the request.
"""

from __future__ import annotations

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send


class StrictFraming:
    """ASGI middleware: 400 and close for a request framed two ways."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            names = {name.lower() for name, _ in scope.get("headers") or []}
            if b"content-length" in names and b"transfer-encoding" in names:
                # "Connection: close" makes h11 end the connection after this answer, so
                # nothing left in the body is ever read as a request.
                response = JSONResponse(
                    {"error": "invalid", "message": "The request's length is given twice."},
                    status_code=400,
                    headers={"connection": "close", "cache-control": "no-store"})
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
