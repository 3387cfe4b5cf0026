"""The event file's problems reach every interface as user errors with codes: the store
names the problem (``EventFileError(Problem.X, ...)``), the command layer turns it into
``Code.FILE_X`` with the same params, and the GUI says it in its language
(tests/gui/test_action_runner.py checks the French and Spanish texts)."""

from __future__ import annotations

import os
import sqlite3

import pytest

from facilitator.actions import sessions
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.actions.errors import Code, UserError, file_problem
from facilitator.core.agenda import AgendaError
from facilitator.core.model import Session
from facilitator.store import EventFile, EventFileError, EventFileLocked, Problem
from facilitator.store.agenda_io import create_event_file


@pytest.mark.parametrize("problem", list(Problem), ids=lambda p: p.name)
def test_every_problem_is_a_user_error_code_with_its_text(problem):
    code = Code[f"FILE_{problem.name}"]
    assert code.english == problem.value
    params = {name: f"<{name}>" for name in ("path", "folder", "holder", "detail", "backup",
                                              "schema", "reason", "target", "name", "pid",
                                              "host", "command")}
    error = EventFileError(problem, **params)
    user = file_problem(error)
    assert user.code is code and str(user) == str(error)


def test_an_error_the_store_did_not_name_keeps_its_text():
    assert file_problem(EventFileError("something odd")).code is Code.FILE_PROBLEM
    agenda = file_problem(AgendaError("unknown kind 'x'", source="a.csv", line=3))
    assert agenda.code is Code.FILE_PROBLEM and "unknown kind" in str(agenda)


def test_a_file_opened_twice_is_the_locked_problem(tmp_path):
    path = create_event_file(tmp_path / "event.db", None)
    with EventFile.open(path), pytest.raises(EventFileLocked) as raised:
        EventFile.open(path)
    assert raised.value.problem is Problem.LOCKED
    assert raised.value.params["path"] == str(path)


@pytest.mark.parametrize(("make", "problem"), [
    (lambda folder: folder / "missing.db", Problem.NO_FILE),
    (lambda folder: folder, Problem.IS_FOLDER),
    (lambda folder: _write(folder / "empty.db", b""), Problem.EMPTY),
    (lambda folder: _write(folder / "text.db", b"plain text, not SQLite at all"),
     Problem.NOT_SQLITE),
    (lambda folder: _sqlite(folder / "other.db"), Problem.NOT_AN_EVENT),
], ids=["missing", "folder", "empty", "not-sqlite", "other-sqlite"])
def test_files_that_cannot_be_opened_name_their_problem(tmp_path, make, problem):
    with pytest.raises(EventFileError) as raised:
        EventFile.open(make(tmp_path))
    assert raised.value.problem is problem


def test_a_command_on_a_read_only_file_is_the_read_only_user_error(tmp_path):
    path = create_event_file(tmp_path / "event.db", "walrg")
    with EventFile.open(path, read_only=True) as ef, pytest.raises(UserError) as raised:
        run(ef, LAPTOP, sessions.add_session(Session(title="Late panel")))
    assert raised.value.code is Code.FILE_READ_ONLY
    assert raised.value.params == {"path": str(path)}


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def _sqlite(path):
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (text TEXT)")
    connection.commit()
    connection.close()
    assert os.path.getsize(path) > 0
    return path


def test_a_file_a_command_holds_names_the_command(tmp_path):
    """A CLI command holding the file (a long report) is named, with its process."""
    import os
    import subprocess
    import sys

    path = create_event_file(tmp_path / "event.db", None)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from facilitator.store import EventFile;"
         "from facilitator.store.lock import announce_program; announce_program('report');"
         "f = EventFile.open(sys.argv[1]); print('ready', flush=True); time.sleep(30)",
         str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(EventFileLocked) as raised:
            EventFile.open(path)
    finally:
        holder.kill()
        holder.wait()
    assert raised.value.problem is Problem.LOCKED_BY_COMMAND
    assert str(raised.value) == (
        f"{path} is in use by the command `facilitator report` (process {holder.pid} on "
        f"{os.uname().nodename}); wait for it to finish, then try again")


def test_a_lock_without_a_program_says_another_facilitator_program(tmp_path):
    from facilitator.store.event_file import locked
    from facilitator.store.lock import read_holder

    path = tmp_path / "event.db"
    older = locked(path, read_holder("process 77 on laptop"))  # written by 0.x, no program
    assert older.problem is Problem.LOCKED_BY_OTHER
    assert locked(path, read_holder("window: process 77 on laptop")).problem is Problem.LOCKED
