"""A right-to-left name inside an English (French, Spanish) line of the projector keeps its
own direction: when the line is cut, the "…" stands at the name's cut end, not after the
first word a reader of Arabic or Hebrew reads."""

from __future__ import annotations

import pytest
from bidi import get_display

from facilitator.core.timer import Level
from facilitator.gui.projector import StageReading
from facilitator.gui.user_text import isolated

ARABIC = "معالي السيدة ميمونة محمد شريف، وكيلة الأمين العام والمديرة التنفيذية لموئل الأمم المتحدة"
HEBREW = "פרופסור אביטל לוי־רוזנברג, סגנית ראש העירייה לתכנון עירוני ולתחבורה ציבורית בתל אביב"
LATIN = "H.E. Ms. Maimunah Mohd Sharif, Under-Secretary-General and Executive Director"


def next_line(qtbot, projector, name: str) -> str:
    projector.resize(1280, 720)
    projector.show_reading(StageReading(session_title="Panel", speaker="Ada", clock="1:00",
                                        level=Level.NORMAL, next_speaker=name))
    qtbot.wait(10)
    return projector.next_label.text()


@pytest.mark.parametrize("name", [ARABIC, HEBREW])
def test_the_cut_of_a_right_to_left_name_is_at_its_left(qtbot, projector, name):
    shown = next_line(qtbot, projector, " ".join([name] * 3))
    assert "…" in shown
    seen = get_display(shown, base_dir="L")  # left to right, as on the screen
    letters = [i for i, char in enumerate(seen) if char.isalpha() and not char.isascii()]
    # "Next:" on the left, then the ellipsis, then the name's letters.
    assert seen.index("…") < min(letters), seen


def test_the_cut_of_a_left_to_right_name_is_at_its_right(qtbot, projector):
    shown = next_line(qtbot, projector, " ".join([LATIN] * 3))
    seen = get_display(shown, base_dir="L")
    assert seen.rstrip("\u2069").endswith("…"), seen


@pytest.mark.parametrize("name", [ARABIC[:20], HEBREW[:20], "Ana Souza", "محمد 13"])
def test_a_short_name_is_shown_whole_as_one_unit(qtbot, projector, name):
    assert next_line(qtbot, projector, name) == f"Next: {isolated(name)}"


def test_isolated():
    assert isolated("") == ""
    assert isolated("Ana") == "\u2068Ana\u2069"
