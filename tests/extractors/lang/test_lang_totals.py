"""The language of wholes and parts: lists load with examples that use them, the share
qualifiers mean what lang.qualifiers says, and the derived sets are the unions of their parts."""
from __future__ import annotations

import pytest

from extractors.lang import totals as t
from extractors.lang.numerals import APPROX_MARKS, CN_NUMERAL_CHARS
from extractors.lang.places import LEVEL_CHARS
from extractors.lang.qualifiers import LEADING_QUALIFIERS, TRAILING_QUALIFIERS
from extractors.lang.wordlists import DATA
from schemas import Qualifier


def _rows(name: str) -> list[list[str]]:
    text = (DATA / f"{name}.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@pytest.mark.parametrize(("name", "words"), [
    ("not_among_before", t.NOT_AMONG_BEFORE), ("not_among_after", t.NOT_AMONG_AFTER),
    ("share_lead_trailers", t.LEAD_TRAILERS),
])
def test_a_list_file_gives_the_words_and_each_example_uses_its_word(name, words):
    rows = _rows(name)
    assert {word for word, *_ in rows} == set(words) and len(rows) == len(words)
    assert all(word in example for word, example, *_ in rows)


@pytest.mark.parametrize(("words", "position"), [(t.NOT_AMONG_BEFORE, -1), (t.NOT_AMONG_AFTER, 0)])
def test_the_not_among_words_have_among_where_the_check_looks(words, position):
    assert all(len(word) == 2 and word[position] == t.AMONG for word in words)


@pytest.mark.parametrize("words", [
    t.TOTAL_WORDS, t.GENERIC_TOTAL_WORDS, t.ALL_WORDS, t.NOT_TOTAL_BEFORE, t.NOT_TOTAL_AFTER, t.SUM_TAILS,
    t.PART_PREFIXES, t.REST_WORDS, t.PENDING_WORDS, t.PLAN_WORDS, t.OVERLAP_WORDS, t.SHARE_VERBS,
    t.KEPT_AT_START, t.RATIO_WORDS,
])
def test_a_word_tuple_has_words_each_once(words):
    assert words and all(words) and len(set(words)) == len(words)


def test_share_qualifiers_mean_what_the_qualifier_lists_say():
    assert all(LEADING_QUALIFIERS[w] == q for w, q in t.SHARE_LEAD_QUALIFIERS)
    assert all(TRAILING_QUALIFIERS[w] == q for w, q in t.SHARE_TRAILING_QUALIFIERS)
    assert t.NEARLY_QUALIFIER == Qualifier.NEARLY
    # Found anywhere in a lead: a longer word is looked for before a word inside it (大约, 约).
    lead = [w for w, _ in t.SHARE_LEAD_QUALIFIERS]
    assert all(lead.index(a) < lead.index(b) for a in lead for b in lead if b in a and a != b)


def test_the_derived_sets_are_the_unions_of_their_parts():
    assert t.FIGURE_CHARS == CN_NUMERAL_CHARS | set(APPROX_MARKS) | set(".．") | {"个"}
    assert t.FIGURE_CHARS >= set("个余多.十百千万零一二两三四五六七八九")  # what the checks read before
    assert t.PLACE_CHARS == LEVEL_CHARS == set("乡镇村市县区省")


def test_complementary_modifiers_are_pairs_that_share_nothing():
    assert all(len(pair) == 2 for pair in t.COMPLEMENTARY)
    assert len(set().union(*t.COMPLEMENTARY)) == 2 * len(t.COMPLEMENTARY)
