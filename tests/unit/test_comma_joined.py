"""A speaker's role and organisation, or a question's author and organisation, joined
with the comma of the script around it.

Found on the podium page: "وزير الإسكان والتنمية الحضرية, المملكة" — a Latin comma in the
middle of an Arabic line. Arabic, Persian and Urdu write "،"; every other script here keeps
", ", and a join between two scripts too (the comma belongs to neither).
"""

from __future__ import annotations

import pytest

from facilitator.core.model import Person, comma_joined


@pytest.mark.parametrize("left, right, line", [
    ("Mayor", "City of Lyon", "Mayor, City of Lyon"),
    ("وزير الإسكان", "المملكة", "وزير الإسكان، المملكة"),            # Arabic
    ("شهردار", "شهرداری تهران", "شهردار، شهرداری تهران"),           # Persian
    ("میئر", "کراچی میٹروپولیٹن", "میئر، کراچی میٹروپولیٹن"),          # Urdu
    ("وزير (2)", "«المملكة»", "وزير (2)، «المملكة»"),                # marks around the words
    ("ראש העיר", "עיריית חיפה", "ראש העיר, עיריית חיפה"),           # Hebrew writes ","
    ("महापौर", "नगर निगम", "महापौर, नगर निगम"),                       # Devanagari
    ("市长", "上海市", "市长, 上海市"),
    ("وزير", "Ministry of Housing", "وزير, Ministry of Housing"),   # two scripts
    ("Minister", "وزارة الإسكان", "Minister, وزارة الإسكان"),
    ("", "المملكة", "المملكة"),
    ("وزير", "", "وزير"),
    ("", "", ""),
])
def test_the_comma_is_the_scripts_own(left, right, line) -> None:
    assert comma_joined(left, right) == line
    assert Person(name="x", role=left, organisation=right).affiliation == line


def test_three_parts_each_join_by_its_neighbours() -> None:
    assert comma_joined("وزير", "المملكة", "UN-Habitat") == "وزير، المملكة, UN-Habitat"
