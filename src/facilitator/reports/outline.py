"""What a session's report says, section by section, before it is a PDF or a Word file.

``session_outline`` turns a ``SessionReport`` into plain blocks (headings, paragraphs,
bullets, tables, charts) in the report's language; ``summary_pdf`` and ``summary_docx`` lay
the same blocks out, so the two documents always have the same sections.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from facilitator.core.clock_text import format_duration as _duration
from facilitator.core.event_time import clock_time, event_zone, wall_time_instant, zone_label
from facilitator.core.notes import (
    Note,
    NoteKind,
    note_speaker,
    sdg_number,
    summary_points,
    tag_label,
)
from facilitator.core.polls import PollKind
from facilitator.core.question_tags import TagGroups, group_tags, tagged
from facilitator.core.statistics import UNSPECIFIED, SpeakingTime, planned_seconds
from facilitator.reports.charts import (
    MAX_ROWS,
    BarChart,
    planned_actual_charts,
    poll_chart,
    speaking_chart,
)
from facilitator.reports.report_text import ReportText
from facilitator.reports.session_report import SessionReport


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 2: a section, 3: a part of one


@dataclass(frozen=True)
class Text:
    text: str
    muted: bool = False
    bold: bool = False


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Fields:
    """Label–value rows (the header of a session)."""
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Grid:
    """A table with a header row; ``widths`` are fractions of the text width."""
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    right: tuple[int, ...] = ()  # columns of numbers
    total_row: bool = False  # the last row sums the others (printed bold)


@dataclass(frozen=True)
class Chart:
    chart: BarChart


@dataclass(frozen=True)
class Together:
    """Blocks kept on one page when they fit (a small table with its heading)."""
    blocks: tuple[Block, ...] = field(default_factory=tuple)


Block = Heading | Text | Bullets | Fields | Grid | Chart | Together


def session_when(starts_at: str, ends_at: str, not_set: str = "not set",
                 language: str = "en") -> tuple[str, str]:
    """("Monday 18 May 2026", "10:00–11:15") from the session's ISO local times; in other
    languages the date in their words, without the weekday ("18 mai 2026")."""
    def parse(value: str) -> datetime | None:
        try:
            return datetime.fromisoformat(value) if value else None
        except ValueError:
            return None

    start, end = parse(starts_at), parse(ends_at)
    if start is None:
        return starts_at or not_set, ""
    hours = f"{start:%H:%M}" + (f"–{end:%H:%M}" if end else "")
    day = ReportText(language).date(start)
    return (f"{start:%A} {day}" if language == "en" else day), hours


def zone_caption(report: SessionReport, at: float | None = None) -> str:
    """The event's zone with its offset at ``at`` ("Europe/Paris, UTC+02:00")."""
    zone = event_zone(report.event.time_zone)
    at = at or wall_time_instant(report.session.starts_at, zone) or report.generated_at
    return zone_label(zone, at)


def session_outline(report: SessionReport, text: ReportText) -> list[Block]:
    """Every section after the session's title, in print order."""
    blocks: list[Block] = [_header(report, text)]
    for part in (_participants, _summary, _questions, _raised, _polls, _statistics,
                 _notes_by_tag,
                 _quotes, _timeline, _timing_log):
        blocks += part(report, text)
    return blocks


def _header(report: SessionReport, t: ReportText) -> Fields:
    session = report.session
    day, hours = session_when(session.starts_at, session.ends_at, t("not_set"), t.language)
    if hours:  # a reader elsewhere must know whose clock these are
        hours += f" ({zone_caption(report)})"
    return Fields(tuple((label, value or "—") for label, value in (
        (t("event"), report.event.title), (t("date"), day), (t("time"), hours),
        (t("room"), session.room), (t("moderator"), session.moderator),
        (t("rapporteur"), session.rapporteur))))


def _participants(report: SessionReport, t: ReportText) -> list[Block]:
    now = report.generated_at
    rows = []
    for slot in report.session.slots:
        person = slot.person
        started = slot.clock.started_at is not None
        rows.append((person.name, person.role, person.organisation,
                     t.stored(person.constituency),
                     _duration(planned_seconds(slot, now)),
                     _duration(slot.clock.elapsed(now)) if started else "—"))
    stats = report.statistics
    rows.append((t("total"), "", "", "", _duration(stats.planned_total),
                 _duration(stats.actual_total)))
    return [Heading(t("participants"), 2),
            Grid((t("name"), t("role"), t("organisation"), t("constituency"), t("planned"),
                  t("actual")), tuple(rows), (0.22, 0.16, 0.22, 0.2, 0.1, 0.1),
                 right=(4, 5), total_row=True)]


def _points(text: str, t: ReportText) -> list[Block]:
    points = summary_points(text)
    return [Bullets(tuple(points))] if points else [Text(t("none_recorded"), muted=True)]


def _summary(report: SessionReport, t: ReportText) -> list[Block]:
    summary = report.summary
    blocks: list[Block] = [Heading(t("summary"), 2)]
    if report.summary_is_draft:
        blocks.append(Text(t("draft"), muted=True))
    blocks += [Heading(t("key_messages"), 3), *_points(summary.key_messages, t),
               Heading(t("guiding_answers"), 3)]
    questions = report.session.guiding_questions
    if not questions:
        blocks.append(Text(t("no_guiding"), muted=True))
    for index, question in enumerate(questions):
        blocks.append(Together((Text(f"Q{index + 1}. {question}", bold=True),
                                *_points(summary.answer(index), t))))
    for key in ("recommendations", "commitments", "way_forward"):
        blocks += [Heading(t(key), 3), *_points(getattr(summary, key), t)]
    return blocks


def _asker(question, t: ReportText) -> str:
    return ", ".join(p for p in (question.author, question.organisation) if p) or t("anonymous")


def _questions(report: SessionReport, t: ReportText) -> list[Block]:
    blocks: list[Block] = [Heading(t("audience_questions"), 2),
                           Heading(t("answered_n", n=len(report.answered)), 3)]
    widths = (0.5, 0.2, 0.2, 0.1)
    if report.answered:
        blocks.append(Grid((t("question"), t("asked_by"), t("answered_by"), t("votes")),
                           tuple((q.text, _asker(q, t), q.answered_by or "—", str(q.votes))
                                 for q in report.answered), widths, right=(3,)))
    else:
        blocks.append(Text(t("none_answered"), muted=True))
    blocks.append(Heading(t("top_unanswered", n=len(report.unanswered))
                          if report.unanswered else t("not_answered"), 3))
    if report.unanswered:
        blocks.append(Grid((t("question"), t("asked_by"), t("addressed_to"), t("votes")),
                           tuple((q.text, _asker(q, t), q.addressed_to or "—", str(q.votes))
                                 for q in report.unanswered), widths, right=(3,)))
    else:
        blocks.append(Text(t("none_open"), muted=True))
    return blocks


def _group_headings(t: ReportText) -> tuple[tuple[str, str], ...]:
    return (("dialogues", t("dialogues")), ("sdgs", t("sdgs")),
            ("guiding", t("guiding_questions")), ("other", t("other_tags")))


def _by_tag(report: SessionReport, t: ReportText, by_tag: dict[str, list],
            count: Callable[[int], str], line: Callable[[object], str]) -> list[Block]:
    """Level-3 headings per group, then per tag: "label — n items" and the items."""
    groups: TagGroups = group_tags(by_tag)
    blocks: list[Block] = []
    for attribute, heading in _group_headings(t):
        tags = getattr(groups, attribute)
        if not tags:
            continue
        blocks.append(Heading(heading, 3))
        for tag in tags:
            items = by_tag[tag]
            blocks.append(Together((
                Text(f"{_tag_words(tag, report, t)} — {count(len(items))}", bold=True),
                Bullets(tuple(line(item) for item in items)))))
    return blocks


def _tag_words(tag: str, report: SessionReport, t: ReportText) -> str:
    """An SDG in the report's language ("ODD 11 : Villes…"); other tags as core words them."""
    number = sdg_number(tag)
    if number is not None:
        return t.sdg(number)
    return tag_label(tag, report.session)


def _raised(report: SessionReport, t: ReportText) -> list[Block]:
    questions = [q for q in report.kept_questions if report.question_tags.get(q.id)]
    blocks: list[Block] = [Heading(t("audience_raised"), 2)]
    if not questions:
        return blocks + [Text(t("no_tagged_questions"), muted=True)]
    blocks.append(Text(t("audience_raised_intro", tagged=len(questions),
                         total=len(report.kept_questions)), muted=True))
    by_tag = tagged((q, report.question_tags[q.id]) for q in questions)
    return blocks + _by_tag(
        report, t, by_tag, lambda n: t.count(n, "one_question", "n_questions"),
        lambda q: f"{q.text} ({_asker(q, t)}; {t('votes')}: {q.votes})")


def _polls(report: SessionReport, t: ReportText) -> list[Block]:
    """Each poll that ran: counts and percentages (a table and bars) for choices and
    ratings, average positions for rankings, words with their counts, texts as a list."""
    if not report.polls:
        return []
    blocks: list[Block] = [Heading(t("polls"), 2)]
    for outcome in report.polls:
        poll, results = outcome.poll, outcome.results
        kind = t("poll_" + poll.kind.value, scale=poll.scale)
        parts: list[Block] = [Heading(poll.question, 3),
                              Text(t("poll_answers", kind=kind, n=results.answers), muted=True)]
        if results.bars:
            parts.append(Grid((t("answer"), t("count"), t("percent")),
                              tuple((b.label, str(b.count), f"{b.percent:.0f} %")
                                    for b in results.bars), (0.7, 0.15, 0.15), right=(1, 2)))
            parts.append(Chart(poll_chart(poll.question, [(b.label, b.count)
                                                          for b in results.bars],
                                          t("count"))))
            if results.average is not None:
                parts.append(Text(t("average_rating", average=f"{results.average:.2f}")))
        if results.ranking:
            parts.append(Grid((t("rank"), t("option"), t("average_position")),
                              tuple((str(n), r.label, f"{r.average_position:.2f}")
                                    for n, r in enumerate(results.ranking, 1)),
                              (0.1, 0.7, 0.2), right=(0, 2)))
        if results.words:
            top = results.words[:MAX_ROWS]
            parts.append(Grid((t("word"), t("count")),
                              tuple((w.word, str(w.count)) for w in top), (0.8, 0.2),
                              right=(1,)))
            parts.append(Chart(poll_chart(poll.question, [(w.word, w.count) for w in top],
                                          t("count"))))
        if results.held_back:  # open texts are held back whole answers, word clouds words
            held = "held_back_texts" if poll.kind is PollKind.TEXT else "held_back"
            parts.append(Text(t(held, n=results.held_back), muted=True))
        if results.texts:
            parts.append(Bullets(results.texts))
        blocks.append(Together(tuple(parts)))
    return blocks


def _speaking(title: str, rows: Sequence[SpeakingTime], total: float, t: ReportText,
              first_column: str) -> Together:
    rows = [replace(row, label=t.stored(row.label)) for row in rows]  # stored in English
    data = tuple((row.label, str(row.turns), _duration(row.planned), _duration(row.actual),
                  f"{100 * row.actual / total:.0f} %" if total else "—") for row in rows)
    return Together((Heading(title, 3),
                     Grid((first_column, t("turns"), t("planned"), t("actual"), t("share")),
                          data, (0.6, 0.1, 0.1, 0.1, 0.1), right=(1, 2, 3, 4)),
                     Chart(speaking_chart(title, rows, t("actual")))))


def _statistics(report: SessionReport, t: ReportText) -> list[Block]:
    stats = report.statistics
    counts = report.counts
    blocks: list[Block] = [
        Heading(t("statistics"), 2),
        _speaking(t("by_constituency"), stats.by_constituency, stats.actual_total, t,
                  t("constituency")),
        _speaking(t("by_gender"), stats.by_gender, stats.actual_total, t, t("gender")),
    ]
    if stats.by_speaker:  # in speaking order, a person with two turns once
        by_name = {row.label: row for row in stats.by_speaker}
        order = dict.fromkeys(slot.person.name or UNSPECIFIED for slot in report.session.slots)
        speakers = [replace(by_name[name], label=t.stored(name)) for name in order
                    if name in by_name]  # a speaker without a name is "not stated"
        blocks += [Chart(chart) for chart in planned_actual_charts(
            t("per_speaker"), speakers, t("planned"), t("actual"))]
    rows = tuple((t(key), str(getattr(counts, key))) for key in (
        "received", "answered", "approved_open", "pending", "not_selected", "merged"))
    closing = t("turns_taken", taken=stats.spoken_turns, planned=len(report.session.slots),
                overtime=_duration(stats.overtime_total))
    if report.timing and t.language == "en":  # timing_text is English only
        closing += " " + report.timing
    blocks.append(Together((Heading(t("audience_questions"), 3),
                            Grid((t("questions"), t("count")), rows, (0.85, 0.15), right=(1,)),
                            Text(closing, muted=True))))
    return blocks


def _note_line(note: Note, speakers: dict[int, str]) -> str:
    speaker = note_speaker(note, speakers)
    return f"{note.text} ({speaker})" if speaker else note.text


def _notes_by_tag(report: SessionReport, t: ReportText) -> list[Block]:
    notes = [n for n in report.notes if not n.deleted and n.tags]
    blocks: list[Block] = [Heading(t("notes_by_tag"), 2)]
    if not notes:
        blocks.append(Text(t("no_tagged_notes"), muted=True))
    else:
        speakers = report.speaker_names()
        blocks += _by_tag(report, t, tagged((n, n.tags) for n in notes),
                          lambda n: t.count(n, "one_note", "n_notes"),
                          lambda n: _note_line(n, speakers))
    if report.session.themes:
        blocks.append(Text(t("themes", themes=", ".join(report.session.themes))))
    return blocks


def _quotes(report: SessionReport, t: ReportText) -> list[Block]:
    quotes = [n for n in report.notes if not n.deleted and n.kind is NoteKind.QUOTE]
    speakers = report.speaker_names()
    blocks: list[Block] = [Heading(t("quotes"), 2)]
    if not quotes:
        return blocks + [Text(t("no_quotes"), muted=True)]
    return blocks + [Bullets(tuple(f"“{n.text}” — {note_speaker(n, speakers)}"
                                   if note_speaker(n, speakers) else f"“{n.text}”"
                                   for n in quotes))]


def _timeline(report: SessionReport, t: ReportText) -> list[Block]:
    blocks: list[Block] = [Heading(t("annex_timeline"), 2)]
    if not report.timeline:
        return blocks + [Text(t("not_run"), muted=True)]
    zone = event_zone(report.event.time_zone)
    blocks.append(Text(t("times_in", zone=zone_caption(report, report.timeline[0].at)),
                       muted=True))
    rows = tuple((clock_time(entry.at, zone),
                  t(entry.key, **{name: t.stored(value) if name == "kind" else value
                                  for name, value in entry.values})
                  if entry.key else entry.text)
                 for entry in report.timeline)
    return blocks + [Grid((t("time"), t("what_happened")), rows, (0.14, 0.86))]


def _timing_log(report: SessionReport, t: ReportText) -> list[Block]:
    if not report.timing_log:
        return []
    zone = event_zone(report.event.time_zone)

    def at(instant: float | None) -> str:
        return clock_time(instant, zone) if instant is not None else "—"

    def changes(row) -> str:
        """"2 (0:45) · +0:30 (1)": pauses (their total) and adjustments (their sum)."""
        parts = []
        if row.pauses or row.paused_seconds:
            parts.append(f"{row.pauses} ({_duration(row.paused_seconds)})")
        if row.adjustments or row.adjusted_seconds:
            parts.append(f"{_duration(row.adjusted_seconds, signed=True)} ({row.adjustments})")
        return " · ".join(parts) or "—"

    rows = tuple((
        str(row.order), row.name,
        clock_time(row.planned_start, zone, seconds=False) if row.planned_start else "—",
        at(row.started_at), at(row.ended_at), _duration(row.planned_seconds),
        _duration(row.spoken_seconds) if row.started_at else "—",
        _duration(row.difference_seconds, signed=True) if row.started_at else "—",
        changes(row))
        for row in report.timing_log)
    return [Heading(t("annex_timing"), 2),
            Text(t("times_in", zone=zone_caption(report)), muted=True),
            Grid(("#", t("speaker"), t("planned_start"), t("started"), t("ended"),
                  t("planned"), t("spoken"), t("difference"),
                  f"{t('pauses')} · {t('adjusted')}"),
                 rows, (0.04, 0.17, 0.1, 0.1, 0.1, 0.1, 0.1, 0.12, 0.17),
                 right=(0, 5, 6, 7))]


