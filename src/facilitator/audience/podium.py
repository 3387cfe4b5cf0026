"""What the podium view shows: the projector's stage, as JSON for a phone or tablet.

The same speaker, clock, next speaker, question on screen, moderator's message and
blackout as the projector, all read from the event file, so the podium needs nothing from
the GUI and shows what was committed. The clock is sent as its state, not as a reading:
the page derives the time left itself (resources/web/speaker.js).
"""

from __future__ import annotations

from typing import Any

from facilitator.core.model import Session
from facilitator.core.session_clock import current_slot, next_slot
from facilitator.store import EventFile
from facilitator.store import questions as qstore
from facilitator.store.sessions import list_slots
from facilitator.store.stage import load_stage_notice


def podium_state(ef: EventFile, session: Session) -> dict[str, Any]:
    """The stage of ``session`` (its id set) as the podium page reads it.

    Keys: title, slot_id (the current speaker's slot, or None: what a timekeeper's key
    says it was pressed for), speaker ({name, affiliation} or None), timer (the clock's state in
    seconds since the epoch, or None), warning and danger (seconds), next (a name or ""),
    question ({text, author} or None), stage ({message, blink, blackout}).
    Raises EventFileError when the file cannot be read.
    """
    assert session.id is not None
    slots = list_slots(ef, session.id)
    # The same speaker the projector shows (the cursor, or who is up next before the
    # moderator's first key press).
    slot = current_slot(slots, session.current_slot_id)
    upcoming = next_slot(slots, slot)
    notice = load_stage_notice(ef).for_session(session.id)
    question = qstore.on_screen_question(ef, session.id)
    data: dict[str, Any] = {
        "title": session.title, "slot_id": None, "speaker": None, "timer": None,
        "warning": session.warning_seconds, "danger": session.danger_seconds,
        "next": upcoming.person.name if upcoming else "",
        "question": {"text": question.text, "author": question.author} if question else None,
        "stage": {"message": notice.message, "blink": notice.blink,
                  "blackout": notice.blackout},
    }
    if slot is not None:
        clock = slot.clock
        data["slot_id"] = slot.id
        data["speaker"] = {"name": slot.person.name, "affiliation": slot.person.affiliation}
        data["timer"] = {
            "planned": clock.planned, "started_at": clock.started_at,
            "paused_at": clock.paused_at, "paused_total": clock.paused_total,
            "adjustment": clock.adjustment, "ended_at": clock.ended_at,
            "until": clock.until,  # "until 10:45": the page derives planned from it
        }
    return data
