"""Agenda workbooks keep times as spreadsheets write them, and the import takes each.

A speaker's "until" typed in Excel or LibreOffice is stored as a time cell, a date-time
cell, or (formatted or not) the number behind one: a fraction of a day, a day number. The
import refused all of them (it read only ISO 8601 with an offset). Each form is written
here by openpyxl into a real .xlsx and imported into a real event file; a LibreOffice-
written workbook is one more case. What is really broken is still refused, naming its row,
with nothing written.
"""

from __future__ import annotations

import shutil
from datetime import datetime, time, timedelta
from pathlib import Path

import openpyxl
import pytest

from facilitator.core.agenda import AgendaError
from facilitator.store import EventFile
from facilitator.store.agenda_io import import_agenda
from facilitator.store.sessions import get_session, list_sessions, update_session
from facilitator.store.time_zone import event_time_zone, set_event_time_zone

FIELD_CASES = Path(__file__).resolve().parents[1] / "field_cases"
ZONE = "Europe/Paris"  # not UTC: the wall time is the venue's, not the laptop's or UTC
DAY = "2026-05-18"


def _workbook(path: Path, rows: list[list[object]], formats: dict[str, str] | None = None
              ) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Agenda"
    sheet.append(["session", "name", "planned_minutes", "until"])
    for row in rows:
        sheet.append(row)
    for cell, number_format in (formats or {}).items():
        sheet[cell].number_format = number_format
    book.save(path)
    return path


@pytest.fixture
def venue(event_file: EventFile) -> EventFile:
    set_event_time_zone(event_file, ZONE)
    first = list_sessions(event_file)[0]
    update_session(event_file, first.stored_id, starts_at=f"{DAY}T10:00")
    return event_file


def _slots(ef: EventFile):
    return get_session(ef, list_sessions(ef)[0].stored_id).slots


def _wall(ef: EventFile, at: float | None) -> str:
    assert at is not None
    return datetime.fromtimestamp(at, event_time_zone(ef)).strftime("%Y-%m-%d %H:%M:%S")


# Each "until" as a spreadsheet may hold 10:45 on the session's day (with its cell format).
UNTIL_FORMS = [
    pytest.param(time(10, 45), None, id="time cell"),
    pytest.param(datetime(2026, 5, 18, 10, 45), None, id="date-time cell"),
    pytest.param(10.75 / 24, "hh:mm", id="fraction of a day, formatted"),
    pytest.param(10.75 / 24, "General", id="fraction of a day, as a number"),
    pytest.param(46160 + 10.75 / 24, "General", id="day number, as a number"),
    pytest.param(46160 + 10.75 / 24, "yyyy-mm-dd hh:mm", id="day number, formatted"),
    pytest.param("10:45", None, id="text 10:45"),
    pytest.param("10h45", None, id="text 10h45"),
    pytest.param("10:45 am", None, id="text 10:45 am"),
    pytest.param("2026-05-18 10:45", None, id="text date and time"),
    pytest.param("2026-05-18T10:45:00+02:00", None, id="ISO with offset, as exported"),
]


@pytest.mark.parametrize(("until", "number_format"), UNTIL_FORMS)
def test_every_form_of_an_until_cell_is_the_same_time(venue, tmp_path, until,
                                                      number_format) -> None:
    path = _workbook(tmp_path / "agenda.xlsx", [["1", "Amina Diallo", 5, until]],
                     {"D2": number_format} if number_format else None)
    import_agenda(venue, path)
    (slot,) = _slots(venue)
    assert _wall(venue, slot.until_at) == f"{DAY} 10:45:00"


@pytest.mark.parametrize(("minutes", "seconds"), [
    (time(0, 5), 300),                     # typed 0:05: five minutes to a spreadsheet
    (time(4, 30), 270),                    # typed 4:30: the Minutes column's 4 min 30 s
    (time(0, 7, 30), 450),                 # typed 0:07:30
    (timedelta(minutes=12, seconds=30), 750),  # a duration cell ([h]:mm:ss)
    ("4:30", 270), ("0:07:30", 450), ("7,5", 450), (7.5, 450),
])
def test_a_planned_time_typed_as_a_time_is_taken(venue, tmp_path, minutes, seconds) -> None:
    import_agenda(venue, _workbook(tmp_path / "agenda.xlsx", [["1", "Amina", minutes, None]]))
    assert [slot.planned_seconds for slot in _slots(venue)] == [seconds]


def test_a_time_with_no_day_anywhere_asks_for_one(event_file, tmp_path) -> None:
    first = list_sessions(event_file)[0]
    update_session(event_file, first.stored_id, starts_at="")
    before = _slots(event_file)
    path = _workbook(tmp_path / "agenda.xlsx", [["1", "Amina", 5, time(10, 45)]])
    with pytest.raises(AgendaError, match=r"row 2.*until 10:45 needs a day"):
        import_agenda(event_file, path)
    assert _slots(event_file) == before
    # With its date in the cell, no session day is needed.
    import_agenda(event_file, _workbook(tmp_path / "dated.xlsx",
                                        [["1", "Amina", 5, datetime(2026, 5, 18, 10, 45)]]))
    assert _wall(event_file, _slots(event_file)[0].until_at).endswith("10:45:00")


@pytest.mark.parametrize("until", ["soon", "25:00", "10:75", "13:00 pm", 3.5, -0.25,
                                   "2026-02-30 10:00"])
def test_what_is_really_broken_is_refused_by_row_with_nothing_written(venue, tmp_path,
                                                                      until) -> None:
    before = _slots(venue)
    path = _workbook(tmp_path / "agenda.xlsx", [["1", "Amina", 5, None],
                                                 ["1", "Bruno", 5, until]])
    with pytest.raises(AgendaError, match=r"row 3: bad time .* in until \(write the time"):
        import_agenda(venue, path)
    assert _slots(venue) == before


def test_a_workbook_libreoffice_wrote_is_imported(venue, tmp_path) -> None:
    # Saved by LibreOffice Calc from a CSV it read with times typed as people type them.
    path = shutil.copy(FIELD_CASES / "agenda-libreoffice-times.xlsx", tmp_path / "lo.xlsx")
    import_agenda(venue, Path(path))
    slots = _slots(venue)
    assert [slot.planned_seconds for slot in slots] == [300, 270, 450]
    assert [_wall(venue, slot.until_at)[11:] for slot in slots] == ["10:45:00", "10:50:00",
                                                                     "10:55:30"]
