"""Find numeral + unit spans on the raw text and normalise them into candidates.

One compiled regex, built from the registered extractors' units, scans the text; the
general "not a fact" rules of the guideline (rules.py) and each extractor's own veto then
decide. Spans come from the raw text, never from tokens.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from extractors import rules
from extractors.base import Candidate, Extractor, Segmenter, UnitSpec
from extractors.lang.punctuation import CLAUSE_END, COLONS, COMMAS, SPACE_CLASS, char_class
from extractors.lang.qualifiers import LEADING_QUALIFIERS, QUALIFIER_INSIDE_A_WORD
from extractors.numbers import (
    GAP_SOURCE,
    LEADING_SOURCE,
    MASKED_SOURCE,
    MASKED_START_CLASS,
    NUMERAL_SOURCE,
    NUMERAL_START_CLASS,
    RANGE_SEP_SOURCE,
    TRAILING_SOURCE,
    approximate_pair,
    is_chinese_numeral,
    parse_numeral,
    resolve_qualifier,
    trailing_magnitude,
)
from extractors.registry import all_extractors
from schemas import Qualifier

_CN_MAGNITUDE_START = "十百千万亿"
# Where the clause before a named figure starts (an ASCII full stop too: OCR and typed text).
_CLAUSE_BREAK = char_class(COMMAS, "。;；", COLONS, "\n.")
# How far before a bare figure its frame may start (占全村建档立卡贫困户总数的27).
_FRAME_REACH = 20
# The words that may stand between the noun naming a figure without a unit and the figure.
_NAMING_LINKS = ("为", "是", "达到", "达", "约", "共", "共有", "有", "总计", "合计", "计", "突破", "超过", "人民币")
# 过半, 过半数: more than half, a share of over 50 percent (not 过半年, 过半个月: time gone by).
_OVER_HALF = "(?<![一大])过半数?(?![年月天日个小])"

@dataclass(frozen=True, slots=True)
class Scanner:
    """A compiled scan over the units of a set of extractors."""

    pattern: re.Pattern[str]
    owner: dict[str, tuple[Extractor, UnitSpec]]
    # Every unit by value, including units an extractor only receives from `refine`.
    by_unit: dict[UnitSpec, Extractor]
    # unit surface → the extractors that may claim another's candidate with it (in priority order)
    claimants: dict[str, tuple[Extractor, ...]]
    # A figure without a unit named by the noun before it (总人口3.2万, 户数326): the noun's
    # regex and the extractor each noun names, with its unit without a surface.
    named_before: re.Pattern[str]
    named_by: dict[str, tuple[Extractor, UnitSpec]]
    # …or framed by the words before it (完成年度目标的63.5): each kind's frames as one regex.
    framed_by: tuple[tuple[re.Pattern[str], Extractor, UnitSpec], ...]

    @classmethod
    def build(cls, extractors: Sequence[Extractor]) -> "Scanner":
        owner: dict[str, tuple[Extractor, UnitSpec]] = {}
        by_unit: dict[UnitSpec, Extractor] = {}
        claimants: dict[str, list[Extractor]] = {}
        named_by: dict[str, tuple[Extractor, UnitSpec]] = {}
        framed_by: list[tuple[re.Pattern[str], Extractor, UnitSpec]] = []
        for extractor in extractors:  # priority order: the first claim of a surface wins
            for unit in extractor.units:
                by_unit.setdefault(unit, extractor)
                if unit.scanned:
                    owner.setdefault(unit.surface, (extractor, unit))
            for surface in extractor.claims:
                claimants.setdefault(surface, []).append(extractor)
            unnamed = next((u for u in extractor.units if not u.surface), None)
            for noun in extractor.traits.named_by if unnamed else ():
                named_by.setdefault(noun, (extractor, unnamed))
            if unnamed and extractor.traits.framed_by:
                framed_by.append((re.compile(f"(?:{'|'.join(extractor.traits.framed_by)}){SPACE_CLASS}*$"),
                                  extractor, unnamed))
        named_before = re.compile(
            rf"({'|'.join(map(re.escape, named_by))})(?:总数)?[:：]?(?:{'|'.join(_NAMING_LINKS)})?{SPACE_CLASS}*$")
        # What the unit-less figure may follow: the last character of a noun or of a link word.
        named_ends = "".join(sorted({noun[-1] for noun in named_by} | {w[-1] for w in _NAMING_LINKS} | set(":：")
                                    | {ch for _, extractor, _ in framed_by for ch in extractor.traits.frame_ends}))
        alternatives = []
        for surface in sorted(owner, key=len, reverse=True):
            unit = owner[surface][1]
            guard = f"(?!{unit.not_before})" if unit.not_before else ""
            alternatives.append(re.escape(surface) + guard)
        units = "|".join(alternatives)
        number = f"(?:{NUMERAL_SOURCE}|{MASKED_SOURCE})"
        # Every match starts with a qualifier, 百分之 or a numeral: the lookahead on those
        # characters lets the regex engine skip the text in between quickly.
        lead_starts = "".join(sorted({word[0] for word in LEADING_QUALIFIERS}))
        source = (
            f"(?=[{lead_starts}百过{NUMERAL_START_CLASS}{MASKED_START_CLASS}])"
            f"(?:(?P<lead>{LEADING_SOURCE}|(?<![以之])上(?=[{_CN_MAGNITUDE_START}])){GAP_SOURCE})?"
            # 百分之八十; 三分之一, 千分之五: a share written as a fraction
            f"(?:(?P<pct>百分之|(?P<den>{NUMERAL_SOURCE})分之)(?P<pnum>{NUMERAL_SOURCE})"
            f"(?:(?P<psep>{RANGE_SEP_SOURCE})(?:百分之)?(?P<pnum2>{NUMERAL_SOURCE}))?"
            f"|(?P<num>{number})(?:(?:{units})?(?P<sep>{RANGE_SEP_SOURCE})(?P<num2>{number}))?"
            f"(?:(?={SPACE_CLASS})(?<=[0-9０-９万亿萬億{MASKED_START_CLASS}]){GAP_SOURCE})?(?P<unit>{units})"
            # 总人口3.2万, 户数326: a figure without a unit, named by the noun before it
            f"|(?<=[{named_ends} \t\u00a0\u3000])(?P<bnum>{number})(?={CLAUSE_END})"
            f"|(?P<half>{_OVER_HALF}))"
            f"(?P<trail>{TRAILING_SOURCE})?"
        )
        return cls(re.compile(source), owner, by_unit, {s: tuple(e) for s, e in claimants.items()},
                   named_before, named_by, tuple(framed_by))

    def scan(
        self, text: str, start: int = 0, end: int | None = None, segment: Segmenter | None = None
    ) -> Iterator[tuple[Extractor, Candidate]]:
        """Yield (extractor, candidate) for every fact span in text[start:end]."""
        end = len(text) if end is None else end
        for match in self.pattern.finditer(text, start, end):
            found = self._candidate(text, match)
            if found is None:
                continue
            extractor, candidate = found
            if not rules.is_fact(text, candidate):
                continue
            claimed = self._claimed(text, extractor, candidate)
            if claimed is not None:
                yield claimed
                continue
            refined = extractor.refine(text, candidate, segment)
            if refined is None:
                continue
            if refined.unit is not candidate.unit:
                extractor = self.by_unit.get(refined.unit) or self.owner[refined.unit.surface][0]
            yield extractor, refined

    def _framed(self, text: str, start: int) -> tuple[Extractor, UnitSpec, re.Match[str]] | None:
        for frame, extractor, unit in self.framed_by:
            found = frame.search(text, max(0, start - _FRAME_REACH), start)
            if found:
                return extractor, unit, found
        return None

    def _claimed(self, text: str, owner: Extractor, candidate: Candidate) -> tuple[Extractor, Candidate] | None:
        for claimant in self.claimants.get(candidate.unit.surface, ()):
            if claimant is not owner:
                claimed = claimant.claim(text, candidate)
                if claimed is not None:
                    return claimant, claimed
        return None

    def _candidate(self, text: str, match: re.Match[str]) -> tuple[Extractor, Candidate] | None:
        lead = match.group("lead")
        # The branch that matched: 百分之…, a figure named by the noun before it, or numeral + unit.
        first = ("pct" if match.group("pct") else "bnum" if match.group("bnum") is not None
                 else "half" if match.group("half") else "num")
        # 接近总量的40% keeps its span on 40%; a qualifier word in front of the numeral is part of it.
        start = match.start()
        if lead and start and text[start - 1] in QUALIFIER_INSIDE_A_WORD.get(lead, ""):
            lead, start = None, match.start(first)
        if first == "half":
            extractor, unit = self.owner["%"]
            candidate = Candidate(start=start, end=match.end(), numeral_start=match.start("half"),
                                  numeral_end=match.end("half"), numeral=match.group("half"), value=50.0,
                                  value_max=None, qualifier=Qualifier.OVER, unit=unit, chinese=False)
            return extractor, candidate
        if first == "pct":
            extractor, unit = self.owner["%"]
            numeral_start, numeral_end = match.span("pnum")
            num2 = match.group("pnum2")
        elif first == "bnum":
            framed = self._framed(text, start)
            named = None if framed else self.named_before.search(text, max(0, start - 8), start)
            if framed:
                extractor, unit, named = framed
            elif named is None:
                return None
            else:
                extractor, unit = self.named_by[named.group(1)]
            if extractor.traits.named_in_magnitude and trailing_magnitude(match.group("bnum")) == 1:
                return None
            clause = re.split(_CLAUSE_BREAK, text[max(0, named.start() - 12):named.start()])[-1]
            if "占" in clause and not framed:
                return None  # 占…总人口91 not framed as a share: no head count either
            numeral_start, numeral_end = match.span("bnum")
            num2 = None
        else:
            extractor, unit = self.owner[match.group("unit")]
            numeral_start, numeral_end = match.span("num")
            num2 = match.group("num2")
        numeral = text[numeral_start:numeral_end]
        masked = numeral[0] in "*＊×xX"
        if masked and num2:
            return None
        if masked:
            value = value_max = None
            approx = False
        else:
            pair = None if num2 else approximate_pair(numeral)
            parsed = parse_numeral(numeral)
            if parsed is None:
                return None
            value, approx, value_max = parsed.value, parsed.approx_over, None
            denominator = match.group("den")
            if denominator:  # 三分之一 → 33.3333 percent
                parsed_den = parse_numeral(denominator)
                if parsed_den is None or not parsed_den.value or num2:
                    return None
                value = round(value / parsed_den.value * 100, 4)
            if pair:  # 两三个, 三四十人: an approximate range
                value, value_max = pair[0], pair[1] * unit.scale
            elif num2:
                parsed_max = parse_numeral(num2)
                if parsed_max is None or num2[0] in "*＊×xX":
                    return None
                if trailing_magnitude(numeral) == 1:
                    value *= trailing_magnitude(num2)  # 20—30万元: the 万 applies to both ends
                if parsed_max.value <= value:
                    return None  # 2021-2020 or 3-1: not a range of quantities
                value_max = round(parsed_max.value * unit.scale, 10)
                numeral_end = match.end("pnum2" if match.group("pct") else "num2")
            value = round(value * unit.scale, 10)  # 6‰ is 0.6, not 0.6000000000000001
        if lead == "上" and approx:
            return None
        trail = match.group("trail")
        qualifier = resolve_qualifier(
            leading=lead, trailing=trail, approx_over=approx,
            is_range=value_max is not None, masked=masked,
        )
        if qualifier == Qualifier.EXACT:
            qualifier = rules.qualifier_before(text, start) or qualifier
        candidate = Candidate(
            start=start, end=match.end(), numeral_start=numeral_start, numeral_end=numeral_end,
            numeral=numeral, value=value, value_max=value_max, qualifier=qualifier, unit=unit,
            chinese=not masked and is_chinese_numeral(numeral),
        )
        return extractor, candidate


_default: Scanner | None = None
_default_key: tuple[str, ...] = ()


def default_scanner() -> Scanner:
    """The scanner over every registered extractor (rebuilt when the registry changes)."""
    global _default, _default_key
    extractors = all_extractors()
    key = tuple(f"{e.name}:{e.version}:{id(e)}" for e in extractors)
    if _default is None or key != _default_key:
        _default, _default_key = Scanner.build(extractors), key
    return _default
