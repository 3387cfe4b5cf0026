"""Find shipped resources (forms, icons, fonts, web pages, samples, translations).

The top-level ``resources/`` folder is installed as the package ``facilitator.resources``,
so lookups go through that package and work from a wheel, an editable install or a frozen
build, whatever the working directory. Its folder is taken from the package's own
``__file__``, which is what ``importlib.resources.files`` answers for a package on disk
(its file reader: the loader's path, one level up; PyInstaller's reader gives the same
folder); importing ``importlib.resources`` cost ~2 ms before the window's first paint.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from pathlib import Path


@cache
def _folder() -> Path:
    resources = import_module("facilitator.resources")  # beside src/ in a source tree
    if resources.__file__ is None:  # a namespace package: not how it ships
        from importlib.resources import files

        return Path(str(files("facilitator.resources")))
    return Path(resources.__file__).parent


def asset(*parts: str) -> Path:
    """The shipped resource at ``resources/<parts...>``."""
    return _folder().joinpath(*parts)


def asset_path(*parts: str) -> Path:
    """A real filesystem path to a shipped resource (fonts and web files need one)."""
    return asset(*parts)
