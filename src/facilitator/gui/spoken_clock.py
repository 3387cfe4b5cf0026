"""The countdown in words, for screen readers: "Ana Souza, 5 minutes left".

The painted clock changes every second; a screen reader should not be told that often.
The words change only when the whole minute, the level or the pause changes, and
``ClockFace.describe`` passes them on only when they differ.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from facilitator.core.clock_text import whole
from facilitator.core.timer import Level

_CLOCK = re.compile(r"^(-?)(?:(\d+):)?(\d+):(\d\d)$")


def clock_seconds(text: str) -> int | None:
    """Whole seconds from a clock reading as ``format_clock`` writes it (``-1:05`` → -65)."""
    match = _CLOCK.match(text.strip())
    if not match:
        return None
    sign, hours, minutes, seconds = match.groups()
    total = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return -total if sign else total


# Literal QCoreApplication.translate calls, so lupdate collects them. "{n}" is always 2 or
# more (1 has its own text), so French and Spanish need no plural forms.
def time_in_words(seconds: int) -> str:
    """The time in whole minutes: "5 minutes left", "over time by 2 minutes"."""
    if seconds > 60:
        text = QCoreApplication.translate("SpokenClock", "{n} minutes left")
        # Minutes counted down, like the digits: 4:05 left is "5 minutes left".
        return text.format(n=-whole(-seconds, 60))
    if seconds > 0:
        return QCoreApplication.translate("SpokenClock", "1 minute or less left")
    if seconds == 0:
        return QCoreApplication.translate("SpokenClock", "time is up")
    minutes = whole(-seconds, 60)  # minutes counted up: 1:59 over is "over time by 1 minute"
    if minutes < 1:
        return QCoreApplication.translate("SpokenClock", "over time")
    if minutes == 1:
        return QCoreApplication.translate("SpokenClock", "over time by 1 minute")
    text = QCoreApplication.translate("SpokenClock", "over time by {n} minutes")
    return text.format(n=minutes)


def spoken_reading(speaker: str, clock: str, level: Level, paused: bool = False) -> str:
    """The clock's accessible name: who speaks, the time left in words, paused or not."""
    seconds = clock_seconds(clock)
    if seconds is None:
        return speaker or QCoreApplication.translate("SpokenClock", "No speaker")
    words = time_in_words(seconds)
    if level is Level.DANGER and seconds > 0:
        text = QCoreApplication.translate("SpokenClock", "{time}, please conclude")
        words = text.format(time=words)
    if paused:
        words = QCoreApplication.translate("SpokenClock", "paused, {time}").format(time=words)
    if not speaker:
        return words
    text = QCoreApplication.translate("SpokenClock", "{speaker}: {time}")
    return text.format(speaker=speaker, time=words)
