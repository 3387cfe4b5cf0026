"""Questions and votes in a real event file."""

from __future__ import annotations

import pytest

from facilitator.core.questions import QuestionError, QuestionStatus
from facilitator.store import EventFile, EventFileError
from facilitator.store import questions as store
from facilitator.store.sessions import list_sessions, set_questions_open, update_session

NOW = 1_800_000_000.0


@pytest.fixture
def session_id(event_file: EventFile) -> int:
    first = list_sessions(event_file)[0]
    set_questions_open(event_file, first.id, True)
    return first.id


def submit(ef, session_id, text="How will cities pay for it?", **kw):
    kw.setdefault("device_id", "device-1")
    return store.submit_question(ef, session_id, text, now=NOW, **kw)


def test_submit_stores_cleaned_text_and_logs(event_file, session_id) -> None:
    question, created = submit(event_file, session_id, "  Why\u0000  now? ", author=" Ana ",
                               organisation="City", addressed_to="Mayor", language="fr-FR")
    assert created
    assert question.text == "Why now?"
    assert (question.author, question.organisation, question.addressed_to) == ("Ana", "City",
                                                                               "Mayor")
    assert question.language == "fr"
    assert question.status is QuestionStatus.PENDING
    assert event_file.log_entries(session_id)[-1]["action"] == "question_submitted"


def test_retry_with_same_request_id_is_stored_once(event_file, session_id) -> None:
    first, created = submit(event_file, session_id, client_request_id="req-00000001")
    again, created_again = submit(event_file, session_id, client_request_id="req-00000001")
    assert created and not created_again
    assert first.id == again.id
    assert len(store.list_questions(event_file, session_id)) == 1


def test_acknowledged_question_is_on_disk(event_file, session_id, sample_path) -> None:
    question, _ = submit(event_file, session_id)
    with EventFile.open(sample_path, read_only=True) as other:
        assert store.get_question(other, question.id).text == question.text


def test_closed_session_refuses(event_file, session_id) -> None:
    set_questions_open(event_file, session_id, False)
    with pytest.raises(QuestionError, match="closed"):
        submit(event_file, session_id)


def test_auto_approve_and_watch_words(event_file, session_id) -> None:
    update_session(event_file, session_id, auto_approve=True, watch_words=("scandal",))
    clean, _ = submit(event_file, session_id, "What is next?")
    flagged, _ = submit(event_file, session_id, "What about the SCANDAL?")
    assert clean.status is QuestionStatus.APPROVED and not clean.flagged
    assert flagged.status is QuestionStatus.PENDING and flagged.flagged
    assert store.approve_question(event_file, flagged.id, now=NOW).flagged is False


def test_one_vote_per_device_on_visible_questions(event_file, session_id) -> None:
    question, _ = submit(event_file, session_id)
    with pytest.raises(QuestionError, match="not open for votes"):
        store.add_vote(event_file, question.id, "phone-a", now=NOW)
    store.approve_question(event_file, question.id, now=NOW)
    assert store.add_vote(event_file, question.id, "phone-a", now=NOW).votes == 1
    assert store.add_vote(event_file, question.id, "phone-a", now=NOW).votes == 1
    assert store.add_vote(event_file, question.id, "phone-b", now=NOW).votes == 2
    assert store.voted_ids(event_file, session_id, "phone-a") == {question.id}


def test_merge_combines_votes_once_per_device(event_file, session_id) -> None:
    keep, _ = submit(event_file, session_id, "Finance for cities?", device_id="asker-1")
    dup, _ = submit(event_file, session_id, "How do cities get finance?", device_id="asker-2")
    for q in (keep, dup):
        store.approve_question(event_file, q.id, now=NOW)
    store.add_vote(event_file, keep.id, "phone-a", now=NOW)
    store.add_vote(event_file, dup.id, "phone-a", now=NOW)
    store.add_vote(event_file, dup.id, "phone-b", now=NOW)
    merged = store.merge_questions(event_file, keep.id, [dup.id], now=NOW)
    # phone-a once, phone-b, and the duplicate's asker
    assert merged.votes == 3
    gone = store.get_question(event_file, dup.id)
    assert gone.status is QuestionStatus.MERGED and gone.merged_into == keep.id
    with pytest.raises(EventFileError, match="at least two"):
        store.merge_questions(event_file, keep.id, [keep.id], now=NOW)


def test_only_one_question_on_screen(event_file, session_id) -> None:
    a, _ = submit(event_file, session_id, "First?")
    b, _ = submit(event_file, session_id, "Second?")
    store.set_on_screen(event_file, session_id, a.id, now=NOW)
    store.set_on_screen(event_file, session_id, b.id, now=NOW)
    assert store.on_screen_question(event_file, session_id).id == b.id
    assert store.get_question(event_file, b.id).status is QuestionStatus.APPROVED
    assert not store.get_question(event_file, a.id).on_screen
    store.set_on_screen(event_file, session_id, None, now=NOW)
    assert store.on_screen_question(event_file, session_id) is None


def test_edit_star_answer_reject_and_counts(event_file, session_id) -> None:
    q, _ = submit(event_file, session_id, "Orignal wording")
    edited = store.edit_question(event_file, q.id, "  Original wording ", now=NOW)
    assert edited.text == "Original wording" and edited.original_text == "Orignal wording"
    assert edited.edited
    with pytest.raises(EventFileError, match="empty"):
        store.edit_question(event_file, q.id, "   ", now=NOW)
    assert store.star_question(event_file, q.id, True, now=NOW).starred
    answered = store.mark_answered(event_file, q.id, "Mayor of Lyon", now=NOW)
    assert answered.status is QuestionStatus.ANSWERED and answered.answered_by == "Mayor of Lyon"
    r, _ = submit(event_file, session_id, "Spam")
    store.reject_question(event_file, r.id, now=NOW)
    counts = store.question_counts(event_file, session_id)
    assert counts[QuestionStatus.ANSWERED] == 1 and counts[QuestionStatus.REJECTED] == 1
    assert counts[QuestionStatus.PENDING] == 0


def test_list_sorts_and_filters(event_file, session_id) -> None:
    a, _ = submit(event_file, session_id, "A?")
    b, _ = store.submit_question(event_file, session_id, "B?", now=NOW + 1, device_id="d")
    for q in (a, b):
        store.approve_question(event_file, q.id, now=NOW)
    store.add_vote(event_file, b.id, "phone", now=NOW)
    assert [q.id for q in store.list_questions(event_file, session_id, sort="votes")] == [b.id,
                                                                                          a.id]
    assert [q.id for q in store.list_questions(event_file, session_id, sort="time")] == [a.id,
                                                                                         b.id]
    assert store.list_questions(event_file, session_id,
                                statuses=[QuestionStatus.PENDING]) == []


def test_approving_by_showing_or_merging_clears_the_review_flag(event_file, session_id) -> None:
    update_session(event_file, session_id, watch_words=("scandal",))
    shown, _ = submit(event_file, session_id, "What about the scandal?")
    kept, _ = submit(event_file, session_id, "And the scandal of empty homes?")
    other, _ = submit(event_file, session_id, "Empty homes?")
    assert shown.flagged and kept.flagged
    store.set_on_screen(event_file, session_id, shown.id, now=NOW)
    assert not store.get_question(event_file, shown.id).flagged
    store.merge_questions(event_file, kept.id, [other.id], now=NOW)
    merged = store.get_question(event_file, kept.id)
    assert merged.status is QuestionStatus.APPROVED and not merged.flagged
