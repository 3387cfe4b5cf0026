"""Live polls and their answers in the event file.

A session's polls keep the order the moderator prepared them in (``position``); at most
one is open per session. Answers are one per device and poll, replaced while the poll is
open; nothing here ever hands a device id to a caller.
"""

from __future__ import annotations

import json
from typing import Any

from facilitator.core.polls import Poll, PollError, PollKind, PollState, check_answer
from facilitator.store.event_file import EventFile, EventFileError, inserted_id
from facilitator.store.open_polls import open_poll_ids as open_poll_ids
from facilitator.store.open_polls import shown_poll_ids as shown_poll_ids

_COLUMNS = "id, session_id, position, question, kind, options, scale, state, results_shown"


def _poll_from_row(row: tuple[Any, ...]) -> Poll:
    try:
        options = tuple(str(o) for o in json.loads(row[5]))
    except (ValueError, TypeError):
        options = ()
    return Poll(id=row[0], session_id=row[1], position=row[2], question=row[3],
                kind=PollKind(row[4]), options=options, scale=row[6],
                state=PollState(row[7]), results_shown=bool(row[8]))


def get_poll(ef: EventFile, poll_id: int) -> Poll:
    """Raises EventFileError when there is no such poll."""
    row = ef.db.execute(f"SELECT {_COLUMNS} FROM polls WHERE id = ?", [poll_id]).fetchone()
    if row is None:
        raise EventFileError(f"there is no poll {poll_id}")
    return _poll_from_row(row)


def list_polls(ef: EventFile, session_id: int) -> list[Poll]:
    """The session's polls in their order."""
    rows = ef.db.execute(f"SELECT {_COLUMNS} FROM polls WHERE session_id = ? "
                         "ORDER BY position, id", [session_id]).fetchall()
    return [_poll_from_row(row) for row in rows]


def open_poll(ef: EventFile, session_id: int) -> Poll | None:
    """The session's open poll, if any."""
    row = ef.db.execute(f"SELECT {_COLUMNS} FROM polls WHERE session_id = ? AND state = ? "
                        "ORDER BY position, id LIMIT 1",
                        [session_id, PollState.OPEN.value]).fetchone()
    return None if row is None else _poll_from_row(row)


def phone_poll(ef: EventFile, session_id: int) -> Poll | None:
    """What the session's phones show: its open poll, else the poll closed last whose
    results are shown, else None."""
    found = open_poll(ef, session_id)
    if found is not None:
        return found
    row = ef.db.execute(f"SELECT {_COLUMNS} FROM polls WHERE session_id = ? AND state = ? "
                        "AND results_shown = 1 ORDER BY closed_at DESC, id DESC LIMIT 1",
                        [session_id, PollState.CLOSED.value]).fetchone()
    return None if row is None else _poll_from_row(row)


def _hide_other_results(ef: EventFile, poll_id: int) -> None:
    # One poll's results at a time in a session: the phones, the projector and the Polls
    # tab's list then all name the same one.
    ef.db.execute("UPDATE polls SET results_shown = 0 WHERE session_id = "
                  "(SELECT session_id FROM polls WHERE id = ?) AND id != ? "
                  "AND results_shown = 1", [poll_id, poll_id])


def add_poll(ef: EventFile, session_id: int, poll: Poll, *, position: int | None = None,
             request: tuple[str, str] | None = None) -> int:
    """Add a checked poll (core.polls.check_poll) at the end, or at ``position``; its id.
    ``request``: (who asked, their request id), kept with the poll in the same transaction
    (``poll_by_request``); a second poll with the same pair raises EventFileError."""
    if position is None:
        position = ef.db.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM polls "
                                 "WHERE session_id = ?", [session_id]).fetchone()[0]
    with ef.action("poll_added", session_id, kind=poll.kind.value):
        return inserted_id(ef.db.execute(
            "INSERT INTO polls (session_id, position, question, kind, options, scale, "
            "requested_by, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [session_id, position, poll.question, poll.kind.value,
             json.dumps(list(poll.options), ensure_ascii=False), poll.scale,
             *(request or (None, None))]))


def poll_by_request(ef: EventFile, requested_by: str, request_id: str) -> int | None:
    """The id of the poll made for ``request_id`` from ``requested_by`` (add_poll's
    ``request``), None when there is none (never made, or removed since)."""
    row = ef.db.execute("SELECT id FROM polls WHERE requested_by = ? AND request_id = ?",
                        [requested_by, request_id]).fetchone()
    return row[0] if row else None


def update_poll(ef: EventFile, poll_id: int, poll: Poll) -> None:
    """Replace a poll's question, kind, options and scale (a checked poll)."""
    with ef.action("poll_edited", None, poll_id=poll_id):
        ef.db.execute("UPDATE polls SET question = ?, kind = ?, options = ?, scale = ? "
                      "WHERE id = ?",
                      [poll.question, poll.kind.value,
                       json.dumps(list(poll.options), ensure_ascii=False), poll.scale,
                       poll_id])


def remove_poll(ef: EventFile, poll_id: int) -> None:
    """Remove a poll and its answers."""
    with ef.action("poll_removed", None, poll_id=poll_id):
        ef.db.execute("DELETE FROM poll_answers WHERE poll_id = ?", [poll_id])
        ef.db.execute("DELETE FROM polls WHERE id = ?", [poll_id])


def reorder_polls(ef: EventFile, session_id: int, poll_ids: list[int]) -> None:
    """Put the session's polls in the order of ``poll_ids`` (each of them once)."""
    with ef.action("polls_reordered", session_id):
        for position, poll_id in enumerate(poll_ids, 1):
            ef.db.execute("UPDATE polls SET position = ? WHERE id = ? AND session_id = ?",
                          [position, poll_id, session_id])


def set_poll_state(ef: EventFile, poll_id: int, state: PollState, *, now: float) -> None:
    """Open or close a poll. Opening one closes any other open poll of its session and
    hides the results another poll showed (the phones and the stage now show this one)."""
    poll = get_poll(ef, poll_id)
    with ef.action("poll_" + state.value, poll.session_id, poll_id=poll_id):
        if state is PollState.OPEN:
            _hide_other_results(ef, poll_id)
            ef.db.execute("UPDATE polls SET state = ?, closed_at = ? "
                          "WHERE session_id = ? AND state = ? AND id != ?",
                          [PollState.CLOSED.value, now, poll.session_id,
                           PollState.OPEN.value, poll_id])
            ef.db.execute("UPDATE polls SET state = ?, opened_at = ? WHERE id = ?",
                          [state.value, now, poll_id])
        else:
            ef.db.execute("UPDATE polls SET state = ?, closed_at = ? WHERE id = ?",
                          [state.value, now, poll_id])


def show_results(ef: EventFile, poll_id: int, shown: bool) -> None:
    """Show (or hide) a poll's results; showing them hides any other poll's."""
    with ef.action("poll_results_shown" if shown else "poll_results_hidden", None,
                   poll_id=poll_id):
        if shown:
            _hide_other_results(ef, poll_id)
        ef.db.execute("UPDATE polls SET results_shown = ? WHERE id = ?",
                      [int(shown), poll_id])


def answer_poll(ef: EventFile, poll_id: int, device_id: str, answer: object, *, now: float
                ) -> tuple[Any, bool]:
    """A device's answer to an open poll, replacing its earlier one: (the canonical answer,
    whether it replaced one). The same answer sent again (a phone resending after the
    Wi-Fi lost the laptop's reply) is taken once: nothing is written, it keeps its place
    among the answers and the log has no second line. Raises PollError: "closed" when the
    poll is not open (or is gone), or the answer's own fault."""
    try:
        poll = get_poll(ef, poll_id)
    except EventFileError:
        raise PollError("closed", "this poll is no longer open") from None
    if not poll.is_open:
        raise PollError("closed", "this poll is not open")
    value = check_answer(poll, answer)
    stored = ef.db.execute("SELECT answer FROM poll_answers WHERE poll_id = ? AND "
                           "device_id = ?", [poll_id, device_id]).fetchone()
    if stored is not None and json.loads(stored[0]) == value:
        return value, True
    with ef.action("poll_answered", poll.session_id, poll_id=poll_id):
        ef.db.execute(
            "INSERT INTO poll_answers (poll_id, device_id, answer, answered_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT(poll_id, device_id) DO UPDATE SET "
            "answer = excluded.answer, answered_at = excluded.answered_at",
            [poll_id, device_id, json.dumps(value, ensure_ascii=False), now])
    return value, stored is not None


def device_answer(ef: EventFile, poll_id: int, device_id: str) -> Any | None:
    """This device's own answer to the poll, or None."""
    row = ef.db.execute("SELECT answer FROM poll_answers WHERE poll_id = ? AND device_id = ?",
                        [poll_id, device_id]).fetchone()
    return None if row is None else json.loads(row[0])


def poll_answers(ef: EventFile, poll_id: int) -> list[Any]:
    """The poll's answers in the order they were last given: values only, no devices."""
    return [json.loads(row[0]) for row in ef.db.execute(
        "SELECT answer FROM poll_answers WHERE poll_id = ? ORDER BY answered_at, rowid",
        [poll_id]).fetchall()]


def answer_tally(ef: EventFile, poll_id: int) -> list[tuple[Any, int]]:
    """The poll's different answers with how many devices gave each, each in the place it
    was first given among ``poll_answers`` (for ``core.polls.tallied_results``): a hall
    of 2,000 choosing among three options is three rows, counted by SQLite."""
    return [(json.loads(answer), times) for answer, times in ef.db.execute(
        "SELECT answer, COUNT(*) FROM (SELECT answer, ROW_NUMBER() OVER "
        "(ORDER BY answered_at, rowid) AS place FROM poll_answers WHERE poll_id = ?) "
        "GROUP BY answer ORDER BY MIN(place)", [poll_id]).fetchall()]


def answer_count(ef: EventFile, poll_id: int) -> int:
    count: int = ef.db.execute("SELECT COUNT(*) FROM poll_answers WHERE poll_id = ?",
                               [poll_id]).fetchone()[0]
    return count


def replace_prepared_polls(ef: EventFile, session_id: int, plans: list[Poll]) -> None:
    """For an agenda import: the session's polls become ``plans``. Polls already run (with
    answers, or opened) are kept; prepared ones not in the plans are removed; plans already
    there (same question and kind) are updated in place, the others added."""
    kept = {(p.question.casefold(), p.kind): p for p in list_polls(ef, session_id)}
    wanted = {(p.question.casefold(), p.kind) for p in plans}
    for key, poll in kept.items():
        assert poll.id is not None
        if (key not in wanted and poll.state is PollState.PREPARED
                and not answer_count(ef, poll.id)):
            remove_poll(ef, poll.id)
    for plan in plans:
        match = kept.get((plan.question.casefold(), plan.kind))
        if match is not None and match.id is not None:
            update_poll(ef, match.id, plan)
        else:
            add_poll(ef, session_id, plan)
