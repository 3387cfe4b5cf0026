"""Who acted: the laptop, the command line, a phone, or a team device in a role."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.core.team import Role, RoleLink


@dataclass(frozen=True)
class Actor:
    """``kind`` is ``laptop``, ``cli``, ``phone`` or a team role (``rapporteur``,
    ``co_moderator``, ``timekeeper``, ``podium``); ``device`` names the device when there
    are several of that kind (a phone's id, a role link's person or device name).

    ``str(actor)`` is what the event log's ``by`` says: ``timekeeper:Stream Deck``.
    """

    kind: str
    device: str = ""

    def __str__(self) -> str:
        return f"{self.kind}:{self.device}" if self.device else self.kind

    @property
    def role(self) -> Role | None:
        """The team role acting, or None for the laptop, the CLI and phones."""
        return Role.parse(self.kind)


LAPTOP = Actor("laptop")
CLI = Actor("cli")


def phone(device_id: str) -> Actor:
    return Actor("phone", device_id)


def team_device(link: RoleLink) -> Actor:
    """The device holding ``link``: its role, and its name (``rapporteur:Amina``)."""
    return Actor(link.role.value, link.device)
