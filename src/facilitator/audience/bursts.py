"""Spotting vote stuffing from one address, for the moderator to judge.

A hall behind one address (guest Wi-Fi, a travel router) and a prankster's laptop look
alike to the server: many devices, one address. Limits sized for the hall cannot stop the
laptop outright, so the server also watches for what a hall rarely does: many votes on one
question, in one minute, from devices issued minutes before, all from one address; and an
address that reaches a ceiling on new devices or on their votes. The moderator sees these
as a flag.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

WINDOW = 60.0  # seconds of votes looked at
FRESH_DEVICE = 60.0  # seconds: a device this young votes under ``Limits.fresh_votes``
NEW_DEVICE = 600.0  # seconds: votes by devices this young are watched for the flag
FRESH_VOTES_FLAG = 20  # votes by new devices on one question from one address, per WINDOW
SHOW_FOR = 600.0  # seconds a flag stays after its last sign


@dataclass(frozen=True)
class Burst:
    """One flag: ``kind`` is "votes" (new devices voting on one question) or "devices"
    (an address reached the ceiling on new devices); ``count`` is per the last minute."""

    session_id: int
    address: str
    kind: str
    count: int
    question_id: int | None
    last_seen: float  # on the watch's clock (monotonic seconds)


@dataclass
class BurstWatch:
    """Counts the signs per address and keeps the flags.

    The server thread records; the GUI thread reads ``bursts``: one lock covers both.
    """

    clock: Callable[[], float] = time.monotonic
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _votes: dict[tuple[int, str, int], deque[float]] = field(default_factory=dict)
    _refused: dict[tuple[int, str], deque[float]] = field(default_factory=dict)
    _flags: dict[tuple[int, str, str, int | None], Burst] = field(default_factory=dict)

    def fresh_vote(self, session_id: int, address: str, question_id: int) -> bool:
        """A new device voted (or was refused a vote); True if this makes (or keeps) a
        flag."""
        with self._lock:
            count = self._count(self._votes, (session_id, address, question_id))
            if count < FRESH_VOTES_FLAG:
                return False
            self._flag(Burst(session_id, address, "votes", count, question_id, self.clock()))
            return True

    def new_device_refused(self, session_id: int, address: str) -> bool:
        """An address was refused a new device; True the first time in a minute."""
        with self._lock:
            count = self._count(self._refused, (session_id, address))
            self._flag(Burst(session_id, address, "devices", count, None, self.clock()))
            return count == 1

    def bursts(self, session_id: int) -> list[Burst]:
        """The flags of a session still worth showing, the most recent first."""
        now = self.clock()
        with self._lock:
            for key in [k for k, b in self._flags.items() if now - b.last_seen > SHOW_FOR]:
                del self._flags[key]
            found = [b for b in self._flags.values() if b.session_id == session_id]
        return sorted(found, key=lambda b: b.last_seen, reverse=True)

    def _count(self, table: dict, key: tuple) -> int:
        now = self.clock()
        times = table.setdefault(key, deque())
        times.append(now)
        while times and now - times[0] > WINDOW:
            times.popleft()
        if len(table) > 10_000:  # many addresses or questions: forget the quiet ones
            for stale in [k for k, t in table.items() if not t or now - t[-1] > WINDOW]:
                del table[stale]
        return len(times)

    def _flag(self, burst: Burst) -> None:
        key = (burst.session_id, burst.address, burst.kind, burst.question_id)
        earlier = self._flags.get(key)
        # Keep the highest count seen while the flag lives: the moderator judges the peak.
        count = max(burst.count, earlier.count) if earlier else burst.count
        self._flags[key] = Burst(burst.session_id, burst.address, burst.kind, count,
                                 burst.question_id, burst.last_seen)
