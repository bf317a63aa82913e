"""The punctuation variants the pipelines read are the unions of the shared parts."""
from __future__ import annotations

import re

import pytest

from extractors.lang import punctuation as p

VARIANTS = [
    (p.LINE_START_BLANKS, (p.SPACES, p.BOM)),
    (p.SENTENCE_OR_COLON, (p.SENTENCE_FINAL, p.COLONS)),
    (p.CLAUSE_FINAL, (p.SENTENCE_FINAL, p.COMMAS, p.COLONS)),
    (p.SENTENCE_BREAKS, (p.SENTENCE_FINAL, "\n")),
    (p.CLAUSE_BREAKS, (p.SENTENCE_FINAL, "\n", p.COMMAS, p.COLONS)),
    (p.ITEM_BREAKS, (p.SENTENCE_FINAL, "\n", p.COMMAS, p.COLONS, p.LIST_COMMA, p.OPEN_BRACKETS, p.CLOSE_BRACKETS)),
    (p.PARAGRAPH_FINAL, (p.SENTENCE_FINAL, p.COLONS, p.ELLIPSIS, "”」』", p.CLOSE_BRACKETS)),
]


@pytest.mark.parametrize(("variant", "parts"), VARIANTS)
def test_a_variant_is_the_union_of_its_parts(variant, parts):
    assert set(variant) == set().union(*parts)
    assert len(set(variant)) == len(variant)  # each character once


@pytest.mark.parametrize(("subset", "whole"), [
    (p.WORD_SPACES, p.SPACES), (p.EXCLAMATIONS, p.SENTENCE_FINAL), ("”」』", p.CLOSE_QUOTES),
    (p.SEMICOLONS, p.SENTENCE_FINAL),
])
def test_a_narrower_class_is_part_of_the_wider_one(subset, whole):
    assert set(subset) <= set(whole)


@pytest.mark.parametrize(("chars", "inside", "outside"), [
    (p.DOTS, "3.5 12．6", "。"), (p.DASHES, "——落实好 －─", "一"), (p.WORD_SPACES, " \u3000", "\t\u00a0"),
])
def test_a_character_class_of_the_parts_matches_what_it_names(chars, inside, outside):
    pattern = re.compile(p.char_class(chars))
    assert pattern.search(inside)
    assert not any(pattern.match(c) for c in outside)
