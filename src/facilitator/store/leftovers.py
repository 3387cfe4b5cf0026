"""Removing a temporary file that may never have been made."""

from __future__ import annotations

import os
from pathlib import Path


def remove_leftover(path: Path) -> None:
    """Remove ``path`` if it is there; do nothing when it is not.

    ``Path.unlink(missing_ok=True)`` is not enough: on a read-only mount (a write-protected
    USB stick, a read-only share) unlink fails with EROFS even for a name that is not there,
    and from a ``finally`` that error replaced the one naming the file the user asked for.
    Raises OSError only when a file that is there cannot be removed."""
    if os.path.lexists(path):
        path.unlink(missing_ok=True)

