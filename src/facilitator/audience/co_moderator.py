"""The co-moderator's desk: the moderation queue with the laptop's own actions.

Every action runs the command the laptop's Questions tab runs (actions/questions.py), on
the room's session, logged as ``co_moderator:<name>``; the laptop hears of it through the
team's notifier and shows it within a second, the projector too.

Routes (a co-moderator link's token; audience/roles.py makes the checks):

``GET /api/r/{token}/queue``
    the room's session, its speakers (for "answered by"), the tags a question can take
    (``tag_choices``: ``{tag, label, group}``, the laptop's list) and every question with its
    ``tags`` and the tags its words ``suggested`` (core.question_tags; ETag: poll it)
``/api/r/{token}/polls…``
    the session's polls and the laptop's poll commands: audience/co_moderator_polls.py
``POST /api/r/{token}/questions/{id}/{action}``
    ``approve``, ``reject`` (not selected), ``reopen`` (back to new), ``star``
    ``{"starred": bool}``, ``screen`` ``{"on": bool}``, ``wording`` ``{"text", "base"}``
    (``base``: the wording the editor started from — if it was edited since, 409
    ``wording_changed`` with the question as it now stands, nothing written),
    ``answered`` ``{"by"}``, ``merge`` ``{"others": [ids]}`` (into this one),
    ``tags`` ``{"tags": [text], "base": [text]}`` (replacing its own; ``base``: the tags
    the picker started from — if the question's tags changed since, on the laptop or
    another page, 409 ``tags_changed`` with ``{"question": …}`` as it now stands, nothing
    written); answers ``{"question": …}`` with the question as it now stands.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from facilitator.actions import questions
from facilitator.actions.command import Command
from facilitator.actions.ids import QuestionId, SessionId
from facilitator.audience.app import PhoneError
from facilitator.audience.roles import ROLE_PAGES, Role, TeamApp, role_link, tag_choices_json
from facilitator.core.model import Session
from facilitator.core.notes import tag_choices
from facilitator.core.question_tags import MAX_TAGS, clean_tags, suggest_tags
from facilitator.core.questions import Question, QuestionStatus
from facilitator.store import EventFileError
from facilitator.store import questions as qstore
from facilitator.store.question_tags import question_tags, session_question_tags
from facilitator.store.sessions import get_session

ROLE_PAGES[Role.CO_MODERATOR] = "co_moderator.html"

MERGE_LIMIT = 50  # questions one merge may fold in
MakeCommand = Callable[[SessionId, QuestionId, dict[str, Any], float], Command]


def _question_json(question: Question, session: Session,
                   tags: tuple[str, ...]) -> dict[str, Any]:
    return {"id": question.id, "text": question.text, "sent_text": question.sent_text,
            "author": question.author, "organisation": question.organisation,
            "to": question.addressed_to, "votes": question.votes,
            "status": question.status.value, "starred": question.starred,
            "on_screen": question.on_screen, "flagged": question.flagged,
            "merged_into": question.merged_into, "answered_by": question.answered_by,
            "at": question.created_at, "tags": list(tags),
            # The laptop's suggestions (keywords in EN/FR/ES): the co-moderator decides.
            "suggested": suggest_tags(question.text, session)}


def _room_session(team: TeamApp) -> Session:
    session_id = team.room_session_id()
    if session_id is None:
        raise PhoneError(409, "no_session", "The event has no session yet.")
    return get_session(team.file, session_id)


async def queue(request: Request) -> Response:
    access = await role_link(request, (Role.CO_MODERATOR,))
    session = _room_session(access.team)
    speakers = list(dict.fromkeys(slot.person.name for slot in session.slots))
    tags = session_question_tags(access.team.file, session.stored_id)
    data = {"session": {"id": session.id, "title": session.title,
                        "open": session.questions_open},
            "speakers": speakers,
            "tag_choices": tag_choices_json(session),
            "tag_limit": MAX_TAGS,
            "questions": [_question_json(q, session, tags.get(q.id, ())) for q in
                          qstore.list_questions(access.team.file, session.stored_id)],
            "name": access.link.name}
    return access.team.phones.json_with_etag(request, data)


def _flag(data: dict[str, Any], key: str) -> bool:
    value = data.get(key)
    if not isinstance(value, bool):
        raise PhoneError(400, "invalid", f"\"{key}\" must be true or false.")
    return value


def _words(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise PhoneError(400, "invalid", f"\"{key}\" must be text.")
    return value


def _others(data: dict[str, Any]) -> list[QuestionId]:
    others = data.get("others")
    if not isinstance(others, list) or not 1 <= len(others) <= MERGE_LIMIT or not all(
            isinstance(i, int) and not isinstance(i, bool) and 0 < i < 2**63 for i in others):
        raise PhoneError(400, "invalid", f"\"others\" must list 1 to {MERGE_LIMIT} question "
                         "ids to merge into this one.")
    return [QuestionId(other) for other in others]


def _tags(data: dict[str, Any], session: Session, key: str = "tags") -> tuple[str, ...]:
    tags = data.get(key)
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise PhoneError(400, "tags_invalid",
                         f"\"{key}\" must list the question's tags as text.")
    try:
        return clean_tags(tags, known=[c.tag for c in tag_choices(session)])
    except ValueError as error:  # its own code: the page says it in its language
        raise PhoneError(400, "tags_invalid", f"The tags cannot be saved: {error}.") from None


ACTIONS: dict[str, MakeCommand] = {
    "approve": lambda sid, qid, data, now: questions.approve(sid, qid, now=now),
    "reject": lambda sid, qid, data, now: questions.reject(sid, qid, now=now),
    "reopen": lambda sid, qid, data, now: questions.return_to_pending(sid, qid, now=now),
    "star": lambda sid, qid, data, now: questions.star(sid, qid, _flag(data, "starred"),
                                                       now=now),
    "screen": lambda sid, qid, data, now: questions.put_on_screen(
        sid, qid if _flag(data, "on") else None, now=now),
    # From the wording the editor started from (``base``; an older page sends none and
    # replaces it as before): an edit made meanwhile on the laptop is never lost unseen.
    "wording": lambda sid, qid, data, now: questions.edit_wording(
        sid, qid, _words(data, "text"), now=now,
        base=_words(data, "base") if "base" in data else None),
    "answered": lambda sid, qid, data, now: questions.mark_answered(
        sid, qid, _words(data, "by"), now=now),
    "merge": lambda sid, qid, data, now: questions.merge(sid, qid, _others(data), now=now),
    # Dialogues, SDGs, guiding questions (issue 16): the same command as the laptop's T.
    # Cleaned with the session's choices, from the tags the picker started from (``base``;
    # an older page sends none and replaces them as before).
    "tags": lambda sid, qid, data, now: questions.set_tags(
        sid, qid, data["tags"], role="co-moderator", base=data.get("base")),
}


def _clean_tag_lists(data: dict[str, Any], session: Session) -> None:
    """``data["tags"]`` (and ``base``, if sent) cleaned in place; PhoneError 400 if bad."""
    data["tags"] = _tags(data, session)
    if "base" in data:
        data["base"] = _tags(data, session, "base")


async def act(request: Request) -> Response:
    access = await role_link(request, (Role.CO_MODERATOR,))
    make = ACTIONS.get(request.path_params["action"])
    if make is None:
        raise PhoneError(404, "unknown_action", "No such action. Use one of: "
                         + ", ".join(ACTIONS) + ".")
    data = await access.team.read_json(request)
    session = _room_session(access.team)
    question_id = QuestionId(request.path_params["question_id"])  # {question_id:int}
    try:
        question = (qstore.get_question(access.team.file, question_id)
                    if question_id < 2**63 else None)
    except EventFileError:
        question = None
    # Only the room's session: a co-moderator's page shows that one, and a question id
    # from elsewhere is a stale page or a guess.
    if question is None or question.session_id != session.id:
        # Not "not_found": the page takes that for a dead link and stops.
        raise PhoneError(404, "question_gone", "That question is no longer there.")
    if question.status is QuestionStatus.MERGED:
        # Merged on the laptop while the page showed it: a decision on it would bring a
        # duplicate back. The page shows the question as it is now.
        return JSONResponse({"error": "merged",
                             "message": "That question was merged into another one "
                                        "meanwhile.",
                             "question": _question_json(
                                 question, session,
                                 question_tags(access.team.file, question_id))},
                            status_code=409, headers={"cache-control": "no-store"})
    if request.path_params["action"] == "tags":
        _clean_tag_lists(data, session)
    command = make(SessionId(session.stored_id), question_id, data, access.team.clock.now())
    try:
        access.team.run(access, command)
    except questions.WordingChanged:
        return JSONResponse({"error": "wording_changed",
                             "message": "The question's wording was changed meanwhile: "
                                        "check it again.",
                             "question": _question_json(
                                 qstore.get_question(access.team.file, question_id), session,
                                 question_tags(access.team.file, question_id))},
                            status_code=409, headers={"cache-control": "no-store"})
    except questions.TagsChanged as changed:
        return JSONResponse({"error": "tags_changed",
                             "message": "The question's tags were changed meanwhile: check "
                                        "them again.",
                             "question": _question_json(question, session, changed.tags)},
                            status_code=409, headers={"cache-control": "no-store"})
    return JSONResponse({"question": _question_json(
        qstore.get_question(access.team.file, question_id), session,
        question_tags(access.team.file, question_id))},
        headers={"cache-control": "no-store"})


def routes(team: TeamApp) -> list[Route]:
    # The polls' routes live in their own module, imported here as it imports roles.py too.
    from facilitator.audience import co_moderator_polls

    return [
        Route("/api/r/{token}/queue", queue),
        Route("/api/r/{token}/questions/{question_id:int}/{action}", act, methods=["POST"]),
        *co_moderator_polls.routes(team),
    ]
