"""The shared state published from each question's kept JSON fragment (re-encoded only
when its row changed) is byte for byte the state built from scratch, after votes, edits,
merges, approvals, removals, the screen and a poll; its ETag changes exactly when its
content does. The questions' list is also the one made the old way, from Question objects."""

from __future__ import annotations

import json
import time

import pytest

from facilitator.actions import polls
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.audience.app import create_app
from facilitator.audience.limits import Limits
from facilitator.core.clock import FakeClock
from facilitator.core.polls import poll_results
from facilitator.store import polls as poll_store
from facilitator.store import questions as store


def fresh(event_file):
    """A phone app that publishes the file as it is, with nothing kept from before."""
    made = create_app(event_file, None, clock=FakeClock(), limits=Limits()).phones
    made.publish_seconds = 0.0
    made.votes_seconds = 0.0
    return made


def approved(event_file, session, text: str) -> int:
    question = store.submit_question(event_file, session.id, text, now=time.time())[0]
    store.approve_question(event_file, question.id, now=time.time())
    return question.id


@pytest.fixture
def steps(event_file, session):
    """Changes made one after another, each named; ids filled in as they are made."""
    ids: list[int] = []
    later = time.time() + 10

    def add_many() -> None:
        ids.extend(approved(event_file, session, f"Question {i} « é »?") for i in range(12))

    def pending() -> None:
        ids.append(store.submit_question(event_file, session.id, "Waiting?",
                                         now=time.time())[0].id)

    def answer_poll() -> None:
        poll_id = run(event_file, LAPTOP, polls.add_poll(session.id, "Pick", "single",
                                                          ["A", "B", "C"])).result
        run(event_file, LAPTOP, polls.open_poll(session.id, poll_id, now=later))
        run(event_file, LAPTOP, polls.show_results(session.id, poll_id))
        for n, choice in enumerate([0, 2, 2, 1, 2]):
            poll_store.answer_poll(event_file, poll_id, f"device-{n:08d}", choice, now=later)

    return [
        ("approvals", add_many),
        ("a vote", lambda: store.add_vote(event_file, ids[3], "device-aaaaaaaa", now=later)),
        ("more votes", lambda: [store.add_vote(event_file, ids[i], f"device-{i:08d}",
                                               now=later) for i in range(0, 12, 2)]),
        ("an edit", lambda: store.edit_question(event_file, ids[5], "Edited “text”",
                                                now=later)),
        ("a merge", lambda: store.merge_questions(event_file, ids[1], [ids[2], ids[7]],
                                                  now=later)),
        ("a removal", lambda: store.reject_question(event_file, ids[4], now=later)),
        ("answered", lambda: store.mark_answered(event_file, ids[6], "", now=later)),
        ("on screen", lambda: store.set_on_screen(event_file, session.id, ids[8],
                                                  now=later)),
        ("a pending question", pending),
        ("back to pending", lambda: store.return_to_pending(event_file, ids[9], now=later)),
        ("approved again", lambda: store.approve_question(event_file, ids[9], now=later)),
        ("a poll", answer_poll),
        ("a vote after all", lambda: store.add_vote(event_file, ids[11], "device-bbbbbbbb",
                                                    now=later)),
    ]


def test_the_state_built_piece_by_piece_is_the_state_built_from_scratch(
        event_file, session, steps) -> None:
    kept = fresh(event_file)
    token = session.join_token
    before = kept.publish(token).encoded
    for name, change in steps:
        change()
        incremental = kept.publish(token).encoded
        scratch = fresh(event_file).publish(token).encoded
        assert incremental.body == scratch.body, name
        assert incremental.etag == scratch.etag, name
        assert incremental.gzipped == scratch.gzipped, name
        # The ETag changes exactly when the content does.
        assert (incremental.etag != before.etag) == (incremental.body != before.body), name
        # Every step shows on the phones but a new pending question (only its asker's).
        assert (incremental.body != before.body) == (name != "a pending question"), name
        state = json.loads(incremental.body)
        # The questions as the old way made them, from Question objects.
        assert state["questions"] == kept.shared_state(session.id)["questions"], name
        before = incremental
    # The poll's results, tallied by SQLite, are those counted from every answer.
    poll = poll_store.phone_poll(event_file, session.id)
    answers = poll_store.poll_answers(event_file, poll.id)
    assert state["poll"]["results"] == poll_results(poll, answers).public()


def test_nothing_changed_keeps_the_bytes_and_the_etag(event_file, session) -> None:
    kept = fresh(event_file)
    for i in range(3):
        approved(event_file, session, f"Same {i}?")
    first = kept.publish(session.join_token).encoded
    kept._published.clear()  # published again from the kept fragments
    again = kept.publish(session.join_token).encoded
    assert again.body == first.body and again.etag == first.etag


def test_a_vote_alone_is_held_back_but_an_edit_shows_at_once(event_file, session) -> None:
    kept = fresh(event_file)
    kept.votes_seconds = 60.0
    ids = [approved(event_file, session, f"Held {i}?") for i in range(3)]
    first = kept.publish(session.join_token)
    store.add_vote(event_file, ids[0], "device-aaaaaaaa", now=time.time())
    held = kept.publish(session.join_token)
    assert held.encoded.etag == first.encoded.etag and held.held
    store.edit_question(event_file, ids[1], "Held, then edited?", now=time.time())
    shown = kept.publish(session.join_token).encoded
    assert shown.etag != first.encoded.etag
    assert shown.body == fresh(event_file).publish(session.join_token).encoded.body
