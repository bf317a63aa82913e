"""age: a person's age in years (岁, 周岁)."""
import pytest


def G(span, value, q="exact", vmax=None):
    return (span, "age", value, vmax, "year", q)


ROWS = [
    ("40岁以下", [G("40岁以下", 40, "under")]),
    ("3640岁", []),  # 36—40岁 with its dash lost: no one is that old
    ("百岁老人", []),
    ("45岁左右", [G("45岁左右", 45, "about")]),
    ("14—35周岁", [G("14—35周岁", 14, "range", 35)]),
    ("14-35岁", [G("14-35岁", 14, "range", 35)]),
    ("18至60周岁", [G("18至60周岁", 18, "range", 60)]),
    ("60-70岁", [G("60-70岁", 60, "range", 70)]),
    ("60周岁以上老人", [G("60周岁以上", 60, "over")]),
    ("年满60周岁", [G("60周岁", 60)]),
    ("18周岁以上", [G("18周岁以上", 18, "over")]),
    ("6岁以下儿童", [G("6岁以下", 6, "under")]),
    ("平均年龄52岁", [G("52岁", 52)]),
    ("五十岁以上", [G("五十岁以上", 50, "over")]),
    ("不满18周岁", [G("不满18周岁", 18, "under")]),
    ("未满18周岁", [G("未满18周岁", 18, "under")]),
    ("80岁以上老人36人", [G("80岁以上", 80, "over"), ("36人", "population", 36, None, "person", "exact")]),
    ("14—35周岁的青年632人", [G("14—35周岁", 14, "range", 35), ("632人", "population", 632, None, "person", "exact")]),
    ("岁月", []),
    ("3岁月", []),
    ("一岁", []),
]


@pytest.mark.parametrize(("sentence", "expected"), ROWS)
def test_age(check, sentence, expected):
    check(sentence, expected)
