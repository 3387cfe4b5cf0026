"""Start-up: process start to the first painted main window, against an empty QMainWindow.

Each run is a fresh process, offscreen. *app* goes the way ``facilitator EVENT_FILE`` goes
(the CLI module, ``make_application``, ``App.open``: the event file opened and checked, the
room keeper's session and tab put back, the tab bar and menus made and only the tab on
screen built and filled; the other tabs are built after the first paint), twice: a first
start (the Details tab on screen) and a restart with the Run tab on screen, as the room
keeper left it. *baseline* only imports PySide6 and shows an empty QMainWindow. The clock
starts in the parent just before the process is spawned and stops when the window's first
paint has finished; the process's CPU time at that moment (all its threads) is reported
too, as it depends less on what else the machine is doing. Runs alternate, so all see the
same machine; medians are reported.

A second table times ``scripts/run --version`` against the installed ``facilitator
--version`` (nothing changed since the last install: no pip, no package index).

    scripts/bench startup [--runs 10]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from machine import median, publish, table  # noqa: E402

# Stops the clock after the first paint of the window has been delivered and flushed.
# The probe watches the main window only: an application-wide filter in Python measured
# itself. It put every Qt event of the process through Python, and the first event of an
# object of a class PySide6 does not wrap (QMainWindow's layout starts a QAnimationTimer)
# made PySide6 create every class of QtCore, QtGui and QtWidgets not made yet, with their
# enums (~100 enum classes, ~10 ms of CPU) before the first paint.
FIRST_PAINT = r"""
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer

class FirstPaint(QObject):
    seen = False
    def eventFilter(self, obj, event):
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            # Everything in this paint pass is painted when the event loop comes back.
            QTimer.singleShot(0, lambda: (print(time.time(), time.process_time(), flush=True),
                                          os._exit(0)))
        return False
"""

APP = FIRST_PAINT + r"""
import facilitator.cli  # what the `facilitator` command imports first
from facilitator.gui.app import App, choose_event_file, make_application
app = make_application()
opened = App()
assert opened.open(choose_event_file(sys.argv[1]))  # shown; painted once the loop runs
probe = FirstPaint()
opened.windows[-1].installEventFilter(probe)
app.exec()
"""

# The same start as APP, with a time stamp after each step (one run, for the breakdown).
PHASES = r"""
import os, sys, time
started = float(sys.argv[2])
marks = [("Python started", time.time(), time.process_time())]
def mark(step):
    marks.append((step, time.time(), time.process_time()))
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
mark("PySide6 imported (QtCore, QtWidgets)")
import facilitator.cli
from facilitator.gui.app import make_application
from facilitator.store import EventFile
mark("facilitator imported")
app = make_application()
from facilitator.gui.document import EventDocument
from facilitator.gui.main_window import MainWindow
from facilitator.gui.room_restore import RoomKeeper
mark("QApplication, window modules imported")
event_file = EventFile.open(sys.argv[1])
mark("event file opened and checked")
window = MainWindow(EventDocument(event_file), paint_first=True)  # as App.open makes it
mark("main window: tab bar, menus, agenda (no tab yet)")
window.room.restore_place()
window.show()
mark("the tab on screen built and filled (Run)")
window.room.restore()
mark("the rest of the room restored (nothing open)")

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj is window:
            def done():
                mark("first paint finished")
                for name, at, cpu in marks:
                    print(f"{name}\t{(at - started) * 1000:.0f}\t{cpu * 1000:.0f}")
                os._exit(0)
            QTimer.singleShot(0, done)
        return False

probe = FirstPaint()
window.installEventFilter(probe)
app.exec()
"""

BASELINE = FIRST_PAINT + r"""
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
probe = FirstPaint()
window.installEventFilter(probe)
app.exec()
"""

# A reference, not a target: the empty window once Qt's namespace has been touched (an
# alignment, an item role, a key: any real window does). PySide6 makes Qt's 93 enum classes
# (~1,200 members, through Python's enum module) at that first touch: the cost every window
# with content pays before any code of its own runs.
BASELINE_QT = BASELINE.replace(
    "window.show()", "from PySide6.QtCore import Qt\nQt.AlignmentFlag\nwindow.show()")

# A reference, not a target: the same shape of window as the restart's first paint, in plain
# PySide6 with no facilitator code (a menu bar of 30 actions with keys, a 24-row tree beside
# six tabs, a 72 pt clock over a speakers list and four buttons, a status bar). What a window
# like ours costs on this Python and PySide6 before any code of ours runs: PySide6 makes a
# Python enum class for every enum of each Qt class a program first touches.
SAME_SHAPE = FIRST_PAINT + r"""
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QMainWindow, QPushButton, QSplitter, QTabWidget, QTreeView,
                               QVBoxLayout, QWidget)
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
for title in ("File", "Edit", "Session", "View", "Help"):
    menu = window.menuBar().addMenu(title)
    for number in range(6):
        action = QAction(f"{title} action {number}", window)
        action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        menu.addAction(action)
splitter = QSplitter()
agenda, model = QTreeView(), QStandardItemModel()
for session in range(3):
    item = QStandardItem(f"Session {session}")
    for speaker in range(7):
        item.appendRow(QStandardItem(f"Speaker {speaker}, Mayor of a city with a long name"))
    model.appendRow(item)
agenda.setModel(model)
agenda.expandAll()
splitter.addWidget(agenda)
tabs, run = QTabWidget(), QWidget()
column = QVBoxLayout(run)
clock = QLabel("05:00")
font = clock.font()
font.setPointSize(72)
clock.setFont(font)
clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
column.addWidget(clock)
speakers = QListWidget()
speakers.addItems([f"Speaker {number}" for number in range(10)])
column.addWidget(speakers)
buttons = QHBoxLayout()
for label in ("Start", "Pause", "Next speaker", "+1 min"):
    buttons.addWidget(QPushButton(label))
column.addLayout(buttons)
column.addWidget(QLineEdit())
tabs.addTab(run, "Run")
for name in ("Details", "Questions", "Polls", "Notes", "Summary"):
    tabs.addTab(QWidget(), name)
splitter.addWidget(tabs)
window.setCentralWidget(splitter)
window.statusBar().showMessage("Ready")
window.show()
probe = FirstPaint()
window.installEventFilter(probe)
app.exec()
"""

# Put before a process's code: prints how many enum classes were made by the first paint.
COUNT_ENUMS = r"""
import enum, os
made = [0]
_create = enum.EnumType._create_
def _counted(*args, **kwargs):
    made[0] += 1
    return _create(*args, **kwargs)
enum.EnumType._create_ = _counted
_exit = os._exit
def _report_and_exit(code):
    print("enums", made[0], flush=True)
    _exit(code)
os._exit = _report_and_exit
"""


def enum_classes_made(code: str, argument: str, env: dict[str, str]) -> int:
    """Python enum classes made from process start to the first paint (one run)."""
    done = subprocess.run([sys.executable, "-c", COUNT_ENUMS + code, argument], env=env,
                          capture_output=True, text=True, timeout=120)
    counts = [line.split()[1] for line in done.stdout.splitlines() if line.startswith("enums")]
    if done.returncode != 0 or not counts:
        raise RuntimeError(f"enum count run failed: {done.stderr[-2000:]}")
    return int(counts[-1])


def one_run(code: str, argument: str, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawning the process to its first paint, and its CPU seconds then."""
    started = time.time()
    done = subprocess.run([sys.executable, "-c", code, argument], env=env,
                          capture_output=True, text=True, timeout=120)
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"start-up run failed: {done.stderr[-2000:]}")
    painted, cpu = done.stdout.split()[-2:]
    return float(painted) - started, float(cpu)


# Where the room keeper would have left the Run tab on screen (a restart during the event).
RUN_ON_SCREEN = r"""
import sys
from PySide6.QtCore import QCoreApplication, QSettings
from facilitator import APP_NAME
from facilitator.gui.room_restore import place_group
app = QCoreApplication([])
app.setApplicationName(APP_NAME)
app.setOrganizationName(APP_NAME)
QSettings().setValue(place_group(sys.argv[1]) + "/tab", "Run")
QSettings().sync()
"""


ROOT = HERE.parents[1]
REFERENCE = "reference: plain PySide6, a window of the same shape"
REFERENCE_QT = "reference: the empty window, Qt's namespace touched"


def command_seconds(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=ROOT, capture_output=True, check=True, timeout=600)
    return time.perf_counter() - started


def run_script_rows(runs: int, env: dict[str, str]) -> tuple[list[list[str]], float]:
    """``scripts/run`` against the command it launches, nothing changed since the last
    install: the script must only check its stamp (no pip, no package index)."""
    installed = [str(Path(sys.executable).parent / "facilitator"), "--version"]
    script = [str(ROOT / "scripts" / "run"), "--version"]
    command_seconds(script, env)  # installs once if pyproject.toml changed (not counted)
    command_seconds(installed, env)
    script_times, installed_times = [], []
    for _ in range(runs):
        script_times.append(command_seconds(script, env))
        installed_times.append(command_seconds(installed, env))
    rows = [[name, f"{median(times) * 1000:.0f}", f"{min(times) * 1000:.0f}",
             f"{max(times) * 1000:.0f}"]
            for name, times in (("installed command: facilitator --version", installed_times),
                                ("scripts/run --version", script_times))]
    return rows, median(script_times) / median(installed_times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-startup-"))

    def env_for(config: str) -> dict[str, str]:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
                   XDG_CONFIG_HOME=str(folder / config), XDG_DATA_HOME=str(folder / "data"))
        # An installed wheel has its bytecode compiled; let the warm-up run compile ours too
        # (some shells set PYTHONDONTWRITEBYTECODE, which would time the compiler instead).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        return env

    from facilitator.store.agenda_io import create_event_file

    event = create_event_file(folder / "event.db", "walrg")
    env, run_env = env_for("config"), env_for("config-run")
    subprocess.run([sys.executable, "-c", RUN_ON_SCREEN, str(event)], env=run_env, check=True,
                   timeout=120)
    kinds = {"baseline: PySide6 + empty QMainWindow": (BASELINE, "", env),
             REFERENCE_QT: (BASELINE_QT, "", env),
             REFERENCE: (SAME_SHAPE, "", env),
             "facilitator, first start (Details tab on screen)": (APP, str(event), env),
             "facilitator, restart (Run tab on screen)": (APP, str(event), run_env)}
    for code, argument, kind_env in kinds.values():  # warm the disk cache (not counted)
        one_run(code, argument, kind_env)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in kinds}
    for _ in range(args.runs):
        for name, (code, argument, kind_env) in kinds.items():
            times[name].append(one_run(code, argument, kind_env))
    started = time.time()
    phases = subprocess.run([sys.executable, "-c", PHASES, str(event), repr(started)],
                            env=run_env, capture_output=True, text=True, timeout=120,
                            check=True).stdout
    phase_rows = [line.split("\t") for line in phases.strip().splitlines()]
    script_rows, script_ratio = run_script_rows(args.runs, env)
    made = {name: enum_classes_made(code, argument, kind_env)
            for name, (code, argument, kind_env) in kinds.items()}
    rows, ratios = [], []
    base_wall = median([wall for wall, _ in times[next(iter(kinds))]])
    base_cpu = median([cpu for _, cpu in times[next(iter(kinds))]])
    for name, measured in times.items():
        walls, cpus = [wall for wall, _ in measured], [cpu for _, cpu in measured]
        rows.append([name, f"{median(walls) * 1000:.0f}", f"{min(walls) * 1000:.0f}",
                     f"{max(walls) * 1000:.0f}", f"{median(cpus) * 1000:.0f}",
                     f"{median(walls) / base_wall:.2f}x", f"{median(cpus) / base_cpu:.2f}x",
                     str(made[name])])
        ratios.append(median(walls) / base_wall)
    ratio = max(ratio for name, ratio in zip(times, ratios, strict=True)
                if name.startswith("facilitator"))
    body = (f"Process start to the first painted window, offscreen, {args.runs} alternating runs "
            "each (after one warm-up run of each); CPU: the process's CPU time at the first "
            "paint.\n\n"
            + table(["process", "median ms", "min ms", "max ms", "CPU ms", "ratio",
                     "CPU ratio", "enum classes"], rows)
            + "\n\nenum classes: Python enum classes made by the first paint (one more run "
            "each): PySide6 makes one for every enum of each Qt class a program first touches, "
            "~0.1 ms each on Python 3.11. The reference rows are not targets: the empty window "
            "once Qt's namespace is touched (as any window with an alignment, an item role or "
            "a key does: PySide6 then makes Qt's 93 enum classes), and plain PySide6, no "
            "facilitator code, a window of the restart's shape (menus, agenda tree, six tabs, "
            "a clock over a speakers list), for what such a window costs on this stack."
            + f"\n\nRatio app / baseline (the slower start): **{ratio:.2f}x** "
            "(target: at most 1.5x) — " + ("met." if ratio <= 1.5 else "missed.")
            + "\n\nWhere the time goes (one more run, the restart with the Run tab on screen; "
            "time since the process was spawned, and the process's CPU time):\n\n"
            + table(["step done", "ms", "CPU ms"], phase_rows)
            + f"\n\n`scripts/run` when nothing changed, against the installed command, "
            f"{args.runs} alternating runs each:\n\n"
            + table(["process", "median ms", "min ms", "max ms"], script_rows)
            + f"\n\nRatio scripts/run / installed: **{script_ratio:.2f}x** (target: under 1.5x) — "
            + ("met." if script_ratio < 1.5 else "missed."))
    if args.no_write:
        print(body)
    else:
        publish("startup", "Start-up", body)


if __name__ == "__main__":
    main()
