"""The generated form modules match their Designer files (run `make forms` when this fails):
what pyside6-uic makes, less the imports it does not use (ruff drops them, as `make forms`
does: each PySide6 class imported costs start-up time)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORMS = sorted((ROOT / "ui").glob("*.ui"))


def _tool(name: str) -> str:
    import sys

    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else (shutil.which(name) or "")


def _uic() -> str:
    return _tool("pyside6-uic")


def _normalised(text: str) -> str:
    # The header names the uic version, which differs between Qt releases.
    return re.sub(r"## Created by: Qt User Interface Compiler version .*\n", "", text)


@pytest.mark.parametrize("form", FORMS, ids=[f.name for f in FORMS])
def test_generated_module_is_fresh(form: Path, tmp_path: Path):
    uic, ruff = _uic(), _tool("ruff")
    assert uic, "pyside6-uic not found next to the test interpreter"
    assert ruff, "ruff not found next to the test interpreter"
    generated = ROOT / "src/facilitator/gui/forms" / f"ui_{form.stem}.py"
    assert generated.exists(), f"{generated.name} missing: run `make forms`"
    made = tmp_path / generated.name
    subprocess.run([uic, "--from-imports", str(form), "-o", str(made)], check=True)
    subprocess.run([ruff, "check", "--quiet", "--isolated", "--select", "F401", "--fix",
                    str(made)], check=True)
    fresh = made.read_text("utf-8")
    assert _normalised(generated.read_text("utf-8")) == _normalised(fresh), (
        f"{generated.name} is stale: run `make forms`")


def test_every_generated_module_has_a_form():
    for module in (ROOT / "src/facilitator/gui/forms").glob("ui_*.py"):
        assert (ROOT / "ui" / f"{module.stem[3:]}.ui").exists(), module
