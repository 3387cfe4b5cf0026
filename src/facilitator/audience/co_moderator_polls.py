"""The co-moderator's polls: the room's session's polls with their live results, and the
laptop's own poll commands (actions/polls.py) from the co-moderator's page.

Each action runs through ``TeamApp.run``, logged as ``co_moderator:<name>``; the laptop's
Polls tab and the projector hear it by kind ("polls") within a second, the phones on their
next poll of the shared state.

Routes (a co-moderator link's token; audience/roles.py makes the checks):

``GET /api/r/{token}/polls``
    ``{"session": {"id", "title"}, "polls": [poll…]}`` (ETag: poll it). A poll is
    ``{"id", "question", "kind", "options", "scale", "state": "prepared" | "open" |
    "closed", "shown": bool, "answers": int, "results": …}``; ``results`` (not for a
    prepared poll) is core.polls' public results plus ``held_back`` (answers the watch
    words keep off the screens): counts and percentages, never a device.
``POST /api/r/{token}/polls`` ``{"question", "kind", "options": [...], "scale": 5 | 10}``
    prepares a poll at the end of the session's list (a quick poll made on the spot);
    ``"open": true`` opens it at once; ``"request_id"`` (8 to 64 letters, digits or
    dashes, one per poll the page makes): sent again after a lost answer, it gives the
    poll made the first time instead of a second one, also after the laptop restarted
    (the id is written with the poll, in the event file); with ``"open": true`` that poll
    is opened if it is still only prepared (the answer to the first send was lost before
    it was).
    Answers ``{"poll": …}``.
``POST /api/r/{token}/polls/{id}/{action}``
    ``open`` (the session's poll open before closes: one at a time), ``close``, ``show``
    (results on the phones and the projector), ``hide``. Answers ``{"poll": …}``.

Refusals (JSON ``{"error": code, "message": English}``, the page says the code in its
language): 400 ``poll_empty`` / ``poll_too_long`` / ``poll_kind`` / ``poll_options`` /
``poll_scale`` / ``poll_invalid`` (what is wrong with a new poll), 404 ``poll_gone`` (no
such poll in the room's session), 404 ``unknown_action``, 409 ``no_session``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from facilitator.actions import polls
from facilitator.actions.command import Command
from facilitator.actions.errors import Code, UserError
from facilitator.actions.ids import SessionId
from facilitator.audience.app import PhoneError
from facilitator.audience.polls import poll_in_session
from facilitator.audience.roles import Role, RoleAccess, TeamApp, role_link
from facilitator.core.model import Session
from facilitator.core.polls import Poll, PollError, PollState, check_poll, poll_results
from facilitator.store import polls as store
from facilitator.store.sessions import get_session

MakeCommand = Callable[[SessionId, int, float], Command]

ACTIONS: dict[str, MakeCommand] = {
    "open": lambda sid, pid, now: polls.open_poll(sid, pid, now=now),
    "close": lambda sid, pid, now: polls.close_poll(sid, pid, now=now),
    "show": lambda sid, pid, now: polls.show_results(sid, pid, True),
    "hide": lambda sid, pid, now: polls.show_results(sid, pid, False),
}


def _room_session(team: TeamApp) -> Session:
    session_id = team.room_session_id()
    if session_id is None:
        raise PhoneError(409, "no_session", "The event has no session yet.")
    return get_session(team.file, session_id, with_slots=False)


def poll_json(team: TeamApp, session: Session, poll: Poll) -> dict[str, Any]:
    """One poll as the co-moderator's page shows it, results included once it opened."""
    assert poll.id is not None
    answers = store.poll_answers(team.file, poll.id) if poll.state is not \
        PollState.PREPARED else []
    data: dict[str, Any] = {"id": poll.id, "question": poll.question,
                            "kind": poll.kind.value, "options": list(poll.options),
                            "scale": poll.scale, "state": poll.state.value,
                            "shown": poll.results_shown, "answers": len(answers)}
    if poll.state is not PollState.PREPARED:
        results = poll_results(poll, answers, session.watch_words)
        data["results"] = {**results.public(), "held_back": results.held_back}
    return data


async def list_polls(request: Request) -> Response:
    access = await role_link(request, (Role.CO_MODERATOR,))
    session = _room_session(access.team)
    assert session.id is not None
    data = {"session": {"id": session.id, "title": session.title},
            "polls": [poll_json(access.team, session, poll)
                      for poll in store.list_polls(access.team.file, session.id)]}
    return access.team.phones.json_with_etag(request, data)


def _poll_of_room(team: TeamApp, session: Session, poll_id: int) -> Poll:
    # Only the room's session: the page shows that one; another session's poll id is a
    # stale page (the laptop moved on) or a guess.
    poll = poll_in_session(team.file, session, poll_id)
    if poll is None:
        raise PhoneError(404, "poll_gone", "That poll is no longer there.")
    return poll


def _run(access: RoleAccess, command: Command) -> Any:
    """Run a poll command as the co-moderator; a poll removed meanwhile is a 404."""
    try:
        return access.team.run(access, command).result
    except UserError as error:
        if error.code is Code.NO_SUCH_POLL:
            raise PhoneError(404, "poll_gone", "That poll is no longer there.") from None
        raise  # a file problem: the app's handler says "busy, try again"


def _answer(access: RoleAccess, session: Session, poll_id: int) -> Response:
    poll = _poll_of_room(access.team, session, poll_id)
    return JSONResponse({"poll": poll_json(access.team, session, poll)},
                        headers={"cache-control": "no-store"})


async def act(request: Request) -> Response:
    access = await role_link(request, (Role.CO_MODERATOR,))
    make = ACTIONS.get(request.path_params["action"])
    if make is None:
        raise PhoneError(404, "unknown_action", "No such action. Use one of: "
                         + ", ".join(ACTIONS) + ".")
    await access.team.read_json(request)  # garbage in the body is a 400, as elsewhere
    session = _room_session(access.team)
    assert session.id is not None
    poll = _poll_of_room(access.team, session, request.path_params["poll_id"])
    assert poll.id is not None
    _run(access, make(SessionId(session.id), poll.id, access.team.clock.now()))
    return _answer(access, session, poll.id)


_REQUEST_ID = re.compile(r"[A-Za-z0-9-]{8,64}")


async def add(request: Request) -> Response:
    access = await role_link(request, (Role.CO_MODERATOR,))
    data = await access.team.read_json(request)
    opening = data.get("open", False)
    if not isinstance(opening, bool):
        raise PhoneError(400, "invalid", "\"open\" must be true or false.")
    request_id = data.get("request_id")
    if request_id is not None and (not isinstance(request_id, str)
                                   or not _REQUEST_ID.fullmatch(request_id)):
        raise PhoneError(400, "invalid", "\"request_id\" must be 8 to 64 letters, digits "
                         "or dashes.")
    asked = (access.link.token, request_id) if request_id is not None else None
    if asked is not None:
        # The same poll sent again (its answer lost on the Wi-Fi, or the laptop restarted
        # before answering): the one made then, if the room's session still has it.
        session = _room_session(access.team)
        earlier = store.poll_by_request(access.team.file, *asked)
        if earlier is not None and (poll := poll_in_session(access.team.file, session,
                                                            earlier)) is not None:
            assert session.id is not None
            if opening and poll.state is PollState.PREPARED:
                _run(access, polls.open_poll(SessionId(session.id), earlier,
                                             now=access.team.clock.now()))
            return _answer(access, session, earlier)
    # Checked here first for its reason code, which the page says in its language (the
    # command checks again, and its refusal is in English only).
    try:
        poll = check_poll(data.get("question"), data.get("kind"), data.get("options", []),
                          data.get("scale"))
    except PollError as error:
        raise PhoneError(400, "poll_" + error.reason, str(error)[:1].upper()
                         + str(error)[1:] + ".") from None
    session = _room_session(access.team)
    assert session.id is not None
    session_id = SessionId(session.id)
    poll_id: int = _run(access, polls.add_poll(session_id, poll.question, poll.kind.value,
                                               poll.options, poll.scale or None,
                                               request=asked))
    if opening:
        _run(access, polls.open_poll(session_id, poll_id, now=access.team.clock.now()))
    return _answer(access, session, poll_id)


def routes(team: TeamApp) -> list[Route]:
    return [
        Route("/api/r/{token}/polls", list_polls),
        Route("/api/r/{token}/polls", add, methods=["POST"]),
        Route("/api/r/{token}/polls/{poll_id:int}/{action}", act, methods=["POST"]),
    ]
