"""The README names the Debian packages a new user needs, the same ones CI installs: a
fresh Debian with a desktop has neither Python's venv module nor every X11 library Qt's
window needs.

Found by a new user on Debian 12: `./scripts/run` installed everything, then Qt stopped
with "xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb platform plugin" and,
with that one installed, the same failure for libxcb-icccm4 and libxcb-keysyms1; the README
named only the headless test packages.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def ci_packages() -> set[str]:
    text = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = re.search(r"apt-get install (.*?)>/dev/null", text, re.S)
    assert command, "no apt-get install line in .ci/run"
    return {word for word in command.group(1).split() if not word.startswith("-")
            and word != "\\"}


def test_the_readme_names_the_packages_qt_needs_for_the_window() -> None:
    window = {name for name in ci_packages()
              if name.startswith(("libxcb-", "libxkbcommon-x11"))}
    assert window  # the list still has them
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = sorted(name for name in window if name not in readme)
    assert not missing, f"README.md does not name {missing}"


def test_the_readme_names_pythons_venv_package() -> None:
    # Debian's python3 has no venv module without it: scripts/run would stop at once.
    assert "python3-venv" in (ROOT / "README.md").read_text(encoding="utf-8")
