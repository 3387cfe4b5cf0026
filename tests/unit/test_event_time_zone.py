"""Times carry the event's zone: the same file reports the same times on laptops in any
time zone, names the zone, and files carry ISO 8601 times with their offset."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from report_fixtures import international_session

from facilitator.core.event_time import (
    TimeZoneError,
    clock_time,
    iso_time,
    wall_time_in_zone,
    wall_time_with_offset,
    zone_label,
    zone_named,
)
from facilitator.store import EventFile, EventFileError
from facilitator.store import sessions as store
from facilitator.store.sessions import set_questions_open
from facilitator.store.time_zone import set_event_time_zone

LAPTOP_ZONES = ("Pacific/Auckland", "America/Los_Angeles", "Asia/Kolkata")
T0 = 1_800_000_000  # 2027-01-15T08:00:00Z


def run(*args: str | Path, zone: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "TZ": zone}
    return subprocess.run([sys.executable, "-m", "facilitator", *map(str, args)], env=env,
                          cwd=cwd, capture_output=True, timeout=120)


def test_times_in_a_zone():
    paris, kathmandu = zone_named("Europe/Paris"), zone_named("Asia/Kathmandu")
    assert clock_time(T0, paris) == "09:00:00"
    assert iso_time(T0, kathmandu) == "2027-01-15T13:45:00+05:45"
    assert zone_label(paris, T0) == "Europe/Paris, UTC+01:00"
    assert zone_label(zone_named("America/New_York"), T0) == "America/New_York, UTC-05:00"
    assert zone_label(zone_named("UTC"), T0) == "UTC"
    assert wall_time_with_offset("2026-05-18T10:00", paris) == "2026-05-18T10:00+02:00"
    assert wall_time_with_offset("soon", paris) == "soon"
    assert wall_time_in_zone("2026-05-18T10:00+02:00", paris) == "2026-05-18T10:00"
    assert wall_time_in_zone("2026-05-18T08:00Z", paris) == "2026-05-18T10:00"
    assert wall_time_in_zone("2026-05-18T10:00", paris) == "2026-05-18T10:00"
    for bad in ("Mars/Olympus", "", "../../etc/passwd", "/etc/localtime"):
        with pytest.raises(TimeZoneError, match="unknown time zone"):
            zone_named(bad)


def test_a_new_event_takes_the_laptops_zone(tmp_path):
    for zone in ("America/New_York", "Asia/Kolkata"):
        path = tmp_path / f"{zone.replace('/', '-')}.db"
        assert run("new", path, zone=zone).returncode == 0
        with EventFile.open(path, read_only=True) as ef:
            assert store.get_event(ef).time_zone == zone


def test_the_zone_is_changed_by_name_and_checked(event_file):
    assert set_event_time_zone(event_file, " Africa/Nairobi ") == "Africa/Nairobi"
    assert store.get_event(event_file).time_zone == "Africa/Nairobi"
    assert event_file.log_entries()[-1]["action"] == "time_zone_changed"
    with pytest.raises(EventFileError, match="unknown time zone 'Nairobi'"):
        set_event_time_zone(event_file, "Nairobi")
    assert store.get_event(event_file).time_zone == "Africa/Nairobi"


def test_an_older_file_gets_the_zone_of_the_laptop_that_upgrades_it(sample_path):
    with sqlite3.connect(sample_path) as db:  # as version 0003 of the schema left it
        db.execute("ALTER TABLE events DROP COLUMN time_zone")
        db.execute("DELETE FROM _sqlite_migrations WHERE name = '0005_event_time_zone'")
    db.close()
    script = ("import sys; from facilitator.store import EventFile, sessions;"
              "f = EventFile.open(sys.argv[1]); print(sessions.get_event(f).time_zone)")
    result = subprocess.run([sys.executable, "-c", script, str(sample_path)], text=True,
                            env={**os.environ, "TZ": "Europe/Lisbon"}, capture_output=True,
                            timeout=60)
    assert result.stdout.strip() == "Europe/Lisbon", result.stderr


def test_agenda_json_carries_the_zone_and_offsets(event_file, tmp_path):
    from facilitator.store.agenda_io import create_event_file, export_agenda, import_agenda

    set_event_time_zone(event_file, "America/Sao_Paulo")
    exported = export_agenda(event_file, "json")
    assert '"time_zone": "America/Sao_Paulo"' in exported
    assert '"starts_at": "2026-05-18T10:00-03:00"' in exported
    path = tmp_path / "agenda.json"
    path.write_text(exported.replace("10:00-03:00", "13:00Z"), encoding="utf-8")
    with EventFile.open(create_event_file(tmp_path / "other.db", None)) as other:
        import_agenda(other, path)
        assert store.get_event(other).time_zone == "America/Sao_Paulo"
        # 13:00 UTC is 10:00 at the venue: stored as the venue's wall-clock time.
        assert store.list_sessions(other)[0].starts_at == "2026-05-18T10:00"
    path.write_text(exported.replace("America/Sao_Paulo", "Brazil/Rio"), encoding="utf-8")
    with pytest.raises(ValueError, match=r"agenda\.json, line 4: unknown time zone 'Brazil/Rio'"):
        import_agenda(event_file, path)


@pytest.fixture
def paris_event(sample_path) -> tuple[Path, int]:
    with EventFile.open(sample_path) as ef:
        session_id = international_session(ef)
        set_questions_open(ef, session_id, True)
        set_event_time_zone(ef, "Europe/Paris")
    return sample_path, session_id


def _pdf_text(path: Path) -> str:
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    # The cover says when it was generated, and a session still under way is projected to
    # end "now + what is left": the minute may turn between two runs.
    text = re.sub(r"generated .*", "generated …", text)
    return re.sub(r"projected end.*?\)\.", "projected end …", text, flags=re.S)


def test_reports_and_exports_are_identical_in_three_laptop_zones(paris_event, tmp_path):
    path, session_id = paris_event
    outputs: dict[str, dict[str, bytes | str]] = {}
    for zone in LAPTOP_ZONES:
        folder = tmp_path / zone.replace("/", "-")
        folder.mkdir()
        made: dict[str, bytes | str] = {}
        for name, args in {
            "session.pdf": ("report", path, "--session", session_id),
            "all.pdf": ("report", path, "--all"),
            "questions.csv": ("questions", path, "--session", session_id),
            "notes.json": ("notes", path, "--session", session_id),
            "timing.csv": ("timing", path, "--session", session_id),
            "summary.md": ("summary", path, "--session", session_id),
        }.items():
            result = run(*args, "-o", folder / name, zone=zone)
            assert result.returncode == 0, result.stderr
            made[name] = (_pdf_text(folder / name) if name.endswith(".pdf")
                          else (folder / name).read_bytes())
        outputs[zone] = made
    first, *others = outputs.values()
    for other in others:
        for name in first:
            assert other[name] == first[name], name
    # And the times are the venue's, named: T0 is 09:00 in Paris in January.
    session_pdf = first["session.pdf"]
    assert "Times in Europe/Paris, UTC+01:00." in session_pdf  # spoken in January
    assert "14:00–15:30 (Europe/Paris, UTC+02:00)" in session_pdf
    assert "09:00:00" in session_pdf
    assert "14:00–15:30 (Europe/Paris, UTC+02:00)" in first["all.pdf"]
    assert b"2027-01-15T09:00:10+01:00" in first["notes.json"]
    assert b"2027-01-15T09:00:00+01:00" in first["timing.csv"]
    assert b"- **Starts:** 2026-05-18T14:00+02:00" in first["summary.md"]
