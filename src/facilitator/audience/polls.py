"""Live polls on the phones: the open poll in the shared state (or, once closed, its results
while the moderator shows them), a phone's answer, its own.

The open poll rides the session's published state (``/api/j/{token}/shared``): a hall of
phones polling every 2 s still gets the same bytes and mostly 304s. Its results, once the
moderator shows them, are held back like vote counts (they move with every answer); the
poll itself, and showing or hiding results, show at once.

Routes (mounted by audience/app.py):

* ``POST /api/j/{token}/polls/{poll_id}/answer`` ``{"answer": …}`` — this phone's answer
  (device cookie, ``X-Facilitator: 1``), replacing its earlier one while the poll is open.
  200 ``{"poll": id, "answer": canonical}``; 400 with the reason code; 404 unknown poll;
  409 ``poll_closed``; 413 / 429 as for questions.
* ``GET /api/j/{token}/polls/{poll_id}/mine`` — ``{"answer": value or null}``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from facilitator.actions import polls as poll_actions
from facilitator.actions.actor import phone
from facilitator.actions.command import run
from facilitator.actions.ids import SessionId
from facilitator.core.model import Session
from facilitator.core.polls import Poll, PollError, PollKind, poll_results, tallied_results
from facilitator.store import EventFile, EventFileError
from facilitator.store import polls as store

if TYPE_CHECKING:
    from facilitator.audience.app import PhoneApp


def public_poll(poll: Poll | None) -> dict[str, Any] | None:
    """The open poll as phones see it, without results (see ``add_results``)."""
    if poll is None:
        return None
    data: dict[str, Any] = {"id": poll.id, "question": poll.question, "kind": poll.kind.value,
                            "options": list(poll.options), "open": poll.is_open,
                            "shown": poll.results_shown}
    if poll.scale:
        data["scale"] = poll.scale
    return data


def open_poll_of(phones: PhoneApp, session: Session) -> Poll | None:
    """The poll on the phones: the open one, else the last closed one with its results
    shown (then without a form)."""
    return store.phone_poll(phones.file, session.stored_id)


def add_results(phones: PhoneApp, session: Session, poll: Poll,
                data: dict[str, Any]) -> None:
    """Put the poll's results into its public ``data`` when the moderator shows them."""
    if not poll.results_shown or poll.id is None:
        return
    if poll.kind is PollKind.TEXT:  # open texts keep their order: each answer as given
        results = poll_results(poll, store.poll_answers(phones.file, poll.id),
                               session.watch_words)
    else:  # each different answer counted once, by SQLite: 3 rows for 2,000 phones
        results = tallied_results(poll, store.answer_tally(phones.file, poll.id),
                                  session.watch_words)
    data["results"] = results.public()


def poll_in_session(file: EventFile, session: Session, poll_id: int) -> Poll | None:
    """The poll ``poll_id`` if it belongs to ``session``; None for an id out of SQLite's
    range, a poll removed, or another session's (a stale page or a guess)."""
    try:
        poll = store.get_poll(file, poll_id) if poll_id < 2**63 else None
    except EventFileError:
        return None
    return poll if poll is not None and poll.session_id == session.id else None


def _poll_of_session(phones: PhoneApp, session: Session, poll_id: int) -> Poll:
    poll = poll_in_session(phones.file, session, poll_id)
    if poll is None:
        from facilitator.audience.app import PhoneError

        # Not "not_found": the page takes that for a dead link.
        raise PhoneError(404, "poll_gone", "This poll is no longer available.")
    return poll


def routes(phones: PhoneApp) -> list[Route]:
    """The phones' poll routes over the app's state (its limits, devices and file)."""
    from facilitator.audience.app import PhoneError

    async def answer(request: Request) -> Response:
        address = phones.address(request)
        phones.limit(phones.limits.address_writes, address)
        session = phones.session("join_token", request.path_params["token"])
        data = await phones.read_json(request)
        session_id = SessionId(session.stored_id)
        device, cookie = phones.device_for_write(request, session_id)
        phones.limit(phones.limits.device_writes, device.id)
        poll = _poll_of_session(phones, session, request.path_params["poll_id"])
        if "answer" not in data:
            raise PhoneError(400, "invalid", "Send an answer.")
        try:
            value, _replaced = run(phones.file, phone(device.id), poll_actions.answer(
                session_id, poll.stored_id, data["answer"], now=phones.clock.now(),
                device_id=device.id)).result
        except PollError as error:
            if error.reason == "closed":
                raise PhoneError(409, "poll_closed", "This poll is closed.") from None
            raise PhoneError(400, "poll_" + error.reason, str(error)[:1].upper()
                             + str(error)[1:] + ".") from None
        phones.notify("polls", session_id)
        return phones.with_device_cookie(
            JSONResponse({"poll": poll.id, "answer": value},
                         headers={"cache-control": "no-store"}), cookie)

    async def mine(request: Request) -> Response:
        phones.limit(phones.limits.device_reads, phones.read_key(request))
        phones.limit(phones.limits.address_reads, phones.address(request))
        session = phones.session("join_token", request.path_params["token"])
        poll = _poll_of_session(phones, session, request.path_params["poll_id"])
        device = phones.device(request)
        value = (store.device_answer(phones.file, poll.id, device.id)
                 if device is not None and poll.id is not None else None)
        return JSONResponse({"answer": value}, headers={"cache-control": "no-store"})

    return [
        Route("/api/j/{token}/polls/{poll_id:int}/answer", answer, methods=["POST"]),
        Route("/api/j/{token}/polls/{poll_id:int}/mine", mine),
    ]
