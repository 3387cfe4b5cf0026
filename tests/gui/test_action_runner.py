"""The window's one runner: a refused action said in the interface language, undo and redo
of every kind from the Edit menu, slow commands off the GUI thread."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator.actions import notes, questions, sessions, speakers, team
from facilitator.actions.actor import LAPTOP, team_device
from facilitator.actions.changes import Kind
from facilitator.actions.command import Label, run
from facilitator.actions.errors import Code
from facilitator.assets import asset_path
from facilitator.core.team import Role
from facilitator.gui.action_text import ACTION_TEXTS
from facilitator.gui.main_window import MainWindow
from facilitator.store import questions as question_store
from facilitator.store.sessions import get_session, list_sessions, set_questions_open

NOW = 1_800_000_000.0


@pytest.fixture
def window(qtbot, document):
    shown = MainWindow(document)
    qtbot.addWidget(shown)
    shown.show()
    return shown


@pytest.fixture
def french():
    translator = QTranslator()
    assert translator.load("facilitator_fr", str(asset_path("i18n")))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_every_code_and_label_has_a_text_in_every_language(qapp):
    english = {code.english for code in Code} | {label.value for label in Label}
    assert english <= set(ACTION_TEXTS), "add them to gui/action_text.py"
    for language in ("fr", "es"):
        translator = QTranslator()
        assert translator.load(f"facilitator_{language}", str(asset_path("i18n")))
        for text in english - {"{detail}"}:
            assert translator.translate("actions", text) not in ("", text), (language, text)


def error_box(window) -> QMessageBox:
    boxes = [w for w in QApplication.topLevelWidgets() + window.findChildren(QMessageBox)
             if isinstance(w, QMessageBox) and w.objectName() == "errorMessage"
             and w.isVisible()]
    assert boxes, "no error shown"
    return boxes[-1]


def test_a_refused_action_is_said_in_french(qtbot, window, document, french):
    session = list_sessions(document.file)[0]
    set_questions_open(document.file, session.id, True)
    (question, _) = question_store.submit_question(document.file, session.id, "Qui paie ?",
                                                   now=NOW, device_id="d1")
    lines = len(document.file.log_entries())
    changed = []
    document.runner.did_change.connect(changed.append)
    done = document.runner.run(questions.merge(session.id, question.id, [question.id],
                                               now=NOW), window)
    assert done is None and not changed
    box = error_box(window)
    assert box.text() == "Choisissez au moins deux questions à fusionner."
    assert box.windowTitle() == "Impossible\u00a0: fusionner 1 questions"
    assert len(document.file.log_entries()) == lines  # nothing written
    assert document.runner.undo_stack.count() == 0
    box.close()


def test_the_edit_menu_undoes_and_redoes_across_the_window(qtbot, window, document):
    session = get_session(document.file, list_sessions(document.file)[0].id)
    set_questions_open(document.file, session.id, True)
    a, _ = question_store.submit_question(document.file, session.id, "Housing first?",
                                          now=NOW, device_id="d1")
    b, _ = question_store.submit_question(document.file, session.id, "Housing: first?",
                                          now=NOW, device_id="d2")
    runner = document.runner
    seen = []
    runner.did_change.connect(seen.append)
    runner.run(questions.merge(session.id, a.id, [b.id], now=NOW))
    runner.run(speakers.remove_speaker(session.id, session.slots[0].id))
    runner.run(notes.add_note(session.id, "Key point", at=NOW))
    assert window.undo_action.text() == "Undo: add note"
    assert [c.touches(k, session.id) for c, k in zip(
        seen, (Kind.QUESTIONS, Kind.SLOTS, Kind.NOTES), strict=True)] == [True] * 3

    window.undo_action.trigger()
    assert window.undo_action.text() == "Undo: remove speaker"
    window.undo_action.trigger()
    assert len(get_session(document.file, session.id).slots) == len(session.slots)
    assert window.undo_action.text() == "Undo: merge 2 questions"
    # Ctrl+Z on the window, whatever tab shows.
    window.ui.tabs.setCurrentWidget(window.tabs["Questions"])
    window.tabs["Questions"].table.setFocus()
    qtbot.keyClick(window.tabs["Questions"].table, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier)
    assert question_store.get_question(document.file, b.id).merged_into is None
    qtbot.keyClick(window.tabs["Questions"].table, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert question_store.get_question(document.file, b.id).merged_into == a.id
    # A shortcut eats its key press; a plain key leaves no Ctrl held for the next test.
    qtbot.keyClick(window.tabs["Questions"].table, Qt.Key.Key_Escape)
    # An undo is a new logged action: the log only grows.
    actions = [line["action"] for line in document.file.log_entries()]
    assert actions.count("undone") == 3 and actions[-1] == "redone"


def test_removing_a_session_is_undone_from_the_window(qtbot, window, document):
    before = [s.title for s in list_sessions(document.file)]
    window._remove_session(window.current_session_id())
    assert len(list_sessions(document.file)) == len(before) - 1
    assert window.session_model.rowCount() == len(before) - 1
    window.undo_action.trigger()
    assert [s.title for s in list_sessions(document.file)] == before
    assert window.session_model.rowCount() == len(before)


def test_a_slow_command_runs_off_the_gui_thread(qtbot, window, document, tmp_path):
    agenda = tmp_path / "agenda.csv"
    session = list_sessions(document.file)[0]
    agenda.write_text(f"session,name,planned_minutes\n{session.id},Ana,5\n{session.id},Bo,7\n",
                      encoding="utf-8")
    runner = document.runner
    ticks = []
    timer = QTimer(interval=1)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    results = []
    with qtbot.waitSignal(runner.busy_did_change, timeout=2000) as started:
        assert runner.run(sessions.import_agenda(agenda), window,
                          on_done=results.append) is None
    assert started.args == [True] and runner.busy
    with qtbot.waitSignal(runner.did_change, timeout=10_000):
        pass
    timer.stop()
    assert not runner.busy and results and ticks  # the window kept its event loop
    assert [s.person.name for s in get_session(document.file, session.id).slots] == ["Ana", "Bo"]
    line = document.file.log_entries()[-1]
    assert line["detail"]["by"] == "laptop"


def test_a_slow_command_refused_on_its_worker_is_said_too(qtbot, window, document, tmp_path):
    agenda = tmp_path / "agenda.csv"
    agenda.write_text("session,name,planned_minutes\n1,Ana,soon\n", encoding="utf-8")
    with qtbot.waitSignal(document.runner.busy_did_change, timeout=10_000,
                          check_params_cb=lambda busy: not busy):
        document.runner.run(sessions.import_agenda(agenda), window)
    assert "soon" in error_box(window).text() or "line" in error_box(window).text()
    error_box(window).close()


def test_a_file_problem_is_said_in_french_too(qtbot, tmp_path, french):
    """The store's problems (here: a file opened read-only) reach the runner as user
    errors with codes, said in the interface language, not SQLite's English."""
    from PySide6.QtWidgets import QWidget

    from facilitator.core.model import Session
    from facilitator.gui.runner import CommandRunner
    from facilitator.store import EventFile
    from facilitator.store.agenda_io import create_event_file

    path = create_event_file(tmp_path / "event.db", "walrg")
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    with EventFile.open(path, read_only=True) as read_only:
        runner = CommandRunner(read_only)
        assert runner.run(sessions.add_session(Session(title="Late panel")), parent) is None
        box = error_box(parent)
        assert box.text() == f"{path} est en lecture seule ; ouvrez une copie ou vérifiez " \
                             "les droits du fichier."
        assert box.windowTitle() == "Impossible\u00a0: ajouter une session"
        box.close()
        assert runner.undo_stack.count() == 0


def test_an_undo_that_would_overwrite_a_team_devices_change_is_refused(qtbot, window,
                                                                        document):
    session = list_sessions(document.file)[0]
    set_questions_open(document.file, session.id, True)
    question, _ = question_store.submit_question(document.file, session.id, "Who pays?",
                                                 now=NOW, device_id="d1")
    link = run(document.file, LAPTOP, team.create_role_link(Role.CO_MODERATOR, "Li",
                                                            now=NOW)).result
    runner = document.runner
    runner.run(questions.approve(session.id, question.id, now=NOW))
    assert window.undo_action.text() == "Undo: approve question"
    run(document.file, team_device(link), questions.star(session.id, question.id, True,
                                                         now=NOW + 1))
    lines = len(document.file.log_entries())
    window.undo_action.trigger()
    box = error_box(window)
    assert box.text() == Code.UNDO_CHANGED_SINCE.english
    box.close()
    kept = question_store.get_question(document.file, question.id)
    assert kept.starred and kept.status.value == "approved"
    assert len(document.file.log_entries()) == lines
    # The step is dropped: it could only be refused again, in front of the earlier steps.
    assert runner.undo_stack.count() == 0 and not window.redo_action.isEnabled()


def test_redo_answers_ctrl_y_and_ctrl_shift_z_on_every_platform(window):
    """Qt's own Redo differs by platform (no Ctrl+Y on a Linux without a desktop
    environment): both keys are given, and the menu shows one, the platform's."""
    from PySide6.QtGui import QKeySequence

    keys = window.redo_action.shortcuts()
    assert QKeySequence("Ctrl+Y") in keys and QKeySequence("Ctrl+Shift+Z") in keys
    assert len(keys) == len(set(key.toString() for key in keys))
    platform = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    assert window.redo_action.shortcut() == (platform[0] if platform else keys[0])


def test_the_undo_history_keeps_its_last_steps_and_undoes_them_all(qtbot, window, document):
    """A panel's history is bounded (runner.UNDO_STEPS, the oldest dropped first): at the
    bound, Edit › Undo still undoes each kept step, newest first, and then stops."""
    from facilitator.gui.runner import UNDO_STEPS
    from facilitator.store.notes import list_notes

    session_id = list_sessions(document.file)[0].id
    runner = document.runner
    beyond = 10
    for number in range(UNDO_STEPS + beyond):
        runner.run(notes.add_note(session_id, f"Point {number}", at=NOW + number))
    stack = runner.undo_stack
    assert stack.undoLimit() == UNDO_STEPS
    assert stack.count() == UNDO_STEPS  # the ten oldest dropped
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "Undo: add note"

    for _ in range(UNDO_STEPS):
        assert window.undo_action.isEnabled()
        window.undo_action.trigger()
    assert not window.undo_action.isEnabled() and not stack.canUndo()
    window.undo_action.trigger()  # nothing left: no harm
    # The steps past the bound stay done; every kept one was undone.
    assert [n.text for n in list_notes(document.file, session_id)] == \
        [f"Point {number}" for number in range(beyond)]
    # Redo still walks forward from the bound.
    window.redo_action.trigger()
    assert [n.text for n in list_notes(document.file, session_id)][-1] == f"Point {beyond}"


def test_a_write_error_is_one_sentence_in_french(qtbot, tmp_path, french):
    """Before: the box showed "[Errno 30] Read-only file system: '…/notes.csv'"."""
    import errno

    from PySide6.QtWidgets import QWidget

    from facilitator.gui.document import FAILED, attempt

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()

    def write() -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(tmp_path / "notes.csv"))

    assert attempt(parent, "Export", write) is FAILED
    box = error_box(parent)
    assert box.text() == "Impossible d’écrire notes.csv : le disque est en lecture seule."
    box.close()


def test_an_error_raised_in_the_users_words_is_shown_as_it_is(qtbot):
    """An OSError with no errno is the app's own sentence (the printer did not start):
    not "Cannot write the file: …"."""
    from PySide6.QtWidgets import QWidget

    from facilitator.gui.document import attempt

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()

    def print_it() -> None:
        raise OSError("the printer could not start printing")

    attempt(parent, "Print", print_it)
    box = error_box(parent)
    assert box.text() == "the printer could not start printing"
    box.close()
