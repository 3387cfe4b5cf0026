"""What start-up no longer imports gives the same results when it is used (issue 17: the
imports deferred past the first paint, tests/gui/test_startup_imports.py)."""

from __future__ import annotations

import hashlib
import wave
from pathlib import Path

from facilitator.gui.chime import RATE, TONE_SECONDS, write_tone
from facilitator.gui.room_restore import place_group


def test_the_room_is_kept_under_the_same_key_as_with_hashlib(tmp_path):
    # The key names the settings group a room was saved under: it must not change.
    for name in ("event.db", "événement.db", "会议.db"):
        path = tmp_path / name
        digest = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
        assert place_group(path) == f"room/{digest}"
        assert place_group(str(path)) == f"room/{digest}"


def test_the_chime_tone_is_a_wav_file(tmp_path):
    path = write_tone(tmp_path / "chime.wav")
    with wave.open(str(path), "rb") as tone:
        assert (tone.getnchannels(), tone.getsampwidth(), tone.getframerate()) == (1, 2, RATE)
        assert tone.getnframes() == int(RATE * TONE_SECONDS)
    assert Path(path).stat().st_size > 2 * int(RATE * TONE_SECONDS)
