"""An OSError met writing a file the user chose, as one sentence naming that file.

One mapping for every interface: the CLI prints ``str(error)`` (English), the window
translates ``error.problem`` with ``error.params`` (gui/action_text.py). Python's own
text ("[Errno 30] Read-only file system: '/media/usb/notes.csv.partial'") names a
temporary file and speaks C library English.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from facilitator.store.event_file import EventFileError
from facilitator.store.problems import Problem

_PROBLEMS = {
    errno.EROFS: Problem.WRITE_READ_ONLY,
    errno.ENOSPC: Problem.WRITE_DISK_FULL,
    getattr(errno, "EDQUOT", errno.ENOSPC): Problem.WRITE_DISK_FULL,  # a quota: a full disk
    errno.EACCES: Problem.WRITE_NO_PERMISSION,
    errno.EPERM: Problem.WRITE_NO_PERMISSION,
    errno.ENAMETOOLONG: Problem.WRITE_NAME_TOO_LONG,
    errno.ENOENT: Problem.WRITE_NO_FOLDER,
    errno.EISDIR: Problem.WRITE_IS_FOLDER,
}


def cannot_write(error: OSError, output: str | os.PathLike[str] | None = None) -> EventFileError:
    """``error`` as an EventFileError with a ``WRITE_*`` problem and params ``name``,
    ``folder`` and ``reason`` (the system's text, for the errors without a sentence of
    their own). ``output`` is the file the user typed (the CLI): ``name`` is it as typed.
    Without it ``name`` is the name, without its folder, of the file the error names (the
    window: the file picked in a dialog, whose folder the user just saw)."""
    target = output if output is not None else error.filename
    path = Path(os.fsdecode(target)) if target not in (None, "") else None
    if path is None:
        name = "the file"
    elif output is not None:
        name = str(path)
    else:
        name = path.name.removesuffix(".partial")
    folder = str(path.parent) if path is not None else ""
    problem = _PROBLEMS.get(error.errno or 0, Problem.WRITE_FAILED)
    if problem is Problem.WRITE_NO_FOLDER and path is not None and path.parent.is_dir():
        problem = Problem.WRITE_FAILED  # ENOENT for another reason: say the system's words
    reason = (error.strerror or str(error)).rstrip(".")
    return EventFileError(problem, name=name, folder=folder, reason=reason)
