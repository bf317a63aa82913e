"""household_count: numbers of households (户, never 户籍/户口/户主)."""
import pytest


def H(span, value, q="exact", vmax=None):
    return (span, "household_count", value, vmax, "household", q)


ROWS = [
    ("全村516户", [H("516户", 516)]),
    ("拆迁119户", [H("119户", 119)]),
    ("10万户农户", [H("10万户", 100000)]),
    ("20户贫困党员", [H("20户", 20)]),
    ("典型示范户70户", [H("70户", 70)]),
    ("个体工商户10个", [("10个", "count", 10, None, "个", "exact")]),
    # households counted with 个; not accounts or users
    ("帮扶3个贫困户和5个示范户", [H("3个", 3), H("5个", 5)]),
    ("开设3个账户，", [("3个", "count", 3, None, "个", "exact")]),
    ("有20户外出务工", [H("20户", 20)]),  # 户外 is a word, 户外出 is not
    ("走访群众300余户", [H("300余户", 300, "over")]),
    ("百余户", [H("百余户", 100, "over")]),
    ("十多户", [H("十多户", 10, "over")]),
    ("十一户", [H("十一户", 11)]),
    ("接近50户", [H("接近50户", 50, "nearly")]),
    ("超过300户", [H("超过300户", 300, "over")]),
    ("达到1.2万户", [H("1.2万户", 12000)]),
    ("五六户", [H("五六户", 5, "range", 6)]),
    ("***户", [H("***户", None, "masked")]),
    ("贫困户136户412人", [H("136户", 136), ("412人", "population", 412, None, "person", "exact")]),
    ("每村1户", [H("1户", 1)]),
    ("两户", [H("两户", 2)]),
    ("1-2户", [H("1-2户", 1, "range", 2)]),
    # 户 starting another word
    ("3户籍", []),
    ("户籍人口", []),
    ("户口", []),
    ("5户主", []),
    ("户均增收3000元", [("3000元", "money", 3000, None, "CNY", "exact")]),
    ("一户一策", []),
    ("一户一档", []),
    ("千家万户", []),
    ("家家户户", []),
    # household-visits are counted visits, as 车次 (decision 24): a count, not households
    ("走访农户300户次", [("300户次", "count", 300, None, "户次", "exact")]),
]


@pytest.mark.parametrize(("sentence", "expected"), ROWS)
def test_household_count(check, sentence, expected):
    check(sentence, expected)
