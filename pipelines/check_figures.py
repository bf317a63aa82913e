"""The figures of one document as the consistency checks read them (pipelines/check.py):
each fact with a value located in the text, the groups of a whole and its parts, and what
the words around a figure say of it (what it counts, whether it is a total, whether it is
the figure a share's base names)."""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from extractors.base import Measure
from extractors.lang.numerals import CN_BIG_UNITS
from extractors.lang.punctuation import CLOSE_BRACKETS, DOTS, OPEN_BRACKETS, PINYIN_ANNOTATION, SPACE_CLASS
from extractors.lang.script import fold
from extractors.lang.totals import (
    CHANGE_TAIL, CHANGES, COMPARING, COMPLEMENT_PREFIX, COMPLEMENTARY, FIGURE_CHARS, GENERIC_TOTAL_WORDS, NESTED_SCALES,
    NET_CHANGES, NOT_TOTAL_AFTER, NOT_TOTAL_BEFORE, NOUN_LEADS, NOUN_TRAILS, OF, OVERLAP_WORDS, PART_PREFIXES, PER_UNIT,
    PLACE_CHARS, SUM_HEADS, SUM_TAILS, TOTAL_MARK, TOTAL_WORDS, WHOLE_OF_PLACE, YEAR_PATTERN,
)
from extractors.lang.wordlists import strip_words
from extractors.registry import traits_of
from pipelines.check_rules import COLON_CHARS, ITEM_ENDS, PART_REACH, TextLayout, base_scope, bounds, strip_lead
from schemas.models import Check, CheckKind, Document, Fact, Qualifier

_ROUNDED = re.compile(f"[0-9０-９][{DOTS}]([0-9０-９]+){SPACE_CLASS}*([{''.join(CN_BIG_UNITS)}])")
# The last number written in a figure and its magnitude (494亩, 5264.77亩, 1.2万亩).
_WRITTEN = re.compile(f"([0-9０-９]+)(?:[{DOTS}]([0-9０-９]+))?{SPACE_CLASS}*([{''.join(CN_BIG_UNITS)}]?)")
# How far before a figure its per-unit word may stand (人均耕地面积达1.3亩; not 人均收入居该村
# 排名前五名的只有8人, where 人均 is the ranking's).
_PER_UNIT_REACH = 8
BASE_REACH = 1200  # how far before a share the figure its base names may stand (a village profile)
_PINYIN = re.compile(PINYIN_ANNOTATION)
_YEAR = re.compile(YEAR_PATTERN)
_SPACES = re.compile(r"\s+")
_COMPLEMENTARY_WORDS = frozenset(word for pair in COMPLEMENTARY for word in pair)


@dataclass(eq=False)
class Figure:
    """A fact with a value, located in the document text (document-relative offsets)."""

    fact: Fact
    start: int
    end: int
    sentence: int
    clause: int
    value: float
    approximate: bool  # any qualifier but exact
    low: float  # what the amount may really be, for sums (see check_rules.bounds)
    high: float


@dataclass(eq=False)
class Group:
    """A whole and figures stated as its parts, and the rule that read them."""

    whole: Figure
    parts: list[Figure]  # what the sum check adds up
    rule: str
    members: list[Figure] = field(default_factory=list)  # further subgroups, for shares
    can_alarm: bool = True  # whether parts beyond the whole prove a contradiction
    exact_sum: bool = False  # a part and "the rest" make the whole
    exhaustive: bool = False  # the text makes the parts the whole: their sum must be it, within rounding
    may_leave_rest: bool = False  # a list that may name only part of the whole (check.PARTIAL_LIST_SHORTFALL)
    nested: bool = False  # subgroups of each other: compare the largest
    subsets: list[Figure] = field(default_factory=list)  # parts that are subsets of the whole: none may exceed it


def rounding(fact: Fact) -> float:
    """How far a figure written with decimals and a magnitude may be from its exact value:
    9.76万人 is 97,600 give or take 50 (half its last digit)."""
    found = _ROUNDED.search(fact.text)
    return 0.5 * 10 ** -len(found.group(1)) * CN_BIG_UNITS[found.group(2)] if found else 0.0


def written_precision(fact: Fact) -> float:
    """Half the last digit a figure is written to: 494亩 ±0.5, 5264.77亩 ±0.005, 3万 ±5000."""
    found = None
    for found in _WRITTEN.finditer(fact.text):
        pass
    if found is None:
        return 0.5
    decimals, magnitude = found.group(2) or "", CN_BIG_UNITS.get(found.group(3), 1)
    return 0.5 * 10 ** -len(decimals) * magnitude


class FigureReader:
    """The figures of one document, the groups read from its text, and the checks found."""

    def __init__(self, document: Document, facts: Sequence[Fact]) -> None:
        # read in one script as extraction reads (受災 as 受灾); spans and texts stay the document's
        offset = document.char_start
        spans = [(f.char_start - offset, f.char_end - offset) for f in facts]
        # pinyin after a character (農(nóng)業) read as spaces: no bracket, and no words
        read = _PINYIN.sub(lambda found: " " * len(found.group()), fold(document.text))
        self.document, self.layout = document, TextLayout(read, spans)
        self.figures: list[Figure] = []  # additive figures, in text order
        self._words_before: dict[int, str] = {}  # id(figure) → _before_in_item
        # bracket depth before each character: opened minus closed brackets (for _closed_in)
        self._depths = [0]
        for char in read:
            self._depths.append(self._depths[-1] + (char in OPEN_BRACKETS) - (char in CLOSE_BRACKETS))
        self._nouns: dict[int, str] = {}  # id(figure) → _noun
        self.by_sentence: dict[int, list[Figure]] = {}
        self.ratios: list[Figure] = []
        self.ages: list[Figure] = []
        self.fact_starts: list[int] = []  # every fact's start, for what a clause states
        self.fact_ends: list[int] = []  # and end (facts do not nest: in order too)
        previous_end = 0
        for fact in sorted(facts, key=lambda f: (f.char_start, f.char_end)):
            start, end = fact.char_start - offset, fact.char_end - offset
            after_previous, previous_end = previous_end, max(previous_end, end)
            inside = 0 <= start < end <= len(document.text)
            if inside:
                self.fact_starts.append(start)
                self.fact_ends.append(end)
            if not inside or fact.value is None or not math.isfinite(fact.value):
                continue
            spread = rounding(fact)
            low, high = bounds(float(fact.value), Qualifier(fact.qualifier))
            figure = Figure(fact, start, end, self.layout.sentence_of(start), self.layout.clause_of(start),
                            float(fact.value), fact.qualifier != Qualifier.EXACT or spread > 0,
                            low - spread, high + spread)
            traits = traits_of(fact.kind)
            if traits.measures == Measure.AGE:
                self.ages.append(figure)
            elif fact.qualifier == Qualifier.RANGE:
                continue  # 20万—30万元: no single value to add or divide
            elif traits.measures == Measure.SHARE and fact.unit == "percent":
                self.ratios.append(figure)
            elif traits.additive and fact.value >= 0 and not self._per_unit(figure, after_previous):
                self.figures.append(figure)
                self.by_sentence.setdefault(figure.sentence, []).append(figure)
        self.groups: list[Group] = []
        self.group_of_part: dict[int, Group] = {}
        self.wholes: set[int] = set()
        self.shared: set[tuple[int, int]] = set()  # (part, whole) pairs checked as shares
        self.checks: list[Check] = []
        # A figure's status is asked for by every later figure within PART_REACH: computed once.
        self.statuses: dict[int, str | None] = {}

    # --- reading around a figure ---------------------------------------------------------

    def _per_unit(self, figure: Figure, after: int) -> bool:
        """人均耕地1.3亩: a per-unit amount, no part of a total and no whole (the words
        before it in its item, after the figure before it, name the unit)."""
        before = self.layout.text[max(after, figure.start - _PER_UNIT_REACH):figure.start]
        before = before[max(before.rfind(ch) for ch in ITEM_ENDS) + 1:]  # within the figure's item
        return any(word in before for word in PER_UNIT)

    def _item(self, figure: Figure) -> str:
        start, end = self.layout.item(figure.start, figure.end)
        return _compact(self.layout.text[start:end])

    def _before_in_item(self, figure: Figure) -> str:
        # asked of every figure before each share (_names): read once per figure
        if id(figure) not in self._words_before:
            start = self.layout.item(figure.start, figure.end)[0]
            self._words_before[id(figure)] = (self._label(figure, start)
                                                or _compact(self.layout.text[start:figure.start]))
        return self._words_before[id(figure)]

    def _label(self, figure: Figure, start: int) -> str:
        """The label of a figure written after a colon (人口总数:2401人农业人口:2350人): the
        words from the figure before it to the colon."""
        text = self.layout.text
        if text[start:figure.start].strip() or start < 1 or text[start - 1] not in COLON_CHARS:
            return ""
        index = bisect_left(self.fact_ends, start - 1)
        low = max(self.layout.clause_start(start - 1), self.fact_ends[index - 1] if index else 0)
        return _compact(text[low:start - 1])

    def _descriptor(self, figure: Figure) -> str:
        """The item's words around the figure: what it counts (魔芋 of 其中魔芋1580亩)."""
        start, end = self.layout.item(figure.start, figure.end)
        words = self._label(figure, start) or _compact(self.layout.text[start:figure.start]
                                                       + self.layout.text[figure.end:end])
        for prefix in PART_PREFIXES:
            words = words.removeprefix(prefix)
        return words.strip()

    def _noun(self, figure: Figure) -> str:
        """The noun the words before a figure name, without the words that only state it and
        the place it is of: 农户 of 现有农户973户, 党员 of 全乡共有党员601名, of 党员总人数为521人."""
        if id(figure) not in self._nouns:
            self._nouns[id(figure)] = self._read_noun(figure)
        return self._nouns[id(figure)]

    def _read_noun(self, figure: Figure) -> str:
        words = self._before_in_item(figure).strip()
        scope = base_scope(words)
        while scope:
            words = words.replace(scope, "")
            scope = base_scope(words)
        words = without_trails(words)
        # what follows the word that states it: 选民 of 选民情况全区共有选民
        cut = max((words.rfind(lead) + len(lead) for lead in NOUN_LEADS if lead in words), default=0)
        words = words[cut:]
        for generic in (*GENERIC_TOTAL_WORDS, *TOTAL_WORDS):
            words = words.replace(generic, "")
        return words.strip()

    def _names(self, figure: Figure, base: str) -> bool:
        """Whether the figure is the one a share's base names: its words name the base's
        noun and nothing that makes it a subgroup (占党员的15% → 有党员601名, not 男党员511名
        or 高中以上学历的党员208名; 占农村党员的31% → 农村党支部党员519名)."""
        words = without_trails(self._before_in_item(figure).strip())
        if any(total in base for total in TOTAL_WORDS) and words.endswith(base):
            return True  # 占总收入的 → 总收入455万元 (not 总人口中劳动力1800人)
        noun, named = base_noun(base), self._noun(figure)
        if len(noun) < 2 or not named.endswith(noun[-2:]):
            return False
        if named.endswith(noun):
            rest = named[:-len(noun)]
            return not rest or rest[-1] in PLACE_CHARS  # 乡全乡共有农村党员: of a place
        rest, modifier = named[:-2], noun[:-2]
        return bool(modifier) and modifier in rest and OF not in rest and not any(
            word in rest and word not in noun for word in _COMPLEMENTARY_WORDS)

    def _closed_in(self, figure: Figure, pos: int) -> bool:
        """The figure stands in a bracket closed before `pos` (…突发严重困难户1630户),风险消除率…,
        未消除9087户): the bracket's own, no whole of what follows it."""
        # a bracket closes after the figure when the depth before some character falls below
        # the depth at the figure's end
        return figure.end < pos and min(self._depths[figure.end + 1:pos + 1]) < self._depths[figure.end]

    def _a_change(self, figure: Figure) -> bool:
        """比上年增加5.6万个, 净增110.7万名: a difference between two levels, no whole."""
        words = self._before_in_item(figure).strip().removesuffix(CHANGE_TAIL)
        return words.endswith(NET_CHANGES) or (words.endswith(CHANGES) and any(w in words for w in COMPARING))

    def _year(self, figure: Figure) -> str:
        """The last year named in the figure's sentence before it (2013年为3606.8万名), or ''."""
        start = self.layout.sentence_starts[figure.sentence]
        found = _YEAR.findall(self.layout.text, max(start, figure.start - PART_REACH), figure.start)
        return found[-1] if found else ""

    def _subgroup_of(self, figure: Figure, base: str) -> bool:
        """The figure's item names a complementary subgroup (男党员) that the base does not."""
        item = self._before_in_item(figure)
        return any(word in item and word not in base for word in _COMPLEMENTARY_WORDS)

    def _head(self, figure: Figure) -> str:
        """Last character of what a village count counts: 村 (行政村), 组 (村民小组)."""
        noun = figure.fact.text.rstrip(CLOSE_BRACKETS)
        cut = len(noun)
        while cut and not (noun[cut - 1].isdigit() or noun[cut - 1] in FIGURE_CHARS):
            cut -= 1
        noun = noun[cut:] or self.layout.text[figure.end:figure.end + 4]
        for bracket in OPEN_BRACKETS:
            noun = noun.split(bracket)[0]
        return "".join(ch for ch in noun if ch not in ITEM_ENDS)[-1:]

    def _compatible(self, a: Figure, b: Figure) -> bool:
        if a.fact.kind != b.fact.kind or a.fact.unit != b.fact.unit:
            return False
        if traits_of(a.fact.kind).measures != Measure.UNITS:
            return True
        head_a, head_b = self._head(a), self._head(b)
        return not head_a or not head_b or head_a == head_b

    def _free(self, figure: Figure) -> bool:
        return id(figure) not in self.group_of_part and id(figure) not in self.wholes

    def _window(self, sentence: int, start: int, stop: int) -> list[Figure]:
        """The figures of a sentence within [start, stop), in text order."""
        figures = self.by_sentence.get(sentence, [])
        low = bisect_left(figures, start, key=lambda f: f.start)
        high = bisect_left(figures, stop, lo=low, key=lambda f: f.start)
        return [f for f in figures[low:high] if f.end <= stop]

    def _earlier(self, position: int, reach: int) -> list[Figure]:
        """The figures of the document that end before `position`, within `reach`, nearest first."""
        low = bisect_left(self.figures, position - reach, key=lambda f: f.start)
        high = bisect_left(self.figures, position, lo=low, key=lambda f: f.start)
        return [f for f in reversed(self.figures[low:high]) if f.end <= position]

    def _later_compatible(self, whole: Figure, start: int, stop: int | None = None) -> list[Figure]:
        """Free figures like `whole` from `start` to `stop` (default: the sentence's end, or its
        first semicolon: 其中经济林果地331亩;荒山荒地3355亩 lists the land beside the whole)."""
        stop = min(self.layout.list_end(start) if stop is None else stop, start + PART_REACH)
        return [f for f in self._window(whole.sentence, start, stop)
                if f is not whole and self._free(f) and self._compatible(whole, f)]

    def _add_group(self, group: Group) -> None:
        self.groups.append(group)
        self.wholes.add(id(group.whole))
        for part in (*group.parts, *group.members):
            self.group_of_part.setdefault(id(part), group)

    def _has_age(self, figure: Figure) -> bool:
        start, end = self.layout.item(figure.start, figure.end)
        return any(start <= age.start and age.end <= end for age in self.ages)

    def _distinct(self, parts: list[Figure], descriptors: list[str]) -> bool:
        """Parts named apart, with no word of overlapping activities, age bands or nested
        categories (受灾43.5万亩, 成灾48.3万亩: one holds the other)."""
        if any(not d for d in descriptors) or len(set(descriptors)) < len(descriptors):
            return False
        if any(w in d for d in descriptors for w in OVERLAP_WORDS) or any(map(self._has_age, parts)):
            return False
        return not any(len({w for w in scale for d in descriptors if w in d}) > 1 for scale in NESTED_SCALES)

    def _look_disjoint(self, parts: list[Figure], whole: Figure | None = None) -> bool:
        """Parts read as distinct categories (魔芋 / 玄参), not overlapping activities, nor a
        class of the whole's noun beside a group named otherwise (乡村人口292人,其中农业人口283人,
        劳动力149人: 劳动力 cuts across 农业人口)."""
        descriptors = [self._descriptor(p) for p in parts]
        if not self._distinct(parts, descriptors):
            return False
        head = self._noun(whole)[-2:] if whole is not None else ""
        if len(head) == 2 and len({d.endswith(head) for d in descriptors}) > 1:
            return False
        if len({d[-2:] for d in descriptors}) < len(descriptors):
            # 女党员 / 少数民族党员 cut across each other; 男党员 / 女党员 do not.
            return any({d[:-2] for d in descriptors} <= pair for pair in COMPLEMENTARY)
        return True

    def _splits(self, whole: Figure, parts: list[Figure]) -> bool:
        """Two parts that split the whole in two: 男 / 女 (of 党员, 男党员 / 女党员), 农业人口 /
        非农业人口 (of 人口总数); not 男性劳动力 / 女性劳动力 of 总人口, which leaves the rest out."""
        if len(parts) != 2:
            return False
        first, second = (self._descriptor(p) for p in parts)
        if first and (second == COMPLEMENT_PREFIX + first or first == COMPLEMENT_PREFIX + second):
            noun = min(first, second, key=len)
        else:
            words = [(a, b) for pair in COMPLEMENTARY for a, b in (tuple(pair), tuple(pair)[::-1])
                     if len(first) == len(second) and a in first and first.replace(a, b, 1) == second]
            if not words:
                return False
            noun = first.replace(words[0][0], "", 1)
        return len(noun) < 2 or noun[-2:] in self._words(whole)

    def _words(self, figure: Figure) -> str:
        """The words of a figure's item, its label after a colon included."""
        return self._before_in_item(figure) + self._item(figure)

    def _total_marked(self, figure: Figure, strong_only: bool) -> bool:
        prefix = self._before_in_item(figure)
        for i, ch in enumerate(prefix):
            if (ch == TOTAL_MARK and prefix[i - 1:i] not in NOT_TOTAL_BEFORE
                    and prefix[i + 1:i + 2] not in NOT_TOTAL_AFTER):
                return True
            if ch in SUM_HEADS and prefix[i + 1:i + 2] in SUM_TAILS:
                return True
        clause = self.layout.text[self.layout.clause_start(figure.start):figure.start]
        return not strong_only and len(clause) > 1 and clause[0] == WHOLE_OF_PLACE and clause[1] in PLACE_CHARS

    def _states_figures(self, start: int, stop: int) -> bool:
        """Every clause of text[start:stop] states a figure (参选率达90.5%), none only words
        (到杜洼村开展帮扶工作)."""
        clause = self.layout.clause_of(start) + 1
        while clause < len(self.layout.clause_starts) and self.layout.clause_starts[clause] < stop:
            low = self.layout.clause_starts[clause]
            high = min(stop, self.layout.clause_end(low))
            index = bisect_left(self.fact_starts, low)
            if high - low > 1 and not (index < len(self.fact_starts) and self.fact_starts[index] < high):
                return False
            clause += 1
        return True

    # --- emitting ----------------------------------------------------------------------

    def _emit(self, kind: CheckKind, stated: float, computed: float, figures: list[Figure], message: str,
              rule: str, stated_by: Figure, wholes: Sequence[Figure], parts: Sequence[Figure]) -> None:
        start, end = min(f.start for f in figures), max(f.end for f in figures)
        offset, doc_id = self.document.char_start, self.document.doc_id
        self.checks.append(Check(
            check_id=f"{doc_id}-c{offset + start}-{offset + end}-{kind}", doc_id=doc_id, kind=kind,
            stated=stated, computed=computed, char_start=offset + start, char_end=offset + end,
            text=self.document.text[start:end], message=message, rule=rule,
            stated_fact_id=stated_by.fact.fact_id, whole_fact_ids=_ids(wholes), part_fact_ids=_ids(parts)))


@lru_cache(maxsize=1 << 14)  # bounded: the bases of every document of a run
def base_noun(base: str) -> str:
    """The noun a share's base names, without its place and its total words: 党员 of
    全村党员总数, 农户 of 农户总数, 农村党员 of 农村党员."""
    base = strip_lead(base)
    scope = base_scope(base)
    if scope:
        base = base.replace(scope, "")
    for generic in (*GENERIC_TOTAL_WORDS, *TOTAL_WORDS):
        base = base.replace(generic, "")
    return base.strip(OF).strip()


def without_trails(words: str) -> str:
    """The words without those that only state a figure after its noun (党员总人数为 → 党员总人数)."""
    return strip_words(words, NOUN_TRAILS)


def _compact(words: str) -> str:
    """Words without the spaces between them (劳动 力 of a blanked annotation, 29 人)."""
    return _SPACES.sub("", words)


def _ids(figures: Sequence[Figure]) -> str:
    return ",".join(f.fact.fact_id for f in sorted(figures, key=lambda f: f.start))
