"""volume: m3 (立方米, 立方, 方, m3, m³)."""
import pytest


def V(span, value, q="exact", vmax=None):
    return (span, "volume", value, vmax, "m3", q)


ROWS = [
    ("土石方1.6万方", [V("1.6万方", 16000)]),
    ("细砂820方", [V("820方", 820)]),
    ("清运垃圾900立方米", [V("900立方米", 900)]),
    ("毛石1190立方", [V("1190立方", 1190)]),
    ("修建300m3蓄水池", [V("300m3", 300)]),
    ("蓄水池50m³", [V("50m³", 50)]),
    ("混凝土413.4 立方米", [V("413.4 立方米", 413.4)]),
    ("约2万立方米", [V("约2万立方米", 20000, "about")]),
    # not a volume
    ("签订三方协议", []),
    ("从五方面入手", []),
    ("3方面工作", []),
    ("建立四方联动机制", []),
    ("3立方体", []),
]


@pytest.mark.parametrize(("sentence", "expected"), ROWS)
def test_volume(check, sentence, expected):
    check(sentence, expected)
