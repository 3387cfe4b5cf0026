"""The process's open-files limit, raised before phones and fonts need it.

Apart from ``connections`` (which needs asyncio) so the window can raise it at start-up
without importing asyncio (~15 ms of the start).
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)

MACOS_MAX = 10240  # macOS refuses a soft limit above OPEN_MAX, whatever the hard limit says


def raise_open_file_limit() -> int | None:
    """Lift this process's soft limit on open files to its hard limit; the soft limit
    now in force, or None where there is no such limit (Windows)."""
    try:
        import resource
    except ImportError:
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = hard
    if sys.platform == "darwin":
        wanted = min(hard, MACOS_MAX) if hard != resource.RLIM_INFINITY else MACOS_MAX
    if soft == resource.RLIM_INFINITY or (wanted != resource.RLIM_INFINITY and soft >= wanted):
        return None if soft == resource.RLIM_INFINITY else soft
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    except (ValueError, OSError) as error:
        log.warning("could not raise the open-files limit from %s to %s: %s", soft, wanted,
                    error)
        return soft
    return None if wanted == resource.RLIM_INFINITY else wanted
