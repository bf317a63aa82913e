"""The guideline's general "not a fact" rules, written from the language.

Each rule looks only at the candidate and the raw text around it: ordinals, vague amounts,
a value of one written 一, bare magnitudes (千人, 万家), numerals inside short quoted
terms and slogans, counts of the report's own rhetorical items, restated counts of items
listed right before, and alternating numeral idioms (千家万户, 三帮四定).
"""
from __future__ import annotations

import re

from extractors.base import Candidate
from extractors.numbers import QUALIFIER_INSIDE_A_WORD
from schemas import Qualifier

_CN_NUMERAL_CHARS = frozenset("零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟")
_OPEN_QUOTES = "“\"《「『‘"
_CLOSE_QUOTES = "”\"》」』’"
_QUOTED_TERM_MAX = 12
_CLAUSE_BREAK = frozenset(",，。;；:：!！?？\n")
_COORDINATORS = frozenset("和与及同、")
# Words after which the next noun is not the last item of a list (verbs, particles).
_NOT_LIST_END = frozenset("和与及同、了有为是到共计等在对把给向从将让使被")
# Measure words used to count a report's own points, and the abstract nouns they count.
_ITEM_MEASURES = frozenset({"项", "个", "条", "类", "种", "大", "方面"})
_ABSTRACT_ITEMS = re.compile(
    "(?:代表|机制|行动|工作|统一|难点|重点|主线|指标|措施|举措|原则|任务|目标|要求|方面|环节|意识|理念|"
    "作风|能力|体系|保障|到位|坚持|必须|优先|结合|步骤|阶段|特点|做法|经验|服务|文明|自信|"
    "着力|突出|抓好|注重|确保|强化|提升|推进|维护|规定|全覆盖|活动|工程|制度|清单|承诺|队伍)"
    # …but not an adjective of real things: 重点村, 重点项目, 重点企业, 文明村
    "(?![组队站室点区员场中村乡镇项企户])"
)
_REFERENCE_WORDS = ("以下", "如下", "下列", "上述", "这", "那", "以上")
# A numbered heading: 一、 (一) 1. 一是 at the start of a line.
_HEADING_MARKER = re.compile(
    r"\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[、.．]|"
    r"[一二三四五六七八九十]是|第[一二三四五六七八九十]+[,，、])"
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


# Indicators written as Latin acronyms right before their figure: GDP19.92亿元, CPI上涨2.1%.
_INDICATOR_ACRONYMS = ("GDP", "GNP", "CPI", "PPI")


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
_DETACHED_QUALIFIER = re.compile(
    r"(?:(接近|将近|超过|不足|不到|大约)[^,，。;；:：0-9]{1,8}的|(至少|最少|起码)"
    rf"|(?<![{QUALIFIER_INSIDE_A_WORD['约']}])(约)占[^,，。;；:：0-9]{{0,8}})$"  # 约占总人口的30%
)
_DETACHED_MEANING = {
    "接近": Qualifier.NEARLY, "将近": Qualifier.NEARLY, "超过": Qualifier.OVER,
    "不足": Qualifier.UNDER, "不到": Qualifier.UNDER, "大约": Qualifier.ABOUT,
    "至少": Qualifier.OVER, "最少": Qualifier.OVER, "起码": Qualifier.OVER, "约": Qualifier.ABOUT,
}


def qualifier_before(text: str, start: int) -> Qualifier | None:
    """The qualifier of a detached word in front of the span, which stays outside it."""
    match = _DETACHED_QUALIFIER.search(_before(text, start, 12))
    return _DETACHED_MEANING[match.group(1) or match.group(2) or match.group(3)] if match else None
