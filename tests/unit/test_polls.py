"""Live polls: what a poll and an answer may be, results per kind, and the commands (log
line, actor, undo, one open poll per session, one answer per device)."""

from __future__ import annotations

import json

import pytest

from facilitator.actions import polls
from facilitator.actions.actor import LAPTOP, phone
from facilitator.actions.changes import Kind
from facilitator.actions.command import run
from facilitator.actions.errors import Code, UserError
from facilitator.core.polls import (
    Poll,
    PollError,
    PollKind,
    PollState,
    check_answer,
    check_poll,
    poll_results,
)
from facilitator.store import EventFile
from facilitator.store import polls as store
from facilitator.store.schema import known_migrations
from facilitator.store.sessions import list_sessions
from tests.unit.test_actions import undo_round_trip

NOW = 1_800_000_000.0


def test_migration_is_named() -> None:
    assert "0010_polls" in known_migrations()


# --- the core -----------------------------------------------------------------------------


@pytest.mark.parametrize(("question", "kind", "options", "scale", "reason"), [
    ("", "single", ["a", "b"], None, "empty"),
    ("\u200b\u200d ", "single", ["a", "b"], None, "empty"),
    ("Q?", "quiz", [], None, "kind"),
    ("Q?", "single", ["only one"], None, "options"),
    ("Q?", "multiple", ["Yes", "yes"], None, "options"),
    ("Q?", "ranking", [f"o{i}" for i in range(13)], None, "options"),
    ("Q?", "single", "a,b", None, "options"),
    ("Q?", "words", ["a"], None, "options"),
    ("Q?", "rating", [], 7, "scale"),
    ("Q?", "rating", [], True, "scale"),
    ("x" * 301, "text", [], None, "too_long"),
    ("Q?", "single", ["a", "b" * 81], None, "too_long"),
])
def test_a_bad_poll_is_refused_with_its_reason(question, kind, options, scale, reason) -> None:
    with pytest.raises(PollError) as refused:
        check_poll(question, kind, options, scale)
    assert refused.value.reason == reason


def test_a_poll_keeps_its_text_as_typed() -> None:
    poll = check_poll("  ما رأيك؟\u202e ", "single", ["نعم", "👩🏽‍🌾 agriculture"])
    assert poll.question == "ما رأيك؟"  # the bidi override is dropped, the words stay
    assert poll.options == ("نعم", "👩🏽‍🌾 agriculture")  # ZWJ sequence whole
    assert check_poll("Rate it", "rating", []).scale == 5
    assert check_poll("Rate it", "rating", [], 10).scale == 10


RATING = Poll("How useful?", PollKind.RATING, scale=5)
SINGLE = Poll("Which?", PollKind.SINGLE, ("Housing", "Transport", "Water"))
MULTIPLE = Poll("Which?", PollKind.MULTIPLE, ("Housing", "Transport", "Water"))
RANKING = Poll("Rank", PollKind.RANKING, ("A", "B", "C"))
WORDS = Poll("One word", PollKind.WORDS)
TEXT = Poll("Say", PollKind.TEXT)


@pytest.mark.parametrize(("poll", "answer"), [
    (SINGLE, 3), (SINGLE, -1), (SINGLE, True), (SINGLE, "0"), (SINGLE, None),
    (MULTIPLE, []), (MULTIPLE, [0, 9]), (MULTIPLE, 1),
    (RATING, 0), (RATING, 6), (RATING, 2.5), (RATING, False),
    (RANKING, [0, 1]), (RANKING, [0, 0, 1]), (RANKING, [0, 1, 2, 3]),
    (WORDS, []), (WORDS, ["a", "b", "c", "d"]), (WORDS, ["x" * 31]), (WORDS, [1]),
    (WORDS, " , "), (TEXT, ""), (TEXT, "x" * 501), (TEXT, {"text": "hi"}),
])
def test_a_bad_answer_is_refused(poll, answer) -> None:
    with pytest.raises(PollError):
        check_answer(poll, answer)


def test_answers_are_made_canonical() -> None:
    assert check_answer(MULTIPLE, [2, 0, 2]) == [0, 2]
    assert check_answer(WORDS, "housing, water ,") == ["housing", "water"]
    assert check_answer(WORDS, ["Wasser", "Wasser"]) == ["Wasser"]
    assert check_answer(TEXT, "  more  parks ") == "more parks"


def test_choice_results_count_and_give_percentages_of_those_who_answered() -> None:
    results = poll_results(SINGLE, [0, 0, 1, 0, "junk"])
    assert results.answers == 4
    assert [(b.label, b.count, round(b.percent)) for b in results.bars] == [
        ("Housing", 3, 75), ("Transport", 1, 25), ("Water", 0, 0)]
    several = poll_results(MULTIPLE, [[0, 1], [1], [1, 2]])
    assert [b.count for b in several.bars] == [1, 3, 1]
    assert round(several.bars[1].percent) == 100


def test_rating_results_have_one_bar_per_step_and_an_average() -> None:
    results = poll_results(Poll("Q", PollKind.RATING, scale=10), [10, 8, 9])
    assert [b.label for b in results.bars] == [str(n) for n in range(1, 11)]
    assert results.average == 9.0
    assert poll_results(RATING, []).average is None


def test_ranking_is_by_average_position() -> None:
    results = poll_results(RANKING, [[2, 0, 1], [2, 1, 0], [0, 2, 1]])
    assert [(r.label, round(r.average_position, 2)) for r in results.ranking] == [
        ("C", 1.33), ("A", 2.0), ("B", 2.67)]


def test_words_are_counted_like_questions_and_watch_words_held_back() -> None:
    answers = [["Housing"], ["housing", "Water"], ["housing "], ["eau"], ["Éau"],
               ["idiots"], ["Logement"]]
    results = poll_results(WORDS, answers, watch_words=("idiot",))
    counts = {w.word: w.count for w in results.words}
    # One word whatever its case or accents, shown as most people typed it.
    assert results.words[0] == type(results.words[0])("housing", 3)
    assert counts["eau"] == 2 and "Éau" not in counts
    assert results.held_back == 0  # "idiots" is not the whole word "idiot"
    held = poll_results(WORDS, [["idiot"], ["parks"]], watch_words=("Idiot",))
    assert [w.word for w in held.words] == ["parks"] and held.held_back == 1
    assert results.answers == 7


def test_text_results_list_texts_in_order_without_watch_words() -> None:
    assert poll_results(TEXT, ["a b", "c"]).texts == ("a b", "c")
    held = poll_results(TEXT, ["More parks", "You idiot"], watch_words=("idiot",))
    assert held.texts == ("More parks",) and held.held_back == 1 and held.answers == 2


# --- the store and the commands -----------------------------------------------------------


@pytest.fixture
def session_id(event_file: EventFile) -> int:
    return list_sessions(event_file)[0].id


def add(ef, session_id, question="Which first?", kind="single",
        options=("Housing", "Transport"), scale=None) -> int:
    return run(ef, LAPTOP, polls.add_poll(session_id, question, kind, list(options),
                                          scale)).result


def test_adding_a_poll_is_logged_and_undone(event_file, session_id) -> None:
    command = polls.add_poll(session_id, "Which first?", "single", ["Housing", "Transport"])
    done = run(event_file, LAPTOP, command)
    assert done.changes.touches(Kind.POLLS, session_id)
    assert store.get_poll(event_file, done.result).state is PollState.PREPARED
    entry = event_file.log_entries(session_id)[-1]
    assert entry["action"] == "poll_added" and entry["detail"]["by"] == "laptop"
    run(event_file, LAPTOP, done.undo)
    assert store.list_polls(event_file, session_id) == []
    undo_round_trip(event_file, polls.add_poll(session_id, "Rate", "rating", [], 10))


def test_a_bad_poll_is_the_users_error(event_file, session_id) -> None:
    with pytest.raises(UserError) as refused:
        run(event_file, LAPTOP, polls.add_poll(session_id, "Q?", "single", ["one"]))
    assert refused.value.code is Code.POLL_INVALID
    with pytest.raises(UserError) as missing:
        run(event_file, LAPTOP, polls.open_poll(session_id, 999, now=NOW))
    assert missing.value.code is Code.NO_SUCH_POLL


def test_one_poll_open_at_a_time(event_file, session_id) -> None:
    first, second = add(event_file, session_id), add(event_file, session_id, "Next?")
    run(event_file, LAPTOP, polls.open_poll(session_id, first, now=NOW))
    assert store.open_poll(event_file, session_id).id == first
    done = run(event_file, LAPTOP, polls.open_poll(session_id, second, now=NOW + 1))
    assert store.get_poll(event_file, first).state is PollState.CLOSED
    assert store.open_poll(event_file, session_id).id == second
    run(event_file, LAPTOP, done.undo)
    assert store.open_poll(event_file, session_id).id == first
    assert store.get_poll(event_file, second).state is PollState.PREPARED


def test_one_polls_results_at_a_time_and_none_behind_an_open_poll(event_file,
                                                                   session_id) -> None:
    words, text = add(event_file, session_id, "Words?"), add(event_file, session_id, "Text?")
    run(event_file, LAPTOP, polls.open_poll(session_id, words, now=NOW))
    run(event_file, LAPTOP, polls.open_poll(session_id, text, now=NOW + 1))  # closes "Words?"
    # The tester's case: the phones (and the stage) show the open poll, so a closed poll's
    # results are refused, nothing written; hiding stays possible.
    lines = len(event_file.log_entries())
    with pytest.raises(UserError) as refused:
        run(event_file, LAPTOP, polls.show_results(session_id, words))
    assert refused.value.code is Code.POLL_OPEN_ELSEWHERE
    assert refused.value.params == {"question": "Text?"}
    assert len(event_file.log_entries()) == lines
    assert not store.get_poll(event_file, words).results_shown
    assert store.phone_poll(event_file, session_id).id == text
    run(event_file, LAPTOP, polls.show_results(session_id, text))  # the open one's: fine
    run(event_file, LAPTOP, polls.close_poll(session_id, text, now=NOW + 2))
    # Showing one hides the other, and its undo shows the other again.
    undo_round_trip(event_file, polls.show_results(session_id, words))
    run(event_file, LAPTOP, polls.show_results(session_id, words))
    assert store.shown_poll_ids(event_file, session_id) == [words]
    assert store.phone_poll(event_file, session_id).id == words
    # Opening a poll hides the results shown before it (undone with it).
    undo_round_trip(event_file, polls.open_poll(session_id, text, now=NOW + 3))
    run(event_file, LAPTOP, polls.open_poll(session_id, text, now=NOW + 3))
    assert store.shown_poll_ids(event_file, session_id) == []


def test_each_moderator_command_is_undone(event_file, session_id) -> None:
    first, second = add(event_file, session_id), add(event_file, session_id, "Next?")
    run(event_file, LAPTOP, polls.open_poll(session_id, first, now=NOW))
    store.answer_poll(event_file, first, "d1", 0, now=NOW)
    for command in (polls.edit_poll(session_id, first, "Which one first?", "single",
                                    ["Housing", "Transport"]),
                    polls.reorder_polls(session_id, [second, first]),
                    polls.show_results(session_id, first),
                    polls.close_poll(session_id, first, now=NOW + 5),
                    polls.open_poll(session_id, second, now=NOW + 5),
                    polls.remove_poll(session_id, first)):
        undo_round_trip(event_file, command)
    # An answered poll keeps its kind and options (answers point at them).
    with pytest.raises(UserError):
        run(event_file, LAPTOP, polls.edit_poll(session_id, first, "Q", "single",
                                                ["a", "b", "c"]))


def test_one_answer_per_device_replaceable_while_open(event_file, session_id) -> None:
    poll_id = add(event_file, session_id)
    with pytest.raises(PollError) as closed:
        run(event_file, phone("d1"), polls.answer(session_id, poll_id, 0, now=NOW,
                                                  device_id="d1"))
    assert closed.value.reason == "closed"
    run(event_file, LAPTOP, polls.open_poll(session_id, poll_id, now=NOW))
    assert run(event_file, phone("d1"), polls.answer(
        session_id, poll_id, 0, now=NOW, device_id="d1")).result == (0, False)
    assert run(event_file, phone("d1"), polls.answer(
        session_id, poll_id, 1, now=NOW, device_id="d1")).result == (1, True)
    run(event_file, phone("d2"), polls.answer(session_id, poll_id, 1, now=NOW,
                                              device_id="d2"))
    assert store.poll_answers(event_file, poll_id) == [1, 1]
    assert store.device_answer(event_file, poll_id, "d1") == 1
    entry = event_file.log_entries(session_id)[-1]
    assert entry["action"] == "poll_answered" and entry["detail"]["by"] == "phone:d2"
    assert "d2" not in json.dumps({k: v for k, v in entry["detail"].items() if k != "by"})
    with pytest.raises(PollError):
        run(event_file, phone("d1"), polls.answer(session_id, poll_id, 5, now=NOW,
                                                  device_id="d1"))
    run(event_file, LAPTOP, polls.close_poll(session_id, poll_id, now=NOW))
    with pytest.raises(PollError):
        run(event_file, phone("d1"), polls.answer(session_id, poll_id, 0, now=NOW,
                                                  device_id="d1"))
    assert store.poll_answers(event_file, poll_id) == [1, 1]


# --- agenda files -------------------------------------------------------------------------


def test_polls_round_trip_through_agenda_json(event_file, session_id, tmp_path) -> None:
    from facilitator.store.agenda_io import create_event_file, export_agenda, import_agenda

    add(event_file, session_id, "Quelle priorité ?", "single", ["Logement", "Eau"])
    add(event_file, session_id, "Rate the panel", "rating", [], 10)
    add(event_file, session_id, "One word for cities", "words", [])
    add(event_file, session_id, "Rank them", "ranking", ["A", "B", "C"])
    exported = export_agenda(event_file, "json")
    data = json.loads(exported)
    assert data["sessions"][0]["polls"][1] == {"question": "Rate the panel", "kind": "rating",
                                               "options": [], "scale": 10}
    path = tmp_path / "agenda.json"
    path.write_text(exported, encoding="utf-8")
    with EventFile.open(create_event_file(tmp_path / "empty.db", None)) as empty:
        import_agenda(empty, path)
        assert export_agenda(empty, "json") == exported
        import_agenda(empty, path)  # again: the same polls, not twice as many
        assert export_agenda(empty, "json") == exported


def test_an_agenda_without_polls_keeps_them_and_a_bad_poll_names_its_line(
        event_file, session_id, tmp_path) -> None:
    from facilitator.core.agenda import AgendaError
    from facilitator.store.agenda_io import export_agenda, import_agenda

    add(event_file, session_id)
    data = json.loads(export_agenda(event_file, "json"))
    for session in data["sessions"]:
        del session["polls"]
    path = tmp_path / "agenda.json"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    import_agenda(event_file, path)
    assert len(store.list_polls(event_file, session_id)) == 1
    data["sessions"][0]["polls"] = [{"question": "Q?", "kind": "single", "options": ["a"]}]
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    with pytest.raises(AgendaError, match=r"line \d+: poll: a single poll needs 2"):
        import_agenda(event_file, path)
    assert len(store.list_polls(event_file, session_id)) == 1
