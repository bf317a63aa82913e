"""The number grammar: numerals, ranges and qualifiers of Chinese report text.

Pure functions and regex sources only; extractors compose them with units. Finding a
numeral (a regex over raw text) is kept apart from normalising it (`parse_numeral`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from extractors.lang.numerals import APPROX_MARKS, CN_BIG_UNITS, CN_DIGITS, CN_SMALL_UNITS
from extractors.lang.numerals import FULLWIDTH_DIGITS as _FULLWIDTH_DIGITS
from extractors.lang.qualifiers import LEADING_QUALIFIERS, TRAILING_QUALIFIERS
from extractors.lang.punctuation import SPACE_CLASS
from schemas import Qualifier

_CN_DIGIT_CHARS = "".join(CN_DIGITS)
_CN_SMALL_CHARS = "".join(CN_SMALL_UNITS)
_CN_BIG_CHARS = "".join(CN_BIG_UNITS)

# Thousands groups: 1,234 (half-width) or １，２３４ (all full-width; a full-width comma after
# half-width digits is the clause comma of Chinese text).
# A numeral starts where its run of digits (or of Chinese numeral characters, or of mask
# characters) starts. Matching from inside a run can only succeed where matching from its
# start already did, and trying every position of a long run took time quadratic in its
# length (10,000 digits: 27 s); the lookbehinds make those attempts fail at once.
ARABIC_SOURCE = (
    r"(?<![0-9０-９])[0-9０-９]+(?:,[0-9]{3}(?![0-9])|，[０-９]{3}(?![０-９]))*(?:[.．][0-9０-９]+)?"
)
_CN_NUMERAL_CLASS = f"[{_CN_DIGIT_CHARS}{_CN_SMALL_CHARS}{_CN_BIG_CHARS}]"
CHINESE_SOURCE = f"(?<!{_CN_NUMERAL_CLASS}){_CN_NUMERAL_CLASS}+"
# A Chinese decimal: 三点五, 零点八万, 十二点五亿. The fraction is read digit by digit, so a
# unit after it (三点五十分, a time) is not one.
CHINESE_DECIMAL_SOURCE = (
    f"(?<!{_CN_NUMERAL_CLASS})[{_CN_DIGIT_CHARS}{_CN_SMALL_CHARS}]+点[{_CN_DIGIT_CHARS}]+"
    f"(?![{_CN_SMALL_CHARS}])[{_CN_BIG_CHARS}]*"
)
# Typeset and PDF text puts a space between Arabic digits and what follows (医务人员 29 人,
# 1.13 万平方米), a .docx table row a tab (3200 and 亩 in cells of their own): up to two,
# never a line break.
_SPACES = f"{SPACE_CLASS}{{1,2}}"
GAP_SOURCE = f"(?:(?={SPACE_CLASS}){_SPACES})?"  # optional; the lookahead fails fast
# One numeral: Arabic (optionally with a Chinese magnitude) or Chinese, with 余/多 inside.
NUMERAL_SOURCE = (
    # 5千米 is 5 km: a 千 before 米 belongs to the unit after Arabic digits. A Chinese
    # numeral takes its own 万/亿 (a second [万亿]+ after it matched nothing new but made
    # the engine retry every split of a long run: time quadratic in its length).
    f"(?:{ARABIC_SOURCE}(?:{_SPACES}(?=[{_CN_SMALL_CHARS}{_CN_BIG_CHARS}余多几来]))?"
    f"(?:[{_CN_SMALL_CHARS}](?!米))?(?:[余多几来][{_CN_BIG_CHARS}]+|[{_CN_BIG_CHARS}]+)?"
    f"|{CHINESE_DECIMAL_SOURCE}|{CHINESE_SOURCE}(?:[余多几来][{_CN_BIG_CHARS}]+)?)"
    f"(?:[余多几来](?![{_CN_DIGIT_CHARS}{_CN_SMALL_CHARS}]))?"
)
# A masked numeral: digits replaced by * (two or more; one right after a Chinese character,
# as in 有*户*人: elsewhere a lone * marks a footnote), by × or X (two or more, or around a
# decimal point: x.x万亩; one X right after a Chinese character, or it and a space, as in
# 辖X个乡镇, 确诊 x 人: elsewhere a lone x or × is a variable or a times sign), optionally
# with a magnitude, and with 余/多 after it (***余户, xxx 余人, **余万元).
_AFTER_HAN = "(?:(?<=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff][ \u3000]))"
MASKED_SOURCE = (
    f"(?:(?<![*＊])(?:[*＊]{{2,}}|(?<=[\u4e00-\u9fff])[*＊])"
    f"|(?<![×xX])(?:[xX]+[.．][xX]+|[×xX]{{2,}}|{_AFTER_HAN}[xX](?![xX.．])))[{_CN_BIG_CHARS}]?"
    f"(?:[ \u3000]?[余多][{_CN_BIG_CHARS}]?)?"
)
# What a numeral / a masked numeral starts with, as the inside of a regex character class.
NUMERAL_START_CLASS = f"0-9０-９{_CN_DIGIT_CHARS}{_CN_SMALL_CHARS}{_CN_BIG_CHARS}"
MASKED_START_CLASS = "*＊×xX"
RANGE_SEP_SOURCE = r"(?:——|--|[—\-~～－–至到])"

# Longest first so that 不超过 wins over 超过 and 大约 over 约.
LEADING_SOURCE = "|".join(sorted((k for k in LEADING_QUALIFIERS if k != "上"), key=len, reverse=True))
TRAILING_SOURCE = "|".join(sorted(TRAILING_QUALIFIERS, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class Numeral:
    """A parsed numeral: its value and whether 余/多/几 marked it as a lower bound."""

    value: float
    approx_over: bool = False


def _parse_chinese_decimal(text: str) -> float | None:
    whole, _, rest = text.partition("点")
    fraction = rest.rstrip(_CN_BIG_CHARS)
    if not whole or not fraction or any(ch not in CN_DIGITS for ch in fraction) \
            or any(ch in CN_BIG_UNITS for ch in whole):
        return None
    base = _parse_chinese(whole)
    if base is None:
        return None
    magnitude = 1
    for ch in rest[len(fraction):]:
        magnitude *= CN_BIG_UNITS[ch]
    return round((base + float("0." + "".join(str(CN_DIGITS[ch]) for ch in fraction))) * magnitude, 10)


def _parse_chinese(text: str) -> float | None:
    if "点" in text:
        return _parse_chinese_decimal(text)
    if all(ch in CN_DIGITS for ch in text):
        # Positional digits (二〇二一, 一二): read digit by digit.
        if len(text) == 1:
            return float(CN_DIGITS[text])
        return float("".join(str(CN_DIGITS[ch]) for ch in text))
    total = 0.0  # completed 亿 groups
    section = 0.0  # completed 万 groups below the current 亿
    part = 0.0  # below 万
    digit: int | None = None
    last_unit = 0
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
            if digit == 0:
                last_unit = 0  # 一百零五: the digit after 零 is plain units
        elif ch in CN_SMALL_UNITS:
            unit = CN_SMALL_UNITS[ch]
            part += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        elif ch in CN_BIG_UNITS:
            unit = CN_BIG_UNITS[ch]
            group = part + (digit or 0)
            if unit == 10_000:
                section = (section + (group or 1)) * unit
            else:
                total = (total + section + (group or (0 if section or total else 1))) * unit
                section = 0.0
            part, digit, last_unit = 0.0, None, unit
        else:
            return None
    if digit is not None and last_unit >= 100:
        # 二百五 = 250, 一万五 = 15000: a trailing digit counts in the next lower unit.
        digit = digit * last_unit // 10
    return total + section + part + (digit or 0)


def parse_numeral(text: str) -> Numeral | None:
    """Normalise one numeral ('1.8万', '9100余万', '四千多', '十几', '５.２８亿', '零点五万') to
    its value.

    Returns None when the text is not a numeral of the grammar.
    """
    text = "".join(text.translate(_FULLWIDTH_DIGITS).replace(",", "").split())
    if not text:
        return None
    approx = False
    for mark in APPROX_MARKS:
        if mark in text:
            approx = True
            text = text.replace(mark, "")
    if not text:
        return None
    if not (text[0].isascii() and text[0].isdigit()):
        parsed = _parse_chinese(text)
        return None if parsed is None else Numeral(parsed, approx)
    head = text.rstrip(_CN_BIG_CHARS)
    magnitude = 1
    for ch in text[len(head):]:
        magnitude *= CN_BIG_UNITS[ch]
    small = 1
    if head[-1] in CN_SMALL_UNITS:
        small, head = CN_SMALL_UNITS[head[-1]], head[:-1]
    try:
        if small == magnitude == 1:
            return Numeral(float(head), approx)
        value = Decimal(head) * small * magnitude  # 19.92亿 is 1992000000, not ...0.0000002
    except (ValueError, InvalidOperation):
        return None
    return Numeral(float(value), approx)


_PAIR_RE = re.compile(f"([一二两三四五六七八])([二两三四五六七八九])([{_CN_SMALL_CHARS}{_CN_BIG_CHARS}]*)")


def approximate_pair(text: str) -> tuple[float, float] | None:
    """两三个, 三四十人, 五六百户, 三五家: two adjacent digits read as an approximate range.

    Returns (low, high) with the trailing magnitude applied to both, or None.
    """
    match = _PAIR_RE.fullmatch(text)
    if match is None:
        return None
    low, high = CN_DIGITS[match.group(1)], CN_DIGITS[match.group(2)]
    if not 1 <= high - low <= 2:
        return None
    tail = match.group(3)
    scale = 1.0
    if tail:
        parsed = _parse_chinese("一" + tail)
        if parsed is None:
            return None
        scale = parsed
    return low * scale, high * scale


def is_chinese_numeral(text: str) -> bool:
    """True when the numeral is written without Arabic digits."""
    return not any(ch.isdigit() for ch in text.translate(_FULLWIDTH_DIGITS))


def resolve_qualifier(
    leading: str | None = None,
    trailing: str | None = None,
    approx_over: bool = False,
    is_range: bool = False,
    masked: bool = False,
) -> Qualifier:
    """Combine what surrounds a number into one qualifier (guideline §3, Qualifier).

    Precedence: masked, then range (20万—30万元左右 is a range), then a trailing
    qualifier word (至少500万元以上 is over), then a leading one, then 余/多 inside.
    """
    if masked:
        return Qualifier.MASKED
    if is_range:
        return Qualifier.RANGE
    if trailing:
        return TRAILING_QUALIFIERS[trailing]
    if leading:
        return LEADING_QUALIFIERS[leading]
    if approx_over:
        return Qualifier.OVER
    return Qualifier.EXACT


# The plain digit of each value, 零 to 九 (the first CN_DIGITS key with that value).
_RENDER_DIGITS = "".join(next(ch for ch, v in CN_DIGITS.items() if v == d) for d in range(10))


def _render_below_10000(n: int, leading: bool) -> str:
    out = []
    zero_pending = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, unit)
        if d == 0:
            zero_pending = bool(out)
            continue
        if zero_pending:
            out.append("零")
            zero_pending = False
        if not (unit == 10 and d == 1 and leading and not out):
            out.append(_RENDER_DIGITS[d])
        out.append(name)
    return "".join(out)


def render_chinese(n: int) -> str:
    """Write a non-negative integer in Chinese numerals (12345 → 一万二千三百四十五).

    The inverse of `parse_numeral` on integers; used by property tests and fixtures.
    """
    if n == 0:
        return "零"
    groups = []
    for name in ("", "万", "亿"):
        groups.append((n % 10_000, name))
        n //= 10_000
        if n == 0:
            break
    if n:
        raise ValueError("numbers of 10^12 and above are not rendered")
    out = []
    top = len(groups) - 1
    need_zero = False
    for index in range(top, -1, -1):
        value, name = groups[index]
        if value == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or value < 1000):
            out.append("零")
        out.append(_render_below_10000(value, leading=not out) + name)
        need_zero = False
    return "".join(out)


NUMERAL_RE = re.compile(NUMERAL_SOURCE)


def trailing_magnitude(numeral: str) -> int:
    """The 万/亿 multiplier a numeral ends with (1 if none): 30万 → 10000, 5.28亿 → 10^8."""
    body = numeral.rstrip(APPROX_MARKS)
    magnitude = 1
    for ch in reversed(body):
        if ch not in CN_BIG_UNITS:
            break
        magnitude *= CN_BIG_UNITS[ch]
    return magnitude
