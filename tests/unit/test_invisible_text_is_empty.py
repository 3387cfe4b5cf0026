"""Text that shows nothing is empty, wherever a "must not be empty" rule stands.

A session title of only U+200B passed "needs a title" (field report): ``str.strip`` keeps
zero-width and other format characters. One helper (core.text.looks_empty) now answers for
every such rule — session titles, speaker names, agenda rows, questions, notes, poll
questions and options, team device names — and each is tried here with every kind of
text that only looks typed.
"""

from __future__ import annotations

import json

import pytest

from facilitator.actions import notes, polls, sessions, speakers, team
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.actions.errors import Code, UserError
from facilitator.core.agenda import AgendaError, parse_agenda_json, parse_slots_csv
from facilitator.core.model import Person, Session, Slot
from facilitator.core.polls import PollError, check_poll
from facilitator.core.question_text import QuestionError, clean_question
from facilitator.core.team import Role, clean_link_name
from facilitator.core.text import looks_empty
from facilitator.store import EventFileError
from facilitator.store import sessions as session_store
from facilitator.store.sessions import get_session, list_sessions

# Each shows nothing on screen: the field report's U+200B first.
INVISIBLE = [
    "\u200b",                    # zero-width space (the field report)
    "\u200b\u200b \u200b",
    "\u200c", "\u200d",          # joiners alone (kept inside words, nothing alone)
    "\u2060", "\ufeff",          # word joiner, byte order mark
    "\u00ad",                    # soft hyphen
    "\u202e\u2066\u2069",        # bidi override and isolates
    "\u3000", "\u00a0", "\u2003", "\u2028", "\u2029", "\u0085",  # spaces and breaks
    "\t\n\r\x0b\x0c",
    "\x00\x1f",                  # controls
    "\u3164", "\u2800",          # Hangul filler, Braille blank
    "\u0301\u0308",              # combining marks with no letter
    "\ufe0f",                    # a variation selector alone
    "",
]
VISIBLE = ["A", "\u0645\u200c\u06cc", "\U0001f44d", "\u0600", "x\u200b"]


@pytest.mark.parametrize("text", INVISIBLE)
def test_the_one_helper_calls_invisible_text_empty(text: str) -> None:
    assert looks_empty(text)


@pytest.mark.parametrize("text", VISIBLE)
def test_the_one_helper_keeps_text_that_shows(text: str) -> None:
    assert not looks_empty(text)


@pytest.mark.parametrize("text", INVISIBLE)
def test_a_session_title_that_shows_nothing_is_refused(event_file, text: str) -> None:
    with pytest.raises(UserError) as refused:
        run(event_file, LAPTOP, sessions.add_session(Session(title=text)))
    assert refused.value.code is Code.SESSION_NEEDS_TITLE
    first = list_sessions(event_file)[0]
    with pytest.raises(UserError) as refused:
        run(event_file, LAPTOP, sessions.edit_session(first.stored_id, title=text))
    assert refused.value.code is Code.SESSION_NEEDS_TITLE
    # The store's own rule, for any caller that does not go through a command.
    with pytest.raises(EventFileError):
        session_store.update_session(event_file, first.stored_id, title=text)
    with pytest.raises(EventFileError):
        session_store.add_session(event_file, Session(title=text))
    assert get_session(event_file, first.stored_id).title == first.title


@pytest.mark.parametrize("text", INVISIBLE)
def test_a_speaker_name_that_shows_nothing_is_not_added_or_saved(event_file, text) -> None:
    session = list_sessions(event_file)[0]
    before = get_session(event_file, session.stored_id)
    # Nothing written, nothing to undo (as for an empty name: actions.command.Unchanged).
    added = run(event_file, LAPTOP, speakers.add_speaker(session.stored_id,
                                                        Slot(person=Person(name=text))))
    assert added.undo is None and not added.changes
    slot = before.slots[0]
    edited = run(event_file, LAPTOP, speakers.edit_speaker(
        session.stored_id, slot.id, person=Person(name=text, id=slot.person.id)))
    assert edited.undo is None and not edited.changes
    assert get_session(event_file, session.stored_id).slots == before.slots


@pytest.mark.parametrize("text", INVISIBLE)
def test_an_agenda_with_an_invisible_title_or_name_is_refused(text: str) -> None:
    with pytest.raises(AgendaError, match="title"):
        parse_agenda_json(json.dumps({"sessions": [{"title": text}]}))
    with pytest.raises(AgendaError, match="name"):
        parse_agenda_json(json.dumps({"sessions": [{"title": "Panel", "slots": [
            {"name": text, "planned_minutes": 5}]}]}))
    csv_text = "\ufeffsession,name,planned_minutes\n"
    with pytest.raises(AgendaError, match="name"):
        parse_slots_csv(csv_text + "Panel," + _csv(text) + ",5\n")
    with pytest.raises(AgendaError, match="session"):
        parse_slots_csv(csv_text + _csv(text) + ",Amina,5\n")


@pytest.mark.parametrize("text", INVISIBLE)
def test_questions_notes_and_polls_that_show_nothing_are_refused(event_file, text) -> None:
    session = list_sessions(event_file)[0]
    with pytest.raises(QuestionError):
        clean_question(text)
    with pytest.raises(UserError) as refused:
        run(event_file, LAPTOP, notes.add_note(session.stored_id, text, at=1.0))
    assert refused.value.code is Code.NOTE_NEEDS_TEXT
    with pytest.raises(UserError) as refused:
        run(event_file, LAPTOP, notes.take_note(session.stored_id, text, client_id="abcdefgh1",
                                               typed_at=1.0))
    assert refused.value.code is Code.NOTE_NEEDS_TEXT
    with pytest.raises(PollError):
        check_poll(text, "choice", ["Yes", "No"])
    with pytest.raises(PollError):  # one option of two shows nothing
        check_poll("Which?", "choice", ["Yes", text])
    with pytest.raises(UserError) as refused:
        run(event_file, LAPTOP, polls.add_poll(session.stored_id, "Which?", "choice",
                                               ["Yes", text]))
    assert refused.value.code is Code.POLL_INVALID


@pytest.mark.parametrize("text", INVISIBLE)
def test_a_team_device_name_that_shows_nothing_is_no_name(event_file, text: str) -> None:
    assert clean_link_name(text) == ""
    link = run(event_file, LAPTOP, team.create_role_link(Role.RAPPORTEUR, text,
                                                         now=1.0)).result
    assert link.name == "" and link.device.startswith("link ")


def _csv(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'

