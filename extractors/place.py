"""Place attribution: the most specific named place a fact is about.

Names are found on the raw text by their suffix (村 镇 乡 县 区 市 街道 社区 苏木 嘎查) and confirmed
with pkuseg on a few characters around the suffix; the report's own place is the named
place at the level the report speaks of itself (我镇, 全乡, 本村).
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass

from extractors.base import Candidate, Segmenter
from schemas import FactKind

_PLACE_RANK = {"村": 4, "社区": 4, "嘎查": 4, "镇": 3, "乡": 3, "街道": 3, "苏木": 3, "县": 2, "区": 2, "市": 1}
# Suffixes of two characters (苏木 and 嘎查: Inner Mongolia's townships and villages).
_LONG_SUFFIXES = ("街道", "社区", "苏木", "嘎查")
_SUFFIX_SOURCE = r"(?:街道|社区|苏木|嘎查|[村镇乡县区市])"
# A suffix character that starts a common word is no suffix: 村民, 乡镇, 市场, 区域 …
_SUFFIX_STARTS_WORD = re.compile(
    r"村(?:民|干|级|务|组|庄|里|内|集|规|风|貌|容|情|医|小)|镇(?:村|政|党|区|长|委|级|内|域|里)|"
    r"乡(?:镇|村|亲|土|贤|政|党|长|委|级|里|愁|间)|县(?:城|委|级|政|长|域|里|直|财|区)|"
    r"区(?:域|委|级|政|长|别|分|位|间)|市(?:场|民|委|级|政|长|区|县|容|值|直)"
)
# (The lookahead only speeds the search up.)
_MASKED_OR_LATIN_PLACE = re.compile(
    # A masked name starts where its run of marks starts (else a long run costs quadratic time).
    # One * masks a name too (*村有耕地*亩), unless its suffix starts a word (*村民: a footnote).
    r"(?=[*＊×xXA-Za-z])(?:(?<![*＊])[*＊]{2,}|(?<![*＊])[*＊](?!" + _SUFFIX_STARTS_WORD.pattern + r")"
    r"|(?<![×xX])[×xX]{2,}|(?<![A-Za-z])[A-Za-z]{1,12})"
    + _SUFFIX_SOURCE)
_SUFFIX = re.compile(r"(?<=[\u4e00-\u9fff])" + _SUFFIX_SOURCE)
_SUFFIX_AT = re.compile(_SUFFIX_SOURCE)
_NAME_WINDOW = 6
_SELF_REFERENCE = re.compile(r"(?:全|我|本|该)(街道|社区|苏木|嘎查|[村镇乡县区市])")
# Category nouns, not names: 示范村 (a model village), 贫困县 (a poor county) …
_NOT_PLACES = frozenset({
    "新农村", "示范村", "空壳村", "行政村", "自然村", "贫困村", "贫困县", "小康村", "重点村", "中心村",
    "城中村", "先进村", "文明村", "后进村", "生态村", "美丽乡村", "试点村", "样板村", "软弱涣散村",
    "居住区", "居民区", "开发区", "保护区", "风景区", "工业区", "示范区", "新城区", "老城区",
})
# Verbs and determiners that a bare suffix may follow (召开|镇…, 所有|村, 根据|村): not names.
_NOT_A_NAME_BODY = frozenset({
    "研究", "参加", "参与", "发展", "开展", "建设", "推进", "落实", "加强", "组织", "进行", "实现",
    "提升", "整治", "服务", "管理", "帮扶", "包保", "深入", "走访", "覆盖", "带动", "指导", "联系",
    "召开", "成立", "创建", "打造", "培育", "引导", "支持", "争创", "申报", "评选", "督导", "下派",
    "选派", "派驻", "挂职", "任职", "回到", "来到", "走进", "听取", "代表", "所有", "部分", "结合",
    "根据", "符合", "采用", "围绕", "安排", "提高", "做好", "夯实", "推荐", "确保", "解决", "推行",
    "具有", "通过", "施行", "实行", "全体", "各个", "其他", "其它", "其余", "有些", "一些", "每个",
    "整个", "多个", "这个", "那个", "推动", "增强", "要求", "绿化", "美化", "返乡", "下乡", "进村",
    "驻村", "包村", "住村", "治村", "兴村", "强村", "富村", "优质", "全面", "城乡", "农村", "乡村",
    "报请", "平时", "众多", "按照", "确定", "会同", "以及", "住宅", "所在", "当地", "本地", "外地",
    "制定", "部门", "标准", "帮助", "协助", "配合", "依托", "依靠", "立足", "面向", "包括", "涉及",
    "全省", "全国", "本省", "外省", "邻近", "附近", "周边", "各级", "基层", "上级", "下级",
    "新建", "建成", "新修", "修建", "新增", "新设", "上报", "下辖", "下到", "上到", "贫困", "同乡",
    # kinds of place: 重点县, 集聚区, 安置区, 建制村, 整村, 行政村
    "重点", "集聚", "聚集", "安置", "建制", "整", "行政", "产业", "扶贫", "移民", "搬迁", "省级", "市级", "县级",
    "地区",  # 集中连片特殊困难地区县
})
_KINDS_OF_PLACE = tuple(sorted(_NOT_PLACES))
_SUFFIX_CHARS = frozenset("村镇乡县区市")
# For str.endswith: the words above, and those of them that end in a suffix (农村, 城乡).
_NOT_A_NAME_BODY_ENDINGS = tuple(sorted(_NOT_A_NAME_BODY))
_NOT_A_NAME_ENDINGS = tuple(w for w in _NOT_A_NAME_BODY_ENDINGS if w[-1] in _SUFFIX_CHARS)
# Characters a name does not start with or contain (determiners, particles, measure words).
_NOT_A_NAME_HEAD = frozenset("全我本该各每此邻外其贵兄某原个")
_NAME_NOISE = frozenset("该这那其每各一届个的了和与及在对以因由")


def _suffix(name: str) -> str:
    return next((suffix for suffix in _LONG_SUFFIXES if name.endswith(suffix)), name[-1])


def _is_name(name: str) -> bool:
    body = name[: -len(_suffix(name))]
    return not (
        name in _NOT_PLACES or not _HAN_NAME.fullmatch(name)
        or name[0] in _NOT_A_NAME_HEAD or name[0] in _SUFFIX_CHARS
        or not _NAME_NOISE.isdisjoint(name) or body in _NOT_A_NAME_BODY
        or name.endswith(_NOT_A_NAME_ENDINGS) or body.endswith(_NOT_A_NAME_BODY_ENDINGS)
        or name.endswith(_KINDS_OF_PLACE)  # 创生态村, 争创文明村: a kind of village
    )


# 起任村党支部书记, 当选镇长: a verb taking office before a post is no name body.
_TAKES_OFFICE = ("任", "当选", "选为", "成为", "作为")
_POST = re.compile(r"党支部|党总支|党委|支部|支书|两委|委员|委会|主任|书记|会计|文书|监委|干部|长")
# A report's first line is its title when short and no sentence.
_TITLE_MAX = 40
_IN_SENTENCES = re.compile(r"[,，。;；!！?？]")
_LIST_JOINERS = frozenset("、和与及")
_SENTENCE_STARTS = frozenset("。！？；!?;")
# How far back a paragraph's topic is looked for: a line of a whole file would make every
# figure look at every place before it.
_TOPIC_REACH = 1500
# Words of two characters ending in a suffix that name no place.
_COMMON_TWO = frozenset({
    "农村", "乡村", "山村", "渔村", "新村", "老村", "进村", "驻村", "包村", "住村", "治村", "兴村", "强村",
    "富村", "建村", "并村", "撤村", "下乡", "返乡", "回乡", "家乡", "故乡", "老乡", "城乡", "城镇", "集镇",
    "小镇", "古镇", "重镇", "名镇", "新镇", "老乡", "外乡", "他乡", "异乡", "入村", "到村", "出村", "在村",
})
# What a clause says of a place right after its name (段村位于…, 张村共有…).
_NAME_CUE = re.compile(r"位于|地处|坐落|地处|辖|下辖|共有|现有|有|是|村委|党支部|党总支|两委|全村|总人口|总面积")
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]+")
# A neighbour (南邻梓桐村, 西与梓桐村搭界, 距木塔乡12公里) is named, not reported on.
_NEIGHBOUR_BEFORE = re.compile(r"(?:邻|距|距离|离|由|[东南西北](?:连|接|靠|抵))$")  # …, 由A镇搬迁到…
_NEIGHBOUR_AFTER = re.compile(r"相邻|接壤|交界|搭界|毗邻|为邻|相连|相望")
_NAME_STOP = frozenset("了在到进入驻包出回下为对和与及的是从向把被给让使将各每全我本该此其这那")
# A real name is written with its suffix nearly every time (纪合寺 → 纪合寺村); a common word
# followed now and then by a suffix (通过村…, 结合镇…) is not a name.
_NAME_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    name: str

    @property
    def suffix(self) -> str:
        return _suffix(self.name)

    @property
    def rank(self) -> int:
        return _PLACE_RANK[self.suffix]

    @property
    def latin(self) -> bool:
        return _is_latin(self.name)


def _is_latin(name: str) -> bool:
    return name[0].isascii() and name[0].isalpha()


def _name_from_words(words: list[str], first_whole: bool = True) -> str | None:
    """The place name ending the window: one word (青浦区), or name + suffix (刘家沟|村).

    A two-character word ending in a suffix (农村, 全乡, 门市) is a common word, not a name.
    `first_whole` is False when the window cut a word in two (its first word is a tail).
    """
    name = words[-1]
    if name in _LONG_SUFFIXES:  # 兴龙|社区, 长白|新村|街道: the name is the words before it
        for word in reversed(words[:-1] if first_whole else words[1:-1]):
            if word[-1] in _NAME_STOP or word in _NOT_A_NAME_BODY or word[-1] in "乡镇县区市":
                break
            name = word + name
        return name if len(name) >= 4 else None
    if len(name) >= 3:
        return name
    if len(name) == 2:
        return None
    for word in reversed(words[:-1]):
        if word[-1] in _NAME_STOP or word in _NOT_A_NAME_BODY or (len(word) == 1 and len(name) > 2):
            break
        name = word + name
        if len(name) >= 3:
            break
    return name if len(name) >= 3 else None


def _tiled(text: str, lo: int, end: int) -> bool:
    """Whether the words of `_segmented_name`'s window tile it: pkuseg's do, but spaCy
    leaves out a space after a word, and then a name may be any string."""
    return " " not in text[max(lo, end - _NAME_WINDOW):end + 2]


def _may_end_a_name(text: str, lo: int, end: int) -> bool:
    """False when no name that `_segmented_name` could confirm ends at `end` of a tiled
    window (see `_tiled`), so that the segmenter need not run: such a name is one of the
    3 to 6 characters before `end`.
    """
    if _may_be_one_character_name(text, lo, end):
        return True
    if not _NAME_NOISE.isdisjoint(text[end - 3:end]):
        return False  # in every name of 3 characters or more
    return any(_is_name(text[end - n:end]) for n in range(3, end - max(lo, end - _NAME_WINDOW) + 1))


def _segmented_name(text: str, lo: int, end: int, segment: Segmenter) -> str | None:
    """The name whose suffix ends at `end`, if the suffix ends a word there."""
    # A two-character suffix leaves less of the window to its name: segment a little more.
    start = max(lo, end - _NAME_WINDOW - (2 if text[end - 2:end] in _LONG_SUFFIXES else 0))
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
    if (name == words[-1] and len(words) >= 2 and words[-2] == text[head:head + 1] and len(name) < _NAME_WINDOW
            and _is_head_char(words[-2]) and _after_a_break(text, lo, head)):
        return words[-2] + name  # 后|小郭村 opening a line or clause: one name
    return name


def _may_be_one_character_name(text: str, lo: int, end: int) -> bool:
    """段村, 张村 (a surname and 村): a name of one character opening a line, or a clause
    before a word that says what the place is or has (段村位于…, ，张村共有…)."""
    head = end - 2
    if head < lo or text[end - 1] not in "村镇乡" or not _is_head_char(text[head]) or text[head:end] in _COMMON_TWO:
        return False
    if head == lo or text[head - 1] == "\n":
        return True
    return _after_a_break(text, lo, head) and _NAME_CUE.match(text, end) is not None


def _one_character_name(text: str, lo: int, end: int, words: list[str]) -> bool:
    """`_may_be_one_character_name`, with the name a word of its own (张村) or two (段|村)."""
    name = text[end - 2:end]
    return (words[-1] == name or words[-2:] == [name[0], name[1]]) and _may_be_one_character_name(text, lo, end)


def _after_a_break(text: str, lo: int, at: int) -> bool:
    """A word starts at `at`: no Chinese character stands right before it."""
    return at == lo or not "\u4e00" <= text[at - 1] <= "\u9fff"


def _is_head_char(char: str) -> bool:
    """A character that may open a name as a word of its own (后 of 后小郭村)."""
    return ("\u4e00" <= char <= "\u9fff" and char not in _NAME_STOP and char not in _NAME_NOISE
            and char not in _NOT_A_NAME_HEAD and char not in _SUFFIX_CHARS)


def _mentions_alone(document: str, body: str) -> int:
    """How often `body` stands in `document` with no place suffix after it."""
    count, at = 0, document.find(body)
    while at >= 0:
        count += _SUFFIX_AT.match(document, at + len(body)) is None
        at = document.find(body, at + 1)
    return count


def _start(mention: PlaceMention) -> int:
    return mention.start


class DocumentPlaces:
    """The named places (五沙村, 八里台镇, ***镇, 青浦区, wo村) of the document text[lo:hi].

    Masked and Latin names come from a regex. Other names end in a suffix that pkuseg must
    confirm, the costly part, so a suffix is segmented only when a question needs it: the
    places before a figure, those at a level, the other mentions of a name (a name is a
    place only if written with its suffix at least `_NAME_SHARE` of the time). The answers
    are those over all places, in text order.
    """

    def __init__(self, text: str, lo: int, hi: int, segment: Segmenter | None):
        self._text, self._lo, self._segment = text, lo, segment
        self._document = text[lo:hi]
        first_line = self._document.lstrip().split("\n", 1)[0]
        self._title = "" if len(first_line) > _TITLE_MAX or _IN_SENTENCES.search(first_line) else first_line
        self._latin = [PlaceMention(m.start(), m.end(), m.group())
                       for m in _MASKED_OR_LATIN_PLACE.finditer(text, lo, hi)]
        # Where suffixes end, in text order, and those whose name may be any string.
        self._ends = [] if segment is None else [
            m.end() for m in _SUFFIX.finditer(text, lo, hi) if not _SUFFIX_STARTS_WORD.match(text, m.start())]
        self._untiled = {end for end in self._ends if not _tiled(text, lo, end)}
        self._names: dict[int, str | None] = {}
        self._by_tail: dict[int, dict[str, list[int]]] = {}  # width → last chars → ends
        self._counts: dict[str, int] = {}
        self._accepted: dict[str, bool] = {}
        self._topics: dict[int, PlaceMention | None] = {}
        self._homes: dict[str | None, PlaceMention | None] = {}

    def _name_at(self, end: int) -> str | None:
        if end not in self._names:
            text, lo, name = self._text, self._lo, None
            if end in self._untiled or _may_end_a_name(text, lo, end):
                name = _segmented_name(text, lo, end, self._segment)
            counted = name is not None and text[end - len(name) - 1:end - len(name)] == "个"
            # 14个责任区, 3个片区: what a count counts is a kind of place, not a name
            office = (name is not None and name[:-len(_suffix(name))].endswith(_TAKES_OFFICE)
                      and _POST.match(text, end) is not None)
            neighbour = name is not None and (
                _NEIGHBOUR_BEFORE.search(text, max(lo, end - len(name) - 2), end - len(name)) is not None
                or _NEIGHBOUR_AFTER.match(text, end) is not None)
            # “乞丐村”, 被称为“明星村”: a nickname in quotes, not the village's name
            quoted = name is not None and text[end - len(name) - 1:end - len(name)] in "“\"'「" \
                and text[end:end + 1] in "”\"'」"
            accepted = name is not None and _is_name(name) and not (counted or office or neighbour or quoted)
            self._names[end] = name if accepted else None
        return self._names[end]

    def _ends_of(self, name: str) -> set[int]:
        """The suffix ends where the segmenter may confirm `name` (a tiled window's name is
        the text before its end)."""
        width = len(name)
        if width not in self._by_tail:
            text, tails = self._text, defaultdict(list)
            if width <= _NAME_WINDOW:
                for end in self._ends:
                    tails[text[max(0, end - width):end]].append(end)
            self._by_tail[width] = tails
        return self._untiled.union(self._by_tail[width].get(name, ()))

    def count(self, name: str) -> int:
        """How often `name` is mentioned: by the regex, and at suffixes the segmenter confirms."""
        if name not in self._counts:
            self._counts[name] = (sum(m.name == name for m in self._latin)
                                  + sum(self._name_at(e) == name for e in self._ends_of(name)))
        return self._counts[name]

    def _is_place(self, name: str) -> bool:
        if name not in self._accepted:
            body = name[: -len(_suffix(name))]
            # The body's mentions alone (通过…, 结合…), not those in another place's name (巡检司镇);
            # a name in the title is a place however often its body stands alone (大陈乡 … 大陈公园).
            alone = _mentions_alone(self._document, body) if body else 0
            named = self.count(name)
            self._accepted[name] = (name[0].isascii() or not body or name in self._title
                                    or named >= _NAME_SHARE * (named + alone))
        return self._accepted[name]

    def _mentions(self, latin: list[PlaceMention], ends: list[int]) -> list[PlaceMention]:
        """The places among `latin` and the names ending at `ends`, in text order."""
        found = list(latin)
        for end in ends:
            name = self._name_at(end)
            if name is not None:
                found.append(PlaceMention(end - len(name), end, name))
        found.sort(key=lambda m: (m.start, -m.end))
        # 青新村 inside 长青新村街道: a part of a longer name is no place of its own
        places, reach = [], -1
        for mention in found:
            if self._is_place(mention.name):
                if mention.end > reach:
                    places.append(mention)
                reach = max(reach, mention.end)
        return places

    def before(self, lo: int, end: int) -> list[PlaceMention]:
        """The places inside text[lo:end]."""
        ends = self._ends[bisect_right(self._ends, lo):bisect_right(self._ends, end)]
        latin = self._latin[bisect_left(self._latin, lo, key=_start):bisect_left(self._latin, end, key=_start)]
        return [m for m in self._mentions([m for m in latin if m.end <= end], ends) if lo <= m.start]

    # The report's place and the first place of a level are found by branch and bound: a
    # place's order is (start, Latin before suffix, index); its rank for `home` is (Chinese,
    # count, -start), which the names a suffix may end bound from above.

    def _candidates(self, level: str | None) -> tuple[list[tuple[int, PlaceMention]], list[int]]:
        """The Latin/masked places (with their index) and the suffix ends that may end a
        place named with the suffix `level`; with every suffix when `level` is None."""
        latin = [(i, m) for i, m in enumerate(self._latin) if level is None or m.suffix == level]
        text = self._text
        ends = [e for e in self._ends if level is None or e in self._untiled or _suffix(text[e - 2:e]) == level]
        return latin, ends

    def _place_at(self, end: int, level: str | None) -> PlaceMention | None:
        name = self._name_at(end)
        if name is None or not self._is_place(name) or (level is not None and _suffix(name) != level):
            return None
        return PlaceMention(end - len(name), end, name)

    def _rank_bound(self, end: int) -> tuple | None:
        """At least the rank of a place the segmenter may confirm at `end`; None if none."""
        if end in self._untiled:
            return (True, math.inf, math.inf)
        text, width = self._text, end - max(self._lo, end - _NAME_WINDOW)
        shortest = 2 if _may_be_one_character_name(text, self._lo, end) else 3
        return max(((not _is_latin(name), sum(m.name == name for m in self._latin) + len(self._ends_of(name)),
                     len(name) - end)
                    for name in (text[end - n:end] for n in range(shortest, width + 1)) if _is_name(name)),
                   default=None)

    def _most_named(self, level: str | None) -> PlaceMention | None:
        """The most often named place, Chinese names before Latin ones, then the first; of
        those named with the suffix `level`, or of all when `level` is None."""
        best: tuple | None = None  # (rank, order, place)

        def consider(order: tuple, place: PlaceMention) -> None:
            nonlocal best
            rank = (not place.latin, self.count(place.name), -place.start)
            if best is None or rank > best[0] or (rank == best[0] and order < best[1]):
                best = (rank, order, place)

        latin, ends = self._candidates(level)
        for i, place in latin:
            if self._is_place(place.name):
                consider((place.start, 0, i), place)
        bounds = sorted(((bound, e) for e in ends if (bound := self._rank_bound(e)) is not None), reverse=True)
        for bound, end in bounds:
            if best is not None and bound < best[0]:
                break
            place = self._place_at(end, level)
            if place is not None:
                consider((place.start, 1, end), place)
        return None if best is None else best[2]

    def home(self, level: str | None) -> PlaceMention | None:
        """The report's own place: a named place at its self-reference level if there is
        one, else any; the most often named, Chinese names before Latin ones, then the first."""
        if level not in self._homes:
            self._homes[level] = self._title_place(level) or (
                (level is not None and self._most_named(level)) or self._most_named(None))
        return self._homes[level]

    def _title_place(self, level: str | None) -> PlaceMention | None:
        """The place a title names (上海市杨浦区…长白新村街道…工作总结): the one at `level`, else
        the most specific."""
        if not self._title:
            return None
        start = self._lo + len(self._document) - len(self._document.lstrip())
        named = self.before(start, start + len(self._title))
        at_level = [p for p in named if p.suffix == level]
        return (at_level or sorted(named, key=lambda p: p.rank))[-1] if named else None

    def topic(self, lo: int) -> PlaceMention | None:
        """The place the last sentence that opens with one opens with, in the paragraph up to
        the sentence at `lo` (苏村村位于木塔乡腹地,…。全村…; …。金牛村位于建平镇西北部。共778户)."""
        if lo not in self._topics:
            text = self._text
            reach = max(self._lo, lo - _TOPIC_REACH)
            paragraph = max(reach, text.rfind("\n", reach, lo) + 1)
            opening = paragraph + len(text[paragraph:lo]) - len(text[paragraph:lo].lstrip())
            topic = None
            for place in self.before(opening, lo + _NAME_WINDOW + 2):
                if place.start > lo:
                    break
                if place.start == opening or text[place.start - 1] in _SENTENCE_STARTS:
                    topic = place
            self._topics[lo] = topic
        return self._topics[lo]

    def first(self, level: str) -> PlaceMention | None:
        """The first place named with the suffix `level` (镇 …)."""
        latin, ends = self._candidates(level)
        best = min((((m.start, 0, i), m) for i, m in latin if self._is_place(m.name)), default=None)
        for end in ends:
            if best is not None and best[0] < (end - _NAME_WINDOW - 2, 1, end):
                break  # a name ends at `end` and starts in its window
            place = self._place_at(end, level)
            if place is not None and (best is None or (place.start, 1, end) < best[0]):
                best = ((place.start, 1, end), place)
        return None if best is None else best[1]


def self_reference_level(text: str, lo: int, hi: int) -> str | None:
    """The level a report speaks of itself at (我镇, 全乡, 本村 …), the most frequent one."""
    levels = Counter(m.group(1) for m in _SELF_REFERENCE.finditer(text, lo, hi))
    return levels.most_common(1)[0][0] if levels else None


def _counted_rank(unit_noun: str) -> int:
    """The rank of the units a village count counts (村民小组 below 村, 乡镇 above)."""
    if "组" in unit_noun:
        return _PLACE_RANK["村"] + 1
    if any(word in unit_noun for word in ("村", "社区", "居", "嘎查")):
        return _PLACE_RANK["村"]
    return _PLACE_RANK["镇"] if any(word in unit_noun for word in ("乡", "镇", "街道", "苏木")) else _PLACE_RANK["村"]


def place_of(
    text: str, candidate: Candidate, kind: str, sentence: tuple[int, int],
    places: DocumentPlaces, level: str | None,
) -> str | None:
    """The most specific named place the fact is about; the report's place (at the
    report's self-reference `level`) by default."""
    lo, _ = sentence
    default = places.home(level)
    clause_start = candidate.start
    while clause_start > lo and text[clause_start - 1] not in ",，。;；\n":
        clause_start -= 1
    references = [m.group(1) for m in _SELF_REFERENCE.finditer(text, clause_start, candidate.start)]
    if kind == FactKind.VILLAGE_COUNT and not references:
        # Counting units speaks of the nearest place just above them: 八里台镇所辖的15个行政村,
        # 桃花村位于龙泉镇西部,辖6个村民小组 (桃花村, not 龙泉镇).
        noun = candidate.unit.surface.lstrip("个") or text[max(lo, candidate.start - 6):candidate.start]
        above = [p for p in places.before(lo, candidate.start) if p.rank < _counted_rank(noun)]
        if above:
            return max(reversed(above), key=lambda p: p.rank).name
    if references:
        referred = references[-1]
        topic = places.topic(lo)
        if topic is not None and topic.suffix == referred:
            return topic.name  # 石桥村位于…。全村共有…: the paragraph's village
        if default is not None and _PLACE_RANK[referred] >= default.rank:
            return default.name  # 全村 in a township's report: still that township
        named = places.first(referred)
        return named.name if named else None  # 全市 with no named city: null
    # A place in a list (确定A社区、B村委会为示范点) is one of several: none of them alone.
    before = [p for p in places.before(lo, candidate.start) if text[p.end:p.end + 1] not in _LIST_JOINERS]
    if before and (default is None or before[-1].rank >= default.rank):
        return before[-1].name
    topic = places.topic(lo)
    if topic and (default is None or topic.rank >= default.rank):
        return topic.name
    return default.name if default else None

