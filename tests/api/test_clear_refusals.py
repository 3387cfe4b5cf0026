"""Refusals that say what is wrong to the one who gets them: a remote control without the
custom header is told to send it (not "use the page to send questions"); a revoked or
unknown team link opens a page saying so (not the audience's "scan the QR code"); a phone
withdrawing a floor request twice is told it already did (not that the moderator answered).
"""

from __future__ import annotations

from starlette.testclient import TestClient

from facilitator.actions import floor, team
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.audience.app import create_app
from facilitator.audience.limits import Limits
from facilitator.core.clock import FakeClock
from facilitator.core.team import Role
from tests.api.conftest import HEADERS


def test_a_curl_without_the_header_is_told_to_send_it(event_file, session) -> None:
    link = run(event_file, LAPTOP,
               team.create_role_link(Role.TIMEKEEPER, "deck", now=1.0)).result
    app = create_app(event_file, clock=FakeClock(), limits=Limits())
    with TestClient(app) as curl:
        refused = curl.post(f"/api/r/{link.token}/control/message", json={"text": "hi"})
        assert refused.status_code == 403
        message = refused.json()["message"]
        assert "X-Facilitator: 1" in message and "remote-control.md" in message
        # A phone's API keeps its own wording: only its page can send to it.
        phone = curl.post(f"/api/j/{session.join_token}/questions", json={"text": "hi"})
        assert phone.json()["message"] == "Use the page to send questions."


def test_a_revoked_or_unknown_team_link_says_so(event_file, session) -> None:
    link = run(event_file, LAPTOP, team.create_role_link(Role.RAPPORTEUR, "r", now=1.0)).result
    app = create_app(event_file, clock=FakeClock(), limits=Limits())
    with TestClient(app, headers=HEADERS) as client:
        assert "rapporteur" in client.get(f"/r/{link.token}").text
        run(event_file, LAPTOP, team.revoke_role_link(link.token, now=2.0))
        for token in (link.token, "x" * 43):
            page = client.get(f"/r/{token}")
            assert page.status_code == 404
            assert "revoked" in page.text and "Ask the moderator for a new one" in page.text
            assert "Scan the QR code" not in page.text
            for lang in ('lang="fr"', 'lang="es"', 'lang="ar"', 'lang="zh"', 'lang="ru"'):
                assert lang in page.text
        # The audience's wrong links keep their own page.
        assert "Scan the QR code" in client.get(f"/j/{'y' * 22}").text


def test_withdrawing_twice_says_it_was_already_withdrawn(event_file, session) -> None:
    run(event_file, LAPTOP, floor.set_open(session.id, True))
    app = create_app(event_file, clock=FakeClock(), limits=Limits())
    url = f"/api/j/{session.join_token}/floor"
    with TestClient(app, headers=HEADERS) as phone:
        asked = phone.post(url, json={"name": "Amina", "kind": "intervention"})
        assert asked.status_code == 201, asked.text
        request_id = asked.json()["requests"][0]["id"]
        assert phone.post(f"{url}/{request_id}/withdraw", json={}).status_code == 200
        again = phone.post(f"{url}/{request_id}/withdraw", json={})
        assert (again.status_code, again.json()["error"]) == (409, "withdrawn")
        assert again.json()["message"] == "You already withdrew this request."
