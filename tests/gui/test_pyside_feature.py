"""PySide6's per-import check answered from the module's file (gui/pyside_feature.py): the
same answer as upstream's ``inspect.getsource`` search, installed by every way into Qt, and
left alone when PySide6's check is not the one expected."""

from __future__ import annotations

import importlib.util
import json
import os
import pkgutil
import py_compile
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

import facilitator
from facilitator.gui import pyside_feature


def feature() -> ModuleType:
    return sys.modules[pyside_feature.FEATURE_MODULE]


def upstream(module: ModuleType) -> bool:
    assert pyside_feature._upstream is not None
    return pyside_feature._upstream(module)


def test_installed_once_the_gui_package_is_imported():
    assert feature()._mod_uses_pyside is pyside_feature.uses_pyside
    assert pyside_feature.install()  # again: nothing changes
    assert feature()._mod_uses_pyside is pyside_feature.uses_pyside
    assert pyside_feature._upstream is not pyside_feature.uses_pyside


def test_same_answer_as_upstream_for_every_module_of_the_app_and_all_loaded():
    for info in pkgutil.walk_packages(facilitator.__path__, "facilitator."):
        if not info.name.endswith("__main__"):  # that one runs the command
            importlib.import_module(info.name)
    modules = [module for module in list(sys.modules.values()) if module is not None]
    ours = [m for m in modules if getattr(m, "__name__", "").startswith("facilitator")]
    assert len(ours) > 100
    answers = {module.__name__: pyside_feature.uses_pyside(module) for module in modules}
    assert answers == {module.__name__: upstream(module) for module in modules}
    assert answers["facilitator.gui.app"] is True  # it imports PySide6
    assert answers["facilitator.core.model"] is False


def load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SOURCES = {
    "plain_yes": b'"""Uses PySide6."""\nX = 1\n',
    "plain_no": b'"""Uses Qt."""\nX = 1\n',
    "empty": b"",
    "with_bom": b'\xef\xbb\xbf"""PySide6"""\n',
    "latin1_declared": b'# -*- coding: latin-1 -*-\n"""caf\xe9 PySide6"""\n',
    "latin1_declared_no": b'# -*- coding: latin-1 -*-\n"""caf\xe9"""\n',
    "utf8_declared": b'# coding: utf-8\nX = "PySide6"\n',
    "utf8_declared_no": b'# -*- coding: utf-8 -*-\n"""caf\xc3\xa9"""\n',
    "utf8_declared_second_line": b'#!/usr/bin/env python\n# vim: set fileencoding=UTF_8 :\n'
                                 b'X = "PySide6"\n',
    "utf8_declared_after_code": b'X = 1\n# coding: utf-8\nY = "PySide6"\n',
    "word_split_by_newline": b'X = """PySide\n6"""\n',
    "crlf": b'X = 1\r\nY = "PySide6"\r\n',
}


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_same_answer_for_source_files_of_every_kind(tmp_path, name):
    path = tmp_path / f"feature_case_{name}.py"
    path.write_bytes(SOURCES[name])
    module = load(path, f"feature_case_{name}")
    assert pyside_feature.uses_pyside(module) == upstream(module)


def test_same_answer_for_a_file_python_runs_but_upstream_cannot_decode(tmp_path):
    # Not UTF-8 and no declaration: upstream finds no source (False) even with the word in.
    path = tmp_path / "feature_case_undecodable.py"
    path.write_bytes(b'X = b"PySide6"  # caf\xe9\n')
    module = ModuleType("feature_case_undecodable")
    module.__file__ = str(path)
    assert upstream(module) is False
    assert pyside_feature.uses_pyside(module) is False


def test_same_answer_for_modules_without_a_source_file(tmp_path):
    # Bytecode only, zipped, gone since it was loaded, built in, no file at all.
    source = tmp_path / "feature_case_compiled.py"
    source.write_text('X = "PySide6"\n')
    compiled = tmp_path / "feature_case_compiled.pyc"
    py_compile.compile(str(source), cfile=str(compiled))
    source.unlink()
    bytecode_only = load(compiled, "feature_case_compiled")

    archive = tmp_path / "cases.zip"
    with zipfile.ZipFile(archive, "w") as packed:
        packed.writestr("feature_case_zipped.py", 'X = "PySide6"\n')
    sys.path.insert(0, str(archive))
    try:
        zipped = importlib.import_module("feature_case_zipped")
    finally:
        sys.path.remove(str(archive))
        sys.modules.pop("feature_case_zipped", None)

    gone_path = tmp_path / "feature_case_gone.py"
    gone_path.write_text('X = "PySide6"\n')
    gone = load(gone_path, "feature_case_gone")
    gone_path.unlink()

    cases = [bytecode_only, zipped, gone, sys, ModuleType("feature_case_no_file")]
    for module in cases:
        assert pyside_feature.uses_pyside(module) == upstream(module), module
    assert pyside_feature.uses_pyside(zipped) is True  # upstream reads it through the zip


def fake_feature(word: str, calls_check: bool = True) -> ModuleType:
    """A stand-in for ``shibokensupport.feature`` whose check looks for ``word``."""
    module = ModuleType(pyside_feature.FEATURE_MODULE)
    exec(f"def _mod_uses_pyside(module):\n    return {word!r} in ''\n"
         "def feature_imported(module):\n"
         + ("    return _mod_uses_pyside(module)\n" if calls_check else "    return None\n"),
         module.__dict__)
    return module


@pytest.mark.parametrize("changed", [
    fake_feature("PySide7"),                        # looks for another word
    fake_feature("PySide6", calls_check=False),     # the check is no longer what is called
    ModuleType(pyside_feature.FEATURE_MODULE),      # no check at all
])
def test_a_changed_pyside_keeps_its_own_check(monkeypatch, changed):
    monkeypatch.setitem(sys.modules, pyside_feature.FEATURE_MODULE, changed)
    before = getattr(changed, "_mod_uses_pyside", None)
    assert pyside_feature.install() is False
    assert getattr(changed, "_mod_uses_pyside", None) is before


def test_a_pyside_without_the_check_module_is_left_alone(monkeypatch):
    monkeypatch.delitem(sys.modules, pyside_feature.FEATURE_MODULE)
    assert pyside_feature.install() is False


def test_the_same_pyside_check_is_answered(monkeypatch):
    same = fake_feature("PySide6")
    monkeypatch.setitem(sys.modules, pyside_feature.FEATURE_MODULE, same)
    monkeypatch.setattr(pyside_feature, "_upstream", None)
    assert pyside_feature.install() is True
    assert same._mod_uses_pyside is pyside_feature.uses_pyside


# What each module was marked with as it was imported, against upstream's answer.
MARKS = r"""
import json, sys, runpy
entry = sys.argv[1]
if entry == "command":      # the `facilitator` command opens the window through gui.app
    import facilitator.cli
    from facilitator.gui.app import run_app
    from facilitator.gui.main_window import MainWindow
elif entry == "module":     # python -m facilitator: the same main, run as __main__
    sys.argv = ["facilitator", "--version"]
    try:
        runpy.run_module("facilitator", run_name="__main__")
    except SystemExit:
        pass
    from facilitator.gui.app import run_app
elif entry == "gui-script":  # facilitator-gui
    from facilitator.gui.app import main
feature = sys.modules["shibokensupport.feature"]
from facilitator.gui import pyside_feature
# PySide6 marks the modules its import hook is handed (not every module loaded).
marks = {name: mark for name, mark in feature.pyside_feature_dict.items() if name in sys.modules}
expected = {name: 0 if pyside_feature._upstream(sys.modules[name]) else -1 for name in marks}
print(json.dumps([feature._mod_uses_pyside is pyside_feature.uses_pyside, marks, expected]))
"""


@pytest.mark.parametrize("entry", ["command", "module", "gui-script"])
def test_every_entry_point_gets_it_and_marks_modules_as_upstream_would(entry):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", MARKS, entry], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    installed, marks, expected = json.loads(done.stdout.strip().splitlines()[-1])
    assert installed
    assert marks == expected
    assert marks["facilitator.gui"] == 0 and marks["facilitator.store"] == -1
    # The hook was handed the app's modules imported after PySide6 (gui.app's store), in
    # every entry; a count of all marked modules depends on what Python's own library
    # imports (43 on Python 3.11, 36 on 3.13).
    assert {"facilitator.store.event_file", "facilitator.store.lock",
            "facilitator.store.schema"} <= set(marks)


def test_no_file_of_pythons_own_library_names_pyside6():
    """Why a module of the standard library is answered without reading its file."""
    folder = Path(pyside_feature._STANDARD_LIBRARY)
    files = [path for path in folder.rglob("*.py")
             if not any(part in str(path) for part in pyside_feature._INSTALLED_PACKAGES)]
    assert len(files) > 500
    assert [path for path in files if b"PySide6" in path.read_bytes()] == []


def test_a_module_named_like_one_of_the_standard_library_elsewhere_is_read(tmp_path):
    import textwrap

    assert pyside_feature._in_standard_library(textwrap)
    assert not pyside_feature._in_standard_library(pyside_feature)
    path = tmp_path / "textwrap.py"
    path.write_text('"""A textwrap of our own, for PySide6."""\n', encoding="utf-8")
    own = load(path, "textwrap")
    assert not pyside_feature._in_standard_library(own)
    assert pyside_feature.uses_pyside(own) is True == upstream(own)
