"""The moderation table: a session's audience questions, filtered and sorted."""

from __future__ import annotations

import bisect
import enum
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
)

from facilitator.core.model import comma_joined
from facilitator.core.question_words import load_stemmers
from facilitator.core.questions import (
    DuplicateSearch,
    Question,
    QuestionStatus,
    watch_word_hits,
)
from facilitator.gui.cell_roles import answer_roles
from facilitator.gui.core_text import core_text
from facilitator.gui.document import plain_tip
from facilitator.gui.row_diff import update_rows
from facilitator.store import EventFile
from facilitator.store import questions as store
from facilitator.store.sessions import get_session

QuestionIdRole = Qt.ItemDataRole.UserRole + 1
# The roles data() answers (the others are always empty).
_ROLES_HELD = frozenset({int(role.value) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.FontRole)} | {int(QuestionIdRole)})
# Past this many questions written at once (a merge of many, an import), one full read
# and diff costs less than placing each.
MANY_CHANGES = 200
# Runs ``read(connection)`` on a worker with its own connection, then ``done(result)`` or
# ``failed()`` on the GUI thread (``CommandRunner.read``).
ReadOnWorker = Callable[[Callable[[EventFile], Any], Callable[[Any], None], Callable[[], None]],
                        None]


class Column(enum.IntEnum):
    """The moderation table's columns."""
    NUMBER = 0
    QUESTION = 1
    FROM = 2
    TO = 3
    VOTES = 4
    STATUS = 5
    NOTES = 6


_COLUMNS = tuple(Column)
_COLUMN_COUNT = len(_COLUMNS)
_QUESTION_COLUMN = int(Column.QUESTION)
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _SELECTABLE | Qt.ItemFlag.ItemIsEditable
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_EDIT = int(Qt.ItemDataRole.EditRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_FONT = int(Qt.ItemDataRole.FontRole.value)
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)


HEADERS = {
    Column.NUMBER: "#",
    Column.QUESTION: QT_TRANSLATE_NOOP("QuestionTableModel", "Question"),
    Column.FROM: QT_TRANSLATE_NOOP("QuestionTableModel", "From"),
    Column.TO: QT_TRANSLATE_NOOP("QuestionTableModel", "To"),
    Column.VOTES: QT_TRANSLATE_NOOP("QuestionTableModel", "Votes"),
    Column.STATUS: QT_TRANSLATE_NOOP("QuestionTableModel", "Status"),
    Column.NOTES: QT_TRANSLATE_NOOP("QuestionTableModel", "Flags"),
}


class QuestionFilter(enum.StrEnum):
    """Which questions the moderation table shows."""
    ALL = "All"
    REVIEW = "To review"
    APPROVED = "Approved"
    ANSWERED = "Answered"
    NOT_SELECTED = "Not selected"
    MERGED = "Merged"
    STARRED = "Starred"
    FLAGGED = "Flagged"

    def accepts(self, question: Question, similar: bool) -> bool:
        # Asked of every question on each read: no table built per call (20,000 took 0.2 s).
        status = question.status
        if self is QuestionFilter.ALL:
            return status is not QuestionStatus.MERGED
        if self is QuestionFilter.STARRED:
            return question.starred
        if self is QuestionFilter.FLAGGED:
            return bool(question.flagged or similar) and status not in (
                QuestionStatus.REJECTED, QuestionStatus.MERGED)
        return status is _STATUS_SHOWN[self]

    @property
    def label(self) -> str:
        """The filter's name in the UI's language (the value stays English)."""
        return QCoreApplication.translate("QuestionFilter", self.value)


# The one status each of the other filters shows.
_STATUS_SHOWN = {
    QuestionFilter.REVIEW: QuestionStatus.PENDING,
    QuestionFilter.APPROVED: QuestionStatus.APPROVED,
    QuestionFilter.ANSWERED: QuestionStatus.ANSWERED,
    QuestionFilter.NOT_SELECTED: QuestionStatus.REJECTED,
    QuestionFilter.MERGED: QuestionStatus.MERGED,
}

# The filters' names, for lupdate (QuestionFilter.label translates them).
FILTER_TEXTS = (
    QT_TRANSLATE_NOOP("QuestionFilter", "All"),
    QT_TRANSLATE_NOOP("QuestionFilter", "To review"),
    QT_TRANSLATE_NOOP("QuestionFilter", "Approved"),
    QT_TRANSLATE_NOOP("QuestionFilter", "Answered"),
    QT_TRANSLATE_NOOP("QuestionFilter", "Not selected"),
    QT_TRANSLATE_NOOP("QuestionFilter", "Merged"),
    QT_TRANSLATE_NOOP("QuestionFilter", "Starred"),
    QT_TRANSLATE_NOOP("QuestionFilter", "Flagged"),
)


@dataclass(frozen=True)
class FirstRead:
    """A big session's first read, made on a worker (``QuestionTableModel``)."""

    made: store.MadeQuestions
    search: DuplicateSearch
    similar: dict[int, int]
    sort: str
    shown: QuestionFilter  # the filter ``rows`` went through
    rows: list[Question]
    by_id: dict[int, Question]


class QuestionTableModel(QAbstractTableModel):
    """Rows of questions read from the event file; ``reload()`` after any change.

    A reload tells the view only which rows came, went, moved or changed
    (``row_diff.update_rows``); the model resets only when it shows another session.
    Each session's questions and duplicate search are kept, so going back to a session
    reads only what changed. The first duplicate search over many questions runs in slices
    between repaints (``searching``): the rows show at once, their ≈ marks as found.
    """

    SEARCH_SLICE_S = 0.015  # the duplicate search's share of the GUI thread at a time
    # A session with more questions than this is read the first time on a worker (reading
    # and making 20,000 questions held the window ~0.3 s); a smaller one at once.
    READ_ON_WORKER_AFTER = 2000

    def __init__(self, event_file: EventFile, parent: QObject | None = None,
                 watch_words: Callable[[int], tuple[str, ...]] | None = None,
                 read_on_worker: ReadOnWorker | None = None) -> None:
        super().__init__(parent)
        # The first read of a big session, off the GUI thread (``loading`` meanwhile); without
        # one (the model alone, in tests), every read is at once.
        self._read_on_worker = read_on_worker
        self.loading = False
        self._load: object | None = None  # the read under way; a newer one makes it stale
        self._reload_after_load = False
        self.file = event_file
        self.session_id: int | None = None
        self.filter = QuestionFilter.ALL
        self.sort_by = "votes"
        self.watch_words: tuple[str, ...] = ()
        self.similar: dict[int, int] = {}
        self._all: list[Question] = []
        self._by_id: dict[int, Question] = {}
        self._rows: list[Question] = []
        self._reader = store.QuestionReader()
        self._duplicates = DuplicateSearch()
        self._kept: dict[int, tuple[store.QuestionReader, DuplicateSearch]] = {}
        self._search_timer = QTimer(self, singleShot=True, interval=0)
        self._search_timer.timeout.connect(self._search_on)
        # Where the session's watch words come from: the tab passes the shared session
        # state (read once per change); alone, the model reads them itself.
        self._read_watch_words = watch_words or (lambda session_id: get_session(
            self.file, session_id, with_slots=False).watch_words)
        # Who writes an edited wording: the tab sets one that reports errors and notifies.
        self.write_text: Callable[[int, str], bool] | None = None

    # --- data -----------------------------------------------------------------------------

    def set_session(self, session_id: int | None) -> None:
        """Show another session: the one change that resets the model.

        A big session shown for the first time is read on a worker: the rows are empty
        and ``loading`` is True until they arrive (one more reset)."""
        if self.loading and session_id == self.session_id:
            return  # its first read is under way
        was_loading, self.loading, self._load = self.loading, False, None
        if session_id != self.session_id:
            if self.session_id is not None and not was_loading:
                self._kept[self.session_id] = (self._reader, self._duplicates)
            kept = self._kept.pop(session_id, None)
            self._reader, self._duplicates = kept or (store.QuestionReader(), DuplicateSearch())
            if kept is None and session_id is not None and self._read_first_on_worker(
                    session_id):
                return
        self.session_id = session_id
        questions, similar, watch_words = self._read()
        self.beginResetModel()
        self._all, self.similar, self.watch_words = questions, similar, watch_words
        self._by_id = {q.id: q for q in questions}
        self._rows = self._filtered()
        self.endResetModel()

    def _read_first_on_worker(self, session_id: int) -> bool:
        """Start reading a big session on a worker (False: it is small, or no worker)."""
        if self._read_on_worker is None or \
                store.count_questions(self.file, session_id) <= self.READ_ON_WORKER_AFTER:
            return False
        self._search_timer.stop()  # the search belongs to the worker until it is done
        self.beginResetModel()
        self.session_id, self.loading, self._reload_after_load = session_id, True, False
        self._all, self.similar, self.watch_words, self._by_id, self._rows = [], {}, (), {}, []
        self.endResetModel()
        load = self._load = object()
        # What this connection wrote after this mark is a change the next reload reads.
        mark, sort, shown = self._reader.mark(self.file), self.sort_by, self.filter

        def read(ef: EventFile) -> FirstRead:
            # On the worker, its own connection: the rows, their questions, the duplicate
            # search set up (its slices run on the GUI thread later), the rows shown.
            # Making 20,000 questions is Python holding the GIL: sleep(0) hands it to the
            # GUI thread at once every thousand (else each of its events waited ~5 ms).
            made = store.made_questions(ef, session_id, sort, breathe=lambda: time.sleep(0))
            load_stemmers()
            search = DuplicateSearch()
            similar = search.update(made.questions, spread=True)
            rows = [q for q in made.questions if shown.accepts(q, q.id in similar)]
            by_id = {q.id: q for q in made.questions}
            return FirstRead(made, search, similar, sort, shown, rows, by_id)

        def done(result: FirstRead) -> None:
            if load is self._load:  # not another session (or a newer read) meanwhile
                self._take_first_read(mark, result)

        def failed() -> None:  # the runner said why; the session shows no questions
            if load is self._load:
                self.loading, self._load = False, None

        self._read_on_worker(read, done, failed)
        return True

    def _take_first_read(self, mark: tuple[int, int] | None, read: FirstRead) -> None:
        assert self.session_id is not None
        questions = self._reader.adopt(mark, read.made)
        self._duplicates = search = read.search
        watch_words = self._read_watch_words(self.session_id)
        self.beginResetModel()
        self.loading, self._load = False, None
        self._all, self.similar, self.watch_words = questions, read.similar, watch_words
        self._by_id = read.by_id
        self._rows = read.rows
        if read.sort != self.sort_by or read.shown is not self.filter:  # chosen meanwhile
            self._all = store.sort_questions(questions, self.sort_by)
            self._rows = self._filtered()
        self.endResetModel()
        if search.pending:
            self._search_timer.start()
        if self._reload_after_load:  # written meanwhile (phones, the moderator)
            self._reload_after_load = False
            self.reload()

    def set_filter(self, value: QuestionFilter) -> None:
        # Filtering and sorting work on the rows already read: no SQL, no duplicate search.
        self.filter = value
        self.beginResetModel()
        self._rows = self._filtered()
        self.endResetModel()

    def set_sort(self, sort: str) -> None:
        self.sort_by = sort
        self._all = store.sort_questions(self._all, sort)
        update_rows(self, self._rows, self._filtered(), key=_question_id,
                    changed=lambda old, new: old is not new)

    def _filtered(self) -> list[Question]:
        return [q for q in self._all if self.filter.accepts(q, q.id in self.similar)]

    def _read(self) -> tuple[list[Question], dict[int, int], tuple[str, ...]]:
        if self.session_id is None:
            return [], {}, ()
        questions = self._reader.read(self.file, self.session_id, sort=self.sort_by)
        similar = self._duplicates.update(questions, spread=True)
        if self._duplicates.pending:
            self._search_timer.start()
        return questions, similar, self._read_watch_words(self.session_id)

    @property
    def searching(self) -> bool:
        """The rows or their ≈ marks are still coming (the first read of a big session,
        or the duplicate search)."""
        return self.loading or self._duplicates.pending

    def _search_on(self) -> None:
        """One slice of the duplicate search, then the marks found so far."""
        search, session_id = self._duplicates, self.session_id
        ends = time.perf_counter() + self.SEARCH_SLICE_S
        # One question at a time: where most questions share their words, one question's
        # comparisons cost ~1 ms at 20,000, and twenty of them ran a slice to 35-45 ms.
        done = search.step(1)
        while not done and time.perf_counter() < ends:
            done = search.step(1)
        if not done:
            self._search_timer.start()
        if search is not self._duplicates or session_id != self.session_id:
            return
        # Marks found in this slice (or, once done, changed by news that came meanwhile):
        # only their rows are touched (a diff of every row per slice froze the window for
        # half a second at 20,000 questions).
        key, found, similar = store.sort_key(self.sort_by), search.found, self.similar
        for question_id in [qid for qid in {*found, *similar} if found.get(qid)
                            != similar.get(qid)]:
            if question_id in found:
                similar[question_id] = found[question_id]
            else:
                del similar[question_id]
            if question_id in self._by_id:
                self._place(question_id, None, key)

    def reload(self) -> None:
        """Read the session's questions again and update the rows that changed.

        After the moderator's own actions only the questions they wrote are read and
        compared (``QuestionReader.changes``), so the cost follows the change, not the
        session's size; after phones' news, everything is read again.
        """
        if self.loading:  # the first read is under way: read again once it is in
            self._reload_after_load = True
            return
        delta = None
        if self.session_id is not None and not self._duplicates.pending:
            delta = self._reader.changes(self.file, self.session_id)
        if delta is not None and len(delta[0]) + len(delta[1]) <= MANY_CHANGES:
            self._take_in(*delta)
            return
        # Read first: a failed read must not leave the view half way through a change.
        questions, similar, watch_words = self._read()
        before, words_before = self.similar, self.watch_words
        self._all, self.similar, self.watch_words = questions, similar, watch_words
        self._by_id = {q.id: q for q in questions}
        if watch_words != words_before:  # every row's watch-word hints may differ
            changed: Callable[[Question, Question], bool] = lambda old, new: True  # noqa: E731
        else:
            def changed(old: Question, new: Question) -> bool:
                return old is not new or before.get(old.id) != similar.get(old.id)
        update_rows(self, self._rows, self._filtered(), key=_question_id, changed=changed)

    def take_news(self, question_ids: set[int]) -> None:
        """Phones' news naming the questions they wrote (asked or voted on): only those
        are read and placed, so a hall voting costs what it changed, not the session's
        size (a full read of 5,000 questions took ~50 ms, four times a second)."""
        if (self.session_id is None or self._duplicates.pending
                or len(question_ids) > MANY_CHANGES):
            self.reload()
            return
        self._take_in(*self._reader.read_ids(self.file, self.session_id, question_ids))

    def _take_in(self, changed: list[Question], removed: list[int]) -> None:
        """Questions written since the last read: each goes to its place among the rows
        (moved, inserted, removed or repainted), and so do those whose ≈ match changed."""
        watch_words = self._read_watch_words(self.session_id)  # type: ignore[arg-type]
        rematched = self._duplicates.apply(changed, removed)
        similar = dict(self._duplicates.found) if rematched else self.similar
        key = store.sort_key(self.sort_by)
        old_versions = {}  # as the rows hold them
        for question_id in removed:
            old = self._by_id.pop(question_id, None)
            if old is not None:
                old_versions[question_id] = old
                self._drop(old, key)
        for question in changed:
            old = self._by_id.get(question.id)
            if old is not None:
                old_versions[question.id] = old
                self._drop(old, key)
            bisect.insort(self._all, question, key=key)
            self._by_id[question.id] = question
        self.similar = similar
        placements = []
        for question_id in dict.fromkeys([*removed, *(q.id for q in changed), *rematched]):
            old, current = old_versions.get(question_id), self._by_id.get(question_id)
            only_votes = (old is not None and current is not None
                          and question_id not in rematched
                          and replace(old, votes=current.votes,
                                      updated_at=current.updated_at) == current)
            placements.append((question_id, old, only_votes))
        placed = self._reorder_kept(placements, key)
        for question_id, old, only_votes in placements:
            if question_id not in placed:
                self._place(question_id, old, key, only_votes)
        if watch_words != self.watch_words:  # every row's watch-word hints may differ
            self.watch_words = watch_words
            if self._rows:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self._rows) - 1, len(Column) - 1))

    def _reorder_kept(self, placements: list[tuple[int, Question | None, bool]],
                      key: Callable[[Question], Any]) -> set[int]:
        """Rows that stay but changed places, several at once (a hall voting): one layout
        change for all of them; the ids placed. Each single move made the view's row
        header note every sized row again (two calls back into Python per row), eight
        times a batch; rows coming, going or moving alone are left to ``_place``."""
        rows = self._rows
        kept: dict[int, tuple[int, Question, bool]] = {}  # id -> (row now, new, only votes)
        for question_id, old, only_votes in placements:
            current = self._by_id.get(question_id)
            shown_as = old if old is not None else current
            if current is None or shown_as is None or not self.filter.accepts(
                    current, question_id in self.similar):
                continue
            here = self._position(rows, shown_as, key)
            if here >= 0:
                kept[question_id] = (here, current, only_votes)
        if len(kept) < 2:
            return set()
        # Where each goes, tried on a copy (a pointer copy: the cost follows the changes,
        # not the session's size); nothing moved: _place repaints them where they are.
        moved = list(rows)
        for here in sorted((here for here, _, _ in kept.values()), reverse=True):
            del moved[here]
        for _, current, _ in kept.values():
            bisect.insort(moved, current, key=key)
        there = {qid: self._position(moved, current, key)
                 for qid, (_, current, _) in kept.items()}
        if all(there[qid] == here for qid, (here, _, _) in kept.items()):
            return set()
        self.layoutAboutToBeChanged.emit()
        before = rows[:]
        rows[:] = moved
        heres = sorted(here for here, _, _ in kept.values())
        theres = sorted(there.values())
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(persistent, [
            self.createIndex(there[before[index.row()].id] if before[index.row()].id in there
                             else _row_after(index.row(), heres, theres), index.column())
            if index.isValid() and index.row() < len(before) else QModelIndex()
            for index in persistent])
        self.layoutChanged.emit()
        for question_id, (_, _, only_votes) in kept.items():
            row = there[question_id]
            # Only the count (a vote): no row to size; else the whole row, sized again.
            self.dataChanged.emit(self.index(row, Column.VOTES if only_votes else 0),
                                  self.index(row, Column.VOTES if only_votes
                                             else len(Column) - 1))
        return set(kept)

    def _drop(self, question: Question, key: Callable[[Question], Any]) -> None:
        position = self._position(self._all, question, key)
        if position >= 0:
            del self._all[position]

    @staticmethod
    def _position(rows: list[Question], question: Question,
                  key: Callable[[Question], Any]) -> int:
        """The row of ``question`` in ``rows`` (sorted by ``key``), or -1."""
        position = bisect.bisect_left(rows, key(question), key=key)
        if position < len(rows) and rows[position].id == question.id:
            return position
        return -1

    def _place(self, question_id: int, old: Question | None,
               key: Callable[[Question], Any], only_votes: bool = False) -> None:
        """Bring one question's row up to date: out, in, moved or repainted."""
        rows, parent = self._rows, QModelIndex()
        current = self._by_id.get(question_id)
        shown_as = old if old is not None else current
        here = self._position(rows, shown_as, key) if shown_as is not None else -1
        wanted = current is not None and self.filter.accepts(current,
                                                             question_id in self.similar)
        if here >= 0 and not wanted:
            self.beginRemoveRows(parent, here, here)
            del rows[here]
            self.endRemoveRows()
            return
        if not wanted:
            return
        assert current is not None
        if here < 0:
            there = bisect.bisect_left(rows, key(current), key=key)
            self.beginInsertRows(parent, there, there)
            rows.insert(there, current)
            self.endInsertRows()
            return
        del rows[here]
        there = bisect.bisect_left(rows, key(current), key=key)
        rows.insert(here, shown_as)  # back, for the move's bookkeeping
        if there != here:
            self.beginMoveRows(parent, here, here, parent, there + 1 if there > here else there)
            del rows[here]
            rows.insert(there, current)
            self.endMoveRows()
        else:
            rows[here] = current
        if only_votes:
            # Only the count moved (a hall voting): one cell to repaint, no row to size.
            self.dataChanged.emit(self.index(there, Column.VOTES),
                                  self.index(there, Column.VOTES))
            return
        self.dataChanged.emit(self.index(there, 0), self.index(there, len(Column) - 1))

    def on_screen(self) -> Question | None:
        """The question on the projector and the phones (as read last), if any."""
        return next((q for q in self._all if q.on_screen), None)

    def counts(self) -> dict[QuestionStatus, int]:
        """How many of the session's questions are in each status (as read last)."""
        counts = dict.fromkeys(QuestionStatus, 0)
        for question in self._all:
            counts[question.status] += 1
        return counts

    def question_at(self, row: int) -> Question:
        return self._rows[row]

    def row_of(self, question_id: int) -> int:
        question = self._by_id.get(question_id)
        if question is not None:
            row = self._position(self._rows, question, store.sort_key(self.sort_by))
            if row >= 0 and self._rows[row] is question:
                return row
        for row, question in enumerate(self._rows):
            if question.id == question_id:
                return row
        return -1

    def questions(self) -> list[Question]:
        return list(self._rows)

    # --- Qt model API ---------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        # A plain int: Qt asks this twice for each index it makes (hasIndex), and
        # len(Column) goes through the enum's Python __len__.
        return 0 if parent.isValid() else _COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            header = HEADERS[Column(section)]
            return self.tr(header) if section else header
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        # Made once: a repaint asks for every cell on screen, and or-ing Qt's flags is
        # Python enum work each time.
        if index.isValid() and index.column() == _QUESTION_COLUMN:
            return _EDITABLE
        return _SELECTABLE

    def index(self, row: int, column: int,
              parent: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Qt's own index() asks rowCount and columnCount, two calls into Python for each
        # cell a repaint draws and each row the header notes when rows move; this is one.
        if parent.isValid() or not (0 <= row < len(self._rows) and 0 <= column < _COLUMN_COUNT):
            return QModelIndex()
        return self.createIndex(row, column)

    def multiData(self, index: QModelIndex, roleDataSpan: Any) -> None:
        """Every role a cell's painting asks, in one call: Qt's item delegate asks seven
        (font, alignment, colours, check state, icon, text, background), and each call
        into Python waits its turn for the GIL while the phone server's thread runs."""
        answer_roles(roleDataSpan, _ROLES_HELD, partial(
            self._value, self._rows[index.row()], _COLUMNS[index.column()])
            if index.isValid() else None)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self._value(self._rows[index.row()], _COLUMNS[index.column()], role)

    def _value(self, question: Question, column: Column, role: int) -> Any:
        # Plain ints and a tuple: a repaint asks ~10 roles of every cell on screen, and
        # building Qt's and our enums for each took a third of a paint.
        if role == QuestionIdRole:
            return question.id
        if role in (_DISPLAY, _EDIT):
            return self._text(question, column, role == _EDIT)
        if role == _TOOLTIP:
            return self._tooltip(question, column)
        if role == _ALIGNMENT and (column is Column.NUMBER or column is Column.VOTES):
            return _RIGHT
        if role == _FONT and question.on_screen:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, question: Question, column: Column, editing: bool) -> str:
        if column is Column.NUMBER:
            return str(question.id)
        if column is Column.QUESTION:
            return question.text
        if column is Column.FROM:
            return comma_joined(question.author, question.organisation)
        if column is Column.TO:
            return question.addressed_to
        if column is Column.VOTES:
            return str(question.votes)
        if column is Column.STATUS:
            label = core_text(question.status.label)
            if question.status is QuestionStatus.ANSWERED and question.answered_by:
                label = self.tr("{status} by {name}").format(status=label,
                                                             name=question.answered_by)
            if question.status is QuestionStatus.MERGED and question.merged_into:
                label = self.tr("{status} into #{number}").format(status=label,
                                                                  number=question.merged_into)
            return label
        return " ".join(self.notes(question))

    def notes(self, question: Question) -> list[str]:
        """Short flags in the last column: on screen, starred, watch words, similar, edited."""
        notes = []
        if question.on_screen:
            notes.append(self.tr("ON SCREEN"))
        if question.starred:
            notes.append("★")
        if question.flagged:
            notes.append(self.tr("⚑ review"))
        if question.id in self.similar:
            notes.append(f"≈ #{self.similar[question.id]}")
        if question.edited:
            notes.append(self.tr("edited"))
        return notes

    def _tooltip(self, question: Question, column: Column) -> str | None:
        tips = []
        if column is Column.QUESTION and question.edited:
            tips.append(self.tr("Sent as: {text}").format(text=question.sent_text))
        if column in (Column.QUESTION, Column.NOTES):
            hits = watch_word_hits(question.text, self.watch_words)
            if question.flagged or hits:
                tips.append(self.tr("Watch words: {words}").format(
                    words=", ".join(hits) or self.tr("(list changed since)")))
            if question.id in self.similar:
                tips.append(self.tr("Looks like question #{number}; select it and press G to "
                                    "merge").format(number=self.similar[question.id]))
        return plain_tip("\n".join(tips)) or None

    def setData(self, index: QModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or index.column() != Column.QUESTION
                or role != Qt.ItemDataRole.EditRole):
            return False
        question = self._rows[index.row()]
        if str(value) == question.text:
            return False
        if self.write_text is None:  # the tab saves with the document's clock and errors
            return False
        return self.write_text(question.id, str(value))


def _row_after(row: int, left: list[int], came: list[int]) -> int:
    """Where a row that stayed put goes when the rows at ``left`` (sorted) were taken out
    and put back at ``came`` (sorted, rows of the result): the others keep their order,
    so it is the k-th of them, k its rank among them before. Plain ints: Qt's persistent
    rows (the selection, every sized row's height) are carried this way on each batch."""
    rank = row - bisect.bisect_left(left, row)
    position = rank
    for taken in came:
        if taken <= position:
            position += 1
        else:
            break
    return position


def _question_id(question: Question) -> int:
    return question.id
