"""Agenda files: the plan of an event in JSON (whole event) or CSV (one row per slot).

Pure functions from text to domain values and back. Every problem is an AgendaError
naming the file and line, raised before anything is written, so an import is all or
nothing.
"""

from __future__ import annotations

import bisect
import codecs
import csv
import functools
import io
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from json.decoder import JSONObject  # type: ignore[attr-defined]
from json.scanner import py_make_scanner  # type: ignore[attr-defined]
from typing import Any

from facilitator.core import progress
from facilitator.core.agenda_error import AgendaError as AgendaError
from facilitator.core.cells import csv_safe, from_csv_cell
from facilitator.core.event_time import (
    SessionTimesError,
    TimeZoneError,
    event_zone,
    session_end,
    wall_time_in_zone,
    wall_time_with_offset,
    zone_named,
)
from facilitator.core.model import SLOT_KIND_LABELS, Event, Person, Session, Slot, SlotKind
from facilitator.core.planned_time import MAX_PLANNED_MINUTES as MAX_PLANNED_MINUTES
from facilitator.core.polls import Poll, PollError, check_poll
from facilitator.core.text import looks_empty, normalise_text

AGENDA_FORMAT = "facilitator-agenda"
AGENDA_VERSION = 1
CSV_COLUMNS = (
    "session",
    "order",
    "kind",
    "name",
    "role",
    "organisation",
    "constituency",
    "gender",
    "country",
    "planned_minutes",
    "until",
)
REQUIRED_CSV_COLUMNS = ("session", "name", "planned_minutes")
SESSION_TIME_COLUMNS = ("session_starts_at", "session_ends_at")
"""Each row's session's planned start and end, as the agenda export writes them (the
venue's wall time with its offset). A table with these columns is an agenda, not just
speakers lists: its import makes the sessions it names that the event lacks (an
organiser's export, edited in a spreadsheet, goes into a new empty event), and sets the
times of those it has. A table without them only fills sessions the event has."""


@dataclass(frozen=True)
class Agenda:
    """An event's plan: the event and its sessions with their speaking slots."""
    event: Event
    sessions: tuple[Session, ...]


@dataclass(frozen=True)
class SlotRow:
    """A CSV row: a slot and the session it names (title or number), with its line.
    ``until``: an "until" written as the venue's wall time, which the slot gets as its
    ``until_at`` once the event's zone and the session's day are known."""

    session: str
    slot: Slot
    line: int
    until: WallUntil | None = None
    # SESSION_TIME_COLUMNS' cells; None: the table has no such column.
    session_starts_at: str | None = None
    session_ends_at: str | None = None


@dataclass(frozen=True)
class WallUntil:
    """An "until" as a spreadsheet holds it: a time of day on the venue's clock ("10:45",
    a time cell), with its date when the cell had one (a date-time cell)."""

    at: time
    day: date | None = None

    def instant(self, zone: tzinfo, session_day: date | None) -> float | None:
        """Epoch seconds in ``zone``, on the cell's own date, else ``session_day``; None
        when neither is known."""
        day = self.day or session_day
        return None if day is None else datetime.combine(day, self.at, zone).timestamp()

    def text(self) -> str:
        return (f"{self.day.isoformat()} " if self.day else "") + self.at.strftime("%H:%M")


# --- text ---------------------------------------------------------------------------------


def decode_text(data: bytes, source: str = "") -> str:
    """UTF-8 (with or without BOM), UTF-16 with its BOM (Excel's "Unicode text"), or a
    clear error naming the line of the first bad byte."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise AgendaError("the file is not valid UTF-16 text; save it as UTF-8 and "
                              "import again", source=source) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise AgendaError(
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x}); "
            "save it as UTF-8 and import again",
            source=source,
            line=line,
        ) from None


# "4:30" (minutes:seconds) or "0:07:30" (hours:minutes:seconds).
_MINUTES_CLOCK = re.compile(r"(\d{1,3}):(\d{2})(?::(\d{2}))?")


def parse_minutes(value: Any, *, source: str, line: int | None) -> int:
    """Planned minutes ("5", "2.5", 7) to whole seconds; also "4:30" (minutes and seconds,
    as the Minutes column reads it) and "0:07:30" (hours, minutes and seconds: a
    spreadsheet's duration cell)."""
    text = str(value).strip().replace(",", ".")
    clock = _MINUTES_CLOCK.fullmatch(text)
    if clock:
        parts = [int(part) for part in clock.groups() if part is not None]
        hours, minutes_part, seconds = ([0, *parts] if len(parts) == 2 else parts)
        minutes = (hours * 60 + minutes_part + seconds / 60
                   if seconds <= 59 and (len(parts) == 2 or minutes_part <= 59) else math.nan)
    else:
        try:
            minutes = float(text)
        except ValueError:
            minutes = math.nan
    if not math.isfinite(minutes) or minutes <= 0 or minutes > MAX_PLANNED_MINUTES:
        raise AgendaError(
            f"bad duration {value!r} in planned_minutes "
            f"(expected minutes between 0 and {MAX_PLANNED_MINUTES}, e.g. 5 or 2.5)",
            source=source,
            line=line,
        )
    return round(minutes * 60)


def parse_kind(value: Any, *, source: str, line: int | None) -> SlotKind:
    text = str(value or "").strip().lower()
    if not text:
        return SlotKind.PANELLIST
    for kind in SlotKind:
        if text in (kind.value, SLOT_KIND_LABELS[kind].lower()):
            return kind
    known = ", ".join(kind.value for kind in SlotKind)
    raise AgendaError(f"unknown kind {value!r} (use one of: {known})", source=source, line=line)


# --- JSON ---------------------------------------------------------------------------------


class _LineDict(dict[str, Any]):
    """A JSON object that remembers the line it started on."""

    line: int = 0


class _LineDecoder(json.JSONDecoder):
    """Decodes JSON with the pure-Python scanner so each object knows its line.

    Line numbers come from a table of where each line starts, searched by bisection:
    counting newlines from the top for every object made a 16,000-slot agenda take 12 s.
    """

    def __init__(self) -> None:
        super().__init__()
        self._line_starts: list[int] = [0]

        def parse_object(s_and_end, *args, **kwargs):  # type: ignore[no-untyped-def]
            _, end = s_and_end
            value, new_end = JSONObject(s_and_end, *args, **kwargs)
            located = _LineDict(value)
            located.line = bisect.bisect_right(self._line_starts, end)
            return located, new_end

        self.parse_object = parse_object
        self.scan_once = py_make_scanner(self)

    def decode(self, s: str, *args: Any, **kwargs: Any) -> Any:
        self._line_starts = [0, *(match.end() for match in re.finditer("\n", s))]
        return super().decode(s, *args, **kwargs)


# Fields whose line breaks are kept; in every other field a line break (an Excel cell's
# Alt+Enter, a pasted address) becomes a space.
_MULTILINE_FIELDS = frozenset({"description"})


@functools.lru_cache(maxsize=8192)
def agenda_text(value: str, *, keep_lines: bool = False) -> str:
    """A text field of an agenda file as it is stored: by the rule typed text follows
    (``core.text.normalise_text``), so a control character, a bidi override or a lone
    surrogate escape (``"\\ud83d"``) in a file never reaches the file, the projector or an
    export; line breaks become spaces unless ``keep_lines``."""
    # Cached: roles, organisations, countries and session titles repeat on most rows, and
    # text beyond plain ASCII is cleaned character by character (~14 µs a name).
    return normalise_text(value, keep_lines=keep_lines)


def _text(obj: dict[str, Any], key: str, *, source: str, required: bool = False) -> str:
    value = obj.get(key, "")
    line = getattr(obj, "line", None)
    if value is None:
        value = ""
    if not isinstance(value, str):
        # {"title": 5} became a session called "5", true one called "True": the JSON
        # says what it holds, so a number is a mistake to show, not a text to guess.
        raise AgendaError(f"{key!r} must be text in quotes, not {_json_kind(value)}",
                          source=source, line=line)
    text = agenda_text(str(value), keep_lines=key in _MULTILINE_FIELDS)
    if required and looks_empty(text):
        raise AgendaError(f"missing {key!r}", source=source, line=line)
    return text


def _json_kind(value: object) -> str:
    """What a JSON value is, in the words of an error ("the number 5", "true", "a list")."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value}"
    return "a list" if isinstance(value, list) else "an object"


def _texts(obj: dict[str, Any], key: str, *, source: str) -> tuple[str, ...]:
    value = obj.get(key) or []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise AgendaError(
            f"{key!r} must be a list of texts", source=source, line=getattr(obj, "line", None)
        )
    cleaned = (agenda_text(item) for item in value)
    return tuple(item for item in cleaned if item)


def _slot_from_json(obj: Any, position: int, *, source: str) -> Slot:
    if not isinstance(obj, dict):
        raise AgendaError("each slot must be an object", source=source)
    line = getattr(obj, "line", None)
    if "planned_minutes" not in obj:
        raise AgendaError("missing 'planned_minutes'", source=source, line=line)
    person = Person(
        name=_text(obj, "name", source=source, required=True),
        role=_text(obj, "role", source=source),
        organisation=_text(obj, "organisation", source=source),
        constituency=_text(obj, "constituency", source=source),
        gender=_text(obj, "gender", source=source),
        country=_text(obj, "country", source=source),
    )
    return Slot(
        person=person,
        kind=parse_kind(obj.get("kind"), source=source, line=line),
        planned_seconds=parse_minutes(obj["planned_minutes"], source=source, line=line),
        position=position,
        until_at=parse_until(obj.get("until"), source=source, line=line),
    )


def parse_until(value: object, *, source: str, line: int | None) -> float | None:
    """A speaker's "until" as epoch seconds, from ISO 8601 with its offset
    ("2026-05-18T10:45:00+02:00", as exports write); None when empty."""
    if value in (None, ""):
        return None
    try:
        moment = datetime.fromisoformat(str(value).strip())
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise AgendaError(f"bad time {value!r} in until (write it as 2026-05-18T10:45+02:00)",
                          source=source, line=line)
    return moment.timestamp()


# "10:45", "10h45", "9:05:30", "until 10:45", "10:45 pm": a time of day as people type it.
_TIME_OF_DAY = re.compile(r"(?:until\s+)?(\d{1,2})\s*[:h]\s*(\d{2})(?:\s*:\s*(\d{2})(?:[.,]\d*)?)?"
                          r"\s*(?:([ap])\.?\s*m\.?)?", re.IGNORECASE)
# Excel's and LibreOffice's day numbers for 1990 to 2200: a date-time cell read as a number.
_SERIAL_DAYS = (32874.0, 109574.0)


def parse_until_cell(value: object, *, source: str, line: int | None
                     ) -> float | WallUntil | None:
    """A spreadsheet's "until": what ``parse_until`` reads (an instant with its offset),
    or the venue's wall time as people and spreadsheets write it — "10:45", "10h45",
    "10:45 pm", a time cell ("10:45:00"), a date-time cell ("2026-05-18 10:45:00"), or the
    number behind one (a fraction of a day, 0.4479…, or a day number, 46160.45). None when
    empty. Raises AgendaError for anything else."""
    text = str(value if value is not None else "").strip()
    if not text:
        return None
    match = _TIME_OF_DAY.fullmatch(text)
    if match:
        hour, minute, second = (int(match.group(1)), int(match.group(2)),
                                int(match.group(3) or 0))
        half = (match.group(4) or "").lower()
        if half and 1 <= hour <= 12:
            hour = hour % 12 + (12 if half == "p" else 0)
        elif half:
            hour = 99  # "13:00 pm" is no time
        if hour <= 23 and minute <= 59 and second <= 59:
            return WallUntil(time(hour, minute, second))
    else:
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            moment = None
        if moment is not None:
            if moment.tzinfo is not None:
                return moment.timestamp()
            return WallUntil(moment.time().replace(microsecond=0), moment.date())
        number = _number(text)
        if number is not None and (0 <= number < 1 or _SERIAL_DAYS[0] <= number
                                   < _SERIAL_DAYS[1]):
            from openpyxl.utils.datetime import from_excel  # the spreadsheets' own rule

            cell = from_excel(number)
            if isinstance(cell, datetime):
                return WallUntil(cell.time().replace(microsecond=0), cell.date())
            return WallUntil(cell.replace(microsecond=0))
    raise AgendaError(f"bad time {text!r} in until (write the time the turn ends, e.g. 10:45, "
                      "or with its date, 2026-05-18 10:45)", source=source, line=line)


def _number(text: str) -> float | None:
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def until_text(until_at: float | None) -> str:
    """A speaker's "until" for agenda files: ISO 8601 in UTC, "" when none (the time is
    the same instant wherever the file is read)."""
    if until_at is None:
        return ""
    return datetime.fromtimestamp(until_at, UTC).isoformat(timespec="seconds")


def _seconds(obj: dict[str, Any], key: str, default: int, *, source: str) -> int:
    value = obj.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 3600:
        raise AgendaError(
            f"{key!r} must be whole seconds between 0 and 3600",
            source=source,
            line=getattr(obj, "line", None),
        )
    return value


def _session_time(obj: dict[str, Any], key: str, *, source: str) -> str:
    """A session's ``starts_at`` or ``ends_at``: "" or a date and time as ISO writes it,
    with or without an offset. Raises AgendaError for any other text, as a slot table's
    session_starts_at does (kept as typed, "yesterday" was a session with no time)."""
    text = _text(obj, key, source=source)
    if text:
        try:
            datetime.fromisoformat(text)
        except ValueError:
            raise AgendaError(f"{key} {text!r} is not a date and time (2026-05-18T14:00, "
                              "or 2026-05-18 14:00)", source=source,
                              line=getattr(obj, "line", None)) from None
    return text


def _session_from_json(obj: Any, position: int, *, source: str) -> Session:
    if not isinstance(obj, dict):
        raise AgendaError("each session must be an object", source=source)
    slots = obj.get("slots") or []
    if not isinstance(slots, list):
        raise AgendaError("'slots' must be a list", source=source, line=getattr(obj, "line", None))
    defaults = Session(title="")
    starts_at = _session_time(obj, "starts_at", source=source)
    try:  # 23:00 to 00:30 ends the next day; never stored before the start
        ends_at = session_end(starts_at, _session_time(obj, "ends_at", source=source))
    except SessionTimesError as error:
        raise AgendaError(f"{error} (give ends_at the day it ends on)", source=source,
                          line=getattr(obj, "line", None)) from None
    return Session(
        title=_text(obj, "title", source=source, required=True),
        description=_text(obj, "description", source=source),
        room=_text(obj, "room", source=source),
        starts_at=starts_at,
        ends_at=ends_at,
        moderator=_text(obj, "moderator", source=source),
        rapporteur=_text(obj, "rapporteur", source=source),
        guiding_questions=_texts(obj, "guiding_questions", source=source),
        themes=_texts(obj, "themes", source=source),
        warning_seconds=_seconds(obj, "warning_seconds", defaults.warning_seconds, source=source),
        danger_seconds=_seconds(obj, "danger_seconds", defaults.danger_seconds, source=source),
        position=position,
        slots=tuple(
            _slot_from_json(slot, index, source=source) for index, slot in enumerate(slots, 1)
        ),
        polls=_polls_from_json(obj, source=source),
    )


# What a poll in agenda JSON may hold (``Poll.plan`` writes no other).
POLL_KEYS = ("question", "kind", "options", "scale")


def _polls_from_json(obj: dict[str, Any], *, source: str) -> tuple[Poll, ...] | None:
    """A session's ``polls``: None when the session does not say (its polls are left as
    they are), else the prepared polls, each ``{"question", "kind", "options", "scale"}``."""
    if "polls" not in obj:
        return None
    items = obj.get("polls") or []
    line = getattr(obj, "line", None)
    if not isinstance(items, list):
        raise AgendaError("'polls' must be a list", source=source, line=line)
    polls = []
    for item in items:
        where = getattr(item, "line", line)
        if not isinstance(item, dict):
            raise AgendaError("each poll must be an object", source=source, line=where)
        unknown = [key for key in item if key not in POLL_KEYS]
        if unknown:
            # A misspelt or invented key ("correct", "choices") would silently lose what
            # the organiser meant: say which, and what a poll may hold.
            raise AgendaError(f"poll: unknown key {unknown[0]!r} (a poll has: "
                              f"{', '.join(POLL_KEYS)})", source=source, line=where)
        try:
            polls.append(check_poll(item.get("question"), item.get("kind"),
                                    item.get("options") or [], item.get("scale")))
        except PollError as error:
            raise AgendaError(f"poll: {error}", source=source, line=where) from None
    return tuple(polls)


def parse_agenda_json(text: str, source: str = "agenda.json") -> Agenda:
    """A whole event from facilitator's agenda JSON.

    Parsed with the C decoder; only a file with a mistake in it is parsed again with the
    line-tracking one (``_LineDecoder``), so the error says on which line. The pure-Python
    decoder took ~0.3 s of the worker's time for 16,000 slots, holding the GIL in long
    stretches while the window waited for it (issue 17).
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise AgendaError(f"not valid JSON: {error.msg}", source=source,
                          line=error.lineno) from None
    except RecursionError:
        raise AgendaError("not valid JSON: nested too deeply", source=source) from None
    try:
        return _agenda_from_json(data, source=source)
    except AgendaError as error:
        try:
            located = _LineDecoder().decode(text)
        except RecursionError:  # the pure-Python decoder nests less deeply than C's
            raise error from None
    # The same data again, each object knowing its line: raises the same error, with where
    # it is.
    return _agenda_from_json(located, source=source)


def _agenda_from_json(data: Any, *, source: str) -> Agenda:
    """The event in decoded agenda JSON; objects from ``_LineDecoder`` give errors lines."""
    if not isinstance(data, dict):  # every JSON object decodes as one
        raise AgendaError("the file must hold one JSON object", source=source, line=1)
    line = getattr(data, "line", None)
    if data.get("format", AGENDA_FORMAT) != AGENDA_FORMAT:
        raise AgendaError(f"not a {AGENDA_FORMAT} file", source=source, line=line)
    version = data.get("version", AGENDA_VERSION)
    if not isinstance(version, int) or version > AGENDA_VERSION:
        raise AgendaError(
            f"agenda version {version!r} is newer than this facilitator reads "
            f"({AGENDA_VERSION}); update facilitator",
            source=source,
            line=line,
        )
    event_obj = data.get("event") or {}
    if not isinstance(event_obj, dict):
        raise AgendaError("'event' must be an object", source=source, line=line)
    sessions = data.get("sessions")
    if not isinstance(sessions, list):
        raise AgendaError("missing the list of 'sessions'", source=source, line=line)
    time_zone = _text(event_obj, "time_zone", source=source)
    if time_zone:
        try:
            time_zone = zone_named(time_zone).key
        except TimeZoneError as error:
            raise AgendaError(str(error), source=source,
                              line=getattr(event_obj, "line", None)) from None
    event = Event(
        title=_text(event_obj, "title", source=source),
        description=_text(event_obj, "description", source=source),
        venue=_text(event_obj, "venue", source=source),
        starts_on=_text(event_obj, "starts_on", source=source),
        ends_on=_text(event_obj, "ends_on", source=source),
        time_zone=time_zone,
    )
    parsed = []
    for index, session in enumerate(sessions, 1):
        # Reading the sessions is most of the first half of a big import: it says it is
        # still under way (total not known yet), a point where the window is heard.
        progress.step(0, 0)
        parsed.append(_session_from_json(session, index, source=source))
    seen: set[str] = set()
    for session, raw in zip(parsed, sessions, strict=True):
        key = session.title.casefold()
        if key in seen:
            raise AgendaError(
                f"two sessions are titled '{session.title}'", source=source,
                line=getattr(raw, "line", None))
        seen.add(key)
    return Agenda(event=event, sessions=tuple(parsed))


def slot_to_json(slot: Slot) -> dict[str, Any]:
    person = slot.person
    return {
        "kind": slot.kind.value,
        "name": person.name,
        "role": person.role,
        "organisation": person.organisation,
        "constituency": person.constituency,
        "gender": person.gender,
        "country": person.country,
        "planned_minutes": slot.planned_seconds / 60
        if slot.planned_seconds % 60
        else slot.planned_seconds // 60,
    } | ({"until": until_text(slot.until_at)} if slot.until_at is not None else {})


def agenda_in_zone(agenda: Agenda, zone: tzinfo) -> Agenda:
    """The agenda with each session's times as wall-clock times of the venue in ``zone``:
    a time given with an offset ("10:00+02:00", as exports write) is converted; one
    without is the venue's already; text that is no ISO time is kept as it was typed."""
    def local(text: str) -> str:
        try:
            return wall_time_in_zone(text, zone) if text else text
        except ValueError:
            return text

    sessions = tuple(replace(s, starts_at=local(s.starts_at), ends_at=local(s.ends_at))
                     for s in agenda.sessions)
    return replace(agenda, sessions=sessions)


def agenda_to_json(agenda: Agenda) -> str:
    """The whole event as agenda JSON; session times carry the event zone's offset."""
    event = agenda.event
    zone = event_zone(event.time_zone)
    data = {
        "format": AGENDA_FORMAT,
        "version": AGENDA_VERSION,
        "event": {
            "title": event.title,
            "description": event.description,
            "venue": event.venue,
            "starts_on": event.starts_on,
            "ends_on": event.ends_on,
            "time_zone": event.time_zone,
        },
        "sessions": [
            {
                "title": session.title,
                "description": session.description,
                "room": session.room,
                "starts_at": wall_time_with_offset(session.starts_at, zone),
                "ends_at": wall_time_with_offset(session.ends_at, zone),
                "moderator": session.moderator,
                "rapporteur": session.rapporteur,
                "guiding_questions": list(session.guiding_questions),
                "themes": list(session.themes),
                "warning_seconds": session.warning_seconds,
                "danger_seconds": session.danger_seconds,
                "slots": [slot_to_json(slot) for slot in session.slots],
                "polls": [poll.plan() for poll in session.polls or ()],
            }
            for session in agenda.sessions
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- slot tables: CSV in any common dialect, and workbook rows -----------------------------

CSV_DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs"}
# Header spellings people type or spreadsheets produce, for the same columns.
COLUMN_ALIASES = {"minutes": "planned_minutes", "planned": "planned_minutes",
                  "organization": "organisation", "position": "order"}


def column_name(header: object) -> str:
    """A header cell as a column name: " Planned minutes " → "planned_minutes"."""
    name = "_".join(str(header or "").replace("\ufeff", "").strip().lower().split())
    return COLUMN_ALIASES.get(name, name)


def has_slot_columns(header: list[str]) -> bool:
    """True when a (normalised) header row holds every column a slot table needs."""
    return all(column in header for column in REQUIRED_CSV_COLUMNS)


HEADER_SEARCH_ROWS = 10
"""How far down a sheet or CSV file the header row is looked for: organisers put a title
("World Assembly — speakers") and a blank line above their table."""


def sniff_delimiter(text: str) -> tuple[str, int]:
    """(delimiter, lines to skip): the one of , ; tab that makes the first line a header
    with the slot columns (Excel writes ; where the decimal mark is a comma), or the most
    frequent one there; a "sep=;" first line, as some tools write for Excel, says it.
    A title line (or a few) above the header is skipped when a later line among the first
    ``HEADER_SEARCH_ROWS`` is a header with every needed column."""
    first = text.split("\n", 1)[0].strip("\r\ufeff")
    if first.lower().startswith("sep=") and len(first) == 5 and first[4] in CSV_DELIMITERS:
        return first[4], 1
    lines = text.split("\n", HEADER_SEARCH_ROWS)[:HEADER_SEARCH_ROWS]
    if not _slot_header_with_delimiter(first):
        below = next(((delimiter, skip) for skip, line in enumerate(lines[1:], 1)
                      if (delimiter := _slot_header_with_delimiter(line.strip("\r")))),
                     None)
        if below is not None:
            return below
    best, best_score = ",", (-1, -1)
    for delimiter in CSV_DELIMITERS:
        try:
            cells = next(csv.reader([first], delimiter=delimiter), [])
        except csv.Error:
            continue
        header = [column_name(cell) for cell in cells]
        score = (sum(column in header for column in CSV_COLUMNS), first.count(delimiter))
        if score > best_score:
            best, best_score = delimiter, score
    return best, 0


def _slot_header_with_delimiter(line: str) -> str:
    """The delimiter with which ``line`` is a header holding every needed column, or ""."""
    for delimiter in CSV_DELIMITERS:
        try:
            cells = next(csv.reader([line], delimiter=delimiter), [])
        except csv.Error:
            continue
        if has_slot_columns([column_name(cell) for cell in cells]):
            return delimiter
    return ""


def parse_slots_csv(text: str, source: str = "agenda.csv") -> list[SlotRow]:
    """Speaking slots from CSV, one row per slot; sessions are named by title or number.

    Any common dialect: separated by commas, semicolons or tabs (sniffed from the header),
    with or without a BOM (``decode_text`` drops it), LF or CRLF line ends, quoted cells,
    decimal commas in planned_minutes. Raises AgendaError naming the line.
    """
    delimiter, skip = sniff_delimiter(text)
    lines = io.StringIO(text, newline="")
    for _ in range(skip):
        lines.readline()
    reader = csv.reader(lines, delimiter=delimiter)

    def numbered() -> Iterator[tuple[int, list[str]]]:
        ended = skip
        try:
            for cells in reader:
                start, ended = ended + 1, skip + reader.line_num
                yield start, [from_csv_cell(cell) for cell in cells]
        except csv.Error as error:
            raise AgendaError(f"not valid CSV: {error}", source=source,
                              line=skip + reader.line_num) from None

    return parse_slot_table(numbered(), source=source,
                            separated_by=DELIMITER_NAMES[delimiter])


ROWS_PER_STEP = 400
"""Rows of a slot table read between two progress steps (a few milliseconds' work)."""


def parse_slot_table(rows: Iterable[tuple[int, Sequence[object]]], *, source: str,
                     unit: str = "line", separated_by: str = "") -> list[SlotRow]:
    """Speaking slots from a table's rows, each (line or row number, cells), the first
    non-empty one the header. Shared by CSV files and workbook sheets; cells may be text or
    numbers (a workbook's 7.5 minutes). Raises AgendaError naming the line or row."""
    iterator = iter(rows)
    header_line: int = 0
    header_cells: Sequence[object] = ()
    while not any(_cell_text(cell) for cell in header_cells):
        found = next(iterator, None)
        if found is None:
            raise AgendaError("the file holds no rows", source=source)
        header_line, header_cells = found
    header = [column_name(cell) for cell in header_cells]
    _check_header(header, header_line, source=source, unit=unit, separated_by=separated_by)
    width = len(header)
    slots: list[SlotRow] = []
    for line, cells in iterator:
        texts = [_cell_text(cell) for cell in cells]
        if any(texts[width:]):
            raise AgendaError("more values than columns", source=source, line=line, unit=unit)
        row = {name: text for name, text in zip(header, texts, strict=False) if name}
        if not any(row.values()):
            continue
        slots.append(_slot_row(row, line, len(slots) + 1, source=source, unit=unit))
        if len(slots) % ROWS_PER_STEP == 0:
            progress.step(0, 0)  # still reading (total not known yet)
    return slots


SESSION_TABLE_COLUMNS = ("number", "title", "room", "starts_at", "ends_at", "moderator",
                         "rapporteur", "guiding_questions", "themes", "description")
"""The agenda export's Sessions sheet: one row per session, in the event's order."""
_SESSION_DETAILS = ("room", "moderator", "rapporteur", "description")
_SESSION_LISTS = ("guiding_questions", "themes")


@dataclass(frozen=True)
class SessionRow:
    """A row of a sessions table: a session's title and what the table says of it.
    ``details``: the Session fields of the columns the table has (text, or a tuple for
    guiding questions and themes); ``starts_at``/``ends_at``: None without the column."""

    title: str
    line: int
    details: dict[str, Any]
    starts_at: str | None = None
    ends_at: str | None = None


def is_session_table(header: list[str]) -> bool:
    """True when a (normalised) header row is the agenda export's Sessions sheet's: a
    title with the session's room or times, and no speakers' columns."""
    return ("title" in header and ("room" in header or "starts_at" in header)
            and "name" not in header)


def parse_session_table(rows: Iterable[tuple[int, Sequence[object]]], *, source: str,
                        unit: str = "row") -> list[SessionRow]:
    """The sessions of a table with ``SESSION_TABLE_COLUMNS`` (the first non-empty row its
    header), in its order; an empty row is skipped. Guiding questions and themes are one a
    line in their cell (the export writes them so; "; " between them is read too, as
    older exports wrote them). Raises AgendaError naming the row."""
    iterator = iter(rows)
    header: list[str] = []
    while not any(header):
        found = next(iterator, None)
        if found is None:
            return []
        header_line, cells = found
        header = [column_name(cell) for cell in cells]
    _check_header_names(header, header_line, source=source, unit=unit)
    sessions: list[SessionRow] = []
    seen: dict[str, int] = {}
    for line, cells in iterator:
        row = dict(zip(header, (_cell_text(cell) for cell in cells), strict=False))
        row.pop("", None)
        if not any(row.values()):
            continue
        title = agenda_text(row.get("title", ""))
        if looks_empty(title):
            raise AgendaError("missing title", source=source, line=line, unit=unit)
        key = title.casefold()
        if key in seen:
            raise AgendaError(f"two sessions are titled '{title}' (also on {unit} "
                              f"{seen[key]})", source=source, line=line, unit=unit)
        seen[key] = line
        details: dict[str, Any] = {
            name: agenda_text(row[name], keep_lines=name in _MULTILINE_FIELDS)
            for name in _SESSION_DETAILS if name in row}
        details.update({name: _listed(row[name]) for name in _SESSION_LISTS if name in row})
        sessions.append(SessionRow(title=title, line=line, details=details,
                                   starts_at=row.get("starts_at"),
                                   ends_at=row.get("ends_at")))
    return sessions


def _listed(cell: str) -> tuple[str, ...]:
    parts = cell.splitlines() if "\n" in cell else cell.split("; ")
    cleaned = (agenda_text(part) for part in parts)
    return tuple(part for part in cleaned if not looks_empty(part))


def _check_header_names(header: list[str], line: int, *, source: str, unit: str) -> None:
    named = [name for name in header if name]
    twice = sorted({name for name in named if named.count(name) > 1})
    if twice:
        raise AgendaError(f"column {twice[0]} appears twice", source=source, line=line,
                          unit=unit)


def _check_header(header: list[str], line: int, *, source: str, unit: str,
                  separated_by: str) -> None:
    missing = [column for column in REQUIRED_CSV_COLUMNS if column not in header]
    if missing:
        found = ", ".join(name for name in header if name) or "nothing"
        how = f" separated by {separated_by}" if separated_by else ""
        raise AgendaError(
            "missing column" + ("s " if len(missing) > 1 else " ") + ", ".join(missing)
            + f" (the first row{how} holds: {_shorten(found, 120)}; "
            f"expected: {', '.join(CSV_COLUMNS)})",
            source=source, line=line, unit=unit)
    named = [name for name in header if name]
    twice = sorted({name for name in named if named.count(name) > 1})
    if twice:
        raise AgendaError(f"column {twice[0]} appears twice", source=source, line=line,
                          unit=unit)


def _slot_row(row: dict[str, str], line: int, number: int, *, source: str,
              unit: str) -> SlotRow:
    def error(message: str) -> AgendaError:
        return AgendaError(message, source=source, line=line, unit=unit)

    row = {key: agenda_text(value) for key, value in row.items()}
    if looks_empty(row.get("session", "")):
        raise error("missing session")
    if looks_empty(row.get("name", "")):
        raise error("missing name")
    person = Person(
        name=row["name"],
        role=row.get("role", ""),
        organisation=row.get("organisation", ""),
        constituency=row.get("constituency", ""),
        gender=row.get("gender", ""),
        country=row.get("country", ""),
    )
    order = row.get("order", "")
    if order and not order.isdigit():
        raise error(f"bad order {order!r} (a whole number)")
    try:
        # Checked without a place, then re-raised with this row's line or row number.
        kind = parse_kind(row.get("kind"), source="", line=None)
        planned = parse_minutes(row.get("planned_minutes", ""), source="", line=None)
        until = parse_until_cell(row.get("until", ""), source="", line=None)
    except AgendaError as problem:
        raise error(str(problem)) from None
    slot = Slot(person=person, kind=kind, planned_seconds=planned,
                position=int(order) if order else number,
                until_at=until if isinstance(until, float) else None)
    return SlotRow(session=row["session"], slot=slot, line=line,
                   until=until if isinstance(until, WallUntil) else None,
                   session_starts_at=row.get("session_starts_at"),
                   session_ends_at=row.get("session_ends_at"))


def _cell_text(value: object) -> str:
    """A table cell as text: whole numbers from a workbook (1.0) as "1"; a duration cell
    as hours:minutes:seconds ("0:07:30"); a time cell as it was typed. Typed "4:30" (the
    Minutes column's minutes and seconds, as the app reads it) a spreadsheet keeps as
    04:30, "0:05" (five minutes to a spreadsheet) as 00:05: the first stays "4:30", a time
    with no hours or with seconds reads as hours:minutes:seconds ("0:05:00"). As an
    "until", each is the same time of day."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, time):
        if value.hour and not value.second:
            return f"{value.hour}:{value.minute:02d}"
        return f"{value.hour}:{value.minute:02d}:{value.second:02d}"
    if isinstance(value, timedelta):
        seconds = round(value.total_seconds())
        return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return str(value).strip()


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def slot_table(sessions: tuple[Session, ...] | list[Session],
               session_time: Callable[[str], str] = str) -> list[list[Any]]:
    """The speakers lists as a table, header first, one row per slot (CSV and workbooks);
    planned minutes are numbers, so a spreadsheet can add them up. Each row ends with its
    session's start and end (``SESSION_TIME_COLUMNS``), each written by ``session_time``
    (the exports add the venue's offset), so the table imported again makes the sessions."""
    rows: list[list[Any]] = [[*CSV_COLUMNS, *SESSION_TIME_COLUMNS]]
    for session in sessions:
        times = [session_time(session.starts_at), session_time(session.ends_at)]
        for order, slot in enumerate(session.slots, 1):
            person = slot.person
            minutes = slot.planned_seconds / 60
            rows.append([session.title, order, slot.kind.value, person.name, person.role,
                         person.organisation, person.constituency, person.gender,
                         person.country, int(minutes) if minutes.is_integer() else minutes,
                         until_text(slot.until_at), *times])
    return rows


def slots_to_csv(sessions: tuple[Session, ...] | list[Session]) -> str:
    """The speakers lists as CSV (comma-separated, formula-safe, no BOM: see reports for
    the spreadsheet file)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    for row in slot_table(sessions):
        writer.writerow([csv_safe(cell) if isinstance(cell, str) else _number_text(cell)
                         for cell in row])
    return out.getvalue()


def _number_text(value: Any) -> Any:
    return f"{value:g}" if isinstance(value, float) else value
