"""What an extractor is: a fact kind, the units that mark it, and kind-specific rules."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from schemas import FactKind, Qualifier

# What ends a clause right after a figure or phrase: punctuation, a closing bracket, a space
# or the end of the text (a regex to match at a position).
CLAUSE_END = r"(?:[,，。;；:：!！?？、)）]|\.(?![0-9])|\s|$)"


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
    _by_surface: dict[str, UnitSpec] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._by_surface = {u.surface: u for u in self.units}

    def unit_for(self, surface: str) -> UnitSpec | None:
        return self._by_surface.get(surface)

    def refine(self, text: str, candidate: Candidate, segment: Segmenter | None) -> Candidate | None:
        """Kind-specific rules after the general ones: veto (None), keep, or change the unit.

        A returned candidate whose unit another extractor owns moves to that extractor.
        `segment` is given only where word boundaries are worth their cost.
        """
        return candidate
