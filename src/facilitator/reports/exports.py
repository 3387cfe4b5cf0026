"""Exports for spreadsheets and scripts: the agenda, questions, notes, the timing log and
poll results as .xlsx, CSV (UTF-8 with a BOM) or JSON, and the session summary as Markdown.

Every time is ISO 8601 with the event zone's UTC offset ("2026-05-18T10:05:09+02:00"), so a
file read on another continent still says when things happened at the venue.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections.abc import Sequence
from datetime import tzinfo
from pathlib import Path
from typing import Any

from facilitator.core.agenda import agenda_to_json, slot_table
from facilitator.core.event_time import iso_time, wall_time_with_offset, zone_label
from facilitator.core.model import Session
from facilitator.core.notes import Summary, note_speaker, summary_points
from facilitator.core.timing_log import timing_log
from facilitator.reports.poll_report import (
    POLL_FIELDS,
    PollOutcome,
    poll_documents,
    poll_rows,
    session_polls,
)
from facilitator.reports.session_report import speaker_names
from facilitator.reports.spreadsheets import Sheet, csv_file, csv_text, xlsx_file
from facilitator.reports.whole_file import write_bytes_whole
from facilitator.store import sessions as session_store
from facilitator.store.agenda_io import current_agenda
from facilitator.store.event_file import EventFile, EventFileError
from facilitator.store.notes import list_notes
from facilitator.store.summaries import all_questions
from facilitator.store.time_zone import event_time_zone

NOTE_FIELDS = ("id", "time", "speaker", "kind", "text", "tags")
QUESTION_FIELDS = ("id", "time", "text", "author", "organisation", "addressed_to", "status",
                   "votes", "answered_by")
TIMING_FIELDS = ("order", "speaker", "affiliation", "kind", "status", "planned_start",
                 "actual_start", "planned_end", "actual_end", "planned_seconds",
                 "spoken_seconds", "difference_seconds", "paused_seconds", "pauses",
                 "adjusted_seconds", "adjustments")
SESSION_FIELDS = ("number", "title", "room", "starts_at", "ends_at", "moderator",
                  "rapporteur", "guiding_questions", "themes", "description")

# What can be exported, and in which formats (the first is the default).
EXPORTS = {
    "agenda": ("json", "csv", "xlsx"),
    "questions": ("csv", "json", "xlsx"),
    "notes": ("csv", "json", "xlsx"),
    "timing": ("csv", "json", "xlsx"),
    "polls": ("csv", "json", "xlsx"),
}


def _iso(at: float | None, zone: tzinfo) -> str:
    return iso_time(at, zone) if at is not None else ""


def note_rows(ef: EventFile, session: Session) -> list[dict[str, Any]]:
    zone = event_time_zone(ef)
    speakers = speaker_names(session)
    return [
        {"id": n.id, "time": _iso(n.created_at, zone),
         "speaker": note_speaker(n, speakers),
         "kind": n.kind.value, "text": n.text, "tags": list(n.tags)}
        for n in list_notes(ef, session.stored_id)
    ]


def question_rows(ef: EventFile, session: Session) -> list[dict[str, Any]]:
    zone = event_time_zone(ef)
    return [
        {"id": q.id, "time": _iso(q.created_at, zone), "text": q.text, "author": q.author,
         "organisation": q.organisation, "addressed_to": q.addressed_to, "status": q.status,
         "votes": q.votes, "answered_by": q.answered_by}
        for q in all_questions(ef, session.stored_id)
    ]


def timing_rows(ef: EventFile, session: Session, now: float | None = None
                ) -> list[dict[str, Any]]:
    """Each speaker's planned against actual start, end and duration (seconds), with the
    number and length of pauses and the time given (+) or taken (-) by the moderator."""
    zone = event_time_zone(ef)
    now = time.time() if now is None else now
    log = ef.log_entries(session.id)
    return [
        {"order": t.order, "speaker": t.name, "affiliation": t.affiliation, "kind": t.kind,
         "status": t.status, "planned_start": _iso(t.planned_start, zone),
         "actual_start": _iso(t.started_at, zone), "planned_end": _iso(t.planned_end, zone),
         "actual_end": _iso(t.ended_at, zone), "planned_seconds": round(t.planned_seconds),
         "spoken_seconds": round(t.spoken_seconds),
         "difference_seconds": round(t.difference_seconds),
         "paused_seconds": round(t.paused_seconds), "pauses": t.pauses,
         "adjusted_seconds": round(t.adjusted_seconds), "adjustments": t.adjustments}
        for t in timing_log(session, zone, now, log)
    ]


def as_json(session: Session, key: str, rows: list[dict[str, Any]],
            time_zone: str = "") -> str:
    document: dict[str, Any] = {"session": {"id": session.id, "title": session.title}}
    if time_zone:
        document["time_zone"] = time_zone
    document[key] = rows
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def as_csv(rows: list[dict[str, Any]], fields: tuple[str, ...]) -> str:
    """CSV for spreadsheets; list cells (tags) are joined with "; ", formulas defused."""
    return csv_text(_sheet("", fields, rows))


def _sheet(title: str, fields: Sequence[str], rows: list[dict[str, Any]]) -> Sheet:
    return Sheet(title, tuple(fields), [[row.get(field) for field in fields] for row in rows])


def _agenda_sheets(ef: EventFile) -> list[Sheet]:
    agenda = current_agenda(ef)
    zone = event_time_zone(ef)
    header, *slots = slot_table(agenda.sessions,
                                lambda wall_time: wall_time_with_offset(wall_time, zone))
    sessions = [[number, s.title, s.room, wall_time_with_offset(s.starts_at, zone),
                 wall_time_with_offset(s.ends_at, zone), s.moderator, s.rapporteur,
                 # One a line: a guiding question may hold "; " (the import splits lines)
                 "\n".join(s.guiding_questions), "\n".join(s.themes), s.description]
                for number, s in enumerate(agenda.sessions, 1)]
    # The slots sheet comes first; an agenda import reads both back (the Sessions sheet
    # gives rooms, people, questions, order and the sessions with no speakers yet).
    return [Sheet("Agenda", header, slots), Sheet("Sessions", SESSION_FIELDS, sessions)]


def _session_rows(ef: EventFile, what: str, session: Session) -> tuple[tuple[str, ...], list]:
    if what == "questions":
        return QUESTION_FIELDS, question_rows(ef, session)
    if what == "notes":
        return NOTE_FIELDS, note_rows(ef, session)
    if what == "polls":
        return POLL_FIELDS, poll_rows(session_polls(ef, session))
    return TIMING_FIELDS, timing_rows(ef, session)


def export_data(ef: EventFile, what: str, fmt: str, session_id: int | None = None, *,
                for_file: bool = True) -> bytes | str:
    """An export as a file's bytes (``for_file``: CSV with a BOM, .xlsx) or as text for a
    terminal (CSV without a BOM, JSON). ``what`` is a key of EXPORTS; the session exports
    take ``session_id`` (default: the first session). Raises EventFileError for an unknown
    session or a format that does not fit."""
    if what not in EXPORTS or fmt not in EXPORTS[what]:
        formats = " or ".join(EXPORTS.get(what, ()))
        raise EventFileError(f"cannot export the {what} as {fmt!r}: use {formats}")
    if fmt == "xlsx" and not for_file:
        raise EventFileError("a workbook (.xlsx) can only be written to a file: add -o FILE")
    zone = event_time_zone(ef)
    event = session_store.get_event(ef)
    description = f"{event.title} — times in {zone_label(zone, time.time())}"
    if what == "agenda":
        if fmt == "json":
            text = agenda_to_json(current_agenda(ef))
            return text.encode("utf-8") if for_file else text
        sheets = _agenda_sheets(ef)
        title = f"{event.title} — agenda"
    else:
        session = _session(ef, session_id)
        fields, rows = _session_rows(ef, what, session)
        if fmt == "json" and what == "polls":  # results and answers, not table rows
            rows = poll_documents(session_polls(ef, session))
        if fmt == "json":
            text = as_json(session, what, rows, zone.key)
            return text.encode("utf-8") if for_file else text
        sheets = [_sheet(what.capitalize(), fields, rows)]
        title = f"{session.title} — {what}"
    if fmt == "xlsx":
        return xlsx_file(sheets, title=title, description=description)
    return csv_file(sheets[0]) if for_file else csv_text(sheets[0])


def write_export(ef: EventFile, what: str, fmt: str, path: Path,
                 session_id: int | None = None) -> None:
    """Write an export to ``path`` whole or not at all (through a partial file beside it).
    Raises EventFileError (nothing to export, unknown format, cannot write)."""
    data = export_data(ef, what, fmt, session_id)
    assert isinstance(data, bytes)
    write_bytes_whole(path, data)


def _session(ef: EventFile, session_id: int | None) -> Session:
    return session_store.session_or_first(ef, session_id, what="to export")


def summary_markdown(session: Session, summary: Summary, event_title: str = "",
                     zone: tzinfo | None = None, polls: Sequence[PollOutcome] = ()) -> str:
    """The summary as Markdown, sections in print order, then the live polls that ran
    (``reports.poll_report.session_polls``); the start carries the event zone's offset
    when ``zone`` is given."""
    def points(text: str) -> list[str]:
        found = summary_points(text)
        return [f"- {_md(p)}" for p in found] if found else ["_None recorded._"]

    lines = []
    if _md(event_title):
        lines += [f"_{_md(event_title)}_", ""]
    lines += [f"# {_md(session.title)}", ""]
    starts = wall_time_with_offset(session.starts_at, zone) if zone else session.starts_at
    facts = (("Room", session.room), ("Starts", starts),
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
    if polls:
        lines += ["## Live polls", ""]
        for outcome in polls:
            lines += poll_markdown(outcome)
    return "\n".join(lines)


_KIND_WORDS = {"single": "single choice", "multiple": "multiple choice", "rating": "rating",
               "ranking": "ranking", "words": "word cloud", "text": "open text"}


def poll_markdown(outcome: PollOutcome) -> list[str]:
    """One poll's results as Markdown lines: counts and percentages in a table (ratings,
    choices), average positions (rankings), words with their counts, texts as a list."""
    poll, results = outcome.poll, outcome.results
    kind = _KIND_WORDS[poll.kind.value]
    if poll.scale:
        kind += f" 1–{poll.scale}"
    answers = "1 answer" if results.answers == 1 else f"{results.answers} answers"
    lines = [f"### {_md(poll.question)}", "", f"_{kind}, {answers}_", ""]
    if results.bars:
        lines += ["| Answer | Count | Percent |", "|---|---:|---:|"]
        lines += [f"| {_md(b.label)} | {b.count} | {b.percent:.0f} % |" for b in results.bars]
        lines.append("")
        if results.average is not None:
            lines += [f"Average rating: {results.average:.2f}", ""]
    if results.ranking:
        lines += ["| Rank | Option | Average position |", "|---:|---|---:|"]
        lines += [f"| {n} | {_md(r.label)} | {r.average_position:.2f} |"
                  for n, r in enumerate(results.ranking, 1)]
        lines.append("")
    if results.words:
        lines += ["| Word | Count |", "|---|---:|"]
        lines += [f"| {_md(w.word)} | {w.count} |" for w in results.words]
        lines.append("")
    if results.held_back:
        lines += [f"_Held back by the watch words: {results.held_back}._", ""]
    if results.texts:
        lines += [f"- {_md(text)}" for text in results.texts] + [""]
    return lines


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
