"""The phone API through Starlette's TestClient, over a real event file."""

from __future__ import annotations

from starlette.testclient import TestClient

from facilitator.audience.app import create_app
from facilitator.audience.limits import Limits, RateLimit
from facilitator.core.clock import FakeClock
from facilitator.store import questions as store
from facilitator.store.sessions import (
    add_slot,
    list_slots,
    save_timer,
    set_current_slot,
    set_questions_open,
)
from tests.api.conftest import DEVICE, HEADERS


def ask(client, session, text="How will cities pay for this?", **extra):
    body = {"text": text, "device": DEVICE, **extra}
    return client.post(f"/api/j/{session.join_token}/questions", json=body)


def test_pages_are_served_with_a_strict_policy(client, session) -> None:
    page = client.get(f"/j/{session.join_token}")
    assert page.status_code == 200
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "default-src 'none'" in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert "<script>" not in page.text and "style=" not in page.text and "onclick" not in page.text
    assert client.get("/web/phone.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/").status_code == 200
    assert client.get(f"/s/{session.speaker_token}").status_code == 200


def test_first_load_is_small() -> None:
    from facilitator.assets import asset_path

    web = asset_path("web")
    size = sum((web / name).stat().st_size
               for name in ("phone.html", "phone.css", "phone.js", "i18n/en.json"))
    assert size < 50 * 1024


def test_unknown_tokens_are_404(client, session) -> None:
    assert client.get("/j/not-a-token").status_code == 404
    assert client.get("/s/not-a-token").status_code == 404
    assert client.get(f"/s/{session.join_token}").status_code == 404  # no crossing over
    response = client.get("/api/j/not-a-token")
    assert response.status_code == 404 and response.json()["error"] == "not_found"
    assert client.get("/web/../pyproject.toml").status_code == 404
    assert client.get("/web/phone.html").status_code == 404
    assert client.get("/nothing").json()["error"] == "not_found"


def test_api_needs_the_custom_header(event_file, session) -> None:
    with TestClient(create_app(event_file)) as bare:
        response = bare.post(f"/api/j/{session.join_token}/questions",
                             json={"text": "Hi", "device": DEVICE})
    assert response.status_code == 403 and response.json()["error"] == "header_missing"
    assert store.list_questions(event_file, session.id) == []


def test_submit_then_retry_is_stored_once_and_notifies(client, session, event_file,
                                                      notified) -> None:
    first = ask(client, session, request_id="request-0001")
    assert first.status_code == 201 and first.json()["status"] == "pending"
    # The question is committed before the 201: a fresh read sees it.
    assert store.get_question(event_file, first.json()["id"]).text.startswith("How will")
    again = ask(client, session, request_id="request-0001")
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    assert len(store.list_questions(event_file, session.id)) == 1
    assert notified == [("questions", session.id)]


def test_a_request_id_reused_for_other_text_stores_nothing(client, session, event_file) -> None:
    """A lost answer, then edited text sent with the old id: never a false "sent"."""
    assert ask(client, session, "First wording?", request_id="request-0002").status_code == 201
    reused = ask(client, session, "Second wording?", request_id="request-0002")
    assert reused.status_code == 409
    assert reused.json()["error"] == "reused" and reused.json()["message"]
    fresh = ask(client, session, "Second wording?", request_id="request-0003")
    assert fresh.status_code == 201
    texts = [q.text for q in store.list_questions(event_file, session.id)]
    assert sorted(texts) == ["First wording?", "Second wording?"]


def test_bad_input_gets_json_errors(client, session) -> None:
    url = f"/api/j/{session.join_token}/questions"
    # Empty and too long have their own codes: the page says them in its language.
    assert ask(client, session, "   \x00 ").json()["error"] == "empty"
    too_long = ask(client, session, "a" * 501)
    assert too_long.status_code == 400 and "too long" in too_long.json()["message"]
    assert too_long.json()["error"] == "too_long"
    assert client.post(url, json={"text": "Hi", "author": 5}).json()["error"] == "invalid"
    assert client.post(url, content=b"{not json", headers={
        "content-type": "application/json"}).status_code == 400
    assert client.post(url, json=["a list"]).status_code == 400
    assert client.post(url, content=b"text=hi", headers={
        "content-type": "application/x-www-form-urlencoded"}).status_code == 415
    assert ask(client, session, "Fine", request_id="bad id!").status_code == 400
    assert ask(client, session, "Fine", author=["x"]).status_code == 400
    assert client.get(url).status_code == 405


def test_big_bodies_are_refused_with_413(client, session) -> None:
    response = client.post(f"/api/j/{session.join_token}/questions",
                           content=b'{"text": "' + b"a" * 20_000 + b'"}',
                           headers={"content-type": "application/json"})
    assert response.status_code == 413 and response.json()["error"] == "too_large"

    def chunks():  # no Content-Length: the limit holds while streaming
        for _ in range(20):
            yield b"a" * 1024

    streamed = client.post(f"/api/j/{session.join_token}/questions", content=chunks(),
                           headers={"content-type": "application/json"})
    assert streamed.status_code == 413


def test_closed_session_says_so(client, session, event_file) -> None:
    set_questions_open(event_file, session.id, False)
    response = ask(client, session)
    assert response.status_code == 409 and response.json()["error"] == "closed"
    assert "closed" in response.json()["message"]
    assert client.get(f"/api/j/{session.join_token}").json()["session"]["open"] is False


def test_state_lists_approved_questions_mine_and_on_screen(client, session, event_file) -> None:
    mine = ask(client, session, "Mine?").json()["id"]
    other = store.submit_question(event_file, session.id, "<b>Other</b>?", now=1.0,
                                  device_id="someone-else")[0]
    state = client.get(f"/api/j/{session.join_token}", params={"device": DEVICE}).json()
    assert state["questions"] == []
    assert state["mine"] == [{"id": mine, "text": "Mine?", "status": "pending"}]
    store.approve_question(event_file, other.id, now=2.0)
    store.reject_question(event_file, mine, now=2.0)
    store.set_on_screen(event_file, session.id, other.id, now=3.0)
    state = client.get(f"/api/j/{session.join_token}", params={"device": DEVICE}).json()
    assert [q["text"] for q in state["questions"]] == ["<b>Other</b>?"]
    assert state["mine"][0]["status"] == "not_selected"
    assert state["on_screen"]["id"] == other.id
    assert "Mayor (to be confirmed) — panel 1" in state["speakers"]
    assert not any("floor" in name for name in state["speakers"])


def test_polling_uses_etags(client, session, event_file) -> None:
    url = f"/api/j/{session.join_token}?device={DEVICE}"
    first = client.get(url)
    etag = first.headers["etag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    ask(client, session)
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag


def test_upvote_once_per_device(client, session, event_file, notified) -> None:
    qid = ask(client, session).json()["id"]
    url = f"/api/j/{session.join_token}/questions/{qid}/vote"
    assert client.post(url, json={"device": DEVICE}).status_code == 400  # not approved yet
    store.approve_question(event_file, qid, now=1.0)
    assert client.post(url, json={"device": DEVICE}).json()["votes"] == 1
    assert client.post(url, json={"device": DEVICE}).json()["votes"] == 1
    # The id the page claims counts for nothing: the server's cookie says who votes.
    assert client.post(url, json={"device": "another-phone"}).json()["votes"] == 1
    another_phone = TestClient(client.app, headers=HEADERS)
    assert another_phone.post(url, json={}).json()["votes"] == 2
    assert notified.count(("votes", session.id)) == 2
    state = client.get(f"/api/j/{session.join_token}", params={"device": DEVICE}).json()
    assert state["questions"][0]["voted"] is True
    missing = f"/api/j/{session.join_token}/questions/99999/vote"
    assert client.post(missing, json={"device": DEVICE}).status_code == 404


def test_votes_cannot_cross_sessions(client, session, event_file) -> None:
    from facilitator.store.sessions import list_sessions

    other = list_sessions(event_file)[1]
    set_questions_open(event_file, other.id, True)
    q = store.submit_question(event_file, other.id, "Elsewhere", now=1.0)[0]
    store.approve_question(event_file, q.id, now=1.0)
    url = f"/api/j/{session.join_token}/questions/{q.id}/vote"
    assert client.post(url, json={"device": DEVICE}).status_code == 404


def test_short_code_finds_the_session(client, session) -> None:
    typed = session.short_code[:3].lower() + " " + session.short_code[3:]
    assert client.get(f"/api/code/{typed}").json() == {"join": f"/j/{session.join_token}"}
    assert client.get("/api/code/ZZZZZZ").json()["error"] == "unknown_code"


def test_speaker_state_gives_the_clock_and_the_time(client, session, event_file) -> None:
    slot = list_slots(event_file, session.id)[0]
    # Before the moderator's first key press the podium shows who is up, as the projector.
    ready = client.get(f"/api/s/{session.speaker_token}").json()
    assert ready["speaker"]["name"] == slot.person.name
    assert ready["timer"]["started_at"] is None and ready["timer"]["planned"] == 300.0
    set_current_slot(event_file, session.id, slot.id)
    save_timer(event_file, slot.id, slot.clock.start(1000.0), "slot_started")
    data = client.get(f"/api/s/{session.speaker_token}").json()
    assert data["speaker"]["name"] == slot.person.name
    assert data["timer"]["started_at"] == 1000.0
    assert data["now"] == FakeClock().now()
    assert client.get(f"/api/s/{session.join_token}").status_code == 404


def test_rate_limits_answer_429_with_retry_after(event_file, session) -> None:
    limits = Limits(device_writes=RateLimit(per_minute=6, burst=2))
    with TestClient(create_app(event_file, limits=limits), headers=HEADERS) as client:
        codes = [ask(client, session, f"Question {i}?").status_code for i in range(3)]
        assert codes == [201, 201, 429]
        refused = ask(client, session, "One more?")
        assert refused.json()["error"] == "rate_limited"
        assert 1 <= int(refused.headers["retry-after"]) <= 10
        # another phone (its own cookie) is not held back by this one
        other = TestClient(client.app, headers=HEADERS).post(
            f"/api/j/{session.join_token}/questions", json={"text": "Other phone"})
        assert other.status_code == 201

    limits = Limits(address_reads=RateLimit(per_minute=60, burst=3))
    with TestClient(create_app(event_file, limits=limits), headers=HEADERS) as client:
        codes = [client.get(f"/api/j/{session.join_token}").status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        # The page's own files are never refused, even to an address at its ceiling.
        assert client.get("/web/phone.js").status_code == 200


def test_rate_limit_refills_and_forgets_idle_keys() -> None:
    now = [0.0]
    bucket = RateLimit(per_minute=60, burst=1, clock=lambda: now[0], max_keys=4)
    assert bucket.check("a") == 0
    assert bucket.check("a") == 1.0
    now[0] += 1.0
    assert bucket.check("a") == 0
    for key in "bcdefgh":
        now[0] += 5
        bucket.check(key)
    assert len(bucket._buckets) <= 4


def test_a_new_floor_slot_does_not_break_the_state(client, session, event_file) -> None:
    from facilitator.core.model import Person, Slot

    add_slot(event_file, session.id, Slot(person=Person(name="Late minister")))
    state = client.get(f"/api/j/{session.join_token}").json()
    assert "Late minister" in state["speakers"]


def test_the_poll_script_is_not_part_of_the_first_load() -> None:
    # phone.js loads it when a poll first opens: a page with no poll stays as small.
    from facilitator.assets import asset_path

    web = asset_path("web")
    assert "phone-polls.js" not in (web / "phone.html").read_text(encoding="utf-8")
    assert (web / "phone-polls.js").stat().st_size < 10 * 1024


def test_the_window_is_told_which_questions_phones_wrote(client, session, event_file) -> None:
    """Each notice about a phone's question or vote names it first (the window reads only
    those); a notice naming none (a team device's) asks for the whole session; taking the
    news empties it."""
    app = client.app
    qid = ask(client, session).json()["id"]
    store.approve_question(event_file, qid, now=1.0)
    assert client.post(f"/api/j/{session.join_token}/questions/{qid}/vote",
                       json={}).status_code == 200
    assert app.take_question_news() == {session.id: {qid}}
    assert app.take_question_news() == {}
    app.phones.notify("questions", session.id)  # a co-moderator's edit, say
    app.phones.notify("votes", session.id, qid)
    app.phones.notify("floor", session.id)  # not about questions
    assert app.take_question_news() == {session.id: None}
