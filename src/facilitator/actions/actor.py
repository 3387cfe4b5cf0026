"""Who acted: the laptop, the command line, a phone, or (later) a team device in a role."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """``kind`` is ``laptop``, ``cli``, ``phone`` or a team role (``rapporteur``, …);
    ``device`` names the device when there are several of that kind."""

    kind: str
    device: str = ""

    def __str__(self) -> str:
        return f"{self.kind}:{self.device}" if self.device else self.kind


LAPTOP = Actor("laptop")
CLI = Actor("cli")


def phone(device_id: str) -> Actor:
    return Actor("phone", device_id)
