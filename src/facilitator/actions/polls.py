"""Live polls: prepare, open and close them, show their results; a phone's answer.

Plain functions returning commands, for the app's Polls panel, the co-moderator page and
the phone server alike. The moderator's commands are undoable (their rows come back as
they were; phones' answers given meanwhile stay). A phone's answer is not: it is the
audience's, and the phone may change it itself while the poll is open.
"""

from __future__ import annotations

from typing import Any

from facilitator.actions import found
from facilitator.actions.changes import Kind
from facilitator.actions.command import Command, Label, Unchanged
from facilitator.actions.errors import Code, UserError
from facilitator.actions.ids import SessionId
from facilitator.core.polls import Poll, PollError, PollState, check_poll
from facilitator.store import EventFile, EventFileError
from facilitator.store import polls as store
from facilitator.store.rows import Part, part

_POLLS = frozenset({Kind.POLLS})


def existing(ef: EventFile, poll_id: int) -> Poll:
    """The poll, or the user's error if it was removed meanwhile."""
    try:
        return store.get_poll(ef, poll_id)
    except EventFileError:
        raise UserError(Code.NO_SUCH_POLL) from None


def checked(question: object, kind: object, options: object = (), scale: object = None
            ) -> Poll:
    """core.polls.check_poll, its refusal as the user's error."""
    try:
        return check_poll(question, kind, options, scale)
    except PollError as error:
        raise UserError(Code.POLL_INVALID, reason=str(error)) from None


def add_poll(session_id: SessionId, question: str, kind: str, options: list[str] | tuple[
        str, ...] = (), scale: int | None = None, *,
             request: tuple[str, str] | None = None) -> Command:
    """Prepare a poll at the end of the session's list; ``result`` is its id.
    ``kind``: single, multiple, rating (``scale`` 5 or 10), ranking, words, text.
    ``request``: (the device's link, its request id), committed with the poll so that a
    resend finds it (store.poll_by_request)."""
    def prepare(ef: EventFile) -> list[Part]:
        checked(question, kind, options, scale)
        found.session(ef, session_id)
        return []

    return Command(Label.ADD_POLL, session_id, _POLLS, prepare,
                   lambda ef: store.add_poll(ef, session_id,
                                             checked(question, kind, options, scale),
                                             request=request),
                   added=lambda _ef, poll_id: [part("polls", "id", [poll_id])])


def edit_poll(session_id: SessionId, poll_id: int, question: str, kind: str,
              options: list[str] | tuple[str, ...] = (), scale: int | None = None) -> Command:
    """Change a poll's question, kind, options or scale. A poll that has answers keeps its
    kind and the number of its options (the answers point at them)."""
    def prepare(ef: EventFile) -> list[Part]:
        poll = existing(ef, poll_id)
        new = checked(question, kind, options, scale)
        if store.answer_count(ef, poll_id) and (
                new.kind is not poll.kind or len(new.options) != len(poll.options)
                or new.scale != poll.scale):
            raise UserError(Code.POLL_INVALID,
                            reason="it has answers; only its wording can change")
        return [part("polls", "id", [poll_id])]

    return Command(Label.EDIT_POLL, session_id, _POLLS, prepare,
                   lambda ef: store.update_poll(ef, poll_id,
                                                checked(question, kind, options, scale)))


def remove_poll(session_id: SessionId, poll_id: int) -> Command:
    """Remove a poll with its answers (undo brings both back)."""
    def prepare(ef: EventFile) -> list[Part]:
        existing(ef, poll_id)
        return [part("polls", "id", [poll_id]), part("poll_answers", "poll_id", [poll_id])]

    return Command(Label.REMOVE_POLL, session_id, _POLLS, prepare,
                   lambda ef: store.remove_poll(ef, poll_id))


def reorder_polls(session_id: SessionId, poll_ids: list[int]) -> Command:
    """Put the session's polls in this order (every poll of the session once)."""
    def prepare(ef: EventFile) -> list[Part]:
        ids = [p.stored_id for p in store.list_polls(ef, session_id)]
        if sorted(ids) != sorted(poll_ids) or len(set(poll_ids)) != len(poll_ids):
            raise UserError(Code.POLL_ORDER_INCOMPLETE)
        if ids == list(poll_ids):
            raise Unchanged
        return [part("polls", "id", ids)]

    return Command(Label.REORDER_POLLS, session_id, _POLLS, prepare,
                   lambda ef: store.reorder_polls(ef, session_id, list(poll_ids)))


def open_poll(session_id: SessionId, poll_id: int, *, now: float) -> Command:
    """Open a poll on the phones; the session's poll open before is closed, and the
    results another poll showed are hidden (the phones and the stage show this one)."""
    def prepare(ef: EventFile) -> list[Part]:
        poll = existing(ef, poll_id)
        if poll.is_open:
            raise Unchanged
        return [part("polls", "id", [poll_id, *store.open_poll_ids(ef, session_id),
                                     *store.shown_poll_ids(ef, session_id)])]

    return Command(Label.OPEN_POLL, session_id, _POLLS, prepare,
                   lambda ef: store.set_poll_state(ef, poll_id, PollState.OPEN, now=now))


def close_poll(session_id: SessionId, poll_id: int, *, now: float) -> Command:
    """Close a poll: answers are kept, no more are taken."""
    def prepare(ef: EventFile) -> list[Part]:
        if not existing(ef, poll_id).is_open:
            raise Unchanged
        return [part("polls", "id", [poll_id])]

    return Command(Label.CLOSE_POLL, session_id, _POLLS, prepare,
                   lambda ef: store.set_poll_state(ef, poll_id, PollState.CLOSED, now=now))


def show_results(session_id: SessionId, poll_id: int, shown: bool = True) -> Command:
    """Show (or hide) the poll's results on the phones and the projector; showing them
    hides any other poll's. While another poll is open, the phones and the projector show
    that one: showing this one's results is refused (POLL_OPEN_ELSEWHERE)."""
    def prepare(ef: EventFile) -> list[Part]:
        poll = existing(ef, poll_id)
        if poll.results_shown == shown:
            raise Unchanged
        if shown:
            now_open = store.open_poll(ef, session_id)
            if now_open is not None and now_open.id != poll_id:
                raise UserError(Code.POLL_OPEN_ELSEWHERE, question=now_open.question)
        return [part("polls", "id", [poll_id, *store.shown_poll_ids(ef, session_id)])]

    return Command(Label.SHOW_POLL_RESULTS if shown else Label.HIDE_POLL_RESULTS,
                   session_id, _POLLS, prepare,
                   lambda ef: store.show_results(ef, poll_id, shown))


def answer(session_id: SessionId, poll_id: int, value: Any, *, now: float,
           device_id: str) -> Command:
    """A phone's answer (its actor is the phone); ``result`` is ``(canonical answer,
    replaced)``. Raises core.polls.PollError ("closed", or what is wrong with the
    answer), which the phone page says in its own language."""
    return Command(Label.ANSWER_POLL, session_id, _POLLS, lambda ef: [],
                   lambda ef: store.answer_poll(ef, poll_id, device_id, value, now=now),
                   undoable=False)
