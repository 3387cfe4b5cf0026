"""Audience questions tagged by WUF12 dialogue, SDG and guiding question: stored with a log
line, suggested from keywords in English, French and Spanish, and raised in the report."""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from report_fixtures import T0, add_question, international_session

from facilitator.core.model import Session
from facilitator.core.question_tags import clean_tags, group_tags, suggest_tags
from facilitator.reports.report_text import ReportText
from facilitator.reports.session_report import load_session_report
from facilitator.reports.summary_pdf import SummaryReport
from facilitator.store import EventFile, EventFileError
from facilitator.store.question_tags import (
    question_tags,
    session_question_tags,
    set_question_tags,
)
from facilitator.store.schema import known_migrations


def test_migration_is_named_and_follows_the_time_zone() -> None:
    # Later migrations (0007…, 0010_polls) come after it; it must stay right after 0005.
    names = known_migrations()
    assert names.index("0006_question_tags") == names.index("0005_event_time_zone") + 1


def test_tags_are_stored_in_order_replaced_and_logged(event_file: EventFile) -> None:
    session_id = international_session(event_file)
    question = add_question(event_file, session_id, "How to finance housing?")
    assert set_question_tags(event_file, question, ["SDG 11", " Housing  our future ",
                                                    "SDG 11", ""]) == (
        "SDG 11", "Housing our future")
    assert question_tags(event_file, question) == ("SDG 11", "Housing our future")
    set_question_tags(event_file, question, ["Q1"], role="co-moderator")
    assert session_question_tags(event_file, session_id) == {question: ("Q1",)}
    log = [e for e in event_file.log_entries(session_id) if e["action"] == "question_tagged"]
    assert log[-1]["detail"] == {"question_id": question, "tags": ["Q1"],
                                 "before": ["SDG 11", "Housing our future"],
                                 "role": "co-moderator"}


@pytest.mark.parametrize("tags, message", [
    ([3], "must be text"), (["x" * 121], "at most 120"), ([f"t{i}" for i in range(13)],
                                                          "at most 12 tags")])
def test_bad_tags_are_refused_and_nothing_changes(event_file: EventFile, tags,
                                                  message: str) -> None:
    session_id = international_session(event_file)
    question = add_question(event_file, session_id, "A question")
    set_question_tags(event_file, question, ["SDG 5"])
    with pytest.raises(EventFileError, match=message):
        set_question_tags(event_file, question, tags)
    assert question_tags(event_file, question) == ("SDG 5",)
    with pytest.raises(EventFileError, match="no question"):
        set_question_tags(event_file, 99_999, ["SDG 5"])


@pytest.mark.parametrize("text, expected", [
    ("How will cities finance affordable housing?",
     {"Housing our future", "Financing localization and localizing finance", "SDG 11"}),
    ("Comment financer le logement social dans les villes ?",
     {"Housing our future", "Financing localization and localizing finance", "SDG 11"}),
    ("¿Cómo cerrar la brecha digital para las mujeres?",
     {"Putting people first in a digital era", "SDG 5"}),
    ("What about people displaced by floods and the climate crisis?",
     {"The loss of home and urban crises", "SDG 13"}),
    ("Les déchets et le recyclage dans les quartiers ?", {"SDG 12"}),
    ("Thank you.", set()),
])
def test_suggestions_from_keywords_in_three_languages(text: str, expected: set[str]) -> None:
    assert set(suggest_tags(text)) == expected


def test_suggestions_name_guiding_questions_sharing_a_word() -> None:
    session = Session(title="S", guiding_questions=("How do cities finance housing?",
                                                    "What makes partnerships last?"))
    assert "Q1" in suggest_tags("Who will finance it?", session)
    assert "Q2" not in suggest_tags("Who will finance it?", session)


def test_groups_keep_the_report_order() -> None:
    groups = group_tags(["SDG 11", "Zoning", "Q2", "SDG 3", "Stronger together",
                         "Housing our future", "Q1"])
    assert groups.dialogues == ("Housing our future", "Stronger together")
    assert groups.sdgs == ("SDG 3", "SDG 11") and groups.guiding == ("Q1", "Q2")
    assert groups.other == ("Zoning",)
    assert clean_tags(["a", "a", " b "]) == ("a", "b")


def test_report_lists_what_the_audience_raised(event_file: EventFile) -> None:
    session_id = international_session(event_file)
    housing = add_question(event_file, session_id, "Who pays for social housing?", votes=7,
                           author="Amina")
    digital = add_question(event_file, session_id, "Open data for every city?", votes=2)
    rejected = add_question(event_file, session_id, "Off topic rant", status="rejected")
    set_question_tags(event_file, housing, ["Housing our future", "SDG 11", "Q1"])
    set_question_tags(event_file, digital, ["SDG 11", "Putting people first in a digital era"])
    set_question_tags(event_file, rejected, ["SDG 11"])
    report = load_session_report(event_file, session_id, now=T0 + 3600)
    out = io.BytesIO()
    SummaryReport("A4").write_session(report, out)
    text = re.sub(r"\s+", " ", "\n".join(
        p.extract_text() for p in pypdf.PdfReader(io.BytesIO(out.getvalue())).pages))
    raised = text.split("What the audience raised")[1].split("Statistics")[0]
    assert "2 of 5 questions tagged" in raised  # 3 + 2 kept; the rejected one is not
    assert "Housing our future — 1 question" in raised
    assert "SDG 11: Sustainable cities and communities — 2 questions" in raised
    assert "Q1: How do cities finance housing? — 1 question" in raised
    assert "Who pays for social housing? (Amina; Votes: 7)" in raised
    assert "Off topic rant" not in raised
    # Notes' tags list the notes, not just a count; quotes have their own section.
    by_tag = text.split("Notes by tag")[1]
    assert "SDG 1: No poverty — 1 note" in by_tag
    assert "Create a municipal housing fund (Дмитрий Иванович Соколов)" in by_tag
    assert ReportText("en")("quotes") in text


@pytest.mark.parametrize(("given", "stored"), [
    (["Q1", " q1 "], ("Q1",)),                          # the tester's case: one tag
    (["q1", "Q1"], ("q1",)),                            # no list given: the first spelling
    (["Housing  our\tfuture", "HOUSING OUR FUTURE"], ("Housing our future",)),
    (["SDG\u202e 5", "sdg 5"], ("SDG 5",)),             # bidi override removed, then folded
    (["\u2066Zoning\u2069", "zoning"], ("Zoning",)),   # isolates removed
    (["Straße", "STRASSE"], ("Straße",)),               # casefold, not lower()
])
def test_tags_fold_to_one_whatever_their_case_and_hidden_characters(given, stored) -> None:
    assert clean_tags(given) == stored


def test_a_tag_matching_a_choice_takes_the_choices_spelling() -> None:
    known = ["Q1", "SDG 5", "Housing our future"]
    assert clean_tags([" q1 ", "sdg 5", "housing our FUTURE", "Zoning"], known) == (
        "Q1", "SDG 5", "Housing our future", "Zoning")


@pytest.mark.parametrize("tag", ["\u202e", "\u200b\u2066\u2069", "\u0301\u0301", "\u3164"])
def test_a_tag_empty_once_cleaned_is_refused(tag) -> None:
    with pytest.raises(ValueError, match="some text"):
        clean_tags(["SDG 5", tag])
    assert clean_tags(["SDG 5", "", "  "]) == ("SDG 5",)  # blank: nothing typed, left out


def test_the_laptops_tag_command_cleans_as_the_page_does(event_file: EventFile) -> None:
    """One rule for both: the laptop's command (actions.questions.set_tags) stores what
    clean_tags gives, the choices' spelling included."""
    from facilitator.actions.actor import LAPTOP
    from facilitator.actions.command import run
    from facilitator.actions.ids import QuestionId, SessionId
    from facilitator.actions.questions import set_tags
    from facilitator.store.question_tags import question_tags

    session_id = international_session(event_file)
    question = add_question(event_file, session_id, "Who pays for social housing?")
    run(event_file, LAPTOP, set_tags(SessionId(session_id), QuestionId(question),
                                     ["Q1", " q1 ", "sdg\u202e 5", "Zoning"]))
    assert question_tags(event_file, question) == ("Q1", "SDG 5", "Zoning")
