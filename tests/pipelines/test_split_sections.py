"""Heading lines and their outline (pipelines/split_sections.py)."""
from __future__ import annotations

import time

import pytest
from gold_structure import gold_sections, line_of, sample_text, score_lines
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.split_documents import split_documents
from pipelines.split_sections import HeadingSpan, split_sections


def heading_of(line: str) -> tuple[str | None, str, bool] | None:
    """(marker, title, inline_body) when the line is a heading inside a small report."""
    # Put the line after a numbered heading so unnumbered lines are judged mid-report.
    prefix = "一、基本情况\n全村共有农户326户。\n"
    headings = split_sections(prefix + line)
    last = headings[-1]
    if last.start != len(prefix):
        return None
    return last.marker, last.title, last.inline_body


@pytest.mark.parametrize(("line", "expected"), [
    ("二、例会制度的主要做法", ("二、", "例会制度的主要做法", False)),
    ("一、完善团组织机构。", ("一、", "完善团组织机构", False)),
    ("(一)高度重视,精心安排。镇党委于7月28日召开会议。", ("(一)", "高度重视,精心安排", True)),
    ("（二）强化责任，狠抓落实。", ("（二）", "强化责任，狠抓落实", False)),
    ("1、提高认识,明确例会制度的重要性。“三个代表”重要思想……", ("1、", "提高认识,明确例会制度的重要性", True)),
    ("2.推进“双培双带”,抓好队伍建设。各村支部要……", ("2.", "推进“双培双带”,抓好队伍建设", True)),
    ("(3)加强督查:每月通报一次。", ("(3)", "加强督查", True)),
    ("①组织学习。每周一次。", ("①", "组织学习", True)),
    ("一是落实好“三级书记”责任制。严格落实县委书记负总责。", ("一是", "落实好“三级书记”责任制", True)),
    ("五是抓制度建设 结合我村实际,制订了制度,实现长效管理。", ("五是", "抓制度建设", True)),
    ("第一支队伍是党委书记。党委书记认真履行职责。", ("第一支队伍是", "党委书记", True)),
    ("第六支队伍是全乡党员队伍。", ("第六支队伍是", "全乡党员队伍", False)),
    ("第二部分 2022年工作安排", ("第二部分", "2022年工作安排", False)),
    ("　　三、下一步工作计划", ("三、", "下一步工作计划", False)),
    # Unnumbered heading lines (DECISIONS 12).
    ("存在的问题:", (None, "存在的问题", False)),
    ("下半年工作打算,主要有以下三点:", (None, "下半年工作打算,主要有以下三点", False)),
    ("——落实好五项机制:", (None, "落实好五项机制", False)),
    ("今后三年的工作设想", (None, "今后三年的工作设想", False)),
    ("——创建县廉政文化进农村示范村申报材料", (None, "创建县廉政文化进农村示范村申报材料", False)),
])
def test_heading_lines(line: str, expected: tuple[str | None, str, bool]) -> None:
    assert heading_of(line) == expected


@pytest.mark.parametrize("line", [
    pytest.param("各位领导、团员、同志们:", id="salutation-ending-in-colon"),
    pytest.param("尊敬的各位来宾,", id="salutation-ending-in-comma"),
    pytest.param("下午好!", id="greeting"),
    pytest.param("现将有关情况汇报如下:", id="report-lead-in"),
    pytest.param("近年来,我村在镇党委的领导下,取得了以下成效:", id="long-lead-in-paragraph"),
    pytest.param("过去三年,我村团支部根据本村的实际情况,有计划地开展工作,现将有关工作情况总结如下:",
                 id="opening-paragraph-ending-in-colon"),
    pytest.param("我是村挂职支部书记袁绘", id="self-introduction"),
    pytest.param("虽然取得了成效,但也存在一些问题:一是台账需要完善。二是部分村还未建立。",
                 id="mid-line-二是"),
    pytest.param("城镇化必然带来大量村改居和城市化基础设施建设的全面铺开。", id="short-sentence"),
    pytest.param("收入较高。由于我镇经济实力较强,各村干部收入水平较高。", id="run-in-head"),
    pytest.param("看一批反腐倡廉图书和廉政漫画:村里在文化室专门设立了廉政书架专栏,供村民借阅。",
                 id="long-run-in-head-with-colon"),
    pytest.param("三、四月份完成了春耕备耕工作。", id="三、四月份-is-not-a-marker"),
    pytest.param("1.5公里的道路已经完成硬化。", id="decimal-is-not-a-marker"),
    pytest.param("2021年7月28日", id="date-line"),
    pytest.param("一、", id="bare-marker"),
    pytest.param("全村,共有,农户,326户,人口,1024人", id="comma-list-without-full-stop"),
    pytest.param("总户数\t326\t总人口\t1280", id="table-row"),
    pytest.param("基本情况\t村名", id="table-row-of-words"),
])
def test_not_heading_lines(line: str) -> None:
    assert heading_of(line) is None


REPORT = """\
工作汇报
——创建示范村申报材料
一、基本情况
全村共有农户516户。
二、主要做法
一是抓队伍组建。成立了宣传队。
二是抓阵地建设。建立了文化墙。
看一部反腐倡廉电教片
家庭助廉座谈会
三、存在的问题
1、资金不足。
2、人才缺乏。
下半年工作要点:
1、加强宣传。
2、完善制度。"""


def outline(text: str, start: int = 0, end: int | None = None) -> list[tuple]:
    headings = split_sections(text, start, end)
    return [(h.level, h.marker or h.title,
             None if h.parent is None else headings[h.parent].marker or headings[h.parent].title)
            for h in headings]


def test_levels_and_parents_follow_marker_nesting() -> None:
    assert outline(REPORT) == [
        (1, "工作汇报", None),
        (1, "创建示范村申报材料", None),          # part headings are level 1
        (2, "一、", "创建示范村申报材料"),
        (2, "二、", "创建示范村申报材料"),
        (3, "一是", "二、"),
        (3, "二是", "二、"),
        (3, "看一部反腐倡廉电教片", "二、"),      # an unnumbered item nests where it stands
        (3, "家庭助廉座谈会", "二、"),
        (2, "三、", "创建示范村申报材料"),
        (3, "1、", "三、"),
        (3, "2、", "三、"),
        (1, "下半年工作要点", None),             # ends in ':' -> a part, 1、 keeps its level
        (3, "1、", "下半年工作要点"),
        (3, "2、", "下半年工作要点"),
    ]


def test_a_style_seen_before_returns_to_its_level() -> None:
    text = "一、做法\n(一)组织\n1、学习\n(二)制度\n二、成效\n1、团结\n(一)满意"
    assert [h.level for h in split_sections(text)] == [1, 2, 3, 2, 1, 3, 2]


def test_section_ends_at_next_heading_of_same_or_higher_level() -> None:
    text = "一、做法\n正文。\n1、学习\n正文。\n2、制度\n二、成效\n正文。"
    headings = split_sections(text)
    ends = {h.marker: h.end for h in headings}
    assert [h.marker for h in headings] == ["一、", "1、", "2、", "二、"]
    assert headings[0].end == text.index("二、")
    assert headings[1].end == text.index("2、")
    assert headings[2].end == text.index("二、")
    assert ends["二、"] == len(text)


def test_offsets_are_in_text_coordinates_and_stay_inside_the_range() -> None:
    text = "一、前一篇\n正文。\n一、主要做法\n正文。\n二、存在问题\n正文。\n一、后一篇"
    start, end = text.index("一、主要做法"), text.index("一、后一篇")
    headings = split_sections(text, start, end)
    assert [(h.start, h.title) for h in headings] == [
        (start, "主要做法"), (text.index("二、存在问题"), "存在问题")]
    assert headings[-1].end == end


def test_only_line_start_markers_count() -> None:
    text = "二、存在的主要问题\n虽然取得了一定的成效,但也存在一些问题:一是台账还需完善。二是部分村还未建立。"
    assert [h.marker for h in split_sections(text)] == ["二、"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("一二三是第支队伍、.()（）①:：,，。!——\n 村汇报各位领导同志们12")
                                + ["\n一、", "\n(一)", "\n1.", "\n一是", "\n——"]),
                max_size=60).map("".join))
def test_any_text_gives_a_consistent_outline(text: str) -> None:
    headings = split_sections(text)
    for index, heading in enumerate(headings):
        assert heading.start == 0 or text[heading.start - 1] == "\n"
        assert heading.start < heading.end <= len(text)
        assert heading.level >= 1
        if heading.parent is not None:
            parent: HeadingSpan = headings[heading.parent]
            assert parent.level < heading.level
            assert parent.start < heading.start < parent.end
            assert heading.end <= parent.end
        later = headings[index + 1:]
        closer = next((h for h in later if h.level <= heading.level), None)
        assert heading.end == (closer.start if closer else len(text))


def test_huge_single_line() -> None:
    text = "一、" + "村集体经济收入达到15万元," * 1_500_000 + "。"
    began = time.perf_counter()
    headings = split_sections(text)
    assert time.perf_counter() - began < 5
    assert len(headings) == 1
    assert headings[0].end == len(text)


def test_dev_gold_headings_and_markers() -> None:
    text = sample_text()
    predicted = [h for span in split_documents(text)
                 for h in split_sections(text, span.start, span.end)]
    by_line = {line_of(text, h.start): h for h in predicted}
    gold = list(gold_sections())
    score = score_lines([row["line"] for row in gold], list(by_line))
    assert score.f1 >= 0.95, (score.missed_lines, score.extra_lines)
    matched = [row for row in gold if row["line"] in by_line]
    marker_ok = sum(by_line[row["line"]].marker == row["marker"] for row in matched)
    title_ok = sum(by_line[row["line"]].title == row["title"] for row in matched)
    inline_ok = sum(by_line[row["line"]].inline_body == row["inline_body"] for row in matched)
    assert marker_ok / len(matched) >= 0.95
    assert title_ok / len(matched) >= 0.9
    assert inline_ok / len(matched) >= 0.9
