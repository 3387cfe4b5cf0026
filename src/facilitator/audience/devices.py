"""Device ids the server issues to phones, signed so a phone cannot make up its own.

A phone's device id is what makes its vote count once. Taken from the phone's word, one
laptop could vote 299 times in a minute by inventing ids; issued here, each new id costs a
round trip that the per-address limit on new devices meters (``limits.Limits.new_devices``).

The id travels in a cookie the page's script cannot read or forge (HttpOnly, and signed
with an HMAC under the event's own secret), sent only by this site's own pages
(SameSite=Strict). Its value is ``<id>.<issued at, whole seconds>.<signature>``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

COOKIE_NAME = "facilitator_device"
COOKIE_MAX_AGE = 30 * 24 * 3600  # seconds: a forum's days, and some after
_SIGNATURE_BYTES = 16
# Cookies already checked, remembered: a hall's phones send theirs with every poll, and an
# HMAC per poll was a tenth of a poll's server time. Bounded: a 5,000-phone hall fits many
# times over, and made-up cookies only fill it until it is cleared.
VERIFIED_KEPT = 50_000


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


@dataclass(frozen=True)
class Device:
    """A phone as the server knows it: its id and when the id was issued (epoch seconds)."""

    id: str
    issued_at: float

    def age(self, now: float) -> float:
        return max(0.0, now - self.issued_at)


class DeviceIds:
    """Issues and checks signed device ids with one event's secret."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) < 16:
            raise ValueError("the device secret must be at least 16 bytes")
        self._secret = secret
        # Cookie value -> the device it names, for values whose signature was good (a
        # forged value is checked again each time: it never enters).
        self._verified: dict[str, Device] = {}

    def _sign(self, payload: str) -> str:
        mac = hmac.new(self._secret, payload.encode("ascii"), hashlib.sha256).digest()
        return _b64(mac[:_SIGNATURE_BYTES])

    def issue(self, now: float) -> tuple[Device, str]:
        """A new device and the cookie value that carries it."""
        device = Device(_b64(secrets.token_bytes(16)), float(int(now)))
        return device, self.cookie_value(device)

    def cookie_value(self, device: Device) -> str:
        """The signed cookie value naming ``device``: ``<id>.<issued at>.<signature>``."""
        payload = f"{device.id}.{int(device.issued_at)}"
        return f"{payload}.{self._sign(payload)}"

    def verify(self, value: str | None) -> Device | None:
        """The device a cookie value names, or None if it is missing, malformed or forged."""
        if not value or len(value) > 128:
            return None
        known = self._verified.get(value)
        if known is not None:
            return known
        device = self._check(value)
        if device is not None:
            if len(self._verified) >= VERIFIED_KEPT:
                self._verified.clear()
            self._verified[value] = device
        return device

    def _check(self, value: str) -> Device | None:
        parts = value.split(".")
        if len(parts) != 3 or not parts[1].isdigit() or len(parts[1]) > 12:
            return None
        device_id, issued, signature = parts
        if not hmac.compare_digest(self._sign(f"{device_id}.{issued}"), signature):
            return None
        return Device(device_id, float(issued))

    @staticmethod
    def set_cookie_header(value: str) -> str:
        """The Set-Cookie header for a device cookie (no Secure: the venue network is HTTP)."""
        return (f"{COOKIE_NAME}={value}; Max-Age={COOKIE_MAX_AGE}; Path=/; HttpOnly; "
                "SameSite=Strict")
