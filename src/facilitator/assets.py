"""Find shipped resources (forms, icons, fonts, web pages, samples, translations).

The top-level ``resources/`` folder is installed as the package ``facilitator.resources``,
so lookups go through importlib.resources and work from a wheel, an editable install or a
frozen build, whatever the working directory.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path


def asset(*parts: str) -> Traversable:
    """The shipped resource at ``resources/<parts...>``."""
    return files("facilitator.resources").joinpath(*parts)


def asset_path(*parts: str) -> Path:
    """A real filesystem path to a shipped resource (fonts and web files need one)."""
    return Path(str(asset(*parts)))
