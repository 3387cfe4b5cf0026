"""Everything a session's printed summary shows, read once from the event file."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import tzinfo

from facilitator.core import session_clock as plan
from facilitator.core.clock_text import format_duration, format_time_of_day
from facilitator.core.model import Event, Session
from facilitator.core.notes import Note, Summary, prefill_summary, sdg_tags_of
from facilitator.core.statistics import SessionStatistics, planned_seconds, session_statistics
from facilitator.core.timing_log import SpeakerTiming, timing_log
from facilitator.reports.poll_report import PollOutcome, session_polls
from facilitator.store import sessions as session_store
from facilitator.store.event_file import EventFile
from facilitator.store.notes import list_notes
from facilitator.store.question_tags import session_question_tags
from facilitator.store.summaries import (
    QuestionCounts,
    ReportQuestion,
    all_questions,
    answered_questions,
    get_summary,
    question_counts,
    top_unanswered_questions,
)
from facilitator.store.time_zone import event_time_zone

UNANSWERED_SHOWN = 10

# Event-log actions worth a line in the annex timeline (the clock's own moves come from the
# slots, which hold the final, corrected instants).
_NOT_KEPT = {"rejected", "merged"}
_TIMELINE_ACTIONS = {
    "questions_opened": "Audience questions opened",
    "questions_closed": "Audience questions closed",
}


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the report's annex timeline: ``text`` in English, ``key`` and ``values``
    for ``ReportText`` in the report's language."""
    at: float
    text: str
    key: str = ""
    values: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class SessionReport:
    """Plain data for one session's summary: no database, no Qt."""

    event: Event
    session: Session
    summary: Summary
    summary_is_draft: bool  # True when nothing was saved and the summary comes from notes
    notes: tuple[Note, ...]
    answered: tuple[ReportQuestion, ...]
    unanswered: tuple[ReportQuestion, ...]
    counts: QuestionCounts
    statistics: SessionStatistics
    sdgs: tuple[tuple[int, int], ...]
    timeline: tuple[TimelineEntry, ...]
    generated_at: float
    timing: str = ""  # "Scheduled end 11:15; ended 11:19 (4 min behind)." (timing_text)
    # Every question the moderator kept (not rejected, not merged away), oldest first, and
    # the tags of those that have any: "What the audience raised".
    kept_questions: tuple[ReportQuestion, ...] = ()
    question_tags: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    timing_log: tuple[SpeakerTiming, ...] = ()  # the annex "timing log"
    contents_line: str = ""  # the table of contents' line, when not the title (forum)
    polls: tuple[PollOutcome, ...] = ()  # the live polls that ran, with their results

    def speaker_names(self) -> dict[int, str]:
        return speaker_names(self.session)


def speaker_names(session: Session) -> dict[int, str]:
    """Slot id → speaker's name, for note lines."""
    return {slot.id: slot.person.name for slot in session.slots if slot.id is not None}


def current_summary(ef: EventFile, session: Session) -> tuple[Summary, bool]:
    """The saved summary, or a draft made from the notes (and whether it is that draft)."""
    saved = get_summary(ef, session.stored_id)
    if saved is not None and not saved.is_empty():
        return saved, False
    notes = list_notes(ef, session.stored_id)
    return prefill_summary(session, notes, speaker_names(session)), True


def load_session_report(ef: EventFile, session_id: int,
                        now: float | None = None) -> SessionReport:
    """Read one session's report data (raises EventFileError for an unknown session)."""
    now = time.time() if now is None else now
    session = session_store.get_session(ef, session_id)
    notes = tuple(list_notes(ef, session_id))
    summary, is_draft = current_summary(ef, session)
    zone = event_time_zone(ef)
    log = ef.log_entries(session_id)
    return SessionReport(
        event=session_store.get_event(ef),
        session=session,
        summary=summary,
        summary_is_draft=is_draft,
        notes=notes,
        answered=tuple(answered_questions(ef, session_id)),
        unanswered=tuple(top_unanswered_questions(ef, session_id, UNANSWERED_SHOWN)),
        counts=question_counts(ef, session_id),
        statistics=session_statistics(session.slots, now),
        sdgs=tuple(sdg_tags_of(notes)),
        timeline=tuple(_timeline(log, session, now)),
        generated_at=now,
        timing=timing_text(session, now, zone),
        kept_questions=tuple(q for q in all_questions(ef, session_id)
                             if q.status not in _NOT_KEPT),
        question_tags=session_question_tags(ef, session_id),
        timing_log=tuple(timing_log(session, zone, now, log)),
        polls=session_polls(ef, session),
    )


def timing_text(session: Session, now: float, zone: tzinfo) -> str:
    """The session against its plan, by the same rule as the Run tab's session clock.

    The schedule is read on the day the session ran (a report printed the next morning
    still compares with that day's 11:15). Empty before anyone has spoken.
    """
    starts = [s.clock.started_at for s in session.slots if s.clock.started_at is not None]
    if not starts:
        return ""
    schedule = plan.session_schedule(session.starts_at, session.ends_at, min(starts), zone)
    state = plan.session_clock(session.slots, session.current_slot_id, now, schedule)
    planned = ("Scheduled end" if state.basis is plan.PlanBasis.SCHEDULED_END
               else "Planned end")
    done = "ended" if state.ended_at is not None else "projected end"
    return (f"{planned} {format_time_of_day(state.planned_end, zone)}; "
            f"{done} {format_time_of_day(state.projected_end, zone)} "
            f"({plan.describe_schedule(state.minutes_behind * 60)}).")


def _timeline(log: list[dict], session: Session, now: float) -> list[TimelineEntry]:
    entries: list[TimelineEntry] = []
    for slot in session.slots:
        clock = slot.clock
        if clock.started_at is None:
            continue
        name = slot.person.name  # the kind goes as stored: the report words it
        entries.append(TimelineEntry(clock.started_at, f"{name} starts ({slot.kind.label})",
                                     "starts", (("name", name), ("kind", slot.kind.value))))
        if clock.ended_at is not None:
            spoken = format_duration(clock.elapsed(now))
            planned = format_duration(planned_seconds(slot, now))
            entries.append(TimelineEntry(
                clock.ended_at, f"{name} ends after {spoken} (planned {planned})", "ends",
                (("name", name), ("spoken", spoken), ("planned", planned))))
    for entry in log:
        label = _TIMELINE_ACTIONS.get(entry["action"])
        if label:
            entries.append(TimelineEntry(entry["at"], label, entry["action"]))
    return sorted(entries, key=lambda e: e.at)

