"""Limits that keep one phone (or one prankster) from flooding the laptop."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_BODY_BYTES = 8 * 1024  # a 500-character question in UTF-8 plus names fits easily

# A rapporteur's note: a paragraph or a few (10,000 characters is some 1,500 English
# words), counted in characters (code points), so the same for every script. It was 16 KiB
# of UTF-8: 10,000 Latin letters passed, 10,000 Arabic ones (20 KB) or 5,000 emoji did not.
NOTE_MAX_CHARACTERS = 10_000
NOTE_MAX_TAGS = 40
NOTE_TAG_MAX_CHARACTERS = 200
# The body a note may take, refused before it is parsed: every character at its widest in
# JSON — 12 bytes, an emoji as two \uXXXX escapes (Python's json.dumps; a browser sends 4
# at most) — for the text and its tags, and 4 KiB for the other fields. About 215 KiB.
NOTE_MAX_BODY = 12 * (NOTE_MAX_CHARACTERS + NOTE_MAX_TAGS * NOTE_TAG_MAX_CHARACTERS) + 4 * 1024

# A summary section (the key messages, an answer): longer than a note, the same in every
# script. It was 64 KiB of JSON: about 65,000 Latin letters, 32,000 Arabic ones, 16,000
# emoji; now what Latin text had, 65,536 characters (some 10,000 English words), in every
# script. Its body, as a note's, at 12 bytes a character (about 770 KiB).
SUMMARY_SECTION_MAX_CHARACTERS = 65_536
SUMMARY_MAX_BODY = 12 * SUMMARY_SECTION_MAX_CHARACTERS + 4 * 1024


@dataclass
class RateLimit:
    """A token bucket per key: ``burst`` requests at once, then ``per_minute`` on average."""

    per_minute: float
    burst: int
    clock: Callable[[], float] = time.monotonic
    max_keys: int = 20_000
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)

    def check(self, key: str) -> float:
        """Take one token for ``key``: 0 if allowed, else the seconds to wait."""
        now = self.clock()
        rate = self.per_minute / 60.0
        tokens, last = self._buckets.get(key, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * rate)
        if tokens >= 1.0:
            self._remember(key, tokens - 1.0, now)
            return 0.0
        self._remember(key, tokens, now)
        return (1.0 - tokens) / rate

    def _remember(self, key: str, tokens: float, now: float) -> None:
        if key not in self._buckets and len(self._buckets) >= self.max_keys:
            # Many made-up device ids must not grow memory without bound: forget the
            # buckets that are full again (they would allow a request anyway).
            full = [k for k, (t, at) in self._buckets.items()
                    if t + (now - at) * self.per_minute / 60.0 >= self.burst]
            for stale in full or list(self._buckets)[: self.max_keys // 2]:
                del self._buckets[stale]
        self._buckets[key] = (tokens, now)


# A full hall behind one address (guest Wi-Fi, a travel router, a proxy): this many phones
# must fit under the per-address ceilings.
HALL_PHONES = 2_000
POLL_SECONDS = 2.0  # the page polls every 2 s while visible (resources/web/phone.js)


@dataclass
class Limits:
    """The phone server's limits; tests make them tighter or looser.

    Limits are keyed per device first (the signed id the server issued, see
    ``audience.devices``); the per-address ceilings only stop what no hall of
    ``HALL_PHONES`` phones behind one address would do. Static files are never limited.
    """

    max_body: int = MAX_BODY_BYTES
    # Writes: a person sends a question in ~10 s at best; votes come in bursts.
    device_writes: RateLimit = field(default_factory=lambda: RateLimit(per_minute=20, burst=10))
    # Polls of one page on one phone: every 2 s, more after a vote or a return to the tab.
    device_reads: RateLimit = field(default_factory=lambda: RateLimit(per_minute=90, burst=45))
    # A hall voting right after a question goes on screen: most phones at once.
    address_writes: RateLimit = field(default_factory=lambda: RateLimit(
        per_minute=3 * HALL_PHONES, burst=HALL_PHONES))
    # A hall polling every 2 s, with half as much again for page loads and returns.
    address_reads: RateLimit = field(default_factory=lambda: RateLimit(
        per_minute=1.5 * HALL_PHONES * 60 / POLL_SECONDS, burst=3 * HALL_PHONES))
    # New device ids per address: a hall arriving over about five minutes never meets it
    # (400 at once, then 400 a minute); a laptop inventing devices to stuff votes does.
    new_devices: RateLimit = field(default_factory=lambda: RateLimit(
        per_minute=HALL_PHONES / 5, burst=HALL_PHONES // 5))
    # Votes on one question, from one address, by devices issued under a minute before.
    # A hall joins at the start and votes later; a script inventing a device per vote
    # meets this at once. A real phone caught here sends its vote again after Retry-After.
    fresh_votes: RateLimit = field(default_factory=lambda: RateLimit(per_minute=60, burst=60))


def retry_after(seconds: float) -> str:
    """The Retry-After header value: whole seconds, at least one."""
    return str(max(1, math.ceil(seconds)))
