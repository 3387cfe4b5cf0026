"""The team's role links: create one per role and device, revoke it.

Not undone, on purpose: undoing a revocation would let a device back in without the
moderator saying so, and a link created by mistake is revoked, not undone. Both commit
with their ``event_log`` line (role and name, never the token) and announce ``Kind.TEAM``.
"""

from __future__ import annotations

from facilitator.actions.changes import Kind
from facilitator.actions.command import Command, Label
from facilitator.actions.errors import Code, UserError
from facilitator.core.team import Role, RoleLink, clean_link_name
from facilitator.store import EventFile
from facilitator.store import role_links as store
from facilitator.store.rows import Scope

_TEAM = frozenset({Kind.TEAM})


def create_role_link(role: Role | str, name: str = "", *, now: float) -> Command:
    """A new link for ``role`` (a Role or its value, "timekeeper"), named after its person
    or device (optional). ``result`` is the new :class:`RoleLink`. Refused with
    NO_SUCH_ROLE or NAME_INVALID."""
    chosen = role if isinstance(role, Role) else Role.parse(role)
    cleaned: dict[str, str] = {}

    def prepare(ef: EventFile) -> Scope:
        if chosen is None:
            raise UserError(Code.NO_SUCH_ROLE, role=str(role)[:40])
        try:
            cleaned["name"] = clean_link_name(name)
        except ValueError as error:
            raise UserError(Code.NAME_INVALID, reason=str(error)) from None
        return []

    def write(ef: EventFile) -> RoleLink:
        assert chosen is not None
        return store.create_role_link(ef, chosen, cleaned["name"], now=now)

    return Command(Label.CREATE_ROLE_LINK, None, _TEAM, prepare, write, undoable=False)


def revoke_role_link(token: str, *, now: float) -> Command:
    """Shut a link out: from the next request on, its token opens nothing. ``result`` is
    the revoked :class:`RoleLink`. Refused with NO_SUCH_ROLE_LINK for an unknown token."""

    def prepare(ef: EventFile) -> Scope:
        if not isinstance(token, str) or store.role_link(ef, token) is None:
            raise UserError(Code.NO_SUCH_ROLE_LINK)
        return []

    return Command(Label.REVOKE_ROLE_LINK, None, _TEAM, prepare,
                   lambda ef: store.revoke_role_link(ef, token, now=now), undoable=False)
