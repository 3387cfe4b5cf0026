"""A report killed while it is written (kill -9: the laptop's battery, a frozen app ended
from the task manager) never leaves half a file under the report's name: the earlier
report stays whole where it was, and the next run writes the new one whole.

Every export and report goes through ``reports.whole_file.write_whole``: a partial file of
its own, flushed, then renamed over the target. The app writes on a worker through the
same function as ``facilitator report`` here.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pypdf
import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))
from report_fixtures import international_session, large_session

from facilitator.store import EventFile
from facilitator.store.agenda_io import create_event_file

pytestmark = pytest.mark.skipif(os.name != "posix", reason="kill -9 is POSIX")


@pytest.fixture(scope="module")
def event_path(tmp_path_factory) -> Path:
    path = create_event_file(tmp_path_factory.mktemp("event") / "event.db", "walrg")
    with EventFile.open(path) as ef:
        for _ in range(3):
            large_session(ef)
        international_session(ef)
    return path


def start_report(event_path: Path, target: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "facilitator", "report", str(event_path),
                             "--all", "-o", str(target)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.mark.parametrize("when", ["laying out", "writing the file"])
def test_a_report_killed_half_way_leaves_the_earlier_one_whole(event_path: Path,
                                                               tmp_path: Path, when) -> None:
    target = tmp_path / "report.pdf"
    done = subprocess.run([sys.executable, "-m", "facilitator", "report", str(event_path),
                           "--all", "-o", str(target)], capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr
    earlier = target.read_bytes()

    running = start_report(event_path, target)
    started = time.monotonic()
    if when == "laying out":
        time.sleep(1.5)
    else:  # the moment its partial file appears: reportlab is writing the PDF's bytes
        while not list(tmp_path.glob("*.partial")) and running.poll() is None:
            time.sleep(0.0005)
    assert running.poll() is None, "the report was done before it could be killed"
    running.send_signal(signal.SIGKILL)
    running.wait(10)
    killed_after = time.monotonic() - started

    assert target.read_bytes() == earlier, f"killed after {killed_after:.2f} s"
    assert len(pypdf.PdfReader(target).pages) > 10
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".partial")) \
        == ["report.pdf"]

    done = subprocess.run([sys.executable, "-m", "facilitator", "report", str(event_path),
                           "--all", "-o", str(target)], capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert len(pypdf.PdfReader(target).pages) == len(pypdf.PdfReader(io.BytesIO(earlier)).pages)
