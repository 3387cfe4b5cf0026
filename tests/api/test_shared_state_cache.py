"""The phones' shared state is cached, yet every change shows on the next poll: changes
through the server's own connection and through another one (the GUI's)."""

from __future__ import annotations

import time

from facilitator.audience.app import create_app
from facilitator.store import EventFile
from facilitator.store import questions as store


def test_cached_state_follows_changes_from_both_connections(event_file, session) -> None:
    server_file = EventFile.open(event_file.path, lock=False)  # as the runner opens it
    try:
        phones = create_app(server_file).phones
        assert phones.public_state(session, "device-aaaaaaaa")["questions"] == []
        # A phone's question through the server's connection, approved by the GUI's.
        asked, _ = store.submit_question(server_file, session.id, "Cached or not?",
                                         now=time.time(), device_id="device-aaaaaaaa")
        assert phones.public_state(session, "device-aaaaaaaa")["questions"] == []
        store.approve_question(event_file, asked.id, now=time.time())
        state = phones.public_state(session, "device-bbbbbbbb")
        assert [(q["id"], q["votes"], q["voted"]) for q in state["questions"]] == \
            [(asked.id, 0, False)]
        store.add_vote(server_file, asked.id, "device-bbbbbbbb", now=time.time())
        state = phones.public_state(session, "device-bbbbbbbb")
        assert [(q["votes"], q["voted"]) for q in state["questions"]] == [(1, True)]
        # Another phone sees the new count but not someone else's vote as its own.
        other = phones.public_state(session, "device-cccccccc")
        assert [(q["votes"], q["voted"]) for q in other["questions"]] == [(1, False)]
        store.set_on_screen(event_file, session.id, asked.id, now=time.time())
        assert phones.public_state(session, "device-bbbbbbbb")["on_screen"]["voted"] is True
        store.edit_question(event_file, asked.id, "Edited by the moderator?", now=time.time())
        assert phones.public_state(session, "")["questions"][0]["text"] == \
            "Edited by the moderator?"
    finally:
        server_file.close()
