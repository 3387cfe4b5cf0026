"""A short tone when a speaker's time runs out (off by default; one click turns it on).

QtMultimedia ships in PySide6-Addons, which we do not require; with it, a soft generated
tone plays, without it the system beep does.
"""

from __future__ import annotations

import math
import struct
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

TONE_HZ = 880.0
TONE_SECONDS = 0.35
RATE = 22050


def write_tone(path: Path) -> Path:
    """A sine tone with a soft fade out, as a 16-bit mono WAV file."""
    import wave  # only with QtMultimedia, and not before the window is first painted

    frames = int(RATE * TONE_SECONDS)
    samples = (
        int(12000 * (1 - i / frames) * math.sin(2 * math.pi * TONE_HZ * i / RATE))
        for i in range(frames)
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return path


class Chime:
    """Plays the tone; falls back to ``QApplication.beep()``."""

    def __init__(self) -> None:
        self.plays = 0  # counted so tests can see the chime without hearing it
        self._effect = None
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:
            return
        # Only with QtMultimedia: PySide6 makes QUrl's five enums as the class is first used.
        from PySide6.QtCore import QUrl

        folder = Path(tempfile.mkdtemp(prefix="facilitator-chime-"))
        self._effect = QSoundEffect()
        self._effect.setSource(QUrl.fromLocalFile(str(write_tone(folder / "chime.wav"))))

    def play(self) -> None:
        self.plays += 1
        if self._effect is not None:
            self._effect.play()
        else:
            QApplication.beep()
