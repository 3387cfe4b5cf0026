"""Agenda files: the plan of an event in JSON (whole event) or CSV (one row per slot).

Pure functions from text to domain values and back. Every problem is an AgendaError
naming the file and line, raised before anything is written, so an import is all or
nothing.
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass
from json.decoder import JSONObject  # type: ignore[attr-defined]
from json.scanner import py_make_scanner  # type: ignore[attr-defined]
from typing import Any

from facilitator.core.model import SLOT_KIND_LABELS, Event, Person, Session, Slot, SlotKind

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
)
REQUIRED_CSV_COLUMNS = ("session", "name", "planned_minutes")
MAX_PLANNED_MINUTES = 600


class AgendaError(ValueError):
    """A problem in an agenda file, with where it is."""

    def __init__(self, message: str, *, source: str = "", line: int | None = None) -> None:
        where = source
        if line is not None:
            where = f"{source}, line {line}" if source else f"line {line}"
        super().__init__(f"{where}: {message}" if where else message)
        self.line = line


@dataclass(frozen=True)
class Agenda:
    """An event's plan: the event and its sessions with their speaking slots."""
    event: Event
    sessions: tuple[Session, ...]


@dataclass(frozen=True)
class SlotRow:
    """A CSV row: a slot and the session it names (title or number), with its line."""

    session: str
    slot: Slot
    line: int


# --- text ---------------------------------------------------------------------------------


def decode_text(data: bytes, source: str = "") -> str:
    """UTF-8 (with or without BOM) or a clear error naming the line of the first bad byte."""
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


def parse_minutes(value: Any, *, source: str, line: int | None) -> int:
    """Planned minutes ("5", "2.5", 7) to whole seconds."""
    text = str(value).strip().replace(",", ".")
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


def _minutes_text(seconds: int) -> str:
    minutes = seconds / 60
    return str(int(minutes)) if minutes == int(minutes) else f"{minutes:g}"


# --- JSON ---------------------------------------------------------------------------------


class _LineDict(dict):
    """A JSON object that remembers the line it started on."""

    line: int = 0


class _LineDecoder(json.JSONDecoder):
    """Decodes JSON with the pure-Python scanner so each object knows its line."""

    def __init__(self) -> None:
        super().__init__()

        def parse_object(s_and_end, *args, **kwargs):  # type: ignore[no-untyped-def]
            text, end = s_and_end
            value, new_end = JSONObject(s_and_end, *args, **kwargs)
            located = _LineDict(value)
            located.line = text.count("\n", 0, end) + 1
            return located, new_end

        self.parse_object = parse_object
        self.scan_once = py_make_scanner(self)


def _text(obj: dict, key: str, *, source: str, required: bool = False) -> str:
    value = obj.get(key, "")
    line = getattr(obj, "line", None)
    if value is None:
        value = ""
    if not isinstance(value, str | int | float):
        raise AgendaError(f"{key!r} must be text", source=source, line=line)
    text = str(value).strip()
    if required and not text:
        raise AgendaError(f"missing {key!r}", source=source, line=line)
    return text


def _texts(obj: dict, key: str, *, source: str) -> tuple[str, ...]:
    value = obj.get(key) or []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise AgendaError(
            f"{key!r} must be a list of texts", source=source, line=getattr(obj, "line", None)
        )
    return tuple(item.strip() for item in value if item.strip())


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
    )


def _seconds(obj: dict, key: str, default: int, *, source: str) -> int:
    value = obj.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 3600:
        raise AgendaError(
            f"{key!r} must be whole seconds between 0 and 3600",
            source=source,
            line=getattr(obj, "line", None),
        )
    return value


def _session_from_json(obj: Any, position: int, *, source: str) -> Session:
    if not isinstance(obj, dict):
        raise AgendaError("each session must be an object", source=source)
    slots = obj.get("slots") or []
    if not isinstance(slots, list):
        raise AgendaError("'slots' must be a list", source=source, line=getattr(obj, "line", None))
    defaults = Session(title="")
    return Session(
        title=_text(obj, "title", source=source, required=True),
        description=_text(obj, "description", source=source),
        room=_text(obj, "room", source=source),
        starts_at=_text(obj, "starts_at", source=source),
        ends_at=_text(obj, "ends_at", source=source),
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
    )


def parse_agenda_json(text: str, source: str = "agenda.json") -> Agenda:
    """A whole event from facilitator's agenda JSON."""
    try:
        data = _LineDecoder().decode(text)
    except json.JSONDecodeError as error:
        raise AgendaError(f"not valid JSON: {error.msg}", source=source,
                          line=error.lineno) from None
    except RecursionError:
        raise AgendaError("not valid JSON: nested too deeply", source=source) from None
    if not isinstance(data, dict):
        raise AgendaError("the file must hold one JSON object", source=source, line=1)
    if data.get("format", AGENDA_FORMAT) != AGENDA_FORMAT:
        raise AgendaError(f"not a {AGENDA_FORMAT} file", source=source, line=data.line)
    version = data.get("version", AGENDA_VERSION)
    if not isinstance(version, int) or version > AGENDA_VERSION:
        raise AgendaError(
            f"agenda version {version!r} is newer than this facilitator reads "
            f"({AGENDA_VERSION}); update facilitator",
            source=source,
            line=data.line,
        )
    event_obj = data.get("event") or _LineDict()
    if not isinstance(event_obj, dict):
        raise AgendaError("'event' must be an object", source=source, line=data.line)
    sessions = data.get("sessions")
    if not isinstance(sessions, list):
        raise AgendaError("missing the list of 'sessions'", source=source, line=data.line)
    event = Event(
        title=_text(event_obj, "title", source=source),
        description=_text(event_obj, "description", source=source),
        venue=_text(event_obj, "venue", source=source),
        starts_on=_text(event_obj, "starts_on", source=source),
        ends_on=_text(event_obj, "ends_on", source=source),
    )
    parsed = tuple(
        _session_from_json(session, index, source=source)
        for index, session in enumerate(sessions, 1)
    )
    seen: set[str] = set()
    for session, raw in zip(parsed, sessions, strict=True):
        key = session.title.casefold()
        if key in seen:
            raise AgendaError(
                f"two sessions are titled {session.title!r}", source=source, line=raw.line
            )
        seen.add(key)
    return Agenda(event=event, sessions=parsed)


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
    }


def agenda_to_json(agenda: Agenda) -> str:
    event = agenda.event
    data = {
        "format": AGENDA_FORMAT,
        "version": AGENDA_VERSION,
        "event": {
            "title": event.title,
            "description": event.description,
            "venue": event.venue,
            "starts_on": event.starts_on,
            "ends_on": event.ends_on,
        },
        "sessions": [
            {
                "title": session.title,
                "description": session.description,
                "room": session.room,
                "starts_at": session.starts_at,
                "ends_at": session.ends_at,
                "moderator": session.moderator,
                "rapporteur": session.rapporteur,
                "guiding_questions": list(session.guiding_questions),
                "themes": list(session.themes),
                "warning_seconds": session.warning_seconds,
                "danger_seconds": session.danger_seconds,
                "slots": [slot_to_json(slot) for slot in session.slots],
            }
            for session in agenda.sessions
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- CSV ----------------------------------------------------------------------------------


def parse_slots_csv(text: str, source: str = "agenda.csv") -> list[SlotRow]:
    """Speaking slots from CSV, one row per slot; sessions are named by title or number."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = [name.strip().lower() for name in (reader.fieldnames or [])]
    except csv.Error as error:
        raise AgendaError(f"not valid CSV: {error}", source=source, line=1) from None
    missing = [column for column in REQUIRED_CSV_COLUMNS if column not in header]
    if missing:
        raise AgendaError(
            "missing column" + ("s " if len(missing) > 1 else " ") + ", ".join(missing)
            + f" (expected: {', '.join(CSV_COLUMNS)})",
            source=source,
            line=1,
        )
    reader.fieldnames = header
    rows: list[SlotRow] = []
    try:
        for raw in reader:
            line = reader.line_num
            if None in raw:
                raise AgendaError("more values than columns", source=source, line=line)
            row = {key: (value or "").strip() for key, value in raw.items()}
            if not any(row.values()):
                continue
            if not row["session"]:
                raise AgendaError("missing session", source=source, line=line)
            if not row["name"]:
                raise AgendaError("missing name", source=source, line=line)
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
                raise AgendaError(f"bad order {order!r} (a whole number)", source=source, line=line)
            slot = Slot(
                person=person,
                kind=parse_kind(row.get("kind"), source=source, line=line),
                planned_seconds=parse_minutes(row["planned_minutes"], source=source, line=line),
                position=int(order) if order else len(rows) + 1,
            )
            rows.append(SlotRow(session=row["session"], slot=slot, line=line))
    except csv.Error as error:
        raise AgendaError(f"not valid CSV: {error}", source=source, line=reader.line_num) from None
    return rows


def slots_to_csv(sessions: tuple[Session, ...] | list[Session]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for session in sessions:
        for order, slot in enumerate(session.slots, 1):
            person = slot.person
            writer.writerow(
                (
                    session.title,
                    order,
                    slot.kind.value,
                    person.name,
                    person.role,
                    person.organisation,
                    person.constituency,
                    person.gender,
                    person.country,
                    _minutes_text(slot.planned_seconds),
                )
            )
    return out.getvalue()
