"""Numerals of report text: digits in every width and script, magnitudes, approximation marks."""
from __future__ import annotations

FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "两": 2, "贰": 2, "貳": 2, "俩": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
APPROX_MARKS = "余多几來来"  # 十几, 二十余, 3万多, 百来: "somewhat over"
# Arabic digits in both widths, as the inside of a regex character class.
ARABIC_DIGITS = "0-9０-９"
# The digits that number headings and ordinals (一、, 第三, 二是).
PLAIN_CN_NUMERALS = "一二三四五六七八九十"
# Every character of a Chinese numeral: digits (plain, formal, traditional) and magnitudes.
CN_NUMERAL_CHARS = frozenset(CN_DIGITS) | frozenset(CN_SMALL_UNITS) | frozenset(CN_BIG_UNITS)
