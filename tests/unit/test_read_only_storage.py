"""An event file on storage that cannot be written: a write-protected USB stick, a CD, a
read-only share or folder. A rapporteur handed the file that way prints the summary and
exports the notes from it; opening it to write says it is read-only (not "check that the
folder exists"), and leaves nothing behind.

Before: every read (report, export, notes) failed with "cannot open ev.db: check that the
folder exists and is writable" — SQLite could not make the WAL's -shm file there.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from report_fixtures import international_session

from facilitator.store import EventFile, EventFileError
from facilitator.store import notes as note_store
from facilitator.store import sessions as store
from facilitator.store.problems import Problem


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """(a folder to fill, the same folder once it cannot be written): a real read-only
    folder as a user has it (``chmod``), or as root (who writes anywhere) a read-only mount."""
    folder = tmp_path / "stick"
    folder.mkdir()
    if os.geteuid() != 0:  # pragma: no cover - CI runs as root
        yield folder, folder
        folder.chmod(0o755)
        return

    def mount(*args: str) -> bool:
        return subprocess.run(["mount", *args], capture_output=True).returncode == 0

    if not mount("-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)):
        pytest.skip("root without the right to mount: no way to make a folder read-only")
    try:
        yield folder, folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def make_read_only(folder: Path) -> None:
    if os.geteuid() != 0:  # pragma: no cover - CI runs as root
        folder.chmod(0o555)
    else:
        assert subprocess.run(["mount", "-o", "remount,ro", str(folder)],
                              capture_output=True).returncode == 0
    assert not os.access(folder, os.W_OK)


@pytest.fixture
def handed_over(sample_path: Path, read_only_folder) -> Path:
    """The event file with an international session, closed, on read-only storage."""
    with EventFile.open(sample_path) as ef:
        session_id = international_session(ef)
        note_store.add_note(ef, session_id, "Ends with a note typed last", at=1.9e9)
    folder, _ = read_only_folder
    shutil.copy(sample_path, folder / "event.db")
    make_read_only(folder)
    return folder / "event.db"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "facilitator", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def test_a_file_on_read_only_storage_is_read(handed_over: Path) -> None:
    with EventFile.open(handed_over, read_only=True) as ef:
        sessions = store.list_sessions(ef)
        notes = note_store.list_notes(ef, sessions[-1].stored_id)
    assert sessions[-1].title == "Panel on Łódź, Bakı and Москва"
    assert notes[-1].text == "Ends with a note typed last"
    assert sorted(p.name for p in handed_over.parent.iterdir()) == ["event.db"]


@pytest.mark.parametrize("command", [
    ("report", "--all", "-o", "{out}/report.pdf"),
    ("report", "--session", "4", "-o", "{out}/summary.docx"),
    ("notes", "--session", "4", "--format", "xlsx", "-o", "{out}/notes.xlsx"),
    ("export", "--format", "csv", "-o", "{out}/agenda.csv"),
])
def test_reports_and_exports_of_a_handed_over_file(handed_over: Path, tmp_path: Path,
                                                   command) -> None:
    args = [part.format(out=tmp_path) for part in command]
    done = run(args[0], handed_over, *args[1:])
    assert done.returncode == 0, done.stderr
    assert Path(args[-1]).stat().st_size > 0


def test_opening_it_to_write_says_it_is_read_only(handed_over: Path) -> None:
    with pytest.raises(EventFileError) as raised:
        EventFile.open(handed_over)
    assert raised.value.problem is Problem.READ_ONLY
    done = run("import", handed_over, Path(__file__).parents[1] / "field_cases" /
               "agenda-excel-fr-semicolon-bom-crlf.csv")
    assert done.returncode == 1
    assert done.stderr.strip() == (f"facilitator: error: {handed_over} is read-only; open a "
                                   "copy or check the file's permissions")
    assert sorted(p.name for p in handed_over.parent.iterdir()) == ["event.db"]


def test_a_copy_taken_while_open_is_never_read_stale(sample_path: Path,
                                                     read_only_folder) -> None:
    """A copy of the file with its -wal (taken while the app had it open) holds changes
    only the -wal has: a reader sees them, or is refused; never the file without them."""
    folder, _ = read_only_folder
    writer = sqlite3.connect(sample_path)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("UPDATE sessions SET room = 'Only in the WAL' WHERE id = 1")
    writer.commit()
    for suffix in ("", "-wal", "-shm"):
        shutil.copy(f"{sample_path}{suffix}", folder / f"event.db{suffix}")
    writer.close()
    (folder / "no-shm").mkdir()
    for suffix in ("", "-wal"):
        shutil.copy(folder / f"event.db{suffix}", folder / "no-shm" / f"event.db{suffix}")
    make_read_only(folder)
    for path in (folder / "event.db", folder / "no-shm" / "event.db"):
        try:
            with EventFile.open(path, read_only=True) as ef:
                room = store.get_session(ef, 1, with_slots=False).room
        except EventFileError as error:
            assert error.problem is Problem.READ_ONLY, error
        else:
            assert room == "Only in the WAL", path


@pytest.mark.parametrize("command", [
    ("report", "--all", "-o", "{out}/report.pdf"),
    ("report", "--session", "4", "-o", "{out}/summary.docx"),
    ("notes", "--session", "4", "--format", "csv", "-o", "{out}/notes.csv"),
    ("polls", "--session", "4", "--format", "xlsx", "-o", "{out}/polls.xlsx"),
    ("summary", "--session", "4", "-o", "{out}/summary.md"),
    ("export", "--format", "json", "-o", "{out}/agenda.json"),
])
def test_an_output_onto_read_only_storage_names_the_file_asked_for(
        handed_over: Path, command) -> None:
    """Before: "facilitator: error: Read-only file system: …/notes.csv.partial" — removing the
    temporary file that was never made failed too (a read-only mount says EROFS to an
    unlink even of a file that is not there) and hid the message naming the output."""
    args = [part.format(out=handed_over.parent) for part in command]
    done = run(args[0], handed_over, *args[1:])
    assert done.returncode == 1
    assert done.stderr.strip() == (f"facilitator: error: Cannot write {args[-1]}: "
                                   "the disk is read-only.")
    assert sorted(p.name for p in handed_over.parent.iterdir()) == ["event.db"]


def test_a_new_event_on_read_only_storage_names_the_file_asked_for(handed_over: Path) -> None:
    """Before: "Read-only file system: …/.new.db.creating", the name of a temporary file."""
    target = handed_over.parent / "new.db"
    done = run("new", target)
    assert done.returncode == 1
    assert done.stderr.strip() == (f"facilitator: error: cannot create {target}: "
                                   "Read-only file system")
    assert sorted(p.name for p in handed_over.parent.iterdir()) == ["event.db"]


def test_the_windows_writers_name_the_file_asked_for(handed_over: Path) -> None:
    """File › Export and the QR poster show the error they get: it named
    "notes.csv.partial", a file the user never chose. They raise the event file's
    WRITE_READ_ONLY problem (reports/whole_file.py through store/write_errors.py), which an
    interface words in its language from the file asked for."""
    from facilitator.reports.poster import write_poster
    from facilitator.reports.whole_file import write_bytes_whole as write_whole
    from facilitator.store import EventFileError
    from facilitator.store.problems import Problem

    for name, write in [
        ("notes.csv", lambda target: write_whole(target, b"id,text\n")),
        ("poster.pdf", lambda target: write_poster(target, title="Panel", short_code="ABCDEF",
                                                   url="http://192.168.1.2:8765/j/x")),
    ]:
        target = handed_over.parent / name
        with pytest.raises(EventFileError) as raised:
            write(target)
        assert raised.value.problem is Problem.WRITE_READ_ONLY
        assert raised.value.params["name"] == str(target)
        assert str(raised.value) == f"Cannot write {target}: the disk is read-only."
    assert sorted(p.name for p in handed_over.parent.iterdir()) == ["event.db"]
