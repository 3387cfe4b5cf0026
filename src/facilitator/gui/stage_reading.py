"""What the stage shows at one instant: the Run tab's clock reading, for its preview and
the projector. A module of its own: the Run tab reads the clock before any projector
window exists (``gui/projector_access.py``)."""

from __future__ import annotations

from typing import NamedTuple

from facilitator.core.timer import Level


# A NamedTuple, not a frozen dataclass: the same immutable value, and its class is made
# in ~0.08 ms instead of ~0.6 ms (dataclasses compile five methods), before the Run tab's
# first paint. Changed copies: ``reading._replace(banner=...)``.
class StageReading(NamedTuple):
    """Everything the stage shows at one instant."""

    session_title: str = ""
    speaker: str = ""
    affiliation: str = ""
    clock: str = ""
    level: Level = Level.NORMAL
    banner: str = ""
    next_speaker: str = ""
    paused: bool = False
