"""Room keys with REAL key presses on a real X display: Xvfb + openbox + xdotool drive the
app the way a moderator and a presenter clicker do (the offscreen tests deliver keys
through QTest, which skips the window system; this one does not).

Needs the Debian packages xvfb, openbox and xdotool (and Qt's xcb libraries); skipped with
the reason otherwise.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from facilitator.actions import floor
from facilitator.actions.actor import LAPTOP, phone
from facilitator.actions.command import run
from facilitator.store import EventFile
from facilitator.store.agenda_io import create_event_file

HERE = Path(__file__).resolve().parent
MISSING = [tool for tool in ("Xvfb", "openbox", "xdotool") if shutil.which(tool) is None]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(bool(MISSING), reason=f"real-key test needs {', '.join(MISSING)} "
                       "(apt-get install xvfb openbox xdotool)"),
]


def start_display() -> tuple[subprocess.Popen, str]:
    """A private Xvfb on the first free display number (it writes the number it took)."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "2600x900x24",
                             "-nolisten", "tcp"], pass_fds=(write,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        xvfb.kill()
        pytest.skip("Xvfb did not start")
    return xvfb, f":{number}"


class RealDesktop:
    """The app under Xvfb + openbox, seen through the driver's state file."""

    def __init__(self, tmp_path: Path) -> None:
        self.xvfb, self.display = start_display()
        self.env = {**os.environ, "DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb"}
        self.env.pop("WAYLAND_DISPLAY", None)
        self.openbox = subprocess.Popen(["openbox"], env=self.env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        self.event = create_event_file(tmp_path / "event.db", "walrg")
        self.state_file = tmp_path / "state.json"
        self.log = (tmp_path / "app.log").open("w")
        self.app = subprocess.Popen(
            [sys.executable, str(HERE / "real_keys_driver.py"), str(self.event),
             str(self.state_file)], env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        self.wait(lambda s: s["window_visible"] and s["places"]["tab:Run"], "the window")

    def state(self) -> dict:
        try:
            return json.loads(self.state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def wait(self, ready, what: str, timeout: float = 20.0) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.app.poll() is not None:
                output = Path(self.log.name).read_text()
                if "Could not load the Qt platform plugin" in output:
                    pytest.skip("Qt's xcb platform needs its X libraries (libxcb-cursor0, "
                                "libxcb-icccm4, libxcb-image0, libxcb-keysyms1, "
                                "libxcb-render-util0, libxcb-shape0, libxcb-xkb1, "
                                "libxkbcommon-x11-0)")
                raise AssertionError(f"the app ended ({self.app.returncode}) waiting for {what}:"
                                     f" {Path(self.log.name).read_text()[-2000:]}")
            state = self.state()
            try:
                if state and ready(state):
                    return state
            except (KeyError, IndexError, TypeError):
                pass
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}; last state: {self.state()}")

    def settle(self) -> dict:
        """The state once the app has had time to act on what was sent (a few writes)."""
        time.sleep(0.6)
        return self.state()

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env=self.env, check=True, timeout=20)

    def click(self, place: str, double: bool = False) -> None:
        x, y = self.wait(lambda s: s["places"][place], place)["places"][place]
        self.xdotool("mousemove", "--sync", str(x), str(y), "click",
                     *(["--repeat", "2"] if double else []), "1")
        time.sleep(0.3)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "40", text)

    def key(self, *keys: str) -> None:
        self.xdotool("key", "--delay", "60", *keys)

    def close(self) -> None:
        for process in (self.app, self.openbox, self.xvfb):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
        self.log.close()


@pytest.fixture
def desktop(tmp_path):
    desk = RealDesktop(tmp_path)
    yield desk
    desk.close()


RUN_COMMANDS = {"timer_started", "timer_paused", "timer_resumed", "next_speaker",
                "previous_speaker", "time_adjusted", "slot_added"}


FLOOR_ACCEPTED = "floor_request_accepted"


def ask_for_the_floor(event: Path, session_id: int) -> None:
    """A delegate's phone asks for the floor (written to the event file as the server would)."""
    ef = EventFile.open(event, lock=False)  # the app holds the lock; SQLite serialises
    try:
        run(ef, LAPTOP, floor.set_open(session_id, True))
        run(ef, phone("delegate-1"), floor.ask(session_id, name="Amina Diallo",
                                               kind="intervention", now=time.time(),
                                               device_id="delegate-1"))
    finally:
        ef.close()


def run_commands(state: dict, since: int) -> list[str]:
    return [a for a in state["log"][since:] if a in RUN_COMMANDS]


def phase(state: dict, row: int) -> str:
    return state["slots"][row][2]


def test_real_keys_act_on_the_run_tab_and_the_projector_only(desktop):
    d = desktop
    d.click("tab:Run")
    d.click("runTable:0")
    d.key("space")
    first = d.wait(lambda s: phase(s, 0) == "running", "Space to start the speaker")
    d.key("ctrl+shift+p")
    d.wait(lambda s: s["projector"]["visible"], "the projector")

    # A delegate waits for the floor: "A" accepts them, but only where the Run tab's keys act.
    ask_for_the_floor(d.event, first["session_id"])
    d.wait(lambda s: s["floor_waiting"] == 1, "the floor request")

    # The reported fault, typed for real: a note, then text typed with the list focused.
    d.click("tab:Notes")
    d.click("noteEntry")
    d.type("First point")
    d.key("Return")
    d.wait(lambda s: s["notes"] == 1, "the note")
    since = len(d.state()["log"])
    d.click("notesTable:0")
    d.type("Key message: new money +-= . bnprmf aA")
    d.key("Next", "Prior", "Right", "Left", "Return")
    after = d.settle()
    assert run_commands(after, since) == [], after["log"][since:]
    assert after["floor_waiting"] == 1 and FLOOR_ACCEPTED not in after["log"][since:]
    assert phase(after, 0) == "running" and after["current_slot_id"] == first["current_slot_id"]
    assert "st point" not in [name for _, name, _ in after["slots"]]
    assert after["projector"] == {"visible": True, "page": "stage", "message": ""}
    assert after["dialogs"] == [], after["dialogs"]

    # Editing a speaker's name in the Run tab's own table: the letters are the name's.
    d.click("tab:Run")
    d.click("runTable:name2", double=True)
    d.wait(lambda s: s["focus"].startswith(("QLineEdit", "QExpandingLineEdit")), "the editor")
    since = len(d.state()["log"])
    d.key("ctrl+a")
    d.type("Bob N. Parker")
    d.key("Return")
    after = d.wait(lambda s: s["speaker_name_2"] == "Bob N. Parker", "the new name")
    assert run_commands(after, since) == [] and phase(after, 0) == "running"
    assert after["projector"]["page"] == "stage"

    # Picking a speaker's kind from the drop-down list in place: its letters are the list's.
    since = len(after["log"])
    d.click("runTable:kind2", double=True)
    d.wait(lambda s: s["focus"].startswith("QComboBox"), "the kind editor")
    d.key("space")  # opens the drop-down list
    d.type("np bm")
    d.key("Escape", "Escape")
    after = d.settle()
    assert run_commands(after, since) == [] and phase(after, 0) == "running"
    assert after["projector"]["page"] == "stage" and after["dialogs"] == []

    # A menu open over the Run tab: its letters are the menu's ("p" is no File entry).
    since = len(after["log"])
    d.click("runTable:0")
    d.key("alt+f")
    d.key("plus", "p")
    d.key("Escape", "Escape")
    after = d.settle()
    assert run_commands(after, since) == [] and phase(after, 0) == "running"

    # A submenu open over the Run tab: File › Export › N asks where to save the notes (the
    # key went to the Run tab's Next speaker once: Qt sends it to the submenu, not to the
    # focus object).
    since = len(after["log"])
    d.click("runTable:0")
    d.key("alt+f")
    d.key("e", "n")
    asked = d.wait(lambda s: s["dialogs"] != [], "the notes export's file dialog")
    d.key("Escape")
    after = d.wait(lambda s: s["dialogs"] == [], "the file dialog to close")
    assert run_commands(after, since) == [] and phase(after, 0) == "running", asked["dialogs"]
    assert after["current_slot_id"] == first["current_slot_id"]

    # A presenter clicker on the Run tab: PageDown / PageUp, "." for a black screen.
    d.click("runTable:0")
    d.key("Next")
    moved = d.wait(lambda s: s["current_slot_id"] != first["current_slot_id"], "PageDown")
    d.key("Prior")
    d.wait(lambda s: s["current_slot_id"] == first["current_slot_id"], "PageUp")
    d.key("period")
    d.wait(lambda s: s["projector"]["page"] == "blackout", '"." for blackout')
    d.key("b")
    d.wait(lambda s: s["projector"]["page"] == "stage", "B again")

    # "A" with the Run tab's list focused accepts the waiting request: a turn is added.
    d.click("runTable:0")
    slots = len(d.state()["slots"])
    d.key("a")
    accepted = d.wait(lambda s: s["floor_waiting"] == 0, '"A" to accept the floor request')
    assert FLOOR_ACCEPTED in accepted["log"] and len(accepted["slots"]) == slots + 1

    # The clicker aimed at the projector window.
    d.click("projector")
    d.key("Right")
    d.wait(lambda s: s["current_slot_id"] == moved["current_slot_id"], "Right on the projector")
    d.key("Left")
    d.wait(lambda s: s["current_slot_id"] == first["current_slot_id"], "Left on the projector")

    # Ctrl+Q while a speaker runs asks first; Escape keeps the window.
    d.click("tab:Run")
    d.key("ctrl+q")
    asked = d.wait(lambda s: "Quit facilitator?" in s["dialogs"], "the quit question")
    assert asked["window_visible"]
    d.key("Escape")
    kept = d.wait(lambda s: s["dialogs"] == [], "the question to close")
    assert kept["window_visible"] and d.app.poll() is None
    # The window's own close button (openbox: Alt+F4) asks the same; "&Quit" quits.
    d.click("runTable:0")
    d.key("alt+F4")
    d.wait(lambda s: "Quit facilitator?" in s["dialogs"], "the question on Alt+F4")
    d.key("alt+q")
    assert d.app.wait(timeout=15) == 0


def test_ctrl_y_and_ctrl_shift_z_both_redo_on_a_desktop_without_one(desktop):
    """Qt's Redo is only Ctrl+Shift+Z on a Linux with no desktop environment (openbox here):
    Ctrl+Y redoes too, in the window and in a text box, and a text box's Ctrl+Y redoes its
    own typing, never a window's action."""
    d = desktop
    d.click("tab:Run")
    d.click("runTable:name2", double=True)
    d.wait(lambda s: s["focus"].startswith(("QLineEdit", "QExpandingLineEdit")), "the editor")
    before = d.state()["speaker_name_2"]
    d.key("ctrl+a")
    d.type("Bob Parker")
    d.key("Return")
    d.wait(lambda s: s["speaker_name_2"] == "Bob Parker", "the new name")
    d.click("runTable:0")
    for redo in ("ctrl+y", "ctrl+shift+z"):
        d.key("ctrl+z")
        d.wait(lambda s: s["speaker_name_2"] == before, f"undo before {redo}")
        d.key(redo)
        done = d.wait(lambda s: s["speaker_name_2"] == "Bob Parker", redo)
    assert done["log"].count("redone") == 2

    # In a text box: Ctrl+Z takes back the typing, Ctrl+Y (and Ctrl+Shift+Z) put it back.
    d.click("tab:Notes")
    d.click("noteEntry")
    d.type("Key point")
    d.wait(lambda s: s["note_entry"] == "Key point", "the typing")
    since = len(d.state()["log"])
    for redo in ("ctrl+y", "ctrl+shift+z"):
        d.key("ctrl+z")
        d.wait(lambda s: s["note_entry"] == "", f"the typing undone before {redo}")
        d.key(redo)
        d.wait(lambda s: s["note_entry"] == "Key point", f"{redo} in the text box")
    after = d.settle()
    assert after["log"][since:].count("redone") == 0, after["log"][since:]
    assert after["speaker_name_2"] == "Bob Parker"


# What each tab's user came for: Tab from the tab bar reaches it first.
MAIN_CONTROLS = {"Details": "QLineEdit:titleEdit", "Run": "QTableView:speakersTable",
                 "Questions": "QTableView:questionTable", "Polls": "QListWidget:pollList",
                 "Notes": "QLineEdit:noteEntry", "Summary": "QPlainTextEdit:summary_"}


def test_one_tab_from_the_tab_bar_reaches_each_tabs_main_control(desktop):
    """A keyboard user on the tab bar: Right arrow to a tab, at most one Tab, and they are
    in its main control (the questions table was nine Tabs away, behind the phones panel
    and the filters); Shift+Tab goes back to the tab bar."""
    d = desktop
    d.click("tab:Details")
    for _ in range(40):  # back along the focus chain to the tab bar, as a user would
        if d.settle()["focus"].startswith("QTabBar"):
            break
        d.key("shift+Tab")
    assert d.state()["focus"].startswith("QTabBar"), d.state()["focus"]
    reached = {}
    for index, name in enumerate(MAIN_CONTROLS):
        if index:
            d.key("Right")
            d.wait(lambda s, name=name: s["current_tab"] == name, name)
        tabs = 0
        if not d.settle()["focus"].startswith(MAIN_CONTROLS[name]):  # the Run tab: 0 Tabs
            d.key("Tab")
            tabs = 1
        reached[name] = (d.settle()["focus"], tabs)
        d.key("shift+Tab")
        d.wait(lambda s: s["focus"].startswith("QTabBar"), f"Shift+Tab back from {name}")
    assert {name: focus.startswith(MAIN_CONTROLS[name])
            for name, (focus, _tabs) in reached.items()} == dict.fromkeys(MAIN_CONTROLS, True), \
        reached


def test_a_date_box_is_one_tab_stop_with_real_keys(desktop):
    """The Details tab's start box: real Tab and Shift+Tab leave it in one press each, and
    real Left/Right move between its parts without leaving it (the window system's keys,
    not QTest's: keyboard.DatePartKeys)."""
    d = desktop
    d.click("tab:Details")
    d.wait(lambda s: s["places"].get("startsEdit"), "the start box on screen")
    d.click("startsEdit")
    d.wait(lambda s: s["focus"].endswith(":startsEdit"), "the start box focused")
    d.key("Right", "Right")
    assert d.settle()["focus"].endswith(":startsEdit")
    d.key("Tab")
    after_tab = d.settle()["focus"]
    assert not after_tab.endswith(":startsEdit"), after_tab
    d.key("shift+Tab")
    d.wait(lambda s: s["focus"].endswith(":startsEdit"), "Shift+Tab back into the box")
    d.key("shift+Tab")
    before = d.settle()["focus"]
    assert not before.endswith(":startsEdit"), before
