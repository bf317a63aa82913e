"""The tolerances the consistency checks read (pipelines/check.py): how far a stated figure
may be from the computed one, how far apart a whole and its parts may stand, and how a share's
base is read. The words are the language's (extractors/lang/totals.py, punctuation.py)."""
from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence

from extractors.lang.punctuation import CLAUSE_BREAKS, COLONS, ITEM_BREAKS, SEMICOLONS, SENTENCE_BREAKS
from extractors.lang.totals import (
    BREAKDOWN,
    COUNT_SUFFIX,
    GENERIC_TOTAL_WORDS,
    KEPT_AT_START,
    LEAD_TRAILERS,
    OF,
    PLACE_CHARS,
    RATIO_WORDS,
    SCOPE_HEADS,
    TOTAL_WORDS,
)
from schemas.models import Qualifier

SENTENCE_ENDS = frozenset(SENTENCE_BREAKS) - frozenset(SEMICOLONS)
CLAUSE_ENDS = frozenset(CLAUSE_BREAKS)
ITEM_ENDS = frozenset(ITEM_BREAKS)
COLON_CHARS = frozenset(COLONS)
LINE_BREAK = "\n"

EXACT_SLACK, ABOUT_SLACK, APPROXIMATE_INPUT_SLACK = 1.0, 2.0, 2.0  # percentage points
NEARLY_BELOW, NEARLY_ABOVE = 3.0, 1.0  # 接近40%: a bit under counts, hardly over
ABOUT_FACTOR = 0.1  # a sum term stated with 约 may be 10 % off either way
ITEM_REACH = 80  # how far an item may run without punctuation
# A bracket list of the whole's measure short of it by more than this share of it names only
# part of it (土地5000亩(耕地面积2000亩,林地面积2500亩)); by less, it is a slip (1096 vs 1094).
PARTIAL_LIST_SHORTFALL = 0.05
PART_REACH = 400  # how far apart a whole, its parts and a share may stand (bounds the work on tables)

# (below, above) the stated share that still counts as consistent, in percentage points.
SHARE_TOLERANCE = {Qualifier.NEARLY: (NEARLY_BELOW, NEARLY_ABOVE), Qualifier.OVER: (EXACT_SLACK, math.inf),
                   Qualifier.ABOUT: (ABOUT_SLACK, ABOUT_SLACK), Qualifier.UNDER: (math.inf, EXACT_SLACK)}


def strip_lead(words: str) -> str:
    """The base a share names: 总数 of 总数的, 全部行政村总人口 of 全部行政村总人口的."""
    words, changed = words.strip(), True
    while changed and words:
        changed = False
        for trailer in LEAD_TRAILERS:
            if words.endswith(trailer):
                words, changed = words[:-len(trailer)].rstrip(), True
            if words.startswith(trailer) and trailer not in KEPT_AT_START:
                words, changed = words[len(trailer):].lstrip(), True
    return "" if words in RATIO_WORDS else words


def base_head(base: str) -> str:
    """The noun a share's base names besides "total": 人口 of 全部行政村总人口, 户 of 总户数."""
    for generic in (*GENERIC_TOTAL_WORDS, *TOTAL_WORDS):
        base = base.replace(generic, "")
    scope = base_scope(base)
    return (base.replace(scope, "") if scope else base).strip(OF).removesuffix(COUNT_SUFFIX)[-2:]


def base_scope(base: str) -> str:
    """The place a share's base is about: 全乡 of 占全乡的, '' when none."""
    return next((base[i:i + 2] for i in range(len(base) - 1)
                 if base[i] in SCOPE_HEADS and base[i + 1] in PLACE_CHARS), "")


def names_total(base: str) -> bool:
    return any(word in base for word in TOTAL_WORDS)


def share_consistent(stated: float, computed: float, qualifier: Qualifier, approximate: bool) -> bool:
    below, above = SHARE_TOLERANCE.get(qualifier, (EXACT_SLACK, EXACT_SLACK))
    slack = APPROXIMATE_INPUT_SLACK if approximate else 0.0
    return stated - below - slack - 1e-9 <= computed <= stated + above + slack + 1e-9


def bounds(value: float, qualifier: Qualifier) -> tuple[float, float]:
    """What a stated amount may really be: 60余 is 60..∞, 约100 is 90..110, 不足5 is 0..5."""
    if qualifier in (Qualifier.ABOUT, Qualifier.NEARLY):
        return value * (1 - ABOUT_FACTOR), value * (1 + ABOUT_FACTOR if qualifier == Qualifier.ABOUT else 1)
    low, high = (0.0 if qualifier == Qualifier.UNDER else value), value
    return low, math.inf if qualifier == Qualifier.OVER else high


def fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _last_mark(text: str, i: int) -> str:
    """The last character before position i that is no space (looking a few back)."""
    j, low = i - 1, max(0, i - 8)
    while j > low and text[j].isspace():
        j -= 1
    return text[j] if j >= 0 else ""


class TextLayout:
    """Sentence, clause and list-item boundaries of a document text, as the checks read them.

    `figures` are the spans of the document's figures: a mark inside one (90。5%, where OCR
    typed 。 for the decimal point) is the figure's, no break."""

    def __init__(self, text: str, figures: Sequence[tuple[int, int]] = ()) -> None:
        self.text = text
        self.sentence_starts, self.clause_starts = [0], [0]
        inside = {i for start, end in figures for i in range(start, end)}
        for i, ch in enumerate(text):
            if ch in CLAUSE_ENDS and i not in inside:
                self.clause_starts.append(i + 1)
                # "…6621亩。其中魔芋1580亩" still belongs to the sentence of its whole, and a
                # line that ends with a colon (其中:) opens the list on the next.
                if (ch in SENTENCE_ENDS and not text[i + 1:i + 8].lstrip().startswith(BREAKDOWN)
                        and not (ch == LINE_BREAK and _last_mark(text, i) in COLON_CHARS)):
                    self.sentence_starts.append(i + 1)

    def sentence_of(self, pos: int) -> int:
        return bisect_right(self.sentence_starts, pos) - 1

    def clause_of(self, pos: int) -> int:
        return bisect_right(self.clause_starts, pos) - 1

    def clause_start(self, pos: int) -> int:
        return self.clause_starts[self.clause_of(pos)]

    def clause_end(self, pos: int) -> int:
        index = self.clause_of(pos) + 1
        return self.clause_starts[index] - 1 if index < len(self.clause_starts) else len(self.text)

    def list_end(self, pos: int) -> int:
        """Where the list that `pos` stands in ends: its sentence's end or the next semicolon."""
        end = self.sentence_end(pos)
        found = [i for i in (self.text.find(mark, pos, end) for mark in SEMICOLONS) if i >= 0]
        return min(found, default=end)

    def sentence_end(self, pos: int) -> int:
        index = self.sentence_of(pos) + 1
        return self.sentence_starts[index] - 1 if index < len(self.sentence_starts) else len(self.text)

    def item(self, start: int, end: int) -> tuple[int, int]:
        """The list item around a span: bounded by clause ends, 、 and brackets."""
        low, high = max(0, start - ITEM_REACH), min(len(self.text), end + ITEM_REACH)
        while start > low and self.text[start - 1] not in ITEM_ENDS:
            start -= 1
        while end < high and self.text[end] not in ITEM_ENDS:
            end += 1
        return start, end
