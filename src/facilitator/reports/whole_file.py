"""Every export and report is written whole or not at all.

The writer writes a partial file of its own beside the target (a name no other writer
uses: two writers of one target, the app and ``facilitator report`` say, never write into
one partial file), which is flushed to the disk and then renamed over the target in one
step. A failure, or the process killed half-way, leaves the target as it was (absent, or
the previous version); only a ``*.partial`` file can be left behind by a kill.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from facilitator.store.event_file import refuse_to_replace_event_file
from facilitator.store.write_errors import cannot_write

T = TypeVar("T")


def write_whole(path: Path, write: Callable[[Path], T]) -> T:
    """Run ``write(partial)`` (it writes the whole file at ``partial``), then put the file
    at ``path``; returns what ``write`` returned. Any thread.

    Raises EventFileError: ``Problem.WOULD_REPLACE_EVENT_FILE`` when ``path`` is an event
    file (nothing is written), a ``WRITE_*`` problem when the system refused (a
    read-only folder, a full disk: ``store.write_errors``); ``path`` is then untouched.
    """
    path = Path(path)
    refuse_to_replace_event_file(path)
    partial = path.with_name(f"{path.name}.{secrets.token_hex(4)}.partial")
    try:
        result = write(partial)
        _flush_to_disk(partial)
        os.replace(partial, path)
        _flush_folder(path.parent)
    except OSError as error:
        raise cannot_write(error, path) from None
    finally:
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass  # a folder we cannot write in: nothing was made there
    return result


def write_bytes_whole(path: Path, data: bytes) -> None:
    """``data`` as the file ``path``, whole or not at all (see ``write_whole``)."""
    write_whole(path, lambda partial: partial.write_bytes(data))


def _flush_to_disk(partial: Path) -> None:
    # A power cut after the rename must not leave the target's name on empty blocks.
    with open(partial, "rb+") as written:
        os.fsync(written.fileno())


def _flush_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder to flush it; its rename is journalled
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass  # some file systems (network shares) refuse it; the file itself is flushed
    finally:
        os.close(handle)
