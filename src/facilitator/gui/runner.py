"""The one way the GUI changes data: run a command, show its error, keep its undo, and say
what changed.

Anki's ``CollectionOp`` is the model: every window action becomes a command
(facilitator.actions), the runner commits it — slow ones on a worker thread with their own
connection to the event file, the window still responsive — and emits ``did_change`` once
with the command's :class:`~facilitator.actions.changes.Changes`; views filter by kind.
Undo and redo are the window's, for every action that changes data: an undo is itself a
new logged command that puts the recorded rows back, so the event log is never rewritten.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.actions.changes import Changes
from facilitator.core.agenda_error import AgendaError
from facilitator.gui.collector import collection_paused
from facilitator.store import EventFile, EventFileError

if TYPE_CHECKING:
    # The command layer (actions.command, errors, actor; store.rows, core.team: ~7 ms of
    # CPU) is imported with the first command run, not before the window's first paint
    # (issue 17); tests/gui/test_startup_imports.py holds it to that.
    from facilitator.actions.actor import Actor
    from facilitator.actions.command import Command, Done
    from facilitator.actions.errors import UserError

OnDone = Callable[["Done"], None]
T = TypeVar("T")

UNDO_STEPS = 500
"""How many steps the window can undo; the oldest is dropped first. Each step keeps the
rows its undo puts back (a clock key: the session's row and its speakers', ~20 KiB with
the sample's panel): unbounded, 3,000 Space presses kept ~58 MiB, never given back while
the window was open; bounded, ~10 MiB at most for such steps."""


class CommandRunner(QObject):
    """Runs commands on one open event file for one window, with its undo stack."""

    did_change = Signal(object)  # Changes, once per committed command (and undo, redo)
    busy_did_change = Signal(bool)  # a slow command started (True) or finished (False)
    # A slow command's progress (done, total; total 0: not known yet), from its worker.
    progress_did_change = Signal(int, int)
    _worker_finished = Signal(object, object, object)  # Done | None, UserError | None, job
    _progress_posted = Signal(int, int, object)  # done, total, _Progress: from the worker
    _read_finished = Signal(object, object, object)  # result, UserError | None, _Read

    def __init__(self, event_file: EventFile, actor: Actor | None = None,
                 parent: QObject | None = None, *, undo_steps: int = UNDO_STEPS) -> None:
        """``actor``: who the commands are logged as (None: the laptop); ``undo_steps``:
        how many steps can be undone (the oldest dropped first)."""
        super().__init__(parent)
        self.file = event_file
        self._actor = actor
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(undo_steps)  # only allowed while the stack is empty
        self._jobs: set[QRunnable] = set()  # slow commands and big reads under way
        self._worker_finished.connect(self._worker_did_finish,
                                      Qt.ConnectionType.QueuedConnection)
        self._progress_posted.connect(self._progress_arrived, Qt.ConnectionType.QueuedConnection)
        self._read_finished.connect(self._read_did_finish, Qt.ConnectionType.QueuedConnection)

    # --- running ----------------------------------------------------------------------------

    def run(self, command: Command, parent: QWidget | None = None, *,
            on_done: OnDone | None = None) -> Done | None:
        """Run ``command``; its undo goes on the stack. Returns the ``Done`` (None after an
        error was shown, or for a slow command, whose ``on_done`` is called later)."""
        if command.slow:
            self._start_worker(command, parent, on_done)
            return None
        done = self._commit(command, parent)
        if done is not None:
            self._push(done, command)
            if on_done is not None:
                on_done(done)
        return done

    @property
    def actor(self) -> Actor:
        if self._actor is None:
            from facilitator.actions.actor import LAPTOP

            self._actor = LAPTOP
        return self._actor

    def announce(self, changes: Changes) -> None:
        """Changes committed by another connection (the phone server's thread): views
        refresh as for the window's own commands; nothing to undo here."""
        if changes:
            self.did_change.emit(changes)

    def _commit(self, command: Command, parent: QWidget | None) -> Done | None:
        from facilitator.actions.command import run
        from facilitator.actions.errors import UserError

        try:
            done = run(self.file, self.actor, command)
        except UserError as error:
            self._show(parent, command, error)
            return None
        if done.changes:
            self.did_change.emit(done.changes)
        return done

    def _show(self, parent: QWidget | None, command: Command, error: UserError) -> None:
        from facilitator.gui.action_text import error_text, failed_title
        from facilitator.gui.document import show_error  # document imports the runner

        show_error(parent, failed_title(command.label, command.params), error_text(error))

    def _push(self, done: Done, command: Command) -> None:
        from facilitator.gui.action_text import label_text

        if done.undo is not None:
            self.undo_stack.push(_UndoEntry(self, done.undo, command.merge_key,
                                            label_text(command.label, command.params)))

    # --- slow commands: a worker with its own connection -------------------------------------

    def _start_worker(self, command: Command, parent: QWidget | None,
                      on_done: OnDone | None) -> None:
        self._start(_Job(self, Path(self.file.path), command, parent, on_done))

    def _worker_did_finish(self, done: Done | None, error: UserError | None, job: _Job) -> None:
        self._job_done(job)
        if error is not None:
            self._show(job.parent, job.command, error)
            return
        assert done is not None
        if done.changes:
            self.did_change.emit(done.changes)
        self._push(done, job.command)
        if job.on_done is not None:
            job.on_done(done)

    def _progress_arrived(self, done: int, total: int, reporter: _Progress) -> None:
        # The window's listeners (its bar) have the step before the work goes on.
        try:
            self.progress_did_change.emit(done, total)
        finally:
            reporter.seen()

    def _job_done(self, job: QRunnable) -> None:
        self._jobs.discard(job)
        if not self._jobs:
            QApplication.restoreOverrideCursor()
            self.busy_did_change.emit(False)

    # --- big reads: a worker with its own connection -----------------------------------------

    def read(self, read: Callable[[EventFile], T], on_done: Callable[[T], None],
             parent: QWidget | None, failure_title: str, *,
             on_failed: Callable[[], None] | None = None) -> None:
        """Run ``read(connection)`` on a worker with its own connection to the event file
        (a read too big for the GUI thread: a session's 20,000 questions), the window still
        responsive; ``on_done(result)`` follows on the GUI thread. A failure is shown
        under ``failure_title`` in the interface language, then ``on_failed()``. Nothing is
        written: there is no undo, and no change to announce."""
        job = _Read(self, Path(self.file.path), read, on_done, parent, failure_title)
        job.on_failed = on_failed
        self._start(job)

    def _read_did_finish(self, result: object, error: UserError | None, job: _Read) -> None:
        self._job_done(job)
        if error is not None:
            from facilitator.gui.action_text import error_text
            from facilitator.gui.document import show_error

            show_error(job.parent, job.failure_title, error_text(error))
            if job.on_failed is not None:
                job.on_failed()
            return
        job.on_done(result)

    def _start(self, job: _Job | _Read) -> None:
        self._jobs.add(job)
        if len(self._jobs) == 1:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self.busy_did_change.emit(True)
        QThreadPool.globalInstance().start(job)

    @property
    def busy(self) -> bool:
        return bool(self._jobs)


class _Job(QRunnable):
    """One slow command on a pool thread, on its own connection (never share one across
    threads; never open the event file any other way than ``EventFile.open``)."""

    def __init__(self, runner: CommandRunner, path: Path, command: Command,
                 parent: QWidget | None, on_done: OnDone | None) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner holds it until its result is handled
        self.runner, self.path, self.command = runner, path, command
        self.parent, self.on_done = parent, on_done

    def run(self) -> None:
        from facilitator.actions.command import run
        from facilitator.actions.errors import UserError, file_problem
        from facilitator.core import progress

        done, failure = None, None
        try:
            # Reported at each step, the worker waiting for the window (_Progress).
            # A slow command makes objects by the ten thousand (an agenda import's 16,000
            # turns): no full collection held the GIL from the window meanwhile, as for
            # big reads (gui/collector.py).
            with (collection_paused(),
                  progress.watched(_Progress(self.runner).step),
                  EventFile.open(self.path, lock=False) as connection):
                done = run(connection, self.runner.actor, self.command)
        except UserError as error:
            failure = error
        except EventFileError as error:  # the worker's connection could not be opened
            failure = file_problem(error)
        self.runner._worker_finished.emit(done, failure, self)


class _Progress:
    """A slow command's steps told to the window, the worker waiting at each until the
    window has taken it in.

    Each Qt event the window handles in Python (a timer, a queued signal, a filter's call)
    waits for the GIL; a worker busy in Python lets it have the GIL once per switch interval
    (1 ms). A burst of events (widgets torn down, a relayout: some 1,500 in a big process,
    when the typing-keys filter still saw every event of the application) took the window
    ~0.16 s: its timers and the first progress came after the first third of a 16,000-slot
    import. Waiting here, the GIL free, the window gets through all it had queued before
    the step, each step; it costs the work one round trip to the window per step (~0.1 ms
    when it is idle). Not answered within
    ``PATIENCE`` seconds (the window blocked in a long call of its own), the work goes on
    and waits no more until the window has caught up: the work is never held up for long.
    """

    PATIENCE = 0.1  # seconds

    def __init__(self, runner: CommandRunner) -> None:
        self.runner = runner
        self._told = self._seen = 0  # steps posted to the window, steps it has taken in
        self._caught_up = threading.Condition()

    def step(self, done: int, total: int) -> None:  # on the worker
        with self._caught_up:
            behind = self._seen < self._told  # a step not answered in time: do not wait
            self._told += 1
        try:
            self.runner._progress_posted.emit(done, total, self)
        except RuntimeError:  # the window closed meanwhile: no one is watching
            return
        if not behind:
            with self._caught_up:
                self._caught_up.wait_for(lambda: self._seen == self._told, self.PATIENCE)

    def seen(self) -> None:  # on the GUI thread
        with self._caught_up:
            self._seen += 1
            self._caught_up.notify_all()


class _Read(QRunnable):
    """One big read on a pool thread, on its own connection (see ``CommandRunner.read``)."""

    def __init__(self, runner: CommandRunner, path: Path, read: Callable[[EventFile], Any],
                 on_done: Callable[[Any], None], parent: QWidget | None,
                 failure_title: str) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner holds it until its result is handled
        self.runner, self.path, self.work = runner, path, read
        self.on_done, self.parent, self.failure_title = on_done, parent, failure_title
        self.on_failed: Callable[[], None] | None = None

    def run(self) -> None:
        from facilitator.actions.errors import file_problem

        result, failure = None, None
        try:
            with (collection_paused(),
                  EventFile.open(self.path, lock=False, read_only=True) as connection):
                result = self.work(connection)
        except (EventFileError, AgendaError) as error:
            failure = file_problem(error)
        try:
            self.runner._read_finished.emit(result, failure, self)
        except RuntimeError:  # the window closed meanwhile: no one is waiting for it
            pass


class _UndoEntry(QUndoCommand):
    """One entry of the window's undo stack: it runs the recorded inverse command, and
    keeps the inverse of that (the redo) for the next step."""

    MERGING = 4242  # QUndoCommand.id of entries that may merge (same merge_key)

    def __init__(self, runner: CommandRunner, undo: Command, merge_key: tuple | None,
                 text: str) -> None:
        super().__init__(text)
        self.runner = runner
        self.undo_command: Command | None = undo
        self.redo_command: Command | None = None
        self.merge_key = merge_key
        self._pushed = False

    def id(self) -> int:
        return self.MERGING if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # This entry's undo already puts back the rows as they were before both; it now
        # checks they are as the later action left them (not as the first did).
        if not (isinstance(other, _UndoEntry) and other.merge_key == self.merge_key):
            return False
        if self.undo_command is not None and other.undo_command is not None:
            from facilitator.actions.command import merged_undo

            self.undo_command = merged_undo(self.undo_command, other.undo_command)
        return True

    def redo(self) -> None:
        if not self._pushed:  # QUndoStack.push calls redo: the command already ran
            self._pushed = True
            return
        self.undo_command = self._step(self.redo_command)

    def undo(self) -> None:
        self.redo_command = self._step(self.undo_command)

    def _step(self, command: Command | None) -> Command | None:
        if command is None:
            return None
        done = self.runner._commit(command, None)
        # Refused (shown): the rows are no longer there to put back, or someone changed
        # them since (UNDO_CHANGED_SINCE). The entry is dropped: trying again could only
        # be refused again, and it would stand in front of the steps before it.
        if done is None:
            self.setObsolete(True)
            return None
        return done.undo
