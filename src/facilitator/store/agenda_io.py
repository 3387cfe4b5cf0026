"""Import and export the plan of an event, all or nothing.

Agenda JSON holds the whole event; a slot table (CSV in any common dialect, or an Excel
workbook's sheet) holds one row per speaking slot.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any, NamedTuple

from facilitator.assets import asset
from facilitator.core import progress
from facilitator.core.agenda import (
    CSV_COLUMNS,
    HEADER_SEARCH_ROWS,
    REQUIRED_CSV_COLUMNS,
    ROWS_PER_STEP,
    SESSION_TIME_COLUMNS,
    Agenda,
    AgendaError,
    SessionRow,
    SlotRow,
    agenda_in_zone,
    agenda_to_json,
    column_name,
    decode_text,
    has_slot_columns,
    is_session_table,
    parse_agenda_json,
    parse_session_table,
    parse_slot_table,
    parse_slots_csv,
    slots_to_csv,
)
from facilitator.core.agenda_imported import AgendaImported
from facilitator.core.event_time import SessionTimesError, session_end, wall_time_in_zone
from facilitator.core.model import Session, Slot
from facilitator.store import polls as store_polls
from facilitator.store import sessions as store_sessions
from facilitator.store.event_file import EventFile, EventFileError
from facilitator.store.leftovers import remove_leftover
from facilitator.store.problems import Problem
from facilitator.store.time_zone import event_time_zone

SAMPLES = {"walrg": "walrg.json"}


WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods", ".xls")
"""Spreadsheets calamine reads: Excel's, and LibreOffice's own .ods (its default format:
a LibreOffice user's speakers list was refused until saved again as .xlsx or CSV)."""
AGENDA_SUFFIXES = (".json", ".csv", ".tsv", *WORKBOOK_SUFFIXES)


def _read_bytes(path: Path) -> bytes:
    suffix = path.suffix.lower()
    if suffix not in AGENDA_SUFFIXES:
        raise AgendaError("agenda files end in .json, .csv, .tsv or .xlsx (or .ods, .xls)",
                          source=path.name)
    try:
        return path.read_bytes()
    except OSError as error:
        raise AgendaError(f"cannot read the file: {error.strerror}", source=str(path)) from None


def read_agenda_file(path: Path) -> tuple[str, str]:
    """(format, text) of a text agenda file: "json", or "csv" for any slot text file."""
    data = _read_bytes(path)
    kind = "json" if path.suffix.lower() == ".json" else "csv"
    return kind, decode_text(data, source=path.name)


def import_agenda(ef: EventFile, path: Path) -> AgendaImported:
    """Import an agenda file (.json, .csv, or a workbook: .xlsx, .ods, .xls); returns a
    one-line summary of what changed. Raises AgendaError naming the line (or row) of the
    first problem; nothing is changed then."""
    progress.step(0, 0)  # reading the file: how much there is, not known yet
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        book = parse_slots_workbook(_read_bytes(path), source=path.name)
        imported = apply_slot_rows(ef, book.rows, source=book.where, unit="row",
                                   sessions=book.sessions, sessions_source=book.sessions_where)
        return imported._replace(hidden_rows=book.hidden_rows)
    kind, text = read_agenda_file(path)
    if kind == "json":
        return apply_agenda(ef, parse_agenda_json(text, source=path.name), source=path.name)
    return apply_slots_csv(ef, text, source=path.name)


class WorkbookAgenda(NamedTuple):
    """What a workbook holds for an import: its slot rows and where they were ("agenda.xlsx,
    sheet Agenda"); the rows with content left out because hidden (None: the file's hidden
    rows could not be told, every row was read); and the sessions of a sheet like the
    agenda export's Sessions sheet (``core.agenda.is_session_table``), with where."""

    rows: list[SlotRow]
    where: str
    hidden_rows: int | None = 0
    sessions: Sequence[SessionRow] = ()
    sessions_where: str = ""


def parse_slots_workbook(data: bytes, source: str = "agenda.xlsx") -> WorkbookAgenda:
    """Speaking slots from a workbook (Excel's or LibreOffice's .ods; calamine reads both):
    the first sheet whose first row (or one a few rows down, below a title) has the slot
    columns (session, name, planned_minutes, …), one row per slot; a cell merged down over
    several rows counts in each; a hidden row (by hand, a filter, a collapsed group) is
    left out, and counted. A sessions sheet beside it (the agenda export's) gives the
    sessions' rooms, people, questions and order. Errors name the sheet and row."""
    # calamine (Rust) reads a 16,000-row sheet in ~0.1 s; openpyxl's pure-Python reader
    # took ~2 s of the 3 s import (issue 17: 16,000 slots in under 2 s).
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception:
        raise AgendaError("not an Excel workbook (.xlsx) that can be read; save it again "
                          "from Excel as .xlsx, or as CSV UTF-8", source=source) from None
    names = []
    slots: tuple[list[SlotRow], str] | None = None
    sessions: tuple[list[SessionRow], str] | None = None
    left_out: int | None = 0
    for name in _sheets_shown_first(book):
        try:
            sheet = book.get_sheet_by_name(name)
            # Every row from A1 (empty ones too), so row numbers are the sheet's; a formula
            # gives its cached value, not its text; an empty cell is "".
            rows = sheet.to_python(skip_empty_area=False)
            merged = sheet.merged_cell_ranges or ()
        except Exception:  # a chart sheet, or one that cannot be read: not the agenda
            continue
        names.append(name)
        where = f"{source}, sheet {name}"
        if slots is None and (header := _header_row(rows, has_slot_columns)) is not None:
            shown, hidden = _shown_rows(data, name, rows, merged, header)
            slots = parse_slot_table(shown, source=where, unit="row"), where
        elif sessions is None and (header := _header_row(rows, is_session_table)) is not None:
            shown, hidden = _shown_rows(data, name, rows, merged, header)
            sessions = parse_session_table(shown, source=where), where
        else:
            continue
        left_out = None if left_out is None or hidden is None else left_out + hidden
        if slots is not None and sessions is not None:
            break
    if slots is None:
        raise AgendaError(
            f"no sheet has the columns {', '.join(REQUIRED_CSV_COLUMNS)} in its first row "
            f"(sheets: {', '.join(names) or 'none'}; expected: {', '.join(CSV_COLUMNS)})",
            source=source)
    return WorkbookAgenda(*slots, left_out, *(sessions or ((), "")))


def _sheets_shown_first(book: Any) -> list[str]:
    """The workbook's sheet names, the hidden sheets after the shown ones: an organiser
    hides an old copy of the agenda rather than delete it, and means the one on show."""
    try:
        from python_calamine import SheetVisibleEnum

        shown = {meta.name for meta in book.sheets_metadata
                 if meta.visible == SheetVisibleEnum.Visible}
    except Exception:  # no visibility known: the workbook's order
        return list(book.sheet_names)
    return sorted(book.sheet_names, key=lambda name: name not in shown)


def _shown_rows(data: bytes, name: str, rows: list[list[Any]],
                merged: Iterable[tuple[tuple[int, int], tuple[int, int]]], header: int
                ) -> tuple[list[tuple[int, list[Any]]], int | None]:
    """The rows of the sheet ``name`` from its header (at index ``header``) down, each
    with its row number, as the organiser sees them: merged cells filled down (before
    hidden rows go: a session merged over five rows, its top one filtered out, still names
    the four shown), hidden rows below the header left out. With how many hidden rows
    holding something were left out (None: the file's hidden rows could not be told)."""
    from facilitator.store.sheet_layout import sheet_layout  # XML readers: imports only

    layout = sheet_layout(data, name)
    _fill_merged_down(rows, merged if layout.merged is None else layout.merged)
    hidden = layout.rows_hidden(len(rows))
    left_out = 0
    shown: list[tuple[int, list[Any]]] = []
    for index in range(header, len(rows)):
        cells = rows[index]
        if index in hidden and index != header:
            left_out += any(cell not in (None, "") for cell in cells)
            continue
        shown.append((index + 1, cells))
    return shown, left_out if layout.known else None


def _header_row(rows: Sequence[Sequence[object]],
                is_header: Callable[[list[str]], bool]) -> int | None:
    """The index of the sheet's header row: the first non-empty row ``is_header`` takes,
    or one a few rows further down below a title (``HEADER_SEARCH_ROWS``); None if none."""
    filled = [index for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS])
              if any(v not in (None, "") for v in cells)]
    return next((index for index in filled
                 if is_header([column_name(cell) for cell in rows[index]])), None)


def _fill_merged_down(rows: list[list[Any]],
                      merged: Iterable[tuple[tuple[int, int], tuple[int, int]]]) -> None:
    """Give each row a merged cell spans the merged cell's value, in its first column: a
    session (or a duration) typed once in a cell merged down over its speakers' rows
    belongs to each of them. Across columns the value stays in the first one only (a name
    merged over the role column is a name, not also a role)."""
    for (top, left), (bottom, _right) in merged:
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for row in rows[top + 1:bottom + 1]:
            if left < len(row) and row[left] in (None, ""):
                row[left] = value


def apply_agenda(ef: EventFile, agenda: Agenda, *, source: str = "agenda") -> AgendaImported:
    """Sessions matched by title are updated (their slots replaced); others are added.

    Session times given with an offset are stored as the venue's wall-clock times in the
    event's zone (the agenda's, when it names one)."""
    existing = {store_sessions.title_key(s.title): s
                for s in store_sessions.list_sessions(ef)}
    added = updated = 0
    with ef.action("agenda_imported", source=source, sessions=len(agenda.sessions)):
        event_id = store_sessions.ensure_event(ef)
        e = agenda.event
        if e.title:  # an agenda without an "event" part leaves it as it is
            ef.db.execute(
                "UPDATE events SET title=?, description=?, venue=?, starts_on=?, ends_on=? "
                "WHERE id=?",
                [e.title, e.description, e.venue, e.starts_on, e.ends_on, event_id],
            )
        if e.time_zone:
            ef.db.execute("UPDATE events SET time_zone=? WHERE id=?", [e.time_zone, event_id])
        agenda = agenda_in_zone(agenda, event_time_zone(ef))
        for done, session in enumerate(agenda.sessions):
            progress.step(done, len(agenda.sessions))
            match = existing.get(store_sessions.title_key(session.title))
            if match is None:
                position = len(existing) + added + 1
                session_id = store_sessions.insert_session(ef, session, position)
                store_sessions.insert_slots(ef, session_id, session.slots)
                store_polls.replace_prepared_polls(ef, session_id, list(session.polls or ()))
                added += 1
            else:
                fields = store_sessions.session_values(session)
                assignments = ", ".join(f"{key} = ?" for key in fields)
                ef.db.execute(f"UPDATE sessions SET {assignments} WHERE id = ?",
                              [*fields.values(), match.id])
                store_sessions.replace_slots(ef, match.stored_id, session.slots)
                if session.polls is not None:  # an agenda that names no polls keeps them
                    store_polls.replace_prepared_polls(ef, match.stored_id, list(session.polls))
                updated += 1
    slots = sum(len(s.slots) for s in agenda.sessions)
    return AgendaImported(slots=slots, sessions=added + updated, added=added)


def apply_slots_csv(ef: EventFile, text: str, *, source: str = "agenda.csv"
                    ) -> AgendaImported:
    """Replace the speakers lists of the sessions the CSV names."""
    return apply_slot_rows(ef, parse_slots_csv(text, source=source), source=source)


def apply_slot_rows(ef: EventFile, rows: list[SlotRow], *, source: str,
                    unit: str = "line", sessions: Sequence[SessionRow] = (),
                    sessions_source: str = "") -> AgendaImported:
    """Replace the speakers lists of the sessions the rows name, as one action.

    Rows carrying their session's times (``SESSION_TIME_COLUMNS``, as the agenda export
    writes them) are an agenda: the sessions the event lacks are made (titled as the rows
    name them, after the event's own), and those it has get the rows' times. Without those
    columns a row naming no session of the event is an error. ``sessions`` (a sessions
    sheet's rows, from ``sessions_source``) are made or updated first, in their order,
    with their rooms, people, questions and times, speakers or not. Raises AgendaError
    naming the line (or row); nothing is changed then."""
    find_session = store_sessions.session_finder(ef)
    zone = event_time_zone(ef)
    plans: dict[object, _SessionPlan] = {}

    def plan_for(title: str) -> tuple[_SessionPlan | None, object, Session | None]:
        found = find_session(title)
        key: object = found.stored_id if found is not None else store_sessions.title_key(title)
        return plans.get(key), key, found

    for listed in sessions:
        plan, key, found = plan_for(listed.title)
        plan = plans[key] = _SessionPlan(found or Session(title=listed.title), listed.line)
        plan.details = listed.details
        if listed.starts_at is not None or listed.ends_at is not None:
            plan.set_times(_session_times(listed.starts_at, listed.ends_at, listed.line, zone,
                                          source=sessions_source, unit="row",
                                          columns=("starts_at", "ends_at")),
                           listed.title, f"{sessions_source}, row {listed.line}")
    for number, row in enumerate(rows, 1):
        if number % ROWS_PER_STEP == 0:
            progress.step(0, 0)
        plan, key, found = plan_for(row.session)
        if plan is None:
            if found is None and row.session_starts_at is None:
                raise AgendaError(
                    f"unknown session '{row.session}' (use the title or number of a session "
                    "the event has; a slot table adds speakers, not sessions: import the "
                    "agenda JSON, or the agenda exported as .xlsx or CSV, to create "
                    "sessions)",
                    source=source,
                    line=row.line,
                    unit=unit,
                )
            plan = plans[key] = _SessionPlan(found or Session(title=row.session), row.line)
        if row.session_starts_at is not None:
            times = _session_times(row.session_starts_at, row.session_ends_at, row.line, zone,
                                   source=source, unit=unit)
            try:
                plan.set_times(times, row.session, f"{unit} {row.line}")
            except ValueError as conflict:
                raise AgendaError(str(conflict), source=source, line=row.line,
                                  unit=unit) from None
        plan.rows.append(row)
    # Counted, not listed again: the finder read them (a 16,000-row import reads once).
    existing = ef.db.execute("SELECT count(*) FROM sessions").fetchone()[0] if any(
        plan.session.id is None for plan in plans.values()) else 0
    added = 0
    with ef.action("agenda_imported", source=source, slots=len(rows)):
        for done, plan in enumerate(plans.values()):
            progress.step(done, len(plans))
            session = replace(plan.session, **plan.details)
            if plan.times is not None:
                session = replace(session, starts_at=plan.times[0], ends_at=plan.times[1])
            slots: list[Slot] = []
            for row in plan.rows:
                slot = row.slot
                if row.until is not None:
                    slot = replace(slot, until_at=_until_at(ef, row, session, source=source,
                                                            unit=unit))
                slots.append(slot)
            ordered = sorted(slots, key=lambda slot: slot.position)
            if session.id is None:
                added += 1
                session_id = store_sessions.insert_session(ef, session, existing + added)
            else:
                session_id = session.stored_id
                # Only what the file gives: the session's other columns (questions open,
                # the current turn) may have moved since it was read, on the phone thread.
                given = [*plan.details, *(("starts_at", "ends_at") if plan.times else ())]
                if given:
                    values = store_sessions.session_values(session)
                    ef.db.execute(
                        f"UPDATE sessions SET {', '.join(f'{name} = ?' for name in given)} "
                        "WHERE id = ?", [*(values[name] for name in given), session_id])
                if not plan.rows:  # named by the sessions sheet only: its speakers stay
                    continue
            store_sessions.replace_slots(ef, session_id, ordered)
    # None: no session made (the summary says "slots in sessions", as for speakers lists).
    return AgendaImported(slots=len(rows), sessions=len(plans), added=added or None)


class _SessionPlan:
    """One session a slot table names: the session (stored, or to be made), its rows, the
    times its rows give (the same on each row, or an error) and what a sessions sheet
    says of it (``details``: Session fields)."""

    def __init__(self, session: Session, line: int) -> None:
        self.session = session
        self.rows: list[SlotRow] = []
        self.times: tuple[str, str] | None = None
        self.times_place = ""
        self.details: dict[str, Any] = {}

    def set_times(self, times: tuple[str, str], title: str, place: str) -> None:
        """Raises ValueError (the message) when ``place`` gives other times than before."""
        if self.times is None:
            self.times, self.times_place = times, place
        elif times != self.times:
            # The first times came from the sessions sheet when its place names a sheet.
            fix = ("write the same times on both sheets" if "sheet" in self.times_place
                   else "give its speakers the same times")
            raise ValueError(
                f"session '{title}' starts and ends at {_span(times)} here but at "
                f"{_span(self.times)} on {self.times_place}: {fix}")


def _span(times: tuple[str, str]) -> str:
    return f"{times[0] or '(none)'}–{times[1] or '(none)'}"


def _session_times(starts: str | None, ends: str | None, line: int, zone: tzinfo, *,
                   source: str, unit: str, columns: Sequence[str] = SESSION_TIME_COLUMNS
                   ) -> tuple[str, str]:
    """A session's start and end as the venue's wall times ("2026-05-18T14:00"): a time
    with an offset (as the export writes) converted to the event's zone; empty: none.
    Raises AgendaError for text that is no date and time, or an end before the start."""
    def wall(text: str | None, column: str) -> str:
        if not text:
            return ""
        try:
            return wall_time_in_zone(text, zone)
        except ValueError:
            raise AgendaError(
                f"{column} {text!r} is not a date and time (2026-05-18T14:00, or "
                "2026-05-18 14:00)", source=source, line=line, unit=unit) from None

    starts_at = wall(starts, columns[0])
    ends_at = wall(ends, columns[1])
    try:  # 23:00 to 00:30 ends the next day; never stored before the start
        return starts_at, session_end(starts_at, ends_at)
    except SessionTimesError as error:
        raise AgendaError(str(error), source=source, line=line, unit=unit) from None


def _until_at(ef: EventFile, row: SlotRow, session: Session, *, source: str,
              unit: str) -> float:
    """A row's wall-time "until" as an instant: in the event's zone, on the cell's date or
    the session's planned day."""
    assert row.until is not None
    day = datetime.fromisoformat(session.starts_at).date() if session.starts_at else None
    instant = row.until.instant(event_time_zone(ef), day)
    if instant is None:
        raise AgendaError(
            f"until {row.until.text()} needs a day: give session '{session.title}' a "
            f"planned start, or write the date with the time (2026-05-18 "
            f"{row.until.text()})", source=source, line=row.line, unit=unit)
    return instant


def current_agenda(ef: EventFile) -> Agenda:
    return Agenda(
        event=store_sessions.get_event(ef),
        sessions=tuple(replace(s, polls=tuple(store_polls.list_polls(ef, s.stored_id)))
                       for s in store_sessions.list_sessions(ef, with_slots=True)),
    )


def export_agenda(ef: EventFile, fmt: str = "json") -> str:
    agenda = current_agenda(ef)
    if fmt == "csv":
        return slots_to_csv(agenda.sessions)
    return agenda_to_json(agenda)


def load_sample(ef: EventFile, name: str = "walrg") -> None:
    """Fill an empty event file with a built-in sample event."""
    text = asset("samples", SAMPLES[name]).read_text(encoding="utf-8")
    agenda = parse_agenda_json(text, source=SAMPLES[name])
    apply_agenda(ef, agenda, source=f"sample:{name}")


def create_event_file(path: Path, sample: str | None = "walrg") -> Path:
    """A new event file, empty or holding a sample, that appears whole or not at all.

    It is built under a temporary name beside the target and renamed when complete, so
    a failure (or a killed process) never leaves a half-made event behind.
    """
    if path.exists():
        raise EventFileError(Problem.ALREADY_EXISTS, path=path)
    building = path.with_name(f".{path.name}.creating")
    for leftover in _sqlite_files(building):
        remove_leftover(leftover)
    try:
        try:
            event_file = EventFile.create(building)
        except EventFileError as error:
            if error.problem is not Problem.CANNOT_CREATE:
                raise
            # Name the file asked for, not the temporary one beside it.
            raise EventFileError(Problem.CANNOT_CREATE, path=path,
                                 reason=error.params["reason"]) from None
        with event_file:
            if sample:
                load_sample(event_file, sample)
            event_file.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            # One self-contained file to rename: leave WAL mode's side files behind.
            event_file.db.execute("PRAGMA journal_mode=DELETE")
        if path.exists():
            raise EventFileError(Problem.ALREADY_EXISTS, path=path)
        os.replace(building, path)
    finally:
        for leftover in _sqlite_files(building):
            remove_leftover(leftover)
    return path


def _sqlite_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("", "-wal", "-shm", ".lock")]
