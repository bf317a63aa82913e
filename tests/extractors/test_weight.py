"""weight: t (吨), kg (公斤/千克), jin (斤)."""
import pytest


def W(span, value, unit="t", q="exact", vmax=None):
    return (span, "weight", value, vmax, unit, q)


ROWS = [
    ("粮食总产4.2万吨", [W("4.2万吨", 42000)]),
    ("清运垃圾30吨", [W("30吨", 30)]),
    ("亩产520公斤/亩", [W("520公斤", 520, "kg")]),
    ("年产茶叶1.2万公斤", [W("1.2万公斤", 12000, "kg")]),
    ("化肥5千克", [W("5千克", 5, "kg")]),
    ("收购稻谷80万斤", [W("80万斤", 800000, "jin")]),
    ("发放大米三千多斤", [W("三千多斤", 3000, "jin", "over")]),
    ("年产量约2000吨", [W("约2000吨", 2000, "t", "about")]),
    ("产量1000吨以上", [W("1000吨以上", 1000, "t", "over")]),
    ("年产300—500吨", [W("300—500吨", 300, "t", "range", 500)]),
    ("***吨", [W("***吨", None, q="masked")]),
    # not a mass
    ("万吨级码头", []),
    ("船舶5000吨位", []),
    ("一吨", []),  # 一 as 'a'
]


@pytest.mark.parametrize(("sentence", "expected"), ROWS)
def test_weight(check, sentence, expected):
    check(sentence, expected)
