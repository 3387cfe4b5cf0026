"""Screenshots of the main window in French and Spanish, in docs/screenshots/ (offscreen).

    .venv/bin/python scripts/screenshots_i18n.py            # fr and es
    .venv/bin/python scripts/screenshots_i18n.py fr --all /tmp/shots   # every tab, elsewhere

Each language runs in its own process: the translators are installed once, at start, as
in the app. A throw-away copy of the built-in World Assembly event and a fake clock keep
the pictures the same on every run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def shoot(language: str, every_tab: bool, out: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    private = Path(tempfile.mkdtemp(prefix="facilitator-shots-"))
    os.environ["XDG_CONFIG_HOME"] = str(private / "config")
    os.environ["XDG_DATA_HOME"] = str(private / "data")
    from PySide6.QtCore import QCoreApplication, QSettings

    from facilitator import APP_NAME
    from facilitator.gui.i18n import set_language

    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    set_language(language)
    QSettings().sync()

    # scripts/screenshots.py, beside this file
    from screenshots import sample_window, settle, stage_the_panel

    out.mkdir(parents=True, exist_ok=True)
    app, window, clock = sample_window(private)
    run = window.tabs["Run"]


    settle(app, run)
    window.grab().save(str(out / f"main-window-{language}.png"))

    stage_the_panel(run, clock)  # as in run-tab.png
    window.ui.tabs.setCurrentWidget(run)
    settle(app, run)
    window.grab().save(str(out / f"run-tab-{language}.png"))
    if every_tab:
        for name in ("Questions", "Notes", "Summary"):
            window.ui.tabs.setCurrentWidget(window.tabs[name])
            settle(app, run)
            window.grab().save(str(out / f"{name.lower()}-tab-{language}.png"))
        run.projector.resize(1280, 720)
        run.projector.show()
        clock.advance(run.current_slot().clock.remaining(clock.now()) - 55)
        settle(app, run)
        run.projector.grab().save(str(out / f"projector-warning-{language}.png"))
    window.close()


def main() -> int:
    args = sys.argv[1:]
    if args and args[0] in ("en", "fr", "es"):
        every_tab = "--all" in args
        rest = [a for a in args[1:] if a != "--all"]
        shoot(args[0], every_tab, Path(rest[0]) if rest else OUT)
        return 0
    for language in ("fr", "es"):
        subprocess.run([sys.executable, __file__, language], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
