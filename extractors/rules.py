"""The guideline's general "not a fact" rules, written from the language.

Each rule looks only at the candidate and the raw text around it: ordinals, vague amounts,
a value of one written 一, bare magnitudes (千人, 万家), numerals inside short quoted
terms and slogans, counts of the report's own rhetorical items, restated counts of items
listed right before, and alternating numeral idioms (千家万户, 三帮四定).
"""
from __future__ import annotations

import re

from extractors.base import Candidate
from extractors.lang.not_facts import (COORDINATORS as _COORDINATORS, INDICATOR_ACRONYMS as _INDICATOR_ACRONYMS,
                                       ITEM_MEASURES as _ITEM_MEASURES, NOT_LIST_END as _NOT_LIST_END,
                                       QUOTED_TERM_MAX as _QUOTED_TERM_MAX, REAL_THING_AFTER_ITEM, RHETORICAL_ITEMS,
                                       REFERENCE_WORDS as _REFERENCE_WORDS)
from extractors.lang.headings import ENUMERATOR, ORDINAL_PREFIX
from extractors.lang.numerals import ARABIC_DIGITS, PLAIN_CN_NUMERALS
from extractors.lang.numerals import CN_NUMERAL_CHARS as _CN_NUMERAL_CHARS
from extractors.lang.punctuation import CLOSE_QUOTES as _CLOSE_QUOTES
from extractors.lang.punctuation import (CLOSE_BRACKETS, COLONS, COMMAS, DOTS, LIST_COMMA, OPEN_BRACKETS,
                                         SENTENCE_FINAL, char_class)
from extractors.lang.punctuation import OPEN_QUOTES as _OPEN_QUOTES
from extractors.lang.qualifiers import AT_LEAST, DETACHED_BEFORE_DE, LEADING_QUALIFIERS, QUALIFIER_INSIDE_A_WORD
from schemas import Qualifier

_CLAUSE_BREAK = frozenset(COMMAS + SENTENCE_FINAL + COLONS + "\n")
_ABSTRACT_ITEMS = re.compile(f"(?:{'|'.join(RHETORICAL_ITEMS)})(?![{REAL_THING_AFTER_ITEM}])")
# A numbered heading: 一、 (一) 1. 一是 at the start of a line.
_CN = f"[{PLAIN_CN_NUMERALS}]"
_HEADING_MARKER = re.compile(
    rf"\s*(?:{_CN}+{char_class(LIST_COMMA, DOTS)}|{char_class(OPEN_BRACKETS)}[{PLAIN_CN_NUMERALS}{ARABIC_DIGITS}]+"
    rf"{char_class(CLOSE_BRACKETS)}|[{ARABIC_DIGITS}]+{char_class(LIST_COMMA, DOTS)}|{_CN}{ENUMERATOR}"
    rf"|{ORDINAL_PREFIX}{_CN}+{char_class(COMMAS, LIST_COMMA)})"
)


def _before(text: str, index: int, width: int) -> str:
    return text[max(0, index - width):index]


def is_ordinal(text: str, c: Candidate) -> bool:
    """第三届, 第 18 名, 三届二次会议 (a session number after 届): an ordinal or enumerator."""
    return _before(text, c.start, 2).rstrip().endswith(("第", "届"))


def is_vague(text: str, c: Candidate) -> bool:
    """数千, 数十个, 几百人, 若干, 好几个: no stated amount."""
    return c.chinese and _before(text, c.start, 1) in ("数", "几", "若") and c.start == c.numeral_start


# Units after which 一 is a quantity, not the article: 增长一倍, 一成, 百分之一, 一个百分点.
_RATIO_UNITS = frozenset({"percent", "percentage_point", "times"})


def is_chinese_one(c: Candidate) -> bool:
    """一个, 一名, 一条路: 一 reads as the article 'a'. Arabic 1 counts."""
    return c.chinese and c.value == 1 and c.value_max is None and c.unit.canonical not in _RATIO_UNITS


def is_bare_magnitude(c: Candidate) -> bool:
    """千人, 万家, 百姓: a bare 百/千/万/亿 with no digit, qualifier or 余/多 is idiom."""
    if not c.chinese or c.start != c.numeral_start or c.value_max is not None:
        return False
    body = c.numeral
    return all(ch in "百佰千仟万萬亿億" for ch in body)




def is_glued_to_token(text: str, c: Candidate) -> bool:
    """A numeral continuing a code or masked year: A3, 20**, 3.5.2, G15 (not GDP19.92亿元)."""
    prev = _before(text, c.numeral_start, 1)
    if _before(text, c.numeral_start, 3).upper() in _INDICATOR_ACRONYMS:
        return _is_ascii_alnum(_before(text, c.numeral_start - 3, 1))  # XGDP5 is a code
    return _is_ascii_alnum(prev) or prev in (".", "．")


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def is_in_quoted_term(text: str, c: Candidate) -> bool:
    """A Chinese numeral inside a short quoted term: “三个代表”, “五个一”, 《两免一补》."""
    if not c.chinese:
        return False
    window = _before(text, c.start, _QUOTED_TERM_MAX)
    opened = max(window.rfind(q) for q in _OPEN_QUOTES)
    if opened < 0 or any(ch in _CLOSE_QUOTES and ch not in "\"" for ch in window[opened + 1:]):
        return False
    tail = text[c.end:c.end + _QUOTED_TERM_MAX]
    closes = [i for i in (tail.find(q) for q in _CLOSE_QUOTES) if i >= 0]
    if not closes:
        return False
    length = (len(window) - opened - 1) + (c.end - c.start) + min(closes)
    return length <= _QUOTED_TERM_MAX


def is_rhetorical_item_count(text: str, c: Candidate) -> bool:
    """五项机制, 五个统一, 23项指标, 以下三点: the report counting its own points."""
    if c.unit.surface not in _ITEM_MEASURES:
        return False
    if _before(text, c.start, 2).endswith(_REFERENCE_WORDS):
        return True
    return _ABSTRACT_ITEMS.match(text, c.end) is not None


def is_heading_item_count(text: str, c: Candidate) -> bool:
    """一、整合六支党建工作队伍: a Chinese count of things in a numbered heading's first clause.

    Headings name the report's own points; a measured quantity there is written in digits.
    Only counts with a measure word (the unit is its own canonical form) are concerned.
    """
    if not c.chinese or c.unit.surface != c.unit.canonical or c.unit.verbal:
        return False
    line_start = text.rfind("\n", 0, c.start) + 1
    marker = _HEADING_MARKER.match(text, line_start)
    if marker is None:
        return False
    return not any(ch in _CLAUSE_BREAK for ch in text[marker.end():c.start])


def is_restated_list(text: str, c: Candidate) -> bool:
    """村党支部和村委会两套班子: a count of the items named right before it."""
    if not c.chinese or c.unit.verbal or c.value is None or not 2 <= c.value <= 9:
        return False
    prefix = []
    for ch in reversed(_before(text, c.start, 40)):
        if ch in _CLAUSE_BREAK:
            break
        prefix.append(ch)
    if not prefix or prefix[0] in _NOT_LIST_END:
        return False
    return sum(ch in _COORDINATORS for ch in prefix) == c.value - 1


def is_numeral_idiom(text: str, c: Candidate) -> bool:
    """千家万户, 三帮四定: single numeral + single measure alternating with another."""
    if not c.chinese or len(c.numeral) != 1 or len(c.unit.surface) != 1 or c.start != c.numeral_start:
        return False
    after = text[c.end:c.end + 1]
    two_back = _before(text, c.start, 2)[:1]
    return after in _CN_NUMERAL_CHARS or two_back in _CN_NUMERAL_CHARS


_RULES = (
    is_ordinal, is_vague, is_glued_to_token, is_in_quoted_term, is_rhetorical_item_count,
    is_heading_item_count, is_restated_list, is_numeral_idiom,
)


def is_fact(text: str, c: Candidate) -> bool:
    """False when a general 'not a fact' rule applies to the candidate."""
    if is_chinese_one(c) or is_bare_magnitude(c):
        return False
    return not any(rule(text, c) for rule in _RULES)


# A qualifier that stands apart from its number: 接近总量的40%, 至少500万元.
_NOT_IN_CLAUSE = char_class(COMMAS, "。;；", COLONS, ranges="0-9", negate=True)
_DETACHED_QUALIFIER = re.compile(
    rf"(?:({'|'.join(DETACHED_BEFORE_DE)}){_NOT_IN_CLAUSE}{{1,8}}的|({'|'.join(AT_LEAST)})"
    rf"|(?<![{QUALIFIER_INSIDE_A_WORD['约']}])(约)占{_NOT_IN_CLAUSE}{{0,8}})$"  # 约占总人口的30%
)
_DETACHED_MEANING = {**{word: LEADING_QUALIFIERS[word] for word in (*DETACHED_BEFORE_DE, "约")}, **AT_LEAST}


def qualifier_before(text: str, start: int) -> Qualifier | None:
    """The qualifier of a detached word in front of the span, which stays outside it."""
    match = _DETACHED_QUALIFIER.search(_before(text, start, 12))
    return _DETACHED_MEANING[match.group(1) or match.group(2) or match.group(3)] if match else None
