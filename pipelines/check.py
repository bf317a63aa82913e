"""Consistency checks between the figures of one document (GUIDELINE §4, DECISIONS 34-36).

Rules read relations the language states between the figures (facts with a value) of one
sentence, never a place or a report. Wholes and parts share kind and unit (village counts also
their head noun: 行政村 vs 村民小组). Groups of a whole W:
- breakdown ``W,其中A,B`` / parenthesis ``W(A、B)``: A + B > W is a sum_mismatch only when the
  parts read as disjoint (魔芋/玄参, 男/女党员), not as overlapping (联系村务的党员/联系…的党员);
- selection ``W中/中的…A``: A ≤ W, and with ``其余/其它 B`` A + B = W; status ``W,已解决A,有B正在
  解决``: done and pending are disjoint (a planned W may be exceeded);
- cohort ``共有W,A,B``: subgroups that may overlap (nested under age brackets), ok only.
A sum whose parts are already checked as shares of the same whole is left out.

Shares (占…的 / 接近总量的 / 为…的 / 相当于…的): the part is the nearest figure in the share's
clause or the one before. The whole is the figure the base names (为X的; 占全村党员的 → 党员45名),
the whole of the part's group or the nearest total (共…, 全乡…): ratio_ok or ratio_mismatch, the
latter only when the whole fits the base's noun and scope (占全乡的 after 全村3000亩 proves
nothing). Else the single larger figure, or part + the parallel figures when the base names a
total (户籍 + 来沪人口 → 总人口): ratio_ok or nothing. ``W全部…,达到N%``: N against 100, ok only.
No whole → nothing (包保比例达到56%).

Share tolerance in percentage points, computed = part / whole × 100 rounded to 1 decimal: exact
±1; nearly (接近/将近/近) stated − 3 … stated + 1; about (约/左右) ±2; over (以上/超过) computed ≥
stated − 1; under (以下/不足) computed ≤ stated + 1; 2 more both ways when the part or the whole is
approximate. Sums compare the parts' lower bounds with the whole's upper bound (see _bounds).
"""
from __future__ import annotations

import logging
import math
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from extractors.base import Measure
from extractors.lang.numerals import CN_BIG_UNITS
from extractors.lang.punctuation import CLOSE_BRACKETS, DOTS, OPEN_BRACKETS, SPACE_CLASS
from extractors.lang.script import fold
from extractors.lang.totals import (
    ALL_WORDS, AMONG, BREAKDOWN, COMPLEMENTARY, DONE, FIGURE_CHARS, NEARLY, NEARLY_QUALIFIER, NESTED_SCALES,
    NOT_AMONG_AFTER, NOT_AMONG_BEFORE, NOT_PENDING, NOT_TOTAL_AFTER, NOT_TOTAL_BEFORE, OF, OVERLAP_WORDS,
    PART_PREFIXES, PENDING_WORDS, PER_UNIT, PLACE_CHARS, PLAN_WORDS, RESPECTIVELY, REST_WORDS,
    SHARE_LEAD_QUALIFIERS, SHARE_TRAILING_QUALIFIERS, SHARE_VERB, SHARE_VERBS, SUM_HEADS, SUM_TAILS, TOTAL_MARK,
    WHOLE_OF_PLACE,
)
from extractors.registry import traits_of
from pipelines.check_rules import (
    ITEM_ENDS, PART_REACH, TextLayout, base_head, base_scope, bounds, fmt, names_total, share_consistent, strip_lead,
)
from schemas.models import Check, CheckKind, Document, Fact, Qualifier

log = logging.getLogger(__name__)
_ROUNDED = re.compile(f"[0-9０-９][{DOTS}]([0-9０-９]+){SPACE_CLASS}*([{''.join(CN_BIG_UNITS)}])")
# How far before a figure its per-unit word may stand (人均耕地面积达1.3亩; not 人均收入居该村
# 排名前五名的只有8人, where 人均 is the ranking's).
_PER_UNIT_REACH = 8

@dataclass(eq=False)
class _Figure:
    """A fact with a value, located in the document text (document-relative offsets)."""

    fact: Fact
    start: int
    end: int
    sentence: int
    clause: int
    value: float
    approximate: bool  # any qualifier but exact
    low: float  # what the amount may really be, for sums (see _bounds)
    high: float


@dataclass(eq=False)
class _Group:
    """A whole and figures stated as its parts."""

    whole: _Figure
    parts: list[_Figure]  # what the sum check adds up
    members: list[_Figure] = field(default_factory=list)  # further subgroups, for shares
    can_alarm: bool = True  # whether parts beyond the whole prove a contradiction
    exact_sum: bool = False  # a part and "the rest" make the whole
    nested: bool = False  # subgroups of each other: compare the largest


def check_document(document: Document, facts: Sequence[Fact]) -> list[Check]:
    """Consistency findings (ratio_ok/ratio_mismatch/sum_ok/sum_mismatch) between the figures
    stated in one document, in text order.

    `facts` carry source offsets; facts outside the document are ignored. Never raises: a
    failure inside the rules is logged and yields no checks for this document.
    """
    try:
        return _Checker(document, facts).run()
    except Exception:  # a broken rule must not stop ingestion
        log.exception("consistency checks failed for %s", getattr(document, "doc_id", "?"))
        return []


class _Checker:
    """The figures of one document, the groups read from its text, and the checks found."""

    def __init__(self, document: Document, facts: Sequence[Fact]) -> None:
        # read in one script as extraction reads (受災 as 受灾); spans and texts stay the document's
        self.document, self.layout = document, TextLayout(fold(document.text))
        offset = document.char_start
        self.figures: list[_Figure] = []  # additive figures, in text order
        self.by_sentence: dict[int, list[_Figure]] = {}
        self.ratios: list[_Figure] = []
        self.ages: list[_Figure] = []
        previous_end = 0
        for fact in sorted(facts, key=lambda f: (f.char_start, f.char_end)):
            start, end = fact.char_start - offset, fact.char_end - offset
            after_previous, previous_end = previous_end, max(previous_end, end)
            inside = 0 <= start < end <= len(document.text)
            if not inside or fact.value is None or not math.isfinite(fact.value):
                continue
            rounding = _rounding(fact)
            low, high = bounds(float(fact.value), Qualifier(fact.qualifier))
            figure = _Figure(fact, start, end, self.layout.sentence_of(start), self.layout.clause_of(start),
                             float(fact.value), fact.qualifier != Qualifier.EXACT or rounding > 0,
                             low - rounding, high + rounding)
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
        self.groups: list[_Group] = []
        self.group_of_part: dict[int, _Group] = {}
        self.wholes: set[int] = set()
        self.shared: set[tuple[int, int]] = set()  # (part, whole) pairs checked as shares
        self.checks: list[Check] = []
        # A figure's status is asked for by every later figure within PART_REACH: computed once.
        self.statuses: dict[int, str | None] = {}

    def run(self) -> list[Check]:
        for rule in (self._group_breakdowns, self._group_parentheses, self._group_selections,
                     self._group_statuses, self._group_cohorts):
            rule()
        for ratio in self.ratios:
            self._check_share(ratio)
        for group in self.groups:
            self._check_sum(group)
        unique = {c.check_id: c for c in reversed(self.checks)}
        return sorted(unique.values(), key=lambda c: (c.char_start, c.char_end, c.kind))

    # --- reading around a figure ---------------------------------------------------------

    def _per_unit(self, figure: _Figure, after: int) -> bool:
        """人均耕地1.3亩: a per-unit amount, no part of a total and no whole (the words
        before it in its item, after the figure before it, name the unit)."""
        before = self.layout.text[max(after, figure.start - _PER_UNIT_REACH):figure.start]
        before = before[max(before.rfind(ch) for ch in ITEM_ENDS) + 1:]  # within the figure's item
        return any(word in before for word in PER_UNIT)

    def _item(self, figure: _Figure) -> str:
        start, end = self.layout.item(figure.start, figure.end)
        return self.layout.text[start:end]

    def _before_in_item(self, figure: _Figure) -> str:
        return self.layout.text[self.layout.item(figure.start, figure.end)[0]:figure.start]

    def _descriptor(self, figure: _Figure) -> str:
        """The item's words around the figure: what it counts (魔芋 of 其中魔芋1580亩)."""
        start, end = self.layout.item(figure.start, figure.end)
        words = (self.layout.text[start:figure.start] + self.layout.text[figure.end:end]).strip()
        for prefix in PART_PREFIXES:
            words = words.removeprefix(prefix)
        return words.strip()

    def _head(self, figure: _Figure) -> str:
        """Last character of what a village count counts: 村 (行政村), 组 (村民小组)."""
        noun = figure.fact.text.rstrip(CLOSE_BRACKETS)
        cut = len(noun)
        while cut and not (noun[cut - 1].isdigit() or noun[cut - 1] in FIGURE_CHARS):
            cut -= 1
        noun = noun[cut:] or self.layout.text[figure.end:figure.end + 4]
        for bracket in OPEN_BRACKETS:
            noun = noun.split(bracket)[0]
        return "".join(ch for ch in noun if ch not in ITEM_ENDS)[-1:]

    def _subgroup_of(self, figure: _Figure, base: str) -> bool:
        """The figure's item names a complementary subgroup (男党员) that the base does not."""
        item = self._before_in_item(figure)
        return any(word in item and word not in base for pair in COMPLEMENTARY for word in pair)

    def _compatible(self, a: _Figure, b: _Figure) -> bool:
        if a.fact.kind != b.fact.kind or a.fact.unit != b.fact.unit:
            return False
        if traits_of(a.fact.kind).measures != Measure.UNITS:
            return True
        head_a, head_b = self._head(a), self._head(b)
        return not head_a or not head_b or head_a == head_b

    def _free(self, figure: _Figure) -> bool:
        return id(figure) not in self.group_of_part and id(figure) not in self.wholes

    def _window(self, sentence: int, start: int, stop: int) -> list[_Figure]:
        """The figures of a sentence within [start, stop), in text order."""
        figures = self.by_sentence.get(sentence, [])
        low = bisect_left(figures, start, key=lambda f: f.start)
        high = bisect_left(figures, stop, lo=low, key=lambda f: f.start)
        return [f for f in figures[low:high] if f.end <= stop]

    def _later_compatible(self, whole: _Figure, start: int, stop: int | None = None) -> list[_Figure]:
        """Free figures like `whole` from `start` to `stop` (default: the sentence's end)."""
        stop = min(self.layout.sentence_end(start) if stop is None else stop, start + PART_REACH)
        return [f for f in self._window(whole.sentence, start, stop)
                if f is not whole and self._free(f) and self._compatible(whole, f)]

    def _add_group(self, group: _Group) -> None:
        self.groups.append(group)
        self.wholes.add(id(group.whole))
        for part in (*group.parts, *group.members):
            self.group_of_part.setdefault(id(part), group)

    def _has_age(self, figure: _Figure) -> bool:
        start, end = self.layout.item(figure.start, figure.end)
        return any(start <= age.start and age.end <= end for age in self.ages)

    def _look_disjoint(self, parts: list[_Figure]) -> bool:
        """Parts read as distinct categories (魔芋 / 玄参), not overlapping activities."""
        descriptors = [self._descriptor(p) for p in parts]
        if any(not d for d in descriptors) or len(set(descriptors)) < len(descriptors):
            return False
        if any(w in d for d in descriptors for w in OVERLAP_WORDS) or any(map(self._has_age, parts)):
            return False
        if any(len({w for w in scale for d in descriptors if w in d}) > 1 for scale in NESTED_SCALES):
            return False  # 受灾43.5万亩, 成灾48.3万亩: one holds the other
        if len({d[-2:] for d in descriptors}) < len(descriptors):
            # 女党员 / 少数民族党员 cut across each other; 男党员 / 女党员 do not.
            return any({d[:-2] for d in descriptors} <= pair for pair in COMPLEMENTARY)
        return True

    def _total_marked(self, figure: _Figure, strong_only: bool) -> bool:
        prefix = self._before_in_item(figure)
        for i, ch in enumerate(prefix):
            if (ch == TOTAL_MARK and prefix[i - 1:i] not in NOT_TOTAL_BEFORE
                    and prefix[i + 1:i + 2] not in NOT_TOTAL_AFTER):
                return True
            if ch in SUM_HEADS and prefix[i + 1:i + 2] in SUM_TAILS:
                return True
        clause = self.layout.text[self.layout.clause_start(figure.start):figure.start]
        return not strong_only and len(clause) > 1 and clause[0] == WHOLE_OF_PLACE and clause[1] in PLACE_CHARS

    def _breakdown(self, whole: _Figure, parts: list[_Figure]) -> _Group:
        # 4899人,其中农业人口4899人,劳动力3234人: a part that is the whole makes the others
        # cut across it, not add up to it.
        restated = len(parts) > 1 and any(p.value == whole.value for p in parts)
        return _Group(whole, parts, can_alarm=not restated and (len(parts) == 1 or self._look_disjoint(parts)))

    # --- groups ------------------------------------------------------------------------

    def _group_breakdowns(self) -> None:
        text = self.layout.text
        pos, after = text.find(BREAKDOWN), len(BREAKDOWN)
        while pos != -1:
            stop = self._bracket_end(pos) or self.layout.sentence_end(pos)
            following = text.find(BREAKDOWN, pos + after, stop)
            before = self._window(self.layout.sentence_of(pos), pos - PART_REACH, pos)
            if before and text[pos + after:pos + after + 1] != OF and id(before[-1]) not in self.wholes:
                parts = self._later_compatible(before[-1], pos, following if following != -1 else stop)
                if parts:  # 其中的许多问题 is no breakdown
                    self._add_group(self._breakdown(before[-1], parts))
            pos = following if following != -1 else text.find(BREAKDOWN, pos + after)

    def _bracket_end(self, pos: int) -> int | None:
        """Where the parenthesis that `pos` stands in closes, if it stands in one (1190亩(其中
        水田730亩,旱地460亩),林地…: the breakdown ends with it)."""
        text, start = self.layout.text, self.layout.sentence_starts[self.layout.sentence_of(pos)]
        opened = max(text.rfind(b, start, pos) for b in OPEN_BRACKETS)
        if opened < 0 or max(text.rfind(b, opened, pos) for b in CLOSE_BRACKETS) >= 0:
            return None
        closing = self._closing_bracket(pos, len(text))
        return None if closing == -1 else closing

    def _closing_bracket(self, pos: int, stop: int) -> int:
        """The first closing bracket in text[pos:stop], or -1."""
        found = [i for i in (self.layout.text.find(b, pos, stop) for b in CLOSE_BRACKETS) if i >= 0]
        return min(found, default=-1)

    def _group_parentheses(self) -> None:
        text = self.layout.text
        for whole in self.figures:
            if not self._free(whole) or text[whole.end:whole.end + 1] not in tuple(OPEN_BRACKETS):
                continue
            closing = self._closing_bracket(whole.end, whole.end + 200)
            parts = self._later_compatible(whole, whole.end, closing) if closing != -1 else []
            if parts:
                self._add_group(self._breakdown(whole, parts))

    def _among_marker(self, start: int, stop: int) -> int:
        text = self.layout.text
        pos = text.find(AMONG, start, stop)
        while pos != -1 and (text[pos - 1:pos + 1] in NOT_AMONG_BEFORE
                             or text[pos:pos + 2] in NOT_AMONG_AFTER):
            pos = text.find(AMONG, pos + 1, stop)
        return pos

    def _group_selections(self) -> None:
        for index, whole in enumerate(self.figures):
            stop = self.layout.clause_end(whole.end)
            if index + 1 < len(self.figures):
                stop = min(stop, self.figures[index + 1].start)
            marker = self._among_marker(whole.end, stop)
            members = self._later_compatible(whole, marker) if marker != -1 and self._free(whole) else []
            rest = [f for f in members[1:] if any(w in self._before_in_item(f) for w in REST_WORDS)][:1]
            if members:
                self._add_group(_Group(whole, [members[0], *rest], members, exact_sum=bool(rest)))

    def _status(self, figure: _Figure) -> str | None:
        if id(figure) not in self.statuses:
            words = self._descriptor(figure).replace(NOT_PENDING, "")
            if any(word in words for word in PENDING_WORDS):
                self.statuses[id(figure)] = "pending"
            else:
                self.statuses[id(figure)] = "done" if DONE in words else None
        return self.statuses[id(figure)]

    def _group_statuses(self) -> None:
        by_whole: dict[int, _Group] = {}
        for part in self.figures:
            if not self._free(part) or self._status(part) is None:
                continue
            earlier = self._window(part.sentence, part.start - PART_REACH, part.start)
            whole = next((f for f in reversed(earlier) if self._compatible(f, part)
                          and id(f) not in self.group_of_part and self._status(f) is None), None)
            if whole is None or (id(whole) in self.wholes and id(whole) not in by_whole):
                continue
            if id(whole) not in by_whole:
                by_whole[id(whole)] = _Group(whole, [])
                self._add_group(by_whole[id(whole)])
            by_whole[id(whole)].parts.append(part)
            self.group_of_part[id(part)] = by_whole[id(whole)]
        for group in by_whole.values():
            statuses = [self._status(p) for p in group.parts]
            group.nested = len(set(statuses)) < len(statuses)  # two "done" figures may overlap
            group.can_alarm = not any(word in self._item(group.whole) for word in PLAN_WORDS)

    def _group_cohorts(self) -> None:
        for whole in self.figures:
            marked = self._free(whole) and self._total_marked(whole, strong_only=True)
            parts = self._later_compatible(whole, whole.end) if marked else []
            if parts:
                nested = not self._look_disjoint(parts) or any(map(self._has_age, parts))
                self._add_group(_Group(whole, parts, can_alarm=False, nested=nested))

    # --- shares ------------------------------------------------------------------------

    def _check_share(self, ratio: _Figure) -> None:
        text = self.layout.text
        lead = text[self.layout.clause_start(ratio.start):ratio.start]
        before = self._window(ratio.sentence, ratio.start - PART_REACH, ratio.start)
        if not before or ratio.clause - before[-1].clause > 1:
            return
        if RESPECTIVELY in lead:
            return  # 分别占总数的60%和53.8%: each share's figure is left to the reader
        part, ends_with_of = before[-1], lead.rstrip().endswith(OF)
        if SHARE_VERB in lead:
            verb = SHARE_VERB
        elif ends_with_of and any(v in lead for v in SHARE_VERBS):
            verb = max(SHARE_VERBS, key=lead.rfind)  # 为…的 / 是…的 / 相当于…的
        elif ends_with_of and names_total(strip_lead(lead)):
            verb = ""  # 接近总量的40%
        else:  # 316个村全部建立了村规民约,达到100%: all of a set is 100 %
            if text[part.end:part.end + 4].startswith(ALL_WORDS):
                qualifier = Qualifier(ratio.fact.qualifier)
                self._emit_share(ratio, part, [part], qualifier, alarm=False, all_of=True)
            return
        at = lead.rfind(verb) if verb else 0
        subject = strip_lead(lead[:at])
        # 党员人数占…: a subject named before 占 must be the part's own.
        if subject and part.clause != ratio.clause and subject not in self._item(part):
            return
        base = strip_lead(lead[at + len(verb):])
        qualifier = _share_qualifier(ratio, lead[max(0, at - 2):], text[ratio.end:ratio.end + 2])
        preceding = [f for f in before[:-1] if self._compatible(f, part)]
        if verb not in (SHARE_VERB, "") and not names_total(base):  # 村主任年薪7万元,为村党支部书记的70%
            named = [f for f in preceding if base and base in self._item(f)]
            if named:
                self._emit_share(ratio, part, named[-1:], qualifier, alarm=True)
            return
        head, scope = base_head(base), base_scope(base)
        group = self.group_of_part.get(id(part))
        named = [f for f in preceding if head and head in self._item(f) and f.value >= part.value]
        # 具有党员601名,男党员511名,女党员90名,占党员的15%: 男党员 is no whole of 党员
        named = [f for f in named if not self._subgroup_of(f, base)] or named
        marked = [f for f in preceding if id(f) not in self.group_of_part
                  and self._total_marked(f, strong_only=False) and f.value >= part.value]
        confident = named[-1:] or ([group.whole] if group else marked[-1:])
        if confident:
            sentence = text[self.layout.sentence_starts[confident[0].sentence]:confident[0].end]
            fits = (not head or head in self._item(confident[0])) and (not scope or scope in sentence)
            self._emit_share(ratio, part, confident, qualifier, alarm=fits)
            return
        others = [f for f in preceding if id(f) not in self.group_of_part]
        if len(others) == 1 and others[0].value > part.value:
            if self._emit_share(ratio, part, others, qualifier, alarm=False):
                return
        if others and names_total(base):  # parallel categories making up the named total
            self._emit_share(ratio, part, others, qualifier, alarm=False, with_part=True)

    def _emit_share(self, ratio: _Figure, part: _Figure, wholes: list[_Figure], qualifier: Qualifier,
                    alarm: bool, with_part: bool = False, all_of: bool = False) -> bool:
        """Emit a share check; without `alarm` only a consistent one. True when emitted."""
        terms = [*wholes, part] if with_part else wholes
        whole_value = sum(w.value for w in terms)
        if whole_value <= 0:
            return False
        computed = round(part.value / whole_value * 100, 1)
        approximate = part.approximate or any(w.approximate for w in wholes)
        consistent = share_consistent(ratio.value, computed, qualifier, approximate)
        if not consistent and not alarm:
            return False
        # Show the whole in the span when no other figure of its kind stands between.
        shown = [w for w in wholes if not any(f not in wholes and self._compatible(f, part)
                                              for f in self._window(part.sentence, w.end, part.start))]
        denominator = " + ".join(fmt(t.value) for t in terms)
        expression = (f"{fmt(part.value)} of {fmt(part.value)} (all)" if all_of else
                      f"{fmt(part.value)} / {f'({denominator})' if len(terms) > 1 else denominator}")
        word = "" if qualifier == Qualifier.EXACT else f"{qualifier} "
        message = f"{expression} = {computed:.1f}%, stated {word}{fmt(ratio.value)}%"
        kind = CheckKind.RATIO_OK if consistent else CheckKind.RATIO_MISMATCH
        self._emit(kind, ratio.value, computed, [part, ratio, *shown], message)
        if not all_of:
            self.shared.update((id(part), id(w)) for w in wholes)
        return True

    # --- sums --------------------------------------------------------------------------

    def _check_sum(self, group: _Group) -> None:
        whole, parts = group.whole, group.parts
        if all((id(p), id(whole)) in self.shared for p in parts):
            return  # the share check already says it
        if group.nested:
            largest = max(parts, key=lambda p: p.value)
            if largest.low <= whole.high:
                message = f"subgroups within the whole: largest {fmt(largest.value)} <= {fmt(whole.value)}"
                self._emit(CheckKind.SUM_OK, whole.value, largest.value, [whole, *parts], message)
            return
        total = round(sum(p.value for p in parts), 6)
        exact = not whole.approximate and not any(p.approximate for p in parts)
        if group.exact_sum and exact:
            consistent = math.isclose(total, whole.value)
            relation = "=" if consistent else "!="
        else:
            consistent = sum(p.low for p in parts) <= whole.high + 1e-9
            relation = "<=" if consistent else ">"
        # 劳动力3000人,外出务工1500人,占劳动力的50%: one part holds another, they overlap.
        nested_parts = any((id(a), id(b)) in self.shared for a in parts for b in parts)
        if not consistent and (nested_parts or not group.can_alarm):
            return  # the parts may overlap: the numbers prove nothing
        terms = "part " if len(parts) == 1 else f"{' + '.join(fmt(p.value) for p in parts)} = "
        message = f"{terms}{fmt(total)} {relation} stated total {fmt(whole.value)}"
        self._emit(CheckKind.SUM_OK if consistent else CheckKind.SUM_MISMATCH, whole.value, total,
                   [whole, *parts], message + ("" if exact else " (approximate figures)"))

    def _emit(self, kind: CheckKind, stated: float, computed: float, figures: list[_Figure],
              message: str) -> None:
        start, end = min(f.start for f in figures), max(f.end for f in figures)
        offset, doc_id = self.document.char_start, self.document.doc_id
        self.checks.append(Check(
            check_id=f"{doc_id}-c{offset + start}-{offset + end}-{kind}", doc_id=doc_id, kind=kind,
            stated=stated, computed=computed, char_start=offset + start, char_end=offset + end,
            text=self.document.text[start:end], message=message))


def _rounding(fact: Fact) -> float:
    """How far a figure written with decimals and a magnitude may be from its exact value:
    9.76万人 is 97,600 give or take 50 (half its last digit)."""
    found = _ROUNDED.search(fact.text)
    return 0.5 * 10 ** -len(found.group(1)) * CN_BIG_UNITS[found.group(2)] if found else 0.0


def _share_qualifier(ratio: _Figure, lead: str, after: str) -> Qualifier:
    """The ratio's qualifier, also when written apart from the number (接近总量的40%)."""
    if ratio.approximate:
        return Qualifier(ratio.fact.qualifier)
    for word, qualifier in SHARE_LEAD_QUALIFIERS:
        if word in lead:
            return qualifier
    if lead.strip().startswith(NEARLY) or lead.endswith(NEARLY):
        return NEARLY_QUALIFIER
    return next((q for word, q in SHARE_TRAILING_QUALIFIERS if after.startswith(word)), Qualifier.EXACT)
