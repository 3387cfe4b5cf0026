"""Problems with the event file a user can act on, each with its English text.

The store raises them as ``EventFileError(Problem.X, **params)``: ``str(error)`` is the
English text (the CLI, logs), and ``error.problem`` with ``error.params`` let an interface
say it in its own language — the command layer turns each into the user error
``actions.errors.Code.FILE_<name>``, which the GUI translates (gui/action_text.py).
"""

from __future__ import annotations

import enum


class Problem(enum.Enum):
    """A file problem; ``{name}`` fields come from the error's params."""

    ALREADY_EXISTS = "{path} already exists; choose another name"
    NO_FOLDER = "the folder {folder} does not exist"
    NO_FILE = "no event file at {path}"
    IS_FOLDER = "{path} is a folder, not an event file"
    # Who holds the lock (store/lock.py), each with what to do about it.
    LOCKED = ("{path} is already open in another facilitator window (process {pid} on "
              "{host}); switch to that window, or close it first")
    LOCKED_BY_SERVER = ("{path} is already open in the phone server started with "
                        "`facilitator serve` (process {pid} on {host}); stop it (Ctrl-C "
                        "where it runs), then try again")
    LOCKED_BY_COMMAND = ("{path} is in use by the command `facilitator {command}` (process "
                         "{pid} on {host}); wait for it to finish, then try again")
    LOCKED_BY_OTHER = ("{path} is already open in another facilitator program; close it, "
                       "then try again")
    DAMAGED = "{path} is damaged ({detail}); open a copy you saved with File › Save a copy"
    DAMAGED_WITH_BACKUP = "{path} is damaged ({detail}); open the automatic backup {backup}"
    NOT_AN_EVENT = "{path} is a SQLite database but not a facilitator event"
    EMPTY = "{path} is empty: it is not a facilitator event file"
    NOT_SQLITE = "{path} is not a facilitator event file (not SQLite)"
    TOO_NEW = ("{path} was written by a newer facilitator (schema {schema}); update "
               "facilitator to open it")
    OLDER_SCHEMA = "{path} uses an older schema; open it in facilitator once to upgrade it"
    READ_ONLY = "{path} is read-only; open a copy or check the file's permissions"
    DISK_FULL = "the disk holding {path} is full; free some space (nothing was lost)"
    BUSY = "{path} is busy in another program; close it there and try again"
    CANNOT_OPEN = "cannot open {path}: check that the folder exists and is writable"
    NO_PERMISSION = "no permission to read {path}"
    CANNOT_READ = "cannot read {path}: {reason}"
    CANNOT_CREATE = "cannot create {path}: {reason}"
    COPY_ONTO_ITSELF = "choose a different file name for the copy"
    COPY_FAILED = "could not save a copy to {target}: {reason}"
    # An export or report that could not be written (``reason``: the system's English
    # words; ``errno``: its name, which an interface says in its own language).
    WOULD_REPLACE_EVENT_FILE = ("{path} is an event file: an export or report written there "
                                "would destroy it; choose another file name")
    # Writing a file the user chose (an export, a report, a poster): store/write_errors.py.
    WRITE_READ_ONLY = "Cannot write {name}: the disk is read-only."
    WRITE_DISK_FULL = "Cannot write {name}: the disk is full; free some space and try again."
    WRITE_NO_PERMISSION = ("Cannot write {name}: you have no permission to write in the "
                           "folder {folder}.")
    WRITE_NAME_TOO_LONG = "Cannot write {name}: the file name is too long; choose a shorter one."
    WRITE_NO_FOLDER = "Cannot write {name}: the folder {folder} is no longer there."
    WRITE_IS_FOLDER = "Cannot write {name}: it is a folder; choose a file name."
    WRITE_FAILED = "Cannot write {name}: {reason}."
