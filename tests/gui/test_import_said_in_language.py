"""What an agenda import did is said in the interface's language, with its plurals: a
French moderator read "Importé agenda.csv : 3 speaking slots in 1 sessions"."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from facilitator.gui.main_window import MainWindow
from facilitator.store.sessions import list_sessions

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))
from agenda_books import SHOWN, WRITERS

SAID = {  # (a speakers table into one session, a whole agenda adding one session)
    "en": ("3 speaking slots in 1 session", "1 session added, 0 updated, 1 speaking slot"),
    "fr": ("3 temps de parole dans 1 session",
           "1 session ajoutée, mises à jour\u00a0: 0, 1 temps de parole"),
    "es": ("3 turnos de palabra en 1 sesión",
           "1 sesión añadida, actualizadas: 0, 1 turno de palabra"),
}


def imported(qtbot, window: MainWindow, monkeypatch, path) -> str:
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))
    window.import_agenda()
    qtbot.waitUntil(lambda: not window.document.runner.busy, timeout=30_000)
    return window.statusBar().currentMessage()


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_an_import_is_counted_in_the_interfaces_language(qtbot, document, monkeypatch,
                                                         tmp_path, interface):
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    first = list_sessions(document.file)[0]
    table = tmp_path / "speakers.csv"
    table.write_text("session,name,planned_minutes\n" + "".join(
        f"{first.title},Speaker {n},4\n" for n in range(3)), "utf-8")
    agenda = tmp_path / "agenda.json"
    agenda.write_text(json.dumps({"sessions": [
        {"title": "A new panel", "slots": [{"name": "Ana", "planned_minutes": 4}]}]}))
    speakers_said, agenda_said = SAID[interface]
    assert imported(qtbot, window, monkeypatch, table).endswith(speakers_said)
    assert imported(qtbot, window, monkeypatch, agenda).endswith(agenda_said)


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_the_agenda_exported_imports_into_a_new_empty_event(qtbot, tmp_path, monkeypatch,
                                                            screenshots, suffix):
    """File › Export's agenda, imported with File › Import into an empty event: its
    sessions appear in the window's list, each with its speakers."""
    from facilitator.core.clock import FakeClock
    from facilitator.gui.document import EventDocument
    from facilitator.reports.exports import write_export
    from facilitator.store import EventFile
    from facilitator.store.agenda_io import create_event_file

    with EventFile.open(create_event_file(tmp_path / "source.db")) as source:
        exported = tmp_path / f"agenda.{suffix}"
        write_export(source, "agenda", suffix, exported)
        titles = [s.title for s in list_sessions(source, with_slots=True) if s.slots]
        details = [(s.title, s.room, s.moderator, s.rapporteur, s.guiding_questions,
                    s.themes, s.description) for s in list_sessions(source)]
    with EventFile.open(create_event_file(tmp_path / "new.db", None)) as ef:
        window = MainWindow(EventDocument(ef, clock=FakeClock()))
        qtbot.addWidget(window)
        window.show()
        said = imported(qtbot, window, monkeypatch, exported)
        assert said.endswith(f"{len(titles)} sessions added, 0 updated, 27 speaking slots")
        model = window.session_model
        shown = [model.index(row).data() for row in range(model.rowCount())]
        assert len(shown) == len(titles)
        assert all(title in text for title, text in zip(titles, shown, strict=True))
        window.grab().save(str(screenshots / f"agenda-imported-from-{suffix}.png"))
        if suffix == "xlsx":  # its Sessions sheet: rooms, people, questions read back
            assert [(s.title, s.room, s.moderator, s.rapporteur, s.guiding_questions,
                     s.themes, s.description) for s in list_sessions(ef)] == details


HIDDEN_SAID = {
    "en": "2 speaking slots in 1 session, 3 hidden rows left out",
    "fr": "2 temps de parole dans 1 session, 3 lignes masquées laissées de côté",
    "es": "2 turnos de palabra en 1 sesión, 3 filas ocultas omitidas",
}


@pytest.mark.parametrize(("language", "fmt"), [("en", "ods"), ("fr", "xlsx"), ("es", "xls")])
def test_file_import_leaves_hidden_rows_out_and_says_how_many(qtbot, document, monkeypatch,
                                                              tmp_path, interface, fmt,
                                                              screenshots):
    """The master agenda filtered to one hall, through File › Import: the status bar
    counts the rows left out, in the interface's language; the file holds the hall's
    speakers only."""
    from facilitator.store.sessions import get_session

    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    first, second = list_sessions(document.file)[:2]
    others = [s.person.name for s in get_session(document.file, second.id).slots]
    agenda = WRITERS[fmt](tmp_path / f"master.{fmt}", first.title, second.title)

    said = imported(qtbot, window, monkeypatch, agenda)

    assert said.endswith(HIDDEN_SAID[interface]), said
    assert [(s.person.name, s.person.role, s.planned_seconds)
            for s in get_session(document.file, first.id).slots] == SHOWN
    assert [s.person.name for s in get_session(document.file, second.id).slots] == others
    window.grab().save(str(screenshots / f"hidden-rows-said-{interface}.png"))


@pytest.mark.parametrize("language", ["fr"])
def test_hidden_rows_that_cannot_be_told_are_said(qtbot, document, monkeypatch, tmp_path,
                                                  interface):
    """A workbook whose rows' hidden flags cannot be read: every row is imported, and the
    status bar says so rather than counting none."""
    from agenda_books import with_sheet_doctype

    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    first, second = list_sessions(document.file)[:2]
    agenda = with_sheet_doctype(WRITERS["xlsx"](tmp_path / "master.xlsx", first.title,
                                                second.title))

    said = imported(qtbot, window, monkeypatch, agenda)

    assert said.endswith("5 temps de parole dans 2 sessions\u00a0; les lignes masquées "
                         "n’ont pas pu être reconnues\u00a0: toutes les lignes ont été "
                         "importées"), said
