"""Answers encoded once and sent many times: bytes, their gzip, one strong ETag.

A hall scanning the QR code asks for the same few files thousands of times within seconds,
and polls ask for the same state. Each answer here is built once: its bytes, its gzip
(only where that pays), and an ETag. A request then costs a header comparison and a write:
a 304 when the phone has it, else the bytes it can read.
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass, field

from starlette.requests import Request
from starlette.responses import Response

# Below about one TCP segment gzip saves no round trip, and each phone would pay to inflate.
GZIP_FROM_BYTES = 1_000
GZIP_MIN_SAVING = 0.10  # keep the gzip only if it is at least 10 % smaller


@dataclass(frozen=True)
class Encoded:
    """One representation of a resource: ``body``, ``gzipped`` (or None), ``etag`` (the
    strong ETag of the plain bytes; the gzip's is the same with ``-gz``), ``media_type``."""

    body: bytes
    gzipped: bytes | None
    etag: str
    media_type: str
    # Raw headers by cache lifetime, made on first use (``answer``).
    _heads: dict[str, tuple[list[tuple[bytes, bytes]], ...]] = field(
        default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, body: bytes, media_type: str, level: int = 9) -> Encoded:
        """Encode ``body`` (hash, and gzip at ``level`` where it pays); at level 9 costs
        ~1 ms per 20 KB of repetitive bytes, up to ~8 ms per 50 KB of varied text."""
        digest = hashlib.sha256(body).hexdigest()[:32]
        gzipped = None
        if len(body) >= GZIP_FROM_BYTES:
            # mtime=0: the same bytes give the same gzip (and the same ETag) every start.
            packed = gzip.compress(body, compresslevel=level, mtime=0)
            if len(packed) <= len(body) * (1 - GZIP_MIN_SAVING):
                gzipped = packed
        return cls(body, gzipped, f'"{digest}"', media_type)

    @property
    def gzip_etag(self) -> str:
        return self.etag[:-1] + '-gz"'

    def matches(self, if_none_match: str) -> bool:
        """Whether an If-None-Match value names this resource (either encoding)."""
        if not if_none_match:
            return False
        if if_none_match.strip() == "*":
            return True
        tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
        return self.etag in tags or (self.gzipped is not None and self.gzip_etag in tags)

    def answer(self, if_none_match: str, accept_encoding: str,
               cache_control: str) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        """``response`` as raw ASGI parts (status, headers, body), the same headers in the
        same order, built once per cache lifetime: for answers sent thousands of times a
        second (``audience.hall_polls``)."""
        wants_gzip = self.gzipped is not None and "gzip" in accept_encoding.lower()
        heads = self._heads.get(cache_control)
        if heads is None:
            heads = self._heads[cache_control] = self._make_heads(cache_control)
        if self.matches(if_none_match):
            return 304, heads[2 + wants_gzip], b""
        if wants_gzip:
            assert self.gzipped is not None
            return 200, heads[1], self.gzipped
        return 200, heads[0], self.body

    def _make_heads(self, cache_control: str) -> tuple[list[tuple[bytes, bytes]], ...]:
        """(plain 200, gzip 200, plain 304, gzip 304) headers, as Starlette's Response
        writes them for ``response``."""
        media = self.media_type
        if media.startswith("text/") and "charset=" not in media.lower():
            media += "; charset=utf-8"

        def common(etag: str) -> list[tuple[bytes, bytes]]:
            heads = [(b"etag", etag.encode("latin-1")),
                     (b"cache-control", cache_control.encode("latin-1"))]
            if self.gzipped is not None:
                heads.append((b"vary", b"Accept-Encoding"))
            return heads

        def sized(heads: list[tuple[bytes, bytes]], body: bytes) -> list[tuple[bytes, bytes]]:
            return [*heads, (b"content-length", str(len(body)).encode("latin-1")),
                    (b"content-type", media.encode("latin-1"))]

        plain = sized(common(self.etag), self.body)
        gzipped = (sized([*common(self.gzip_etag), (b"content-encoding", b"gzip")],
                         self.gzipped) if self.gzipped is not None else plain)
        return plain, gzipped, common(self.etag), common(self.gzip_etag)

    def response(self, request: Request, cache_control: str, status_code: int = 200,
                 headers: dict[str, str] | None = None) -> Response:
        """304 if the phone has these bytes, else them (gzipped if it takes gzip)."""
        wants_gzip = (self.gzipped is not None
                      and "gzip" in request.headers.get("accept-encoding", "").lower())
        answer = {"etag": self.gzip_etag if wants_gzip else self.etag,
                  "cache-control": cache_control, **(headers or {})}
        if self.gzipped is not None:
            answer["vary"] = "Accept-Encoding"
        if status_code == 200 and self.matches(request.headers.get("if-none-match", "")):
            return Response(status_code=304, headers=answer)
        if wants_gzip:
            answer["content-encoding"] = "gzip"
            return Response(self.gzipped, status_code=status_code, headers=answer,
                            media_type=self.media_type)
        return Response(self.body, status_code=status_code, headers=answer,
                        media_type=self.media_type)
