"""PySide6's check of every imported module, answered from the module's file (start-up).

Why: once shiboken6 is loaded, PySide6 calls ``shibokensupport.feature.feature_imported``
after every import, which asks ``_mod_uses_pyside(module)``: does the module's source
contain the word "PySide6"? (A module that does may write ``from __feature__ import
snake_case``; the app never does.) Upstream answers with ``inspect.getsource``, which looks
the module up among all of ``sys.modules``, decodes the file through ``tokenize`` and keeps
its lines in ``linecache``: ~16 ms of CPU for the ~160 modules the window imports before
its first paint (issue 17; napari/napari#8584 measured the same "startup tax"; no upstream
fix as of PySide6 6.11).

What: ``_mod_uses_pyside`` is replaced by :func:`uses_pyside`, which gives upstream's
answer for a plain source file read as bytes (no encoding declaration but UTF-8's, valid
UTF-8: "PySide6" is in the text exactly when its bytes are), answers "no" without reading
for a module of Python's own library in its own folder (none names PySide6), and hands
every other module (built-in, extension, bytecode only, zipped, another encoding,
unreadable) to upstream's own function, as does any error of its own. The check is
installed only when PySide6's function is the one described here (its name, its one
argument, the word it looks for, and ``feature_imported`` calling it); otherwise PySide6
keeps its own behaviour, silently.

Installed by ``facilitator.gui`` as it is imported: every entry point that shows Qt (the
``facilitator`` command, ``python -m facilitator``, ``facilitator-gui``, the tests) reaches
Qt through that package. Tests: ``tests/gui/test_pyside_feature.py``.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"
WORD = "PySide6"

_upstream: Callable[[ModuleType], bool] | None = None
# PEP 263's declaration, as Python's tokenize looks for it.
_DECLARATION = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")
_STANDARD_LIBRARY = os.path.dirname(os.__file__) + os.sep
# Installed packages may sit inside the standard library's folder (a Python of one's own).
_INSTALLED_PACKAGES = (f"{os.sep}site-packages{os.sep}", f"{os.sep}dist-packages{os.sep}")


def _looks_like_upstream(feature: ModuleType) -> bool:
    """True when PySide6's check is the one this module answers for (see the docstring)."""
    check = getattr(feature, "_mod_uses_pyside", None)
    imported = getattr(feature, "feature_imported", None)
    code = getattr(check, "__code__", None)
    caller = getattr(imported, "__code__", None)
    return (code is not None and caller is not None
            and code.co_name == "_mod_uses_pyside" and code.co_argcount == 1
            and WORD in code.co_consts and "_mod_uses_pyside" in caller.co_names)


def _source_bytes(module: ModuleType) -> bytes | None:
    """The bytes of the module's source file when upstream would read them as UTF-8 text,
    else None (upstream then answers)."""
    path = getattr(module, "__file__", None)
    if type(path) is not str or not path.endswith(".py"):
        return None
    with open(path, "rb") as source:
        data = source.read()
    # An encoding declaration (PEP 263) sits in the first two lines; one naming UTF-8 (the
    # generated forms') reads the same as none.
    second_line_end = data.find(b"\n", data.find(b"\n") + 1)
    head = data if second_line_end < 0 else data[:second_line_end]
    if b"coding" in head and _declared_encoding(head) != "utf-8":
        return None
    if not data.isascii():
        data.decode("utf-8")  # upstream finds no source in a file it cannot decode
    return data


def _declared_encoding(head: bytes) -> str | None:
    """The encoding a PEP 263 declaration in ``head`` (the first two lines) names, as
    ``tokenize`` normalises it ("utf-8" for utf8, UTF_8, utf-8-unix...); None if unclear."""
    for line in head.splitlines()[:2]:
        found = _DECLARATION.match(line)
        if found:
            name = found.group(1).decode("ascii").lower().replace("_", "-")
            return "utf-8" if name in ("utf-8", "utf8") or name.startswith("utf-8-") else name
        if not line.strip().startswith(b"#") and line.strip():
            return None  # code before a declaration: the second line's would not count
    return None


def _in_standard_library(module: ModuleType) -> bool:
    """A module of Python's own library, from its own folder: none names PySide6
    (tests/gui/test_pyside_feature.py reads them all), so its file need not be read.
    Most are met again after PySide6 is loaded (typing, inspect, argparse: ~2 ms of CPU
    to read them at the start)."""
    path = getattr(module, "__file__", None)
    return (type(path) is str and module.__name__.partition(".")[0] in sys.stdlib_module_names
            and path.startswith(_STANDARD_LIBRARY)
            and not any(part in path for part in _INSTALLED_PACKAGES))


def uses_pyside(module: ModuleType) -> bool:
    """Upstream's ``_mod_uses_pyside(module)``: does the module's source name PySide6?"""
    assert _upstream is not None
    if _in_standard_library(module):
        return False
    try:
        data = _source_bytes(module)
    except (OSError, ValueError):
        data = None
    if data is None:
        return _upstream(module)
    return WORD.encode() in data


def install() -> bool:
    """Answer PySide6's per-import check with :func:`uses_pyside`; True when installed
    (now or before), False when PySide6's check is not the one expected (left alone)."""
    global _upstream
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None:
        return False
    if getattr(feature, "_mod_uses_pyside", None) is uses_pyside:
        return True
    if not _looks_like_upstream(feature):
        return False
    _upstream = feature._mod_uses_pyside
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
