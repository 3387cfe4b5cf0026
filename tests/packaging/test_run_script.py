"""``scripts/run`` installs only when pyproject.toml changed, and launches offline.

A relaunch must be as quick as the installed command (no pip at all when nothing changed),
and a venue laptop with no package index must still open the app it already has. The
script runs for real on a copy of the project's scripts, with a stand-in venv whose
``python`` records each pip call (and can fail like an offline pip).
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def make_project(tmp_path: Path, pip_works: bool) -> Path:
    project = tmp_path / "project"
    (project / "scripts").mkdir(parents=True)
    for name in ("run", "venv.sh"):
        shutil.copy(ROOT / "scripts" / name, project / "scripts" / name)
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    bin_dir = project / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (project / ".venv" / "pyvenv.cfg").write_text("version = 3.11.2\n")
    script(bin_dir / "python",
           f'echo "$@" >> "{project}/pip-calls"\nexit {0 if pip_works else 1}\n')
    script(bin_dir / "facilitator", 'echo "launched $*"\n')
    return project


def script(path: Path, body: str) -> None:
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def run(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(project / "scripts" / "run"), "event.db"], capture_output=True,
                          text=True, timeout=30, env={**os.environ, "VENV": ".venv"})


def pip_calls(project: Path) -> int:
    calls = project / "pip-calls"
    return len(calls.read_text().splitlines()) if calls.exists() else 0


def test_installs_once_then_only_when_pyproject_changes(tmp_path):
    project = make_project(tmp_path, pip_works=True)
    assert run(project).stdout == "launched event.db\n"
    assert pip_calls(project) == 1
    assert run(project).stdout == "launched event.db\n"
    assert pip_calls(project) == 1  # nothing changed: no pip at all
    with (project / "pyproject.toml").open("a") as toml:
        toml.write("\n# a new dependency\n")
    assert run(project).stdout == "launched event.db\n"
    assert pip_calls(project) == 2


def test_offline_launches_what_is_installed(tmp_path):
    project = make_project(tmp_path, pip_works=False)
    result = run(project)
    assert result.returncode == 0
    assert result.stdout == "launched event.db\n"
    assert "using the one installed" in result.stderr
