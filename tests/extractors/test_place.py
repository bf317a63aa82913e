"""Place attribution (extractors/place.py): the report's named place by default, a place
named in the sentence when there is one, none for a whole city or no name.

Short reports written from the language of work reports (no place of the sample),
extracted with the pkuseg segmenter; each row lists (fact text, place) for every fact.
"""
from __future__ import annotations

import pytest


ROWS = [
    ("张家湾村2023年工作总结\n张家湾村位于县城东部，全村共有农户356户，人口1280人。",
     [("356户", "张家湾村"), ("1280人", "张家湾村")]),
    # a village named in the sentence wins over the report's township
    ("青石镇2023年工作汇报\n青石镇辖12个行政村，总人口3.2万人。其中李家庄村有耕地2300亩。",
     [("12个行政村", "青石镇"), ("3.2万人", "青石镇"), ("2300亩", "李家庄村")]),
    # a count of units is about the place just above them: village groups of a village,
    # villages of a township, townships of a county (全县 says so itself)
    ("龙泉镇2023年工作总结\n桃花村位于龙泉镇西部，辖6个村民小组。", [("6个村民小组", "桃花村")]),
    ("清水县2023年工作总结\n全县辖17个乡镇，其中青石镇辖12个行政村，全县村民小组1860个。",
     [("17个乡镇", "清水县"), ("12个行政村", "青石镇"), ("1860个", "清水县")]),
    # 我村 in a 述职报告 refers to the village the speaker named
    ("述职报告\n我叫王明，现任红旗村党支部书记。我村共有党员46名。", [("46名", "红旗村")]),
    # a verb taking office before 村 and a post is no place name (起任村, 当选村)
    ("述职报告\n本人2011年起任村党支部书记，2018年当选村委会主任。全村共有党员36名。", [("36名", None)]),
    ("述职报告\n我叫王明，2019年起任红旗村党支部书记。我村共有党员46名。", [("46名", "红旗村")]),
    # a name masked with one * is a place too, its subject is what follows the name
    ("关于*村建设情况的报告\n*村有耕地面积*亩，东邻*镇。", [("*亩", "*村")]),
    # what a count counts is a kind of place, not a name
    ("社区工作总结\n将辖区划分为14个责任区，公选出楼栋长106名。", [("14个", None), ("106名", None)]),
    # the whole city: no place
    ("关于全市农村工作的报告\n全市共有行政村860个，农村人口120万人。", [("860个", None), ("120万人", None)]),
]


@pytest.mark.parametrize(("report", "expected"), ROWS)
def test_place(extract_report, report, expected):
    assert [(f.text, f.place) for f in extract_report(report)] == expected
