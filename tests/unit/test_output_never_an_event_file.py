"""No export or report is ever written over an event file.

``facilitator export event.db --format json -o event.db`` (a tab completion away from
``-o event.json``) replaced the event with its own agenda JSON, exit code 0; a QR poster
saved from the window under the open file's name put a PDF in its place while the window
went on writing to the deleted file. Every writer of exports and reports now refuses an
event file — the open one, another room's, a link to one, or a file SQLite keeps beside
one — before writing anything.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.store import EventFile, EventFileError
from facilitator.store import event_file as event_file_module
from facilitator.store import sessions as store
from facilitator.store.problems import Problem

COMMANDS = {
    "agenda json": ["export", "{event}", "--format", "json"],
    "agenda xlsx": ["export", "{event}", "--format", "xlsx"],
    "notes csv": ["notes", "{event}", "--format", "csv"],
    "questions xlsx": ["questions", "{event}", "--format", "xlsx"],
    "timing json": ["timing", "{event}", "--format", "json"],
    "polls csv": ["polls", "{event}", "--format", "csv"],
    "summary": ["summary", "{event}"],
    "session report": ["report", "{event}", "--session", "1"],
    "whole-event report": ["report", "{event}", "--all"],
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _targets(sample_path: Path, tmp_path: Path) -> dict[str, Path]:
    other = tmp_path / "other-room.db"
    shutil.copy(sample_path, other)
    link = tmp_path / "link.db"
    link.symlink_to(sample_path)
    return {"itself": sample_path, "another room's file": other, "a link to it": link,
            "its lock file": Path(f"{sample_path}.lock"),
            "its WAL": Path(f"{sample_path}-wal")}


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_the_command_line_refuses_to_write_over_an_event_file(sample_path, tmp_path,
                                                             capsys, command):
    targets = _targets(sample_path, tmp_path)
    for target in targets.values():
        if not target.exists():
            target.write_bytes(b"")  # as SQLite and the lock leave them
    for what, target in targets.items():
        before = {path: _digest(path) for path in targets.values()}
        argv = [part.format(event=sample_path) for part in command] + ["-o", str(target)]
        assert main(argv) == 1, what
        err = capsys.readouterr().err.strip()
        # A report refuses any name but .pdf or .docx first; an event file so named, below.
        said = ".pdf or .docx" if command[0] == "report" else "is an event file"
        assert err.startswith("facilitator: error: ") and said in err, (what, err)
        assert len(err.splitlines()) == 1
        assert {path: _digest(path) for path in targets.values()} == before, what
        assert not list(tmp_path.glob("*.partial")) and not list(
            sample_path.parent.glob("*.partial"))


def test_an_ordinary_file_is_still_replaced(sample_path, tmp_path):
    target = tmp_path / "notes.csv"
    target.write_text("an older export", encoding="utf-8")
    assert main(["notes", str(sample_path), "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_the_writers_refuse_the_open_file_without_opening_it(sample_path, monkeypatch):
    # The window holds the file open: a descriptor opened and closed on it would drop
    # SQLite's locks for the whole process, so the open file is known by its identity.
    from facilitator.reports.exports import write_export
    from facilitator.reports.poster import write_poster
    from facilitator.reports.report_command import write_event_report
    from facilitator.reports.whole_file import write_bytes_whole as write_whole

    looked_into = []
    real = event_file_module._starts_like_sqlite
    monkeypatch.setattr(event_file_module, "_starts_like_sqlite",
                        lambda path: looked_into.append(path) or real(path))
    named_pdf = sample_path.with_name("room.pdf")
    shutil.copy(sample_path, named_pdf)
    with EventFile.open(sample_path) as ef:
        inode = os.stat(sample_path).st_ino
        session = store.list_sessions(ef)[0]
        writers = {
            "export": lambda: write_export(ef, "agenda", "xlsx", sample_path),
            "summary": lambda: write_whole(sample_path, b"# summary"),
            # A report's name must end in .pdf or .docx: an event file so named, then.
            "whole-event report": lambda: write_event_report(ef, named_pdf),
            "poster": lambda: write_poster(sample_path, title="t", url="http://x/", short_code="C"),
        }
        for what, write in writers.items():
            with pytest.raises(EventFileError) as refused:
                write()
            assert refused.value.problem is Problem.WOULD_REPLACE_EVENT_FILE, what
        assert os.stat(sample_path).st_ino == inode
        assert named_pdf.read_bytes().startswith(b"SQLite format 3")
        assert sample_path not in looked_into
        assert store.list_sessions(ef)[0].title == session.title  # still the live file
        ef.db.execute("UPDATE events SET title = 'still writable'")
    with EventFile.open(sample_path, read_only=True) as reopened:
        assert store.get_event(reopened).title == "still writable"


@pytest.mark.parametrize("command", [["report", "{event}", "--all"],
                                     ["report", "{event}", "--session", "1"]])
def test_a_report_is_never_written_over_an_event_file_named_pdf(sample_path, tmp_path,
                                                                capsys, command):
    named_pdf = tmp_path / "room.pdf"
    shutil.copy(sample_path, named_pdf)
    before = _digest(named_pdf)
    argv = [part.format(event=sample_path) for part in command] + ["-o", str(named_pdf)]
    assert main(argv) == 1
    assert "room.pdf is an event file" in capsys.readouterr().err
    assert _digest(named_pdf) == before
