"""The clock survives a corrected wall clock: anchored to the boot, in the event file.

The wall clock, the sleep-counting ticks and the boot id are injected: the laptop's own
clock is never touched (tests/reliability/test_clock_restart.py does it with real
processes under faketime).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core.clock import ClockAnchor, choose_anchor
from facilitator.core.clock_text import format_clock
from facilitator.store import EventFile
from facilitator.store.laptop_clock import (
    anchored_clock,
    read_boot_id,
    speech_in_progress,
    stored_anchor,
)
from facilitator.store.sessions import list_sessions, list_slots, save_timer

WALL = 1_800_000_000.0
BOOT_A = "2230f744-5754-4ffe-9859-0b9e25aeeebd"
BOOT_B = "9c1d7e55-0f0b-4c55-a0c2-3a1b2c3d4e5f"


class Laptop:
    """A laptop's clocks: a wall clock that can be set, ticks that count since boot."""

    def __init__(self) -> None:
        self.wall_error = 0.0
        self.ticks = 5_000.0  # seconds since boot
        self.boot_id = BOOT_A
        self.true_time = WALL

    def wall(self) -> float:
        return self.true_time + self.wall_error

    def tick(self) -> float:
        return self.ticks

    def wait(self, seconds: float) -> None:
        self.true_time += seconds
        self.ticks += seconds

    def reboot(self, boot_id: str) -> None:
        self.boot_id = boot_id
        self.ticks = 20.0

    def clock(self, ef: EventFile):
        return anchored_clock(ef, boot_id=self.boot_id, wall=self.wall, ticks=self.tick)


# --- the decision, pure -------------------------------------------------------------------


def test_same_boot_with_a_speech_running_keeps_the_stored_anchor():
    stored = ClockAnchor(BOOT_A, offset=WALL - 5000)
    kept = choose_anchor(stored, BOOT_A, wall=WALL + 300 + 60, ticks=5060,
                         speech_in_progress=True)
    assert kept == stored


@pytest.mark.parametrize(("boot_id", "running"), [(BOOT_B, True), (BOOT_A, False)])
def test_another_boot_or_nothing_running_takes_the_wall_clock_as_it_is(boot_id, running):
    stored = ClockAnchor(BOOT_A, offset=WALL - 5000)
    fresh = choose_anchor(stored, boot_id, wall=WALL + 360, ticks=60,
                          speech_in_progress=running)
    assert fresh == ClockAnchor(boot_id, offset=WALL + 300)


def test_no_boot_id_means_plain_wall_time():
    assert choose_anchor(ClockAnchor(BOOT_A, 1.0), None, WALL, 60, True) is None


# --- the adapter, on a real event file ------------------------------------------------------


def _start_first_speaker(ef: EventFile, at: float) -> int:
    session = list_sessions(ef)[0]
    slot = list_slots(ef, session.id)[0]
    save_timer(ef, slot.id, slot.clock.start(at), "timer_started")
    return slot.id


def _remaining(ef: EventFile, slot_id: int, now: float) -> float:
    session = list_sessions(ef)[0]
    slot = next(s for s in list_slots(ef, session.id) if s.id == slot_id)
    return slot.clock.remaining(now)


@pytest.mark.parametrize("step", [+300.0, -300.0, +3600.0, -7.5])
def test_a_speech_keeps_its_time_across_a_restart_after_the_wall_clock_moved(
        sample_path: Path, step: float):
    laptop = Laptop()
    with EventFile.open(sample_path) as ef:
        clock = laptop.clock(ef)
        slot_id = _start_first_speaker(ef, clock.now())
        planned = list_slots(ef, list_sessions(ef)[0].id)[0].planned_seconds
    laptop.wait(100)
    laptop.wall_error = step  # NTP, or someone setting the time by hand
    laptop.wait(20)
    with EventFile.open(sample_path) as ef:  # the app restarted, same boot
        clock = laptop.clock(ef)
        assert _remaining(ef, slot_id, clock.now()) == pytest.approx(planned - 120)
        assert format_clock(_remaining(ef, slot_id, clock.now())) == format_clock(planned - 120)


def test_without_the_anchor_the_same_restart_would_be_wrong(sample_path: Path):
    """The case the anchor is for: on plain wall time the speaker would lose the 5 minutes
    the clock moved, and be shown over time after two minutes of a five-minute turn."""
    laptop = Laptop()
    with EventFile.open(sample_path) as ef:
        slot_id = _start_first_speaker(ef, laptop.wall())
    laptop.wait(120)
    laptop.wall_error = +300.0
    with EventFile.open(sample_path) as ef:
        planned = list_slots(ef, list_sessions(ef)[0].id)[0].planned_seconds
        assert _remaining(ef, slot_id, laptop.wall()) == pytest.approx(planned - 120 - 300)


def test_after_a_reboot_wall_time_is_all_there_is(sample_path: Path):
    laptop = Laptop()
    with EventFile.open(sample_path) as ef:
        slot_id = _start_first_speaker(ef, laptop.clock(ef).now())
    laptop.wait(90)
    laptop.reboot(BOOT_B)
    with EventFile.open(sample_path) as ef:
        clock = laptop.clock(ef)
        assert stored_anchor(ef).boot_id == BOOT_B
        planned = list_slots(ef, list_sessions(ef)[0].id)[0].planned_seconds
        assert _remaining(ef, slot_id, clock.now()) == pytest.approx(planned - 90)


def test_a_corrected_clock_is_taken_up_once_no_speech_is_running(sample_path: Path):
    laptop = Laptop()
    laptop.wall_error = -300.0  # the laptop booted five minutes slow
    with EventFile.open(sample_path) as ef:
        clock = laptop.clock(ef)
        slot_id = _start_first_speaker(ef, clock.now())
        assert speech_in_progress(ef)
    laptop.wall_error = 0.0  # NTP put it right
    with EventFile.open(sample_path) as ef:
        assert laptop.clock(ef).now() == pytest.approx(laptop.true_time - 300)  # mid-speech
        slot = next(s for s in list_slots(ef, list_sessions(ef)[0].id) if s.id == slot_id)
        save_timer(ef, slot_id, slot.clock.finish(laptop.clock(ef).now()), "next_speaker")
        assert not speech_in_progress(ef)
    with EventFile.open(sample_path) as ef:
        assert laptop.clock(ef).now() == pytest.approx(laptop.true_time)
        moved = [e["detail"] for e in ef.log_entries() if e["action"] == "clock_anchored"]
        assert moved[-1] == {"boot_id": BOOT_A, "wall_clock_moved": 300.0}


def test_an_unchanged_anchor_is_not_written_again(sample_path: Path):
    laptop = Laptop()
    with EventFile.open(sample_path) as ef:
        laptop.clock(ef)
        laptop.wait(30)
        laptop.clock(ef)
        assert [e["action"] for e in ef.log_entries()].count("clock_anchored") == 1


def test_without_a_boot_id_the_clock_is_wall_time_and_nothing_is_stored(sample_path: Path):
    laptop = Laptop()
    laptop.boot_id = None
    with EventFile.open(sample_path) as ef:
        assert laptop.clock(ef).now() == pytest.approx(laptop.true_time)
        assert stored_anchor(ef) is None


def test_a_read_only_file_still_gets_a_right_clock(sample_path: Path):
    laptop = Laptop()
    with EventFile.open(sample_path, read_only=True) as ef:
        assert laptop.clock(ef).now() == pytest.approx(laptop.true_time)
        assert stored_anchor(ef) is None


def test_the_boot_id_is_read_from_the_system_or_not_at_all(tmp_path: Path):
    path = tmp_path / "boot_id"
    path.write_text(BOOT_A + "\n")
    assert read_boot_id(path) == BOOT_A
    assert read_boot_id(tmp_path / "missing") is None
    path.write_bytes(b"")
    assert read_boot_id(path) is None
    if Path("/proc/sys/kernel/random/boot_id").exists():
        assert len(read_boot_id()) == 36
