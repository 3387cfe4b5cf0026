"""Session summaries in the event file, and the audience questions a report prints.

The questions table belongs to the questions module; reports only read it here, with
plain SELECTs, so printing never depends on the phone server's code.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from facilitator.core.notes import Summary, changed_sections
from facilitator.core.questions import QuestionStatus
from facilitator.store.event_file import EventFile
from facilitator.store.questions import question_counts as status_counts


def get_summary(ef: EventFile, session_id: int) -> Summary | None:
    """The saved summary, or None if the rapporteur has not written one yet."""
    saved = get_summary_with_revisions(ef, session_id)
    return None if saved is None else saved[0]


def get_summary_with_revisions(ef: EventFile, session_id: int
                               ) -> tuple[Summary, dict[str, int]] | None:
    """The saved summary and each section's revision (a section never saved: absent, i.e.
    revision 0), or None if nothing was saved yet."""
    row = ef.db.execute("SELECT sections, revisions FROM summaries WHERE session_id = ?",
                        [session_id]).fetchone()
    if row is None:
        return None
    return Summary.from_json(_json_object(row[0])), _revisions(_json_object(row[1]))


def _json_object(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except (ValueError, TypeError):
        data = {}
    return data if isinstance(data, dict) else {}


def _revisions(data: dict[str, Any]) -> dict[str, int]:
    return {str(k): v for k, v in data.items() if isinstance(v, int) and v >= 0}


def save_summary(ef: EventFile, session_id: int, summary: Summary,
                 at: float | None = None) -> dict[str, int]:
    """Store the whole summary of a session, committed at once; every section whose text
    changed gets the next revision. Returns the sections' revisions as now stored."""
    saved = get_summary_with_revisions(ef, session_id)
    before, revisions = saved if saved is not None else (Summary(), {})
    for key in changed_sections(before, summary):
        revisions[key] = revisions.get(key, 0) + 1
    sections = json.dumps(summary.to_json(), ensure_ascii=False)
    with ef.action("summary_edited", session_id):
        ef.db.execute(
            "INSERT INTO summaries (session_id, sections, updated_at, revisions) "
            "VALUES (?, ?, ?, ?) "
            "ON CONFLICT(session_id) DO UPDATE SET sections = excluded.sections, "
            "updated_at = excluded.updated_at, revisions = excluded.revisions",
            [session_id, sections, time.time() if at is None else at,
             json.dumps(revisions, sort_keys=True)],
        )
    return revisions


# --- audience questions, as a report sees them ---------------------------------------------


@dataclass(frozen=True)
class ReportQuestion:
    """An audience question as printed: text, who asked, votes, who answered."""

    id: int
    text: str
    author: str
    organisation: str
    addressed_to: str
    status: str
    votes: int
    answered_by: str
    created_at: float


@dataclass(frozen=True)
class QuestionCounts:
    """How many audience questions a session had, by outcome, for the report."""
    received: int = 0
    answered: int = 0
    approved_open: int = 0
    pending: int = 0
    not_selected: int = 0
    merged: int = 0


_QUESTION_SELECT = (
    "SELECT id, text, author, organisation, addressed_to, status, votes, answered_by, "
    "created_at FROM questions "
)


def answered_questions(ef: EventFile, session_id: int) -> list[ReportQuestion]:
    """Answered questions in the order they were asked."""
    rows = ef.db.execute(
        _QUESTION_SELECT + "WHERE session_id = ? AND status = 'answered' "
        "ORDER BY created_at, id", [session_id]).fetchall()
    return [ReportQuestion(*row) for row in rows]


def top_unanswered_questions(ef: EventFile, session_id: int,
                             limit: int = 10) -> list[ReportQuestion]:
    """The most-voted questions the moderator approved but nobody answered.

    Pending questions were never moderated, so they are not printed.
    """
    rows = ef.db.execute(
        _QUESTION_SELECT + "WHERE session_id = ? AND status = 'approved' "
        "AND merged_into IS NULL AND flagged = 0 ORDER BY votes DESC, created_at, id LIMIT ?",
        [session_id, limit]).fetchall()
    return [ReportQuestion(*row) for row in rows]


def all_questions(ef: EventFile, session_id: int) -> list[ReportQuestion]:
    """Every question of the session (for exports), oldest first."""
    rows = ef.db.execute(_QUESTION_SELECT + "WHERE session_id = ? ORDER BY created_at, id",
                         [session_id]).fetchall()
    return [ReportQuestion(*row) for row in rows]


def question_counts(ef: EventFile, session_id: int) -> QuestionCounts:
    """The report's question counts, from the moderation list's own count by status."""
    by_status = status_counts(ef, session_id)
    return QuestionCounts(
        received=sum(by_status.values()),
        answered=by_status[QuestionStatus.ANSWERED],
        approved_open=by_status[QuestionStatus.APPROVED],
        pending=by_status[QuestionStatus.PENDING],
        not_selected=by_status[QuestionStatus.REJECTED],
        merged=by_status[QuestionStatus.MERGED],
    )
