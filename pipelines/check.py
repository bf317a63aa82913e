"""Consistency checks between the figures of one document (GUIDELINE §4, DECISIONS 34-36).

Rules read relations the language states between the figures (facts with a value) of one
document, never a place or a report. Wholes and parts share kind and unit (village counts also
their head noun: 行政村 vs 村民小组). A semicolon joins the items of one sentence; a mark inside
a figure (90。5%) is the figure's. Each check records the rule that read it (`rule`, named here
in backquotes), the fact of the stated figure and the facts of its whole and parts.

Groups of a whole W (sum checks):
- `breakdown` ``W,其中A,B`` / `parenthesis` ``W(A、B)``: the parts are subsets of W (A > W is a
  sum_mismatch, `…_part_exceeds_whole`); A + B > W only when they read as disjoint (魔芋/玄参,
  男/女党员), not as overlapping (联系村务的党员/联系…的党员). A breakdown ends with its bracket and
  leaves out a bracket opened inside it (耕地1440亩,林地890亩,(水田440亩,旱地1000亩) is 耕地's);
  after a sentence end (``W。其中A``) W is the last figure stated, every clause after it stating a
  figure, or the whole of the breakdown that figure is a part of. W is no change (比上年增加5.6万个)
  and stands in no bracket closed before 其中. Outside a bracket, a part named like W (核桃面积 after
  茶园面积) may be its sibling and is no subset; a part restating W makes the others cut across it. The parts are the whole (A + B = W within rounding, `…_exhaustive`) when they are a
  complementary pair of the whole's noun (男/女党员 of 党员, 农业/非农业人口 of 人口总数) or a closed
  bracket list of the whole's measure (耕地面积1096亩(田面积494亩,土面积600亩)) that falls short
  of it by less than PARTIAL_LIST_SHORTFALL (more reads as a partial list);
- `complement_pair` ``人口总数2401人,农业人口2350人,非农业人口61人``: a pair that splits the figure
  before it, exhaustive;
- `selection` ``W中/中的…A``: A ≤ W, and with ``其余/其它 B`` A + B = W; `status` ``W,已解决A,有B正在
  解决``: done and pending are disjoint (a planned W may be exceeded);
- `cohort` ``共有W,A,B``: subgroups that may overlap (nested under age brackets), ok only.
A sum whose parts are already checked as shares of the same whole is left out.

Shares (占…的 / 接近总量的 / 为…的 / 相当于…的): the part is the nearest figure in the share's
clause or the one before. The whole is, in order:
- `share_of_named_base`: the nearest earlier figure of the document (within BASE_REACH) that the
  base names — its words name the base's noun and no subgroup of it (占党员总数的 → 有党员601名,
  not 男党员511名 or …的党员208名; 占农村党员的 → 农村党支部党员519名; 占总收入的 → 总收入455万元);
  `share_of_topic`: the same for a bare 占N% in a sentence opened by ``X中,`` (无职党员中);
- `share_of_compared_figure` (为X的 → the figure of X), `share_of_base_noun` (a figure of the
  sentence with the base's head noun), `share_of_group_whole`, `share_of_marked_total` (共…,
  全乡…): ratio_ok or ratio_mismatch, the latter only when the whole fits the base's noun and
  scope (占全乡的 after 全村3000亩 proves nothing);
- `share_of_larger_figure` (the single larger figure) or `share_of_parallel_categories` (part +
  the parallel figures when the base names a total: 户籍 + 来沪人口 → 总人口): ratio_ok or nothing;
  `share_of_all` ``W全部…,达到N%``: N against 100, ok only;
- `shares_respectively` ``A,B,C(分别占农户总数的x%、y%和z%)``: the shares of a list are of as many
  figures before them, in order, each of the named base's figure (or of the parts' group whole);
  `shares_respectively_of_the_total_before` ``(分别占总数的x%和y%)``: a base naming only "total"
  is of the figure the list before named, ratio_ok or nothing;
- `share_of_list_whole`: bare shares of one sentence with no whole found (151人,占13.2%;784人,
  占68.6%) are of the nearest earlier figure that at least two of them, and half, fit; a part
  larger than it is also a sum_mismatch (`share_list_part_exceeds_whole`);
- `rate_of_named_group` ``参加投票的选民有178345人,参选率达90.5%``: a rate of a part named "…的N"
  is of the figure of N, when the rate's word shares a character with what the part did; with
  the slack of an approximate figure (a rate may be counted over another base).
A named base's figure is of the share's own place (not 全县 for 本村) and year (2013年).
No whole → nothing (包保比例达到56%).

Share tolerance in percentage points, computed = part / whole × 100 rounded to 1 decimal: exact
±1; nearly (接近/将近/近) stated − 3 … stated + 1; about (约/左右) ±2; over (以上/超过) computed ≥
stated − 1; under (以下/不足) computed ≤ stated + 1; 2 more both ways when the part or the whole is
approximate. Sums compare the parts' lower bounds with the whole's upper bound (check_rules.bounds);
an exhaustive sum is off only beyond what each figure's last written digit leaves open (494亩 ±0.5).
"""
from __future__ import annotations

import logging
import math
from collections.abc import Sequence

from extractors.lang.punctuation import CLOSE_BRACKETS, OPEN_BRACKETS
from extractors.lang.totals import (
    AMONG, BREAKDOWN, DONE, NOT_AMONG_AFTER, NOT_AMONG_BEFORE, NOT_PENDING, OF, PENDING_WORDS, PLAN_WORDS,
    REST_WORDS,
)
from pipelines.check_figures import Figure, Group, written_precision
from pipelines.check_rules import PART_REACH, PARTIAL_LIST_SHORTFALL, SENTENCE_ENDS, fmt, names_total
from pipelines.check_shares import ShareReader
from schemas.models import Check, CheckKind, Document, Fact

log = logging.getLogger(__name__)


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


class _Checker(ShareReader):
    """The groups of a document's figures and their sums; the shares (ShareReader)."""

    def run(self) -> list[Check]:
        for rule in (self._group_breakdowns, self._group_parentheses, self._group_complements,
                     self._group_selections, self._group_statuses, self._group_cohorts):
            rule()
        self._check_shares()
        for group in self.groups:
            self._check_sum(group)
        unique = {c.check_id: c for c in reversed(self.checks)}
        return sorted(unique.values(), key=lambda c: (c.char_start, c.char_end, c.kind))

    # --- groups ------------------------------------------------------------------------

    def _breakdown(self, whole: Figure, parts: list[Figure], rule: str, closed: bool) -> Group:
        # 4899人,其中农业人口4899人,劳动力3234人: a part that is the whole makes the others
        # cut across it, not add up to it.
        restated = len(parts) > 1 and any(p.value == whole.value for p in parts)
        split = not restated and self._splits(whole, parts)
        listed = not restated and not split and closed and self._one_measure(whole, parts)
        # 茶园面积318亩,其中可采摘面积300亩,核桃面积765亩: outside a bracket, a figure named
        # like the whole (…面积) may be its sibling, no subset of it
        head = self._noun(whole)[-2:]
        subsets = [] if restated else [p for p in parts if closed or len(head) < 2 or not self._descriptor(p).endswith(head)]
        return Group(whole, parts, rule, exhaustive=split or listed, may_leave_rest=listed, subsets=subsets,
                     can_alarm=not restated and (len(parts) == 1 or self._look_disjoint(parts, whole)))

    def _one_measure(self, whole: Figure, parts: list[Figure]) -> bool:
        """Two or more parts named by the whole's measure noun (耕地面积: 田面积 / 土面积), each
        its own class."""
        descriptors = [self._descriptor(p) for p in parts]
        return (len(parts) > 1 and all(len(d) > 2 for d in descriptors) and len({d[-2:] for d in descriptors}) == 1
                and descriptors[0][-2:] in self._words(whole) and self._distinct(parts, descriptors))

    def _group_breakdowns(self) -> None:
        text = self.layout.text
        pos, after = text.find(BREAKDOWN), len(BREAKDOWN)
        while pos != -1:
            closing = self._bracket_end(pos)
            stop = closing or self.layout.list_end(pos)
            following = text.find(BREAKDOWN, pos + after, stop)
            whole, again = self._whole_before(pos)
            if whole is not None and text[pos + after:pos + after + 1] != OF and (again or id(whole) not in self.wholes):
                end = following if following != -1 else stop
                parts = [f for f in self._later_compatible(whole, pos, end) if not self._in_inner_bracket(pos, f)]
                if parts:  # 其中的许多问题 is no breakdown
                    closed = closing is not None and self._opened_after(whole, pos)
                    group = self._breakdown(whole, parts, "breakdown", closed)
                    moves_on = self._moves_on(whole, pos, end)
                    group.subsets = [p for p in group.subsets if p.start < moves_on]
                    self._add_group(group)
            pos = following if following != -1 else text.find(BREAKDOWN, pos + after)

    def _whole_before(self, pos: int) -> tuple[Figure | None, bool]:
        """The whole a 其中 at `pos` breaks down: the last figure before it in its sentence that
        states no change (现有436万个,比上年增加5.6万个。其中: 436万); after a sentence end, the
        last figure stated, every clause after it stating a figure (参选率达90.5%。其中), or the
        whole of the breakdown it is a part of (人口54人,其中男性28人,女性26人。其中农业人口…),
        broken down again (True)."""
        before = [f for f in self._window(self.layout.sentence_of(pos), pos - PART_REACH, pos)
                  if not self._a_change(f) and not self._closed_in(f, pos)]
        if not before:
            return None, False
        whole, between = before[-1], self.layout.text[before[-1].end:pos]
        ends = [i for i, ch in enumerate(between) if ch in SENTENCE_ENDS]
        if not ends:
            return whole, False
        if not self._states_figures(whole.end, whole.end + ends[-1]):
            return None, False
        group = self.group_of_part.get(id(whole))
        return (group.whole, True) if group is not None else (whole, False)

    def _moves_on(self, whole: Figure, start: int, stop: int) -> int:
        """Where a list of parts may have moved on to another measure: the first clause, after a
        part, whose figures are none like the whole (10头以上有15户,良种奶牛存栏数836头,…,规模养羊户
        23户 at 836头; but 其中联系村务的党员69名,联系9类村务,联系…的党员93名 goes on)."""
        clauses: dict[int, bool] = {}
        for figure in self._window(self.layout.sentence_of(start), start, stop):
            clauses[figure.clause] = clauses.get(figure.clause, False) or self._compatible(whole, figure)
        begun = False  # 共有党支部18个,党员821人,其中村党支部14个,党员666人: not before a part
        for clause, like in clauses.items():
            if begun and not like:
                return self.layout.clause_starts[clause]
            begun = begun or like
        return stop

    def _opened_after(self, whole: Figure, pos: int) -> bool:
        """The bracket of a breakdown opens right after its whole: 1096亩(其中:…)."""
        return self.layout.text[whole.end:pos].strip() in OPEN_BRACKETS

    def _in_inner_bracket(self, pos: int, part: Figure) -> bool:
        """The part stands in a bracket opened after 其中 and not yet closed (a breakdown of
        another part)."""
        depth = 0
        for ch in self.layout.text[pos:part.start]:
            depth += (ch in OPEN_BRACKETS) - (ch in CLOSE_BRACKETS and depth > 0)
        return depth > 0

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
                self._add_group(self._breakdown(whole, parts, "parenthesis", closed=True))

    def _group_complements(self) -> None:
        """人口总数2401人,农业人口2350人,非农业人口61人: a complementary pair right after a
        figure of the same measure splits it."""
        for index, whole in enumerate(self.figures[:-2]):
            pair = self.figures[index + 1:index + 3]
            if not all(self._free(f) for f in (whole, *pair)) or len({f.sentence for f in (whole, *pair)}) > 1:
                continue
            if all(self._compatible(whole, f) for f in pair) and self._splits(whole, pair) \
                    and self._names_a_total(whole):
                self._add_group(Group(whole, pair, "complement_pair", exhaustive=True, subsets=pair))

    def _names_a_total(self, whole: Figure) -> bool:
        """共有人口500人, 人口总数:2401人, 全村500人: the figure is stated as a total."""
        return self._total_marked(whole, strong_only=False) or names_total(self._before_in_item(whole))

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
                self._add_group(Group(whole, [members[0], *rest], "selection", members, exact_sum=bool(rest),
                                      subsets=[members[0], *rest]))

    def _status(self, figure: Figure) -> str | None:
        if id(figure) not in self.statuses:
            words = self._descriptor(figure).replace(NOT_PENDING, "")
            if any(word in words for word in PENDING_WORDS):
                self.statuses[id(figure)] = "pending"
            else:
                self.statuses[id(figure)] = "done" if DONE in words else None
        return self.statuses[id(figure)]

    def _done_of(self, figure: Figure, pending: Figure) -> bool:
        """The figure counts what is done of what the pending part is not (消除风险7282户 beside
        未消除风险9087户): its complement, no whole of it."""
        words = self._descriptor(pending)
        for word in PENDING_WORDS:
            at = words.find(word)
            if at != -1:
                action = words[at + len(word):at + len(word) + 2]
                return len(action) == 2 and action in self._descriptor(figure)
        return False

    def _group_statuses(self) -> None:
        by_whole: dict[int, Group] = {}
        for part in self.figures:
            if not self._free(part) or self._status(part) is None:
                continue
            earlier = self._window(part.sentence, part.start - PART_REACH, part.start)
            whole = next((f for f in reversed(earlier) if self._compatible(f, part) and id(f) not in self.group_of_part
                          and self._status(f) is None and not self._closed_in(f, part.start)), None)
            if whole is None or (id(whole) in self.wholes and id(whole) not in by_whole) or self._done_of(whole, part):
                continue
            if id(whole) not in by_whole:
                by_whole[id(whole)] = Group(whole, [], "status")
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
                nested = not self._look_disjoint(parts, whole) or any(map(self._has_age, parts))
                self._add_group(Group(whole, parts, "cohort", can_alarm=False, nested=nested))

    # --- sums --------------------------------------------------------------------------

    def _check_sum(self, group: Group) -> None:
        whole, parts = group.whole, group.parts
        if all((id(p), id(whole)) in self.shared for p in parts):
            return  # the share check already says it
        beyond = [p for p in group.subsets if p.low > whole.high]
        if beyond:  # a subgroup larger than its group
            message = f"part {fmt(beyond[0].value)} > stated total {fmt(whole.value)}"
            self._emit(CheckKind.SUM_MISMATCH, whole.value, beyond[0].value, [whole, *beyond], message,
                       f"{group.rule}_part_exceeds_whole", whole, [whole], beyond[:1])
            return
        largest = max(parts, key=lambda p: p.value)
        if group.nested:
            if largest.low <= whole.high:
                message = f"subgroups within the whole: largest {fmt(largest.value)} <= {fmt(whole.value)}"
                self._emit(CheckKind.SUM_OK, whole.value, largest.value, [whole, *parts], message, group.rule,
                           whole, [whole], [largest])
            return
        total = round(sum(p.value for p in parts), 6)
        exact = not whole.approximate and not any(p.approximate for p in parts)
        rule = group.rule
        spread = sum(written_precision(f.fact) for f in (whole, *parts))
        # a bracket list well short of its whole is read as naming part of it (土地5000亩(耕地
        # 面积2000亩,林地面积2500亩) leaves 草地 out), one a little short as a slip
        partial = group.may_leave_rest and sum(p.high for p in parts) + spread < whole.low * (1 - PARTIAL_LIST_SHORTFALL)
        if group.exhaustive and not partial:
            consistent = (sum(p.low for p in parts) - spread <= whole.high + 1e-9
                          and sum(p.high for p in parts) + spread >= whole.low - 1e-9)
            relation, rule = ("=" if consistent else "!="), f"{rule}_exhaustive"
        elif group.exact_sum and exact:
            consistent = math.isclose(total, whole.value)
            relation = "=" if consistent else "!="
        else:
            consistent = sum(p.low for p in parts) <= whole.high + 1e-9
            relation = "<=" if consistent else ">"
        # 劳动力3000人,外出务工1500人,占劳动力的50%: one part holds another, they overlap.
        nested_parts = any((id(a), id(b)) in self.shared for a in parts for b in parts)
        if not consistent and (nested_parts or not group.can_alarm) and not group.exhaustive:
            return  # the parts may overlap: the numbers prove nothing
        terms = "part " if len(parts) == 1 else f"{' + '.join(fmt(p.value) for p in parts)} = "
        message = f"{terms}{fmt(total)} {relation} stated total {fmt(whole.value)}"
        self._emit(CheckKind.SUM_OK if consistent else CheckKind.SUM_MISMATCH, whole.value, total,
                   [whole, *parts], message + ("" if exact else " (approximate figures)"), rule, whole, [whole], parts)
