"""Shares against part ÷ whole: the whole a share names (pipelines/check_shares.py)."""
from __future__ import annotations

import pytest
from test_check import AGE, H, M, P, R, assert_checks, make_document

from pipelines.check import check_document

# (id, text, marks, expected [(kind, stated, computed)])
CASES = [
    # the base names a figure of the document, not the one before the share
    ("named-base-earlier-sentence", "全乡有党员300名,其中农村党员200名。女党员30名,占农村党员的15%。",
     [P("300名", 300), P("200名", 200), P("30名", 30), R("15%", 15)], [("sum_ok", 300, 200), ("ratio_ok", 15, 15.0)]),
    ("named-base-not-a-subgroup",
     "农村党支部党员500名,男党员400名,女党员100名,占农村党员的20%,初中学历的党员300名,占农村党员的60%,"
     "60岁以上的党员150名,占农村党员的30%。",
     [P("500名", 500), P("400名", 400), P("100名", 100), R("20%", 20), P("300名", 300), R("60%", 60),
      AGE("60岁", 60), P("150名", 150), R("30%", 30)],
     [("ratio_ok", 20, 20.0), ("ratio_ok", 60, 60.0), ("ratio_ok", 30, 30.0)]),
    ("named-total-ends-the-words", "全村总人口3000人,总人口中劳动力1800人,外出务工800人,占全村总人口的26.7%。",
     [P("3000人", 3000), P("1800人", 1800), P("800人", 800), R("26.7%", 26.7)], [("ratio_ok", 26.7, 26.7)]),
    # the figure a base names is of the share's own year
    ("named-base-of-the-same-year",
     "2013年,党员总数8668万名。2014年,党员总数为8779万名。具有大专以上学历的党员,2013年为3606万名,占党员总数的41.6%。",
     [P("8668万名", 86680000), P("8779万名", 87790000), P("3606万名", 36060000), R("41.6%", 41.6)],
     [("ratio_ok", 41.6, 41.6)]),
    ("named-total-after-a-colon-line", "农村经济总收入400万元,其中:\n种植业收入300万元,占总收入的75%;",
     [M("400万元", 4000000), M("300万元", 3000000), R("75%", 75)], [("ratio_ok", 75, 75.0)]),
    # shares stated together are of as many figures before them, in order
    ("respectively-ok", "全村现有农户420户。有412户通电,有300户通自来水(分别占农户总数的98%和71.4%)。",
     [H("420户", 420), H("412户", 412), H("300户", 300), R("98%", 98), R("71.4%", 71.4)],
     [("ratio_ok", 98, 98.1), ("ratio_ok", 71.4, 71.4)]),
    ("respectively-more-than-all", "全村现有农户400户。有410户通电,有200户通电视(分别占农户总数的100%和50%)。",
     [H("400户", 400), H("410户", 410), H("200户", 200), R("100%", 100), R("50%", 50)],
     [("ratio_mismatch", 100, 102.5), ("ratio_ok", 50, 50.0)]),
    ("respectively-of-the-total-before",
     "全村现有农户400户。有400户通电,有200户通电视(分别占农户总数的100%和50%);有电话的农户120户,"
     "其中有手机的农户100户(分别占总数的30%和25%)。",
     [H("400户", 400), H("400户", 400), H("200户", 200), R("100%", 100), R("50%", 50), H("120户", 120),
      H("100户", 100), R("30%", 30), R("25%", 25)],
     [("ratio_ok", 100, 100.0), ("ratio_ok", 50, 50.0), ("sum_ok", 120, 100), ("ratio_ok", 30, 30.0),
      ("ratio_ok", 25, 25.0)]),
    ("respectively-of-the-total-before-proves-nothing",
     "全村现有农户400户。有400户通电,有200户通电视(分别占农户总数的100%和50%);有电话的农户120户,"
     "其中有手机的农户100户(分别占总数的40%和25%)。",
     [H("400户", 400), H("400户", 400), H("200户", 200), R("100%", 100), R("50%", 50), H("120户", 120),
      H("100户", 100), R("40%", 40), R("25%", 25)],
     [("ratio_ok", 100, 100.0), ("ratio_ok", 50, 50.0), ("sum_ok", 120, 100), ("ratio_ok", 25, 25.0)]),
    # a sentence opened by "X中," is about X
    ("topic", "全村共有党员80名。党员中,35岁以下的20名,占25%,大专以上学历的10名,占15%。",
     [P("80名", 80), AGE("35岁", 35), P("20名", 20), R("25%", 25), P("10名", 10), R("15%", 15)],
     [("ratio_ok", 25, 25.0), ("ratio_mismatch", 15, 12.5)]),
    ("topic-with-a-demonstrative", "全村共有党员80名。在这些党员中,35岁以下的20名,占25%。",
     [P("80名", 80), AGE("35岁", 35), P("20名", 20), R("25%", 25)], [("ratio_ok", 25, 25.0)]),
    # bare shares of one sentence are of the earlier figure most of them fit
    ("list-whole", "村干部共有40人,其中男30人,女10人。35岁以下的8人,占20%;36至50岁的24人,占60%;50岁以上的48人,占20%。",
     [P("40人", 40), P("30人", 30), P("10人", 10), AGE("35岁", 35), P("8人", 8), R("20%", 20),
      AGE("36至50岁", 36), P("24人", 24), R("60%", 60), AGE("50岁", 50), P("48人", 48), R("20%", 20)],
     [("sum_ok", 40, 40), ("sum_mismatch", 40, 48), ("ratio_ok", 20, 20.0), ("ratio_ok", 60, 60.0),
      ("ratio_mismatch", 20, 120.0)]),
    ("list-whole-needs-two", "村干部共有40人。35岁以下的8人,占20%;50岁以上的30人,占50%。",
     [P("40人", 40), AGE("35岁", 35), P("8人", 8), R("20%", 20), AGE("50岁", 50), P("30人", 30), R("50%", 50)], []),
    ("semicolon-joins-the-list", "全村党员60名,其中35岁以下12名,占20%;大专以上学历15名,占25%。",
     [P("60名", 60), AGE("35岁", 35), P("12名", 12), R("20%", 20), P("15名", 15), R("25%", 25)],
     [("ratio_ok", 20, 20.0), ("ratio_ok", 25, 25.0)]),
    ("decimal-point-typed-as-full-stop", "全村党员60名,其中女党员15名,占25。0%。",
     [P("60名", 60), P("15名", 15), R("25。0%", 25.0)], [("ratio_ok", 25, 25.0)]),
    # a rate of "…的N" is of the figure of N
    ("rate-ok", "全村共有选民1200人,参加投票的选民有1150人,参选率达95.8%。",
     [P("1200人", 1200), P("1150人", 1150), R("95.8%", 95.8)], [("ratio_ok", 95.8, 95.8)]),
    ("rate-wrong", "全村共有选民1200人,参加投票的选民有1150人,参选率达85%。",
     [P("1200人", 1200), P("1150人", 1150), R("85%", 85)], [("ratio_mismatch", 85, 95.8)]),
    ("rate-within-slack", "全村共有农户300户,参加新农合的农户有280户,参合率达95%。",
     [H("300户", 300), H("280户", 280), R("95%", 95)], [("ratio_ok", 95, 93.3)]),
    # the figure a base names is of the share's own place
    ("named-base-of-another-place", "全县总人口30万人。本村贫困人口150人,占总人口的5%。",
     [P("30万人", 300000), P("150人", 150), R("5%", 5)], []),
    ("rate-of-something-else", "全村共有农户300户,养殖的农户有60户,覆盖率达50%。",
     [H("300户", 300), H("60户", 60), R("50%", 50)], [("sum_ok", 300, 60)]),
    # a respectively list whose base names no figure: nothing
    ("respectively-base-not-stated", "有510户通电,其中480户通电视(分别占农户总数的100%和94%)。",
     [H("510户", 510), H("480户", 480), R("100%", 100), R("94%", 94)], [("sum_ok", 510, 480)]),
]


@pytest.mark.parametrize(("text", "marks", "expected"), [pytest.param(*c[1:], id=c[0]) for c in CASES])
def test_the_whole_a_share_names(text, marks, expected) -> None:
    assert_checks(text, marks, expected)


@pytest.mark.parametrize(("case", "rules"), [
    ("named-base-earlier-sentence", ["breakdown", "share_of_named_base"]),
    ("respectively-ok", ["shares_respectively"] * 2),
    ("topic", ["share_of_topic"] * 2),
    ("list-whole", ["breakdown_exhaustive", "share_list_part_exceeds_whole"] + ["share_of_list_whole"] * 3),
    ("rate-wrong", ["rate_of_named_group"]),
])
def test_each_share_names_the_rule_that_read_it(case: str, rules: list[str]) -> None:
    text, marks = next(c[1:3] for c in CASES if c[0] == case)
    assert [c.rule for c in check_document(*make_document(text, marks))] == rules
