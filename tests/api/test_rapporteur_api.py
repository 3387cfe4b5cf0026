"""The rapporteur's API (audience/rapporteur.py): a note sent twice is stored once, stamped
and linked by when it was typed; summary sections refuse a save from a stale revision
with the other text (409); the PDF comes with the link; bad input gets a clear 4xx."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader
from starlette.testclient import TestClient

from facilitator.actions import speakers, team
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.audience.app import create_app
from facilitator.audience.limits import Limits
from facilitator.core.clock import FakeClock
from facilitator.core.team import Role
from facilitator.store import notes as note_store
from facilitator.store.sessions import list_sessions, list_slots, update_session
from facilitator.store.summaries import get_summary
from tests.api.conftest import HEADERS

NOW = 1_800_000_000.0


@pytest.fixture
def clock():
    return FakeClock(NOW)


@pytest.fixture
def desk(event_file, notified, clock):
    app = create_app(event_file, lambda kind, sid: notified.append((kind, sid)), clock=clock,
                     limits=Limits())
    with TestClient(app, headers=HEADERS) as test_client:
        yield test_client


def link(event_file, role=Role.RAPPORTEUR, name="Amina"):
    return run(event_file, LAPTOP, team.create_role_link(role, name, now=1.0)).result.token


def note(text="Cities need direct access to finance", client_id="note-0001", **more):
    return {"client_id": client_id, "text": text, "typed_at": 5_000, "sent_at": 5_000, **more}


def test_a_note_sent_twice_is_stored_once_and_the_laptop_hears_of_it(
        event_file, desk, notified):
    token = link(event_file)
    first = desk.post(f"/api/r/{token}/notes", json=note())
    again = desk.post(f"/api/r/{token}/notes", json=note())
    assert first.status_code == 201 and again.status_code == 200
    assert first.json()["note"]["id"] == again.json()["note"]["id"]
    assert first.json()["note"]["by"] == "rapporteur:Amina"
    session_id = list_sessions(event_file)[0].id
    assert len(note_store.list_notes(event_file, session_id)) == 1
    assert ("notes", session_id) in notified
    state = desk.get(f"/api/r/{token}/rapporteur")
    assert [n["text"] for n in state.json()["notes"]] == [
        "Cities need direct access to finance"]
    unchanged = desk.get(f"/api/r/{token}/rapporteur",
                         headers={"If-None-Match": state.headers["etag"]})
    assert unchanged.status_code == 304


def test_a_late_note_is_linked_to_whoever_spoke_when_it_was_typed(event_file, desk, clock):
    token = link(event_file)
    session_id = list_sessions(event_file)[0].id
    first, second = list_slots(event_file, session_id)[:2]
    run(event_file, LAPTOP, speakers.toggle(session_id, NOW))
    run(event_file, LAPTOP, speakers.step(session_id, NOW + 60, 1))
    run(event_file, LAPTOP, speakers.toggle(session_id, NOW + 61))
    clock.advance(120)
    state = desk.get(f"/api/r/{token}/rapporteur").json()
    assert state["speaking"]["slot"] == second.id
    # Typed 90 s ago by the device's clock (which is a day off: no matter), sent now.
    late = desk.post(f"/api/r/{token}/notes", json=note(
        client_id="late-0001", typed_at=86_400_000, sent_at=86_400_000 + 90_000)).json()
    assert late["note"]["slot"] == first.id
    assert late["note"]["at"] == pytest.approx(NOW + 30)
    assert late["note"]["speaker"] == first.person.name
    chosen = desk.post(f"/api/r/{token}/notes", json=note(
        client_id="nobody-01", slot=None, kind="quote", tags=["SDG 11"])).json()["note"]
    assert (chosen["slot"], chosen["kind"], chosen["tags"]) == (None, "quote", ["SDG 11"])


def test_summary_sections_refuse_a_stale_save_with_the_other_text(event_file, desk):
    amina, ben = link(event_file), link(event_file, name="Ben")
    sections = desk.get(f"/api/r/{amina}/summary").json()["sections"]
    keys = [s["key"] for s in sections]
    assert keys[0] == "key_messages" and keys[-1] == "way_forward"
    assert all(s["revision"] == 0 for s in sections)
    saved = desk.post(f"/api/r/{amina}/summary/key_messages",
                      json={"text": "Amina's text", "base": 0})
    assert saved.status_code == 200 and saved.json()["section"]["revision"] == 1
    refused = desk.post(f"/api/r/{ben}/summary/key_messages",
                        json={"text": "Ben's text", "base": 0})
    assert refused.status_code == 409
    assert refused.json() | {"message": ""} == {
        "error": "conflict", "message": "", "section": "key_messages",
        "theirs": "Amina's text", "revision": 1}
    kept = desk.post(f"/api/r/{ben}/summary/key_messages",
                     json={"text": "Amina's text\nBen's text", "base": 1})
    assert kept.json()["section"]["revision"] == 2
    after = {s["key"]: s for s in desk.get(f"/api/r/{amina}/summary").json()["sections"]}
    assert after["key_messages"]["text"] == "Amina's text\nBen's text"


@pytest.mark.parametrize(("text", "taken"), [
    ("ع" * 65_536, True), ("😀" * 65_536, True),  # 128 KiB and 256 KiB: over 64 KiB before
    ("x" * 65_537, False), ("ع" * 65_537, False),
])
def test_a_summary_section_is_limited_in_characters_in_every_script(event_file, desk, text,
                                                                     taken):
    token = link(event_file)
    response = desk.post(f"/api/r/{token}/summary/key_messages",
                         json={"text": text, "base": 0})
    sections = {s["key"]: s for s in desk.get(f"/api/r/{token}/summary").json()["sections"]}
    if taken:
        assert response.status_code == 200, response.text
        assert sections["key_messages"]["text"] == text
    else:
        assert response.status_code == 413 and response.json()["error"] == "too_large"
        assert response.json()["message"] == ("A section of the summary is at most 65,536 "
                                              "characters.")
        assert sections["key_messages"]["revision"] == 0


def test_the_summary_pdf_comes_with_the_link(event_file, desk):
    token = link(event_file)
    desk.post(f"/api/r/{token}/summary/recommendations",
              json={"text": "Give cities a seat at the table", "base": 0})
    response = desk.get(f"/r/{token}/summary.pdf", headers={})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Give cities a seat at the table" in text
    co_moderator = link(event_file, Role.CO_MODERATOR)
    assert desk.get(f"/r/{co_moderator}/summary.pdf").status_code == 403


def test_other_tokens_reach_nothing(event_file, desk):
    session = list_sessions(event_file)[0]
    timekeeper = link(event_file, Role.TIMEKEEPER)
    for path in ("/api/r/{t}/rapporteur", "/api/r/{t}/summary"):
        assert desk.get(path.format(t=timekeeper)).status_code == 403
        assert desk.get(path.format(t=session.join_token)).status_code == 404
    assert desk.post(f"/api/r/{timekeeper}/notes", json=note()).status_code == 403
    token = link(event_file)
    assert desk.post(f"/api/r/{token}/notes", json=note(),
                     headers={"X-Facilitator": ""}).status_code == 403
    assert desk.post(f"/api/r/{token}/notes", json=note(),
                     headers={"Origin": "http://evil.example"}).status_code == 403
    assert "rapporteur.js" in desk.get(f"/r/{token}").text


@pytest.mark.parametrize("body", [
    {}, {"text": "x"}, note(client_id="short"), note(client_id="bad id with spaces"),
    note(client_id=7), note(text=""), note(text=" \u200b\n"), note(text=["x"]),
    note(kind="essay"), note(kind=None), note(tags="SDG 11"), note(tags=[1]),
    note(tags=["x"] * 41), note(slot=10**30), note(slot="first"), note(slot=True),
    note(typed_at="yesterday"), note(sent_at=None),
    # (A session id that is no session's is kept, not refused: a session removed while
    # the note waited; tests/api/test_device_acts_on_removed_things.py.)
    note(typed_at=-1), note(session="one"), note(session=10**30),
    note(session=-1),
    note(text="x" * 20_000),
])
def test_bad_notes_get_a_clear_4xx(event_file, desk, body):
    token = link(event_file)
    response = desk.post(f"/api/r/{token}/notes", json=body)
    assert 400 <= response.status_code < 500, response.text
    assert response.json()["message"]
    assert note_store.list_notes(event_file, list_sessions(event_file)[0].id) == []


@pytest.mark.parametrize(("text", "ascii_json"), [
    ("ع" * 10_000, False), ("ع" * 10_000, True),  # 20 KB of UTF-8; 60 KB as \u escapes
    ("😀" * 5_000, False), ("😀" * 5_000, True),  # 20 KB; 60 KB as surrogate escapes
    ("x" * 10_000, False),
])
def test_a_note_within_the_limit_is_taken_whatever_its_script(event_file, desk, text,
                                                              ascii_json):
    """Before: 16 KiB of bytes: 10,000 Latin letters passed, 10,000 Arabic ones or 5,000
    emoji were refused as "too large"."""
    token = link(event_file)
    body = json.dumps(note(text=text, tags=["SDG 11"]), ensure_ascii=ascii_json)
    for expected in (201, 200):  # a resend is the same note
        response = desk.post(f"/api/r/{token}/notes", content=body.encode("utf-8"),
                             headers={"Content-Type": "application/json"})
        assert response.status_code == expected, response.text
    stored = note_store.list_notes(event_file, list_sessions(event_file)[0].id)
    assert [n.text for n in stored] == [text]


@pytest.mark.parametrize("text", ["x" * 10_001, "ع" * 10_001, "😀" * 10_001])
def test_a_note_over_the_limit_is_refused_as_too_long(event_file, desk, text):
    token = link(event_file)
    response = desk.post(f"/api/r/{token}/notes", json=note(text=text))
    assert response.status_code == 413
    assert response.json()["error"] == "too_large"  # the desk says "too long" (desk.js)
    assert response.json()["message"] == ("A note is at most 10,000 characters: split it "
                                          "into shorter notes.")
    assert note_store.list_notes(event_file, list_sessions(event_file)[0].id) == []


def test_a_body_over_the_notes_byte_limit_is_refused_before_parsing(event_file, desk):
    from facilitator.audience.limits import NOTE_MAX_BODY

    token = link(event_file)
    response = desk.post(f"/api/r/{token}/notes", content=b"{" + b" " * NOTE_MAX_BODY + b"}",
                         headers={"Content-Type": "application/json"})
    assert response.status_code == 413 and response.json()["error"] == "too_large"
    # Not parsed: the same bytes under the limit are a note without a client_id (400).
    assert desk.post(f"/api/r/{token}/notes", content=b"{" + b" " * 1000 + b"}",
                     headers={"Content-Type": "application/json"}).status_code == 400


@pytest.mark.parametrize(("key", "body"), [
    ("key_messages", {"text": "x"}), ("key_messages", {"text": "x", "base": "0"}),
    ("key_messages", {"text": "x", "base": -1}), ("key_messages", {"text": 3, "base": 0}),
    ("key_messages", {"text": "x", "base": True}), ("answers", {"text": "x", "base": 0}),
    ("answer.01", {"text": "x", "base": 0}), ("__class__", {"text": "x", "base": 0}),
    ("key_messages", {"text": "x" * 70_000, "base": 0}),
    ("key_messages", {"text": "x", "base": 0, "session": 999}),
])
def test_bad_summary_saves_get_a_clear_4xx(event_file, desk, key, body):
    token = link(event_file)
    response = desk.post(f"/api/r/{token}/summary/{key}", json=body)
    assert 400 <= response.status_code < 500, response.text
    assert response.json()["message"]


def test_garbage_bodies_get_a_clear_4xx(event_file, desk):
    token = link(event_file)
    nan = b'{"client_id": "note-0001", "text": "x", "typed_at": NaN, "sent_at": Infinity}'
    for content, kind in ((b"{", "application/json"), (b"[]", "application/json"),
                          (nan, "application/json"), (b"\xff\xfe", "application/json"),
                          (b"text=x", "text/plain")):
        for path in ("notes", "summary/key_messages"):
            response = desk.post(f"/api/r/{token}/{path}", content=content,
                                 headers={"content-type": kind})
            assert 400 <= response.status_code < 500 and response.json()["message"]


def test_a_field_note_with_symbols_arrives_and_prints_as_typed(event_file, desk):
    from pathlib import Path

    text = (Path(__file__).parent.parent / "field_cases" / "note-with-symbols.txt") \
        .read_text(encoding="utf-8").strip()
    token = link(event_file)
    sent = desk.post(f"/api/r/{token}/notes", json=note(text=text, kind="key_message"))
    assert sent.status_code == 201 and sent.json()["note"]["text"] == text
    desk.post(f"/api/r/{token}/summary/key_messages", json={"text": text, "base": 0})
    pdf = PdfReader(io.BytesIO(desk.get(f"/r/{token}/summary.pdf").content))
    printed = " ".join("".join(page.extract_text() for page in pdf.pages).split())
    assert " ".join(text.split()) in printed


def test_only_the_sections_the_summary_has_may_be_saved(event_file, desk):
    # The tester's case: answer.99 with three guiding questions was stored as a 100-answer
    # list. Answers exist for the session's guiding questions only, as "nope" does not.
    session = list_sessions(event_file)[0]
    update_session(event_file, session.id, guiding_questions=["Who pays?", "Who decides?",
                                                              "By when?"])
    token = link(event_file)
    keys = [s["key"] for s in desk.get(f"/api/r/{token}/summary").json()["sections"]]
    assert [k for k in keys if k.startswith("answer.")] == ["answer.0", "answer.1", "answer.2"]
    lines = len(event_file.log_entries())
    for key in ("answer.99", "answer.3", "nope"):
        response = desk.post(f"/api/r/{token}/summary/{key}", json={"text": "x", "base": 0})
        assert response.status_code == 404, (key, response.text)
        # Not "not_found", which the page takes for a dead link (and stops).
        assert response.json()["error"] == "section_gone" and response.json()["message"]
    assert len(event_file.log_entries()) == lines and get_summary(event_file, session.id) is None
    saved = desk.post(f"/api/r/{token}/summary/answer.2", json={"text": "In 2030.", "base": 0})
    assert saved.status_code == 200
    assert get_summary(event_file, session.id).answers == ("", "", "In 2030.")


def test_the_desk_says_speaking_only_while_a_turn_is_under_way(event_file, desk):
    # As the Notes tab: the cursor on a speaker who has not started is "next", not
    # "speaking now" (the page then says "Nobody is speaking yet; next: …").
    token = link(event_file)
    session_id = list_sessions(event_file)[0].id
    first, second = list_slots(event_file, session_id)[:2]

    def state():
        data = desk.get(f"/api/r/{token}/rapporteur").json()
        return (data["speaking"] or {}).get("slot"), (data["next"] or {}).get("slot")

    assert state()[0] is None  # nobody has started
    run(event_file, LAPTOP, speakers.toggle(session_id, NOW))
    assert state() == (first.id, None)
    run(event_file, LAPTOP, speakers.step(session_id, NOW + 60, 1))
    assert state() == (None, second.id)
    run(event_file, LAPTOP, speakers.toggle(session_id, NOW + 61))
    assert state() == (second.id, None)
