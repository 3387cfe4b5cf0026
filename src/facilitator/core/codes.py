"""Secrets handed to phones: unguessable tokens and a short code people can type."""

from __future__ import annotations

import unicodedata

# No look-alikes: no 0/O, 1/I/L, and no U/V pair confusion on a projector.
SHORT_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789"
SHORT_CODE_LENGTH = 6


def new_token() -> str:
    """128 random bits, URL-safe."""
    import secrets  # here: its hmac and hashlib cost ~4 ms of the app's start-up

    return secrets.token_urlsafe(16)


def new_short_code() -> str:
    import secrets

    return "".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(SHORT_CODE_LENGTH))


def normalise_short_code(typed: str) -> str:
    """What a person typed to the stored form: "ab3 k9x", "ab3-k9x", full-width
    "ＡＢ３Ｋ９Ｘ" (NFKC) and Arabic-Indic or Persian digits "AB۳K۹X" all give "AB3K9X"."""
    folded = []
    for ch in unicodedata.normalize("NFKC", typed).upper():
        digit = unicodedata.decimal(ch, None)
        if digit is not None:
            folded.append(str(digit))  # any script's digit 0-9 (Nd) as the ASCII one
        elif ch.isascii() and ch.isalnum():
            folded.append(ch)
    return "".join(folded)
