"""Every file the window writes for the user — File › Export's items, the whole-event and
forum reports, the Summary tab's Save PDF, Open PDF and Print — is made on a worker.

A session of 20,000 questions took the GUI thread 0.2–1.4 s per export (the clock, the
projector and the keys stood still meanwhile); a whole-event report 6–12 s. The work runs
on the runner's worker (``CommandRunner.read``: its own read-only connection, the runner's
busy bar in the status bar), the window says which file is being written, and the result
(or one line saying why not, in the interface language) comes back on the GUI thread. A
file is written whole or not at all (``reports.whole_file``), and a file already being
written is not started a second time: the window says it is still being written.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from facilitator.gui.runner import CommandRunner
    from facilitator.store import EventFile

T = TypeVar("T")
log = logging.getLogger(__name__)


class ExportWriter(QObject):
    """Writes files on a worker for one window, one write per file at a time."""

    # The status bar's words while a file is written ("Writing report.pdf…").
    export_did_start = Signal(str)
    # A file asked for again while it is still being written (its path): not started.
    still_writing = Signal(str)

    def __init__(self, runner: CommandRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._under_way: set[str] = set()

    def writing(self, path: str | os.PathLike[str]) -> bool:
        """Whether ``path`` is being written now."""
        return _key(path) in self._under_way

    def write(self, path: str | os.PathLike[str], write: Callable[[EventFile], T],
              on_done: Callable[[T], None], parent: QWidget | None, failure_title: str,
              *, on_failed: Callable[[], None] | None = None,
              busy_text: str | None = None) -> bool:
        """Run ``write(connection)`` on a worker (its own read-only connection to the
        event file) to make the file ``path``; ``on_done(result)`` follows on the GUI
        thread. A failure is shown under ``failure_title`` as one line in the interface
        language (an unforeseen error too: the window is never left busy), then
        ``on_failed()``. ``busy_text``: the status bar's words meanwhile (default:
        "Writing <file name>…"). Returns False, starting nothing, when ``path`` is being
        written already (``still_writing`` says so)."""
        key = _key(path)
        if key in self._under_way:
            self.still_writing.emit(str(path))
            return False
        self._under_way.add(key)
        target = Path(path)

        def written(result: T) -> None:
            self._under_way.discard(key)
            on_done(result)

        def failed() -> None:
            self._under_way.discard(key)
            if on_failed is not None:
                on_failed()

        self.runner.read(lambda connection: _write_then_collect(write, connection, target),
                         written, parent, failure_title, on_failed=failed)
        self.export_did_start.emit(busy_text or self.tr("Writing {file}…").format(
            file=target.name))
        return True


def _key(path: str | os.PathLike[str]) -> str:
    return os.path.normcase(os.path.abspath(path))


def _write_then_collect(write: Callable[[EventFile], T], connection: EventFile,
                        target: Path) -> T:
    from facilitator.store import EventFileError
    from facilitator.store.write_errors import cannot_write

    try:
        return write(connection)
    except EventFileError:
        raise
    except OSError as error:  # a writer that does not go through whole_file
        raise cannot_write(error, target) from None
    except Exception as error:
        # A fault of ours (a report that cannot lay out some text, say): said in one line
        # and logged in full, never a worker that dies and leaves the window busy.
        log.exception("writing %s failed", target)
        raise EventFileError(_unforeseen(target, error)) from None
    finally:
        # The runner's reads pause automatic collection and then freeze what is alive: a
        # report's cyclic garbage (its flowables) was frozen with it, ~29 MB kept for good
        # per whole-event report of 40 sessions.
        gc.collect()


def _unforeseen(target: Path, error: Exception) -> str:
    return f"{target}: {type(error).__name__}: {error}".splitlines()[0]
