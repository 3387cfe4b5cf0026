"""Merging keeps the right question: its addressee, its asker, each phone's vote once."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from facilitator.audience.app import create_app
from facilitator.audience.devices import COOKIE_NAME, Device, DeviceIds
from facilitator.core.clock import FakeClock
from facilitator.core.questions import Question, QuestionStatus, merge_survivor
from facilitator.reports.exports import question_rows
from facilitator.reports.session_report import load_session_report
from facilitator.store import EventFile, EventFileError
from facilitator.store import questions as store
from facilitator.store.devices import device_secret
from facilitator.store.sessions import get_session, list_sessions, set_questions_open

NOW = 1_800_000_000.0


@pytest.fixture
def session_id(event_file: EventFile) -> int:
    first = list_sessions(event_file)[0]
    set_questions_open(event_file, first.id, True)
    return first.id


def ask(ef, session_id, text, device, at=NOW, **kw):
    return store.submit_question(ef, session_id, text, now=at, device_id=device, **kw)[0]


@pytest.fixture
def field_case(event_file, session_id):
    """The reported case: a 3-vote approved question to a speaker, and a later pending
    duplicate with no votes and no addressee, from another asker."""
    approved = ask(event_file, session_id, "Will cities get direct access to climate finance?",
                   "asker-ana", author="Ana", organisation="Recife",
                   addressed_to="Mayor (to be confirmed) — panel 1")
    store.approve_question(event_file, approved.id, now=NOW)
    for phone in ("phone-1", "phone-2", "phone-3"):
        store.add_vote(event_file, approved.id, phone, now=NOW)
    duplicate = ask(event_file, session_id, "Can cities access climate finance directly?",
                    "asker-tom", at=NOW + 60, author="Tom")
    return store.get_question(event_file, approved.id), duplicate


def _q(id_, status, votes, at):
    return Question(id=id_, session_id=1, text="q", status=status, created_at=at, votes=votes)


def test_the_proposed_survivor_is_approved_then_most_voted_then_earliest() -> None:
    pending_popular = _q(1, QuestionStatus.PENDING, 9, 1.0)
    approved = _q(2, QuestionStatus.APPROVED, 3, 5.0)
    approved_earlier = _q(3, QuestionStatus.APPROVED, 3, 2.0)
    answered_more = _q(4, QuestionStatus.ANSWERED, 4, 9.0)
    assert merge_survivor([pending_popular, approved]) is approved
    assert merge_survivor([approved, approved_earlier]) is approved_earlier
    assert merge_survivor([approved, approved_earlier, answered_more]) is answered_more
    assert merge_survivor([_q(5, QuestionStatus.PENDING, 0, 3.0),
                           _q(6, QuestionStatus.PENDING, 0, 1.0)]).id == 6


def test_the_kept_question_keeps_its_addressee_asker_and_votes(event_file, session_id,
                                                               field_case) -> None:
    approved, duplicate = field_case
    assert merge_survivor([duplicate, approved]).id == approved.id
    assert store.votes_after_merge(event_file, approved.id, [duplicate.id]) == 4
    kept = store.merge_questions(event_file, approved.id, [duplicate.id], now=NOW + 120)
    assert kept.addressed_to == "Mayor (to be confirmed) — panel 1"
    assert (kept.author, kept.organisation) == ("Ana", "Recife")
    assert kept.status is QuestionStatus.APPROVED
    assert kept.votes == 4  # three phones and the duplicate's asker
    gone = store.get_question(event_file, duplicate.id)
    assert gone.status is QuestionStatus.MERGED and gone.merged_into == approved.id
    # The report credits the kept question's asker.
    report = load_session_report(event_file, session_id, now=NOW + 200)
    assert [(q.author, q.votes) for q in report.unanswered] == [("Ana", 4)]
    assert report.counts.merged == 1 and report.counts.not_selected == 0


def test_a_chosen_survivor_without_addressee_takes_the_duplicates(event_file, session_id,
                                                                  field_case) -> None:
    approved, duplicate = field_case
    kept = store.merge_questions(event_file, duplicate.id, [approved.id], now=NOW + 120)
    assert kept.addressed_to == "Mayor (to be confirmed) — panel 1"
    assert kept.author == "Tom" and kept.status is QuestionStatus.APPROVED
    assert kept.votes == 4  # phone-1..3 and Ana's phone


def test_a_phone_that_voted_for_every_duplicate_counts_once_everywhere(event_file,
                                                                       session_id) -> None:
    questions = [ask(event_file, session_id, f"Finance for cities, take {i}?", f"asker-{i}")
                 for i in range(3)]
    for question in questions:
        store.approve_question(event_file, question.id, now=NOW)
        store.add_vote(event_file, question.id, "phone-everywhere", now=NOW)
    store.add_vote(event_file, questions[2].id, "phone-once", now=NOW)
    first, *rest = (q.id for q in questions)
    expected = store.votes_after_merge(event_file, first, rest)
    kept = store.merge_questions(event_file, first, rest, now=NOW)
    # phone-everywhere, phone-once, and the two duplicates' askers
    assert kept.votes == expected == 4
    # The duplicates keep no votes: a sum over the session's questions counts each once.
    session = get_session(event_file, session_id)
    assert sum(row["votes"] for row in question_rows(event_file, session)) == 4
    assert store.voted_ids(event_file, session_id, "phone-everywhere") == {first}
    # Merging again into another question carries the merged ones along.
    other = ask(event_file, session_id, "Another one?", "asker-9")
    store.approve_question(event_file, other.id, now=NOW)
    store.merge_questions(event_file, other.id, [first], now=NOW)
    assert {store.get_question(event_file, qid).merged_into for qid in rest} == {other.id}
    assert store.get_question(event_file, other.id).votes == 5  # and asker-0 now


def test_asking_twice_is_no_vote_for_oneself(event_file, session_id) -> None:
    first = ask(event_file, session_id, "Same asker?", "asker-same")
    again = ask(event_file, session_id, "Same asker, again?", "asker-same")
    assert store.merge_questions(event_file, first.id, [again.id], now=NOW).votes == 0


def test_a_duplicate_on_screen_hands_the_screen_to_the_kept_one(event_file, session_id,
                                                                field_case) -> None:
    approved, duplicate = field_case
    store.set_on_screen(event_file, session_id, duplicate.id, now=NOW)
    store.merge_questions(event_file, approved.id, [duplicate.id], now=NOW)
    assert store.on_screen_question(event_file, session_id).id == approved.id


def test_merging_refuses_what_cannot_be_merged(event_file, session_id, field_case) -> None:
    approved, duplicate = field_case
    with pytest.raises(EventFileError, match="at least two"):
        store.merge_questions(event_file, approved.id, [approved.id], now=NOW)
    store.merge_questions(event_file, approved.id, [duplicate.id], now=NOW)
    with pytest.raises(EventFileError, match="already merged"):
        store.merge_questions(event_file, duplicate.id, [approved.id], now=NOW)
    entry = event_file.log_entries(session_id)[-1]
    assert entry["action"] == "questions_merged"


def test_the_askers_phone_shows_merged_and_follows_the_kept_question(event_file, session_id,
                                                                      field_case) -> None:
    approved, duplicate = field_case
    store.merge_questions(event_file, approved.id, [duplicate.id], now=NOW)
    token = get_session(event_file, session_id).join_token
    app = create_app(event_file, clock=FakeClock())
    ids = DeviceIds(device_secret(event_file))

    def phone_of(device_id: str) -> TestClient:
        """The asker's phone: its device is the signed cookie the server gave it."""
        phone = TestClient(app, headers={"X-Facilitator": "1"})
        phone.cookies.set(COOKIE_NAME, ids.cookie_value(Device(device_id, NOW)))
        return phone

    with phone_of("asker-tom") as tom, phone_of("asker-ana") as ana_phone:
        state = tom.get(f"/api/j/{token}").json()
        assert state["mine"] == [{
            "id": duplicate.id, "text": duplicate.text, "status": "merged",
            "into": {"id": approved.id, "text": approved.text, "status": "approved"}}]
        store.mark_answered(event_file, approved.id, "Mayor", now=NOW)
        state = tom.get(f"/api/j/{token}").json()
        assert state["mine"][0]["status"] == "merged"
        assert state["mine"][0]["into"]["status"] == "answered"
        # The kept question's own asker sees it as it is.
        ana = ana_phone.get(f"/api/j/{token}").json()
        assert ana["mine"][0]["status"] == "answered" and "into" not in ana["mine"][0]


def test_a_vote_for_a_merged_question_counts_for_the_kept_one(event_file, session_id,
                                                              field_case) -> None:
    approved, duplicate = field_case
    store.merge_questions(event_file, approved.id, [duplicate.id], now=NOW)
    before = store.get_question(event_file, approved.id).votes
    voted = store.add_vote(event_file, duplicate.id, "late-phone", now=NOW)
    assert voted.id == approved.id and voted.votes == before + 1
    store.add_vote(event_file, approved.id, "late-phone", now=NOW)  # once per phone
    assert store.get_question(event_file, approved.id).votes == before + 1
