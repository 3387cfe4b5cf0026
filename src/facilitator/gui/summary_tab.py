"""The session summary: sections prefilled from the notes, every field editable and saved,
with a preview of the printed pages, Print…, Save PDF… and Open PDF (all offline).

No PDF is made on the GUI thread: the preview on its own worker (summary_preview.py);
Save PDF, Open PDF and Print through the window's export writer (export_writer.py), which
reads the session on a worker, writes the PDF there and, for Print, renders and paints the
pages on the printer there too — only the print dialog is the GUI thread's. A session of
20,000 questions held the window 0.2–0.4 s per PDF, and Print for seconds.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QImage, QKeySequence, QPixmap, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator.actions import notes
from facilitator.actions.changes import Changes, Kind
from facilitator.core.model import Session
from facilitator.core.notes import Summary, fill_empty_sections, prefill_summary, with_section
from facilitator.gui.core_text import unprintable_note
from facilitator.gui.document import FAILED, EventDocument, attempt, show_error
from facilitator.gui.export_menu import report_language
from facilitator.gui.runner import CommandRunner
from facilitator.gui.summary_conflict import (
    MERGE_BY_HAND,
    TAKE_THEIRS,
    SectionConflict,
    ask,
    merged_by_hand,
    reconcile,
)
from facilitator.gui.summary_preview import (
    PreviewRenderer,
    PreviewRequest,
    RenderedPreview,
    write_summary_pdf,
)
from facilitator.reports.session_report import load_session_report, speaker_names
from facilitator.store import EventFile
from facilitator.store import notes as note_store
from facilitator.store import summaries as store

SAVE_DELAY_MS = 500
PREVIEW_DELAY_MS = 1500
PREVIEW_DPI = 60.0
PAGES_PER_TURN = 8  # preview pages shown per event-loop turn
PAGE_SIZE_SETTING = "report.page_size"
SECTIONS = (("key_messages", QT_TRANSLATE_NOOP("SummaryTab", "Key messages")),
            ("recommendations", QT_TRANSLATE_NOOP("SummaryTab", "Recommendations")),
            ("commitments", QT_TRANSLATE_NOOP("SummaryTab", "Commitments")),
            ("way_forward", QT_TRANSLATE_NOOP("SummaryTab", "Way forward")))


def _plain_label(text: str, parent: QWidget, bold: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label

PAGE_SIZE_NAMES = ("A4", "Letter")  # the keys of reports.summary_pdf.PAGE_SIZES


def pdf_pages():
    """The PDF page renderer, loaded when first needed (PDFium is not needed to start)."""
    from facilitator.gui import pdf_pages as module

    return module


class _FocusOutSaver(QObject):
    def __init__(self, tab: SummaryTab) -> None:
        super().__init__(tab)
        self.tab = tab

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.tab.flush()
        return False


class SummaryTab(QWidget):
    """Edit the session summary and print it."""

    did_print = Signal(int)  # pages sent to the printer by Print (0: it failed)

    def __init__(self, document: EventDocument, parent: QWidget | None = None, *,
                 runner: CommandRunner | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.runner = runner or document.runner
        self.session_id: int | None = None
        self.session: Session | None = None
        self.summary = Summary()
        self.revisions: dict[str, int] = {}  # each section's revision the fields started from
        self.is_draft = True  # nothing saved yet: the sections follow the notes
        self.dirty = False
        self._saving = False
        self._asking: QMessageBox | None = None  # a conflict being asked about
        self.fields: dict[str, QPlainTextEdit] = {}
        self.answer_fields: list[QPlainTextEdit] = []
        self.page_labels: list[QLabel] = []
        self._pages_to_show: list[QImage] = []  # rendered, their labels still to be made
        self._workdir = Path(tempfile.mkdtemp(prefix="facilitator-summary-"))
        self.pdf_path: Path | None = None
        self.unprintable = 0  # characters of the last PDF that no shipped font has
        self._renderer = PreviewRenderer(self)
        self._renderer.preview_did_render.connect(self._take_preview)
        self._preview_generation = 0  # the newest preview asked; older ones are dropped
        self._previewing = False  # one on the worker
        self._preview_again = False  # and another asked meanwhile
        self._printing = False  # pages being sent to a printer (on a worker)
        self._opening = False  # a PDF being made to open in the system's viewer
        self._made = 0  # PDFs made for Open and Print: each its own file
        self._focus_saver = _FocusOutSaver(self)
        self._build()
        document.notes_did_change.connect(self._on_notes_changed)
        document.session_did_change.connect(self._on_session_changed)
        document.slots_did_change.connect(lambda sid: self._schedule_preview(sid))
        document.questions_did_change.connect(lambda sid: self._schedule_preview(sid))
        self.runner.did_change.connect(self._on_changes)
        self.set_session(None)

    def _on_changes(self, changes: Changes) -> None:
        # An undo or redo of a summary edit: show the sections as they are now saved.
        if (self.session is not None and not self.dirty and not self._saving
                and changes.touches(Kind.SUMMARY, self.session.id)):
            self._load_summary()
            self._update_status()
            self._schedule_preview(self.session.id)

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(splitter)

        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.status = _plain_label("", left)
        self.status.setObjectName("summaryStatus")
        top.addWidget(self.status, 1)
        self.fill_button = QPushButton(self.tr("Fill empty sections from notes"), left)
        self.fill_button.setObjectName("fillFromNotesButton")
        self.fill_button.clicked.connect(self.fill_from_notes)
        top.addWidget(self.fill_button)
        self.pull_button = QPushButton(self.tr("Pull in plain notes…"), left)
        self.pull_button.setObjectName("pullNotesButton")
        self.pull_button.clicked.connect(self.pull_in_notes)
        top.addWidget(self.pull_button)
        left_layout.addLayout(top)
        self.form_area = QScrollArea(left)
        self.form_area.setAccessibleName(self.tr("Summary sections"))  # for a screen reader
        self.form_area.setWidgetResizable(True)
        left_layout.addWidget(self.form_area, 1)
        splitter.addWidget(left)

        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.page_size = QComboBox(right)
        self.page_size.setObjectName("pageSize")
        self.page_size.setToolTip(self.tr("Paper size of the PDF"))
        self.page_size.addItems(list(PAGE_SIZE_NAMES))
        saved_size = self.document.file.get_setting(PAGE_SIZE_SETTING, "A4")
        self.page_size.setCurrentText(saved_size if saved_size in PAGE_SIZE_NAMES else "A4")
        self.page_size.activated.connect(self._on_page_size)
        bar.addWidget(self.page_size)
        self.refresh_button = QPushButton(self.tr("Refresh preview"), right)
        self.refresh_button.setObjectName("refreshPreviewButton")
        self.refresh_button.clicked.connect(self.refresh_preview)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        self.print_action = self._action(self.tr("&Print summary…"), self.print_summary,
                                         "printButton")
        self.save_action = self._action(self.tr("&Save summary PDF…"), self.save_pdf,
                                        "savePdfButton")
        self.open_action = self._action(self.tr("&Open summary PDF"), self.open_pdf,
                                        "openPdfButton")
        for action, text in ((self.save_action, self.tr("Save PDF…")),
                             (self.open_action, self.tr("Open PDF")),
                             (self.print_action, self.tr("Print…"))):
            button = QPushButton(text, right)
            button.setObjectName(action.objectName())
            button.clicked.connect(action.trigger)
            bar.addWidget(button)
        right_layout.addLayout(bar)
        self.pages_info = _plain_label("", right)
        self.pages_info.setObjectName("pagesInfo")
        right_layout.addWidget(self.pages_info)
        self.preview_area = QScrollArea(right)
        self.preview_area.setObjectName("summaryPreview")
        self.preview_area.setAccessibleName(self.tr("Preview of the PDF"))
        # Not resizable: the pages widget takes exactly the size of the rendered pages.
        self.preview_area.setWidgetResizable(False)
        self.preview_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.preview_area.setStyleSheet("QScrollArea { background: #6b7680; }")
        pages = QWidget()
        pages.setObjectName("previewPages")
        # The pages' frame set once here: a style sheet per page label was parsed for each.
        pages.setStyleSheet("#previewPages { background: #6b7680; } #previewPages > QLabel "
                            "{ border: 1px solid #3d454c; background: white; }")
        self.pages_layout = QVBoxLayout(pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.pages_layout.setSpacing(12)
        self.preview_area.setWidget(pages)
        right_layout.addWidget(self.preview_area, 1)
        splitter.addWidget(right)
        splitter.setSizes([560, 460])

        self.save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self.save_timer.timeout.connect(self.save)
        self.preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self._preview_if_visible)

    def _action(self, text: str, slot, name: str,
                shortcut: QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name.replace("Button", "Action"))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _editor(self, parent: QWidget, name: str) -> QPlainTextEdit:
        editor = QPlainTextEdit(parent)
        editor.setObjectName(name)
        editor.setPlaceholderText(self.tr("One point a line"))
        editor.setTabChangesFocus(True)
        editor.setMinimumHeight(90)
        editor.setMaximumHeight(180)
        editor.textChanged.connect(self._on_typed)
        editor.installEventFilter(self._focus_saver)
        return editor

    def _build_form(self) -> None:
        """One editor per section; one per guiding question of the session."""
        form = QWidget()
        layout = QVBoxLayout(form)
        self.fields = {}
        self.answer_fields = []
        questions = self.session.guiding_questions if self.session else ()
        for key, title in SECTIONS:
            heading = _plain_label(self.tr(title), form, bold=True)
            layout.addWidget(heading)
            self.fields[key] = self._editor(form, f"summary_{key}")
            heading.setBuddy(self.fields[key])  # a screen reader names the editor by it
            layout.addWidget(self.fields[key])
            if key == "key_messages":
                layout.addWidget(_plain_label(self.tr("Answers to the guiding questions"),
                                              form, bold=True))
                for index, question in enumerate(questions):
                    asked = f"Q{index + 1}. {question}"
                    layout.addWidget(_plain_label(asked, form))
                    editor = self._editor(form, f"summary_answer_{index + 1}")
                    # Named, not a buddy label: a label with a buddy reads "&" in the
                    # typed question as a keyboard letter.
                    editor.setAccessibleName(asked)
                    self.answer_fields.append(editor)
                    layout.addWidget(editor)
                if not questions:
                    layout.addWidget(_plain_label(
                        self.tr("This session has no guiding questions."), form))
        layout.addStretch(1)
        form.setEnabled(self.session is not None)
        self.form_area.setWidget(form)

    # --- the tab contract -----------------------------------------------------------------

    def first_stop(self) -> QWidget:
        """The control Tab reaches first from the tab bar (keyboard.FirstStopAfterTabBar):
        the first section's editor of the form shown (built anew for each session)."""
        return next(iter(self.fields.values()), self.fill_button)

    def menu_actions(self) -> list[QAction]:
        return [self.print_action, self.save_action, self.open_action]

    def set_session(self, session_id: int | None) -> None:
        self.flush()
        self.session_id = session_id
        self.session = None
        if session_id is not None:
            loaded = attempt(self, self.tr("Could not read the session"),
                             lambda: self.document.session_state.session(session_id))
            self.session = None if loaded is FAILED else loaded
        self._build_form()
        self._load_summary()
        self.fill_button.setEnabled(self.session is not None)
        for action in (self.print_action, self.save_action, self.open_action):
            action.setEnabled(self.session is not None)
        self._clear_preview()
        self._preview_if_visible()

    def shutdown(self) -> None:
        self._preview_generation += 1  # a preview on the worker is not shown
        self.flush()
        shutil.rmtree(self._workdir, ignore_errors=True)

    # --- summary data ---------------------------------------------------------------------

    def _prefilled(self) -> Summary:
        assert self.session is not None
        notes = note_store.list_notes(self.document.file, self.session.id)
        return prefill_summary(self.session, notes, speaker_names(self.session))

    def _load_summary(self) -> None:
        self.revisions = {}
        if self.session is None:
            self.summary, self.is_draft = Summary(), True
        else:
            saved = attempt(self, self.tr("Could not read the summary"),
                            lambda: store.get_summary_with_revisions(self.document.file,
                                                                     self.session.id))
            if saved is FAILED or saved is None or saved[0].is_empty():
                self.summary, self.is_draft = self._prefilled(), True
            else:
                (self.summary, self.revisions), self.is_draft = saved, False
        self._show_summary(self.summary)

    def _show_summary(self, summary: Summary) -> None:
        for key, editor in self.fields.items():
            self._set_text(editor, getattr(summary, key))
        for index, editor in enumerate(self.answer_fields):
            self._set_text(editor, summary.answer(index))
        self.dirty = False
        self._update_status()

    @staticmethod
    def _set_text(editor: QPlainTextEdit, text: str) -> None:
        if editor.toPlainText() != text:
            editor.blockSignals(True)
            editor.setPlainText(text)
            editor.blockSignals(False)

    def summary_from_fields(self) -> Summary:
        summary = Summary(
            key_messages=self.fields["key_messages"].toPlainText(),
            answers=tuple(editor.toPlainText() for editor in self.answer_fields),
            recommendations=self.fields["recommendations"].toPlainText(),
            commitments=self.fields["commitments"].toPlainText(),
            way_forward=self.fields["way_forward"].toPlainText(),
            extra=self.summary.extra,
        )
        # Answers to questions removed from the session since are kept, not dropped.
        extra_answers = self.summary.answers[len(self.answer_fields):]
        if extra_answers:
            summary = replace(summary, answers=summary.answers + extra_answers)
        return summary

    def _update_status(self) -> None:
        if self.session is None:
            text = self.tr("Select a session to write its summary.")
        elif self.is_draft:
            text = self.tr("Draft from the notes (key messages, recommendations, commitments, "
                           "partnership examples, notes tagged with a question). Edit any "
                           "section to keep it.")
        else:
            text = self.tr("Saved. Every change is saved as you type.")
        self.status.setText(text)

    def _on_typed(self) -> None:
        if self.session is None:
            return
        self.dirty = True
        self.save_timer.start()

    def flush(self) -> None:
        """Save pending typing now (focus left a field, session switch, window closing)."""
        if self.dirty:
            self.save()

    def save(self) -> None:
        self.save_timer.stop()
        if self.session is None or not self.dirty or self._asking is not None:
            return
        session_id = self.session.id
        # A rapporteur's device may have saved sections meanwhile: those untouched here
        # take its text, those changed on both sides are asked about (summary_conflict).
        stored = attempt(self, self.tr("Could not read the summary"),
                         lambda: store.get_summary_with_revisions(self.document.file,
                                                                  session_id))
        if stored is FAILED:
            return
        saved, revisions = stored if stored is not None else (Summary(), {})
        summary, conflicts = reconcile(self.summary_from_fields(), self.summary,
                                       self.revisions, saved, revisions)
        if conflicts:
            self._ask_about(conflicts[0])
            return
        self._saving = True  # its own change signal must not reload over the fields
        try:
            done = self.runner.run(notes.save_summary(session_id, summary,
                                                      at=self.document.clock.now(),
                                                      bases=self.revisions), self)
        finally:
            self._saving = False
        if done is None:
            return
        self._show_summary(summary)  # the sections taken from the device, if any
        self.summary, self.revisions, self.is_draft = summary, dict(done.result), False
        self._update_status()
        self._schedule_preview(session_id)

    def _ask_about(self, conflict: SectionConflict) -> None:
        def chosen(choice: str) -> None:
            self._asking = None
            editor = self._section_editor(conflict.key)
            # Either way the other text has now been seen: save from its revision.
            self.revisions[conflict.key] = conflict.revision
            if choice == TAKE_THEIRS:
                self._set_text(editor, conflict.theirs)
                self.summary = with_section(self.summary, conflict.key, conflict.theirs)
            elif choice == MERGE_BY_HAND:
                editor.setPlainText(merged_by_hand(conflict))
                editor.setFocus()
                self.dirty = True
                return  # saved on the next pause in typing, as any edit
            self.dirty = True
            self.save()

        self._asking = ask(self, self._section_title(conflict.key), conflict, chosen)

    def _section_editor(self, key: str) -> QPlainTextEdit:
        if key.startswith("answer."):
            return self.answer_fields[int(key.removeprefix("answer."))]
        return self.fields[key]

    def _section_title(self, key: str) -> str:
        if key.startswith("answer.") and self.session is not None:
            index = int(key.removeprefix("answer."))
            return f"Q{index + 1}. {self.session.guiding_questions[index]}"
        return self.tr(dict(SECTIONS).get(key, key))

    def fill_from_notes(self) -> None:
        """Put the notes' draft into the sections that are still empty, and save."""
        if self.session is None:
            return
        filled = fill_empty_sections(self.summary_from_fields(), self._prefilled())
        self._show_summary(filled)
        self.dirty = True
        self.save()

    def pull_in_notes(self) -> None:
        """Tick plain notes (gui/note_picker.py) and add them to a section, then save."""
        from facilitator.gui.note_picker import NotePicker

        if self.session is None:
            return
        editors = [self.fields[key] for key, _ in SECTIONS] + self.answer_fields
        names = [self.tr(title) for _, title in SECTIONS] + [
            f"Q{i + 1}. {q}" for i, q in enumerate(self.session.guiding_questions)]
        picker = NotePicker(note_store.list_notes(self.document.file, self.session.id), names,
                            speaker_names(self.session), self)
        if picker.exec() != NotePicker.DialogCode.Accepted or not picker.lines():
            return
        editor = editors[picker.section.currentIndex()]
        editor.setPlainText("\n".join(filter(None, [editor.toPlainText().rstrip(),
                                                     *picker.lines()])))
        self.dirty = True
        self.save()

    def _on_notes_changed(self, session_id: int) -> None:
        if session_id != self.session_id or self.session is None:
            return
        if self.is_draft and not self.dirty:
            self.summary = self._prefilled()
            self._show_summary(self.summary)
        self._schedule_preview(session_id)

    def _on_session_changed(self, session_id: int) -> None:
        if session_id == self.session_id:
            self.set_session(session_id)

    # --- the PDF ------------------------------------------------------------------------

    def _write_on_worker(self, path: Path, title: str, on_done: Callable[[Any], None], *,
                         busy_text: str | None = None, on_failed: Callable[[], None] | None
                         = None, then: Callable[[Path], object] | None = None) -> bool:
        """Read the summary and write its PDF to ``path`` on a worker (then ``then(path)``
        there too); ``on_done(result)`` on the GUI thread, ``result`` the number of
        characters no font printed, or what ``then`` returned. False when nothing was
        started (no session, or ``path`` is still being written)."""
        self.flush()  # the worker reads the summary as saved
        if self.session is None:
            return False
        session_id, now = self.session.id, self.document.clock.now()
        page_size, language = self.page_size.currentText(), report_language(self.document)

        def write(connection: EventFile) -> object:
            report = load_session_report(connection, session_id, now)
            unprintable = write_summary_pdf(report, page_size, language, path)
            return unprintable if then is None else (unprintable, then(path))

        return self.document.exports.write(path, write, on_done, self, title,
                                           on_failed=on_failed, busy_text=busy_text)

    def _made_pdf(self, folder: str) -> Path:
        """A new file in the tab's own folder: a PDF still being opened or printed is never
        replaced by the next one."""
        self._made += 1
        place = self._workdir / folder
        place.mkdir(exist_ok=True)
        return place / f"{self._fresh_name()}-{self._made}.pdf"

    def refresh_preview(self) -> None:
        """The preview made again (the moderator asked: Refresh, another page size), on a
        worker as after every change; the pages shown stay until the new ones come."""
        self._preview_on_worker()

    def _preview_on_worker(self) -> None:
        """The preview after a change (notes, questions, speakers, showing the tab): read,
        written and rendered on a worker while the window goes on (~0.5 s held the
        window each time); the pages shown stay until the new ones come."""
        self.preview_timer.stop()
        self.flush()  # the worker reads the summary as saved
        if self.session is None or not self._workdir.exists():  # none, or shut down
            return
        self._preview_generation += 1
        if self._previewing:  # one at a time: the newest asked follows
            self._preview_again = True
            return
        self._previewing, self._preview_again = True, False
        # A file of its own: a PDF made at once meanwhile (Print, Save) is never replaced
        # by this one when it comes late.
        folder = self._workdir / "preview"
        folder.mkdir(exist_ok=True)
        self._renderer.render(PreviewRequest(
            Path(self.document.file.path), self.session.id, self.document.clock.now(),
            self.page_size.currentText(), report_language(self.document),
            folder / f"{self._fresh_name()}.pdf", PREVIEW_DPI),
            self._preview_generation)

    def _take_preview(self, generation: int, result: RenderedPreview | BaseException
                      ) -> None:
        self._previewing = False
        if self._preview_again:  # something changed while it was made: the newer one
            self._preview_on_worker()
            return
        if generation != self._preview_generation:
            return  # another session (or the tab shut down) since
        if not isinstance(result, RenderedPreview):
            show_error(self, self.tr("Could not make the summary PDF"), _error_text(result))
            return
        self.pdf_path, self.unprintable = result.pdf, result.unprintable
        self._show_pages(result.pages)

    def _show_pages(self, images: list) -> None:
        self._clear_preview()
        count = len(images)
        # English says "1 page" and "2 pages" without a translator: %n with a plural form
        # per language, and the English source texts chosen here.
        pages = (self.tr("1 page, {size}") if count == 1
                 else self.tr("%n pages, {size}", "", count))
        self.pages_info.setText(pages.format(size=self.page_size.currentText())
                                + self._unprintable_note())
        self._pages_to_show = list(images)
        self._show_some_pages()

    def _show_some_pages(self) -> None:
        """The next ``PAGES_PER_TURN`` pages, then the event loop's turn: a session of
        20,000 questions prints 133 pages, whose labels held the window ~0.2–0.5 s made
        at once."""
        batch = self._pages_to_show[:PAGES_PER_TURN]
        del self._pages_to_show[:PAGES_PER_TURN]
        for image in batch:
            label = QLabel(self.preview_area.widget())
            label.setObjectName(f"previewPage{len(self.page_labels) + 1}")
            label.setPixmap(QPixmap.fromImage(image))
            label.setFixedSize(image.width() + 2, image.height() + 2)
            self.pages_layout.addWidget(label)
            label.show()  # a layout ignores hidden widgets when it is activated below
            self.page_labels.append(label)
        # Lay the pages out now, so the scroll area knows their height before it paints.
        self.pages_layout.activate()
        self.preview_area.widget().adjustSize()
        if self._pages_to_show:
            QTimer.singleShot(0, self._show_some_pages)

    def _clear_preview(self) -> None:
        self._pages_to_show = []  # a batch still to come is not shown
        for label in self.page_labels:
            self.pages_layout.removeWidget(label)
            label.deleteLater()
        self.page_labels = []
        self.pages_info.setText("")
        self.preview_area.widget().adjustSize()

    def _schedule_preview(self, session_id: int) -> None:
        if session_id == self.session_id:
            self.preview_timer.start()

    def _preview_if_visible(self) -> None:
        if self.isVisible() and self.session is not None:
            self._preview_on_worker()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.page_labels:
            QTimer.singleShot(0, self._preview_if_visible)

    def _on_page_size(self, _: int) -> None:
        size = self.page_size.currentText()
        attempt(self, self.tr("Could not keep the page size"),
                lambda: self.document.file.set_setting(PAGE_SIZE_SETTING, size))
        self.refresh_preview()

    def save_pdf(self) -> None:
        if self.session is None:
            return
        suggested = self._fresh_name() + ".pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the summary as PDF"),
                                              suggested,
                                              "PDF (*.pdf)")
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"

        def saved(unprintable: int) -> None:
            self.unprintable = unprintable
            self.pages_info.setText(self.tr("Saved {path}").format(path=path)
                                    + self._unprintable_note())

        self._write_on_worker(Path(path), self.tr("Could not make the summary PDF"), saved)

    def _unprintable_note(self) -> str:
        return unprintable_note(self.unprintable)

    def _fresh_name(self) -> str:
        assert self.session is not None
        return re.sub(r"[^\w.-]+", "-", self.session.title)[:60].strip("-") or "summary"

    def open_pdf(self) -> None:
        """Open the summary in the system's PDF viewer (made on a worker; asked again
        while it is made, the one under way opens)."""
        if self.session is None or self._opening:
            return
        path = self._made_pdf("open")

        def made(unprintable: int) -> None:
            self._opening = False
            self.pdf_path, self.unprintable = path, unprintable
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        def failed() -> None:
            self._opening = False

        self._opening = self._write_on_worker(
            path, self.tr("Could not make the summary PDF"), made, on_failed=failed,
            busy_text=self.tr("Making the summary PDF…"))

    def print_summary(self) -> None:
        """The system print dialog, then the same pages as the PDF."""
        if self.session is None:
            return
        if self._printing:  # the dialog is not offered again until the pages are sent
            self.pages_info.setText(self.tr("Still sending the summary to the printer…"))
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.session.title)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the summary"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Print the summary's pages on ``printer``: the PDF written, its pages rendered
        and painted on the printer on a worker (Qt paints on a QPrinter from any one
        thread; the printer is left to the worker until it is done). ``did_print(pages)``
        follows on the GUI thread (0: failed, after saying why). False when nothing was
        started (no session, or pages still being sent)."""
        if self.session is None or self._printing:
            return False
        path = self._made_pdf("print")

        def printed(result: tuple[int, int]) -> None:
            self._printing = False
            self.unprintable, pages = result
            self.pdf_path = path
            sent = (self.tr("Sent 1 page to the printer") if pages == 1
                    else self.tr("Sent %n pages to the printer", "", pages))
            self.pages_info.setText(sent + self._unprintable_note())
            self.did_print.emit(pages)

        def failed() -> None:
            self._printing = False
            self.did_print.emit(0)

        self._printing = self._write_on_worker(
            path, self.tr("Could not print the summary"), printed, on_failed=failed,
            busy_text=self.tr("Sending the summary to the printer…"),
            then=lambda pdf: _print(pdf, printer))
        return self._printing


def _print(pdf: Path, printer: QPrinter) -> int:
    """The PDF's pages on ``printer`` (on the worker); a printer that refuses is said as
    itself, not as a file that could not be written."""
    from facilitator.store import EventFileError

    try:
        return pdf_pages().print_pdf(pdf, printer)
    except OSError as error:
        raise EventFileError(str(error)) from None


def _error_text(error: BaseException) -> str:
    """What stopped a preview, in one line in the interface language where we know it."""
    from facilitator.store import EventFileError

    if isinstance(error, EventFileError):
        from facilitator.gui.action_text import file_error_text

        return file_error_text(error)
    return str(error).splitlines()[0] if str(error) else type(error).__name__
