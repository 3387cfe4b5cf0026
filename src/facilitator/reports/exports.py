"""Notes and questions as CSV or JSON, and the session summary as Markdown."""

from __future__ import annotations

import csv
import io
import json
import re
import time
import unicodedata
from typing import Any

from facilitator.core.model import Session
from facilitator.core.notes import Summary, summary_points
from facilitator.reports.session_report import speaker_names
from facilitator.store.event_file import EventFile
from facilitator.store.notes import list_notes
from facilitator.store.summaries import all_questions

NOTE_FIELDS = ("id", "time", "speaker", "kind", "text", "tags")
QUESTION_FIELDS = ("id", "time", "text", "author", "organisation", "addressed_to", "status",
                   "votes", "answered_by")


def _iso(at: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(at))


def note_rows(ef: EventFile, session: Session) -> list[dict[str, Any]]:
    speakers = speaker_names(session)
    return [
        {"id": n.id, "time": _iso(n.created_at),
         "speaker": speakers.get(n.slot_id, "") if n.slot_id is not None else "",
         "kind": n.kind.value, "text": n.text, "tags": list(n.tags)}
        for n in list_notes(ef, session.id)
    ]


def question_rows(ef: EventFile, session: Session) -> list[dict[str, Any]]:
    return [
        {"id": q.id, "time": _iso(q.created_at), "text": q.text, "author": q.author,
         "organisation": q.organisation, "addressed_to": q.addressed_to, "status": q.status,
         "votes": q.votes, "answered_by": q.answered_by}
        for q in all_questions(ef, session.id)
    ]


def as_json(session: Session, key: str, rows: list[dict[str, Any]]) -> str:
    document = {"session": {"id": session.id, "title": session.title}, key: rows}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def as_csv(rows: list[dict[str, Any]], fields: tuple[str, ...]) -> str:
    """CSV for spreadsheets; list cells (tags) are joined with "; "."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "; ".join(v) if isinstance(v, list) else _safe_cell(v)
                         for k, v in row.items()})
    return out.getvalue()


def _safe_cell(value: Any) -> Any:
    # A cell starting with = + - @ is a formula to a spreadsheet: audience text must not run.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def summary_markdown(session: Session, summary: Summary, event_title: str = "") -> str:
    """The summary as Markdown, sections in print order."""
    def points(text: str) -> list[str]:
        found = summary_points(text)
        return [f"- {_md(p)}" for p in found] if found else ["_None recorded._"]

    lines = []
    if _md(event_title):
        lines += [f"_{_md(event_title)}_", ""]
    lines += [f"# {_md(session.title)}", ""]
    facts = (("Room", session.room), ("Starts", session.starts_at),
             ("Moderator", session.moderator), ("Rapporteur", session.rapporteur))
    lines += [f"- **{label}:** {_md(value)}" for label, value in facts if value]
    lines += ["", "## Key messages", "", *points(summary.key_messages), "",
              "## Answers to the guiding questions", ""]
    for index, question in enumerate(session.guiding_questions):
        lines += [f"### Q{index + 1}. {_md(question)}", "", *points(summary.answer(index)), ""]
    for title, text in (("Recommendations", summary.recommendations),
                        ("Commitments", summary.commitments),
                        ("Way forward", summary.way_forward)):
        lines += [f"## {title}", "", *points(text), ""]
    return "\n".join(lines)


# "&" only where it would start an entity ("&amp;" would show as "&").
_MD_INLINE = re.compile(r"([\\`*_\[\]<>#|~]|&(?=#?\w+;))")
_MD_BLOCK_START = re.compile(r"^(\d+)([.)])|^([-+=>])")


def _is_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc"


def _md(text: str) -> str:
    """Plain text that Markdown shows as typed, on one line.

    No accidental emphasis, link, HTML, entity or strikethrough; and no list, quote or
    heading from how the text begins. Control characters are dropped (Markdown readers
    would show them as U+FFFD).
    """
    text = " ".join("".join(c for c in text if c.isspace() or not _is_control(c)).split())
    text = _MD_INLINE.sub(r"\\\1", text)
    return _MD_BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)
