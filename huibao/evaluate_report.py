"""The evaluation report: its types and its fixed-width text rendering.

The scores are computed by huibao.evaluate (whose docstring states the matching rules),
which re-exports everything here.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from huibao.evaluate_data import PredCheck

LEVELS: tuple[str, ...] = ("span", "typed", "strict")
CORE, ALL = "core", "all"
ATTRIBUTES: tuple[str, ...] = ("qualifier", "unit", "value", "subject", "subject_2ch", "place")


@dataclass(frozen=True)
class PRF:
    """Counts behind precision/recall; matched_* may differ (span level, per kind)."""

    n_gold: int
    n_pred: int
    matched_gold: int
    matched_pred: int

    @property
    def precision(self) -> float | None:
        return self.matched_pred / self.n_pred if self.n_pred else None

    @property
    def recall(self) -> float | None:
        return self.matched_gold / self.n_gold if self.n_gold else None

    @property
    def f1(self) -> float | None:
        if not self.n_gold and not self.n_pred:
            return None
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Accuracy:
    correct: int
    total: int

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass(frozen=True)
class FactScores:
    rows: tuple[str, ...]  # kinds in display order, then "core", "all"
    table: Mapping[str, Mapping[str, PRF]]  # level -> row -> PRF
    attributes: Mapping[str, Accuracy]  # ATTRIBUTES, over typed matches
    ignored: Mapping[str, int] = field(default_factory=dict)  # unscored predicted kinds


@dataclass(frozen=True)
class DocumentScores:
    boundaries: PRF
    duplicates: Accuracy
    spurious_duplicates: int


@dataclass(frozen=True)
class SectionScores:
    headings: PRF
    markers: Accuracy


@dataclass(frozen=True)
class CheckScores:
    recall: Mapping[str, Accuracy]  # gold check kind -> found / n_gold
    n_pred: Mapping[str, int]  # predicted check kind -> count
    false_alarms: tuple[PredCheck, ...]


@dataclass(frozen=True)
class EvaluationReport:
    sources: tuple[str, ...]
    facts: FactScores
    documents: DocumentScores
    sections: SectionScores
    checks: CheckScores


# ---------------------------------------------------------------- text


def _num(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


def _prf_cells(prf: PRF) -> str:
    return " ".join(_num(v) for v in (prf.precision, prf.recall, prf.f1))


def _acc(accuracy: Accuracy) -> str:
    return f"{_num(accuracy.value)}  ({accuracy.correct}/{accuracy.total})"


def _facts(report: EvaluationReport) -> list[str]:
    facts = report.facts
    width = max(len(r) for r in facts.rows) + 2
    level_head = "    ".join(f"{level:^17}" for level in LEVELS)
    lines = [
        "Facts (P/R/F1 per level)",
        f"{'':<{width}}{'':>7}{'':>7}  {level_head}".rstrip(),
        f"{'kind':<{width}}{'n_gold':>7}{'n_pred':>7}  "
        + "    ".join(f"{'P':>5} {'R':>5} {'F1':>5}" for _ in LEVELS),
    ]
    for row in facts.rows:
        if row == "core":
            lines.append("-" * len(lines[2]))
        span = facts.table["span"][row]
        cells = "    ".join(_prf_cells(facts.table[level][row]) for level in LEVELS)
        lines.append(f"{row:<{width}}{span.n_gold:>7}{span.n_pred:>7}  {cells}")
    if facts.ignored:
        ignored = ", ".join(f"{kind} {n}" for kind, n in facts.ignored.items())
        lines.append(f"not scored (predicted kinds outside the guideline): {ignored}")
    lines += ["", "Attribute accuracy over typed matches"]
    lines += [f"  {name:<12}{_acc(acc)}" for name, acc in facts.attributes.items()]
    return lines


def _structure(report: EvaluationReport) -> list[str]:
    docs, secs = report.documents, report.sections
    head = f"  {'':<20}{'n_gold':>7}{'n_pred':>7}  {'P':>5} {'R':>5} {'F1':>5}"

    def row(name: str, prf: PRF) -> str:
        return f"  {name:<20}{prf.n_gold:>7}{prf.n_pred:>7}  {_prf_cells(prf)}"

    return [
        "Documents and sections (matched by line)",
        head,
        row("document boundaries", docs.boundaries),
        row("section headings", secs.headings),
        f"  marker accuracy       {_acc(secs.markers)}",
        f"  duplicate accuracy    {_acc(docs.duplicates)}",
        f"  spurious duplicates   {docs.spurious_duplicates}",
    ]


def _checks(report: EvaluationReport) -> list[str]:
    checks = report.checks
    kinds = list(checks.recall) + [k for k in checks.n_pred if k not in checks.recall]
    width = max([len(k) for k in kinds] + [4]) + 2
    lines = ["Checks (a gold check is found by an overlapping predicted check of its kind)",
             f"  {'kind':<{width}}{'n_gold':>7}{'found':>7}{'recall':>8}{'n_pred':>8}"]
    for kind in kinds:
        acc = checks.recall.get(kind, Accuracy(0, 0))
        lines.append(f"  {kind:<{width}}{acc.total:>7}{acc.correct:>7}   {_num(acc.value)}"
                     f"{checks.n_pred.get(kind, 0):>8}")
    lines.append(f"  false alarms: {len(checks.false_alarms)}")
    for c in checks.false_alarms:
        stated = "-" if c.stated is None else f"{c.stated:g}"
        computed = "-" if c.computed is None else f"{c.computed:g}"
        lines.append(f"    {c.source} [{c.start},{c.end}) {c.kind} stated={stated} "
                     f"computed={computed} {c.text}".rstrip())
    return lines


def format_report(report: EvaluationReport) -> str:
    """The whole report as text: facts table, attributes, structure, checks."""
    sources = ", ".join(report.sources) or "(none: the gold folder has no rows)"
    parts = [[f"Scored sources: {sources}"], _facts(report), _structure(report),
             _checks(report)]
    return "\n\n".join("\n".join(part) for part in parts) + "\n"
