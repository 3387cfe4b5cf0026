"""The QR moment and a polling hall cost little: pages and files from memory (strong ETags,
gzip, versioned URLs kept a year), the shared state published once per change for every
phone (one ETag, compared before anything is built), the phone's own bits apart."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from facilitator.assets import asset_path
from facilitator.audience.app import create_app
from facilitator.audience.limits import Limits, RateLimit
from facilitator.audience.public_questions import QuestionFragments
from facilitator.core.clock import FakeClock
from facilitator.store import questions as store
from tests.api.conftest import HEADERS

PLAIN = {"Accept-Encoding": "identity"}
GZIP = {"Accept-Encoding": "gzip"}
ONE_ROUND_TRIP = 10 * 1460  # a fresh TCP connection's first flight (initial window, RFC 6928)


@pytest.fixture
def app(event_file, session):
    return create_app(event_file, clock=FakeClock(), limits=Limits())


@pytest.fixture
def phone(app):
    with TestClient(app, headers=HEADERS) as client:
        yield client


def raw(client: TestClient, url: str, headers: dict[str, str]):
    """The answer's bytes as sent (httpx would inflate a gzip by itself)."""
    with client.stream("GET", url, headers=headers) as answer:
        return answer, b"".join(answer.iter_raw())


def test_the_page_names_versioned_files_which_are_kept_a_year(phone, session, app) -> None:
    page = phone.get(f"/j/{session.join_token}").text
    version = app.phones.web.version
    assert f'href="/web/phone.css?v={version}"' in page
    assert f'src="/web/phone.js?v={version}"' in page
    assert f'data-assets="{version}"' in page
    kept = phone.get(f"/web/phone.js?v={version}")
    assert kept.status_code == 200
    assert kept.headers["cache-control"] == "public, max-age=31536000, immutable"
    # An older page's URL (another version, or none) is kept an hour only.
    for url in ("/web/phone.js", "/web/phone.js?v=000000000000"):
        assert phone.get(url).headers["cache-control"] == "public, max-age=3600"


@pytest.mark.parametrize("name", ["phone.js", "phone.css", "speaker.js", "i18n/ar.json"])
def test_files_come_gzipped_to_who_takes_gzip_and_plain_otherwise(phone, name) -> None:
    on_disk = (asset_path("web") / name).read_bytes()
    plain, plain_bytes = raw(phone, f"/web/{name}", PLAIN)
    packed, packed_bytes = raw(phone, f"/web/{name}", GZIP)
    assert plain_bytes == on_disk and "content-encoding" not in plain.headers
    assert packed.headers["content-encoding"] == "gzip"
    assert gzip.decompress(packed_bytes) == on_disk and len(packed_bytes) < len(on_disk)
    assert plain.headers["vary"] == packed.headers["vary"] == "Accept-Encoding"
    # Strong ETags, one per encoding; either brings a 304.
    assert plain.headers["etag"] != packed.headers["etag"]
    for etag in (plain.headers["etag"], packed.headers["etag"]):
        for headers in (PLAIN, GZIP):
            again = phone.get(f"/web/{name}", headers={**headers, "If-None-Match": etag})
            assert again.status_code == 304 and again.content == b""


def test_pages_are_served_from_memory_not_from_disk(phone, session, monkeypatch) -> None:
    def no_disk(*args, **kwargs):
        raise AssertionError("read from disk while serving")

    monkeypatch.setattr(Path, "read_bytes", no_disk)
    monkeypatch.setattr(Path, "read_text", no_disk)
    monkeypatch.setattr(Path, "open", no_disk)
    assert phone.get(f"/j/{session.join_token}").status_code == 200
    assert phone.get(f"/s/{session.speaker_token}").status_code == 200
    assert phone.get("/j/no-such-token").status_code == 404
    assert phone.get("/web/phone.js").status_code == 200


def test_the_join_page_arrives_in_one_round_trip(phone, session) -> None:
    answer, body = raw(phone, f"/j/{session.join_token}", GZIP)
    head = sum(len(k) + len(v) + 4 for k, v in answer.headers.items()) + 20
    assert answer.headers["content-encoding"] == "gzip"
    assert head + len(body) < ONE_ROUND_TRIP, head + len(body)
    etag = answer.headers["etag"]
    assert answer.headers["cache-control"] == "no-cache"
    again = phone.get(f"/j/{session.join_token}", headers={"If-None-Match": etag})
    assert again.status_code == 304


def test_the_shared_state_is_built_once_for_every_phone(app, event_file, session,
                                                       monkeypatch) -> None:
    question = store.submit_question(event_file, session.id, "Shared?", now=1.0)[0]
    store.approve_question(event_file, question.id, now=1.0)
    built = []
    # The publish builds the questions' list (from their kept fragments) once per change.
    original = QuestionFragments.assemble
    monkeypatch.setattr(QuestionFragments, "assemble",
                        lambda self, rows: built.append(session.id) or original(self, rows))
    url = f"/api/j/{session.join_token}/shared"
    with TestClient(app, headers=HEADERS) as first, TestClient(app, headers=HEADERS) as other:
        one, two = first.get(url + "?view=aaaaaaaaaa"), other.get(url + "?view=bbbbbbbbbb")
        assert one.content == two.content and one.headers["etag"] == two.headers["etag"]
        assert [q["text"] for q in one.json()["questions"]] == ["Shared?"]
        for _ in range(20):
            cached = first.get(url, headers={"If-None-Match": one.headers["etag"]})
            assert cached.status_code == 304 and cached.content == b""
    assert built == [session.id]


def test_a_change_is_published_within_the_window(app, event_file, session) -> None:
    app.phones.publish_seconds = 0.2
    url = f"/api/j/{session.join_token}/shared"
    with TestClient(app, headers=HEADERS) as phone:
        before = phone.get(url)
        question = store.submit_question(event_file, session.id, "New?", now=1.0)[0]
        store.approve_question(event_file, question.id, now=1.0)
        # Within the window every phone gets the same published bytes...
        assert phone.get(url, headers={"If-None-Match": before.headers["etag"]}
                         ).status_code == 304
        time.sleep(0.25)
        # ...after it, the change.
        after = phone.get(url, headers={"If-None-Match": before.headers["etag"]})
        assert after.status_code == 200
        assert [q["text"] for q in after.json()["questions"]] == ["New?"]


def test_the_phone_s_own_bits_come_apart_and_rev_says_when(app, event_file, session) -> None:
    app.phones.publish_seconds = 0.0
    base = f"/api/j/{session.join_token}"
    with TestClient(app, headers=HEADERS) as phone:
        assert phone.get(base + "/me").json() == {"voted": [], "counts": {}, "mine": []}
        asked = phone.post(base + "/questions", json={"text": "Mine, pending?"}).json()
        other = store.submit_question(event_file, session.id, "Theirs?", now=1.0)[0]
        store.approve_question(event_file, other.id, now=1.0)
        assert phone.post(f"{base}/questions/{other.id}/vote", json={}).status_code == 200
        rev = phone.get(base + "/shared").json()["rev"]
        me = phone.get(base + "/me")
        assert me.json() == {"voted": [other.id], "counts": {str(other.id): 1}, "mine": [
            {"id": asked["id"], "text": "Mine, pending?", "status": "pending"}]}
        assert phone.get(base + "/me", headers={"If-None-Match": me.headers["etag"]}
                         ).status_code == 304
        # The moderator turns the pending question down: nothing visible changes, but the
        # rev does, so the page asks for its own questions again.
        store.reject_question(event_file, asked["id"], now=2.0)
        shared = phone.get(base + "/shared").json()
        assert shared["rev"] != rev
        assert phone.get(base + "/me").json()["mine"][0]["status"] != "pending"
        # No device's votes in the shared state: every phone gets the same bytes.
        assert all(q["voted"] is False for q in shared["questions"])


def test_rev_moves_when_counts_stay_but_a_phone_s_own_question_changed(app, event_file,
                                                                       session) -> None:
    # Found by a tester: the moderator approves the wrong question, puts it back to
    # pending and approves the asker's: the counts per status are as before, and the
    # page kept "Waiting for review" for up to 30 s. An edited wording moved no count.
    app.phones.publish_seconds = 0.0
    base = f"/api/j/{session.join_token}"
    with TestClient(app, headers=HEADERS) as phone:
        asked = phone.post(base + "/questions", json={"text": "Mine?"}).json()
        other = store.submit_question(event_file, session.id, "Theirs?", now=1.0)[0]
        store.approve_question(event_file, other.id, now=1.0)
        rev = phone.get(base + "/shared").json()["rev"]
        store.return_to_pending(event_file, other.id, now=2.0)
        store.approve_question(event_file, asked["id"], now=2.0)
        shared = phone.get(base + "/shared").json()
        assert shared["rev"] != rev
        assert phone.get(base + "/me").json()["mine"][0]["status"] == "approved"
        rev = shared["rev"]
        store.edit_question(event_file, asked["id"], "Mine, reworded?", now=3.0)
        shared = phone.get(base + "/shared").json()
        assert shared["rev"] != rev
        assert phone.get(base + "/me").json()["mine"][0]["text"] == "Mine, reworded?"
        # A vote alone moves no rev: a voting hall does not ask for its own bits again.
        store.approve_question(event_file, other.id, now=4.0)
        rev = phone.get(base + "/shared").json()["rev"]
        assert phone.post(f"{base}/questions/{other.id}/vote", json={}).status_code == 200
        assert phone.get(base + "/shared").json()["rev"] == rev


def test_shared_and_me_keep_the_read_limits(event_file, session) -> None:
    limits = Limits(device_reads=RateLimit(per_minute=1, burst=3))
    app = create_app(event_file, clock=FakeClock(), limits=limits)
    with TestClient(app, headers=HEADERS) as phone:
        for path in ("shared", "me"):
            answers = [phone.get(f"/api/j/{session.join_token}/{path}?view=cccccccccc"
                                 ).status_code for _ in range(5)]
            assert 429 in answers
        assert phone.get(f"/api/j/{session.join_token}/shared",
                         headers={"X-Facilitator": ""}).status_code == 403
        assert phone.get("/api/j/not-a-token/shared?view=dddddddddd").status_code == 404


def test_vote_counts_alone_wait_so_a_voting_hall_mostly_gets_304(app, event_file,
                                                                   session) -> None:
    app.phones.publish_seconds = 0.0
    app.phones.votes_seconds = 0.3
    question = store.submit_question(event_file, session.id, "Counted?", now=1.0)[0]
    store.approve_question(event_file, question.id, now=1.0)
    url = f"/api/j/{session.join_token}/shared"
    with TestClient(app, headers=HEADERS) as phone:
        first = phone.get(url)
        store.add_vote(event_file, question.id, "device-voter-1", now=2.0)
        held = phone.get(url, headers={"If-None-Match": first.headers["etag"]})
        assert held.status_code == 304  # only a count moved: it waits
        time.sleep(0.35)
        counted = phone.get(url, headers={"If-None-Match": first.headers["etag"]})
        assert counted.status_code == 200 and counted.json()["questions"][0]["votes"] == 1
        # Anything else shows at once, vote counts with it.
        store.add_vote(event_file, question.id, "device-voter-2", now=3.0)
        store.set_on_screen(event_file, session.id, question.id, now=3.0)
        shown = phone.get(url, headers={"If-None-Match": counted.headers["etag"]}).json()
        assert shown["on_screen"]["id"] == question.id and shown["on_screen"]["votes"] == 2
