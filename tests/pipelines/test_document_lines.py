"""What each line of a compilation is for document boundaries (pipelines/document_lines.py)."""
from __future__ import annotations

import pytest

from pipelines.document_lines import classify_lines


def kind_of(line: str):
    return classify_lines(line)[1][0]


@pytest.mark.parametrize(("line", "flag", "value"), [
    # prose or not: a sentence, a long line or a clause long enough; not a headline or a field
    ("全村共有农户326户。", "body", True),
    ("白沙镇严防死守,确保疫情零输入", "body", False),
    ("项目类别:种植养殖类", "body", False),
    ("一、基本情况", "body", True),                     # a numbered heading ends a report's head
    # a headline: words, no prose, no "label: value"
    ("白沙镇多措并举抓好春耕生产", "headline", True),
    ("项目类别:种植养殖类", "headline", False),
    ("——2021", "headline", False),
    # titles
    ("东山村村情简介", "title", True),
    ("简介", "title", False),                          # the genre alone heads a section
    ("青石县:白沙镇", "title", True),
    ("青石县:白沙镇", "place_only", True),
    ("村级换届选举工作总结篇一", "title", True),
    ("乡镇防汛工作总结最新 3 篇", "title", True),
    ("青石村道路硬化实施方案 白沙镇青石村位于县境东部,全村共有农户326户。", "title", True),
    ("政府工作报告g0M乡村网--为乡村振兴助力", "title", True),
    ("政 府 工 作 报 告", "title", True),
    ("下一步工作打算", "title", False),
    # pinyin glosses are read past
    ("村级换(huàn)届(jiè)选举工作总结", "title", True),
    # openings
    ("2018年,红河县粮食总产量再创新高。", "date_lead", True),
    ("2018年,全县粮食总产量再创新高。", "date_lead", False),     # the year, no place named
    ("2022年,我们将继续巩固脱贫成果。", "date_lead", False),
    ("红河县2018年粮食总产量再创新高。", "date_lead", False),
    ("基本情况", "opening_section", True),
    ("一、基本情况", "opening_section", True),
    ("二、基本情况", "opening_section", False),
    ("2016年3月,我被县委组织部选派到青石村任第一书记。", "self_intro", True),
])
def test_line_kind(line: str, flag: str, value: bool) -> None:
    assert getattr(kind_of(line), flag) is value


def test_a_numbered_entry_headed_by_a_place_has_it_as_topic() -> None:
    kind = kind_of("17、青石村 青石村位于白沙镇东部,全村共有农户326户。")
    assert kind.topic is not None and kind.topic.name == "青石村"
    assert kind_of("17、加强基础设施建设 新修道路5公里。").topic is None


def test_prose_broken_off_mid_sentence_is_unfinished_unless_wrapped() -> None:
    broken = "全村共有耕地2100亩,其中水田800亩,旱地1300亩,主要种植水稻、油菜和\n东山村位于青石镇东部。\n"
    assert classify_lines(broken)[1][0].unfinished
    assert not classify_lines("全村共有耕地2100亩,其中水田800亩。\n东山村位于青石镇东部。\n")[1][0].unfinished
    # a list of short words (a page's contents) is no prose
    assert not classify_lines("简介,村落组成,产业状况,土地利用,基础设施,社会事业,\n简介\n")[1][0].unfinished
    # a paragraph hard-wrapped at one width: its lines are cut by the width, not broken off
    wrapped = "\n".join(["全镇上下在县委县政府的坚强领导下,紧紧围绕年初确定的",
                         "目标任务,凝心聚力,真抓实干,各项工作取得了新的成效",
                         "经济发展稳中有进,社会事业全面进步,人民生活不断改善",
                         "群众的获得感幸福感安全感进一步增强。"])
    assert not any(kind.unfinished for kind in classify_lines(wrapped)[1])


@pytest.mark.parametrize(("text", "breaks"), [
    # a blank line after lines that had none, and none after lines that each had one
    ("一\n二\n三\n四\n\n五\n六", [False, False, False, False, True, False]),
    ("一\n\n二\n\n三\n\n四\n五\n六", [False, False, False, False, True, False]),
    ("一\n\n二\n\n三\n\n四\n\n五", [False, False, False, False, False]),
])
def test_layout_breaks(text: str, breaks: list[bool]) -> None:
    assert [kind.layout_break for kind in classify_lines(text)[1]] == breaks
