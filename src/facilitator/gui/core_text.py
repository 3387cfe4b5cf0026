"""core's words (slot kinds, note kinds, statuses, SDGs…) in the desktop app's language.

core has no Qt, so its labels are plain English source texts. The GUI shows them through
``core_text`` (translation context "core"). ``CORE_TEXTS`` registers every one of them
for lupdate; tests/unit/test_translations.py checks it still covers all of core's labels,
so a label added to core cannot silently stay English.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from facilitator.core import session_clock
from facilitator.core.clock_text import format_time_of_day
from facilitator.core.model import Slot
from facilitator.core.planned_time import MAX_PLANNED_MINUTES as MAX_MINUTES
from facilitator.core.planned_time import PlannedTimeError, Problem

if TYPE_CHECKING:
    from facilitator.core.notes import TagChoice

CORE_TEXTS = (
    # core.model.SLOT_KIND_LABELS
    QT_TRANSLATE_NOOP("core", "Opening remarks"),
    QT_TRANSLATE_NOOP("core", "Keynote"),
    QT_TRANSLATE_NOOP("core", "Panellist"),
    QT_TRANSLATE_NOOP("core", "Intervention from the floor"),
    QT_TRANSLATE_NOOP("core", "Closing remarks"),
    # core.floor.FLOOR_KIND_LABELS
    QT_TRANSLATE_NOOP("core", "Intervention"),
    QT_TRANSLATE_NOOP("core", "Right of reply"),
    QT_TRANSLATE_NOOP("core", "Point of order"),
    # core.model.CONSTITUENCIES
    QT_TRANSLATE_NOOP("core", "Local and regional governments"),
    QT_TRANSLATE_NOOP("core", "National governments"),
    QT_TRANSLATE_NOOP("core", "UN and international organisations"),
    QT_TRANSLATE_NOOP("core", "Civil society"),
    QT_TRANSLATE_NOOP("core", "Private sector"),
    QT_TRANSLATE_NOOP("core", "Academia"),
    # core.model.GENDERS and core.statistics.UNSPECIFIED
    QT_TRANSLATE_NOOP("core", "woman"),
    QT_TRANSLATE_NOOP("core", "man"),
    QT_TRANSLATE_NOOP("core", "non-binary"),
    QT_TRANSLATE_NOOP("core", "prefers not to say"),
    QT_TRANSLATE_NOOP("core", "not stated"),
    # core.notes.NOTE_KIND_LABELS
    QT_TRANSLATE_NOOP("core", "Note"),
    QT_TRANSLATE_NOOP("core", "Key message"),
    QT_TRANSLATE_NOOP("core", "Recommendation"),
    QT_TRANSLATE_NOOP("core", "Commitment"),
    QT_TRANSLATE_NOOP("core", "Partnership example"),
    QT_TRANSLATE_NOOP("core", "Quote"),
    # core.questions.STATUS_LABELS
    QT_TRANSLATE_NOOP("core", "Pending"),
    QT_TRANSLATE_NOOP("core", "Approved"),
    QT_TRANSLATE_NOOP("core", "Not selected"),
    QT_TRANSLATE_NOOP("core", "Answered"),
    QT_TRANSLATE_NOOP("core", "Merged"),
    # core.notes.tag_choices groups
    QT_TRANSLATE_NOOP("core", "Guiding questions"),
    QT_TRANSLATE_NOOP("core", "SDGs"),
    QT_TRANSLATE_NOOP("core", "WUF12 dialogues and themes"),
    # core.notes.SDG_NAMES
    QT_TRANSLATE_NOOP("core", "No poverty"),
    QT_TRANSLATE_NOOP("core", "Zero hunger"),
    QT_TRANSLATE_NOOP("core", "Good health and well-being"),
    QT_TRANSLATE_NOOP("core", "Quality education"),
    QT_TRANSLATE_NOOP("core", "Gender equality"),
    QT_TRANSLATE_NOOP("core", "Clean water and sanitation"),
    QT_TRANSLATE_NOOP("core", "Affordable and clean energy"),
    QT_TRANSLATE_NOOP("core", "Decent work and economic growth"),
    QT_TRANSLATE_NOOP("core", "Industry, innovation and infrastructure"),
    QT_TRANSLATE_NOOP("core", "Reduced inequalities"),
    QT_TRANSLATE_NOOP("core", "Sustainable cities and communities"),
    QT_TRANSLATE_NOOP("core", "Responsible consumption and production"),
    QT_TRANSLATE_NOOP("core", "Climate action"),
    QT_TRANSLATE_NOOP("core", "Life below water"),
    QT_TRANSLATE_NOOP("core", "Life on land"),
    QT_TRANSLATE_NOOP("core", "Peace, justice and strong institutions"),
    QT_TRANSLATE_NOOP("core", "Partnerships for the goals"),
    # core.notes.WUF12_DIALOGUES
    QT_TRANSLATE_NOOP("core", "Housing our future"),
    QT_TRANSLATE_NOOP("core", "Stronger together"),
    QT_TRANSLATE_NOOP("core", "Financing localization and localizing finance"),
    QT_TRANSLATE_NOOP("core", "Putting people first in a digital era"),
    QT_TRANSLATE_NOOP("core", "The loss of home and urban crises"),
)


def core_text(text: str) -> str:
    """``text`` from core in the UI's language; anything else (user data) comes back as is."""
    return QCoreApplication.translate("core", text) if text else text


class CountedWords(QObject):
    """Texts with a count in them. They live in tr() calls because lupdate gives a message
    its plural forms only there (QCoreApplication.translate needs a literal count)."""

    def minutes_behind(self, minutes: int) -> str:
        return self.tr("%n min behind", "", minutes)

    def minutes_ahead(self, minutes: int) -> str:
        return self.tr("%n min ahead", "", minutes)

    def minutes_left(self, minutes: int) -> str:
        return self.tr("%n MIN LEFT", "", minutes)


def schedule_text(behind: float) -> str:
    """core's ``describe_schedule`` ("4 min behind", "on time") in the UI's language."""
    minutes = session_clock.schedule_minutes(behind)
    if minutes == 0:
        return QCoreApplication.translate("core", "on time")
    words = CountedWords()
    return words.minutes_behind(minutes) if minutes > 0 else words.minutes_ahead(-minutes)


def planned_time_text(slot: Slot, zone: tzinfo) -> str:
    """A slot's planned time as typed: minutes ("6.5") or "until 10:45"."""
    if slot.until_at is not None:
        return QCoreApplication.translate("PlannedTime", "until {time}").format(
            time=format_time_of_day(slot.until_at, zone))
    return f"{slot.planned_seconds / 60:g}"


def planned_time_problem(error: PlannedTimeError) -> str:
    """Why a typed planned time was refused, and what to type instead."""
    if error.problem is Problem.PASSED:
        text = QCoreApplication.translate(
            "PlannedTime", "{text}: that time has already passed. Type minutes (5) or a "
            "time still to come (until 11:30).")
    elif error.problem is Problem.TOO_LONG:
        text = QCoreApplication.translate(
            "PlannedTime", "{text} is more than {limit} minutes away.")
    else:
        text = QCoreApplication.translate(
            "PlannedTime", "“{text}” is neither minutes (5 or 2.5) nor a time of day to end "
            "at (until 10:45).")
    return text.format(text=error.text, limit=MAX_MINUTES)


def tag_choice_text(choice: TagChoice) -> str:
    """The words of a tag in the notes' tag menu ("SDG 11: Sustainable cities…")."""
    from facilitator.core.notes import SDG_NAMES, sdg_number  # with the notes, not at start-up

    tag = choice.tag
    number = sdg_number(tag)
    if number is not None:
        return QCoreApplication.translate("core", "SDG {number}: {name}").format(
            number=number, name=core_text(SDG_NAMES[number - 1]))
    if choice.label == tag:  # a theme: a WUF12 dialogue (translated) or the session's own
        return core_text(tag)
    return choice.label  # a guiding question: the session's own words


def unprintable_note(count: int) -> str:
    """" · 2 characters could not be printed (shown as �)" after a PDF was written, or ""
    when every character printed (``count``: characters no shipped font has)."""
    if not count:
        return ""
    # Two texts, not a %n plural: lupdate of Qt 6.11 and 6.12 read translate()'s count
    # differently, and the .ts must be the same whichever wrote it.
    return " · " + (
        QCoreApplication.translate("Reports", "1 character could not be printed (shown as �)")
        if count == 1 else QCoreApplication.translate(
            "Reports", "{count} characters could not be printed (shown as �)").format(
                count=count))
