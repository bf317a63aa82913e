"""What an extractor is: a fact kind, the units that mark it, and kind-specific rules."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from schemas import FactKind, Qualifier


class Measure(StrEnum):
    """What a kind's figures measure; subject, place and checks read it instead of kinds."""

    UNITS = "units"  # administrative units (村, 乡镇): a place above them is their place
    PEOPLE = "people"
    HOUSEHOLDS = "households"
    AMOUNT = "amount"  # money, area, length …: carries the subject of the amount before it
    SHARE = "share"  # ratios: take the subject of the figure they are a share of
    AGE = "age"
    THINGS = "things"  # counts of things with a measure word


@dataclass(frozen=True, slots=True)
class KindTraits:
    """What the rest of the pipeline knows of a kind, declared by its extractor.

    `additive`: parts of one total add up (sum checks). `named_by`: nouns that name a
    figure of the kind written without a unit (总人口3.2万, 户数326); `named_in_magnitude`:
    only a figure in 万 or 亿 is named so (投资500万; 收入3000 is nothing). `view`: the
    analyst view of the kind's facts (default `<kind>_v`). `framed_by`: regexes of the
    frames a bare figure of the kind stands after (完成年度目标的63.5, 同比增长12.4), with
    `frame_ends`, the characters they may end with.
    """

    measures: Measure = Measure.THINGS
    additive: bool = False
    named_by: tuple[str, ...] = ()
    named_in_magnitude: bool = False
    view: str | None = None
    # Regex sources of frames right before a bare figure of this kind (占总户数的27: a share),
    # and every character such a frame may end with.
    framed_by: tuple[str, ...] = ()
    frame_ends: str = ""


@dataclass(frozen=True, slots=True)
class UnitSpec:
    """A unit or measure word as written after a numeral.

    `canonical` is the guideline's unit (`count` uses the measure word itself);
    `scale` multiplies the value (七成 → 70 percent); `not_before` is a regex of what
    may not follow the unit (户 in 户籍 is not a household).
    """

    surface: str
    canonical: str
    scale: float = 1.0
    not_before: str = ""
    verbal: bool = False  # counts events (次, 遍), never restates listed nouns
    # False for a unit an extractor only receives from another's `refine` (村民小组8个 → 个):
    # it claims no surface in the scan.
    scanned: bool = True


@dataclass(frozen=True, slots=True)
class Candidate:
    """A numeral with its unit, found on the raw text, before it becomes a Fact."""

    start: int
    end: int
    numeral_start: int
    numeral_end: int
    numeral: str
    value: float | None
    value_max: float | None
    qualifier: Qualifier
    unit: UnitSpec
    chinese: bool

    def span_text(self, text: str) -> str:
        return text[self.start:self.end]

    def with_unit(self, unit: UnitSpec, end: int | None = None) -> "Candidate":
        return replace(self, unit=unit, end=self.end if end is None else end)


# Splits a short piece of text into words (the pkuseg tokenizer); None where unavailable.
Segmenter = Callable[[str], list[str]]


def ends_a_word(text: str, start: int, end: int, segment: Segmenter, context: int = 4) -> bool:
    """Whether a word boundary falls at `end` when text[start:end+context] is segmented."""
    offset = start
    for word in segment(text[start:end + context]):
        offset += len(word)
        if offset >= end:
            return offset == end
    return True


@dataclass(slots=True)
class Extractor:
    """One fact kind: its units and its own 'not a fact' rules.

    Subclass and override `accept` for rules that need the surrounding text. Register an
    instance with `extractors.registry.register`.
    """

    name: str
    kind: FactKind | str
    units: tuple[UnitSpec, ...]
    version: str = "1"
    # Lower runs first when two extractors claim the same surface (longest surface wins first).
    priority: int = 100
    description: str = ""
    traits: KindTraits = KindTraits()
    # Unit surfaces of other extractors' candidates this one may take over (`claim`):
    # 24个村党支部书记 is found as a count of 个 and claimed by population.
    claims: tuple[str, ...] = ()
    _by_surface: dict[str, UnitSpec] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._by_surface = {u.surface: u for u in self.units}

    @property
    def view(self) -> str:
        return self.traits.view or f"{self.kind}_v"

    @property
    def canonical_units(self) -> frozenset[str]:
        """The units facts of this extractor carry (a count's unit is its measure word)."""
        return frozenset(unit.canonical for unit in self.units)

    def unit_for(self, surface: str) -> UnitSpec | None:
        return self._by_surface.get(surface)

    def claim(self, text: str, candidate: Candidate) -> Candidate | None:
        """Take over another extractor's candidate (its unit's surface is in `claims`):
        return it with one of this extractor's units, or None to leave it. Claims are asked
        in priority order, before the owner's `refine`."""
        return None

    def refine(self, text: str, candidate: Candidate, segment: Segmenter | None) -> Candidate | None:
        """Kind-specific rules after the general ones: veto (None), keep, or change the unit.

        A returned candidate whose unit another extractor owns moves to that extractor.
        `segment` is given only where word boundaries are worth their cost.
        """
        return candidate
