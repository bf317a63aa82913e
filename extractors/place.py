"""Place attribution: the most specific named place a fact is about.

The names (extractors/place_names.py) of a document, asked lazily; the report's own place
is the named place at the level the report speaks of itself (我镇, 全乡, 本村), a title's
most specific place first; a figure takes the place its clause, sentence or paragraph names.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass

from extractors.base import Candidate, Measure, Segmenter
from extractors.divisions import Division, official_divisions
from extractors.lang.not_facts import COORDINATORS
from extractors.lang.numerals import ARABIC_DIGITS, PLAIN_CN_NUMERALS
from extractors.lang.places import (LEVEL_RANK, LISTED_ONLY_SUFFIXES, NOT_A_NAME_HEAD, OFFICIAL_LEVELS, ONE_OF,
                                    OWN_REFERENCE_HEADS, PLACING_CUES, RANK, SELF_REFERENCE_HEADS, SELF_REFERENCE_LISTED,
                                    SUFFIX_SOURCE)
from extractors.lang.punctuation import (CLOSE_BRACKETS, COMMAS, DOTS, LIST_COMMA, OPEN_BRACKETS, SENTENCE_FINAL,
                                         WORD_SPACES, char_class)
from extractors.place_names import (MASKED_OR_LATIN_PLACE, MASKED_PLACING, NAME_WINDOW, PLACING_NAME,
                                    SUFFIX_AFTER_HAN, SUFFIX_STARTS_WORD_RE, PlaceMention, is_latin, is_listed_name, is_name,
                                    level_of_suffix, may_be_one_character_name, may_end_a_name, mentions_alone,
                                    named_in_context, plain_suffix, segmented_name, suffix_of, suffix_rank, tiled)

_SELF_REFERENCE = re.compile(f"([{SELF_REFERENCE_HEADS}])({SUFFIX_SOURCE}|[{''.join(SELF_REFERENCE_LISTED)}](?!道))")
# A report's first line is its title when short and no sentence.
_TITLE_MAX = 40
_IN_SENTENCES = re.compile(char_class(COMMAS, SENTENCE_FINAL))
# A place followed by one of these is an item of a list (确定A社区、B村委会为示范点).
_LIST_JOINERS = COORDINATORS
_SENTENCE_STARTS = frozenset(SENTENCE_FINAL)
_CLAUSE_STARTS = frozenset(COMMAS + "。;；\n")
# How far back a paragraph's topic is looked for: a line of a whole file would make every
# figure look at every place before it.
_TOPIC_REACH = 1500
# A real name is written with its suffix nearly every time (纪合寺 → 纪合寺村); a common word
# followed now and then by a suffix (通过村…, 结合镇…) is not a name.
_NAME_SHARE = 0.5
# A report's first sentence is looked for in its first lines (after a title and headings),
# and the places it opens on in its first characters.
_OPENING_LINES = 4
_OPENING_REACH = 40
# A paragraph that is an item of a list opens after its number (17、, （三）, 2.).
_ITEM_NUMBER = f"(?:[{ARABIC_DIGITS}]{{1,3}}|[{PLAIN_CN_NUMERALS}]{{1,3}})"
_ITEM_MARKER = re.compile(f"(?:{_ITEM_NUMBER}[{LIST_COMMA}{DOTS}{CLOSE_BRACKETS}]"
                          f"|[{OPEN_BRACKETS}]{_ITEM_NUMBER}[{CLOSE_BRACKETS}])[{WORD_SPACES}]*")
_LOCATES = re.compile(f"(?:{'|'.join(PLACING_CUES)})于?$")
_LISTED_ONLY_END = re.compile(f"[{''.join(LISTED_ONLY_SUFFIXES)}](?!道)")


@dataclass(frozen=True, slots=True)
class ResolvedPlace:
    """Where a fact's place stands among the official divisions: its level, its code when
    the list has it, and the divisions it lies in (itself included), where known."""

    level: str
    code: str | None = None
    township: str | None = None
    county: str | None = None
    prefecture: str | None = None
    province: str | None = None


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
        self._listed = official_divisions()
        # Found without the segmenter: masked and Latin names, and listed names whose suffix
        # ends no other name (乌拉特前旗, 市桥街).
        self._found = sorted([PlaceMention(m.start(), m.end(), m.group())
                              for m in MASKED_OR_LATIN_PLACE.finditer(text, lo, hi)]
                             + [m for m in map(self._listed_ending, (m.end() for m in _LISTED_ONLY_END.finditer(
                                 text, lo, hi))) if m is not None], key=_start)
        # Where suffixes end, in text order, and those whose name may be any string.
        self._ends = [] if segment is None else [
            m.end() for m in SUFFIX_AFTER_HAN.finditer(text, lo, hi) if not SUFFIX_STARTS_WORD_RE.match(text, m.start())]
        self._untiled = {end for end in self._ends if not tiled(text, lo, end)}
        self._names: dict[int, str | None] = {}
        self._by_tail: dict[int, dict[str, list[int]]] = {}  # width → last chars → ends
        self._counts: dict[str, int] = {}
        self._accepted: dict[str, bool] = {}
        self._topics: dict[int, PlaceMention | None] = {}
        self._homes: dict[str | None, PlaceMention | None] = {}
        self._divisions: dict[str, Division | None] = {}
        self._anchors: dict[str | None, Division | None] = {}
        self._listed_counts: Counter[str] | None = None
        self._implied: dict[str, str] = {}  # masked names without suffix → the suffix implied

    def _listed_ending(self, end: int) -> PlaceMention | None:
        """The listed place whose name ends at `end`, if a place there."""
        return self._listed_place(self._listed.form_ending(self._text, self._lo, end), end)

    def _listed_place(self, name: str | None, end: int) -> PlaceMention | None:
        """The listed `name` ending at `end` as a place, unless a kind of place or its context
        makes it none."""
        if name is None or not is_listed_name(name) or not named_in_context(self._text, self._lo, end, name):
            return None
        return PlaceMention(end - len(name), end, name)

    def _name_at(self, end: int) -> str | None:
        if end not in self._names:
            text, lo, name = self._text, self._lo, None
            if end in self._untiled or may_end_a_name(text, lo, end):
                name = segmented_name(text, lo, end, self._segment)
            accepted = name is not None and is_name(name) and named_in_context(text, lo, end, name)
            listed = self._listed.form_ending(text, lo, end)
            if listed is not None and not (accepted and len(name) >= len(listed) + 2 and name.endswith(listed)):
                # A listed name is a place by the list, unless part of a longer name
                # (长青新村街道 ends in 新村街道; not 2019年|杨柳湾镇: one character more).
                found = self._listed_place(listed, end)
                name, accepted = found and found.name, found is not None
            self._names[end] = name if accepted else None
        return self._names[end]

    def _ends_of(self, name: str) -> set[int]:
        """The suffix ends where the segmenter may confirm `name` (a tiled window's name is
        the text before its end)."""
        width = len(name)
        if width not in self._by_tail:
            text, tails = self._text, defaultdict(list)
            for end in self._ends:
                tails[text[max(0, end - width):end]].append(end)
            self._by_tail[width] = tails
        return self._untiled.union(self._by_tail[width].get(name, ()))

    def count(self, name: str) -> int:
        """How often `name` is mentioned: by the regex, and at suffixes the segmenter confirms."""
        if name not in self._counts:
            self._counts[name] = (sum(m.name == name for m in self._found)
                                  + sum(self._name_at(e) == name for e in self._ends_of(name)))
        return self._counts[name]

    def _is_place(self, name: str) -> bool:
        if name not in self._accepted:
            body = name[: -len(suffix_of(name))]
            # The body's mentions alone (通过…, 结合…), not those in another place's name (巡检司镇);
            # a name in the title is a place however often its body stands alone (大陈乡 … 大陈公园).
            alone = mentions_alone(self._document, body) if body else 0
            named = self.count(name)
            self._accepted[name] = (name[0].isascii() or not body or name in self._title or self._listed.written(name)
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

    def inside(self, lo: int, end: int) -> list[PlaceMention]:
        """The places inside text[lo:end]."""
        ends = self._ends[bisect_right(self._ends, lo):bisect_right(self._ends, end)]
        latin = self._found[bisect_left(self._found, lo, key=_start):bisect_left(self._found, end, key=_start)]
        return [m for m in self._mentions([m for m in latin if m.end <= end], ends) if lo <= m.start]

    # The report's place and the first place of a level are found by branch and bound: a
    # place's order is (start, Latin before suffix, index); its rank for `home` is (Chinese,
    # count, -start), which the names a suffix may end bound from above.

    def _candidates(self, level: str | None) -> tuple[list[tuple[int, PlaceMention]], list[int]]:
        """The Latin/masked places (with their index) and the suffix ends that may end a
        place named with the suffix `level`; with every suffix when `level` is None."""
        latin = [(i, m) for i, m in enumerate(self._found) if level is None or m.suffix == level]
        text = self._text
        ends = [e for e in self._ends if level is None or e in self._untiled or plain_suffix(text[max(0, e - 3):e]) == level]
        return latin, ends

    def _place_at(self, end: int, level: str | None) -> PlaceMention | None:
        name = self._name_at(end)
        if name is None or not self._is_place(name) or (level is not None and plain_suffix(name) != level):
            return None
        return PlaceMention(end - len(name), end, name)

    def _rank_bound(self, end: int) -> tuple | None:
        """At least the rank of a place the segmenter may confirm at `end`; None if none."""
        if end in self._untiled:
            return (True, math.inf, math.inf)
        text, width = self._text, end - max(self._lo, end - NAME_WINDOW)
        shortest = 2 if may_be_one_character_name(text, self._lo, end) else 3
        names = [name for name in (text[end - n:end] for n in range(shortest, width + 1)) if is_name(name)]
        listed = self._listed.form_ending(text, self._lo, end)
        names += [listed] if listed is not None else []
        return max(((not is_latin(name), sum(m.name == name for m in self._found) + len(self._ends_of(name)),
                     len(name) - end) for name in names), default=None)

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
        """The report's own place: the one its title names, else the one it opens on, else
        the most often named place at its self-reference level, else above it (我区 with only
        a town named names no district), else any when it has none; Chinese names before
        Latin ones, then the first."""
        if level not in self._homes:
            home = self._title_place(level) or self._opening_place(level)
            if home is None and level is not None:
                home = self._most_named(level) or self._most_named_above(level)
            if home is None and (level is None or not self._speaks_as(level)):
                home = self._most_named(None)
            self._homes[level] = home
        return self._homes[level]

    def _speaks_as(self, level: str) -> bool:
        """Whether the report names its own place at `level` (我区, 本村)."""
        return re.search(f"[{OWN_REFERENCE_HEADS}]{level}", self._document) is not None

    def _most_named_above(self, level: str) -> PlaceMention | None:
        """The most specific place above `level`, the most often named of its level."""
        named = [place for suffix in (*RANK, *LISTED_ONLY_SUFFIXES)
                 if (place := self._most_named(suffix)) is not None and place.rank < suffix_rank(level)]
        return max(named, key=lambda p: (p.rank, not p.latin, self.count(p.name), -p.start), default=None)

    def _title_place(self, level: str | None) -> PlaceMention | None:
        """The place a title names (上海市杨浦区…长白新村街道…工作总结): the one at `level`, else
        the most specific."""
        if not self._title:
            return None
        start = self._lo + len(self._document) - len(self._document.lstrip())
        named = self.inside(start, start + len(self._title))
        at_level = [p for p in named if p.suffix == level]
        return (at_level or sorted(named, key=lambda p: p.rank))[-1] if named else None

    def _opening_place(self, level: str | None) -> PlaceMention | None:
        """The place a report opens on, the most specific of those that open its first
        sentence one after another (刘家沟村是八里台镇所辖…, 云南省安宁市八街镇凤仪村位于…):
        a report that starts by placing itself is about that place. Not a Latin name (a
        pseudonym the report drops for the real one); a masked name without its suffix
        (XXX地处…) at the report's self-reference `level`."""
        text, at = self._text, self._lo
        for _ in range(_OPENING_LINES):
            end = text.find("\n", at, self._lo + len(self._document))
            end = self._lo + len(self._document) if end < 0 else end
            line = text[at:end].strip()
            if len(line) > _TITLE_MAX or _IN_SENTENCES.search(line):
                opening = at + len(text[at:end]) - len(text[at:end].lstrip())
                chain: list[PlaceMention] = []
                for place in self.inside(opening, min(end, opening + _OPENING_REACH)):
                    if place.start != (chain[-1].end if chain else opening):
                        break
                    chain.append(place)
                if chain:
                    return None if chain[-1].latin else chain[-1]
                named = PLACING_NAME.match(text, opening)
                if named and named.group()[0] not in NOT_A_NAME_HEAD:
                    return PlaceMention(named.start(), named.end(), named.group())
                masked = MASKED_PLACING.match(text, opening)
                if masked and level is not None:
                    self._implied[masked.group()] = level
                    return PlaceMention(masked.start(), masked.end(), masked.group(), level)
                return None
            at = end + 1
        return None

    def topic(self, lo: int) -> PlaceMention | None:
        """The place the last sentence that opens with one opens with, in the paragraph up to
        the sentence at `lo` (苏村村位于木塔乡腹地,…。全村…; …。金牛村位于建平镇西北部。共778户)."""
        if lo not in self._topics:
            text = self._text
            reach = max(self._lo, lo - _TOPIC_REACH)
            paragraph = max(reach, text.rfind("\n", reach, lo) + 1)
            opening = paragraph + len(text[paragraph:lo]) - len(text[paragraph:lo].lstrip())
            marker = _ITEM_MARKER.match(text, opening, lo)
            opening = marker.end() if marker else opening  # 17、塘山村 塘山村位于…: an item of a list
            topic = None
            for place in self.inside(opening, lo + NAME_WINDOW + 2):
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
            if best is not None and best[0] < (end - NAME_WINDOW - 2, 1, end):
                break  # a name ends at `end` and starts in its window
            place = self._place_at(end, level)
            if place is not None and (best is None or (place.start, 1, end) < best[0]):
                best = ((place.start, 1, end), place)
        return None if best is None else best[1]

    # Where places stand among the official divisions.

    def _listed_names(self) -> Counter[str]:
        """How often each listed place is named in the document (found without the segmenter)."""
        if self._listed_counts is None:
            ends = sorted({*self._ends, *(m.end for m in self._found)})
            self._listed_counts = Counter(m.name for m in map(self._listed_ending, ends) if m is not None)
        return self._listed_counts

    def _division(self, name: str) -> Division | None:
        """The division `name` means here: homonyms told apart by the divisions the document
        names above them, or the other divisions it names in or beside them."""
        if name not in self._divisions:
            named = [found[0] for other in self._listed_names() if other != name
                     and len(found := self._listed.written(other)) == 1]
            self._divisions[name] = self._listed.resolve(name, self._document, named)
        return self._divisions[name]

    def _anchor(self, level: str | None) -> Division | None:
        """The division the report is about: its own place's (at the self-reference `level`),
        else the most often named resolved division of the most specific level."""
        if level not in self._anchors:
            home = self.home(level)
            anchor = home and self._division(home.name)
            if anchor is None:
                resolved = [(division, count) for name, count in self._listed_names().items()
                            if (division := self._division(name)) is not None]
                anchor = max(resolved, key=lambda pair: (LEVEL_RANK[pair[0].level], pair[1]), default=(None, 0))[0]
            self._anchors[level] = anchor
        return self._anchors[level]

    def resolved(self, name: str, level: str | None) -> ResolvedPlace:
        """Where the place `name` stands: its division and those above it when the list has
        it; else its level by suffix, below the report's own division (a village takes the
        township the report is about)."""
        division = self._division(name)
        if division is not None:
            path = self._listed.path(division)
            own_level = division.level
        else:
            homonyms = {d.level for d in self._listed.written(name)}
            own_level = homonyms.pop() if len(homonyms) == 1 else level_of_suffix(
                self._implied.get(name) or plain_suffix(name))
            anchor = self._anchor(level)
            path = tuple(d for d in self._listed.path(anchor) if LEVEL_RANK[d.level] < LEVEL_RANK[own_level]) \
                if anchor is not None else ()
        names = {d.level: d.name for d in path}
        return ResolvedPlace(own_level, division and division.code,
                             *(names.get(official) for official in reversed(OFFICIAL_LEVELS)))


def self_reference_level(text: str, lo: int, hi: int) -> str | None:
    """The level a report speaks of itself at (我镇, 全乡, 本村 …), the most frequent one."""
    levels: Counter[tuple[str, bool]] = Counter()
    for match in _SELF_REFERENCE.finditer(text, lo, hi):
        levels[match.group(2), match.group(1) in OWN_REFERENCE_HEADS] += 1
    # The most frequent; of as frequent ones, the one the report names as its own (我镇).
    ranked = {level: (levels[level, False] + levels[level, True], levels[level, True]) for level, _ in levels}
    return max(ranked, key=ranked.__getitem__) if ranked else None


def _counted_rank(unit_noun: str) -> int:
    """The rank of the units a village count counts (村民小组 below 村, 乡镇 above)."""
    if "组" in unit_noun:
        return RANK["村"] + 1
    if any(word in unit_noun for word in ("村", "社区", "居", "嘎查")):
        return RANK["村"]
    return RANK["镇"] if any(word in unit_noun for word in ("乡", "镇", "街道", "苏木")) else RANK["村"]


def place_of(
    text: str, candidate: Candidate, measures: Measure, sentence: tuple[int, int],
    places: DocumentPlaces, level: str | None,
) -> str | None:
    """The most specific named place the fact is about; the report's place (at the
    report's self-reference `level`) by default."""
    lo, _ = sentence
    default = places.home(level)
    clause_start = candidate.start
    while clause_start > lo and text[clause_start - 1] not in _CLAUSE_STARTS:
        clause_start -= 1
    references = [m.group(2) for m in _SELF_REFERENCE.finditer(text, clause_start, candidate.start)]
    # 刘家沟村是八里台镇所辖的15个行政村之一: one of them, the figure places the village.
    if measures == Measure.UNITS and not references and not text.startswith(ONE_OF, candidate.end):
        # Counting units speaks of the nearest place just above them: 八里台镇所辖的15个行政村,
        # 桃花村位于龙泉镇西部,辖6个村民小组 (桃花村, not 龙泉镇).
        noun = candidate.unit.surface.lstrip("个") or text[max(lo, candidate.start - 6):candidate.start]
        above = [p for p in places.inside(lo, candidate.start) if p.rank < _counted_rank(noun)]
        if above:
            return max(reversed(above), key=lambda p: p.rank).name
    if references:
        referred = references[-1]
        topic = places.topic(lo)
        if topic is not None and topic.suffix == referred:
            return topic.name  # 石桥村位于…。全村共有…: the paragraph's village
        if default is not None and suffix_rank(referred) >= default.rank:
            return default.name  # 全村 in a township's report: still that township
        named = places.first(referred)
        return named.name if named else None  # 全市 with no named city: null
    # A place in a list (确定A社区、B村委会为示范点; 甲镇、乙镇、丙乡受灾) is one of several: the
    # figure is the level's above them (the report's place if above them, else none named).
    # Nor is a place that locates another (石桥村位于龙泉乡腹地，有农户420户: 石桥村's).
    named = places.inside(lo, candidate.start)
    listed = [p for p in named if text[p.end:p.end + 1] in _LIST_JOINERS
              or (text[p.start - 1:p.start] in _LIST_JOINERS and any(q.end == p.start - 1 for q in named))]
    before = [p for p in named if p not in listed and not _LOCATES.search(text, max(lo, p.start - 4), p.start)]
    if listed and not before:
        above = default is not None and default.rank < min(p.rank for p in listed)
        return default.name if above else None
    if before and (default is None or before[-1].rank >= default.rank):
        return before[-1].name
    topic = places.topic(lo)
    if topic and (default is None or topic.rank >= default.rank):
        return topic.name
    return default.name if default else None

