"""File › Save a copy… onto an existing event file: replaced only when nobody has it open,
and never mixed with what the replaced file left beside it.

Before: saving a copy over the event another window (or another process) was running put
the copy under its name while it went on writing into its WAL; the next opening held the
copy's sessions (none) with that window's new notes on top — its own sessions gone.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from facilitator.store import EventFile, EventFileError
from facilitator.store import notes as note_store
from facilitator.store import sessions as store
from facilitator.store.agenda_io import create_event_file
from facilitator.store.problems import Problem

WRITER = textwrap.dedent("""
    import sys, time
    from facilitator.store import EventFile
    from facilitator.store import notes
    ef = EventFile.open(sys.argv[1])
    for i in range(int(sys.argv[2])):
        notes.add_note(ef, 1, f"typed in the other window {i}", at=1.8e9 + i)
    print("written", flush=True)
    time.sleep(60)
""")


@pytest.fixture
def empty_copy_source(tmp_path: Path):
    path = create_event_file(tmp_path / "new-event.db", None)
    with EventFile.open(path) as ef:
        yield ef


def other_window(path: Path, notes: int = 5) -> subprocess.Popen[str]:
    """Another facilitator process with ``path`` open, having written ``notes`` notes."""
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(notes)],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline() == "written\n"
    return process


def contents(path: Path) -> tuple[int, int, str]:
    with EventFile.open(path, read_only=True) as ef:
        sessions = store.list_sessions(ef)
        notes = sum(len(note_store.list_notes(ef, s.stored_id)) for s in sessions)
        return len(sessions), notes, ef.integrity_check()


def test_a_file_open_in_another_process_is_not_replaced(empty_copy_source, sample_path):
    running = other_window(sample_path)
    try:
        with pytest.raises(EventFileError) as refused:
            empty_copy_source.save_copy(sample_path)
        assert refused.value.problem is Problem.LOCKED
        assert f"process {running.pid}" in str(refused.value)
    finally:
        running.kill()
        running.communicate()  # waits, and closes its pipe
    assert contents(sample_path) == (3, 5, "ok")


def test_a_file_open_in_another_window_of_this_process_is_not_replaced(empty_copy_source,
                                                                      event_file):
    with pytest.raises(EventFileError) as refused:
        empty_copy_source.save_copy(event_file.path)
    assert refused.value.problem is Problem.LOCKED
    note_store.add_note(event_file, 1, "still this event's", at=1.8e9)
    assert len(store.list_sessions(event_file)) == 3


def test_a_closed_file_is_replaced_without_what_it_left_beside_it(empty_copy_source,
                                                                  sample_path):
    killed = other_window(sample_path, notes=40)
    killed.send_signal(signal.SIGKILL)  # its notes live only in its -wal now
    killed.communicate()
    assert Path(f"{sample_path}-wal").stat().st_size > 0
    assert empty_copy_source.save_copy(sample_path) == sample_path
    assert contents(sample_path) == (0, 0, "ok")  # the copy, whole, and only the copy
    with EventFile.open(sample_path) as reopened:  # and as the app opens it, to write
        assert store.list_sessions(reopened) == []


@pytest.mark.parametrize("name", ["{path}", "{path}-wal", "{path}-shm", "{path}.lock"])
def test_a_copy_onto_the_file_itself_or_its_companions_is_refused(event_file, name):
    with pytest.raises(EventFileError) as refused:
        event_file.save_copy(name.format(path=event_file.path))
    assert refused.value.problem is Problem.COPY_ONTO_ITSELF
    assert len(store.list_sessions(event_file)) == 3


def test_a_hard_link_to_the_file_is_the_file(event_file, tmp_path):
    link = tmp_path / "same-event.db"
    link.hardlink_to(event_file.path)
    with pytest.raises(EventFileError) as refused:
        event_file.save_copy(link)
    assert refused.value.problem is Problem.COPY_ONTO_ITSELF
