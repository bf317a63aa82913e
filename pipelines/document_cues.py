"""What one line says about where a report begins or ends, for split_documents.

- `head_cue`: a line only a report's head holds (an occasion subtitle, the bodies it is sent
  to, a web page's source line, page 1, a file name, a piece of a web compilation, a place's
  card);
- `topic_place`: the place a paragraph opens with as its topic (X村位于……, 2018年,X县在……
  领导下);
- `ends_report`: a closing formula, a writer's credit or a signing date;
- `places_named`: the places a line names (by the name rules of extractors.place_names).

All patterns are anchored or bounded and only read a line's bounded head.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from extractors.lang import documents as words
from extractors.lang.places import COMMON_PLACE_WORDS, NAME_STOP, NOT_A_NAME_HEAD, RANK, SUFFIX_STARTS_WORD
from extractors.lang.punctuation import CLAUSE_FINAL, HAN
from extractors.place_names import is_name

_OCCASION = re.compile(words.OCCASION)
_ADDRESSEE = re.compile(words.ADDRESSEE)
_PAGE_INFO = re.compile(words.PAGE_INFO)
_PAGE_ONE = re.compile(words.PAGE_ONE)
_FILE_NAME = re.compile(words.FILE_NAME, re.IGNORECASE)
_PIECE = re.compile(words.PIECE)
PIECE_COUNT = re.compile(words.PIECE_COUNT)
_PLACE_CARD = re.compile(words.PLACE_CARD)
_CARD_ROW = re.compile(words.CARD_ROW)
OPENING_SECTION = re.compile(words.OPENING_SECTION)
_NEWS_LEAD = re.compile(words.NEWS_LEAD)
_DATE_LEAD = re.compile(words.DATE_LEAD)
APPOINTED_SELF = re.compile(words.APPOINTED_SELF)
_PLACE_TOPIC = re.compile(words.PLACE_TOPIC)
_PLACE_SUBJECT = re.compile(words.PLACE_SUBJECT)
_CLOSING = re.compile(words.CLOSING)
_CREDIT = re.compile(words.CREDIT)
_SIGNATURE = re.compile(words.SIGNATURE)
_SIGNED_DATE = re.compile(words.SIGNED_DATE)
_SUFFIX = re.compile("|".join(sorted(RANK, key=len, reverse=True)))
_HAN_CHAR = re.compile(f"[{HAN}]")
_MASK = re.compile(f"[{words.NAME_MASKS}]")
# A name's letters: Han characters, or the marks that mask a name (XX村, ××镇, **乡).
_NAME_CHAR = re.compile(f"[{HAN}{words.NAME_MASKS}]")
_MAX_NAME_BODY = 8
_STOPS = NAME_STOP | frozenset(words.PLACE_VERB_ENDS)
_CLAUSE_WINDOW = 40  # chars of the clause after a year searched for its place
_CLAUSE_END = f"[{CLAUSE_FINAL}]"
_NEWS_WINDOW = 80   # a news lead names its reporter in the first clauses


class HeadCue(Enum):
    """Lines that stand at the head of a report and nowhere else."""
    OCCASION = "occasion"       # ——2021年8月27日在X乡第十八届人民代表大会第一次会议上
    ADDRESSEE = "addressee"     # 县委、县政府:
    PAGE_INFO = "page_info"     # 2020-02-28 17:33 来源:《祖国》杂志
    PAGE_ONE = "page_one"       # 第1页共6页……
    FILE_NAME = "file_name"     # 一事一议资料模板.doc
    PIECE = "piece"             # 篇一:……总结
    PLACE_CARD = "place_card"   # 地名:杜洼村 | 隶属:吴陈河镇 | (or any row of the card)


def head_cue(head: str) -> HeadCue | None:
    """The kind of report-head line `head` is, or None."""
    if _OCCASION.match(head):
        return HeadCue.OCCASION
    if len(head) <= 40 and _ADDRESSEE.match(head):
        return HeadCue.ADDRESSEE
    if len(head) <= 60 and _PAGE_INFO.search(head):
        return HeadCue.PAGE_INFO
    if _PAGE_ONE.match(head):
        return HeadCue.PAGE_ONE
    if len(head) <= 60 and _FILE_NAME.search(head) and _HAN_CHAR.search(head):
        return HeadCue.FILE_NAME
    if _PIECE.match(head):
        return HeadCue.PIECE
    if _PLACE_CARD.match(head) or _CARD_ROW.match(head):
        return HeadCue.PLACE_CARD
    return None


def ends_report(head: str, previous: str) -> bool:
    """特此报告。/ 谢谢大家! / (陈蕾) / a date under its signature (X村委会 + 2021年12月30日):
    a line that closes a report (`previous` is the line before)."""
    if _CLOSING.match(head) or _CREDIT.match(head):
        return True
    return bool(_SIGNED_DATE.match(head)) and len(previous) <= 30 and bool(_SIGNATURE.match(previous))


def is_news_lead(head: str) -> bool:
    """3月15日,记者从……获悉 / 2月26日下午3时,……: the lead of a news report."""
    return bool(_NEWS_LEAD.match(head[:_NEWS_WINDOW]))


def opens_with_its_year(head: str) -> bool:
    """2018年,子洲县……: a paragraph opening with its year and the place it is about (not
    2022年,我们将……, which any report says of its next year)."""
    match = _DATE_LEAD.match(head)
    if match is None:
        return False
    clause = head[match.end():match.end() + _CLAUSE_WINDOW]
    return bool(places_named(re.split(_CLAUSE_END, clause, maxsplit=1)[0]))


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    rank: int   # RANK of its suffix: higher is more specific (村 4 … 市 1)


def places_named(text: str) -> list[Place]:
    """Place names in `text`, read backwards from each suffix by the name rules (a name stops
    at a function word or at the suffix of the place before it: 天水市|麦积区|甘泉镇)."""
    found: list[Place] = []
    floor = 0
    for match in _SUFFIX.finditer(text):
        suffix, end = match.group(0), match.end()
        if len(suffix) == 1 and end < len(text) and text[end] in SUFFIX_STARTS_WORD.get(suffix, ""):
            continue
        start = match.start()
        while (start > floor and match.start() - start < _MAX_NAME_BODY and _NAME_CHAR.match(text[start - 1])
               and text[start - 1] not in _STOPS):
            start -= 1
        name = text[start:end]
        if _is_name(name, suffix):
            found.append(Place(name, RANK[suffix]))
            floor = end
    return found


def _is_name(name: str, suffix: str) -> bool:
    """The name rules of extractors.place_names, or a masked name (XX村, ××镇)."""
    body = name[:-len(suffix)]
    if not body or name in COMMON_PLACE_WORDS:
        return False
    if _MASK.search(body):
        return body[0] not in NOT_A_NAME_HEAD
    kind = next((kind for kind in words.VILLAGE_KINDS if name.endswith(kind) and len(name) > len(kind)), None)
    return is_name(name if kind is None else name[:-len(kind)] + suffix)


def topic_place(head: str) -> Place | None:
    """The place a paragraph opens with as its topic: 周德村位于……, 【简况】 港口镇位于……,
    2018年,子洲县在市委……领导下 (the most specific of a chain)."""
    return _leading_place(_PLACE_TOPIC, head)


def subject_place(head: str) -> Place | None:
    """The place a paragraph's first clause opens with, after its time: 历时两个月,白沙镇20个村……
    (the clause's first word is the name, not 我们在白沙镇……)."""
    place = _leading_place(_PLACE_SUBJECT, head)
    match = _PLACE_SUBJECT.match(head)
    if place is None or match is None or not match.group(1).startswith(places_named(match.group(1))[0].name):
        return None
    return place


def _leading_place(pattern: re.Pattern[str], head: str) -> Place | None:
    match = pattern.match(head)
    if match is None:
        return None
    places = places_named(match.group(1))
    if not places or not match.group(1).endswith(places[-1].name):
        return None
    return places[-1]
