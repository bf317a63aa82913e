"""Place attribution: the most specific named place a fact is about.

Names are found on the raw text by their suffix (村 镇 乡 县 区 市 街道 社区) and confirmed
with pkuseg on a few characters around the suffix; the report's own place is the named
place at the level the report speaks of itself (我镇, 全乡, 本村).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from extractors.base import Candidate, Segmenter
from schemas import FactKind

_PLACE_RANK = {"村": 4, "社区": 4, "镇": 3, "乡": 3, "街道": 3, "县": 2, "区": 2, "市": 1}
_MASKED_OR_LATIN_PLACE = re.compile(r"(?:[*＊]{2,}|[×xX]{2,}|(?<![A-Za-z])[A-Za-z]{1,12})(?:街道|社区|[村镇乡县区市])")
_SUFFIX = re.compile(r"(?<=[\u4e00-\u9fff])(?:街道|社区|[村镇乡县区市])")
# A suffix character that starts a common word is no suffix: 村民, 乡镇, 市场, 区域 …
_SUFFIX_STARTS_WORD = re.compile(
    r"村(?:民|干|级|务|组|庄|里|内|集|规|风|貌|容|情|医|小)|镇(?:村|政|党|区|长|委|级|内|域|里)|"
    r"乡(?:镇|村|亲|土|贤|政|党|长|委|级|里|愁|间)|县(?:城|委|级|政|长|域|里|直|财|区)|"
    r"区(?:域|委|级|政|长|别|分|位|间)|市(?:场|民|委|级|政|长|区|县|容|值|直)"
)
_NAME_WINDOW = 6
_SELF_REFERENCE = re.compile(r"(?:全|我|本|该)(街道|社区|[村镇乡县区市])")
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
})
_SUFFIX_CHARS = frozenset("村镇乡县区市")


def _is_name(name: str) -> bool:
    body = name[: -len(PlaceMention(0, 0, name).suffix)]
    return not (
        name in _NOT_PLACES or name[0] in _NOT_A_NAME_HEAD or name[0] in _SUFFIX_CHARS
        or _NAME_NOISE.intersection(name) or body in _NOT_A_NAME_BODY
        or any(name.endswith(word) for word in _NOT_A_NAME_BODY if word[-1] in _SUFFIX_CHARS)
        or any(body.endswith(word) for word in _NOT_A_NAME_BODY)
    )
# Characters a name does not start with or contain (determiners, particles, measure words).
_NOT_A_NAME_HEAD = frozenset("全我本该各每此邻外其贵兄某原新同上下个")
_NAME_NOISE = frozenset("该这那其每各一届个的了和与及在对以因由")
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
        return "街道" if self.name.endswith("街道") else "社区" if self.name.endswith("社区") else self.name[-1]

    @property
    def rank(self) -> int:
        return _PLACE_RANK[self.suffix]

    @property
    def latin(self) -> bool:
        return self.name[0].isascii() and self.name[0].isalpha()


def _name_from_words(words: list[str]) -> str | None:
    """The place name ending the window: one word (青浦区), or name + suffix (刘家沟|村).

    A two-character word ending in a suffix (农村, 全乡, 门市) is a common word, not a name.
    """
    name = words[-1]
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


def _segmented_name(text: str, lo: int, end: int, segment: Segmenter) -> str | None:
    """The name whose suffix ends at `end`, if the suffix ends a word there."""
    start = max(lo, end - _NAME_WINDOW)
    words, offset = [], start
    for word in segment(text[start:end + 2]):
        words.append(word)
        offset += len(word)
        if offset >= end:
            break
    if offset != end or not words:
        return None
    return _name_from_words(words)


def find_places(text: str, lo: int, hi: int, segment: Segmenter | None) -> list[PlaceMention]:
    """Named places (五沙村, 八里台镇, ***镇, 青浦区, wo村) in text[lo:hi]."""
    mentions = [PlaceMention(m.start(), m.end(), m.group())
                for m in _MASKED_OR_LATIN_PLACE.finditer(text, lo, hi)]
    if segment is not None:
        for match in _SUFFIX.finditer(text, lo, hi):
            if _SUFFIX_STARTS_WORD.match(text, match.start()):
                continue
            name = _segmented_name(text, lo, match.end(), segment)
            if name is not None and _is_name(name):
                mentions.append(PlaceMention(match.end() - len(name), match.end(), name))
    mentions.sort(key=lambda m: m.start)
    document = text[lo:hi]
    named = Counter(m.name for m in mentions)
    accepted = set()
    for name, count in named.items():
        body = name[: -len(PlaceMention(0, 0, name).suffix)]
        if name[0].isascii() or not body or count >= _NAME_SHARE * document.count(body):
            accepted.add(name)
    return [m for m in mentions if m.name in accepted]


def self_reference_level(text: str, lo: int, hi: int) -> str | None:
    """The level a report speaks of itself at (我镇, 全乡, 本村 …), the most frequent one."""
    levels = Counter(m.group(1) for m in _SELF_REFERENCE.finditer(text, lo, hi))
    return levels.most_common(1)[0][0] if levels else None


def document_place(places: list[PlaceMention], level: str | None) -> PlaceMention | None:
    """The report's own place: a named place at its self-reference level if there is one,
    else any; the most often named, Chinese names before Latin ones, then the first."""
    if not places:
        return None
    pool = [p for p in places if p.suffix == level] or places
    counts = Counter(p.name for p in places)
    return max(pool, key=lambda p: (not p.latin, counts[p.name], -p.start))


def place_of(
    text: str, candidate: Candidate, kind: str, sentence: tuple[int, int],
    places: list[PlaceMention], default: PlaceMention | None,
) -> str | None:
    """The most specific named place the fact is about; the report's place by default."""
    lo, _ = sentence
    before = [p for p in places if lo <= p.start and p.end <= candidate.start]
    clause_start = candidate.start
    while clause_start > lo and text[clause_start - 1] not in ",，。;；\n":
        clause_start -= 1
    references = [m.group(1) for m in _SELF_REFERENCE.finditer(text, clause_start, candidate.start)]
    if kind == FactKind.VILLAGE_COUNT:
        # Counting villages speaks of the place above them: 八里台镇所辖的15个行政村.
        above = [p for p in before if p.rank < _PLACE_RANK["村"]]
        if above:
            return above[-1].name
    if references:
        level = references[-1]
        if default is not None and _PLACE_RANK[level] >= default.rank:
            return default.name  # 全村 in a township's report: still that township
        named = [p for p in places if p.suffix == level]
        return named[0].name if named else None  # 全市 with no named city: null
    if before and (default is None or before[-1].rank >= default.rank):
        return before[-1].name
    return default.name if default else None
