"""The heading and opening language: every word list loads, every regex source reads what it names."""
from __future__ import annotations

import re

import pytest

from extractors.lang import headings as h
from extractors.lang.wordlists import DATA

WORD_TUPLES = [
    h.PART_WORDS, h.NUMERAL_LIST_WORDS, h.ADDRESS_OPENERS, h.ADDRESSEES, h.ADDRESS_ALONE, h.GREETED,
    h.TIMES_OF_DAY, h.SPEAKER_POSTS, h.DELIVERY_WORDS, h.APPOINTMENT_WORDS, h.PREFACE_WORDS, h.REPORT_WORDS,
    h.TITLE_GENRES, h.PLAN_GENRES, h.ORGANISATION_WORDS, h.TITLE_JOINERS, h.SINCE_PHRASES, h.DIRECTIVE_HEADS,
    h.DIRECTIVE_WORDS, h.PLACE_VERBS,
]


@pytest.mark.parametrize("words", WORD_TUPLES)
def test_a_word_list_has_words_each_once(words):
    assert words and all(words) and len(set(words)) == len(words)


def test_each_speaker_post_has_an_example_that_uses_it():
    rows = [line.split("\t") for line in (DATA / "speaker_posts.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert tuple(word for word, *_ in rows) == h.SPEAKER_POSTS
    assert all(word in example for word, example, *_ in rows)


def test_circled_numerals_run_from_1_to_20():
    assert [ord(c) - ord("①") + 1 for c in h.CIRCLED_NUMERALS] == list(range(1, 21))


@pytest.mark.parametrize(("source", "matches", "misses"), [
    (h.SALUTATION, ["各位领导、同志们:", "尊敬的各位来宾,"], ["各位领导、同志们:今天。", "同志们好"]),
    (h.GREETING, ["下午好!", "大家好", "同志们上午好。"], ["下午好啊"]),
    (h.SELF_INTRODUCTION, ["我是五沙村党支部书记", "我叫王强", "下面,我代表村两委作报告", "受镇党委委托",
                           "本人现任村主任"], ["我是一名共产党员", "我是村民。书记"]),
    (h.PREFACE, ["前言:", "编者按"], ["前言部分"]),
    (h.REPORT_LEAD_IN, ["现将工作汇报如下", "作如下汇报", "介绍如下"], ["如下图"]),
    (h.LINE_LEAD_IN, ["现将有关情况汇报如下:", "以下汇报三点"], ["如下图所示"]),
    (f"{h.DATE_CHARS}+$", ["2021年12月30日", "二〇二一年十二月", "2025.1.17"], ["2021年工作总结"]),
    (h.TITLE_ANCHOR, ["关于开展工作的报告", "五沙村", "巴彦苏木", "党支部"], ["工作总结"]),
    (h.OPENERS[0], ["近年来,", "2021年以来,"], ["以来", "近年来全村"]),
    (h.OPENERS[1], ["按照县委部署"], ["按照。部署"]),
    (h.OPENERS[2], ["五沙村位于", "我村地处", "八里台镇是"], ["村民是"]),
    (h.OPENERS[3], ["2008年是脱贫攻坚之年"], ["2008年,是之年"]),
    (h.OPENER_ANYWHERE, ["X村是X镇所辖的", "汇报如下"], ["所属"]),
])
def test_a_regex_source_matches_what_it_names(source, matches, misses):
    pattern = re.compile(source)
    assert all(pattern.search(text) for text in matches), [t for t in matches if not pattern.search(t)]
    assert not any(pattern.match(text) for text in misses), [t for t in misses if pattern.match(t)]


def test_one_of_escapes_and_keeps_the_order():
    assert h.one_of(("发言", "发言稿", "a.b")) == r"(?:发言|发言稿|a\.b)"
