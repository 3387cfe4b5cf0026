"""DuplicateSearch, kept up to date change by change, finds what the whole search finds."""

from __future__ import annotations

import random
import time
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.core.questions import (
    DuplicateSearch,
    Question,
    QuestionStatus,
    similar_questions,
)

WORDS = ["housing", "finance", "climate", "water", "cities", "youth", "data", "energy",
         "budget", "women", "migration", "transport"]


def question(qid: int, text: str, status=QuestionStatus.APPROVED, created=None) -> Question:
    return Question(id=qid, session_id=1, text=text, status=status,
                    created_at=float(qid if created is None else created))


texts = st.lists(st.sampled_from(WORDS + ["the", "of"]), max_size=6).map(" ".join)
# One change: (which question, what happens to it, new text, new time)
changes = st.lists(st.tuples(st.integers(0, 40), st.sampled_from(
    ["reject", "merge", "approve", "pending", "reword", "arrive", "vote", "earlier"]),
    texts, st.integers(0, 60)), max_size=12)


@settings(max_examples=300, deadline=None)
@given(start=st.lists(texts, max_size=20), steps=changes)
def test_each_change_gives_what_the_whole_search_gives(start, steps) -> None:
    questions = {i: question(i, text) for i, text in enumerate(start)}
    search, told = DuplicateSearch(), DuplicateSearch()  # told: only what changed
    assert search.update(questions.values()) == similar_questions(list(questions.values()))
    told.update(questions.values())
    next_id = len(start)
    for qid, what, text, created in steps:
        if what == "arrive" or qid not in questions:
            qid = next_id
            questions[next_id] = question(next_id, text, created=next_id + 100)
            next_id += 1
        else:
            old = questions[qid]
            questions[qid] = {
                "reject": replace(old, status=QuestionStatus.REJECTED),
                "merge": replace(old, status=QuestionStatus.MERGED),
                "approve": replace(old, status=QuestionStatus.APPROVED),
                "pending": replace(old, status=QuestionStatus.PENDING),
                "reword": replace(old, text=text),
                "vote": replace(old, votes=old.votes + 1),
                "earlier": replace(old, created_at=float(created) - 0.5),
            }[what]
        before = dict(told.found)
        moved = told.apply([questions[qid]], [])
        assert search.update(questions.values()) == similar_questions(
            list(questions.values())), (what, qid)
        assert told.found == search.found, (what, qid)
        assert moved == {i for i in before.keys() | told.found.keys()
                         if before.get(i) != told.found.get(i)}


def test_one_question_not_selected_among_5000_is_quick() -> None:
    """The moderator's "not selected" on one question must not run the whole search."""
    rng = random.Random(6)
    vocabulary = WORDS + ["mayors", "review", "services", "heritage", "regions", "SDG"]
    questions = [question(i, " ".join(rng.choice(vocabulary) for _ in range(rng.randint(6, 30))))
                 for i in range(5000)]
    search = DuplicateSearch()
    search.update(questions)
    started = time.perf_counter()
    for i in (10, 2000, 4000):
        questions[i] = replace(questions[i], status=QuestionStatus.REJECTED)
        found = search.update(questions)
    per_change = (time.perf_counter() - started) / 3
    assert found == similar_questions(questions)
    assert per_change < 0.05, f"{per_change * 1000:.0f} ms per change"


def test_a_spread_out_search_ends_where_the_whole_search_does() -> None:
    """Opening a big session: the search is done in steps between repaints; questions that
    change meanwhile are taken into account once it is done."""
    rng = random.Random(3)
    questions = [question(i, " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 8))))
                 for i in range(DuplicateSearch.SPREAD_AFTER + 300)]
    search = DuplicateSearch()
    search.update(questions, spread=True)
    assert search.pending
    steps = 0
    while not search.step(50):
        steps += 1
        if steps == 5:  # news arrives half way through
            questions[7] = replace(questions[7], status=QuestionStatus.REJECTED)
            questions.append(question(5000, questions[20].text))
            partial = search.update(questions, spread=True)
            assert search.pending and isinstance(partial, dict)
    assert steps > 10
    assert not search.pending
    assert search.found == similar_questions(questions)
    # Asked without spreading, a search under way is finished at once.
    search.update(list(reversed(questions[:50])), spread=True)
    assert search.update(questions[:50]) == similar_questions(questions[:50])
