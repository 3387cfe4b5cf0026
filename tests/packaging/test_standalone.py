"""The standalone build (packaging/build.sh) runs, and its desktop integration files are sound.

Building takes a while and is not part of the test command: the checks of the built program
skip when packaging/dist holds no build. The desktop file, metainfo and icons are checked
always, since they are committed.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from configparser import ConfigParser
from pathlib import Path
from xml.etree import ElementTree

import pytest

from facilitator import APP_ID, __version__
from tests.packaging.serving import join_url_of

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
PROGRAM = PACKAGING / "dist" / "facilitator" / (
    "facilitator.exe" if sys.platform == "win32" else "facilitator")
SAMPLE = ROOT / "resources" / "samples" / "walrg.json"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A folder outside the checkout and a clean environment to run the built program in."""
    if not PROGRAM.exists():
        pytest.skip("no standalone build: run packaging/build.sh")
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    work = tmp_path / "work"
    work.mkdir()
    return work, env


def _run(built: tuple[Path, dict[str, str]], *args: str) -> subprocess.CompletedProcess[str]:
    work, env = built
    return subprocess.run([str(PROGRAM), *args], cwd=work, env=env, capture_output=True,
                          text=True, timeout=60)


def test_built_program_carries_the_licence(built: tuple[Path, dict[str, str]]) -> None:
    assert (PROGRAM.parent / "LICENSE").read_bytes() == (ROOT / "LICENSE").read_bytes()


def test_built_program_version(built: tuple[Path, dict[str, str]]) -> None:
    done = _run(built, "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"facilitator {__version__}"


def test_built_program_new_and_export(built: tuple[Path, dict[str, str]]) -> None:
    made = _run(built, "new", "x.db")
    assert made.returncode == 0, made.stderr
    assert (built[0] / "x.db").is_file()
    exported = _run(built, "export", "x.db", "--format", "json")
    assert exported.returncode == 0, exported.stderr
    sample = json.loads(SAMPLE.read_text(encoding="utf-8"))
    got = json.loads(exported.stdout)
    assert [(s["title"], s["guiding_questions"]) for s in got["sessions"]] == [
        (s["title"], s["guiding_questions"]) for s in sample["sessions"]]


def test_built_program_report(built: tuple[Path, dict[str, str]]) -> None:
    # reportlab, its fonts and ours are found by the frozen program, not only by a venv.
    if not (ROOT / "src/facilitator/reports/report_command.py").exists():
        pytest.skip("the report command is not in the tree yet")
    assert _run(built, "new", "x.db").returncode == 0
    done = _run(built, "report", "x.db", "-o", "x.pdf")
    assert done.returncode == 0, done.stdout + done.stderr
    assert (built[0] / "x.pdf").read_bytes().startswith(b"%PDF")


def test_built_program_serves_the_phone_page(built: tuple[Path, dict[str, str]]) -> None:
    # uvicorn picks its event loop and protocols by name at run time: easy for a freezer to miss.
    if not (ROOT / "src/facilitator/audience/serve_command.py").exists():
        pytest.skip("the serve command is not in the tree yet")
    work, env = built
    assert _run(built, "new", "x.db").returncode == 0
    # The default host (all interfaces) also exercises the venue-address lookup (psutil).
    server = subprocess.Popen([str(PROGRAM), "serve", "x.db", "--port", "0"], cwd=work,
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = join_url_of(server)
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200
            assert "<html" in response.read().decode("utf-8").lower()
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=20)
        assert server.returncode == 0, out + err
    finally:
        if server.poll() is None:
            server.kill()
            server.communicate()


def test_built_program_opens_its_main_window(built: tuple[Path, dict[str, str]]) -> None:
    work, env = built
    assert _run(built, "new", "x.db").returncode == 0
    app = subprocess.Popen([str(PROGRAM), "x.db"], cwd=work, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    try:
        # A GUI process cannot be asked whether its window is up: it must still be running,
        # with no error, after ample time to load Qt plugins, forms and icons.
        time.sleep(5)
        alive = app.poll() is None
    finally:
        app.terminate()
        out, err = app.communicate(timeout=20)
    assert alive, f"the program exited with {app.returncode}:\n{out}{err}"
    assert "Traceback" not in err and "facilitator: error" not in err, err


def test_desktop_file_names_the_app_and_its_icon() -> None:
    path = PACKAGING / f"{APP_ID}.desktop"
    entry = ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(path, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Icon"] == APP_ID
    assert desktop["Exec"].split()[0] == "facilitator"
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(["desktop-file-validate", str(path)], capture_output=True,
                                 text=True, timeout=30)
        assert checked.returncode == 0, checked.stdout + checked.stderr


def test_metainfo_matches_the_app() -> None:
    path = PACKAGING / f"{APP_ID}.metainfo.xml"
    component = ElementTree.parse(path).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == f"{APP_ID}.desktop"
    releases = [r.get("version") for r in component.iter("release")]
    assert __version__ in releases, "add a <release> for the new version to the metainfo"
    if shutil.which("appstreamcli"):
        checked = subprocess.run(["appstreamcli", "validate", "--no-net", str(path)],
                                 capture_output=True, text=True, timeout=60)
        assert checked.returncode == 0, checked.stdout + checked.stderr


def test_icons_exist_in_every_size_and_match_the_svg() -> None:
    from PySide6.QtGui import QImage

    hicolor = PACKAGING / "icons" / "hicolor"
    for size in ICON_SIZES:
        image = QImage(str(hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
        assert (image.width(), image.height()) == (size, size), size
    scalable = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == (ROOT / "resources/icons/facilitator.svg").read_bytes(), (
        "the app icon changed: run packaging/render_icons.py")
