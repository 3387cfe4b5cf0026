"""A summary section saved on a rapporteur's device while the laptop edited it too: the
laptop never overwrites it unseen. The rule is three-way, per section: a section the laptop
did not touch takes the device's text; one both changed is a conflict the moderator settles
(keep mine, take theirs, or merge by hand), as the rapporteur's page does."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QMessageBox, QWidget

from facilitator.core.notes import Summary, section_keys, section_text, with_section
from facilitator.gui.user_text import message_box

KEEP_MINE, TAKE_THEIRS, MERGE_BY_HAND = "mine", "theirs", "merge"


@dataclass(frozen=True)
class SectionConflict:
    """A section both sides changed: the laptop's text, the saved one and its revision."""

    key: str
    mine: str
    theirs: str
    revision: int


def reconcile(mine: Summary, loaded: Summary, bases: Mapping[str, int], stored: Summary,
              revisions: Mapping[str, int]) -> tuple[Summary, list[SectionConflict]]:
    """What the laptop should save, and the sections it must ask about.

    ``loaded``/``bases``: the summary and revisions the laptop's fields started from;
    ``stored``/``revisions``: what the file holds now. A section whose revision moved and
    that the laptop did not edit takes the stored text.
    """
    merged = mine
    conflicts = []
    count = max(len(mine.answers), len(stored.answers), len(loaded.answers))
    for key in section_keys(mine, count):
        if revisions.get(key, 0) == bases.get(key, 0):
            continue
        ours, theirs = section_text(mine, key), section_text(stored, key)
        if ours == section_text(loaded, key):
            merged = with_section(merged, key, theirs)
        elif ours != theirs:
            conflicts.append(SectionConflict(key, ours, theirs, revisions.get(key, 0)))
    return merged, conflicts


def merged_by_hand(conflict: SectionConflict) -> str:
    """Both texts, the laptop's first, for the moderator to edit into one."""
    parts = [conflict.mine.rstrip(), conflict.theirs.rstrip()]
    return "\n".join(part for part in parts if part)


def ask(parent: QWidget | None, section_title: str, conflict: SectionConflict,
        on_choice: Callable[[str], None]) -> QMessageBox:
    """Show both texts and let the moderator choose, without blocking the event loop;
    ``on_choice`` gets KEEP_MINE, TAKE_THEIRS or MERGE_BY_HAND (Escape: merge by hand,
    which loses nothing). Returns the open box (objectName ``summaryConflict``)."""
    box = message_box(parent, QMessageBox.Icon.Warning, QCoreApplication.translate(
        "SummaryConflict", "Summary changed elsewhere"), QCoreApplication.translate(
        "SummaryConflict", "“{section}” was saved on a rapporteur's device while you were "
        "editing it here. Which text should the summary keep?").format(section=section_title))
    box.setObjectName("summaryConflict")
    empty = QCoreApplication.translate("SummaryConflict", "(empty)")
    box.setInformativeText(QCoreApplication.translate(
        "SummaryConflict", "Yours:\n{mine}\n\nTheirs:\n{theirs}").format(
        mine=conflict.mine or empty, theirs=conflict.theirs or empty))
    for label in box.findChildren(QLabel):  # both texts are user text: never markup
        label.setTextFormat(Qt.TextFormat.PlainText)
    mine = box.addButton(QCoreApplication.translate("SummaryConflict", "Keep mine"),
                         QMessageBox.ButtonRole.AcceptRole)
    theirs = box.addButton(QCoreApplication.translate("SummaryConflict", "Take theirs"),
                           QMessageBox.ButtonRole.RejectRole)
    merge = box.addButton(QCoreApplication.translate("SummaryConflict", "Merge by hand"),
                          QMessageBox.ButtonRole.ActionRole)
    buttons: dict[QAbstractButton, str] = {mine: KEEP_MINE, theirs: TAKE_THEIRS,
                                           merge: MERGE_BY_HAND}
    box.setDefaultButton(merge)
    box.setEscapeButton(merge)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(lambda *_: on_choice(buttons.get(box.clickedButton(),
                                                          MERGE_BY_HAND)))
    box.open()
    return box
