"""The forum report: several rooms' event files in one document, each file only read."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import docx
import pypdf
import pytest
from report_fixtures import T0, add_question, international_session, run_slots

from facilitator.core.model import Event, Person, Session, Slot
from facilitator.reports.forum_report import load_forum
from facilitator.store import EventFile, EventFileError
from facilitator.store import sessions as session_store


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "facilitator", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def _room(path: Path, room: str, title: str, start: str, speakers: list[str],
          questions: int) -> Path:
    with EventFile.create(path) as ef:
        session_store.update_event(ef, Event(title=f"Forum day ({room})",
                                             time_zone="Europe/Madrid"))
        slots = tuple(Slot(person=Person(name=name, organisation="City of " + name.split()[-1]),
                           planned_seconds=300) for name in speakers)
        for hour, suffix in ((start, ""), (f"{int(start) - 2:02d}", " (morning)")):
            session_id = session_store.add_session(ef, Session(
                title=title + suffix, room=room, starts_at=f"2026-06-18T{hour}:00",
                ends_at=f"2026-06-18T{hour}:45", slots=slots))
            run_slots(ef, session_id)
            for i in range(questions):
                add_question(ef, session_id, f"{room} question {i}", votes=i)
    return path


def _digest(path: Path) -> tuple[str, int, int]:
    """The file's bytes, its modification time, and what its write-ahead log holds (SQLite
    makes an empty -wal and a -shm index beside a WAL file it reads: no data is written)."""
    wal = path.with_name(path.name + "-wal")
    return (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns,
            wal.stat().st_size if wal.exists() else 0)


@pytest.fixture
def rooms(tmp_path: Path) -> list[Path]:
    return [
        _room(tmp_path / "plenary.db", "Plenary", "Housing our future", "14",
              ["Ana Lima", "Omar Haddad"], 3),
        _room(tmp_path / "room-b.db", "Room B", "Stronger together", "11",
              ["Omar Haddad", "Li Wei", "Sofia Petrova"], 2),
    ]


def test_forum_pdf_contents_by_room_and_time_numbers_once(rooms, tmp_path: Path) -> None:
    before = [_digest(path) for path in rooms]
    target = tmp_path / "forum.pdf"
    result = run("report", *rooms, "--all", "-o", target)
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stdout and "4 sessions of 2 event files" in result.stdout
    assert [_digest(path) for path in rooms] == before  # each room's file left untouched
    reader = pypdf.PdfReader(target)
    assert "Forum report" in reader.pages[0].extract_text()
    contents = re.sub(r"\s+", " ", reader.pages[1].extract_text())
    lines = ["Plenary · 2026-06-18 12:00–12:45 · Housing our future (morning)",
             "Plenary · 2026-06-18 14:00–14:45 · Housing our future",
             "Room B · 2026-06-18 09:00–09:45 · Stronger together (morning)",
             "Room B · 2026-06-18 11:00–11:45 · Stronger together"]
    positions = [contents.index(line) for line in lines]
    assert positions == sorted(positions)
    numbers = contents.split("The forum in numbers")[1]
    # Omar Haddad spoke in both rooms: four people, not five; 10 questions in all.
    assert "Plenary 2 2" in numbers and "Room B 2 3" in numbers
    assert re.search(r"Total 4 4 \d+:\d\d 10 0", numbers), numbers
    assert len(reader.outline) == 4


def test_forum_word_document_and_language(rooms, tmp_path: Path) -> None:
    target = tmp_path / "forum.docx"
    result = run("report", *rooms, "--all", "-o", target, "--language", "es")
    assert result.returncode == 0, result.stderr
    document = docx.Document(target)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Informe del foro"
    assert "Room B · 2026-06-18 09:00–09:45 · Stronger together (morning)" in texts
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "Índice" and len(headings) == 1 + 4
    assert "El foro en cifras" in texts


def test_bad_forum_inputs_say_what_to_do(rooms, tmp_path: Path) -> None:
    target = tmp_path / "forum.pdf"
    twice = run("report", rooms[0], rooms[0], "--all", "-o", target)
    assert twice.returncode != 0 and "give each room's file once" in twice.stderr
    no_all = run("report", *rooms, "-o", target)
    assert no_all.returncode != 0 and "add --all" in no_all.stderr
    before = _digest(rooms[1])
    over = run("report", *rooms, "--all", "-o", rooms[1])
    assert over.returncode != 0 and ".pdf or .docx" in over.stderr
    assert _digest(rooms[1]) == before
    wrong = run("report", *rooms, "--all", "-o", tmp_path / "forum.txt")
    assert wrong.returncode != 0 and ".pdf or .docx" in wrong.stderr
    for result in (twice, no_all, over, wrong):
        assert "Traceback" not in result.stderr
    assert not target.exists() and not list(tmp_path.glob("*.partial"))
    with pytest.raises(EventFileError, match="cannot read .*missing.db: No such file"):
        load_forum([rooms[0], tmp_path / "missing.db"])


def test_one_session_as_word_and_in_a_language(sample_path: Path, tmp_path: Path) -> None:
    with EventFile.open(sample_path) as ef:
        session_id = international_session(ef)
    target = tmp_path / "summary.docx"
    result = run("report", sample_path, "--session", session_id, "-o", target,
                 "--language", "ru")
    assert result.returncode == 0, result.stderr
    headings = [p.text for p in docx.Document(target).paragraphs
                if p.style.name == "Heading 2"]
    assert headings[:2] == ["Участники", "Резюме"]
    bad = run("report", sample_path, "-o", target, "--language", "de")
    assert bad.returncode != 0 and "invalid choice" in bad.stderr
    assert T0
