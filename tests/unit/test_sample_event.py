"""The built-in World Assembly event matches the concept note."""

from __future__ import annotations

from facilitator.core.model import CONSTITUENCIES
from facilitator.store import sessions as store

TITLES = [
    "The local SDG rescue plan: Reviewing progress towards the New Urban Agenda as an "
    "accelerator of the 2030 Agenda",
    "Beyond the Summit of the Future: Towards an inclusive multilateral system built around "
    "governing in partnership",
    "Towards the World Social Summit: A global care agenda driven by local public service "
    "provision for equality, climate action and peace",
]
DIALOGUES = {
    "Housing our future",
    "Stronger together",
    "Financing localization and localizing finance",
    "Putting people first in a digital era",
    "The loss of home and urban crises",
}


def test_three_panels_with_exact_titles(event_file):
    assert store.get_event(event_file).title == "World Assembly of Local and Regional Governments"
    assert [s.title for s in store.list_sessions(event_file)] == TITLES


def test_guiding_questions_and_dialogues(event_file):
    for session in store.list_sessions(event_file):
        assert len(session.guiding_questions) == 3
        assert session.guiding_questions[0].startswith("What role do local and regional")
        assert session.themes and set(session.themes) <= DIALOGUES
        assert session.moderator and session.rapporteur
        assert session.starts_at < session.ends_at
    every_theme = {t for s in store.list_sessions(event_file) for t in s.themes}
    assert every_theme == DIALOGUES


def test_placeholder_speakers_by_constituency_no_real_names(event_file):
    for session in store.list_sessions(event_file, with_slots=True):
        constituencies = {slot.person.constituency for slot in session.slots}
        assert set(CONSTITUENCIES[:4]) <= constituencies
        for slot in session.slots:
            name = slot.person.name
            assert any(p in name for p in ("to be confirmed", "from the floor", "closing remarks"))
        total = sum(slot.planned_seconds for slot in session.slots)
        assert total < 75 * 60  # fits the 75-minute panel with room for the floor


def test_every_session_has_its_own_secrets(event_file):
    sessions = store.list_sessions(event_file)
    for column in ("join_token", "short_code", "speaker_token"):
        values = [getattr(s, column) for s in sessions]
        assert len(set(values)) == len(values)
    assert all(len(s.short_code) == 6 for s in sessions)
    assert all(len(s.join_token) >= 20 for s in sessions)
