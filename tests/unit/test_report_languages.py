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
               "commitments", "recommendations", "questions", "time", "answered", "page_of",
               # only placeholders and punctuation, or a word that is the same in French:
               "forum_rooms", "date_format", "n_sessions", "one_session",
               "option"}
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


def _starts_right_to_left(text: str) -> bool:
    strong = [unicodedata.bidirectional(c) for c in text
              if unicodedata.bidirectional(c) in ("L", "R", "AL")]
    return bool(strong) and strong[0] in ("R", "AL")


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
    # A paragraph runs right to left when its own text begins so (rule P2, as in the PDF):
    # in an Arabic report its headings; in any report the Arabic name and organisation.
    paragraphs = [*document.paragraphs, *(p for table in document.tables for row in table.rows
                                          for cell in row.cells for p in cell.paragraphs)]
    right_to_left = {p.text for p in paragraphs if p._p.xpath("./w:pPr/w:bidi")}
    assert {"فاطمة الزهراء", "بلدية"} <= right_to_left
    assert all(_starts_right_to_left(text) for text in right_to_left), language
    assert (text(HEADINGS[0]) in right_to_left) == (language == "ar")


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


def test_stored_words_and_months_exist_in_all_six_languages() -> None:
    # Constituencies, genders, "not stated" and slot kinds are stored in English (core has
    # no language); every report language words each of them, and every month.
    from facilitator.core.model import CONSTITUENCIES, GENDERS, SlotKind
    from facilitator.core.statistics import UNSPECIFIED
    from facilitator.reports.report_text import MONTHS, STORED_WORDS

    stored = {*CONSTITUENCIES, *(g for g in GENDERS if g), UNSPECIFIED}
    kinds = {kind.value for kind in SlotKind}
    assert set(STORED_WORDS) == set(MONTHS) == set(LANGUAGES)
    for language in set(LANGUAGES) - {"en"}:
        words = STORED_WORDS[language]
        assert set(words) == stored | kinds, language
        assert all(w.strip() and w != english for english, w in words.items()), language
        assert len(set(words.values())) == len(words), language
    assert {ReportText("en").stored(kind) for kind in kinds} == {k.label for k in SlotKind}
    assert ReportText("en").stored("Civil society") == "Civil society"
    assert ReportText("fr").stored("Typed by hand") == "Typed by hand"
    for language, months in MONTHS.items():
        assert len(months) == len(set(months)) == 12, language


def test_dates_and_counts_in_the_report_language() -> None:
    from datetime import date
    from zoneinfo import ZoneInfo

    day = date(2026, 5, 18)
    assert ReportText("en").date(day) == "18 May 2026"
    assert ReportText("fr").date(day) == "18 mai 2026"
    assert ReportText("es").date(day) == "18 de mayo de 2026"
    assert ReportText("ru").date(day) == "18 мая 2026 г."
    assert ReportText("zh").date(day) == "2026年5月18日"
    assert ReportText("ar").date(day) == "18 أيار/مايو 2026"
    paris = ZoneInfo("Europe/Paris")
    assert (ReportText("fr").moment(T0, paris)  # T0 is 2027-01-15T08:00Z
            == "15 janvier 2027, 09:00 (Europe/Paris, UTC+01:00)")
    fr = ReportText("fr")
    assert fr("forum_rooms", rooms=fr.count(1, "one_room", "n_rooms"),
              sessions=fr.count(3, "one_session", "n_sessions")) == "1 salle · 3 sessions"
    ru = ReportText("ru")
    assert ru.count(1, "one_session", "n_sessions") == "1 сессия"


# The fixture's people are in these constituencies, all women or men, panellists.
STORED_IN_REPORT = ("Civil society", "National governments", "woman", "Panellist")


@pytest.mark.parametrize("language", ("ar", "zh", "ru", "fr", "es"))
def test_constituency_gender_and_kind_print_in_the_report_language(report, language) -> None:
    text = ReportText(language)
    out = io.BytesIO()
    SummaryReport("A4", language).write_session(report, out)
    reader = pypdf.PdfReader(io.BytesIO(out.getvalue()))
    printed = _plain("".join(page.extract_text() for page in reader.pages))
    out = io.BytesIO()
    WordReport(language).write_session(report, out)
    document = docx.Document(io.BytesIO(out.getvalue()))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    words = "\n".join(cells + [p.text for p in document.paragraphs])
    for english in STORED_IN_REPORT:
        stored = english.lower() if english == "Panellist" else english
        translated = text.stored(stored)
        assert _printed(translated, printed), (language, english, "pdf")
        assert translated in words, (language, english, "docx")
        if language in ("ar", "zh", "ru"):  # not one English word left
            assert _plain(english) not in printed, (language, english, "pdf")
            assert english not in words, (language, english, "docx")
