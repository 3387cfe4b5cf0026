"""Errors a user can cause and act on, as codes.

The English text lives with its code so the CLI and the phone server can print it; the GUI
translates by code (gui/action_text.py), and a test checks every code has a text in every
interface language.
"""

from __future__ import annotations

import enum
from typing import Any


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
    FILE_PROBLEM = "{detail}"
    NO_SUCH_ROLE = "There is no team role {role}."
    NO_SUCH_ROLE_LINK = "That team link is no longer there."

    @property
    def english(self) -> str:
        return self.value


class UserError(Exception):
    """A refused action, with a code and the values its message needs.

    ``str(error)`` is the English message; ``error.code`` and ``error.params`` let an
    interface say it in its own language.
    """

    def __init__(self, code: Code, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(code.english.format(**params))
