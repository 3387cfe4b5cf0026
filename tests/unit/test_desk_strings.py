"""The team desks' strings (resources/web/i18n/desk-*.json): every language has every key
the rapporteur's and co-moderator's pages ask for, so no page shows a bare key in one
language only."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from facilitator.core.polls import PollKind, PollState

WEB = Path(__file__).resolve().parents[2] / "resources" / "web"
LANGUAGES = ("en", "fr", "es", "ar", "zh", "ru")
PAGES = ("desk.js", "rapporteur.js", "co_moderator.js", "co_moderator_polls.js",
         "co_moderator_tags.js")


def strings(code: str) -> dict[str, str]:
    return json.loads((WEB / "i18n" / f"desk-{code}.json").read_text(encoding="utf-8"))


def asked_for() -> set[str]:
    """Keys named literally in the desks' scripts and pages (t("key"), data-i18n="key")."""
    keys: set[str] = set()
    for name in PAGES:
        keys |= set(re.findall(r'\bt\("([a-z0-9_]+)"[,)]', (WEB / name).read_text("utf-8")))
    for name in ("rapporteur.html", "co_moderator.html"):
        keys |= set(re.findall(r'data-i18n(?:-label|-placeholder)?="([a-z0-9_]+)"',
                               (WEB / name).read_text("utf-8")))
    # Keys made at run time: the poll kinds and states the co-moderator's page names.
    keys |= {f"state_{state.value}" for state in PollState}
    keys |= {f"kind_{kind.value}" for kind in PollKind if kind is not PollKind.RATING}
    keys |= {"kind_rating_5", "kind_rating_10"}
    keys |= {f"error_poll_{reason}" for reason in ("empty", "too_long", "kind", "options",
                                                    "scale", "invalid", "gone")}
    # A laptop's refusal by its reason (desk.js REASONS), and what became of a note kept
    # otherwise than sent (rapporteur.js), both named at run time.
    reasons = re.search(r"var REASONS = \[([^\]]*)\]", (WEB / "desk.js").read_text("utf-8"))
    assert reasons is not None
    keys |= {f"refused_{name}" for name in re.findall(r'"([a-z_]+)"', reasons.group(1))}
    keys |= {"note_speaker_removed", "note_session_removed"}
    return keys


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_language_has_every_key_the_desks_ask_for(code: str) -> None:
    missing = asked_for() - set(strings(code))
    assert not missing, f"desk-{code}.json lacks {sorted(missing)}"


# A count's forms (Desk.tn, Intl.PluralRules): each language has the forms its grammar has
# (English one/other, Russian one/few/many/other, Arabic all six), so they are compared by
# their base key.
PLURAL = re.compile(r"_(zero|one|two|few|many|other)$")


def base(key: str) -> str:
    return PLURAL.sub("", key)


@pytest.mark.parametrize("code", LANGUAGES[1:])
def test_every_language_has_the_same_keys_and_placeholders_as_english(code: str) -> None:
    english, other = strings("en"), strings(code)
    assert {base(k) for k in other} == {base(k) for k in english}
    placeholders = {base(k): set(re.findall(r"\{[a-z]+\}", text))
                    for k, text in english.items() if not PLURAL.search(k) or k.endswith("_other")}
    for key, text in other.items():
        found = set(re.findall(r"\{[a-z]+\}", text))
        # A form for exactly one (Arabic's "صوت واحد") may leave the number out.
        assert found == placeholders[base(key)] or (
            PLURAL.search(key) and found <= placeholders[base(key)]), (code, key)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_served_strings_name_every_sdg_as_the_printed_summary_does(code: str) -> None:
    from facilitator.audience.webfiles import WebFiles
    from facilitator.reports.report_text import ReportText

    served = json.loads(WebFiles.load(WEB).files[f"i18n/desk-{code}.json"].body)
    words = ReportText(code)
    assert {served[f"sdg_{n}"] for n in range(1, 18)} == {words.sdg(n) for n in range(1, 18)}
    assert {key: served[key] for key in strings(code)} == strings(code)  # the rest as written
