"""Limits that keep one phone (or one prankster) from flooding the laptop."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_BODY_BYTES = 8 * 1024  # a 500-character question in UTF-8 plus names fits easily


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


@dataclass
class Limits:
    """The phone server's limits; tests make them tighter or looser."""

    max_body: int = MAX_BODY_BYTES
    # Writes: a person sends a question in ~10 s at best; votes come in bursts.
    device_writes: RateLimit = field(default_factory=lambda: RateLimit(per_minute=20, burst=10))
    # One address may be a whole delegation behind one access point's NAT.
    address_writes: RateLimit = field(default_factory=lambda: RateLimit(per_minute=240, burst=60))
    # Polling every 2-3 s per phone, with room for a few phones sharing an address.
    address_reads: RateLimit = field(default_factory=lambda: RateLimit(per_minute=1200, burst=200))


def retry_after(seconds: float) -> str:
    """The Retry-After header value: whole seconds, at least one."""
    return str(max(1, math.ceil(seconds)))
