"""Notes keep who was speaking when their speaker leaves the list.

Before: a note was linked to its speaker's turn only (``notes.slot_id``, set NULL with the
slot). A rapporteur wrote notes while a minister spoke; the minister was then removed from
the list (or the list replaced by an agenda import) and every report printed those notes as
nobody's: the PDF, the Word file, the Summary tab's draft and preview, the exports, the
Notes tab and the rapporteur's page. Now each note keeps the name with its link
(``notes.speaker``, migration 0014), and a file written before that gets the names back
from the removals' log lines. Real PDFs read back with pdftotext, .docx with python-docx.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

import docx
import pytest

from facilitator.actions import notes as note_actions
from facilitator.actions import speakers
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.core.notes import NoteKind
from facilitator.reports.exports import export_data
from facilitator.reports.session_report import current_summary, load_session_report
from facilitator.reports.summary_docx import WordReport
from facilitator.reports.summary_pdf import SummaryReport
from facilitator.store import EventFile
from facilitator.store import notes as note_store
from facilitator.store.sessions import get_session, list_sessions

QUOTE = "Cities must reach the climate funds directly."
KEY = "A direct window for local governments in the climate funds."
TAGGED = "Tunis votes 30% of its budget in neighbourhood councils."


def _pdf_text(report) -> str:
    out = io.BytesIO()
    SummaryReport("A4").write_session(report, out)
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: .ci/run installs it")
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=out.getvalue(),
                          capture_output=True, check=True, timeout=60)
    return re.sub(r"\s+", " ", done.stdout.decode())


def _docx_text(report) -> str:
    out = io.BytesIO()
    WordReport("en").write_session(report, out)
    document = docx.Document(io.BytesIO(out.getvalue()))
    return re.sub(r"\s+", " ", "\n".join(p.text for p in document.paragraphs))


def _notes_while_speaking(ef: EventFile) -> tuple[int, int, str]:
    """Three notes linked to the second speaker: (session, slot, the speaker's name)."""
    session = get_session(ef, list_sessions(ef)[0].id)
    slot = session.slots[1]
    now = time.time()
    for text, kind, tags in ((QUOTE, NoteKind.QUOTE, ()), (KEY, NoteKind.KEY_MESSAGE, ()),
                             (TAGGED, NoteKind.NOTE, ("SDG 11",))):
        run(ef, LAPTOP, note_actions.add_note(session.id, text, at=now, kind=kind,
                                              tags=tags, slot_id=slot.id))
    return session.id, slot.id, slot.person.name


def _said_everywhere(ef: EventFile, session_id: int, name: str) -> None:
    """Every report and listing names ``name`` beside the notes."""
    report = load_session_report(ef, session_id)
    for text in (_pdf_text(report), _docx_text(report)):
        assert f"“{QUOTE}” — {name}" in text
        assert f"{TAGGED} ({name})" in text  # notes by tag
        assert f"{KEY} ({name})" in text  # the draft summary's key messages
    summary, draft = current_summary(ef, get_session(ef, session_id))
    assert draft and f"- {KEY} ({name})" in summary.key_messages.splitlines()
    rows = json.loads(export_data(ef, "notes", "json", session_id))["notes"]
    assert {row["speaker"] for row in rows} == {name}
    assert {note.speaker for note in note_store.list_notes(ef, session_id)} == {name}


def test_notes_of_a_removed_speaker_print_with_their_name(event_file):
    session_id, slot_id, name = _notes_while_speaking(event_file)
    run(event_file, LAPTOP, speakers.remove_speaker(session_id, slot_id))
    assert all(n.slot_id is None for n in note_store.list_notes(event_file, session_id))
    _said_everywhere(event_file, session_id, name)


def test_editing_a_removed_speakers_note_keeps_the_name_unlinking_drops_it(event_file):
    session_id, slot_id, name = _notes_while_speaking(event_file)
    run(event_file, LAPTOP, speakers.remove_speaker(session_id, slot_id))
    note = note_store.list_notes(event_file, session_id)[0]
    # The Notes tab saves an edit with the speaker box as it shows: nobody for a removed one.
    run(event_file, LAPTOP, note_actions.edit_note(session_id, note.id, at=time.time(),
                                                  text="Fixed typo.", slot_id=None))
    assert note_store.get_note(event_file, note.id).speaker == name
    other = get_session(event_file, session_id).slots[0]
    run(event_file, LAPTOP, note_actions.edit_note(session_id, note.id, at=time.time(),
                                                  slot_id=other.id))
    assert note_store.get_note(event_file, note.id).speaker == other.person.name
    run(event_file, LAPTOP, note_actions.edit_note(session_id, note.id, at=time.time(),
                                                  slot_id=None))
    assert note_store.get_note(event_file, note.id).speaker == ""


def test_a_corrected_name_shows_while_the_speaker_is_on_the_list(event_file):
    from facilitator.core.model import Person

    session_id, slot_id, name = _notes_while_speaking(event_file)
    run(event_file, LAPTOP, speakers.edit_speaker(
        session_id, slot_id, person=Person(name="Amina Diallo, Mayor of Dakar")))
    report = load_session_report(event_file, session_id)
    assert f"“{QUOTE}” — Amina Diallo, Mayor of Dakar" in _pdf_text(report)


def _as_before_0014(path: Path) -> None:
    """The file as facilitator wrote it before notes kept their speaker's name: the same
    tables and log lines, without the column and its migration."""
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("ALTER TABLE notes DROP COLUMN speaker")
        connection.execute("DELETE FROM _sqlite_migrations WHERE name = '0014_note_speakers'")
    connection.close()


def test_an_older_file_gets_its_removed_speakers_names_back(tmp_path, sample_path):
    path = tmp_path / "yesterday.db"
    shutil.copy(sample_path, path)
    with EventFile.open(path) as ef:
        session_id, slot_id, name = _notes_while_speaking(ef)
        session = get_session(ef, session_id)
        # A note linked to nobody stays nobody's; one linked to a speaker still listed
        # gets that name; the removed speaker's notes get theirs from the log.
        run(ef, LAPTOP, note_actions.add_note(session_id, "Nobody's note.", at=time.time()))
        kept = session.slots[2]
        run(ef, LAPTOP, note_actions.add_note(session_id, "Still listed.", at=time.time(),
                                              slot_id=kept.id))
        run(ef, LAPTOP, speakers.remove_speaker(session_id, slot_id))
    _as_before_0014(path)
    with EventFile.open(path) as ef:
        by_text = {n.text: n.speaker for n in note_store.list_notes(ef, session_id)}
        assert by_text == {QUOTE: name, KEY: name, TAGGED: name, "Nobody's note.": "",
                           "Still listed.": kept.person.name}
        _said_everywhere_but_nobody(ef, session_id, name)


def _said_everywhere_but_nobody(ef: EventFile, session_id: int, name: str) -> None:
    report = load_session_report(ef, session_id)
    text = _pdf_text(report)
    assert f"“{QUOTE}” — {name}" in text and f"{TAGGED} ({name})" in text
    assert f"“{QUOTE}” — {name}" in _docx_text(report)


def test_an_older_file_whose_removals_kept_no_notes_falls_back_on_the_note_lines(
        tmp_path, sample_path):
    """A removal logged before removals kept their notes for undo: the notes whose
    ``note_added`` line named the removed slot, and were not relinked since, get the name
    the removal's line gives."""
    path = tmp_path / "older.db"
    shutil.copy(sample_path, path)
    with EventFile.open(path) as ef:
        session_id, slot_id, name = _notes_while_speaking(ef)
        relinked = note_store.list_notes(ef, session_id)[0]
        run(ef, LAPTOP, note_actions.edit_note(session_id, relinked.id, at=time.time(),
                                              slot_id=None))
        run(ef, LAPTOP, note_actions.edit_note(session_id, relinked.id, at=time.time(),
                                              slot_id=slot_id))  # back: not known to the log
        run(ef, LAPTOP, speakers.remove_speaker(session_id, slot_id))
    _as_before_0014(path)
    connection = sqlite3.connect(path)
    with connection:  # the removal's line as older releases wrote it: no notes in its undo
        connection.execute("DROP TRIGGER event_log_no_update")
        row_id, detail = connection.execute(
            "SELECT id, detail FROM event_log WHERE action = 'slot_removed'").fetchone()
        detail = json.loads(detail)
        detail["undo"] = [part for part in detail["undo"] if part["table"] != "notes"]
        connection.execute("UPDATE event_log SET detail = ? WHERE id = ?",
                           [json.dumps(detail), row_id])
    connection.close()
    with EventFile.open(path) as ef:
        speakers_now = {n.text: n.speaker for n in note_store.list_notes(ef, session_id)}
    assert speakers_now[KEY] == speakers_now[TAGGED] == name
    assert speakers_now[relinked.text] == ""  # relinked since: the log cannot tell
