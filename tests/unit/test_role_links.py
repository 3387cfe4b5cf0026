"""Role links in the event file and their commands (store/role_links.py, actions/team.py)."""

from __future__ import annotations

import json

import pytest

from facilitator.actions import team
from facilitator.actions.actor import LAPTOP, Actor, team_device
from facilitator.actions.changes import Kind
from facilitator.actions.command import run
from facilitator.actions.errors import Code, UserError
from facilitator.core.team import NAME_LIMIT, Role
from facilitator.store import EventFile
from facilitator.store.live_links import has_live_role_links
from facilitator.store.role_links import list_role_links, role_link
from facilitator.store.schema import known_migrations


def test_migration_is_named_and_in_order() -> None:
    names = known_migrations()
    assert names[names.index("0007_role_links") - 1] == "0006_question_tags"


def test_links_are_kept_until_revoked_and_survive_reopening(sample_path) -> None:
    with EventFile.open(sample_path) as ef:
        made = [run(ef, LAPTOP, team.create_role_link(role, name, now=10.0 + i)).result
                for i, (role, name) in enumerate([(Role.TIMEKEEPER, " Stream  Deck "),
                                                  (Role.RAPPORTEUR, "Amina"),
                                                  (Role.PODIUM, "")])]
        assert made[0].name == "Stream Deck" and made[2].device == f"link {made[2].token[:4]}"
        assert len({link.token for link in made}) == 3
        assert all(len(link.token) >= 40 for link in made)
        done = run(ef, LAPTOP, team.revoke_role_link(made[1].token, now=20.0))
        assert done.changes.touches(Kind.TEAM) and done.undo is None
        assert done.result.revoked_at == 20.0
        again = run(ef, LAPTOP, team.revoke_role_link(made[1].token, now=30.0)).result
        assert again.revoked_at == 20.0  # the first revocation stands
    with EventFile.open(sample_path) as ef:  # a restart: the same tokens, still live
        assert [link.token for link in list_role_links(ef)] == [made[0].token, made[2].token]
        assert role_link(ef, made[1].token).revoked_at == 20.0
        assert len(list_role_links(ef, include_revoked=True)) == 3


def test_the_log_names_role_and_name_never_the_token(event_file) -> None:
    link = run(event_file, LAPTOP, team.create_role_link("timekeeper", "Deck",
                                                         now=1.0)).result
    run(event_file, LAPTOP, team.revoke_role_link(link.token, now=2.0))
    lines = [e for e in event_file.log_entries() if e["action"].startswith("role_link")]
    assert [e["action"] for e in lines] == ["role_link_created", "role_link_revoked"]
    assert all(e["detail"]["role"] == "timekeeper" and e["detail"]["name"] == "Deck"
               and e["detail"]["by"] == "laptop" for e in lines)
    assert link.token not in json.dumps([e["detail"] for e in event_file.log_entries()])


@pytest.mark.parametrize(("role", "name", "code"), [
    ("moderator", "", Code.NO_SUCH_ROLE),
    ("", "", Code.NO_SUCH_ROLE),
    (Role.TIMEKEEPER, "x" * (NAME_LIMIT + 1), Code.NAME_INVALID),
    (Role.TIMEKEEPER, 42, Code.NAME_INVALID),
])
def test_bad_links_are_refused_with_nothing_written(event_file, role, name, code) -> None:
    before = len(event_file.log_entries())
    with pytest.raises(UserError) as refused:
        run(event_file, LAPTOP, team.create_role_link(role, name, now=1.0))
    assert refused.value.code is code
    assert list_role_links(event_file) == [] and len(event_file.log_entries()) == before


def test_revoking_an_unknown_link_is_refused(event_file) -> None:
    with pytest.raises(UserError) as refused:
        run(event_file, LAPTOP, team.revoke_role_link("no-such-token", now=1.0))
    assert refused.value.code is Code.NO_SUCH_ROLE_LINK


def test_a_team_device_acts_as_its_role_and_name(event_file) -> None:
    link = run(event_file, LAPTOP, team.create_role_link(Role.CO_MODERATOR, "Li",
                                                         now=1.0)).result
    actor = team_device(link)
    assert str(actor) == "co_moderator:Li" and actor.role is Role.CO_MODERATOR
    assert Actor("phone", "abc").role is None and LAPTOP.role is None


def test_the_room_keeper_sees_live_links_as_the_list_does(event_file) -> None:
    # store/live_links.py answers "any live link?" without core/team.py, at start-up.
    assert has_live_role_links(event_file) is False == bool(list_role_links(event_file))
    first = run(event_file, LAPTOP, team.create_role_link(Role.PODIUM, "", now=1.0)).result
    second = run(event_file, LAPTOP, team.create_role_link(Role.RAPPORTEUR, "Amina",
                                                           now=2.0)).result
    assert has_live_role_links(event_file) is True == bool(list_role_links(event_file))
    run(event_file, LAPTOP, team.revoke_role_link(first.token, now=3.0))
    assert has_live_role_links(event_file) is True == bool(list_role_links(event_file))
    run(event_file, LAPTOP, team.revoke_role_link(second.token, now=4.0))
    assert has_live_role_links(event_file) is False == bool(list_role_links(event_file))
