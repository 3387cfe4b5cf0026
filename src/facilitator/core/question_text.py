"""How the text a phone sends (a question, a name on it) is cleaned and checked, apart from
the questions' statuses and duplicate search (core/questions.py re-exports all of it): the
floor's requests use the same rules, and the Run tab's floor panel starts without the rest.
"""

from __future__ import annotations

from facilitator.core.text import looks_empty, normalise_text

MAX_QUESTION_CHARS = 500
MAX_NAME_CHARS = 100  # author, organisation, "to: speaker"


class QuestionError(ValueError):
    """A question (or a name on it) that cannot be accepted, said so a user can fix it.

    ``reason`` names the fault for pages that say it in the user's language ("empty",
    "too_long"), or is "" when the message is all there is.
    """

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason


def clean_text(text: object, *, limit: int, what: str = "question", required: bool = True) -> str:
    """``normalise_text`` (joiners kept, hiding characters removed, marks capped), then
    checked: not empty to the eye (when ``required``), at most ``limit`` code points."""
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise QuestionError(f"the {what} must be text")
    text = normalise_text(text)
    if looks_empty(text):
        if required:
            raise QuestionError(f"the {what} is empty", _reason(what, "empty"))
        text = ""
    if len(text) > limit:
        raise QuestionError(f"the {what} is too long ({len(text)} characters, at most {limit})",
                            _reason(what, "too_long"))
    return text


def _reason(what: str, reason: str) -> str:
    # The page has its own words for the question's faults; a name's keep the message.
    return reason if what == "question" else ""


def as_sent(text: str) -> str:
    """What a phone sent, kept beside the cleaned text: everything but lone surrogates,
    which cannot be stored as UTF-8."""
    return text if text.isascii() else text.encode("utf-8", "ignore").decode("utf-8")


def clean_question(text: object) -> str:
    return clean_text(text, limit=MAX_QUESTION_CHARS)


def clean_name(text: object, what: str = "name") -> str:
    return clean_text(text, limit=MAX_NAME_CHARS, what=what, required=False)
