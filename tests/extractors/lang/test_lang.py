"""The language layer's derived names are what their parts say."""
import re

import pytest

from extractors.lang import numerals, places, punctuation, subjects
from extractors.lang.punctuation import char_class


@pytest.mark.parametrize("parts, ranges, negate, inside, outside", [
    (("。!?", "\n"), "", False, "。!?\n", "，a"),
    (("-]^\\",), "0-9", False, "-]^\\5", "a"),
    ((punctuation.COMMAS,), "", True, "a。", ",，"),
])
def test_char_class_matches_exactly_its_parts(parts, ranges, negate, inside, outside):
    pattern = re.compile(char_class(*parts, ranges=ranges, negate=negate))
    assert all(pattern.fullmatch(c) for c in inside)
    assert not any(pattern.fullmatch(c) for c in outside)


def test_place_suffixes_and_levels_agree():
    assert set(places.RANK) <= set(places.LEVELS)
    assert places.SUFFIX_CHARS == frozenset("村镇乡县区市")
    assert places.LEVEL_CHARS == places.SUFFIX_CHARS | {"省"}
    assert re.fullmatch(places.SUFFIX_SOURCE, "街道") and re.fullmatch(places.SUFFIX_SOURCE, "村")
    assert set(places.SUFFIX_STARTS_WORD) == places.SUFFIX_CHARS


def test_numeral_characters_cover_every_digit_and_magnitude():
    for table in (numerals.CN_DIGITS, numerals.CN_SMALL_UNITS, numerals.CN_BIG_UNITS):
        assert set(table) <= numerals.CN_NUMERAL_CHARS
    assert set(numerals.PLAIN_CN_NUMERALS) <= numerals.CN_NUMERAL_CHARS


def test_subject_words_build_on_places_and_change_verbs():
    assert subjects.ADMIN_UNITS == places.SUFFIX_CHARS | {"组"}
    assert subjects.CHANGE_VERBS <= subjects.FOLLOWING_STOP
