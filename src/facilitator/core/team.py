"""The team in the room: the roles a device can be given, and a role link.

A role link is a URL holding an unguessable token that opens one role's page and API on a
team member's own device (audience/roles.py). It lives in the event file until the
moderator revokes it, so a restarted laptop gives every device the same link back.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from facilitator.core.text import looks_empty, normalise_text

NAME_LIMIT = 60  # characters of a link's person or device name ("Amina", "Stream Deck")


class Role(enum.Enum):
    """What a team device may do; the value is what the file and URLs say."""

    RAPPORTEUR = "rapporteur"
    CO_MODERATOR = "co_moderator"
    TIMEKEEPER = "timekeeper"
    PODIUM = "podium"

    @property
    def title(self) -> str:
        """The role's English name as printed by ``facilitator serve`` ("Co-moderator")."""
        return _TITLES[self]

    @classmethod
    def parse(cls, text: object) -> Role | None:
        """The role named ``text`` ("timekeeper"), or None."""
        for role in cls:
            if text == role.value:
                return role
        return None


_TITLES = {Role.RAPPORTEUR: "Rapporteur", Role.CO_MODERATOR: "Co-moderator",
           Role.TIMEKEEPER: "Timekeeper", Role.PODIUM: "Podium"}


@dataclass(frozen=True)
class RoleLink:
    """One role link: its secret ``token``, its role, the optional person or device name,
    when it was made and (if so) revoked, as epoch seconds."""

    token: str
    role: Role
    name: str = ""
    created_at: float = 0.0
    revoked_at: float | None = None

    @property
    def live(self) -> bool:
        return self.revoked_at is None

    @property
    def device(self) -> str:
        """Who acts through this link, as the event log says it: the name given, else a
        short mark of the token (four of its ~43 characters: the link stays secret)."""
        return self.name or f"link {self.token[:4]}"


def clean_link_name(text: object) -> str:
    """A link's name as kept: normalised, one line. Raises ValueError (its message says
    why) for a name that is not text or is too long."""
    if not isinstance(text, str):
        raise ValueError("a name must be text")
    name = normalise_text(text)
    if len(name) > NAME_LIMIT:
        raise ValueError(f"a name has at most {NAME_LIMIT} characters")
    # A name that shows nothing is no name: the device is then named by its token's mark.
    return "" if looks_empty(name) else name
