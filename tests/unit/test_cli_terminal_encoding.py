"""The command line works whatever the terminal's encoding.

``facilitator export event.db --format csv > agenda.csv`` on Windows writes through cp1252
(a redirected stdout takes the locale's encoding): the first Arabic name or em dash ended
the export in a traceback, half the file written. Under a UTF-8 locale, an event file named
in Latin-1 (``r\\xe9union.db``) made ``report`` and ``new`` do their work and then fail on
the line saying so. Exports to standard output are UTF-8 bytes; messages never fail.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ENCODINGS = ["ascii", "latin-1", "cp1252", "utf-8"]


def run(*args: str | Path | bytes, cwd: Path, encoding: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONUTF8": "0"}
    return subprocess.run([sys.executable, "-m", "facilitator", *args], cwd=cwd, env=env,
                          capture_output=True, timeout=120)


@pytest.fixture
def arabic_event(sample_path: Path) -> Path:
    from facilitator.store import EventFile

    with EventFile.open(sample_path) as ef:  # names no legacy code page has
        ef.db.execute("UPDATE people SET name = 'سارة المنصوري — ' || name")
        ef.db.execute("UPDATE sessions SET title = 'ندوة — ' || title")
    return sample_path


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("command", [["export", "--format", "csv"], ["export", "--format", "json"],
                                     ["summary"], ["notes", "--format", "json"]])
def test_exports_to_standard_output_are_utf8_whatever_the_terminal(arabic_event, tmp_path,
                                                                    encoding, command):
    piped = run(command[0], arabic_event, *command[1:], cwd=tmp_path, encoding=encoding)
    assert piped.returncode == 0, piped.stderr.decode("utf-8", "replace")
    assert piped.stderr == b""
    text = piped.stdout.decode("utf-8")  # strict: whole UTF-8
    if command[0] == "export":
        assert "سارة المنصوري — " in text
    assert "\r\r\n" not in text
    written = tmp_path / ("out.md" if command[0] == "summary" else f"out.{command[-1]}")
    assert run(command[0], arabic_event, *command[1:], "-o", written, cwd=tmp_path,
               encoding=encoding).returncode == 0
    assert written.read_bytes().removeprefix(b"\xef\xbb\xbf") == piped.stdout


@pytest.mark.skipif(sys.platform in ("darwin", "win32"),
                    reason="macOS and Windows file names are always Unicode")
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_file_name_the_terminal_cannot_show_is_said_with_escapes(sample_path, tmp_path,
                                                                   encoding):
    latin1 = os.fsencode(tmp_path) + b"/r\xe9union"
    made = run("new", latin1 + b".db", "--sample", "walrg", cwd=tmp_path, encoding=encoding)
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(b"created ") and b"\\udce9union.db" in made.stdout
    report = run("report", latin1 + b".db", "--all", "-o", latin1 + b".pdf", cwd=tmp_path,
                 encoding=encoding)
    assert report.returncode == 0, report.stderr
    assert b"wrote " in report.stdout and b"\\udce9union.pdf" in report.stdout
    assert Path(os.fsdecode(latin1 + b".pdf")).read_bytes().startswith(b"%PDF")
    refused = run("report", latin1 + b".db", "--session", "99", "-o", latin1 + b".pdf",
                  cwd=tmp_path, encoding=encoding)
    assert refused.returncode == 1 and refused.stderr.startswith(b"facilitator: error: ")
