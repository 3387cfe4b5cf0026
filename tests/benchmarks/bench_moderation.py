"""Moderation list: 5,000 questions in the Questions tab's Qt model and table.

Times, each the median of ``--runs``: storing 5,000 questions (one committed action each, as
phones do), the table loading them, one more question arriving (the reload the moderator
sees), each sort, each filter. Measured twice: the bare model (QuestionTableModel) and the
model inside the real Questions tab, whose table view lays the rows out.

    scripts/bench moderation [--questions 5000] [--runs 5]
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from machine import median, publish, table  # noqa: E402

WORDS = ["housing", "finance", "climate", "mayors", "water", "transport", "data", "youth",
         "review", "partnership", "resilience", "inclusion", "services", "migration",
         "heritage", "energy", "budget", "women", "cities", "regions", "localisation", "SDG"]
LATE = itertools.count()


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def fill(ef, session_id: int, count: int) -> float:
    """Store ``count`` questions the way phones do: each one its own committed action."""
    from facilitator.store import questions as qstore
    from facilitator.store.sessions import set_questions_open

    set_questions_open(ef, session_id, True)
    rng = random.Random(6)
    started = time.perf_counter()
    for i in range(count):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 30)))
        qstore.submit_question(ef, session_id, f"Question {i}: {text}?", now=1.8e9 + i,
                               author=f"Person {i % 300}", device_id=f"device-{i:05d}",
                               client_request_id=f"request-{i:06d}")
    elapsed = time.perf_counter() - started
    # Realistic mix: most approved, some answered / not selected, votes spread out.
    ef.db.execute("UPDATE questions SET status = CASE id % 10 WHEN 0 THEN 'rejected' "
                  "WHEN 1 THEN 'answered' WHEN 2 THEN 'pending' ELSE 'approved' END, "
                  "votes = (id * 7919) % 97, starred = (id % 50 = 0)")
    return elapsed


def measure(model, reload_view, runs: int, ef, session_id: int) -> dict[str, float]:
    from facilitator.gui.question_model import QuestionFilter
    from facilitator.store import questions as qstore

    found: dict[str, list[float]] = {}

    def note(name: str, seconds: float) -> None:
        found.setdefault(name, []).append(seconds)

    for _run in range(runs):
        model.set_sort("votes")
        model.set_filter(QuestionFilter.ALL)
        note("load (set session)", timed(lambda: (model.set_session(None),
                                                  model.set_session(session_id))))
        late = next(LATE)  # each arrival later than all before, as the clock goes
        qstore.submit_question(ef, session_id, f"One more question {late}, about water?",
                               now=2e9 + late, device_id=f"late-{late:04d}")
        note("one question arrives (reload)", timed(reload_view))
        for sort in ("time", "newest", "votes"):
            note(f"sort by {sort}", timed(lambda s=sort: model.set_sort(s)))
        for value in QuestionFilter:
            note(f"filter {value.value}", timed(lambda v=value: model.set_filter(v)))
        model.set_filter(QuestionFilter.ALL)
    return {name: median(values) for name, values in found.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-moderation-"))
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    os.environ["XDG_DATA_HOME"] = str(folder / "data")
    from PySide6.QtWidgets import QApplication

    from facilitator.core.clock import FakeClock
    from facilitator.gui.document import EventDocument
    from facilitator.gui.question_model import QuestionTableModel
    from facilitator.gui.questions_tab import QuestionsTab
    from facilitator.store import EventFile
    from facilitator.store.agenda_io import create_event_file
    from facilitator.store.sessions import list_sessions

    app = QApplication.instance() or QApplication([])
    path = create_event_file(folder / "event.db", "walrg")
    ef = EventFile.open(path)
    session_id = list_sessions(ef)[0].id
    stored = fill(ef, session_id, args.questions)

    model = QuestionTableModel(ef)
    bare = measure(model, model.reload, args.runs, ef, session_id)

    document = EventDocument(ef, clock=FakeClock())
    tab = QuestionsTab(document)
    tab.resize(1280, 800)
    tab.show()
    tab.set_session(session_id)
    app.processEvents()

    def arrive() -> None:
        # What the server's news does: the document's signal, then the table lays out.
        document.questions_did_change.emit(session_id)
        app.processEvents()

    def with_layout(action):
        def run() -> None:
            action()
            app.processEvents()
        return run

    class Shown:
        """The tab's model, each change followed by the view's layout and paint."""

        def set_sort(self, sort):
            with_layout(lambda: tab.model.set_sort(sort))()

        def set_filter(self, value):
            with_layout(lambda: tab.model.set_filter(value))()

        def set_session(self, session_id):
            with_layout(lambda: tab.set_session(session_id))()

    shown = measure(Shown(), arrive, args.runs, ef, session_id)
    tab.close()
    ef.close()

    rows = [[f"store {args.questions:,} questions (one action each)", f"{stored:.2f} s", "–"]]
    for name in bare:
        rows.append([name, f"{bare[name] * 1000:.1f}", f"{shown[name] * 1000:.1f}"])
    body = (f"{args.questions} questions in one session (about 10% not selected, 10% "
            "answered, 10% pending), median of "
            f"{args.runs} runs, in milliseconds. *model*: QuestionTableModel alone; *tab*: the "
            "Questions tab shown offscreen (the table view lays out and paints).\n\n"
            + table(["operation", "model ms", "tab ms"], rows)
            + "\n\nThe question texts draw on a 22-word vocabulary, the worst case for the "
            "duplicate search (most pairs share words): the first load runs it over all "
            "5,000; later reloads reuse it.")
    if args.no_write:
        print(body)
    else:
        publish("moderation", "Moderation list", body)


if __name__ == "__main__":
    main()
