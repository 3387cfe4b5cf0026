"""What the stage shows at one instant: the Run tab's clock reading, for its preview and
the projector. A module of its own: the Run tab reads the clock before any projector
window exists (``gui/projector_access.py``)."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.core.timer import Level


@dataclass(frozen=True)
class StageReading:
    """Everything the stage shows at one instant."""

    session_title: str = ""
    speaker: str = ""
    affiliation: str = ""
    clock: str = ""
    level: Level = Level.NORMAL
    banner: str = ""
    next_speaker: str = ""
    paused: bool = False
