"""The hall's two polls (the shared state and a phone's own bits) are answered in front of
Starlette (audience/hall_polls.py): over a real socket they keep their ETags, follow every
change, show a phone its own vote, and stay under the same limits; in-process each answer
is byte for byte what the Starlette route answers."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from facilitator.audience.app import SECURITY_HEADERS, create_app
from facilitator.audience.devices import COOKIE_NAME
from facilitator.audience.hall_polls import HallPolls, query_value
from facilitator.audience.limits import Limits, RateLimit
from facilitator.audience.runner import PhoneServer
from facilitator.core.clock import FakeClock
from facilitator.store import questions as store
from tests.api.conftest import HEADERS

UNLIMITED = RateLimit(per_minute=10**9, burst=10**9)


def approved(event_file, session, text: str) -> int:
    question = store.submit_question(event_file, session.id, text, now=time.time())[0]
    store.approve_question(event_file, question.id, now=time.time())
    return question.id


def hall_polls_of(app) -> HallPolls:
    """The HallPolls layer inside the finished app's middleware chain."""
    layer = app.app
    while not isinstance(layer, HallPolls):
        layer = layer.app
    return layer


class Unreachable:
    """Stands for the Starlette app: notes the polls (GET …/shared, …/me) that got here,
    which the fast path should have answered."""

    def __init__(self, app) -> None:
        self.app = app
        self.reached: list[str] = []

    async def __call__(self, scope, receive, send) -> None:
        if scope["method"] == "GET" and scope["path"].endswith(("/shared", "/me")):
            self.reached.append(scope["path"])
        await self.app(scope, receive, send)


@pytest.fixture
def live(event_file, session):
    """The phone server for real on 127.0.0.1, publishing at once (no 0.5 s wait), with the
    Starlette app behind the fast path watched."""
    def start(limits: Limits | None = None) -> tuple[PhoneServer, Unreachable]:
        server = PhoneServer(event_file.path, host="127.0.0.1", port=0, limits=limits)
        server.start()
        started.append(server)
        server._app.phones.publish_seconds = 0.0
        polls = hall_polls_of(server._app)
        watch = Unreachable(polls.app)
        polls.app = watch
        return server, watch

    started: list[PhoneServer] = []
    yield start
    for server in started:
        server.stop()


def test_state_polls_are_304_with_the_etag_and_200_after_a_change(live, event_file,
                                                                  session) -> None:
    server, watch = live()
    first = approved(event_file, session, "Who pays for the metro?")
    shared = f"/api/j/{session.join_token}/shared"
    with httpx.Client(base_url=f"http://127.0.0.1:{server.port}", headers=HEADERS,
                      timeout=5) as phone:
        answer = phone.get(shared, params={"view": "view-aaaaaaaa"})
        assert answer.status_code == 200
        assert [q["id"] for q in answer.json()["questions"]] == [first]
        etag = answer.headers["etag"]
        again = phone.get(shared, params={"view": "view-aaaaaaaa"},
                          headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.content == b""
        assert again.headers["etag"] == etag
        for name, value in SECURITY_HEADERS:  # on the fast answers too
            assert again.headers[name.decode()] == value.decode()
            assert answer.headers[name.decode()] == value.decode()
        second = approved(event_file, session, "And the buses?")  # the GUI's connection
        changed = phone.get(shared, params={"view": "view-aaaaaaaa"},
                            headers={"If-None-Match": etag})
        assert changed.status_code == 200 and changed.headers["etag"] != etag
        assert {q["id"] for q in changed.json()["questions"]} == {first, second}
    assert watch.reached == []  # every poll answered in front of Starlette


def test_own_bits_show_this_phones_vote_and_are_304_until_it_changes(live, event_file,
                                                                    session) -> None:
    server, watch = live()
    first = approved(event_file, session, "Housing first?")
    second = approved(event_file, session, "Water first?")
    me = f"/api/j/{session.join_token}/me"
    base = f"http://127.0.0.1:{server.port}"
    with httpx.Client(base_url=base, headers=HEADERS, timeout=5) as phone, \
            httpx.Client(base_url=base, headers=HEADERS, timeout=5) as other:
        assert phone.get(me).json() == {"voted": [], "counts": {}, "mine": []}
        voted = phone.post(f"/api/j/{session.join_token}/questions/{first}/vote", json={})
        assert voted.status_code == 200 and COOKIE_NAME in phone.cookies
        asked = phone.post(f"/api/j/{session.join_token}/questions",
                           json={"text": "Mine, pending?"})
        own = phone.get(me, params={"view": "view-bbbbbbbb"})
        assert own.status_code == 200
        assert own.json() == {"voted": [first], "counts": {str(first): 1},
                              "mine": [{"id": asked.json()["id"], "text": "Mine, pending?",
                                        "status": "pending"}]}
        etag = own.headers["etag"]
        same = phone.get(me, params={"view": "view-bbbbbbbb"}, headers={"If-None-Match": etag})
        assert same.status_code == 304 and same.content == b""
        # Another phone's vote is its own: this phone's bits show only its own.
        other.post(f"/api/j/{session.join_token}/questions/{second}/vote", json={})
        assert other.get(me).json()["voted"] == [second]
        phone.post(f"/api/j/{session.join_token}/questions/{second}/vote", json={})
        after = phone.get(me, params={"view": "view-bbbbbbbb"}, headers={"If-None-Match": etag})
        assert after.status_code == 200
        assert after.json()["voted"] == [first, second]
        assert after.json()["counts"] == {str(first): 1, str(second): 2}
    assert watch.reached == []


def test_polls_keep_the_limits_per_page_and_per_address(live, session) -> None:
    server, watch = live(Limits(device_reads=RateLimit(per_minute=1, burst=2),
                                address_reads=RateLimit(per_minute=1, burst=5)))
    base = f"http://127.0.0.1:{server.port}"
    shared = f"/api/j/{session.join_token}/shared"
    me = f"/api/j/{session.join_token}/me"
    with httpx.Client(base_url=base, headers=HEADERS, timeout=5) as phone:
        page = {"view": "view-cccccccc"}
        assert [phone.get(shared, params=page).status_code,
                phone.get(me, params=page).status_code] == [200, 200]
        refused = phone.get(shared, params=page)  # this page's bucket is empty
        assert refused.status_code == 429
        assert int(refused.headers["retry-after"]) >= 1
        assert refused.json()["error"] == "rate_limited"
        assert refused.headers["cache-control"] == "no-store"
        # Other pages from the same address have their own buckets, until the address's
        # ceiling (5 answered in all) says wait too.
        other = {"view": "view-dddddddd"}
        assert phone.get(me, params=other).status_code == 200
        assert phone.get(shared, params=other).status_code == 200
        assert phone.get(shared, params={"view": "view-eeeeeeee"}).status_code == 200
        ceiling = phone.get(me, params={"view": "view-ffffffff"})
        assert ceiling.status_code == 429 and ceiling.json()["error"] == "rate_limited"
    assert watch.reached == []


def test_unknown_sessions_and_missing_headers_are_answered_as_before(live) -> None:
    server, watch = live()
    with httpx.Client(base_url=f"http://127.0.0.1:{server.port}", timeout=5) as phone:
        unknown = phone.get("/api/j/no-such-token/shared", headers=HEADERS)
        assert unknown.status_code == 404 and unknown.json()["error"] == "not_found"
        # The API header, the Host check and bad tokens are checked before the fast path.
        assert phone.get("/api/j/x/shared").status_code == 403
        assert phone.get("/api/j/x/me", headers={**HEADERS, "Host": "evil.example"}
                         ).status_code == 421
        assert phone.get("/api/j/bad%20token/me", headers=HEADERS).status_code == 404
    assert watch.reached == ["/api/j/bad token/me"]  # not a token: Starlette's 404


# --- in-process: the fast answers are the Starlette routes' answers -----------------------

def asgi(app, path: str, headers: list[tuple[bytes, bytes]], query: bytes = b"",
         method: str = "GET", body: bytes = b"") -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": method, "scheme": "http", "path": path, "raw_path": path.encode(),
             "root_path": "", "query_string": query, "client": ("127.0.0.9", 50000),
             "server": ("127.0.0.1", 8765),
             "headers": [(b"host", b"127.0.0.1:8765"), (b"x-facilitator", b"1"), *headers]}
    asyncio.run(app(scope, receive, send))
    body = b"".join(m.get("body", b"") for m in sent[1:])
    return sent[0]["status"], list(sent[0].get("headers", [])), body


def test_each_fast_answer_is_the_starlette_routes_answer(event_file, session) -> None:
    app = create_app(event_file, clock=FakeClock(),
                     limits=Limits(device_reads=UNLIMITED, address_reads=UNLIMITED))
    polls = hall_polls_of(app)
    token = session.join_token
    first = approved(event_file, session, "Same bytes?")
    _, headers, _ = asgi(app, f"/api/j/{token}/questions/{first}/vote",
                         [(b"content-type", b"application/json")], method="POST",
                         body=b"{}")
    voter = dict(headers)[b"set-cookie"].split(b";")[0]
    shared_etag = dict(asgi(app, f"/api/j/{token}/shared", [])[1])[b"etag"]
    gzip_etag = dict(asgi(app, f"/api/j/{token}/shared",
                          [(b"accept-encoding", b"gzip")])[1])[b"etag"]
    me_etag = dict(asgi(app, f"/api/j/{token}/me",
                        [(b"cookie", voter)])[1])[b"etag"]
    cases = [
        (f"/api/j/{token}/shared", [], b""),
        (f"/api/j/{token}/shared", [(b"accept-encoding", b"gzip, br")], b"view=view-aaaa1111"),
        (f"/api/j/{token}/shared", [(b"if-none-match", shared_etag)], b""),
        (f"/api/j/{token}/shared", [(b"accept-encoding", b"gzip"),
                                    (b"if-none-match", b'"x", ' + gzip_etag)], b""),
        (f"/api/j/{token}/shared", [(b"if-none-match", b"*")], b"device=view-bbbb2222"),
        (f"/api/j/{token}/me", [], b"view=%76iew-cccc3333&view="),
        (f"/api/j/{token}/me", [(b"cookie", voter)], b"view=view-dddd4444"),
        (f"/api/j/{token}/me", [(b"cookie", b"a=b; " + voter),
                                (b"if-none-match", me_etag)], b""),
        (f"/api/j/{token}/me", [(b"cookie", voter + b"x")], b""),  # forged
        (f"/api/j/{token}/me", [(b"cookie", voter + b"x"), (b"cookie", voter)], b""),
        (f"/api/j/{token}/me", [(b"cookie", voter), (b"cookie", b"other=1")], b""),
        ("/api/j/unknown-token/shared", [], b""),
        ("/api/j/unknown-token/me", [(b"cookie", voter)], b""),
    ]
    for path, headers, query in cases:
        fast = asgi(app, path, headers, query)
        inner = polls.app
        polls.app = None  # unreachable: the fast path answers alone
        try:
            assert asgi(app, path, headers, query) == fast
        finally:
            polls.app = inner
        slow = asgi(inner, path, headers, query)
        # The Starlette route, alone, adds no security headers (the outer layer does).
        assert fast[0] == slow[0], (path, headers, query)
        assert fast[2] == slow[2], (path, headers, query)
        security = {name for name, _ in SECURITY_HEADERS}
        assert [h for h in fast[1] if h[0] not in security] == slow[1], (path, headers)


def test_the_query_is_read_as_starlette_reads_it() -> None:
    assert query_value(b"view=abc&device=def", "view", "device") == "abc"
    assert query_value(b"view=&device=def", "view", "device") == "def"
    assert query_value(b"view=a&view=b", "view") == "b"  # the last one counts
    assert query_value(b"view=%61b+c", "view") == "ab c"
    assert query_value(b"", "view", "device") == ""
