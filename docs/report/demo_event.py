"""Two rooms' event files whose first session ran, for the sample report pages in docs/report.

Run from the repository root: .venv/bin/python docs/report/demo_event.py /tmp/demo
then the commands in docs/report/README.md.
"""
import sys
from pathlib import Path

sys.path.insert(0, "tests/unit")
from zoneinfo import ZoneInfo

from report_fixtures import add_question

from facilitator.core.event_time import wall_time_instant
from facilitator.core.notes import NoteKind
from facilitator.core.timer import TimerState
from facilitator.store import EventFile
from facilitator.store import notes as note_store
from facilitator.store import sessions as store
from facilitator.store.agenda_io import create_event_file
from facilitator.store.question_tags import set_question_tags

out = Path(sys.argv[1])
out.mkdir(exist_ok=True)
QUESTIONS = [
    ("How can cities access climate finance directly, without going through ministries?", 23,
     ["Financing localization and localizing finance", "SDG 13", "Q1"]),
    ("Quelles garanties pour le logement abordable face à la spéculation foncière ?", 17,
     ["Housing our future", "SDG 11"]),
    ("¿Cómo cerrar la brecha digital para las mujeres en los barrios informales?", 12,
     ["Putting people first in a digital era", "SDG 5", "SDG 10"]),
    ("What support is there for cities hosting people displaced by floods?", 9,
     ["The loss of home and urban crises", "SDG 11", "SDG 13"]),
    ("Will the review count voluntary local reviews as official data?", 6,
     ["Stronger together", "SDG 17", "Q2"]),
]
for name, room in (("plenary", ""), ("room-b", "Room B")):
    path = create_event_file(out / f"{name}.db", "walrg")
    with EventFile.open(path) as ef:
        if room:
            ef.db.execute("UPDATE sessions SET room = ?", [room])
        session = store.list_sessions(ef, with_slots=True)[0]
        zone = ZoneInfo(store.get_event(ef).time_zone or "UTC")
        at = wall_time_instant(session.starts_at, zone) or 1_800_000_000.0
        for index, slot in enumerate(session.slots):
            spoken = slot.planned_seconds + (index % 5 - 2) * 35
            store.save_timer(ef, slot.id, TimerState(planned=float(slot.planned_seconds),
                                                     started_at=at, ended_at=at + spoken),
                             "slot_finished")
            at += spoken + 20
        slots = [s.id for s in session.slots]
        add = note_store.add_note
        add(ef, session.id, "Local governments are where the SDGs are won or lost",
            at=at, kind=NoteKind.KEY_MESSAGE, tags=["SDG 11", "Q1"], slot_id=slots[1])
        add(ef, session.id, "Open a direct window for cities in climate funds", at=at + 1,
            kind=NoteKind.RECOMMENDATION, tags=["SDG 13",
                                                "Financing localization and localizing finance"],
            slot_id=slots[2])
        add(ef, session.id, "Nobody builds a city alone", at=at + 2, kind=NoteKind.QUOTE,
            slot_id=slots[3])
        add(ef, session.id, "Twenty cities will present voluntary local reviews in 2027",
            at=at + 3, kind=NoteKind.COMMITMENT, tags=["Q2", "SDG 17"], slot_id=slots[4])
        add(ef, session.id, "Several mayors mentioned housing costs", at=at + 4)
        for text, votes, tags in QUESTIONS:
            q = add_question(ef, session.id, text, votes=votes,
                             status="answered" if votes > 20 else "approved",
                             answered_by=session.slots[1].person.name if votes > 20 else "",
                             at=at)
            set_question_tags(ef, q, tags)
print("ok")
