"""length: km (公里/千米), m (米)."""
import pytest


def L(span, value, unit="km", q="exact", vmax=None):
    return (span, "length", value, vmax, unit, q)


ROWS = [
    ("新修通村公路12.6公里", [L("12.6公里", 12.6)]),
    ("3.5公里", [L("3.5公里", 3.5)]),
    ("5千米", [L("5千米", 5)]),
    ("5.5千米", [L("5.5千米", 5.5)]),
    ("全长20km", [L("20km", 20)]),
    ("2公里以上", [L("2公里以上", 2, q="over")]),
    ("约8公里", [L("约8公里", 8, q="about")]),
    ("十余公里", [L("十余公里", 10, q="over")]),
    ("3至5公里", [L("3至5公里", 3, q="range", vmax=5)]),
    ("长12米", [L("12米", 12, "m")]),
    ("硬化道路1200米", [L("1200米", 1200, "m")]),
    ("300米左右", [L("300米左右", 300, "m", "about")]),
    ("5至8米", [L("5至8米", 5, "m", "range", 8)]),
    ("4.5米宽", [L("4.5米", 4.5, "m")]),
    ("三千米", [L("三千米", 3000, "m")]),
    ("一米", []),
    ("5米面", []),
    ("大米", []),
]


@pytest.mark.parametrize(("sentence", "expected"), ROWS)
def test_length(check, sentence, expected):
    check(sentence, expected)
