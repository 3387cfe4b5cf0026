"""Every shipped language translates every string of the desktop UI, and the files are fresh.

Fails when: a message of a .ts has no (or an unfinished) translation; the .ts no longer
matches the sources (a string was added, changed or removed without ``make translations``);
a .qm is not what lrelease makes of its .ts; a label of core is missing from the list the
GUI translates it through.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from facilitator.core import session_clock
from facilitator.core.floor import FLOOR_KIND_LABELS
from facilitator.core.model import CONSTITUENCIES, GENDERS, SLOT_KIND_LABELS
from facilitator.core.notes import NOTE_KIND_LABELS, SDG_NAMES, WUF12_DIALOGUES, tag_choices
from facilitator.core.questions import STATUS_LABELS
from facilitator.core.statistics import UNSPECIFIED
from facilitator.gui.core_text import CORE_TEXTS, CountedWords, core_text, schedule_text
from facilitator.gui.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
SHIPPED = [code for code in LANGUAGES if code != "en"]  # English is the source language
PLACEHOLDER = re.compile(r"\{\w*\}|%n")


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from the environment running the tests."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} not found (it ships with PySide6); cannot check the translations")
    return found


def lupdate(ts: Path, language: str) -> None:
    """The same command as ``make translations``."""
    gui = ROOT / "src/facilitator/gui"
    # gui/ and its rooms (gui/polls/, …); not the forms made from ui/*.ui (they are there).
    sources = sorted(str(p) for p in gui.glob("*.py"))
    sources += sorted(str(p) for p in gui.glob("*/*.py") if p.parent.name != "forms")
    sources += sorted(str(p) for p in (ROOT / "ui").glob("*.ui"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none",
                    "-source-language", "en", "-target-language", language, "-ts", str(ts)],
                   check=True, capture_output=True, cwd=ROOT)


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)
    found = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


@pytest.mark.parametrize("language", SHIPPED)
def test_every_message_is_translated(language: str) -> None:
    found = messages(I18N / f"facilitator_{language}.ts")
    assert len(found) > 300  # the whole UI, not a stub
    problems = []
    for (context, source), message in found.items():
        state = message.find("translation").get("type")  # type: ignore[union-attr]
        texts = forms(message)
        if state in ("unfinished", "vanished", "obsolete") or not all(t.strip() for t in texts):
            problems.append(f"{context}: {source!r} is not translated")
            continue
        for text in texts:
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                problems.append(f"{context}: {source!r} → {text!r}: placeholders differ")
            if "&" in source.replace("&&", "") and text.replace("&&", "").count("&") != 1:
                problems.append(f"{context}: {source!r} → {text!r}: no keyboard mnemonic")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", SHIPPED)
def test_ts_matches_the_sources(language: str, tmp_path: Path) -> None:
    shipped = I18N / f"facilitator_{language}.ts"
    fresh = tmp_path / shipped.name
    shutil.copy(shipped, fresh)
    lupdate(fresh, language)
    before, after = set(messages(shipped)), set(messages(fresh))
    assert after - before == set(), "new strings: run make translations and translate them"
    assert before - after == set(), "strings gone from the sources: run make translations"
    assert fresh.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8"), (
        "the .ts is not what lupdate writes: run make translations")


@pytest.mark.parametrize("language", SHIPPED)
def test_qm_is_compiled_from_the_ts(language: str, tmp_path: Path) -> None:
    ts = tmp_path / f"facilitator_{language}.ts"
    shutil.copy(I18N / ts.name, ts)
    subprocess.run([tool("pyside6-lrelease"), str(ts)], check=True, capture_output=True)
    shipped = I18N / f"facilitator_{language}.qm"
    assert shipped.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
        "the .qm is stale: run make translations")


EXPECTED = {
    "fr": {("MainWindow", "&File"): "&Fichier", ("MainWindow", "Run"): "Séance",
           ("PhonePanel", "Open questions for this session"):
               "Ouvrir les questions pour cette session",
           ("core", "Opening remarks"): "Discours d'ouverture"},
    "es": {("MainWindow", "&File"): "&Archivo", ("MainWindow", "Run"): "Sesión",
           ("PhonePanel", "Open questions for this session"):
               "Abrir preguntas para esta sesión",
           ("core", "Opening remarks"): "Palabras de apertura"},
}
PLURALS = {"fr": ("1 min de retard", "2 min de retard", "%n MIN RESTANTES"),
           "es": ("1 min de retraso", "2 min de retraso", "QUEDAN %n MIN")}


@pytest.mark.parametrize("language", SHIPPED)
def test_the_app_loads_each_language(qapp, language: str) -> None:
    translator = QTranslator()
    assert translator.load(f"facilitator_{language}", str(I18N))
    QCoreApplication.installTranslator(translator)
    try:
        for (context, source), expected in EXPECTED[language].items():
            assert QCoreApplication.translate(context, source) == expected
        one, two, left = PLURALS[language]
        assert schedule_text(60) == one
        assert schedule_text(120) == two
        assert CountedWords().minutes_left(3) == left.replace("%n", "3")
        assert core_text("a speaker's own words") == "a speaker's own words"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_every_core_label_goes_through_the_gui_list() -> None:
    """core stays Qt-free, so its words are listed in gui/core_text.py for lupdate."""
    labels = {*SLOT_KIND_LABELS.values(), *CONSTITUENCIES, *(g for g in GENDERS if g),
              *FLOOR_KIND_LABELS.values(), UNSPECIFIED, *NOTE_KIND_LABELS.values(),
              *STATUS_LABELS.values(), *SDG_NAMES, *WUF12_DIALOGUES}
    from facilitator.core.model import Session

    labels |= {choice.group for choice in tag_choices(Session(title="x",
                                                               guiding_questions=("q",)))}
    missing = labels - set(CORE_TEXTS)
    assert not missing, f"add to CORE_TEXTS in gui/core_text.py: {sorted(missing)}"


@pytest.mark.parametrize("behind", [0, 30, 59, 60, 61, 150, 600, -60, -200, -3600])
def test_english_schedule_words_match_core(qapp, behind: float) -> None:
    assert schedule_text(behind) == session_clock.describe_schedule(behind)


def test_every_language_ships_ts_and_qm() -> None:
    for language in SHIPPED:
        assert (I18N / f"facilitator_{language}.ts").is_file()
        assert (I18N / f"facilitator_{language}.qm").is_file()
