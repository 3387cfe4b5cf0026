"""similar_questions finds exactly what comparing every pair finds, only faster."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.core.questions import Question, QuestionStatus, similar_questions, tokens

WORDS = ["housing", "finance", "climate", "water", "cities", "youth", "data", "energy",
         "budget", "women", "migration", "transport"]


def every_pair(questions, threshold):
    """The original quadratic definition."""
    live = [q for q in sorted(questions, key=lambda q: (q.created_at, q.id))
            if q.status not in (QuestionStatus.MERGED, QuestionStatus.REJECTED)]
    found = {}
    for index, question in enumerate(live):
        mine = tokens(question.text)
        if not mine:
            continue
        for earlier in live[:index]:
            theirs = tokens(earlier.text)
            if theirs and len(mine & theirs) / len(mine | theirs) >= threshold:
                found[question.id] = earlier.id
                break
    return found


question_texts = st.lists(st.lists(st.sampled_from(WORDS + ["the", "of"]), max_size=8)
                          .map(" ".join), max_size=25)


@settings(max_examples=300, deadline=None)
@given(texts=question_texts, threshold=st.sampled_from([0.0, 0.2, 0.34, 0.5, 0.6, 0.75, 1.0]),
       statuses=st.lists(st.sampled_from(list(QuestionStatus)), min_size=25, max_size=25))
def test_same_pairs_as_comparing_every_pair(texts, threshold, statuses) -> None:
    questions = [Question(id=i + 1, session_id=1, text=text, status=statuses[i],
                          created_at=float(i // 2)) for i, text in enumerate(texts)]
    assert similar_questions(questions, threshold) == every_pair(questions, threshold)


def test_thousands_of_questions_in_well_under_a_second() -> None:
    questions = [Question(id=i, session_id=1, status=QuestionStatus.APPROVED,
                          created_at=float(i),
                          text=f"Question {i}: " + " ".join(WORDS[(i * k) % len(WORDS)]
                                                            for k in range(1, 9)))
                 for i in range(5000)]
    started = time.perf_counter()
    similar_questions(questions)
    assert time.perf_counter() - started < 2.0  # was about 3 s comparing every pair


def test_table_model_keeps_duplicates_right_as_questions_and_votes_arrive(qapp, event_file):
    """The model reuses its last search; after each change it matches a fresh search."""
    import random

    from facilitator.gui.question_model import QuestionTableModel
    from facilitator.store import questions as qstore
    from facilitator.store.sessions import list_sessions, set_questions_open

    session_id = list_sessions(event_file)[0].id
    set_questions_open(event_file, session_id, True)
    model = QuestionTableModel(event_file)
    model.set_session(session_id)
    rng = random.Random(3)
    for i in range(60):
        text = " ".join(rng.choice(WORDS[:6]) for _ in range(rng.randint(2, 5)))
        question, _ = qstore.submit_question(event_file, session_id, f"{text}?", now=1e9 + i,
                                             device_id=f"device-{i:03d}")
        if i % 7 == 3:
            qstore.reject_question(event_file, question.id - 1, now=1e9 + i)
        if i % 5 == 0 and i:
            qstore.approve_question(event_file, question.id, now=1e9 + i)
            qstore.add_vote(event_file, question.id, f"voter-{i:04d}", now=1e9 + i)
        model.reload()
        fresh = similar_questions(qstore.list_questions(event_file, session_id))
        assert model.similar == fresh
