"""Audience questions and votes in the event file.

Phones reach these functions through the phone server's own connection; the moderator's
actions come only from the GUI. Each is one committed action, so a question that was
acknowledged to a phone (201) is already on disk.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from facilitator.core.questions import (
    VISIBLE_STATUSES,
    Question,
    QuestionError,
    QuestionStatus,
    RequestReused,
    as_sent,
    clean_language,
    clean_name,
    clean_question,
    survivor_order,
    watch_word_hits,
)
from facilitator.store.event_file import EventFile, EventFileError, inserted_id
from facilitator.store.sessions import get_session

_COLUMNS = (
    "id", "session_id", "text", "status", "created_at", "updated_at", "original_text",
    "author", "organisation", "addressed_to", "language", "votes", "starred", "on_screen",
    "flagged", "merged_into", "answered_by", "device_id",
)
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM questions"
SORTS = {
    "votes": "votes DESC, created_at ASC, id ASC",
    "time": "created_at ASC, id ASC",
    "newest": "created_at DESC, id DESC",
}

# The same orders in memory, so a view can re-sort what it read without asking SQLite.
_SORT_KEYS = {
    "votes": lambda q: (-q.votes, q.created_at, q.id),
    "time": lambda q: (q.created_at, q.id),
    "newest": lambda q: (-q.created_at, -q.id),
}


def sort_questions(questions: Iterable[Question], sort: str) -> list[Question]:
    """``questions`` in one of the ``SORTS`` orders, as ``list_questions`` returns them."""
    return sorted(questions, key=_SORT_KEYS[sort])


def _question(row: tuple[Any, ...]) -> Question:
    data = dict(zip(_COLUMNS, row, strict=True))
    data["status"] = QuestionStatus(data["status"])
    for flag in ("starred", "on_screen", "flagged"):
        data[flag] = bool(data[flag])
    return Question(**data)


def get_question(ef: EventFile, question_id: int) -> Question:
    row = ef.db.execute(f"{_SELECT} WHERE id = ?", [question_id]).fetchone()
    if row is None:
        raise EventFileError(f"there is no question {question_id}")
    return _question(row)


def list_questions(ef: EventFile, session_id: int, *,
                   statuses: Iterable[QuestionStatus] | None = None,
                   sort: str = "time") -> list[Question]:
    """A session's questions, optionally only some statuses, sorted by votes or time."""
    where = "WHERE session_id = ?"
    params: list[object] = [session_id]
    if statuses is not None:
        wanted = [QuestionStatus(s).value for s in statuses]
        if not wanted:
            return []
        where += f" AND status IN ({', '.join('?' for _ in wanted)})"
        params += wanted
    rows = ef.db.execute(f"{_SELECT} {where} ORDER BY {SORTS[sort]}", params).fetchall()
    return [_question(row) for row in rows]


def public_rows(ef: EventFile, session_id: int,
                statuses: Iterable[QuestionStatus]) -> list[tuple[Any, ...]]:
    """(id, text, author, organisation, addressed_to, votes, status value) of the session's
    questions in ``statuses``, most votes first (``list_questions``' "votes" order): what
    phones see of each, as plain rows (no Question made: 20,000 of them cost ~0.15 s)."""
    wanted = [QuestionStatus(s).value for s in statuses]
    if not wanted:
        return []
    return ef.db.execute(
        "SELECT id, text, author, organisation, addressed_to, votes, status FROM questions "
        f"WHERE session_id = ? AND status IN ({', '.join('?' for _ in wanted)}) "
        f"ORDER BY {SORTS['votes']}", [session_id, *wanted]).fetchall()


def read_rows(ef: EventFile, session_id: int, sort: str = "time") -> list[tuple[Any, ...]]:
    """A session's question rows, as ``QuestionReader.take`` wants them: one query."""
    return list(ef.db.execute(f"{_SELECT} WHERE session_id = ? ORDER BY {SORTS[sort]}",
                              [session_id]).fetchall())


@dataclass(frozen=True)
class MadeQuestions:
    """A session's questions read and made on a worker thread (``made_questions``), for
    ``QuestionReader.adopt`` on the GUI thread: 20,000 took ~0.1 s to read, ~0.1 s to make
    and ~0.1 s to index."""

    questions: list[Question]
    rows: dict[int, tuple[tuple[Any, ...], Question]]  # by id: the row, and its question


def made_questions(ef: EventFile, session_id: int, sort: str = "time", *,
                   breathe: Callable[[], object] = lambda: None) -> MadeQuestions:
    """``read_rows``, each made a ``Question`` and indexed as a ``QuestionReader`` keeps
    them; ``breathe()`` every thousand (a worker hands the GIL to the GUI thread)."""
    questions, rows = [], {}
    for count, row in enumerate(read_rows(ef, session_id, sort), 1):
        question = _question(row)
        questions.append(question)
        rows[row[0]] = (row, question)
        if count % 1000 == 0:
            breathe()
    return MadeQuestions(questions, rows)


def count_questions(ef: EventFile, session_id: int) -> int:
    """How many questions a session holds (its index only)."""
    return int(ef.db.execute("SELECT COUNT(*) FROM questions WHERE session_id = ?",
                             [session_id]).fetchone()[0])


class QuestionReader:
    """A session's questions, read again after every change for a view that keeps them.

    ``read`` is one query; a row unchanged since the last read keeps its ``Question``
    object, so a view can tell what changed by identity (``old is new``) at no cost.
    ``changes`` reads only the questions written since: the moderator's actions go
    through this connection, where temporary triggers note each question they touch (a
    full read of 20,000 questions took ~100 ms, on every key). Writes from another
    connection (the phone server's) are not noted there: ``changes`` then answers None
    and the caller reads everything again.
    """

    def __init__(self) -> None:
        self._known: dict[int, tuple[tuple[Any, ...], Question]] = {}
        self._mark: tuple[int, int] | None = None  # data_version, last touch seen

    def read(self, ef: EventFile, session_id: int, sort: str = "time") -> list[Question]:
        """As ``list_questions(ef, session_id, sort=sort)``."""
        mark = self.mark(ef)
        return self.take(mark, read_rows(ef, session_id, sort))

    def mark(self, ef: EventFile) -> tuple[int, int] | None:
        """Where this connection's writes stand, before a read on another connection
        (``adopt``): whatever is written after it is a change for ``changes``."""
        return _touch_mark(ef)

    def take(self, mark: tuple[int, int] | None,
             rows: Sequence[tuple[Any, ...]]) -> list[Question]:
        """The questions of ``rows`` (``read_rows``), read after ``mark``; a row unchanged
        since the last read keeps its object."""
        self._mark = mark
        known, fresh = self._known, {}
        questions = []
        for row in rows:
            seen = known.get(row[0])
            question = seen[1] if seen is not None and seen[0] == row else _question(row)
            fresh[row[0]] = (row, question)
            questions.append(question)
        self._known = fresh
        return questions

    def adopt(self, mark: tuple[int, int] | None, made: MadeQuestions) -> list[Question]:
        """The questions made on a worker (``made_questions``), read after ``mark``: this
        reader's first read of the session, so no object is kept from before."""
        self._mark, self._known = mark, made.rows
        return made.questions

    def changes(self, ef: EventFile, session_id: int
                ) -> tuple[list[Question], list[int]] | None:
        """The session's questions written since the last ``read`` or ``changes`` (new or
        changed) and the ids of those that left it; None when only a full ``read`` can
        tell (another connection wrote, or nothing was read yet)."""
        if self._mark is None:
            return None
        version, last = self._mark
        if ef.db.execute("PRAGMA data_version").fetchone()[0] != version:
            return None
        touched = ef.db.execute("SELECT rowid, question_id FROM temp.question_touches "
                                "WHERE rowid > ?", [last]).fetchall()
        if not touched:
            return [], []
        self._mark = (version, touched[-1][0])
        return self.read_ids(ef, session_id, {question_id for _, question_id in touched})

    def read_ids(self, ef: EventFile, session_id: int, question_ids: Iterable[int]
                 ) -> tuple[list[Question], list[int]]:
        """These questions as they are now: (new or changed ones, ids of those that left
        the session), against what this reader last gave. For writes whose ids are known
        (the phone server names each question a phone asked or voted on); it does not move
        ``changes``' mark, so writes it was not told about still lead to a full ``read``."""
        ids = sorted(question_ids)
        found: dict[int, tuple[Any, ...]] = {}
        for part in range(0, len(ids), 500):  # SQLite's limit on parameters
            chunk = ids[part:part + 500]
            for row in ef.db.execute(f"{_SELECT} WHERE id IN ({', '.join('?' * len(chunk))})",
                                     chunk):
                found[row[0]] = row
        changed, removed = [], []
        for question_id in ids:
            row = found.get(question_id)
            seen = self._known.get(question_id)
            if row is None or row[1] != session_id:
                if seen is not None:
                    del self._known[question_id]
                    removed.append(question_id)
            elif seen is None or seen[0] != row:
                question = _question(row)
                self._known[question_id] = (row, question)
                changed.append(question)
        return changed, removed


def _touch_mark(ef: EventFile) -> tuple[int, int] | None:
    """Where the connection's question touches stand (triggers made on first use)."""
    db = ef.db
    if not getattr(ef, "_question_touches", False):
        # TEMP: on this connection only, never in the file, gone when it closes.
        try:
            db.execute("CREATE TEMP TABLE IF NOT EXISTS question_touches "
                       "(question_id INTEGER)")
            for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
                db.execute(f"CREATE TEMP TRIGGER IF NOT EXISTS question_touched_"
                           f"{event.lower()} AFTER {event} ON main.questions BEGIN "
                           f"INSERT INTO question_touches (question_id) VALUES ({row}.id); END")
        except sqlite3.Error:
            return None  # (a file opened read-only, say): full reads, as before
        ef._question_touches = True  # type: ignore[attr-defined]
    version = db.execute("PRAGMA data_version").fetchone()[0]
    last = db.execute("SELECT coalesce(max(rowid), 0) FROM temp.question_touches").fetchone()[0]
    return version, last


def sort_key(sort: str) -> Callable[[Question], tuple[Any, ...]]:
    """The order of one of the ``SORTS``, as a key on a question (unique: ends with id)."""
    return _SORT_KEYS[sort]


def change_marker(ef: EventFile) -> tuple[int, int]:
    """A value that differs whenever anything in the file changed since it was last read,
    written through this connection or any other (for caches over the file)."""
    other = ef.db.execute("PRAGMA data_version").fetchone()[0]  # other connections' commits
    return other, ef.db.conn.total_changes  # this connection's own writes


def question_counts(ef: EventFile, session_id: int) -> dict[QuestionStatus, int]:
    """How many questions of the session are in each status (every status present)."""
    counts = dict.fromkeys(QuestionStatus, 0)
    for status, count in ef.db.execute(
        "SELECT status, COUNT(*) FROM questions WHERE session_id = ? GROUP BY status",
        [session_id],
    ).fetchall():
        counts[QuestionStatus(status)] = count
    return counts


# --- from phones --------------------------------------------------------------------------


def submit_question(ef: EventFile, session_id: int, text: object, *, now: float,
                    author: object = "", organisation: object = "", addressed_to: object = "",
                    language: object = "", device_id: str = "",
                    client_request_id: str | None = None) -> tuple[Question, bool]:
    """Store a question from a phone; returns it and whether it is new.

    A retried submission (same client request id) returns the question stored the first
    time. Questions matching the session's watch words wait for review even when the
    session approves automatically.
    """
    sent = text
    text = clean_question(text)
    sent = as_sent(sent) if isinstance(sent, str) else text
    author = clean_name(author)
    organisation = clean_name(organisation, "organisation")
    addressed_to = clean_name(addressed_to, "speaker's name")
    if client_request_id is not None:
        existing = _by_request_id(ef, session_id, client_request_id)
        if existing and existing.sent_text != text:
            raise RequestReused("this question was not sent; please send it again")
        if existing:
            return existing, False
    session = get_session(ef, session_id, with_slots=False)
    if not session.questions_open:
        raise QuestionError("questions are closed for this session")
    hits = watch_word_hits(" ".join((text, author, organisation)), session.watch_words)
    status = (QuestionStatus.APPROVED if session.auto_approve and not hits
              else QuestionStatus.PENDING)
    try:
        with ef.action("question_submitted", session_id, flagged=bool(hits)):
            question_id = inserted_id(ef.db.execute(
                "INSERT INTO questions (session_id, text, original_text, author, organisation, "
                "addressed_to, language, status, flagged, device_id, client_request_id, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [session_id, text, sent, author, organisation, addressed_to,
                 clean_language(language), status.value, int(bool(hits)), device_id,
                 client_request_id, now, now],
            ))
    except EventFileError:
        # Two copies of one retry racing: the other one won, and that is the question.
        existing = (_by_request_id(ef, session_id, client_request_id)
                    if client_request_id else None)
        if existing:
            return existing, False
        raise
    return get_question(ef, question_id), True


def stored_request(ef: EventFile, session_id: int, request_id: str) -> Question | None:
    """The question a phone already sent with this client request id, if any."""
    return _by_request_id(ef, session_id, request_id)


def _by_request_id(ef: EventFile, session_id: int, request_id: str) -> Question | None:
    row = ef.db.execute(f"{_SELECT} WHERE session_id = ? AND client_request_id = ?",
                        [session_id, request_id]).fetchone()
    return _question(row) if row else None


def add_vote(ef: EventFile, question_id: int, device_id: str, *, now: float) -> Question:
    """One upvote per device on a question the audience can see; repeats change nothing.
    A vote for a question merged into another counts for the one it now lives under (a
    phone may still show the old one)."""
    question = get_question(ef, question_id)
    for _ in range(8):  # merged into a question merged later: follow, but never in a loop
        if question.merged_into is None:
            break
        question = get_question(ef, question.merged_into)
    question_id = question.id
    if question.status not in VISIBLE_STATUSES:
        raise QuestionError("this question is not open for votes")
    if not device_id:
        raise QuestionError("this phone has no device id")
    if ef.db.execute("SELECT 1 FROM votes WHERE question_id = ? AND device_id = ?",
                     [question_id, device_id]).fetchone():
        return question
    with ef.action("question_voted", question.session_id, question_id=question_id):
        try:
            ef.db.execute("INSERT INTO votes (question_id, device_id, created_at) "
                          "VALUES (?, ?, ?)", [question_id, device_id, now])
        except sqlite3.IntegrityError:
            pass
        _recount(ef, question_id, now)
    return get_question(ef, question_id)


def voted_ids(ef: EventFile, session_id: int, device_id: str) -> set[int]:
    """The questions of a session this device has upvoted."""
    rows = ef.db.execute(
        "SELECT v.question_id FROM votes v JOIN questions q ON q.id = v.question_id "
        "WHERE q.session_id = ? AND v.device_id = ?", [session_id, device_id]).fetchall()
    return {row[0] for row in rows}


def device_votes(ef: EventFile, session_id: int,
                 device_id: str) -> list[tuple[int, int, QuestionStatus]]:
    """The questions of a session this device has upvoted, as (id, votes, status): a
    phone's own votes and their counts in one lookup by device (``votes_by_device``)."""
    # CROSS JOIN makes SQLite start from the device's votes (its documented way to fix the
    # order): from the session's questions it would probe every one of them.
    rows = ef.db.execute(
        "SELECT q.id, q.votes, q.status FROM votes v CROSS JOIN questions q "
        "ON q.id = v.question_id WHERE v.device_id = ? AND q.session_id = ?",
        [device_id, session_id]).fetchall()
    return [(row[0], row[1], QuestionStatus(row[2])) for row in rows]


def device_questions(ef: EventFile, session_id: int, device_id: str) -> list[Question]:
    """What this phone asked, newest first."""
    rows = ef.db.execute(
        f"{_SELECT} WHERE session_id = ? AND device_id = ? ORDER BY created_at DESC, id DESC",
        [session_id, device_id]).fetchall()
    return [_question(row) for row in rows]


def on_screen_question(ef: EventFile, session_id: int) -> Question | None:
    row = ef.db.execute(f"{_SELECT} WHERE session_id = ? AND on_screen = 1",
                        [session_id]).fetchone()
    return _question(row) if row else None


def _recount(ef: EventFile, question_id: int, now: float) -> None:
    ef.db.execute(
        "UPDATE questions SET votes = (SELECT COUNT(*) FROM votes WHERE question_id = ?), "
        "updated_at = ? WHERE id = ?", [question_id, now, question_id])


# --- moderation (GUI only) ----------------------------------------------------------------


def _set(ef: EventFile, question_id: int, action: str, now: float, **values: Any) -> Question:
    question = get_question(ef, question_id)
    assignments = ", ".join(f"{key} = ?" for key in values)
    with ef.action(action, question.session_id, question_id=question_id):
        ef.db.execute(f"UPDATE questions SET {assignments}, updated_at = ? WHERE id = ?",
                      [*values.values(), now, question_id])
    return get_question(ef, question_id)


def approve_question(ef: EventFile, question_id: int, *, now: float) -> Question:
    return _set(ef, question_id, "question_approved", now,
                status=QuestionStatus.APPROVED.value, flagged=0)


def reject_question(ef: EventFile, question_id: int, *, now: float) -> Question:
    return _set(ef, question_id, "question_rejected", now,
                status=QuestionStatus.REJECTED.value, on_screen=0)


def return_to_pending(ef: EventFile, question_id: int, *, now: float) -> Question:
    return _set(ef, question_id, "question_reopened", now,
                status=QuestionStatus.PENDING.value)


def edit_question(ef: EventFile, question_id: int, text: str, *, now: float) -> Question:
    """Change the wording (the phone's original is kept in ``original_text``)."""
    try:
        cleaned = clean_question(text)
    except QuestionError as error:
        raise EventFileError(str(error)) from None
    return _set(ef, question_id, "question_edited", now, text=cleaned)


def star_question(ef: EventFile, question_id: int, starred: bool, *, now: float) -> Question:
    return _set(ef, question_id, "question_starred" if starred else "question_unstarred",
                now, starred=int(starred))


def mark_answered(ef: EventFile, question_id: int, answered_by: str, *,
                  now: float) -> Question:
    try:
        by = clean_name(answered_by, "speaker's name")
    except QuestionError as error:
        raise EventFileError(str(error)) from None
    return _set(ef, question_id, "question_answered", now,
                status=QuestionStatus.ANSWERED.value, answered_by=by)


def set_on_screen(ef: EventFile, session_id: int, question_id: int | None, *,
                  now: float) -> None:
    """Put one question on screen (projector and phones), or none; only one at a time."""
    if question_id is not None:
        question = get_question(ef, question_id)
        if question.session_id != session_id:
            raise EventFileError("that question belongs to another session")
        if question.status in (QuestionStatus.REJECTED, QuestionStatus.MERGED):
            raise EventFileError("approve the question before putting it on screen")
    with ef.action("question_on_screen", session_id, question_id=question_id):
        ef.db.execute("UPDATE questions SET on_screen = 0, updated_at = ? "
                      "WHERE session_id = ? AND on_screen = 1", [now, session_id])
        if question_id is not None:
            # Showing a pending question approves it (and clears its review flag, as
            # approving does): it is now public anyway.
            ef.db.execute(
                "UPDATE questions SET on_screen = 1, updated_at = ?, status = CASE "
                "WHEN status = 'pending' THEN 'approved' ELSE status END, flagged = CASE "
                "WHEN status = 'pending' THEN 0 ELSE flagged END WHERE id = ?",
                [now, question_id])


def merge_questions(ef: EventFile, keep_id: int, other_ids: Iterable[int], *,
                    now: float) -> Question:
    """Fold duplicates into the question ``keep_id``; they become "merged" into it.

    The kept question keeps its wording, asker and addressee (or takes the addressee of
    the first duplicate, in ``survivor_order``, that has one when it has none). Every
    device that voted for any of them, and each duplicate's asker, counts once on it; the
    duplicates' votes move with them, so no phone is counted twice anywhere. A duplicate
    on screen hands the screen to the kept question. Raises EventFileError for fewer than
    two questions or questions of different sessions.
    """
    keep = get_question(ef, keep_id)
    others = [get_question(ef, qid) for qid in dict.fromkeys(other_ids) if qid != keep_id]
    if not others:
        raise EventFileError("choose at least two questions to merge")
    if any(q.session_id != keep.session_id for q in others):
        raise EventFileError("questions from different sessions cannot be merged")
    if keep.status is QuestionStatus.MERGED:
        raise EventFileError("that question was already merged into another one")
    addressed_to = keep.addressed_to or next(
        (q.addressed_to for q in sorted(others, key=survivor_order) if q.addressed_to), "")
    on_screen = keep.on_screen or any(q.on_screen for q in others)
    with ef.action("questions_merged", keep.session_id, into=keep_id,
                   merged=[q.id for q in others],
                   before={"addressed_to": keep.addressed_to, "status": keep.status.value,
                           "votes": {q.id: q.votes for q in (keep, *others)}}):
        for other in others:
            # A device that voted for both counts once; the duplicate keeps no votes.
            ef.db.execute(
                "INSERT OR IGNORE INTO votes (question_id, device_id, created_at) "
                "SELECT ?, device_id, created_at FROM votes WHERE question_id = ?",
                [keep_id, other.id])
            ef.db.execute("DELETE FROM votes WHERE question_id = ?", [other.id])
            # The asker of a duplicate supports the kept question too (unless it is theirs).
            if other.device_id and other.device_id != keep.device_id:
                ef.db.execute("INSERT OR IGNORE INTO votes (question_id, device_id, created_at) "
                              "VALUES (?, ?, ?)", [keep_id, other.device_id, now])
            ef.db.execute(
                "UPDATE questions SET status = 'merged', merged_into = ?, on_screen = 0, "
                "votes = 0, updated_at = ? WHERE id = ?", [keep_id, now, other.id])
            ef.db.execute("UPDATE questions SET merged_into = ? WHERE merged_into = ?",
                          [keep_id, other.id])
        ef.db.execute("UPDATE questions SET addressed_to = ?, on_screen = ? WHERE id = ?",
                      [addressed_to, int(on_screen), keep_id])
        if keep.status in (QuestionStatus.PENDING, QuestionStatus.REJECTED):
            # Chosen to stand for the others: the audience may now see and vote for it.
            ef.db.execute("UPDATE questions SET status = 'approved', flagged = 0 WHERE id = ?",
                          [keep_id])
        _recount(ef, keep_id, now)
    return get_question(ef, keep_id)


def votes_after_merge(ef: EventFile, keep_id: int, other_ids: Iterable[int]) -> int:
    """How many votes ``merge_questions`` would give the kept question: each device that
    voted for any of them, and each duplicate's asker (but the kept one's), once."""
    keep = get_question(ef, keep_id)
    others = [qid for qid in dict.fromkeys(other_ids) if qid != keep_id]
    ids = [keep_id, *others]
    row = ef.db.execute(
        f"SELECT COUNT(*) FROM ("
        f"SELECT device_id FROM votes WHERE question_id IN ({', '.join('?' for _ in ids)}) "
        f"UNION SELECT device_id FROM questions WHERE id IN "
        f"({', '.join('?' for _ in others) or 'NULL'}) AND device_id NOT IN ('', ?))",
        [*ids, *others, keep.device_id]).fetchone()
    return int(row[0])
