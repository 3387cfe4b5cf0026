"""What the audience does from their phones: send a question, vote for one.

Not undoable (the phone that acted has no undo, and the moderator moderates instead); the
actor is the phone's device id, so the log says which phone acted.
"""

from __future__ import annotations

from typing import Any

from facilitator.actions.changes import Kind
from facilitator.actions.command import Command, Label
from facilitator.actions.ids import QuestionId, SessionId
from facilitator.store import questions as store

_QUESTIONS = frozenset({Kind.QUESTIONS})


def send_question(session_id: SessionId, text: object, *, now: float, device_id: str,
                  **details: Any) -> Command:
    """A question from a phone; ``result`` is ``(question, created)`` as
    store.submit_question gives it (a retried request returns the first question).
    Raises the store's QuestionError / RequestReused, which the phone page says itself."""
    return Command(Label.SEND_QUESTION, session_id, _QUESTIONS, lambda ef: [],
                   lambda ef: store.submit_question(ef, session_id, text, now=now,
                                                    device_id=device_id, **details),
                   undoable=False)


def vote(session_id: SessionId, question_id: QuestionId, *, now: float,
         device_id: str) -> Command:
    """One upvote per device; ``result`` is the question with its new count."""
    return Command(Label.VOTE, session_id, _QUESTIONS, lambda ef: [],
                   lambda ef: store.add_vote(ef, question_id, device_id, now=now),
                   undoable=False)
