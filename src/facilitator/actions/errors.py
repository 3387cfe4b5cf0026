"""Errors a user can cause and act on, as codes.

The English text lives with its code so the CLI and the phone server can print it; the GUI
translates by code (gui/action_text.py), and a test checks every code has a text in every
interface language.
"""

from __future__ import annotations

import enum
from typing import Any

from facilitator.core.agenda_error import AgendaError
from facilitator.store.event_file import EventFileError
from facilitator.store.problems import Problem


class Code(enum.Enum):
    """A user error, with its English text (``{name}`` fields come from the params)."""

    NO_SUCH_SESSION = "There is no session {session_id} in this event."
    NO_SUCH_SLOT = "That speaker is no longer on the list."
    NO_SUCH_QUESTION = "That question is no longer there."
    NO_SUCH_NOTE = "That note is no longer there."
    SESSION_NEEDS_TITLE = "A session needs a title."
    MERGE_NEEDS_TWO = "Choose at least two questions to merge."
    MERGE_ACROSS_SESSIONS = "Questions from different sessions cannot be merged."
    ALREADY_MERGED = "That question was already merged into another one."
    SCREEN_NEEDS_APPROVAL = "Approve the question before putting it on screen."
    QUESTION_INVALID = "The question cannot be saved: {reason}"
    NAME_INVALID = "The name cannot be saved: {reason}"
    NOTE_NEEDS_TEXT = "A note needs some text."
    NO_SUCH_SECTION = "The summary has no section {section}."
    SUMMARY_SECTION_CHANGED = ("Someone else saved this section of the summary meanwhile: "
                               "compare their text with yours and choose.")
    PLANNED_TIME_POSITIVE = "Planned time must be more than zero."
    ORDER_INCOMPLETE = "The new order must list every speaker of the session once."
    NO_SUCH_FLOOR_REQUEST = "That floor request is no longer there."
    FLOOR_REQUEST_ANSWERED = "That floor request was already answered."
    FLOOR_TIMES_INVALID = "Speaking times must be between 1 second and 30 minutes."
    NO_SUCH_POLL = "That poll is no longer there."
    POLL_INVALID = "The poll cannot be saved: {reason}"
    POLL_ORDER_INCOMPLETE = "The new order must list every poll of the session once."
    POLL_OPEN_ELSEWHERE = ("Close the open poll first: the phones and the projector show "
                           "“{question}” while it is open.")
    NO_SUCH_ROLE = "There is no team role {role}."
    NO_SUCH_ROLE_LINK = "That team link is no longer there."
    UNDO_CHANGED_SINCE = ("This was changed since, on the laptop or by a team device; undo "
                          "would overwrite that.")
    # The event file's problems (store.problems.Problem, same names after FILE_).
    FILE_ALREADY_EXISTS = Problem.ALREADY_EXISTS.value
    FILE_NO_FOLDER = Problem.NO_FOLDER.value
    FILE_NO_FILE = Problem.NO_FILE.value
    FILE_IS_FOLDER = Problem.IS_FOLDER.value
    FILE_LOCKED = Problem.LOCKED.value
    FILE_LOCKED_BY_SERVER = Problem.LOCKED_BY_SERVER.value
    FILE_LOCKED_BY_COMMAND = Problem.LOCKED_BY_COMMAND.value
    FILE_LOCKED_BY_OTHER = Problem.LOCKED_BY_OTHER.value
    FILE_DAMAGED = Problem.DAMAGED.value
    FILE_DAMAGED_WITH_BACKUP = Problem.DAMAGED_WITH_BACKUP.value
    FILE_NOT_AN_EVENT = Problem.NOT_AN_EVENT.value
    FILE_EMPTY = Problem.EMPTY.value
    FILE_NOT_SQLITE = Problem.NOT_SQLITE.value
    FILE_TOO_NEW = Problem.TOO_NEW.value
    FILE_OLDER_SCHEMA = Problem.OLDER_SCHEMA.value
    FILE_READ_ONLY = Problem.READ_ONLY.value
    FILE_DISK_FULL = Problem.DISK_FULL.value
    FILE_BUSY = Problem.BUSY.value
    FILE_CANNOT_OPEN = Problem.CANNOT_OPEN.value
    FILE_NO_PERMISSION = Problem.NO_PERMISSION.value
    FILE_CANNOT_READ = Problem.CANNOT_READ.value
    FILE_CANNOT_CREATE = Problem.CANNOT_CREATE.value
    FILE_COPY_ONTO_ITSELF = Problem.COPY_ONTO_ITSELF.value
    FILE_COPY_FAILED = Problem.COPY_FAILED.value
    FILE_WOULD_REPLACE_EVENT_FILE = Problem.WOULD_REPLACE_EVENT_FILE.value
    FILE_WRITE_READ_ONLY = Problem.WRITE_READ_ONLY.value
    FILE_WRITE_DISK_FULL = Problem.WRITE_DISK_FULL.value
    FILE_WRITE_NO_PERMISSION = Problem.WRITE_NO_PERMISSION.value
    FILE_WRITE_NAME_TOO_LONG = Problem.WRITE_NAME_TOO_LONG.value
    FILE_WRITE_NO_FOLDER = Problem.WRITE_NO_FOLDER.value
    FILE_WRITE_IS_FOLDER = Problem.WRITE_IS_FOLDER.value
    FILE_WRITE_FAILED = Problem.WRITE_FAILED.value
    FILE_PROBLEM = "{detail}"  # any other (its text from SQLite or the agenda's parser)

    @property
    def english(self) -> str:
        return self.value

    @property
    def is_file_problem(self) -> bool:
        """The event file failed (busy, full, damaged…), not the request: try again later."""
        return self.name.startswith("FILE_")


def file_problem(error: EventFileError | AgendaError) -> UserError:
    """The user error for a store or agenda error: its own code when the store named the
    problem, else FILE_PROBLEM with the error's text."""
    if isinstance(error, EventFileError) and error.problem is not None:
        return UserError(Code[f"FILE_{error.problem.name}"], **error.params)
    return UserError(Code.FILE_PROBLEM, detail=str(error))


class UserError(Exception):
    """A refused action, with a code and the values its message needs.

    ``str(error)`` is the English message; ``error.code`` and ``error.params`` let an
    interface say it in its own language.
    """

    def __init__(self, code: Code, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(code.english.format(**params))
