"""Shares against part ÷ whole (pipelines/check.py states the rules): which figure a share is
of, and which whole it names."""
from __future__ import annotations

from dataclasses import dataclass

from extractors.lang.totals import (
    ALL_WORDS, BREAKDOWN, LIST_JOINERS, NEARLY, NEARLY_QUALIFIER, OF, RATE_MARK, RESPECTIVELY,
    SHARE_LEAD_QUALIFIERS,
    SHARE_TRAILING_QUALIFIERS, SHARE_VERB, SHARE_VERBS, TOPIC_LEADS, TOPIC_MARK,
)
from pipelines.check_figures import BASE_REACH, Figure, FigureReader, base_noun, without_trails
from pipelines.check_rules import PART_REACH, base_head, base_scope, fmt, names_total, share_consistent, strip_lead
from schemas.models import CheckKind, Qualifier

# How many shares of a list stated without a base must fit one earlier figure for it to be
# their whole (151人,占13.2%;784人,占68.6%: 1143): two, and at least half of the list.
_LIST_AGREEING = 2


@dataclass(eq=False)
class _BareShare:
    """占13.2% after its part, with no base named and no whole found in its sentence."""

    ratio: Figure
    part: Figure
    qualifier: Qualifier
    checked: bool  # against a whole found otherwise


class ShareReader(FigureReader):
    """The share rules over a document's figures (FigureReader)."""

    def _check_shares(self) -> None:
        self.named_totals: list[tuple[int, Figure]] = []  # (where, whole) of the lists of shares read so far
        listed = self._check_respectively()
        bare = [share for ratio in self.ratios if id(ratio) not in listed
                for share in [self._check_share(ratio)] if share is not None]
        self._check_bare_lists(bare)

    def _check_share(self, ratio: Figure) -> _BareShare | None:
        """Check one share; the share itself when it names no base (占13.2%) and no topic."""
        text = self.layout.text
        lead = text[self.layout.clause_start(ratio.start):ratio.start]
        before = self._window(ratio.sentence, ratio.start - PART_REACH, ratio.start)
        if not before or ratio.clause - before[-1].clause > 1:
            return None
        if RESPECTIVELY in lead:
            return None  # 分别占总数的60%: which figure it is of is left to the reader
        part, ends_with_of = before[-1], lead.rstrip().endswith(OF)
        if SHARE_VERB in lead:
            verb = SHARE_VERB
        elif ends_with_of and any(v in lead for v in SHARE_VERBS):
            verb = max(SHARE_VERBS, key=lead.rfind)  # 为…的 / 是…的 / 相当于…的
        elif ends_with_of and names_total(strip_lead(lead)):
            verb = ""  # 接近总量的40%
        else:  # 316个村全部建立了村规民约,达到100%: all of a set is 100 %
            if strip_lead(lead).endswith(RATE_MARK) and part.clause == ratio.clause - 1:
                self._check_rate(ratio, part, strip_lead(lead))
            elif text[part.end:part.end + 4].startswith(ALL_WORDS):
                qualifier = Qualifier(ratio.fact.qualifier)
                self._emit_share(ratio, part, [part], qualifier, alarm=False, rule="share_of_all", all_of=True)
            return None
        at = lead.rfind(verb) if verb else 0
        subject = strip_lead(lead[:at])
        # 党员人数占…: a subject named before 占 must be the part's own.
        if subject and part.clause != ratio.clause and subject not in self._item(part):
            return None
        base = strip_lead(lead[at + len(verb):])
        qualifier = share_qualifier(ratio, lead[max(0, at - 2):], text[ratio.end:ratio.end + 2])
        preceding = [f for f in before[:-1] if self._compatible(f, part)]
        if verb not in (SHARE_VERB, "") and not names_total(base):  # 村主任年薪7万元,为村党支部书记的70%
            named = [f for f in preceding if base and base in self._item(f)]
            if named:
                self._emit_share(ratio, part, named[-1:], qualifier, alarm=True, rule="share_of_compared_figure")
            return None
        topic = "" if base or verb != SHARE_VERB else self._topic(part)
        whole = self._named_whole(part, base or topic, exclude=())
        if whole is not None:  # the figure the base names: 占农村党员的31% → 农村党员519名
            self._emit_share(ratio, part, [whole], qualifier, alarm=True,
                             rule="share_of_named_base" if base else "share_of_topic")
            return None
        checked = self._share_in_sentence(ratio, part, base, preceding, qualifier)
        return _BareShare(ratio, part, qualifier, checked) if verb == SHARE_VERB and not base else None

    def _share_in_sentence(self, ratio: Figure, part: Figure, base: str, preceding: list[Figure],
                           qualifier: Qualifier) -> bool:
        """The whole found among the figures before the part in its sentence; True when a
        check was emitted."""
        head, scope = base_head(base), base_scope(base)
        group = self.group_of_part.get(id(part))
        named = [f for f in preceding if head and head in self._item(f) and f.value >= part.value]
        # 具有党员601名,男党员511名,女党员90名,占党员的15%: 男党员 is no whole of 党员
        named = [f for f in named if not self._subgroup_of(f, base)] or named
        marked = [f for f in preceding if id(f) not in self.group_of_part
                  and self._total_marked(f, strong_only=False) and f.value >= part.value]
        confident = named[-1:] or ([group.whole] if group else marked[-1:])
        if confident:
            sentence = self.layout.text[self.layout.sentence_starts[confident[0].sentence]:confident[0].end]
            fits = (not head or head in self._item(confident[0])) and (not scope or scope in sentence)
            rule = "share_of_base_noun" if named else "share_of_group_whole" if group else "share_of_marked_total"
            return self._emit_share(ratio, part, confident, qualifier, alarm=fits, rule=rule)
        others = [f for f in preceding if id(f) not in self.group_of_part]
        if len(others) == 1 and others[0].value > part.value:
            if self._emit_share(ratio, part, others, qualifier, alarm=False, rule="share_of_larger_figure"):
                return True
        if others and names_total(base):  # parallel categories making up the named total
            return self._emit_share(ratio, part, others, qualifier, alarm=False, rule="share_of_parallel_categories",
                                    with_part=True)
        return False

    def _check_rate(self, ratio: Figure, part: Figure, rate: str) -> None:
        """参加投票的选民有178345人,参选率达90.5%: a rate of a part named "…的N" is of the
        figure of N (共有选民19720231人), when the rate's word shares a character with what
        the part did (参选率, 参加…投票)."""
        words = self._before_in_item(part)
        if OF not in words:
            return
        modifier, noun = words.rsplit(OF, 1)
        noun = without_trails(noun)
        if len(noun) < 2 or not set(rate[:-len(RATE_MARK)]) & set(modifier):
            return
        whole = self._named_whole(part, noun, exclude=())
        if whole is not None:
            qualifier = share_qualifier(ratio, rate, self.layout.text[ratio.end:ratio.end + 2])
            # a rate may be counted over another base (persons for households, another date):
            # only a difference beyond the slack of an approximate figure proves a contradiction
            self._emit_share(ratio, part, [whole], qualifier, alarm=True, rule="rate_of_named_group", loose=True)

    def _topic(self, part: Figure) -> str:
        """The noun a sentence opens with before 中 (无职党员中,…), when no figure stands in it."""
        text = self.layout.text
        start = self.layout.sentence_starts[part.sentence]
        clause_end = self.layout.clause_end(start)
        opening = text[start:clause_end].strip()
        if not (clause_end < part.start and opening.endswith(TOPIC_MARK) and not opening.startswith(BREAKDOWN)
                and not any(ch.isdigit() for ch in opening)):
            return ""
        topic = opening[:-len(TOPIC_MARK)]
        for lead in TOPIC_LEADS:
            topic = topic.removeprefix(lead)
        return topic if len(topic) > 1 else ""

    def _named_whole(self, part: Figure, base: str, exclude: tuple[Figure, ...]) -> Figure | None:
        """The nearest earlier figure like the part that the base names (see _names)."""
        if not base:
            return None
        scope = base_scope(base)
        # 本村贫困人口150人,占总人口的5% is not of an earlier 全县总人口30万人
        opening = max(self.layout.sentence_starts[part.sentence], part.end - BASE_REACH)  # a line with no 。
        own = base_scope(self.layout.text[opening:part.end])
        year = self._year(part)  # 2013年为3606.8万名,占党员总数的41.6%: of 2013年's 党员总数
        for figure in self._earlier(part.start, BASE_REACH):
            if figure in exclude or not self._compatible(figure, part) or not self._names(figure, base):
                continue
            if year and self._year(figure) not in ("", year):
                continue
            sentence = self.layout.text[self.layout.sentence_starts[figure.sentence]:figure.end]
            of_place = base_scope(self._before_in_item(figure))
            fits = (not scope or scope in sentence) and (not own or not of_place or own == of_place)
            return figure if fits else None
        return None

    # --- shares stated together: 分别占农户总数的100%、25.05%和83.54% ------------------------

    def _check_respectively(self) -> set[int]:
        """Lists of shares stated together are of as many figures before them, in order; the
        ids of the shares so read."""
        listed: set[int] = set()
        index = 0
        while index < len(self.ratios):
            run = [self.ratios[index]]
            while index + len(run) < len(self.ratios) and self._joined(run[-1], self.ratios[index + len(run)]):
                run.append(self.ratios[index + len(run)])
            if len(run) > 1:
                listed.update(id(r) for r in run)
                self._respective_shares(run)
            index += len(run)
        return listed

    def _joined(self, first: Figure, second: Figure) -> bool:
        between = self.layout.text[first.end:second.start].strip()
        return between in LIST_JOINERS

    def _respective_shares(self, run: list[Figure]) -> None:
        first = run[0]
        lead = self.layout.text[self.layout.clause_start(first.start):first.start]
        if SHARE_VERB not in lead:
            return  # 分别增长10%和20%: no share
        base = strip_lead(lead[lead.rfind(SHARE_VERB) + len(SHARE_VERB):])
        parts = self._window(first.sentence, first.start - BASE_REACH, first.start)[-len(run):]
        if len(parts) < len(run) or not all(self._compatible(parts[0], p) for p in parts[1:]):
            return
        group = self.group_of_part.get(id(parts[0]))
        rule, alarm = "shares_respectively", True
        if base and base_noun(base):
            whole = self._named_whole(parts[0], base, exclude=tuple(parts))
        elif base:  # 分别占总数的59.73%和49.79%: the total the list before named, consistent only
            rule, alarm = "shares_respectively_of_the_total_before", False
            whole = next((w for at, w in reversed(self.named_totals)
                          if at >= first.start - BASE_REACH and self._compatible(w, parts[0])), None)
        else:  # 其中男党员30名、女党员20名,分别占60%和40%: of the group's whole
            whole = group.whole if group and all(self.group_of_part.get(id(p)) is group for p in parts) else None
        if whole is None:
            return
        if alarm:
            self.named_totals.append((first.start, whole))
        for ratio, part in zip(run, parts):
            qualifier = share_qualifier(ratio, "", self.layout.text[ratio.end:ratio.end + 2])
            # each share is of its own figure: the list's sum is still to check
            self._emit_share(ratio, part, [whole], qualifier, alarm=alarm, rule=rule, listed=True)

    # --- shares with no base, stated as a list: 23岁以下151人,占13.2%;…50岁以上22023人,占18.2% -

    def _check_bare_lists(self, bare: list[_BareShare]) -> None:
        """A list of shares naming no base is of the one earlier figure that most of them fit;
        the shares that do not fit it are mismatches, and a part larger than it too."""
        runs: list[list[_BareShare]] = []
        for share in bare:
            if runs and runs[-1][-1].ratio.sentence == share.ratio.sentence \
                    and self._compatible(runs[-1][-1].part, share.part):
                runs[-1].append(share)
            else:
                runs.append([share])
        for run in runs:
            if all(share.checked for share in run):
                continue
            for whole in self._earlier(run[0].part.start, BASE_REACH):
                if not self._compatible(whole, run[0].part) or whole.value <= 0:
                    continue
                fitting = [s for s in run if share_consistent(s.ratio.value, round(s.part.value / whole.value * 100, 1),
                                                              s.qualifier, s.part.approximate or whole.approximate)]
                if len(fitting) >= _LIST_AGREEING and 2 * len(fitting) >= len(run):
                    break
            else:
                continue
            for share in run:
                if not share.checked:
                    self._emit_share(share.ratio, share.part, [whole], share.qualifier, alarm=True,
                                     rule="share_of_list_whole")
            for part in (s.part for s in run if not s.checked):
                if part.low > whole.high:
                    self._emit(CheckKind.SUM_MISMATCH, whole.value, part.value, [whole, part],
                               f"part {fmt(part.value)} > stated total {fmt(whole.value)}",
                               "share_list_part_exceeds_whole", whole, [whole], [part])

    def _emit_share(self, ratio: Figure, part: Figure, wholes: list[Figure], qualifier: Qualifier,
                    alarm: bool, rule: str, with_part: bool = False, all_of: bool = False,
                    listed: bool = False, loose: bool = False) -> bool:
        """Emit a share check; without `alarm` only a consistent one. True when emitted."""
        terms = [*wholes, part] if with_part else wholes
        whole_value = sum(w.value for w in terms)
        if whole_value <= 0:
            return False
        computed = round(part.value / whole_value * 100, 1)
        approximate = loose or part.approximate or any(w.approximate for w in wholes)
        consistent = share_consistent(ratio.value, computed, qualifier, approximate)
        if not consistent and not alarm:
            return False
        # Show the whole in the span when no other figure of its kind stands between.
        shown = [w for w in wholes if w.sentence == part.sentence and not any(
            f not in wholes and self._compatible(f, part) for f in self._window(part.sentence, w.end, part.start))]
        denominator = " + ".join(fmt(t.value) for t in terms)
        expression = (f"{fmt(part.value)} of {fmt(part.value)} (all)" if all_of else
                      f"{fmt(part.value)} / {f'({denominator})' if len(terms) > 1 else denominator}")
        word = "" if qualifier == Qualifier.EXACT else f"{qualifier} "
        message = f"{expression} = {computed:.1f}%, stated {word}{fmt(ratio.value)}%"
        kind = CheckKind.RATIO_OK if consistent else CheckKind.RATIO_MISMATCH
        self._emit(kind, ratio.value, computed, [part, ratio, *shown], message, rule, ratio, terms, [part])
        if not all_of and not listed:
            self.shared.update((id(part), id(w)) for w in wholes)
        return True


def share_qualifier(ratio: Figure, lead: str, after: str) -> Qualifier:
    """The ratio's qualifier, also when written apart from the number (接近总量的40%)."""
    if ratio.approximate:
        return Qualifier(ratio.fact.qualifier)
    for word, qualifier in SHARE_LEAD_QUALIFIERS:
        if word in lead:
            return qualifier
    if lead.strip().startswith(NEARLY) or lead.endswith(NEARLY):
        return NEARLY_QUALIFIER
    return next((q for word, q in SHARE_TRAILING_QUALIFIERS if after.startswith(word)), Qualifier.EXACT)
