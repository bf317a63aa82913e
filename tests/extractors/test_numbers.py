"""The number grammar (extractors/numbers.py), table-driven from the language."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.numbers import (
    NUMERAL_RE,
    approximate_pair,
    is_chinese_numeral,
    parse_numeral,
    render_chinese,
    resolve_qualifier,
    trailing_magnitude,
)
from schemas import Qualifier

# text → (value, approx_over)
ARABIC = [
    ("0", 0, False), ("7", 7, False), ("42", 42, False), ("516", 516, False),
    ("32426", 32426, False), ("1000000", 1_000_000, False), ("007", 7, False),
    ("1,234", 1234, False), ("12,345", 12345, False), ("1,234,567", 1_234_567, False),
    ("9,100", 9100, False), ("0.2", 0.2, False), ("440.83", 440.83, False),
    ("12.6", 12.6, False), ("98.6", 98.6, False), ("10.77", 10.77, False), ("0.68", 0.68, False),
    ("1,234.5", 1234.5, False),
    # full-width digits, point and comma
    ("０", 0, False), ("７４", 74, False), ("１２３４５", 12345, False), ("５.２８", 5.28, False),
    ("５．２８", 5.28, False), ("１２．６", 12.6, False), ("１，２３４", 1234, False),
    ("１，２３４，５６７", 1_234_567, False), ("3２", 32, False),
]
CHINESE = [
    ("零", 0, False), ("〇", 0, False), ("一", 1, False), ("二", 2, False), ("两", 2, False),
    ("三", 3, False), ("四", 4, False), ("五", 5, False), ("六", 6, False), ("七", 7, False),
    ("八", 8, False), ("九", 9, False), ("十", 10, False), ("百", 100, False), ("千", 1000, False),
    ("万", 10_000, False), ("亿", 100_000_000, False),
    ("十一", 11, False), ("十九", 19, False), ("一十五", 15, False), ("二十", 20, False),
    ("二十三", 23, False), ("九十九", 99, False), ("一百", 100, False), ("一百零五", 105, False),
    ("一百一十", 110, False), ("一百十", 110, False), ("二百五", 250, False),
    ("二百五十", 250, False), ("三百零三", 303, False), ("五百", 500, False),
    ("两百", 200, False), ("一千", 1000, False), ("一千零一", 1001, False),
    ("一千零一十", 1010, False), ("一千二", 1200, False), ("一千二百", 1200, False),
    ("两千三百", 2300, False), ("三千五", 3500, False), ("三千五百", 3500, False),
    ("九千九百九十九", 9999, False), ("一万", 10_000, False), ("两万", 20_000, False),
    ("一万五", 15_000, False), ("一万五千", 15_000, False), ("一万零五", 10_005, False),
    ("一万零五百", 10_500, False), ("十万", 100_000, False), ("十二万", 120_000, False),
    ("一百万", 1_000_000, False), ("三百二十万", 3_200_000, False), ("千万", 10_000_000, False),
    ("一千万", 10_000_000, False), ("五千二百万", 52_000_000, False), ("一亿", 10**8, False),
    ("十亿", 10**9, False), ("十八亿", 18 * 10**8, False), ("三亿五千万", 350_000_000, False),
    ("一亿零五百万", 105_000_000, False), ("一亿零五", 100_000_005, False),
    ("三万亿", 3 * 10**12, False), ("两万亿", 2 * 10**12, False), ("万亿", 10**12, False),
    ("十二万三千四百五十六", 123_456, False),
    ("一千二百三十四万五千六百七十八", 12_345_678, False),
    # financial numerals
    ("壹", 1, False), ("贰", 2, False), ("叁", 3, False), ("肆", 4, False), ("伍", 5, False),
    ("陆", 6, False), ("柒", 7, False), ("捌", 8, False), ("玖", 9, False), ("拾", 10, False),
    ("壹佰", 100, False), ("壹佰贰拾", 120, False), ("叁仟", 3000, False),
    ("伍佰零陆", 506, False), ("壹万贰仟叁佰肆拾伍", 12_345, False), ("贰拾万", 200_000, False),
    ("壹亿", 10**8, False), ("捌仟柒佰陆拾伍万", 87_650_000, False),
    # digit by digit (years and codes)
    ("二〇二一", 2021, False), ("一九九八", 1998, False), ("二零二零", 2020, False),
    ("〇五", 5, False),
    # approximate: 余 多 几 来
    ("十几", 10, True), ("十多", 10, True), ("十余", 10, True), ("二十余", 20, True),
    ("二十多", 20, True), ("二十来", 20, True), ("三十几", 30, True), ("百余", 100, True),
    ("百来", 100, True), ("一百多", 100, True), ("千余", 1000, True), ("四千多", 4000, True),
    ("五千余", 5000, True), ("万余", 10_000, True), ("十余万", 100_000, True),
    ("一百多万", 1_000_000, True), ("三千多万", 30_000_000, True), ("两亿多", 2 * 10**8, True),
    # decimals: 点 and the fraction digit by digit, then 万/亿
    ("三点五", 3.5, False), ("零点五", 0.5, False), ("十二点五", 12.5, False), ("零点八万", 8000, False),
    ("一点二亿", 120_000_000, False), ("二十三点零五", 23.05, False), ("两点五万", 25_000, False),
]
MIXED = [
    ("1.8万", 18_000, False), ("1万", 10_000, False), ("10万", 100_000, False),
    ("30万", 300_000, False), ("260万", 2_600_000, False), ("5.28亿", 528_000_000, False),
    ("80亿", 8_000_000_000, False), ("18亿", 1_800_000_000, False), ("0.5万", 5000, False),
    ("1.2万", 12_000, False), ("3万亿", 3 * 10**12, False), ("1万万", 10**8, False),
    ("３万", 30_000, False), ("５．２８亿", 528_000_000, False), ("1,234万", 12_340_000, False),
    ("3千", 3000, False), ("5百", 500, False), ("2十", 20, False), ("1.5千", 1500, False),
    ("3千万", 30_000_000, False), ("2百万", 2_000_000, False),
    ("3万多", 30_000, True), ("3万余", 30_000, True), ("9100余万", 91_000_000, True),
    ("300多万", 3_000_000, True), ("2000余", 2000, True), ("17多", 17, True),
    ("60余", 60, True), ("1万余", 10_000, True), ("20余万", 200_000, True),
    ("1.5万多", 15_000, True), ("100多亿", 10**10, True), ("10来", 10, True),
]
NOT_NUMERALS = ["", "abc", "元", "万元", "个", "人", "余", "多", "一些", "--", ",", "1.2.3",
                "三点", "点五", "一万点五", "三点五十"]


@pytest.mark.parametrize(("text", "value", "approx"), ARABIC + CHINESE + MIXED)
def test_parse_numeral(text: str, value: float, approx: bool) -> None:
    parsed = parse_numeral(text)
    assert parsed is not None
    assert parsed.value == pytest.approx(value)
    assert parsed.approx_over is approx


@pytest.mark.parametrize("text", NOT_NUMERALS)
def test_parse_numeral_rejects(text: str) -> None:
    assert parse_numeral(text) is None


@pytest.mark.parametrize(("text", "chinese"), [
    ("三", True), ("四千多", True), ("壹佰", True), ("１２", False), ("12", False),
    ("1.8万", False), ("9100余万", False), ("２万", False), ("万余", True),
])
def test_is_chinese_numeral(text: str, chinese: bool) -> None:
    assert is_chinese_numeral(text) is chinese


# Where NUMERAL_RE starts and stops in running text.
@pytest.mark.parametrize(("text", "found"), [
    ("共有32426人", "32426"), ("1.8万头", "1.8万"), ("9100余万元", "9100余万"),
    ("四千多元", "四千多"), ("5.28亿元", "5.28亿"), ("二十余人", "二十余"),
    ("十几个村", "十几"), ("3万多元", "3万多"), ("约80亿元", "80亿"),
    ("１２．６公里", "１２．６"), ("12,345元", "12,345"), ("１，２３４元", "１，２３４"),
    ("14个村,27名", "14"), ("全村共5，300户", "5"), ("一百零五人", "一百零五"),
    ("5千米", "5"), ("3千元", "3千"), ("壹佰贰拾元", "壹佰贰拾"),
    ("林地三点五亩", "三点五"), ("零点五万亩", "零点五万"), ("增长一点五倍", "一点五"),
    ("下午三点五十分", "三"),  # a time: 三点 and then 五十
])
def test_numeral_regex_span(text: str, found: str) -> None:
    match = NUMERAL_RE.search(text)
    assert match is not None and match.group() == found


@pytest.mark.parametrize(("text", "magnitude"), [
    ("30万", 10_000), ("5.28亿", 10**8), ("20", 1), ("9100余万", 10_000), ("3万多", 10_000),
    ("三万亿", 10**12), ("十", 1), ("四千多", 1), ("万余", 10_000),
])
def test_trailing_magnitude(text: str, magnitude: int) -> None:
    assert trailing_magnitude(text) == magnitude


@pytest.mark.parametrize(("text", "pair"), [
    ("两三", (2, 3)), ("一两", (1, 2)), ("二三", (2, 3)), ("三四", (3, 4)), ("三五", (3, 5)),
    ("五六", (5, 6)), ("七八", (7, 8)), ("八九", (8, 9)), ("三四十", (30, 40)),
    ("五六百", (500, 600)), ("两三千", (2000, 3000)), ("七八万", (70_000, 80_000)),
    ("三十", None), ("二〇", None), ("一九", None), ("十一", None), ("三", None),
    ("二十五", None), ("五三", None),
])
def test_approximate_pair(text: str, pair: tuple[int, int] | None) -> None:
    assert approximate_pair(text) == pair


# resolve_qualifier(leading, trailing, approx_over, is_range, masked) → qualifier
Q = Qualifier
QUALIFIER_TABLE = [
    ((None, None, False, False, False), Q.EXACT),
    (("约", None, False, False, False), Q.ABOUT),
    (("大约", None, False, False, False), Q.ABOUT),
    (("大概", None, False, False, False), Q.ABOUT),
    (("近", None, False, False, False), Q.NEARLY),
    (("接近", None, False, False, False), Q.NEARLY),
    (("将近", None, False, False, False), Q.NEARLY),
    (("超过", None, False, False, False), Q.OVER),
    (("超", None, False, False, False), Q.OVER),
    (("逾", None, False, False, False), Q.OVER),
    (("多达", None, False, False, False), Q.OVER),
    (("上", None, False, False, False), Q.OVER),
    (("高达", None, False, False, False), Q.EXACT),
    (("不足", None, False, False, False), Q.UNDER),
    (("不到", None, False, False, False), Q.UNDER),
    (("未满", None, False, False, False), Q.UNDER),
    (("少于", None, False, False, False), Q.UNDER),
    (("低于", None, False, False, False), Q.UNDER),
    (("不超过", None, False, False, False), Q.UNDER),
    ((None, "以上", False, False, False), Q.OVER),
    ((None, "之上", False, False, False), Q.OVER),
    ((None, "多", False, False, False), Q.OVER),
    ((None, "余", False, False, False), Q.OVER),
    ((None, "以下", False, False, False), Q.UNDER),
    ((None, "之下", False, False, False), Q.UNDER),
    ((None, "以内", False, False, False), Q.UNDER),
    ((None, "左右", False, False, False), Q.ABOUT),
    ((None, "上下", False, False, False), Q.ABOUT),
    ((None, "许", False, False, False), Q.ABOUT),
    ((None, None, True, False, False), Q.OVER),  # 二十余, 3万多
    # precedence: masked > range > trailing > leading > 余/多
    ((None, None, False, False, True), Q.MASKED),
    (("约", "左右", True, True, True), Q.MASKED),
    (("约", None, False, True, False), Q.RANGE),
    ((None, "左右", False, True, False), Q.RANGE),  # 20万—30万元左右
    ((None, "以上", True, True, False), Q.RANGE),
    (("约", "以上", False, False, False), Q.OVER),
    (("近", "左右", False, False, False), Q.ABOUT),
    (("超过", "以下", False, False, False), Q.UNDER),
    (("不足", "以上", False, False, False), Q.OVER),
    ((None, "以下", True, False, False), Q.UNDER),
    ((None, "左右", True, False, False), Q.ABOUT),  # 二十多人左右
    (("近", None, True, False, False), Q.NEARLY),  # 近百余
    (("约", None, True, False, False), Q.ABOUT),
    (("不到", None, True, False, False), Q.UNDER),
]


@pytest.mark.parametrize(("args", "expected"), QUALIFIER_TABLE)
def test_resolve_qualifier(args: tuple, expected: Qualifier) -> None:
    leading, trailing, approx, is_range, masked = args
    got = resolve_qualifier(
        leading=leading, trailing=trailing, approx_over=approx, is_range=is_range, masked=masked
    )
    assert got == expected


@pytest.mark.parametrize(("n", "text"), [
    (0, "零"), (1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (105, "一百零五"),
    (110, "一百一十"), (1001, "一千零一"), (1010, "一千零一十"), (10_000, "一万"),
    (10_005, "一万零五"), (15_000, "一万五千"), (100_000, "十万"), (100_010, "十万零一十"),
    (10**8, "一亿"), (100_000_005, "一亿零五"), (123_456_789, "一亿二千三百四十五万六千七百八十九"),
])
def test_render_chinese_examples(n: int, text: str) -> None:
    assert render_chinese(n) == text


def test_render_chinese_refuses_trillions() -> None:
    with pytest.raises(ValueError):
        render_chinese(10**12)


@settings(max_examples=1500, deadline=None)
@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_chinese_round_trip(n: int) -> None:
    assert parse_numeral(render_chinese(n)).value == n


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.integers(0, 10**4), st.integers(0, 10**12 - 1)))
def test_chinese_round_trip_with_liang_and_financial(n: int) -> None:
    text = render_chinese(n)
    financial = text.translate(str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟"))
    assert parse_numeral(financial).value == n
    if text.startswith("二") and len(text) > 1 and text[1] in "百千万亿":
        assert parse_numeral("两" + text[1:]).value == n


@settings(max_examples=500, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_arabic_round_trip(n: int) -> None:
    assert parse_numeral(str(n)).value == n
    assert parse_numeral(f"{n:,}").value == n


_TO_FULLWIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


@settings(max_examples=500, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_fullwidth_equals_halfwidth(whole: int, cents: int) -> None:
    for text in (str(whole), f"{whole}.{cents:02d}", f"{whole}万", f"{whole}.{cents:02d}亿"):
        full = text.translate(_TO_FULLWIDTH)
        assert parse_numeral(full) == parse_numeral(text)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10**8), st.sampled_from("余多"))
def test_approx_mark_sets_over(n: int, mark: str) -> None:
    parsed = parse_numeral(f"{n}{mark}")
    assert parsed.value == n and parsed.approx_over
    chinese = parse_numeral(render_chinese(n) + mark)
    assert chinese.value == n and chinese.approx_over


_CN_DIGIT = str.maketrans("0123456789", "零一二三四五六七八九")


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=9999), st.text("0123456789", min_size=1, max_size=4),
       st.sampled_from(["", "万", "亿"]))
def test_chinese_decimal_equals_the_arabic_one(whole: int, fraction: str, magnitude: str) -> None:
    """Below 万 before 点: a larger amount takes its 万 after the fraction (一点五万)."""
    text = f"{render_chinese(whole)}点{fraction.translate(_CN_DIGIT)}{magnitude}"
    assert re.fullmatch(NUMERAL_RE, text) is not None
    assert parse_numeral(text).value == pytest.approx(parse_numeral(f"{whole}.{fraction}{magnitude}").value)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_numeral_regex_takes_whole_rendered_number(n: int) -> None:
    text = render_chinese(n)
    match = re.fullmatch(NUMERAL_RE, text)
    assert match is not None
