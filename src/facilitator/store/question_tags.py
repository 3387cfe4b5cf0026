"""The tags of audience questions (table ``question_tags``, migration 0006)."""

from __future__ import annotations

from collections.abc import Iterable

from facilitator.core.question_tags import clean_tags
from facilitator.store.event_file import EventFile, EventFileError
from facilitator.store.questions import get_question


def question_tags(ef: EventFile, question_id: int) -> tuple[str, ...]:
    """One question's tags in the order they were given."""
    rows = ef.db.execute("SELECT tag FROM question_tags WHERE question_id = ? "
                         "ORDER BY position, tag", [question_id]).fetchall()
    return tuple(row[0] for row in rows)


def session_question_tags(ef: EventFile, session_id: int) -> dict[int, tuple[str, ...]]:
    """question id → its tags, for every tagged question of the session."""
    rows = ef.db.execute(
        "SELECT t.question_id, t.tag FROM question_tags t JOIN questions q "
        "ON q.id = t.question_id WHERE q.session_id = ? ORDER BY t.question_id, t.position, "
        "t.tag", [session_id]).fetchall()
    tags: dict[int, list[str]] = {}
    for question_id, tag in rows:
        tags.setdefault(question_id, []).append(tag)
    return {question_id: tuple(values) for question_id, values in tags.items()}


def set_question_tags(ef: EventFile, question_id: int, tags: Iterable[object], *,
                      role: str = "moderator", known: Iterable[str] = ()) -> tuple[str, ...]:
    """Replace a question's tags, cleaned by core.question_tags.clean_tags (``known``: the
    tag choices whose spelling wins), committed with a log line saying who, and the tags
    before, for undo. Raises EventFileError for an unknown question or a bad tag."""
    try:
        cleaned = clean_tags(tags, known)
    except ValueError as error:
        raise EventFileError(str(error)) from None
    question = get_question(ef, question_id)
    before = question_tags(ef, question_id)
    with ef.action("question_tagged", question.session_id, question_id=question_id,
                   tags=list(cleaned), before=list(before), role=role):
        ef.db.execute("DELETE FROM question_tags WHERE question_id = ?", [question_id])
        ef.db.conn.executemany(
            "INSERT INTO question_tags (question_id, tag, position) VALUES (?, ?, ?)",
            [(question_id, tag, position) for position, tag in enumerate(cleaned)])
    return cleaned
