"""Sessions full of notes, questions and spoken turns, for report and export tests."""

from __future__ import annotations

import random

from facilitator.core.model import Person, Session, Slot, SlotKind
from facilitator.core.notes import NoteKind
from facilitator.core.timer import TimerState
from facilitator.store import EventFile
from facilitator.store import notes as note_store
from facilitator.store import sessions as session_store

T0 = 1_800_000_000.0

NAMES = [
    ("Gülşən Əliyeva", "Mayor", "Bakı şəhəri", "Local and regional governments", "woman"),
    ("Małgorzata Wójcik-Łęcka", "Deputy Mayor", "Urząd Miasta Łodzi",
     "Local and regional governments", "woman"),
    ("Nguyễn Thị Minh Khai", "Vice-Chair", "Ủy ban nhân dân Hà Nội", "National governments",
     "woman"),
    ("Дмитрий Иванович Соколов", "Министр", "Правительство", "National governments", "man"),
    ("Γιώργος Παπαδόπουλος", "Δήμαρχος", "Δήμος Αθηναίων", "Local and regional governments",
     "man"),
    ("فاطمة الزهراء", "Mayor", "بلدية", "Civil society", "woman"),
    ("王小明", "Director", "北京市人民政府", "UN and international organisations", "man"),
]


def add_question(ef: EventFile, session_id: int, text: str, *, status: str = "approved",
                 votes: int = 0, author: str = "", answered_by: str = "",
                 at: float = T0) -> int:
    """A question row as the phone server would store it (plain SQL: tests own their data)."""
    return ef.db.execute(
        "INSERT INTO questions (session_id, text, author, status, votes, answered_by, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [session_id, text, author, status, votes, answered_by, at, at],
    ).lastrowid


def run_slots(ef: EventFile, session_id: int, count: int | None = None) -> None:
    """Let the first ``count`` speakers speak, each a little over or under plan."""
    slots = session_store.get_session(ef, session_id).slots
    at = T0
    for index, slot in enumerate(slots[:count]):
        spoken = slot.planned_seconds + (index % 5 - 2) * 20
        timer = TimerState(planned=float(slot.planned_seconds), started_at=at,
                           ended_at=at + spoken)
        session_store.save_timer(ef, slot.id, timer, "slot_finished")
        at += spoken + 5


def international_session(ef: EventFile) -> int:
    """A small session whose people, notes and questions use many scripts and markup."""
    slots = tuple(
        Slot(person=Person(name=n, role=r, organisation=o, constituency=c, gender=g),
             kind=SlotKind.PANELLIST, planned_seconds=300)
        for n, r, o, c, g in NAMES
    )
    session_id = session_store.add_session(ef, Session(
        title="Panel on Łódź, Bakı and Москва", room="Hall Ω", starts_at="2026-05-18T14:00",
        ends_at="2026-05-18T15:30", moderator="Zoë Ångström", rapporteur="Þórunn Ægisdóttir",
        guiding_questions=("How do cities finance housing?", "What makes partnerships last?"),
        themes=("Housing our future",), slots=slots))
    run_slots(ef, session_id, 5)
    slot_ids = [s.id for s in session_store.get_session(ef, session_id).slots]
    note_store.add_note(ef, session_id, "Cities <b>lead</b> & deliver", at=T0 + 10,
                        kind=NoteKind.KEY_MESSAGE, tags=["Q1", "SDG 11"], slot_id=slot_ids[0])
    note_store.add_note(ef, session_id, "Create a municipal housing fund", at=T0 + 20,
                        kind=NoteKind.RECOMMENDATION, tags=["SDG 1"], slot_id=slot_ids[3])
    note_store.add_note(ef, session_id, "Αθήνα commits to a local review by 2027", at=T0 + 30,
                        kind=NoteKind.COMMITMENT, tags=["Q2", "SDG 17"], slot_id=slot_ids[4])
    note_store.add_note(ef, session_id, "Twinning of Łódź and Hà Nội", at=T0 + 40,
                        kind=NoteKind.PARTNERSHIP, slot_id=slot_ids[1])
    note_store.add_note(ef, session_id, "北京 and بلدية shared their plans", at=T0 + 50)
    add_question(ef, session_id, "How will you fund it? <script>alert(1)</script>",
                 status="answered", votes=12, author="Ana", answered_by="Gülşən Əliyeva")
    add_question(ef, session_id, "What about informal settlements?", votes=30)
    add_question(ef, session_id, "Pending and never moderated", status="pending", votes=99)
    return session_id


def large_session(ef: EventFile, speakers: int = 40, notes: int = 300,
                  questions: int = 500) -> int:
    """A long session: many speakers, notes of every kind, hundreds of questions."""
    rng = random.Random(5)
    words = ["local", "governments", "housing", "finance", "climate", "partnership", "data",
             "people", "services", "review", "accelerate", "inclusion", "resilience",
             "mayors", "regions", "water", "transport"]
    constituencies = ["Local and regional governments", "National governments",
                      "UN and international organisations", "Civil society", "Academia"]
    genders = ["woman", "man", "non-binary", ""]
    slots = tuple(
        Slot(person=Person(name=f"{NAMES[i % len(NAMES)][0]} {i + 1}", role="Speaker",
                           organisation=f"Organisation {i + 1}",
                           constituency=constituencies[i % len(constituencies)],
                           gender=genders[i % len(genders)]),
             planned_seconds=180)
        for i in range(speakers)
    )
    session_id = session_store.add_session(ef, Session(
        title="A very long session", guiding_questions=("Q one?", "Q two?", "Q three?"),
        slots=slots))
    run_slots(ef, session_id)
    slot_ids = [s.id for s in session_store.get_session(ef, session_id).slots]
    kinds = list(NoteKind)
    for i in range(notes):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(6, 30)))
        tags = [f"Q{rng.randint(1, 3)}", f"SDG {rng.randint(1, 17)}"] if i % 3 == 0 else []
        note_store.add_note(ef, session_id, f"{i + 1}. {text}", at=T0 + i,
                            kind=kinds[i % len(kinds)], tags=tags,
                            slot_id=slot_ids[i % len(slot_ids)])
    statuses = ["approved", "answered", "pending", "rejected", "approved"]
    with ef.action("test_questions", session_id):
        for i in range(questions):
            text = " ".join(rng.choice(words) for _ in range(rng.randint(5, 25)))
            status = statuses[i % len(statuses)]
            add_question(ef, session_id, f"Question {i + 1}: {text}?", status=status,
                         votes=rng.randint(0, 50), author=f"Person {i}",
                         answered_by="A speaker" if status == "answered" else "",
                         at=T0 + i)
    return session_id
