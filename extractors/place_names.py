"""Place names: found on the raw text by their suffix, confirmed by pkuseg and the name rules.

A name ends in a suffix (村 镇 乡 县 区 市 街道 社区 苏木 嘎查, `lang.places`) that ends a word;
its body is no common word, verb or kind of place, and the context does not make it a
neighbour, a nickname, a post taken up or a thing counted (14个责任区). Masked and Latin
names (***镇, XX村, wo村) come from a regex.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.base import Segmenter
from extractors.divisions import official_divisions
from extractors.lang.places import (COMMON_PLACE_WORDS, COUNT_BODY_ENDS, KINDS_OF_PLACE, LEVEL_RANK, LEVELS,
                                    LISTED_ONLY_SUFFIXES, LONG_SUFFIXES, NAME_CUES, NAME_NOISE, NAME_STOP, NEIGHBOUR_AFTER,
                                    NEIGHBOUR_BEFORE, NEIGHBOUR_DIRECTION_VERBS, NEIGHBOUR_DIRECTIONS,
                                    NOT_A_NAME_BODY, NOT_A_NAME_HEAD, PLACING_CUES, PLAIN_SUFFIX, POSTS,
                                    SELF_REFERENCE_HEADS, SLOGAN_VERBS, SUFFIX_CHARS, SUFFIX_SOURCE,
                                    SUFFIX_STARTS_WORD, TAKES_OFFICE, VILLAGE_LEVEL)
from extractors.lang.punctuation import HAN

# A suffix character that starts a common word is no suffix: 村民, 乡镇, 市场, 区域 …
SUFFIX_STARTS_WORD_RE = re.compile("|".join(f"{suffix}(?:{'|'.join(chars)})"
                                            for suffix, chars in SUFFIX_STARTS_WORD.items()))
# (The lookahead only speeds the search up.)
MASKED_OR_LATIN_PLACE = re.compile(
    # A masked name starts where its run of marks starts (else a long run costs quadratic time).
    # One * masks a name too (*村有耕地*亩), unless its suffix starts a word (*村民: a footnote).
    # 某某社区: "a certain so-and-so" masks a name too (one 某 is as often the report's
    # organisation: 某市委统战部驻村工作队).
    r"(?=[*＊×xX某A-Za-z])(?:(?<![*＊])[*＊]{2,}|(?<![*＊])[*＊](?!" + SUFFIX_STARTS_WORD_RE.pattern + r")"
    r"|(?<![×xX])[×xX]{2,}(?: (?=" + SUFFIX_SOURCE + r"))?|(?<!某)某某|(?<![A-Za-z])[A-Za-z]{1,12})"
    + SUFFIX_SOURCE)
# A report's first words placing a place (中心村位于…, XXX地处…): a name, though a kind of
# place (中心村) or masked without its suffix (XXX).
_PLACING = "(?=" + "|".join(PLACING_CUES) + ")"
PLACING_NAME = re.compile(f"[{HAN}]{{1,6}}{SUFFIX_SOURCE}{_PLACING}")
MASKED_PLACING = re.compile(r"(?:[*＊]{2,}|[×xX]{2,})" + _PLACING)
SUFFIX_AFTER_HAN = re.compile(f"(?<=[{HAN}])" + SUFFIX_SOURCE)
SUFFIX_AT = re.compile(SUFFIX_SOURCE)
NAME_WINDOW = 6
_KINDS_OF_PLACE = tuple(sorted(KINDS_OF_PLACE))
# For str.endswith: the words above, and those of them that end in a suffix (农村, 城乡).
_NOT_A_NAME_BODY_ENDINGS = tuple(sorted(NOT_A_NAME_BODY))
_NOT_A_NAME_ENDINGS = tuple(w for w in _NOT_A_NAME_BODY_ENDINGS if w[-1] in SUFFIX_CHARS)
_POST = re.compile("|".join(POSTS))
_NAME_CUE = re.compile("|".join(NAME_CUES))
_HAN_NAME = re.compile(f"[{HAN}]+")
_NEIGHBOUR_BEFORE = re.compile(
    f"(?:{'|'.join(NEIGHBOUR_BEFORE)}|[{NEIGHBOUR_DIRECTIONS}][{NEIGHBOUR_DIRECTION_VERBS}])$")
# A place a slogan builds (打造生态花园镇, 争创全国文明镇): a goal, its modifiers before it.
_SLOGAN = re.compile(f"(?:{'|'.join(SLOGAN_VERBS)})[{HAN}]{{0,4}}$")
_SLOGAN_REACH = max(map(len, SLOGAN_VERBS)) + 4
_NEIGHBOUR_AFTER = re.compile("|".join(NEIGHBOUR_AFTER))


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    name: str
    implied: str = ""  # the suffix a masked name leaves out (XXX地处… in a report on 全镇)

    @property
    def suffix(self) -> str:
        """The suffix as a self-reference names it (村 of 小楼自然村)."""
        return self.implied or plain_suffix(self.name)

    @property
    def level(self) -> str:
        """The level the list gives the name (内蒙古自治区 a province), else its suffix's."""
        return _listed_level(self.name) or level_of_suffix(self.suffix)

    @property
    def rank(self) -> int:
        return LEVEL_RANK[self.level]

    @property
    def latin(self) -> bool:
        return is_latin(self.name)


def suffix_of(name: str) -> str:
    return next((suffix for suffix in LONG_SUFFIXES if name.endswith(suffix)), name[-1])


@lru_cache(maxsize=1 << 16)  # bounded: a nightly run meets millions of names
def _listed_level(name: str) -> str | None:
    levels = {division.level for division in official_divisions().written(name)}
    return levels.pop() if len(levels) == 1 else None


def plain_suffix(name: str) -> str:
    """The suffix of a name as a self-reference names it (村 of 小楼自然村, 镇 of 八里台镇)."""
    suffix = suffix_of(name)
    return PLAIN_SUFFIX.get(suffix, suffix)


def suffix_rank(suffix: str) -> int:
    """How specific the level a suffix names is (LEVEL_RANK)."""
    return LEVEL_RANK[level_of_suffix(suffix)]


def level_of_suffix(suffix: str) -> str:
    """The level a suffix names (镇 a township, 旗 a county); a village for a masked or Latin
    name's last character."""
    return LEVELS.get(suffix) or LISTED_ONLY_SUFFIXES.get(suffix, VILLAGE_LEVEL)


def is_listed_name(name: str) -> bool:
    """Whether a name the official list has is a place here: not a kind of place (中心镇,
    重点镇), nor a word that a suffix may follow without making a name."""
    return not (name in KINDS_OF_PLACE or _ends_in_a_kind(name) or name[: -len(suffix_of(name))] in NOT_A_NAME_BODY)


def is_name(name: str) -> bool:
    body = name[: -len(suffix_of(name))]
    return not (
        name in KINDS_OF_PLACE or not _HAN_NAME.fullmatch(name)
        or name[0] in NOT_A_NAME_HEAD or name[0] in SUFFIX_CHARS
        or not NAME_NOISE.isdisjoint(name) or body in NOT_A_NAME_BODY
        or name.endswith(_NOT_A_NAME_ENDINGS) or body.endswith(_NOT_A_NAME_BODY_ENDINGS)
        or _ends_in_a_kind(name)  # 创生态村, 争创文明村: a kind of village
        or body[-1:] in COUNT_BODY_ENDS
        # 聚全县之智, 为我乡: a self-reference above the village ends it (the list has 万全区)
        or (body[-1:] in SELF_REFERENCE_HEADS and suffix_rank(plain_suffix(name)) < LEVEL_RANK[VILLAGE_LEVEL])
    )


def _ends_in_a_kind(name: str) -> bool:
    """Whether `name` ends in a kind of place longer than its suffix (文明村 of 争创文明村,
    not 自然村 of 小楼自然村)."""
    if not name.endswith(_KINDS_OF_PLACE):  # one call in C, for the many names that do not
        return False
    suffix = suffix_of(name)
    return any(name.endswith(kind) and len(kind) > len(suffix) for kind in _KINDS_OF_PLACE)


def is_latin(name: str) -> bool:
    return name[0].isascii() and name[0].isalpha()


def _name_from_words(words: list[str], first_whole: bool = True) -> str | None:
    """The place name ending the window: one word (青浦区), or name + suffix (刘家沟|村).

    A two-character word ending in a suffix (农村, 全乡, 门市) is a common word, not a name.
    `first_whole` is False when the window cut a word in two (its first word is a tail).
    """
    name = words[-1]
    if name in LONG_SUFFIXES:  # 兴龙|社区, 长白|新村|街道: the name is the words before it
        for word in reversed(words[:-1] if first_whole else words[1:-1]):
            if (word[-1] in NAME_STOP or word in NOT_A_NAME_BODY or word[-1] in "乡镇县区市"
                    or not _HAN_NAME.fullmatch(word)):  # a line break, a figure: the name starts after it
                break
            name = word + name
            if words[-1] in PLAIN_SUFFIX:
                break  # a kind of village follows one word of name (小楼|自然村, not 人口占全部|行政村)
        return name if len(name) >= 4 else None
    if len(name) >= 3:
        return name
    if len(name) == 2:
        # 小|后|冲村: pkuseg cuts an unknown village name into characters and a word
        # ending in 村; the common words (农村, 驻村) are listed.
        head = words[-2] if len(words) >= 2 else ""
        if (name[-1] != "村" or name in COMMON_PLACE_WORDS or name[0] in NOT_A_NAME_HEAD or len(head) != 1
                or not _is_head_char(head)):  # not 现|全村
            return None
        return head + name
    for word in reversed(words[:-1]):
        if word[-1] in NAME_STOP or word in NOT_A_NAME_BODY or (len(word) == 1 and len(name) > 2):
            break
        name = word + name
        if len(name) >= 3:
            break
    return name if len(name) >= 3 else None


def tiled(text: str, lo: int, end: int) -> bool:
    """Whether the words of `segmented_name`'s window tile it: pkuseg's do, but spaCy
    leaves out a space after a word, and then a name may be any string."""
    return " " not in text[max(lo, end - NAME_WINDOW):end + 2]


def may_end_a_name(text: str, lo: int, end: int) -> bool:
    """False when no name that `segmented_name` could confirm ends at `end` of a tiled
    window (see `tiled`), so that the segmenter need not run: such a name is one of the
    3 to 6 characters before `end`.
    """
    if may_be_one_character_name(text, lo, end):
        return True
    if not NAME_NOISE.isdisjoint(text[end - 3:end]):
        return False  # in every name of 3 characters or more
    return any(is_name(text[end - n:end]) for n in range(3, end - max(lo, end - NAME_WINDOW) + 1))


def segmented_name(text: str, lo: int, end: int, segment: Segmenter) -> str | None:
    """The name whose suffix ends at `end`, if the suffix ends a word there."""
    # A two-character suffix leaves less of the window to its name: segment a little more.
    suffix = len(suffix_of(text[max(0, end - 3):end]))
    start = max(lo, end - NAME_WINDOW - (suffix if suffix > 1 else 0))
    words, offset = [], start
    for word in segment(text[start:end + 2]):
        words.append(word)
        offset += len(word)
        if offset >= end:
            break
    if offset != end or not words:
        return None
    name = _name_from_words(words, _after_a_break(text, lo, start))
    if name is None and _one_character_name(text, lo, end, words):
        return text[end - 2:end]
    # Words that skip a space do not tile the window: keep only a name the text really has.
    if name is None or text[end - len(name):end] != name:
        return None
    head = end - len(name) - 1
    if (_word_before(words, len(name)) == text[head:head + 1] and len(name) < NAME_WINDOW
            and _is_head_char(text[head]) and _after_a_break(text, lo, head)):
        return text[head] + name  # 后|小郭村, 小|后冲|村 opening a line or clause: one name
    return name


def _word_before(words: list[str], tail: int) -> str | None:
    """The word before the last `tail` characters of `words`, if a word ends there."""
    for index in range(len(words) - 1, 0, -1):
        tail -= len(words[index])
        if tail <= 0:
            return words[index - 1] if tail == 0 else None
    return None


def may_be_one_character_name(text: str, lo: int, end: int) -> bool:
    """段村, 张村 (a surname and 村): a name of one character opening a line, or a clause
    before a word that says what the place is or has (段村位于…, ，张村共有…)."""
    head = end - 2
    if head < lo or text[end - 1] not in "村镇乡" or not _is_head_char(text[head]) or text[head:end] in COMMON_PLACE_WORDS:
        return False
    if head == lo or text[head - 1] == "\n":
        return True
    return _after_a_break(text, lo, head) and _NAME_CUE.match(text, end) is not None


def _one_character_name(text: str, lo: int, end: int, words: list[str]) -> bool:
    """`may_be_one_character_name`, with the name a word of its own (张村) or two (段|村)."""
    name = text[end - 2:end]
    return (words[-1] == name or words[-2:] == [name[0], name[1]]) and may_be_one_character_name(text, lo, end)


def _after_a_break(text: str, lo: int, at: int) -> bool:
    """A word starts at `at`: no Chinese character stands right before it."""
    return at == lo or not "\u4e00" <= text[at - 1] <= "\u9fff"


def _is_head_char(char: str) -> bool:
    """A character that may open a name as a word of its own (后 of 后小郭村)."""
    return ("\u4e00" <= char <= "\u9fff" and char not in NAME_STOP and char not in NAME_NOISE
            and char not in NOT_A_NAME_HEAD and char not in SUFFIX_CHARS)


def mentions_alone(document: str, body: str) -> int:
    """How often `body` stands in `document` with no place suffix after it."""
    count, at = 0, document.find(body)
    while at >= 0:
        count += SUFFIX_AT.match(document, at + len(body)) is None
        at = document.find(body, at + 1)
    return count


def _start(mention: PlaceMention) -> int:
    return mention.start




def named_in_context(text: str, lo: int, end: int, name: str) -> bool:
    """False when what stands around a name ending at `end` makes it no place: a kind of
    place counted (14个责任区), a post taken up (起任村党支部书记), a neighbour (南邻梓桐村,
    …接壤), a nickname in quotes (“乞丐村”) or a slogan's goal (打造生态花园镇)."""
    start = end - len(name)
    counted = text[start - 1:start] == "个"
    office = name[:-len(suffix_of(name))].endswith(TAKES_OFFICE) and _POST.match(text, end) is not None
    neighbour = (_NEIGHBOUR_BEFORE.search(text, max(lo, start - 2), start) is not None
                 or _NEIGHBOUR_AFTER.match(text, end) is not None)
    quoted = text[start - 1:start] in "“\"'「" and text[end:end + 1] in "”\"'」"
    slogan = _SLOGAN.search(text, max(lo, start - _SLOGAN_REACH), start) is not None
    return not (counted or office or neighbour or quoted or slogan)
