"""Attribution of a fact: its sentence, its subject (what is measured) and its place.

Spans come from the raw text; the pkuseg segmenter is used only on a few characters
around each fact (subject boundaries) and around place-name suffixes, where word
boundaries pay for themselves.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.base import Candidate, Segmenter
from schemas import FactKind

_SENTENCE_END = re.compile(r"[。!?！？;；\n]")
_CLAUSE_BREAK = frozenset(",，。;；:：!！?？\n、()（）“”\"《》")
_SUBJECT_WINDOW = 16
# Words that link a subject to its figure (共有党员16名, 面积达到6621亩) and are not part of it.
_LINK_WORDS = (
    "共计", "共有", "合计", "累计", "总计", "达到", "达", "为", "是", "有", "共", "计", "约", "近",
    "已", "了", "的", "在", "将", "只有", "仅有", "现有", "拥有", "目前", "已经", "超过", "接近",
    "将近", "不足", "不到", "逾", "多达", "高达", "至少", "其中", "全部", "都", "均", "等",
)
_LEADING_NOISE = ("我们", "我村", "我镇", "我乡", "我县", "我区", "我市", "全村", "全镇", "全乡",
                  "全县", "全区", "全市", "目前", "现在", "今年", "去年", "已经", "先后", "共",
                  "其中", "并", "还", "又", "已", "另外", "同时", "此外", "通过", "预计能", "能")
# Words that end a subject noun phrase that follows the figure (8000名干部对口包保 → 干部).
_FOLLOWING_STOP = re.compile(
    r"[,，。;；:：、!！?？()（）“”\"\n]|的|中|都|已|在|参加|参与|进行|对口|率先|克服|建立|实现|"
    r"开展|全部|共|和|与|及|等|为|是|有|被|将|从|向|对|到|经|由|掌握|送去|结对"
)
_UNIT_NOUN_KINDS = frozenset({FactKind.VILLAGE_COUNT})

_PLACE_SUFFIXES = "村镇乡县区市"
_PLACE_CANDIDATE = re.compile(
    r"(?:[*＊]{2,}|[×xX]{2,}|[A-Za-z]{1,12}|[\u4e00-\u9fff]{1,6})(?:街道|社区|[村镇乡县区市])"
)
_NOT_A_PLACE_HEAD = frozenset("全我本该各每此邻外其贵兄某原新同大小上下本市县镇乡村区农城山社个进整开做住驻包抓建管治")
_NOT_PLACES = frozenset({
    "农村", "乡村", "城市", "城区", "市区", "山区", "景区", "园区", "小区", "辖区", "城乡", "社区",
    "街道", "乡镇", "村村", "镇村", "县市", "县区", "市县", "区县", "省市", "地区", "郊区", "片区",
    "新农村", "示范村", "空壳村", "行政村", "自然村", "贫困村", "小康村", "重点村", "中心村",
    "城中村", "先进村", "文明村", "后进村", "经济村", "集体村",
})
# Common report verbs: a verb + 村/镇 (研究镇…, 参加村…) is an action on a place, not a name.
_VERB_BODIES = re.compile(
    "(?:研究|参加|参与|发展|开展|建设|推进|落实|加强|组织|进行|实现|提升|整治|服务|管理|帮扶|包保|"
    "深入|走访|覆盖|带动|指导|联系|召开|成立|创建|打造|培育|引导|支持|争创|申报|评选|督导|"
    "下派|选派|派驻|挂职|任职|回到|来到|走进|深入到|覆盖到)$"
)
_NAME_NOISE = frozenset("该这那其每各一届个的了和与及在对")
_PLACE_RANK = {"村": 4, "社区": 4, "镇": 3, "乡": 3, "街道": 3, "县": 2, "区": 2, "市": 1}
_SELF_REFERENCE = re.compile(r"(?:全|我|本|该)(街道|社区|[村镇乡县区市])")


def sentence_bounds(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    """The sentence around [start, end): from after the previous 。!?; or newline to the next."""
    hi = len(text) if hi is None else hi
    left = start
    while left > lo and not _SENTENCE_END.match(text, left - 1):
        left -= 1
    found = _SENTENCE_END.search(text, end, hi)
    right = found.end() if found else hi
    return left, right


def _strip_words(phrase: str, words: tuple[str, ...], from_end: bool) -> str:
    changed = True
    while changed and phrase:
        changed = False
        for word in words:
            if from_end and phrase.endswith(word) and len(phrase) > len(word):
                phrase, changed = phrase[: -len(word)], True
            elif not from_end and phrase.startswith(word) and len(phrase) > len(word):
                phrase, changed = phrase[len(word):], True
    return phrase


def _preceding_phrase(text: str, start: int, lo: int) -> str:
    chars = []
    index = start - 1
    while index >= lo and len(chars) < _SUBJECT_WINDOW and text[index] not in _CLAUSE_BREAK:
        chars.append(text[index])
        index -= 1
    phrase = "".join(reversed(chars))
    # Drop other figures inside the clause prefix: keep what follows the last one.
    phrase = re.split(r"[0-9０-９%％*]+[^0-9]{0,3}?(?=[\u4e00-\u9fff])", phrase)[-1]
    phrase = _strip_words(phrase.strip(), _LINK_WORDS, from_end=True)
    return _strip_words(phrase, _LEADING_NOISE, from_end=False)


def _following_phrase(text: str, end: int, hi: int) -> str:
    window = text[end:min(hi, end + _SUBJECT_WINDOW)]
    stop = _FOLLOWING_STOP.search(window)
    return window[: stop.start()] if stop else window


def _trim_by_words(phrase: str, segment: Segmenter | None, keep_tail: bool) -> str:
    """Keep the last (or first) few words of a long phrase, cut at word boundaries."""
    if len(phrase) <= 8 or segment is None:
        return phrase[-10:] if keep_tail else phrase[:10]
    words = segment(phrase)
    picked: list[str] = []
    for word in (reversed(words) if keep_tail else words):
        if picked and sum(map(len, picked)) + len(word) > 10:
            break
        picked.append(word)
    return "".join(reversed(picked) if keep_tail else picked)


def subject_of(
    text: str, kind: FactKind, candidate: Candidate, sentence: tuple[int, int], segment: Segmenter | None
) -> str | None:
    """What the figure measures: the unit noun (村), the noun phrase after the measure word
    (27名村支部书记), or the one before the figure (户籍常住人口32426人)."""
    lo, hi = sentence
    if kind in _UNIT_NOUN_KINDS:
        return candidate.unit.surface.lstrip("个")
    if candidate.unit.canonical == "person" and candidate.unit.surface not in ("人", "名", "位", "口人"):
        return candidate.unit.surface  # 21党员
    following = _following_phrase(text, candidate.end, hi)
    if len(following) >= 2 and kind not in (FactKind.RATIO, FactKind.AGE):
        return _trim_by_words(following, segment, keep_tail=False)
    preceding = _preceding_phrase(text, candidate.start, lo)
    if len(preceding) >= 1:
        return _trim_by_words(preceding, segment, keep_tail=True)
    return following or None


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    name: str

    @property
    def rank(self) -> int:
        for suffix, rank in _PLACE_RANK.items():
            if self.name.endswith(suffix):
                return rank
        return 0

    @property
    def suffix(self) -> str:
        return next(s for s in _PLACE_RANK if self.name.endswith(s))


_NAME_STOP = frozenset("了在到进入驻包出回下为对和与及的是从向把被给让使将各每全我本该此其这那")


def _name_from_words(words: list[str]) -> str | None:
    """The place name ending the window: one word (青浦区), or name + suffix (刘家沟|村)."""
    last = words[-1]
    if len(last) >= 2:
        return last
    name = last
    for word in reversed(words[:-1]):
        if word[-1] in _NAME_STOP or (len(word) == 1 and len(name) > 2):
            break
        name = word + name
        if len(name) >= 3:
            break
    return name if len(name) >= 2 else None


def find_places(text: str, lo: int, hi: int, segment: Segmenter | None) -> list[PlaceMention]:
    """Named places (五沙村, 八里台镇, ***镇, 青浦区) in text[lo:hi].

    A name pkuseg keeps as one word counts at once; a name built from a word and a bare
    suffix (纪合寺|村) must recur in the document, which rules out 组织|村-like accidents.
    """
    mentions: list[tuple[PlaceMention, bool]] = []
    for match in _PLACE_CANDIDATE.finditer(text, lo, hi):
        name = match.group()
        if name[0] in "*＊×xX" or name[0].isascii():
            mentions.append((PlaceMention(match.start(), match.end(), name), True))
            continue
        if segment is None:
            continue
        # The suffix must end a word: in 村干部, 市场 it starts the next one.
        words, offset = [], match.start()
        for word in segment(text[match.start():match.end() + 3]):
            words.append(word)
            offset += len(word)
            if offset >= match.end():
                break
        if offset != match.end() or not words:
            continue
        built = _name_from_words(words)
        if (built is None or len(built) < 3 or built in _NOT_PLACES or built[0] in _NOT_A_PLACE_HEAD
                or _NAME_NOISE.intersection(built) or _VERB_BODIES.search(built[:-1])):
            continue
        if not any(built.endswith(s) for s in _PLACE_RANK):
            continue
        start = match.end() - len(built)
        mentions.append((PlaceMention(start, match.end(), built), len(words[-1]) >= 2))
    counts: dict[str, int] = {}
    for mention, _ in mentions:
        counts[mention.name] = counts.get(mention.name, 0) + 1
    return [m for m, one_word in mentions if one_word or counts[m.name] >= 2]


_OPENING_CHARS = 400


def document_place(places: list[PlaceMention], lo: int = 0) -> PlaceMention | None:
    """The report's own place: the most specific level named in its opening, else anywhere;
    among those the most often named, then the first."""
    opening = [p for p in places if p.start < lo + _OPENING_CHARS]
    pool = opening or places
    if not pool:
        return None
    best_rank = max(p.rank for p in pool)
    top = [p for p in pool if p.rank == best_rank]
    counts: dict[str, int] = {}
    for p in places:
        counts[p.name] = counts.get(p.name, 0) + 1
    return max(top, key=lambda p: (counts[p.name], -p.start))


def place_of(
    text: str, candidate: Candidate, kind: FactKind, sentence: tuple[int, int],
    places: list[PlaceMention], default: PlaceMention | None,
) -> str | None:
    """The most specific named place the fact is about; the report's place by default."""
    lo, _ = sentence
    before = [p for p in places if lo <= p.start and p.end <= candidate.start]
    clause_start = candidate.start
    while clause_start > lo and text[clause_start - 1] not in "。;；\n":
        clause_start -= 1
    reference = None
    for match in _SELF_REFERENCE.finditer(text, clause_start, candidate.start):
        reference = match.group(1)
    if kind == FactKind.VILLAGE_COUNT:
        # Counting villages speaks of the place above them: 八里台镇所辖的15个行政村.
        above = [p for p in before if p.rank < 4]
        if above:
            return above[-1].name
    if reference:
        named = [p for p in places if p.suffix == reference]
        if default and default.suffix == reference:
            return default.name
        if named:
            return named[0].name
        return None if reference in ("市", "县", "区") and default is None else (default.name if default else None)
    if before and before[-1].rank >= (default.rank if default else 0) and before[-1].start >= clause_start:
        return before[-1].name
    return default.name if default else None
