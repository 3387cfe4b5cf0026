"""Every OSError a user can cause writing a file is one sentence naming that file, the
same mapping for the CLI (English) and the window (translated: tests/gui)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from facilitator.store.problems import Problem
from facilitator.store.write_errors import cannot_write


@pytest.mark.parametrize(("number", "problem", "sentence"), [
    (errno.EROFS, Problem.WRITE_READ_ONLY, "Cannot write notes.csv: the disk is read-only."),
    (errno.ENOSPC, Problem.WRITE_DISK_FULL,
     "Cannot write notes.csv: the disk is full; free some space and try again."),
    (errno.EACCES, Problem.WRITE_NO_PERMISSION,
     "Cannot write notes.csv: you have no permission to write in the folder {folder}."),
    (errno.ENAMETOOLONG, Problem.WRITE_NAME_TOO_LONG,
     "Cannot write notes.csv: the file name is too long; choose a shorter one."),
    (errno.EIO, Problem.WRITE_FAILED, "Cannot write notes.csv: Input/output error."),
])
def test_each_write_error_is_one_sentence_naming_the_file(tmp_path: Path, number, problem,
                                                          sentence) -> None:
    # The error names the temporary file beside the one chosen (as the writers raise it).
    error = OSError(number, os.strerror(number), str(tmp_path / "notes.csv.partial"))
    said = cannot_write(error)
    assert said.problem is problem
    assert str(said) == sentence.format(folder=tmp_path)
    assert "Errno" not in str(said) and ".partial" not in str(said)


def test_a_folder_gone_names_it(tmp_path: Path) -> None:
    gone = tmp_path / "usb"
    try:
        (gone / "notes.csv").write_text("x")
    except OSError as error:
        said = cannot_write(error)
    assert said.problem is Problem.WRITE_NO_FOLDER
    assert str(said) == f"Cannot write notes.csv: the folder {gone} is no longer there."


def test_the_cli_names_the_file_as_typed(tmp_path: Path) -> None:
    error = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(tmp_path / "r.pdf.partial"))
    assert str(cannot_write(error, tmp_path / "r.pdf")) == (
        f"Cannot write {tmp_path / 'r.pdf'}: the disk is full; free some space and try again.")
