"""The first duplicate search over a big session runs in slices between repaints; a slice
must end near its share (``SEARCH_SLICE_S``) however dear one question's comparisons are:
where most questions share their words, one costs ~1 ms at 20,000 questions, and slices
of twenty ran to 35-45 ms."""

from __future__ import annotations

import types

from facilitator.core.questions import DuplicateSearch
from facilitator.gui import question_model
from facilitator.gui.question_model import QuestionTableModel
from facilitator.store import EventFile
from facilitator.store import questions as qstore
from facilitator.store.agenda_io import create_event_file
from facilitator.store.sessions import list_sessions, set_questions_open

QUESTION_COST_S = 0.002  # one question's comparisons, on the clock below


def test_a_search_slice_ends_within_one_question_of_its_share(qapp, tmp_path,
                                                               monkeypatch) -> None:
    path = create_event_file(tmp_path / "event.db", "walrg")
    with EventFile.open(path) as ef:
        session_id = list_sessions(ef)[0].id
        set_questions_open(ef, session_id, True)
        for i in range(DuplicateSearch.SPREAD_AFTER + 100):  # a search spread out
            qstore.submit_question(ef, session_id, f"Housing and water question {i}?",
                                   now=1e9 + i, device_id=f"d{i}")
        model = QuestionTableModel(ef)
        model.set_session(session_id)
        assert model.searching
        model._search_timer.stop()  # slices run here, one at a time
        now = [0.0]
        monkeypatch.setattr(question_model, "time",
                            types.SimpleNamespace(perf_counter=lambda: now[0]))
        step = DuplicateSearch.step

        def dear_step(search: DuplicateSearch, count: int = 100) -> bool:
            now[0] += QUESTION_COST_S * count
            return step(search, count)

        monkeypatch.setattr(DuplicateSearch, "step", dear_step)
        slices = 0
        while model.searching:
            began = now[0]
            model._search_on()
            slices += 1
            assert now[0] - began <= model.SEARCH_SLICE_S + QUESTION_COST_S + 1e-9
        assert slices > 1
        # The marks found in slices are those a search at once finds.
        assert model.similar == qstore_similar(ef, session_id)


def qstore_similar(ef: EventFile, session_id: int) -> dict[int, int]:
    search = DuplicateSearch()
    return search.update(qstore.list_questions(ef, session_id))
