"""A team device's clock key acts on the speaker the device showed, not on whatever the
laptop has since: the timekeeper's page sees the clock up to a second late, and the
moderator (or a second timekeeper phone on the same link) may press the same key meanwhile.

Found by two timekeeper devices and the laptop on one panel: a second "pause" (sent as
``toggle``) resumed the clock, a second "Next" for the same speaker skipped the next one,
and "+1 min" pressed for a speaker just moved past went to the one after.
"""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from facilitator.actions import speakers, team
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.audience.app import create_app
from facilitator.audience.limits import Limits
from facilitator.core.clock import FakeClock
from facilitator.core.team import Role
from facilitator.store.sessions import get_session, list_sessions
from tests.api.conftest import HEADERS

NOW = 1_800_000_000.0


@pytest.fixture
def room(event_file):
    """A running first speaker; two timekeeper devices' clients on the room."""
    session = list_sessions(event_file)[0]
    tokens = [run(event_file, LAPTOP, team.create_role_link(Role.TIMEKEEPER, name, now=1.0)
                  ).result.token for name in ("Marta's phone", "Stream Deck")]
    app = create_app(event_file, lambda kind, sid: None, clock=FakeClock(NOW),
                     limits=Limits())
    with TestClient(app, headers=HEADERS) as client:
        run(event_file, LAPTOP, speakers.toggle(session.id, NOW))
        yield client, session, tokens


def press(client, token, action, shown, **body):
    return client.post(f"/api/r/{token}/control/{action}", json={"slot": shown, **body})


def shown_slot(client, token):
    return client.get(f"/api/r/{token}/podium").json()["slot_id"]


def test_the_stage_names_the_current_speakers_slot(room, event_file) -> None:
    client, session, tokens = room
    first = get_session(event_file, session.id).slots[0]
    assert shown_slot(client, tokens[0]) == first.id
    answer = press(client, tokens[0], "next", first.id).json()
    assert answer["stage"]["slot_id"] == get_session(event_file, session.id).slots[1].id


@pytest.mark.parametrize("action, body", [("next", {}), ("previous", {}),
                                          ("add_time", {"seconds": 60}),
                                          ("pause", {}), ("start", {}), ("toggle", {})])
def test_a_key_for_a_speaker_moved_past_meanwhile_does_nothing(room, event_file, action,
                                                               body) -> None:
    client, session, tokens = room
    shown = shown_slot(client, tokens[0])
    run(event_file, LAPTOP, speakers.step(session.id, NOW + 5, 1))  # the moderator's Next
    before = get_session(event_file, session.id)

    answer = press(client, tokens[0], action, shown, **body)

    assert answer.status_code == 200 and answer.json()["changed"] is False
    after = get_session(event_file, session.id)
    assert after.current_slot_id == before.current_slot_id
    assert [s.clock for s in after.slots] == [s.clock for s in before.slots]
    # Still the speaker it shows: the same key acts.
    assert press(client, tokens[0], action, answer.json()["stage"]["slot_id"],
                 **body).json()["changed"] is (action != "pause")


def test_two_devices_pressing_next_for_one_speaker_move_once(room, event_file) -> None:
    client, session, tokens = room
    shown = shown_slot(client, tokens[0])
    assert press(client, tokens[0], "next", shown).json()["changed"] is True
    assert press(client, tokens[1], "next", shown).json()["changed"] is False
    slots = get_session(event_file, session.id).slots
    assert get_session(event_file, session.id).current_slot_id == slots[1].id


def test_two_devices_pausing_at_once_leave_the_clock_paused(room, event_file) -> None:
    client, session, tokens = room
    shown = shown_slot(client, tokens[0])
    for token in tokens:  # both saw it running and pressed "Pause"
        press(client, token, "pause", shown)
    clock = get_session(event_file, session.id).slots[0].clock
    assert clock.paused_at is not None


def test_a_key_without_a_slot_acts_on_the_current_speaker(room, event_file) -> None:
    """A Stream Deck's key has no view: as documented, it acts on whoever is current."""
    client, session, tokens = room
    answer = client.post(f"/api/r/{tokens[1]}/control/next", json={})
    assert answer.json()["changed"] is True


@pytest.mark.parametrize("slot", ["3", 1.5, True, [1], {"id": 1}])
def test_a_slot_that_is_no_slot_id_is_a_clear_400(room, slot) -> None:
    client, _session, tokens = room
    answer = press(client, tokens[0], "next", slot)
    assert answer.status_code == 400 and answer.json()["error"] == "invalid"
