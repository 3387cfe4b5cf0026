"""Poll results counted by SQLite (each different answer once, with how many gave it) are
the results of every answer counted one by one; the word cloud's layout, without Qt, keeps
every word inside the room and apart from the others."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.actions import polls
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.core import word_cloud
from facilitator.core.polls import poll_results, tallied_results
from facilitator.store import EventFile
from facilitator.store import polls as store
from facilitator.store.sessions import list_sessions

NOW = 1_800_000_000.0
WORDS = ["Housing", "housing", "houses", "water", "Water", "the", "مياه", "parks", "Parks",
         "safe", "green", "idiot"]


def _answer(rng: random.Random, kind: str) -> object:
    if kind == "single":
        return rng.randrange(3)
    if kind == "multiple":
        return rng.sample(range(3), rng.randint(1, 3))
    if kind == "rating":
        return rng.randint(1, 5)
    if kind == "ranking":
        return rng.sample(range(3), 3)
    return rng.sample(WORDS, rng.randint(1, 3))


@pytest.mark.parametrize("kind", ["single", "multiple", "rating", "ranking", "words"])
@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), phones=st.integers(0, 40), changes=st.integers(0, 30))
def test_tallied_results_are_the_results_of_every_answer(tmp_path_factory, kind, seed, phones,
                                                         changes) -> None:
    from facilitator.store.agenda_io import create_event_file

    path = create_event_file(tmp_path_factory.mktemp("tally") / "event.db", "walrg")
    rng = random.Random(seed)
    with EventFile.open(path) as ef:
        session_id = list_sessions(ef)[0].id
        options = [] if kind in ("rating", "words") else ["Housing", "Transport", "Water"]
        poll_id = run(ef, LAPTOP, polls.add_poll(session_id, "Which?", kind, options)).result
        run(ef, LAPTOP, polls.open_poll(session_id, poll_id, now=NOW))
        # Phones answer, some change their answer later (it moves to its new time), some
        # at the same moment as others (ties broken by the row, as poll_answers does).
        moments = [NOW + rng.randint(0, 5) for _ in range(phones + changes)]
        for n, moment in enumerate(moments):
            device = f"phone-{n if n < phones else rng.randrange(max(1, phones))}"
            store.answer_poll(ef, poll_id, device, _answer(rng, kind), now=moment)
        poll = store.get_poll(ef, poll_id)
        for watch_words in ((), ("idiot",)):
            assert tallied_results(poll, store.answer_tally(ef, poll_id), watch_words) == \
                poll_results(poll, store.poll_answers(ef, poll_id), watch_words)
        tally = store.answer_tally(ef, poll_id)
        assert sum(times for _, times in tally) == store.answer_count(ef, poll_id)
        assert len(tally) == len({repr(answer) for answer, _ in tally})


def test_a_hall_choosing_among_three_options_is_three_rows(event_file) -> None:
    session_id = list_sessions(event_file)[0].id
    poll_id = run(event_file, LAPTOP, polls.add_poll(session_id, "Which?", "single",
                                                     ["A", "B", "C"])).result
    run(event_file, LAPTOP, polls.open_poll(session_id, poll_id, now=NOW))
    for n in range(300):
        store.answer_poll(event_file, poll_id, f"phone-{n}", [2, 0, 1][n % 3] if n % 7
                          else 2, now=NOW + n)
    tally = store.answer_tally(event_file, poll_id)
    assert [answer for answer, _ in tally] == [2, 0, 1]  # as first given
    assert sum(times for _, times in tally) == 300


def _measure(text: str, px: int) -> tuple[float, float]:
    return len(text) * px * 0.6, px * 1.2


@settings(max_examples=60, deadline=None)
@given(counts=st.lists(st.integers(1, 500), min_size=0, max_size=60),
       width=st.integers(100, 1920), height=st.integers(80, 1080))
def test_the_cloud_keeps_every_word_inside_and_apart(counts, width, height) -> None:
    words = [(f"word{n}", count) for n, count in enumerate(sorted(counts, reverse=True))]
    sizes = {"largest_px": max(12, int(min(height * 0.22, width / 8))), "smallest_px": 10}
    placed = word_cloud.layout(words, width, height, _measure, **sizes)
    assert len(placed) <= word_cloud.MAX_CLOUD_WORDS
    measured = word_cloud.wanted_texts(words, **sizes)
    for n, a in enumerate(placed):
        assert (word_cloud.label(a.word, a.count), a.px) in measured  # measured beforehand
        assert -width / 2 <= a.x and a.x + a.width <= width / 2
        assert -height / 2 <= a.y and a.y + a.height <= height / 2
        for b in placed[n + 1:]:  # 4 px apart across, 2 px down
            assert (a.x + a.width + 4 <= b.x or b.x + b.width + 4 <= a.x
                    or a.y + a.height + 2 <= b.y or b.y + b.height + 2 <= a.y)
    if words and _measure(word_cloud.label(*words[0]), sizes["largest_px"])[0] < width / 3:
        assert placed and placed[0].word == words[0][0]  # the most typed, at the centre
