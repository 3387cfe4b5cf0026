"""Report texts in the six UN languages: the catalogue is complete, and the PDF and the
Word document print their headings in each language (read back with pypdf, python-docx)."""

from __future__ import annotations

import io
import re
import string
import unicodedata

import docx
import pypdf
import pytest
from report_fixtures import T0, international_session

from facilitator.reports.report_text import CATALOGUE, LANGUAGES, ReportText, report_language
from facilitator.reports.session_report import load_session_report
from facilitator.reports.summary_docx import WordReport
from facilitator.reports.summary_pdf import SummaryReport


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_text_exists_in_all_six_languages_with_the_same_placeholders() -> None:
    assert set(CATALOGUE) == set(LANGUAGES) == {"ar", "zh", "en", "fr", "ru", "es"}
    english = CATALOGUE["en"]
    for language, texts in CATALOGUE.items():
        assert set(texts) == set(english), language
        for key, template in texts.items():
            assert template.strip(), (language, key)
            assert _fields(template) == _fields(english[key]), (language, key)


def test_translations_are_translated() -> None:
    # A text left in English in another language is a forgotten translation (a few words
    # are the same in French, Spanish and English: those are allowed).
    same_ok = {"date", "total", "organisation", "question", "votes", "minutes", "pauses",
               "one_note", "n_notes", "sessions", "participants", "n_questions", "one_question",
               "commitments", "recommendations", "questions", "time", "answered", "page_of"}
    for language in ("ar", "zh", "ru", "fr", "es"):
        texts = CATALOGUE[language]
        untranslated = {k for k, v in texts.items() if v == CATALOGUE["en"][k]} - same_ok
        assert not untranslated, (language, untranslated)


def test_language_names_are_checked() -> None:
    assert report_language("fr_FR.UTF-8") == "fr" and report_language("zh-Hans") == "zh"
    assert report_language(None) == "en"
    with pytest.raises(ValueError, match="ar, zh, en, fr, ru, es"):
        report_language("de")
    assert ReportText("ar").rtl and not ReportText("ru").rtl


def _plain(text: str) -> str:
    """Text without spaces, presentation forms folded."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _printed(heading: str, printed: str) -> bool:
    """Whether ``heading`` is in the extracted text: a right-to-left line comes out with its
    words in visual order (each word's letters in reading order, from its /ActualText)."""
    words = heading.split()
    return _plain(heading) in printed or _plain(" ".join(reversed(words))) in printed


HEADINGS = ("participants", "summary", "audience_questions", "audience_raised", "statistics",
            "notes_by_tag", "quotes", "annex_timeline", "annex_timing")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    from facilitator.store import EventFile

    ef = EventFile.create(tmp_path_factory.mktemp("lang") / "event.db")
    session_id = international_session(ef)
    yield load_session_report(ef, session_id, now=T0 + 3600)
    ef.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_pdf_headings_in_each_language(report, language: str) -> None:
    out = io.BytesIO()
    SummaryReport("A4", language).write_session(report, out)
    reader = pypdf.PdfReader(io.BytesIO(out.getvalue()))
    printed = _plain("".join(page.extract_text() for page in reader.pages))
    text = ReportText(language)
    for key in HEADINGS:
        assert _printed(text(key), printed), (language, key)
    last = len(reader.pages)
    assert _printed(text("page_of", page=last, total=last), printed)


@pytest.mark.parametrize("language", LANGUAGES)
def test_word_headings_in_each_language(report, language: str) -> None:
    out = io.BytesIO()
    WordReport(language).write_session(report, out)
    document = docx.Document(io.BytesIO(out.getvalue()))
    headings = {p.text for p in document.paragraphs if p.style.name.startswith("Heading")}
    text = ReportText(language)
    for key in HEADINGS:
        assert text(key) in headings, (language, key)
    assert report.session.title in headings
    bidi = document.element.body.xpath(".//w:bidi")
    assert bool(bidi) == (language == "ar")  # Arabic paragraphs run right to left


def test_sdg_names_in_all_six_languages() -> None:
    from facilitator.core.notes import SDG_NAMES as ENGLISH
    from facilitator.reports.report_text import SDG_NAMES

    assert set(SDG_NAMES) == set(LANGUAGES) - {"en"}
    for language, names in SDG_NAMES.items():
        assert len(names) == len(ENGLISH) == 17 and all(n.strip() for n in names), language
        assert len(set(names)) == 17
    assert ReportText("fr").sdg(11) == "ODD 11 : Villes et communautés durables"
    assert ReportText("en").sdg(11) == "SDG 11: Sustainable cities and communities"
    assert ReportText("zh").sdg(13) == "目标 13：气候行动"


@pytest.mark.parametrize("language", LANGUAGES)
def test_audience_raised_names_sdgs_in_the_report_language(tmp_path, language: str) -> None:
    from report_fixtures import add_question

    from facilitator.store import EventFile
    from facilitator.store.question_tags import set_question_tags

    with EventFile.create(tmp_path / "event.db") as ef:
        session_id = international_session(ef)
        question = add_question(ef, session_id, "Climate?", votes=1)
        set_question_tags(ef, question, ["SDG 13"])
        report = load_session_report(ef, session_id, now=T0 + 3600)
    out = io.BytesIO()
    WordReport(language).write_session(report, out)
    texts = [p.text for p in docx.Document(io.BytesIO(out.getvalue())).paragraphs]
    text = ReportText(language)
    assert f"{text.sdg(13)} — {text.count(1, 'one_question', 'n_questions')}" in texts
