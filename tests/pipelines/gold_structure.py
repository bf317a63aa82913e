"""Documents and sections of the annotated sample, and line-based scoring (test helper).

Scoring follows GUIDELINE/evaluate: a predicted start matches a gold start when both are on
the same 1-based line, one-to-one.
"""
from __future__ import annotations

import json
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample" / "village_reports_compilation.txt"
GOLD = ROOT / "data" / "gold"


@dataclass(frozen=True)
class LineScore:
    precision: float
    recall: float
    f1: float
    matched_lines: tuple[int, ...]
    missed_lines: tuple[int, ...]    # gold lines with no prediction
    extra_lines: tuple[int, ...]     # predicted lines with no gold row


@cache
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8-sig")


def _rows(name: str) -> list[dict]:
    path = GOLD / f"village_reports_compilation.{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@cache
def gold_documents() -> tuple[dict, ...]:
    return tuple(_rows("documents"))


@cache
def gold_sections() -> tuple[dict, ...]:
    return tuple(_rows("sections"))


@cache
def _newlines(text: str) -> tuple[int, ...]:
    return tuple(i for i, char in enumerate(text) if char == "\n")


def line_of(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return bisect_right(_newlines(text), offset - 1) + 1


def score_lines(gold: list[int], predicted: list[int]) -> LineScore:
    """P/R/F1 of predicted line numbers against gold ones, matched one-to-one by line."""
    gold_count, pred_count = Counter(gold), Counter(predicted)
    matched = gold_count & pred_count
    tp = sum(matched.values())
    precision = tp / len(predicted) if predicted else 0.0
    recall = tp / len(gold) if gold else 0.0
    f1 = 2 * tp / (len(gold) + len(predicted)) if gold or predicted else 1.0
    return LineScore(precision, recall, f1, tuple(sorted(matched.elements())),
                     tuple(sorted((gold_count - pred_count).elements())),
                     tuple(sorted((pred_count - gold_count).elements())))
