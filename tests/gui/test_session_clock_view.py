"""The session and speaker clocks as the moderator, the speaker and the report show them.

One rounding rule (core/clock_text.py): the Run tab, the projector, the speakers table, the
statistics dialog and the summary PDF agree at the edges (59.4 s, 59.5 s, 60 s, -0.5 s,
overtime). The session clock measures against the scheduled end, and a speaker can be
given "until HH:MM".
"""

from __future__ import annotations

import io
import re
from datetime import datetime

import pypdf
import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMessageBox

from facilitator.core.clock_text import format_duration
from facilitator.core.model import Person, Session, Slot
from facilitator.core.statistics import session_statistics
from facilitator.gui.run_tab import RunTab
from facilitator.gui.slot_model import Column
from facilitator.gui.speaker_dialog import SpeakerDialog
from facilitator.gui.statistics_dialog import StatisticsDialog
from facilitator.reports.session_report import load_session_report
from facilitator.reports.summary_pdf import SummaryReport
from facilitator.store import sessions as store
from facilitator.store.laptop_clock import local_zone


def _at(document, seconds_from_now: float = 0.0) -> str:
    """An ISO local time of the venue, as session details store it, relative to now."""
    at = datetime.fromtimestamp(document.clock.now() + seconds_from_now, local_zone())
    return at.strftime("%Y-%m-%dT%H:%M")


def _tab(qtbot, document, session: Session) -> RunTab:
    session_id = store.add_session(document.file, session)
    tab = RunTab(document)
    qtbot.addWidget(tab)
    tab.set_session(session_id)
    return tab


def _speakers(*minutes: float) -> tuple[Slot, ...]:
    return tuple(Slot(person=Person(name=f"Speaker {i + 1}", constituency="Academia"),
                      planned_seconds=round(m * 60)) for i, m in enumerate(minutes))


# Seconds left on a 2-minute turn when Next is pressed, what every clock shows then, and
# what every record of the turn says was spoken.
EDGES = [(59.4, "1:00", "1:00"), (59.5, "1:00", "1:00"), (60.0, "1:00", "1:00"),
         (60.6, "1:01", "0:59"), (0.5, "0:01", "1:59"), (-0.5, "0:00", "2:00"),
         (-72.3, "-1:12", "3:12")]


@pytest.mark.parametrize(("left", "countdown", "spoken"), EDGES)
def test_every_surface_shows_the_same_time(qtbot, document, left, countdown, spoken):
    tab = _tab(qtbot, document, Session(title="Edges", slots=_speakers(2, 3)))
    tab.toggle()
    document.clock.advance(120 - left)
    tab.refresh_clock()
    assert tab.clock_face.text == countdown  # the laptop
    assert tab.projector.clock_face.text == countdown  # the projector
    assert tab.model.index(0, Column.SPOKEN).data() == spoken  # the speakers table
    assert tab.timer.step(1)  # Next, at that very instant
    session = store.get_session(document.file, tab.session_id)

    stats = session_statistics(session.slots, document.clock.now())
    dialog = StatisticsDialog(session.title, stats)
    qtbot.addWidget(dialog)
    heading = next(label.text() for label in dialog.findChildren(QLabel)
                   if "spoken" in label.text())
    assert f"spoken {spoken} in 1 turn" in heading
    over = format_duration(max(0.0, -left))
    assert f"overtime {over}" in heading

    report = load_session_report(document.file, tab.session_id, now=document.clock.now())
    ended = next(e.text for e in report.timeline if "ends after" in e.text)
    assert ended == f"Speaker 1 ends after {spoken} (planned 2:00)"
    out = io.BytesIO()
    SummaryReport().write_session(report, out)
    text = re.sub(r"\s+", " ", " ".join(
        page.extract_text() for page in pypdf.PdfReader(io.BytesIO(out.getvalue())).pages))
    assert f"Speaker 1 Academia 2:00 {spoken}" in text  # the participants table
    assert f"overtime in total {over}" in text
    tab.shutdown()


def test_a_late_start_shows_minutes_behind_the_scheduled_end(qtbot, document):
    # Scheduled to start now for 15 minutes, with 15 minutes of speakers.
    tab = _tab(qtbot, document, Session(title="Late", starts_at=_at(document),
                                        ends_at=_at(document, 15 * 60),
                                        slots=_speakers(5, 5, 5)))
    end = _at(document, 15 * 60)[-5:]
    document.clock.advance(4 * 60)  # the moderator is still waiting for a minister
    tab.refresh_clock()
    line = tab.session_clock_label.text()
    assert line.startswith(f"Scheduled end {end} · projected ")
    assert "(4 min behind)" in line
    tab.toggle()
    document.clock.advance(60)
    tab.refresh_clock()
    assert f"Scheduled end {end}" in tab.session_clock_label.text()  # the plan did not move
    assert "(4 min behind)" in tab.session_clock_label.text()
    # A floor request and a re-added speaker make it later still, not the plan.
    assert tab.timer.add_floor_request("Nina from the floor", 180) is not None
    tab.refresh_clock()
    assert f"Scheduled end {end}" in tab.session_clock_label.text()
    assert "(7 min behind)" in tab.session_clock_label.text()
    floor = store.get_session(document.file, tab.session_id).slots[-1]
    assert floor.added_live
    # Everyone speaks their time: the session ends 7 minutes late, and says so for good,
    # on the laptop and in the report (printed the next morning, against that day's plan).
    document.clock.advance(4 * 60)
    for _ in range(3):
        assert tab.timer.step(1) and tab.timer.toggle()
        document.clock.advance(store.get_session(document.file, tab.session_id).slots[
            tab.model.row_of(tab.timer.current().id)].planned_seconds)
    assert tab.timer.step(1)
    ended = _at(document)[-5:]
    for _ in range(2):
        tab.refresh_clock()
        assert f"Scheduled end {end} · ended {ended} (7 min behind)" in \
            tab.session_clock_label.text()
        document.clock.advance(3600)
    report = load_session_report(document.file, tab.session_id,
                                 now=document.clock.now() + 86_400)
    assert report.timing == f"Scheduled end {end}; ended {ended} (7 min behind)."
    tab.shutdown()


def test_the_speaker_dialog_gives_a_speaker_until_a_time(qtbot, document):
    tab = _tab(qtbot, document, Session(title="Until", slots=_speakers(5)))
    tab.add_speaker()
    dialog = tab.findChild(SpeakerDialog)
    qtbot.keyClicks(dialog.name_edit, "Closing Minister")
    dialog.until_check.setChecked(True)
    assert not dialog.minutes_box.isEnabled()
    now = datetime.fromtimestamp(document.clock.now(), local_zone())
    dialog.until_edit.setTime(QTime(now.hour, now.minute))  # this minute: already begun
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.problem_label.isVisible()
    assert "already passed" in dialog.problem_label.text()
    later = datetime.fromtimestamp(document.clock.now() + 20 * 60 + 59, local_zone())
    dialog.until_edit.setTime(QTime(later.hour, later.minute))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    added = store.get_session(document.file, tab.session_id).slots[-1]
    assert added.person.name == "Closing Minister"
    assert added.until_at is not None and 20 * 60 <= added.until_at - document.clock.now() < 21 * 60
    row = tab.model.rowCount() - 1
    assert tab.model.index(row, Column.PLANNED).data() == f"until {later:%H:%M}"
    tab.shutdown()


def test_the_table_takes_minutes_or_until_and_says_why_not(qtbot, document):
    tab = _tab(qtbot, document, Session(title="Table", slots=_speakers(5, 5)))
    model = tab.model
    later = datetime.fromtimestamp(document.clock.now() + 3600, local_zone())
    assert model.setData(model.index(0, Column.PLANNED), f"until {later:%H:%M}")
    assert model.index(0, Column.PLANNED).data() == f"until {later:%H:%M}"
    assert model.setData(model.index(0, Column.PLANNED), "6.5")
    first = store.get_session(document.file, tab.session_id).slots[0]
    assert (first.planned_seconds, first.until_at) == (390, None)
    earlier = datetime.fromtimestamp(document.clock.now() - 3600, local_zone())
    assert not model.setData(model.index(1, Column.PLANNED), f"{earlier:%H:%M}")
    (box,) = [w for w in QApplication.topLevelWidgets()
              if isinstance(w, QMessageBox) and w.objectName() == "errorMessage"]
    assert "already passed" in box.text()
    box.close()
    tab.shutdown()


def test_m_ss_typed_in_the_evening_is_minutes_not_a_turn_until_morning(qtbot, document):
    # Breaker's find: "5:00" typed at 19:00 became "until 05:00", a turn of ten hours.
    local = datetime.fromtimestamp(document.clock.now(), local_zone())
    document.clock.advance((19 - local.hour) % 24 * 3600 - local.minute * 60 - local.second)
    tab = _tab(qtbot, document, Session(title="Evening", slots=_speakers(3)))
    model = tab.model
    assert model.setData(model.index(0, Column.PLANNED), "5:00")
    first = store.get_session(document.file, tab.session_id).slots[0]
    assert (first.planned_seconds, first.until_at) == (300, None)
    assert model.index(0, Column.PLANNED).data() == "5"  # the cell shows the reading taken
    assert model.setData(model.index(0, Column.PLANNED), "4:30")
    assert store.get_session(document.file, tab.session_id).slots[0].planned_seconds == 270
    tab.shutdown()
