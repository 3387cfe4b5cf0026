"""The command line, as scripts use it: real processes, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from facilitator import __version__


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "facilitator", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=60)


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"facilitator {__version__}"


def test_new_and_export(tmp_path):
    assert run("new", "x.db", cwd=tmp_path).returncode == 0
    result = run("export", "x.db", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert len(data["sessions"]) == 3
    assert all(len(s["guiding_questions"]) == 3 for s in data["sessions"])
    csv_out = tmp_path / "out.csv"
    assert run("export", "x.db", "-o", str(csv_out), cwd=tmp_path).returncode == 0
    # A CSV file is for spreadsheets: a BOM so Excel reads it as UTF-8.
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbfsession,order,kind,name")


def test_new_empty_then_import(tmp_path):
    assert run("new", "e.db", "--empty", cwd=tmp_path).returncode == 0
    (tmp_path / "a.json").write_text(json.dumps(
        {"sessions": [{"title": "Panel", "slots": [{"name": "Ana", "planned_minutes": 4}]}]}))
    result = run("import", "e.db", "a.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "1 session added, 0 updated, 1 speaking slot" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("export", "missing.db"), "no event file at missing.db"),
        (("new", "exists.db"), "already exists"),
        (("import", "exists.db", "bad.csv"), "bad.csv, line 1: missing column"),
        (("export", "notsqlite.db"), "not a facilitator event file"),
        (("export", "exists.db", "--format", "json", "-o", "/no/such/dir/x.json"),
         "cannot write"),
        (("new", "/no/such/dir/x.db"), "does not exist"),
    ],
)
def test_errors_are_one_clear_line(tmp_path, args, message):
    assert run("new", "exists.db", cwd=tmp_path).returncode == 0
    (tmp_path / "bad.csv").write_text("who,what\n")
    (tmp_path / "notsqlite.db").write_text("hello")
    result = run(*args, cwd=tmp_path)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_opening_a_locked_file_says_so(tmp_path):
    """A second app instance on the same file gets a clear message, not a corrupted file."""
    assert run("new", "x.db", cwd=tmp_path).returncode == 0
    holder = subprocess.Popen(
        [sys.executable, "-c", "import time; from facilitator.store import EventFile;"
         "f = EventFile.open('x.db'); print('ready', flush=True); time.sleep(30)"],
        cwd=tmp_path, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        result = run("x.db", cwd=tmp_path)  # the GUI, offscreen (conftest sets it)
        assert result.returncode == 1
        assert "already open in another facilitator window" in result.stderr
        assert "Traceback" not in result.stderr
    finally:
        holder.kill()
        holder.wait()


def test_dash_means_standard_output(sample_path, tmp_path, capsys, monkeypatch):
    from facilitator.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["export", str(sample_path), "--format", "json", "-o", "-"]) == 0
    assert '"guiding_questions"' in capsys.readouterr().out
    assert not (tmp_path / "-").exists()


def test_a_file_the_phone_server_holds_says_so(tmp_path):
    """Before: "already open in another facilitator window" while `facilitator serve`, not
    a window, held it: the user looked for a window that was not there."""
    assert run("new", "x.db", cwd=tmp_path).returncode == 0
    server = subprocess.Popen(
        [sys.executable, "-m", "facilitator", "serve", "x.db", "--host", "127.0.0.1",
         "--port", "0"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)
    try:
        for line in server.stdout:
            if line.startswith("Press Ctrl-C"):
                break
        result = run("import", "x.db", str(tmp_path / "agenda.csv"), cwd=tmp_path)
        assert result.returncode == 1
        assert result.stderr.strip() == (
            f"facilitator: error: x.db is already open in the phone server started with "
            f"`facilitator serve` (process {server.pid} on {os.uname().nodename}); stop it "
            "(Ctrl-C where it runs), then try again")
    finally:
        server.kill()
        server.wait()
