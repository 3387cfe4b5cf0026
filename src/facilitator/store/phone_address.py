"""Where phones reach this event's laptop: the address and port a printed poster carries.

Kept in the event file (its ``settings`` table), not in the laptop's settings: it belongs
to the event, like the sessions' join tokens, so a QR poster printed yesterday keeps
working after a crash, a restart, or the file moved to a spare laptop on the same network.
"""

from __future__ import annotations

import ipaddress
import json
from dataclasses import dataclass

from facilitator.store.event_file import EventFile

SETTING = "phones.address"


@dataclass(frozen=True)
class PhoneAddress:
    """An IPv4 address and a TCP port (1-65535)."""

    ip: str
    port: int

    def short(self) -> str:
        """What a person types in a browser: ``192.168.1.20:8765``."""
        return f"{self.ip}:{self.port}"


def remembered_phone_address(ef: EventFile) -> PhoneAddress | None:
    """The address and port phones were last told, or None (never, or unreadable)."""
    try:
        data = json.loads(ef.get_setting(SETTING, "") or "null")
        address = PhoneAddress(str(data["ip"]), int(data["port"]))
        ipaddress.IPv4Address(address.ip)
    except (ValueError, TypeError, KeyError):
        return None
    return address if 0 < address.port < 65536 else None


def remember_phone_address(ef: EventFile, ip: str, port: int) -> None:
    """Keep the address and port phones are told (one log line, only when it changed);
    raises EventFileError."""
    if remembered_phone_address(ef) == PhoneAddress(ip, port):
        return
    ef.set_setting(SETTING, json.dumps({"ip": ip, "port": port}))
