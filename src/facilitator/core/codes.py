"""Secrets handed to phones: unguessable tokens and a short code people can type."""

from __future__ import annotations

import secrets

# No look-alikes: no 0/O, 1/I/L, and no U/V pair confusion on a projector.
SHORT_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789"
SHORT_CODE_LENGTH = 6


def new_token() -> str:
    """128 random bits, URL-safe."""
    return secrets.token_urlsafe(16)


def new_short_code() -> str:
    return "".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(SHORT_CODE_LENGTH))


def normalise_short_code(typed: str) -> str:
    """What a person typed ("ab3 k9x", "ab3-k9x") to the stored form."""
    return "".join(ch for ch in typed.upper() if ch.isalnum())
