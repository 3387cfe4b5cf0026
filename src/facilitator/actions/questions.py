"""Moderating audience questions: approve, not selected, wording, star, answered, screen,
merge, and opening or closing a session to phones.

A question command's rows are the questions it names (never "every question of the
session": phones keep sending while the moderator works, and undo must not remove theirs).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from facilitator.actions.changes import Kind
from facilitator.actions.command import Command, Label
from facilitator.actions.errors import Code, UserError
from facilitator.actions.found import question as _question
from facilitator.actions.found import session as _session
from facilitator.actions.ids import QuestionId, SessionId
from facilitator.core.notes import tag_choices
from facilitator.core.questions import (
    Question,
    QuestionError,
    QuestionStatus,
    clean_name,
    clean_question,
)
from facilitator.store import EventFile
from facilitator.store import questions as store
from facilitator.store import sessions as session_store
from facilitator.store.question_tags import question_tags, set_question_tags
from facilitator.store.rows import Scope, part

_QUESTIONS = frozenset({Kind.QUESTIONS})


def _one(label: Label, question_id: QuestionId, session_id: SessionId,
         write: Callable[[EventFile], object],
         check: Callable[[Question], object] | None = None) -> Command:
    def prepare(ef: EventFile) -> Scope:
        question = _question(ef, question_id)
        if check is not None:
            check(question)
        return [part("questions", "id", [question_id])]

    return Command(label, session_id, _QUESTIONS, prepare, write)


def approve(session_id: SessionId, question_id: QuestionId, *, now: float) -> Command:
    return _one(Label.APPROVE_QUESTION, question_id, session_id,
                lambda ef: store.approve_question(ef, question_id, now=now))


def reject(session_id: SessionId, question_id: QuestionId, *, now: float) -> Command:
    """"Not selected": hidden from the audience, kept for the report."""
    return _one(Label.REJECT_QUESTION, question_id, session_id,
                lambda ef: store.reject_question(ef, question_id, now=now))


def return_to_pending(session_id: SessionId, question_id: QuestionId, *,
                      now: float) -> Command:
    return _one(Label.REOPEN_QUESTION, question_id, session_id,
                lambda ef: store.return_to_pending(ef, question_id, now=now))


def _clean(clean: Callable[[str], str], text: str, code: Code) -> str:
    try:
        return clean(text)
    except QuestionError as error:
        raise UserError(code, reason=str(error)) from None


class WordingChanged(Exception):
    """A wording written from a wording (``base``) that is no longer the question's: it was
    edited meanwhile (on the laptop, or by another co-moderator). ``text``: its wording now.
    Nothing was written."""

    def __init__(self, text: str) -> None:
        super().__init__("The question's wording was changed meanwhile.")
        self.text = text


def edit_wording(session_id: SessionId, question_id: QuestionId, text: str, *,
                 now: float, base: str | None = None) -> Command:
    """The question's wording. ``base``: the wording the edit was made from (a team page's
    editor); if the question's wording is no longer that one, and not already ``text``,
    WordingChanged is raised and nothing written. Checked in the command's transaction."""

    def check(question: Question) -> None:
        cleaned = _clean(clean_question, text, Code.QUESTION_INVALID)
        if base is not None and question.text not in (base, cleaned):
            raise WordingChanged(question.text)

    return _one(Label.EDIT_QUESTION, question_id, session_id,
                lambda ef: store.edit_question(ef, question_id, text, now=now), check=check)


def star(session_id: SessionId, question_id: QuestionId, starred: bool, *,
         now: float) -> Command:
    return _one(Label.STAR_QUESTION, question_id, session_id,
                lambda ef: store.star_question(ef, question_id, starred, now=now))


class TagsChanged(Exception):
    """A tag save written from tags (``base``) that are no longer the question's: someone
    tagged it meanwhile. ``tags``: its tags now. Nothing was written."""

    def __init__(self, tags: tuple[str, ...]) -> None:
        super().__init__("The question's tags were changed meanwhile.")
        self.tags = tags


def set_tags(session_id: SessionId, question_id: QuestionId, tags: Sequence[str], *,
             role: str = "moderator", base: Sequence[str] | None = None) -> Command:
    """A question's tags (WUF12 dialogues, SDGs, guiding questions), replacing its own.

    ``base``: the tags the change was made from (a team page's picker); if the question's
    tags are no longer those (any case), TagsChanged is raised and nothing written. Checked
    in the command's write transaction, so no other save slips in between."""

    def prepare(ef: EventFile) -> Scope:
        _question(ef, question_id)
        if base is not None:
            now = question_tags(ef, question_id)
            if [t.casefold() for t in now] != [t.casefold() for t in base]:
                raise TagsChanged(now)
        return [part("questions", "id", [question_id]),
                part("question_tags", "question_id", [question_id])]

    def write(ef: EventFile) -> tuple[str, ...]:  # a bad tag: the store's EventFileError
        # The same cleaning as the co-moderator's page: "sdg 5" takes the list's "SDG 5".
        known = [c.tag for c in tag_choices(session_store.get_session(ef, session_id,
                                                                  with_slots=False))]
        return set_question_tags(ef, question_id, tags, role=role, known=known)

    return Command(Label.TAG_QUESTION, session_id, _QUESTIONS, prepare, write)


def mark_answered(session_id: SessionId, question_id: QuestionId, answered_by: str, *,
                  now: float) -> Command:
    return _one(Label.ANSWER_QUESTION, question_id, session_id,
                lambda ef: store.mark_answered(ef, question_id, answered_by, now=now),
                check=lambda _q: _clean(lambda t: clean_name(t, "speaker's name"),
                                        answered_by, Code.NAME_INVALID))


def put_on_screen(session_id: SessionId, question_id: QuestionId | None, *,
                  now: float) -> Command:
    """One question on the projector and the phones (or none)."""

    def prepare(ef: EventFile) -> Scope:
        ids: list[int] = []
        if question_id is not None:
            question = _question(ef, question_id)
            if question.session_id != session_id:
                raise UserError(Code.NO_SUCH_QUESTION)
            if question.status in (QuestionStatus.REJECTED, QuestionStatus.MERGED):
                raise UserError(Code.SCREEN_NEEDS_APPROVAL)
            ids.append(question_id)
        shown = store.on_screen_question(ef, session_id)
        if shown is not None:
            ids.append(shown.id)
        return [part("questions", "id", ids)]

    return Command(Label.QUESTION_ON_SCREEN, session_id, _QUESTIONS | {Kind.STAGE}, prepare,
                   lambda ef: store.set_on_screen(ef, session_id, question_id, now=now))


def merge(session_id: SessionId, keep_id: QuestionId, other_ids: Iterable[QuestionId], *,
          now: float) -> Command:
    """Fold duplicates into ``keep_id`` (store.merge_questions says how votes move)."""
    others = [qid for qid in dict.fromkeys(other_ids) if qid != keep_id]

    def prepare(ef: EventFile) -> Scope:
        keep = _question(ef, keep_id)
        if not others:
            raise UserError(Code.MERGE_NEEDS_TWO)
        if any(_question(ef, qid).session_id != keep.session_id for qid in others):
            raise UserError(Code.MERGE_ACROSS_SESSIONS)
        if keep.status is QuestionStatus.MERGED:
            raise UserError(Code.ALREADY_MERGED)
        # Questions merged earlier into a duplicate are re-pointed to the kept one.
        earlier = [q.id for q in store.list_questions(ef, session_id)
                   if q.merged_into in others]
        ids = [keep_id, *others, *earlier]
        return [part("questions", "id", ids), part("votes", "question_id", ids)]

    return Command(Label.MERGE_QUESTIONS, session_id, _QUESTIONS | {Kind.STAGE}, prepare,
                   lambda ef: store.merge_questions(ef, keep_id, others, now=now),
                   params={"count": len(others) + 1})


def set_open(session_id: SessionId, is_open: bool) -> Command:
    """Open (or close) the session to phones."""

    def prepare(ef: EventFile) -> Scope:
        _session(ef, session_id)
        return [part("sessions", "id", [session_id])]

    return Command(Label.OPEN_QUESTIONS if is_open else Label.CLOSE_QUESTIONS, session_id,
                   frozenset({Kind.SESSION, Kind.QUESTIONS}), prepare,
                   lambda ef: session_store.set_questions_open(ef, session_id, is_open))

