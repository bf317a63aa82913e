"""What a figure's frame adds to its subject (extractors/subject_frames.py): a share's base,
a rate's change, bare households and people, parts of a broken-down whole.

Sentences written from the language of work reports, extracted with the pkuseg segmenter;
each row lists (fact text, subject) for every fact of the sentence, in order.
"""
from __future__ import annotations

import pytest

from extractors.base import Measure
from extractors.subject_frames import (PriorFigure, change_word, column_header, households_subject, names_people,
                                       people_subject, share_frame, share_subject)

ROWS = [
    # a share: its part and the base 占 names; a part named before 占 keeps it
    ("有团员45名，占青年总数的30%。", [("45名", "团员"), ("30%", "团员占青年总数")]),
    ("其中种植业占60%，养殖业占40%。", [("60%", "种植业占"), ("40%", "养殖业占")]),
    # shares listed after one frame: each of the respective figure before it
    ("有200户通电，180户通自来水，分别占总户数的100%和90%。",
     [("200户", "通电户数"), ("180户", "通自来水户数"), ("100%", "通电户数占总户数"),
      ("90%", "通自来水户数占总户数")]),
    # a rate of change is of the change; a level reached (提升至) is none
    ("农民人均纯收入增长9%，财政收入增长了12%。", [("9%", "农民人均纯收入增长"), ("12%", "财政收入增长")]),
    ("群众满意度提升至96%。", [("96%", "群众满意度")]),
    # bare households and people (the example), then people of a group of households
    ("村辖4个组，共210户，780人。", [("4个", "村辖"), ("210户", "户数"), ("780人", "人口")]),
    ("其中低保户12户30人。", [("12户", "低保户"), ("30人", "低保人口")]),
    # traditional script: the nouns put together are written in it
    ("全村共970戶、3984人。", [("970戶", "戶數"), ("3984人", "人口")]),
    # a phrase naming no people: its 人员; one naming them stays
    ("返乡137人，其中党员5人。", [("137人", "返乡人员"), ("5人", "党员")]),
    ("人口密度：160人/平方公里", [("160人", "人口密度")]),
    # parts of a whole of people after 其中: classes of it, their ages
    ("村委会成员共计9人，其中，男6人，女3人。", [("9人", "村委会成员"), ("6人", "男村委会成员"), ("3人", "女村委会成员")]),
    ("全村共有党员56名，其中女党员12名，35岁以下的9名。",
     [("56名", "党员"), ("12名", "女党员"), ("35岁以下", "党员年龄"), ("9名", "35岁以下党员")]),
    # a line break inside a sentence does not end the paragraph the whole heads
    ("村委会成员共计9人，其中，男6人，占\n66.7%；女3人。",
     [("9人", "村委会成员"), ("6人", "男村委会成员"), ("66.7%", "男村委会成员"), ("3人", "女村委会成员")]),
    # a list after a colon: the classes of the total stated before it
    ("村民委员会共有委员7人。年龄结构：35岁以下2人，36至50岁5人。",
     [("7人", "委员"), ("35岁以下", "年龄结构"), ("2人", "35岁以下委员"), ("36至50岁", "委员年龄"), ("5人", "36至50岁委员")]),
    # the people a topic names (从党员的年龄看)
    ("从党员的年龄看，35岁以下的占20%，60岁以上的占35%。",
     [("35岁以下", "党员年龄"), ("20%", "35岁以下党员"), ("60岁以上", "党员年龄"), ("35%", "60岁以上党员")]),
    # ... over a line break inside the sentence too (a wrapped line read as it is)
    ("从党员的年龄看，25岁以下的占3.7%，\n46-55岁的占22%。",
     [("25岁以下", "党员年龄"), ("3.7%", "25岁以下党员"), ("46-55岁", "党员年龄"), ("22%", "46-55岁党员")]),
    # parts of an amount after 其中 or in brackets after it: of its head noun; not after them
    ("耕地面积1200亩，其中水田800亩，旱地400亩。", [("1200亩", "耕地面积"), ("800亩", "水田面积"), ("400亩", "旱地面积")]),
    ("农作物受灾面积3000亩(水稻2000亩，玉米1000亩)，林地500亩。",
     [("3000亩", "农作物受灾面积"), ("2000亩", "水稻面积"), ("1000亩", "玉米面积"), ("500亩", "林地")]),
    ("耕地面积1200亩，林地800亩。", [("1200亩", "耕地面积"), ("800亩", "林地")]),
    ("村集体经济总收入50万元，其中：经营性收入30万元。", [("50万元", "村集体经济总收入"), ("30万元", "经营性收入")]),
    # a length right after a count of things measures them
    ("冲毁堤坝3处150米。", [("3处", "冲毁堤坝"), ("150米", "冲毁堤坝")]),
    # a table: a cell a figure opens takes its column's header (tabs or rules between cells);
    # a cell with words of its own before the figure keeps them; label-value rows stay as read
    ("村名\t户数\t人口\t耕地面积\n李家村\t120户\t450人\t800亩\n王家村\t98户\t390人\t650亩",
     [("120户", "户数"), ("450人", "人口"), ("800亩", "耕地面积"), ("98户", "户数"), ("390人", "人口"), ("650亩", "耕地面积")]),
    ("村名 | 户数 | 耕地面积\n李家村 | 120户 | 800亩", [("120户", "户数"), ("800亩", "耕地面积")]),
    ("村名\t耕地\n李家村\t水田800亩", [("800亩", "水田")]),
    ("村名\t李家村\t耕地面积\t3200亩", [("3200亩", "耕地面积")]),
    # a label before a colon names the figure after it (copied as written, a pinyin gloss
    # too: GUIDELINE); a label after the figure is the next one's
    ("面积：14平方公里", [("14平方公里", "面积")]),
    ("人口數(shù)量:1393人", [("1393人", "人口數(shù)量")]),
    ("人口总数：2401人农业人口：2350人", [("2401人", "人口总数"), ("2350人", "农业人口")]),
]


@pytest.mark.parametrize(("sentence", "expected"), ROWS)
def test_subject_frames(extract_report, sentence, expected):
    facts = extract_report("某村工作汇报\n" + sentence)
    assert [(f.text, f.subject) for f in facts] == expected


@pytest.mark.parametrize(("text", "base", "index", "count"), [
    ("占农户总数的89%", "农户总数", 0, 1),
    ("分别占总数的60%和40%", "总数", 1, 2),
    ("占比74%", "比", 0, 1),
    ("占到46%", "", 0, 1),
])
def test_share_frame(text, base, index, count):
    start = [i for i, c in enumerate(text) if c.isdigit() and (i == 0 or not text[i - 1].isdigit())][index]
    frame = share_frame(text, start, 0)
    assert (frame.base, frame.index, frame.count) == (base, index, count)


@pytest.mark.parametrize("text", ["占地30亩", "完成率98%", "耕地面积3200亩"])
def test_no_share_frame(text):
    assert share_frame(text, len(text) - 3, 0) is None


@pytest.mark.parametrize(("part", "base", "named", "subject"), [
    ("女党员", "总数", False, "女党员占总数"),
    ("种植业", "", True, "种植业占"),
    ("男村委会成员", "", False, "男村委会成员"),  # a part not named before 占: no 占 of its own
])
def test_share_subject(part, base, named, subject):
    assert share_subject(part, base, named) == subject


@pytest.mark.parametrize(("before", "word"), [
    ("农民人均纯收入增长", "增长"), ("增长了", "增长"), ("增幅", "增幅"), ("增 长", "增长"),
    ("提升至", None), ("人均纯收入", None),
])
def test_change_word(before, word):
    assert change_word(before + "9%", len(before), 0) == word


@pytest.mark.parametrize(("subject", "households"), [
    (None, "户数"), ("脱贫", "脱贫户数"), ("返乡人员", "返乡人员户数"), ("贫困户", "贫困户"), ("農戶", "農戶"),
])
def test_households_subject(subject, households):
    assert households_subject(subject) == households


@pytest.mark.parametrize(("subject", "before", "people"), [
    (None, [], "人口"),
    ("户数", ["户数"], "人口"),
    ("贫困户", ["贫困户"], "贫困人口"),
    ("脱贫户数", ["脱贫户数"], "脱贫人口"),
    ("武汉返回", [], "武汉返回人员"),
    ("参合人数", [], "参合人数"),  # names people already
    ("党员", [], "党员"),
])
def test_people_subject(subject, before, people):
    assert people_subject(subject, before) == people


@pytest.mark.parametrize(("phrase", "people"), [
    ("村委会成员", True), ("选民", True), ("村党支部书记", True), ("党员", True),
    ("男", False), ("女", False), ("35岁以下的", False), ("连选连任", False), (None, False),
])
def test_names_people(phrase, people):
    assert names_people(phrase) is people


def test_prior_figure_is_shared():
    from extractors.subject import PriorFigure as Reexported
    assert Reexported is PriorFigure
    assert PriorFigure(3, "population", Measure.PEOPLE, "person", "党员").subject == "党员"


def test_a_total_said_with_gongyou_is_the_whole_before_one_said_with_you(extract_report):
    facts = extract_report("某村工作汇报\n村民委员会共有委员7人。有党员5人;年龄结构:35岁以下2人。\n")
    assert [(f.text, f.subject) for f in facts][-1] == ("2人", "35岁以下委员")


@pytest.mark.parametrize(("text", "figure", "header"), [
    ("村名\t户数\t人口\n李家村\t120户\t450人", "450人", "人口"),
    ("村名\t户数\n王家村\t98户\n李家村\t120户", "120户", "户数"),  # rows of figures between: the header above them
    ("全村共有农户326户，人口1200人。", "1200人", None),  # no table
    ("村名\t户数\n李家村\t120户\t450人", "450人", None),  # a row of more cells than any line above
])
def test_column_header(text, figure, header):
    assert column_header(text, text.index(figure)) == header
