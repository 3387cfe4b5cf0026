"""The forum report: several rooms' event files combined into one document.

Each room's laptop keeps its own event file; afterwards they are read together, each opened
read-only (never written, not even migrated: a file from an older version is refused with
a message rather than changed). Sessions are ordered by room, then by time, and the contents
say room and time. The forum's numbers add the rooms up without counting anything twice: a
file given twice is refused, and a person who spoke in several rooms is one speaker.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from facilitator.core.clock_text import format_duration
from facilitator.core.model import Event
from facilitator.reports.outline import Block, Grid, Heading, Text, session_when
from facilitator.reports.report_text import ReportText
from facilitator.reports.session_report import SessionReport, load_session_report
from facilitator.store import EventFile, EventFileError
from facilitator.store import sessions as session_store


@dataclass(frozen=True)
class Forum:
    """Every session of every room, in contents order, with the events they came from."""

    events: tuple[Event, ...]
    reports: tuple[SessionReport, ...]

    @property
    def rooms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(room_of(r) for r in self.reports))


def room_of(report: SessionReport) -> str:
    return report.session.room.strip() or report.event.title


def load_forum(paths: Sequence[str | os.PathLike[str]], now: float | None = None) -> Forum:
    """Read the event files (read-only). Raises EventFileError for a file that cannot be
    read, a file given twice, or files with no sessions at all."""
    seen: dict[tuple[int, int], Path] = {}
    events: list[Event] = []
    reports: list[SessionReport] = []
    for name in paths:
        path = Path(name)
        try:
            identity = (path.stat().st_dev, path.stat().st_ino)
        except OSError as error:
            raise EventFileError(f"cannot read {path}: {error.strerror or error}") from None
        if identity in seen:
            raise EventFileError(f"{path} is the same file as {seen[identity]}: give each "
                                 "room's file once")
        seen[identity] = path
        with EventFile.open(path, read_only=True) as ef:
            events.append(session_store.get_event(ef))
            reports += [load_session_report(ef, s.stored_id, now)
                        for s in session_store.list_sessions(ef)]
    if not reports:
        raise EventFileError("none of these event files has a session to report on")
    ordered = sorted(reports, key=lambda r: (room_of(r).casefold(), r.session.starts_at,
                                              r.session.title))
    return Forum(tuple(events), tuple(dataclasses.replace(r, contents_line=_line(r))
                                      for r in ordered))


def _line(report: SessionReport) -> str:
    day, hours = session_when(report.session.starts_at, report.session.ends_at, "")
    when = " ".join(part for part in (report.session.starts_at[:10] if day else "", hours)
                    if part)
    return " · ".join(part for part in (room_of(report), when, report.session.title) if part)


def _speakers(reports: Sequence[SessionReport]) -> set[tuple[str, str]]:
    """People who were on a speakers' list, each once (by name and organisation)."""
    return {(slot.person.name.casefold().strip(), slot.person.organisation.casefold().strip())
            for r in reports for slot in r.session.slots if slot.person.name.strip()}


def forum_numbers(forum: Forum, t: ReportText) -> list[Block]:
    """The forum in numbers: one row per room and the forum's total."""
    rows = []
    for room in forum.rooms:
        reports = [r for r in forum.reports if room_of(r) == room]
        rows.append(_row(room, reports))
    rows.append(_row(t("total"), forum.reports))
    return [Heading(t("forum_totals"), 2),
            Text(t("forum_rooms", rooms=t.count(len(forum.rooms), "one_room", "n_rooms"),
                   sessions=t.count(len(forum.reports), "one_session", "n_sessions")),
                 muted=True),
            Grid((t("room"), t("sessions"), t("speakers"), t("speaking_time"),
                  t("received"), t("answered")), tuple(rows),
                 (0.3, 0.12, 0.18, 0.16, 0.12, 0.12), right=(1, 2, 3, 4, 5), total_row=True)]


def _row(label: str, reports: Sequence[SessionReport]) -> tuple[str, ...]:
    return (label, str(len(reports)), str(len(_speakers(reports))),
            format_duration(sum(r.statistics.actual_total for r in reports)),
            str(sum(r.counts.received for r in reports)),
            str(sum(r.counts.answered for r in reports)))
