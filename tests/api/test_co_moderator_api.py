"""The co-moderator's API (audience/co_moderator.py): the laptop's moderation commands,
logged as the co-moderator's link, on the room's session only; bad input gets a 4xx."""

from __future__ import annotations

import json

import pytest
from starlette.testclient import TestClient

from facilitator.actions import team
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.audience.app import create_app
from facilitator.audience.limits import Limits
from facilitator.core.clock import FakeClock
from facilitator.core.team import Role
from facilitator.store import questions as qstore
from facilitator.store.sessions import list_sessions, set_questions_open
from tests.api.conftest import HEADERS


@pytest.fixture
def desk(event_file, notified):
    app = create_app(event_file, lambda kind, sid: notified.append((kind, sid)),
                     clock=FakeClock(), limits=Limits())
    with TestClient(app, headers=HEADERS) as test_client:
        yield test_client


@pytest.fixture
def token(event_file):
    return run(event_file, LAPTOP,
               team.create_role_link(Role.CO_MODERATOR, "Jo", now=1.0)).result.token


def ask(event_file, session_id, text, device="d1"):
    set_questions_open(event_file, session_id, True)
    return qstore.submit_question(event_file, session_id, text, now=1.0,
                                  device_id=device)[0].id


def test_the_laptops_actions_from_the_co_moderators_page(event_file, desk, token, notified):
    session = list_sessions(event_file)[0]
    a = ask(event_file, session.id, "Will cities get direct climate finance?")
    b = ask(event_file, session.id, "Direct climate finance for cities, when?", "d2")
    queue = desk.get(f"/api/r/{token}/queue").json()
    assert [q["status"] for q in queue["questions"]] == ["pending", "pending"]
    assert queue["speakers"]

    def post(qid, action, body=None):
        response = desk.post(f"/api/r/{token}/questions/{qid}/{action}", json=body or {})
        assert response.status_code == 200, response.text
        return response.json()["question"]

    assert post(a, "approve")["status"] == "approved"
    assert post(a, "star", {"starred": True})["starred"] is True
    assert post(a, "wording", {"text": "When will cities get direct climate finance?"})[
        "text"] == "When will cities get direct climate finance?"
    assert post(a, "merge", {"others": [b]})["votes"] >= 0
    assert qstore.get_question(event_file, b).merged_into == a
    assert post(a, "screen", {"on": True})["on_screen"] is True
    assert ("stage", session.id) in notified and ("questions", session.id) in notified
    assert post(a, "answered", {"by": queue["speakers"][0]})["status"] == "answered"
    assert post(a, "screen", {"on": False})["on_screen"] is False
    assert post(a, "reopen")["status"] == "pending"
    assert post(a, "reject")["status"] == "rejected"
    by = {json.loads(row[0]).get("by") for row in event_file.db.execute(
        "SELECT detail FROM event_log WHERE action LIKE 'question%'")}
    assert "co_moderator:Jo" in by


def test_a_co_moderator_tags_a_question_as_the_laptop_does(event_file, desk, token):
    from facilitator.store.question_tags import question_tags

    session = list_sessions(event_file)[0]
    a = ask(event_file, session.id, "How do cities finance affordable housing?")
    url = f"/api/r/{token}/questions/{a}/tags"
    response = desk.post(url, json={"tags": ["SDG 11", " Housing  our future ", "SDG 11"]})
    assert response.status_code == 200, response.text
    assert question_tags(event_file, a) == ("SDG 11", "Housing our future")
    log = [json.loads(row[0]) for row in event_file.db.execute(
        "SELECT detail FROM event_log WHERE action = 'question_tagged'")]
    assert log[-1]["role"] == "co-moderator" and log[-1]["tags"] == ["SDG 11",
                                                                     "Housing our future"]
    for body in ({}, {"tags": "SDG 11"}, {"tags": [5]}, {"tags": ["x" * 500]},
                 {"tags": [f"t{i}" for i in range(40)]}):
        response = desk.post(url, json=body)
        assert response.status_code == 400 and response.json()["message"], body
    assert question_tags(event_file, a) == ("SDG 11", "Housing our future")


def test_tags_changed_on_the_laptop_meanwhile_are_not_overwritten(event_file, desk, token):
    """The page saves with the tags its picker started from (``base``): if the laptop tagged
    the question since, 409 ``tags_changed`` with the question as it stands, nothing written."""
    from facilitator.actions.ids import QuestionId, SessionId
    from facilitator.actions.questions import set_tags
    from facilitator.store.question_tags import question_tags

    session = list_sessions(event_file)[0]
    a = ask(event_file, session.id, "How do women get affordable housing?")
    url = f"/api/r/{token}/questions/{a}/tags"
    # The picker opens on no tags; meanwhile the laptop sets Q1 and SDG 5.
    run(event_file, LAPTOP, set_tags(SessionId(session.stored_id), QuestionId(a),
                                     ["Q1", "SDG 5"]))
    logged = event_file.db.execute("SELECT count(*) FROM event_log").fetchone()[0]
    refused = desk.post(url, json={"tags": ["Housing our future"], "base": []})
    assert refused.status_code == 409 and refused.json()["error"] == "tags_changed"
    assert refused.json()["question"]["tags"] == ["Q1", "SDG 5"]
    assert question_tags(event_file, a) == ("Q1", "SDG 5")
    assert event_file.db.execute("SELECT count(*) FROM event_log").fetchone()[0] == logged
    # Checked again from the current tags (any case): saved.
    saved = desk.post(url, json={"tags": ["Q1", "SDG 5", "Housing our future"],
                                 "base": ["q1", "SDG 5"]})
    assert saved.status_code == 200, saved.text
    assert question_tags(event_file, a) == ("Q1", "SDG 5", "Housing our future")
    bad = desk.post(url, json={"tags": [], "base": "Q1"})
    assert bad.status_code == 400 and bad.json()["error"] == "tags_invalid"


def test_a_wording_edited_on_the_laptop_meanwhile_is_not_overwritten(event_file, desk, token):
    """The same kind as the tags above, for the wording: the page saves with the wording its
    editor started from (``base``); if the laptop (or another co-moderator) edited it since,
    409 ``wording_changed`` with the question as it stands, nothing written."""
    from facilitator.actions.ids import QuestionId, SessionId
    from facilitator.actions.questions import edit_wording

    session = list_sessions(event_file)[0]
    typed = "how will citys finance the metro"
    a = ask(event_file, session.id, typed)
    url = f"/api/r/{token}/questions/{a}/wording"
    # The co-moderator opens the editor on the phone's words; meanwhile the laptop fixes them.
    laptops = "How will cities finance the metro? ¿Y el tranvía? كيف؟"
    run(event_file, LAPTOP, edit_wording(SessionId(session.stored_id), QuestionId(a),
                                         laptops, now=2.0))
    logged = event_file.db.execute("SELECT count(*) FROM event_log").fetchone()[0]
    refused = desk.post(url, json={"text": "How will cities pay for the metro?", "base": typed})
    assert refused.status_code == 409 and refused.json()["error"] == "wording_changed"
    assert refused.json()["question"]["text"] == laptops
    assert qstore.get_question(event_file, a).text == laptops
    assert event_file.db.execute("SELECT count(*) FROM event_log").fetchone()[0] == logged
    # Saved again from the wording seen now: it replaces it.
    mine = "How will cities pay for the metro?"
    assert desk.post(url, json={"text": mine, "base": laptops}).status_code == 200
    assert qstore.get_question(event_file, a).text == mine
    # The same save sent again (its answer lost on the Wi-Fi) is no conflict.
    again = desk.post(url, json={"text": mine, "base": laptops})
    assert again.status_code == 200 and again.json()["question"]["text"] == mine
    # A page without ``base`` (an older one) replaces the wording as before; a bad one is 400.
    assert desk.post(url, json={"text": "Metro?"}).status_code == 200
    bad = desk.post(url, json={"text": "Metro!", "base": ["Metro?"]})
    assert bad.status_code == 400 and bad.json()["error"] == "invalid"


def test_odd_tags_fold_into_the_lists_spelling(event_file, desk, token):
    from facilitator.store.question_tags import question_tags

    session = list_sessions(event_file)[0]
    a = ask(event_file, session.id, "Gender and housing?")
    url = f"/api/r/{token}/questions/{a}/tags"
    response = desk.post(url, json={"tags": ["Q1", " q1 ", "sdg\u202e 5", "housing OUR future"]})
    assert response.status_code == 200, response.text
    assert question_tags(event_file, a) == ("Q1", "SDG 5", "Housing our future")
    response = desk.post(url, json={"tags": ["\u202e\u2066"]})
    assert response.status_code == 400 and response.json()["error"] == "tags_invalid"
    assert question_tags(event_file, a) == ("Q1", "SDG 5", "Housing our future")


def test_the_queue_gives_each_questions_tags_and_the_suggestions_of_its_words(
        event_file, desk, token):
    """The page's tag picker needs the laptop's choices, each question's tags and the tags
    its words suggest (keywords in English, French and Spanish), as the laptop's T does."""
    session = list_sessions(event_file)[0]
    french = ask(event_file, session.id, "Comment financer le logement abordable ?")
    spanish = ask(event_file, session.id, "¿Cómo mejorar el agua en la ciudad?", "d2")
    plain = ask(event_file, session.id, "Thank you all", "d3")
    queue = desk.get(f"/api/r/{token}/queue").json()
    choices = [choice["tag"] for choice in queue["tag_choices"]]
    assert {"SDG 1", "SDG 17", "Housing our future"} <= set(choices)
    assert {c["group"] for c in queue["tag_choices"]} >= {"SDGs",
                                                         "WUF12 dialogues and themes"}
    by_id = {q["id"]: q for q in queue["questions"]}
    assert by_id[french]["tags"] == []
    assert {"Housing our future", "Financing localization and localizing finance"} <= set(
        by_id[french]["suggested"])
    assert {"SDG 6", "SDG 11"} <= set(by_id[spanish]["suggested"])
    assert by_id[plain]["suggested"] == []
    answer = desk.post(f"/api/r/{token}/questions/{french}/tags",
                       json={"tags": ["SDG 11", "A theme of our own"]})
    assert answer.status_code == 200
    assert answer.json()["question"]["tags"] == ["SDG 11", "A theme of our own"]
    assert "Housing our future" in answer.json()["question"]["suggested"]
    queue = desk.get(f"/api/r/{token}/queue").json()
    assert {q["id"]: q["tags"] for q in queue["questions"]}[french] == [
        "SDG 11", "A theme of our own"]
    cleared = desk.post(f"/api/r/{token}/questions/{french}/tags", json={"tags": []})
    assert cleared.status_code == 200 and cleared.json()["question"]["tags"] == []


def test_refusals_are_clear_4xx(event_file, desk, token):
    sessions = list_sessions(event_file)
    a = ask(event_file, sessions[0].id, "A question about housing?")
    elsewhere = ask(event_file, sessions[1].id, "A question in another session?")
    cases = [
        (a, "launch", {}, 404), (a, "star", {}, 400), (a, "star", {"starred": "yes"}, 400),
        (a, "screen", {"on": 1}, 400), (a, "wording", {"text": ""}, 400),
        (a, "wording", {"text": 5}, 400), (a, "wording", {"text": "x" * 5000}, 400),
        (a, "answered", {}, 400), (a, "merge", {"others": []}, 400),
        (a, "merge", {"others": [a]}, 400), (a, "merge", {"others": ["b"]}, 400),
        (a, "merge", {"others": [10**30]}, 400), (a, "merge", {"others": [elsewhere]}, 400),
        (elsewhere, "approve", {}, 404), (10**6, "approve", {}, 404),
        (10**30, "approve", {}, 404),
    ]
    for qid, action, body, status in cases:
        response = desk.post(f"/api/r/{token}/questions/{qid}/{action}", json=body)
        assert response.status_code == status, (qid, action, body, response.text)
        assert response.json()["message"]
    response = desk.post(f"/api/r/{token}/questions/{a}/approve", content=b"{",
                         headers={"content-type": "application/json"})
    assert response.status_code == 400
    # A question set aside cannot go on screen, as on the laptop.
    assert desk.post(f"/api/r/{token}/questions/{a}/reject", json={}).status_code == 200
    response = desk.post(f"/api/r/{token}/questions/{a}/screen", json={"on": True})
    assert response.status_code == 400 and "Approve" in response.json()["message"]
    assert not qstore.get_question(event_file, a).on_screen


def test_other_roles_and_the_audience_reach_nothing(event_file, desk):
    session = list_sessions(event_file)[0]
    a = ask(event_file, session.id, "A question?")
    rapporteur = run(event_file, LAPTOP,
                     team.create_role_link(Role.RAPPORTEUR, now=1.0)).result.token
    for token, status in ((rapporteur, 403), (session.join_token, 404)):
        assert desk.get(f"/api/r/{token}/queue").status_code == status
        assert desk.post(f"/api/r/{token}/questions/{a}/approve",
                         json={}).status_code == status
    assert qstore.get_question(event_file, a).status.value == "pending"
