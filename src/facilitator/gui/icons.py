"""Icons shipped in resources/icons (SVG, crisp at any size)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from facilitator.assets import asset_path


@cache
def icon(name: str) -> QIcon:
    return QIcon(str(asset_path("icons", f"{name}.svg")))


def app_icon() -> QIcon:
    return icon("facilitator")
