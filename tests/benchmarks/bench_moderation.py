"""Moderation list: 5,000 questions in the Questions tab's Qt model and table.

Times, each the median of ``--runs``: storing 5,000 questions (one committed action each, as
phones do), the table loading them, one more question arriving (the reload the moderator
sees), each sort, each filter. Measured twice: the bare model (QuestionTableModel) and the
model inside the real Questions tab, whose table view lays the rows out.

    scripts/bench moderation [--questions 5000] [--runs 5]

``--views`` measures instead what issue 13 set targets for (its own section, "views"): one
Space press on the Run tab (SQL statements on the event file's connection, GUI-thread
time), the Questions tab ready with 5,000 questions, each moderation action on one question
at 5,000 and 20,000 questions, and opening a 20,000-question file. ``--save FILE`` keeps
the numbers as JSON; ``--before FILE`` puts such numbers (the code before a change, run
with ``PYTHONPATH`` pointing at its ``src``) beside this run's.

    scripts/bench views [--before before.json] [--save after.json]

``--first-read`` measures a big session shown for the first time (5,000 and 20,000
questions): until its rows are in, and the longest freeze meanwhile; ``--before-src`` as
for ``--space``. ``--space`` measures one Space press alone (statements, and where its time goes);
``--before-src DIR`` runs the code in ``DIR`` (a ``src`` folder, e.g. from ``git archive``)
and this code in turns, ``--rounds`` times each, and compares their medians.

    scripts/bench space [--before-src /tmp/before/src] [--rounds 5] [--presses 31]
"""

from __future__ import annotations

import argparse
import itertools
import json
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
    parser.add_argument("--views", action="store_true",
                        help="issue 13's targets instead (Space press, actions at 5k/20k)")
    parser.add_argument("--space", action="store_true",
                        help="the Space press alone: statements, time and where it goes")
    parser.add_argument("--first-read", action="store_true",
                        help="a big session's first read: rows shown, longest freeze")
    parser.add_argument("--presses", type=int, default=31, help="Space presses (--space)")
    parser.add_argument("--before-src", type=Path,
                        help="--space: the src folder of the code before, run in turns")
    parser.add_argument("--rounds", type=int, default=5, help="turns each (--before-src)")
    parser.add_argument("--before-is", default="the code before the command handed its "
                        "read to the views",
                        help="--space: what the before is, in words, for the table's text")
    parser.add_argument("--save", type=Path,
                        help="write this run's --views or --space numbers here")
    parser.add_argument("--before", type=Path,
                        help="--views or --space numbers of the code before")
    args = parser.parse_args()
    if args.views:
        views_main(args)
        return
    if args.space:
        space_main(args)
        return
    if args.first_read:
        first_read_main(args)
        return

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


# --- issue 13: views update what changed --------------------------------------------------

ACTIONS = {  # what one key does to one question, and how the bench puts it back after
    "approve (A)": ("approve_selected", "pending"),
    "not selected (X)": ("reject_selected", "approved"),
    "star (S)": ("star_selected", None),
    "put on screen (O)": ("toggle_on_screen", None),
    "mark answered (D)": ("answer_selected", "approved"),
}


def _event_with_questions(folder: Path, count: int):
    """A copy of the built-in event whose first session holds ``count`` questions."""
    from facilitator.store import EventFile
    from facilitator.store.agenda_io import create_event_file
    from facilitator.store.sessions import list_sessions

    path = create_event_file(folder / f"event-{count}.db", "walrg")
    ef = EventFile.open(path)
    session_id = list_sessions(ef)[0].id
    fill(ef, session_id, count)
    ef.close()
    return path, session_id


def _open_window(path: Path, front: str):
    """The app's main window on ``path``, shown offscreen, the tab ``front`` in front."""
    from PySide6.QtWidgets import QApplication

    from facilitator.core.clock import FakeClock
    from facilitator.gui.app import GIL_SWITCH_SECONDS
    from facilitator.gui.document import EventDocument
    from facilitator.gui.main_window import MainWindow
    from facilitator.store import EventFile

    app = QApplication.instance()
    # The GIL shared as the app shares it (``make_application``): the first read's worker
    # and the window take turns at this interval, not at Python's default 5 ms.
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    document = EventDocument(EventFile.open(path), clock=FakeClock(1.9e9))
    window = MainWindow(document)
    window.resize(1280, 800)
    window.show()
    window.ui.tabs.setCurrentWidget(window.tabs[front])
    app.processEvents()
    return document, window


class StatementCounter:
    """Counts the SQL statements run on one connection (``set_trace_callback``)."""

    def __init__(self, connection) -> None:
        self.statements: list[str] = []
        connection.set_trace_callback(self.statements.append)

    def take(self) -> list[str]:
        taken, self.statements[:] = list(self.statements), []
        return taken


# Transaction control, not counted as statements: no data is read or written by them.
TRANSACTION = ("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE")


def space_presses(path: Path, presses: int, *, phases: bool = False) -> dict[str, float]:
    """Space on the Run tab, ``presses`` times: statements and GUI-thread time each.

    ``phases``: also the time in the command itself (``actions.command.run``: read, write,
    commit with its fsync) and in the views' updates before the repaint."""
    from PySide6.QtWidgets import QApplication

    import facilitator.gui.runner as runner_module

    app = QApplication.instance()
    document, window = _open_window(path, "Run")
    settle(window.tabs["Questions"])  # the duplicate search done, as before the change
    run = window.tabs["Run"]
    in_command: list[float] = []
    command_run = runner_module.run

    def timed_run(*args, **kwargs):
        began = time.perf_counter()
        try:
            return command_run(*args, **kwargs)
        finally:
            in_command.append(time.perf_counter() - began)

    runner_module.run = timed_run
    counter = StatementCounter(document.file.db.conn)
    times, counts, reads, commands, updates = [], [], [], [], []
    try:
        for _ in range(presses):
            counter.take()
            in_command.clear()
            started = time.perf_counter()
            run.start_action.trigger()
            triggered = time.perf_counter()
            app.processEvents()
            times.append(time.perf_counter() - started)
            commands.append(sum(in_command))
            updates.append(triggered - started - sum(in_command))
            statements = counter.take()
            counts.append(len([s for s in statements
                               if not s.strip().upper().startswith(TRANSACTION)]))
            reads.append(len([s for s in statements if s.lstrip().upper().startswith(
                ("SELECT", "PRAGMA", "WITH"))]))
    finally:
        runner_module.run = command_run
    window.close()
    document.file.close()
    found = {"space ms": median(times) * 1000, "space statements": median(counts),
             "space reads": median(reads)}
    if phases:
        found["space: the command ms"] = median(commands) * 1000
        found["space: views updated ms"] = median(updates) * 1000
        found["space: repaint ms"] = (median(times) - median(commands) - median(updates)) * 1000
    return found


def space_rounds(args, mode: str = "--space") -> tuple[dict[str, float], dict[str, float]]:
    """``--before-src``: this code and the code in that ``src`` folder, one process each,
    taking turns ``--rounds`` times (a shared machine's load drifts: turns share it out);
    each measure the median over the rounds."""
    import subprocess

    folder = Path(tempfile.mkdtemp(prefix="bench-space-rounds-"))
    runs: dict[str, list[dict[str, float]]] = {"before": [], "after": []}
    for round_number in range(args.rounds):
        for which in ("before", "after"):
            env = dict(os.environ)
            if which == "before":
                env["PYTHONPATH"] = str(args.before_src)
            saved = folder / f"{which}-{round_number}.json"
            subprocess.run([sys.executable, __file__, mode, "--no-write",
                            "--presses", str(args.presses), "--save", str(saved)],
                           env=env, check=True, stdout=subprocess.DEVNULL)
            runs[which].append(json.loads(saved.read_text()))

    def pooled(found: list[dict[str, float]]) -> dict[str, float]:
        return {name: median([one[name] for one in found]) for name in found[0]}

    return pooled(runs["before"]), pooled(runs["after"])


def _event_with_rows(folder: Path, count: int):
    """The built-in event, ``count`` questions in its first session written straight into
    the table (what a read costs does not depend on how the rows came; ``fill`` commits
    one action each, minutes at 20,000)."""
    from facilitator.store import EventFile
    from facilitator.store import questions as qstore
    from facilitator.store.agenda_io import create_event_file
    from facilitator.store.sessions import list_sessions, set_questions_open

    path = create_event_file(folder / f"event-rows-{count}.db", "walrg")
    with EventFile.open(path) as ef:
        session_id = list_sessions(ef)[0].id
        set_questions_open(ef, session_id, True)
        qstore.submit_question(ef, session_id, "A first question, about water?", now=1.8e9,
                               device_id="first")
        rng = random.Random(6)
        rows = []
        for i in range(count - 1):
            text = f"Question {i}: " + " ".join(rng.choice(WORDS)
                                                 for _ in range(rng.randint(6, 30))) + "?"
            rows.append((session_id, text, text, f"Person {i % 300}", f"device-{i:05d}",
                         f"request-{i:06d}", 1.8e9 + i + 1, 1.8e9 + i + 1))
        ef.db.conn.executemany(
            "INSERT INTO questions (session_id, text, original_text, author, device_id, "
            "client_request_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        ef.db.execute("UPDATE questions SET status = CASE id % 10 WHEN 0 THEN 'rejected' "
                      "WHEN 1 THEN 'answered' WHEN 2 THEN 'pending' ELSE 'approved' END, "
                      "votes = (id * 7919) % 97, starred = (id % 50 = 0)")
    return path, session_id


def first_reads(path: Path, session_id: int, label: str) -> dict[str, float]:
    """A session shown for the first time in the window's Questions tab: until its rows
    are in, and the longest the event loop was held at once meanwhile (ms)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    document, window = _open_window(path, "Questions")
    tab = window.tabs["Questions"]
    tab.set_session(None)
    app.processEvents()
    model = tab.model
    started = time.perf_counter()
    tab.set_session(session_id)
    longest = time.perf_counter() - started
    app.processEvents()
    longest = max(longest, time.perf_counter() - started)
    while getattr(model, "loading", False):
        began = time.perf_counter()
        app.processEvents()
        longest = max(longest, time.perf_counter() - began)
        time.sleep(0.001)  # an idle event loop, as when nothing else happens
    shown = time.perf_counter() - started
    window.close()
    window.deleteLater()  # its clock's repaints must not run into the next measure,
    app.processEvents()
    # nor its duplicate search: a deleteLater outside a running event loop waits for
    # this (5,000 questions' search slices ran into the 20,000-question measure).
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    document.file.close()
    return {f"rows shown {label}": shown * 1000, f"longest freeze {label}": longest * 1000}


def first_read_main(args) -> None:
    """``--first-read``: a big session's first read in the window, 5,000 and 20,000."""
    if args.before_src:
        before, found = space_rounds(args, "--first-read")
        rounds = f"; the median of {args.rounds} runs taking turns with the before"
    else:
        folder = Path(tempfile.mkdtemp(prefix="bench-first-read-"))
        os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
        os.environ["XDG_DATA_HOME"] = str(folder / "data")
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication([])
        del app
        found = {}
        for count, label in ((5000, "5k"), (20000, "20k")):
            found.update(first_reads(*_event_with_rows(folder, count), label))
        before = json.loads(args.before.read_text()) if args.before else {}
        rounds = ""
    if args.save:
        args.save.write_text(json.dumps(found, indent=1))
    rows = [[name, f"{before[name]:.1f} ms" if name in before else "–", f"{value:.1f} ms"]
            for name, value in found.items()]
    body = ("A session shown for the first time in the Questions tab (the main window "
            "offscreen), its questions written straight into the built-in event's first "
            f"session{rounds}. *rows shown*: from choosing the session until its rows are "
            "in the table; *longest freeze*: the longest the event loop was held at once "
            "meanwhile (the window does not answer then). *before*: the code before the "
            "first read moved to the runner's worker (`--before-src`), same machine.\n\n"
            + table(["measure", "before", "after"], rows))
    if args.no_write:
        print(body)
    else:
        publish("first-read", "A big session's first read (issue 13)", body)


def space_main(args) -> None:
    """``--space``: the Space press alone, many presses, with where its time goes."""
    if args.before_src:
        before, found = space_rounds(args)
        rounds = f", then the median of {args.rounds} such runs taking turns with the before"
    else:
        folder = Path(tempfile.mkdtemp(prefix="bench-space-"))
        os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
        os.environ["XDG_DATA_HOME"] = str(folder / "data")
        from PySide6.QtWidgets import QApplication

        import facilitator

        print(f"facilitator from {Path(facilitator.__file__).parent}", file=sys.stderr)
        app = QApplication.instance() or QApplication([])
        del app
        path, _session = _event_with_questions(folder, 5000)
        found = space_presses(path, args.presses, phases=True)
        before = json.loads(args.before.read_text()) if args.before else {}
        rounds = ""
    if args.save:
        args.save.write_text(json.dumps(found, indent=1))
    rows = []
    for name, value in found.items():
        unit = "" if "statements" in name or "reads" in name else " ms"
        was = before.get(name)
        rows.append([name, f"{was:.1f}{unit}" if was is not None else "–",
                     f"{value:.1f}{unit}"])
    body = ("Issue 13's Space budget (at most 3 statements and 5 ms of GUI-thread time). The "
            "built-in event, 5,000 questions in its first session, the main window shown "
            f"offscreen on the Run tab; median of {args.presses} presses (start, pause, "
            f"resume…){rounds}. *statements*: SQL on the GUI's connection, transaction control "
            "(BEGIN, COMMIT, SAVEPOINT, RELEASE) not counted; *reads*: the SELECTs among "
            "them. *ms*: GUI-thread time from the key to the last repaint; *the command*: "
            "`actions.command.run` (read, write, commit and its fsync, as "
            "`synchronous=FULL` asks); *views updated*: the change signal's work before "
            f"the repaint. *before*: {args.before_is} (`--before-src`), same machine, "
            "same run.\n\n"
            + table(["measure", "before", "after"], rows))
    if args.no_write:
        print(body)
    else:
        publish("space", "One Space press (issue 13)", body)


def moderation_actions(path: Path, session_id: int, runs: int, label: str,
                       actions=tuple(ACTIONS)) -> dict[str, float]:
    """Each moderation key on one selected question, the window shown: GUI-thread ms."""
    from PySide6.QtWidgets import QApplication

    from facilitator.store import questions as qstore

    app = QApplication.instance()
    started = time.perf_counter()
    document, window = _open_window(path, "Questions")
    tab = window.tabs["Questions"]
    window.select_session(session_id)
    app.processEvents()
    found: dict[str, float] = {f"open {label}": (time.perf_counter() - started) * 1000}
    settle(tab)
    found[f"open, ≈ marks done {label}"] = (time.perf_counter() - started) * 1000
    # A Questions tab of its own, never shown a session before: nothing read yet.
    from facilitator.gui.questions_tab import QuestionsTab

    fresh = QuestionsTab(document)
    fresh.resize(1280, 800)
    fresh.show()
    app.processEvents()
    started = time.perf_counter()
    fresh.set_session(session_id)
    app.processEvents()
    found[f"Questions tab ready {label}"] = (time.perf_counter() - started) * 1000
    # Showing the session is itself a freeze; then each slice of the search (if any).
    found[f"longest freeze until ≈ marks done {label}"] = max(
        found[f"Questions tab ready {label}"], settle(fresh) * 1000)
    fresh.close()
    file = document.file
    for name in actions:
        method, back = ACTIONS[name]
        times = []
        for run in range(runs):
            # A question early in the list, in the status the key acts on.
            status = {"approve (A)": "pending"}.get(name, "approved")
            row = file.db.execute("SELECT id FROM questions WHERE session_id = ? AND status = ? "
                                  "ORDER BY id LIMIT 1 OFFSET ?",
                                  [session_id, status, 40 + run]).fetchone()
            question_id = row[0]
            tab.select_question(question_id)
            app.processEvents()
            settle(tab)
            began = time.perf_counter()
            getattr(tab, method)()
            app.processEvents()
            times.append(time.perf_counter() - began)
            now = document.clock.now()
            if back == "pending":
                qstore.return_to_pending(file, question_id, now=now)
            elif back == "approved":
                qstore.approve_question(file, question_id, now=now)
            elif method == "star_selected":
                qstore.star_question(file, question_id, False, now=now)
            else:
                qstore.set_on_screen(file, session_id, None, now=now)
            document.questions_did_change.emit(session_id)
            app.processEvents()
        found[f"{name} {label}"] = median(times) * 1000
    window.close()
    document.file.close()
    return found


def settle(tab) -> float:
    """Let a spread-out duplicate search finish (code before it had none); returns the
    longest time the event loop was busy at once meanwhile, in seconds."""
    from PySide6.QtWidgets import QApplication

    app, longest = QApplication.instance(), 0.0
    while getattr(tab.model, "searching", False):
        began = time.perf_counter()
        app.processEvents()
        longest = max(longest, time.perf_counter() - began)
    return longest


def views_main(args) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-views-"))
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    os.environ["XDG_DATA_HOME"] = str(folder / "data")
    from PySide6.QtWidgets import QApplication

    import facilitator

    print(f"facilitator from {Path(facilitator.__file__).parent}", file=sys.stderr)
    app = QApplication.instance() or QApplication([])
    del app
    found: dict[str, float] = {}
    path5, session5 = _event_with_questions(folder, 5000)
    found.update(space_presses(path5, 9))
    found.update(moderation_actions(path5, session5, 3, "5k"))
    path20, session20 = _event_with_questions(folder, 20000)
    found.update(moderation_actions(path20, session20, 1, "20k"))
    if args.save:
        args.save.write_text(json.dumps(found, indent=1))
    before = json.loads(args.before.read_text()) if args.before else {}
    rows = []
    for name, value in found.items():
        unit = "" if "statements" in name or "reads" in name else " ms"
        was = before.get(name)
        rows.append([name, f"{was:.1f}{unit}" if was is not None else "–",
                     f"{value:.1f}{unit}"])
    body = ("Issue 13's targets. The built-in event; its first session holds 5,000 (then "
            "20,000) questions as in the moderation section. *Space*: the Run tab's start/pause "
            "key with the main window shown, median of 9 presses: statements on the GUI's "
            "connection (BEGIN/COMMIT not counted; *reads* are the SELECTs among them) and "
            "GUI-thread milliseconds up to the last repaint. *open*: the event file opened "
            "into the main window with the first session's questions shown; *≈ marks done*: "
            "until the duplicate search has marked every question. *ready*: a new Questions "
            "tab shown the session (nothing read before); *longest freeze*: the longest the "
            "event loop was busy at once while its duplicate search went on. Each key: one "
            "question selected, the key's action and the repaint, median of 3 runs at 5k, "
            "one at 20k. *before*: the code before issue 13's views work, same machine, "
            "same run.\n\n"
            + table(["measure", "before", "after"], rows))
    if args.no_write:
        print(body)
    else:
        publish("views", "Views update what changed (issue 13)", body)


if __name__ == "__main__":
    main()
