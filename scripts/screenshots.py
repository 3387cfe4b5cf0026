"""Regenerate the Run tab and projector screenshots in docs/screenshots/ (offscreen).

    .venv/bin/python scripts/screenshots.py

Uses a throw-away copy of the built-in World Assembly event and a fake clock, so the
pictures are the same on every run.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_private = Path(tempfile.mkdtemp(prefix="facilitator-shots-"))
os.environ["XDG_CONFIG_HOME"] = str(_private / "config")
os.environ["XDG_DATA_HOME"] = str(_private / "data")

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def sample_window(folder: Path):
    """The app, a main window on a throw-away copy of the built-in event, and its fake
    clock (the same pictures on every run)."""
    from facilitator.core.clock import FakeClock
    from facilitator.gui.app import make_application
    from facilitator.gui.document import EventDocument
    from facilitator.gui.main_window import MainWindow
    from facilitator.store import EventFile
    from facilitator.store.agenda_io import create_event_file

    app = make_application()
    path = create_event_file(folder / "event.db", "walrg")
    clock = FakeClock()
    window = MainWindow(EventDocument(EventFile.open(path), clock=clock))
    window.resize(1280, 800)
    window.show()
    return app, window, clock


def stage_the_panel(run, clock) -> None:
    """The opening speaker ran 40 s over; the second is speaking, with a floor request."""
    timer = run.timer
    timer.toggle()
    clock.advance(5 * 60 + 40)
    timer.step(1)
    clock.advance(25)
    timer.toggle()
    clock.advance(150)
    timer.add_floor_request("Delegate of Barcelona")
    timer.adjust(30)


def settle(app, run) -> None:
    """Repaint the clock and let Qt lay out and paint before a grab."""
    run.refresh_clock()
    for _ in range(3):
        app.processEvents()


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app, window, clock = sample_window(_private)
    window.ui.tabs.setCurrentWidget(window.tabs["Run"])
    run = window.tabs["Run"]
    timer = run.timer


    stage_the_panel(run, clock)
    settle(app, run)
    window.grab().save(str(OUT / "run-tab.png"))

    projector = run.projector
    projector.resize(1280, 720)
    projector.show()

    def shot(name: str) -> None:
        settle(app, run)
        projector.grab().save(str(OUT / f"projector-{name}.png"))

    shot("normal")
    slot = run.current_slot()
    remaining = slot.clock.remaining(clock.now())
    clock.advance(remaining - 55)
    shot("warning")
    clock.advance(30)
    shot("danger")
    clock.advance(25 + 72)
    shot("overtime")
    clock.advance(-72 - 25 - 30 - 30)
    run.show_message("Please conclude", blink=True)
    shot("message")
    run.clear_message()
    projector.show_question(
        "How can national governments give cities direct access to climate finance?",
        "Amina, Nairobi")
    shot("question")
    projector.show_question(None)
    projector.show_join("http://192.168.1.20:8765/j/3f9c2a7e", "K7QX", "192.168.1.20:8765")
    shot("join")
    projector.show_join(None)
    timer.toggle()
    shot("paused")
    timer.toggle()
    run.blackout_action.trigger()
    shot("blackout")
    window.close()
    print(f"wrote {len(list(OUT.glob('*.png')))} screenshots to {OUT}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
