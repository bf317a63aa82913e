"""Score the warehouse against gold annotation (`huibao evaluate --gold DIR [--db FILE]`).

Gold: every `*.facts.jsonl`, `*.documents.jsonl`, `*.sections.jsonl`, `*.checks.jsonl` and
`checks_consistent.jsonl` of one folder (docs/annotation/GUIDELINE.md). Predictions: the
warehouse tables `facts`, `documents`, `sections`, `checks` (docs/CONTRACT.md).

Sources are matched by file *basename* (warehouse `source_path` may be `data/sample/x.txt`).
A source is scored when any gold row names it; predictions for other sources are ignored.
All matching happens inside one source.

Facts: three levels, each its own one-to-one matching of predicted to gold facts. A pair is
a candidate when the half-open spans intersect (`max(starts) < min(ends)`):
    span    overlap only
    typed   overlap and the same kind
    strict  typed, the same unit and qualifier, and value and value_max each equal (both
            null, or `|a - b| <= 1e-6 * max(|a|, |b|)`)
Greedy matching: candidates sorted by overlap length desc, then |start difference| asc,
then gold start, predicted start, input order; a pair is taken when both sides are free.
Per row, precision = matched predictions of the row's kinds / predictions of those kinds
and recall = matched gold of the row's kinds / gold of those kinds (at the span level a
matched pair may disagree on kind: precision goes by the predicted kind, recall by the
gold kind). Rows: each kind, `core` (all kinds but `count`), `all`. Scored kinds are the
FactKind values, the kinds of other registered extractors and any gold kind; predicted facts of other kinds (dates, durations, ...,
which the guideline does not score) are left out, only counted in `FactScores.ignored`.

Attribute accuracies, over the typed-level matched pairs:
    qualifier, unit  equal strings
    value            value and value_max both equal as in the strict level
    subject          the gold head noun is a substring of the predicted subject. Head noun:
                     the gold subject without parenthesised parts (`(...)`, `（...）`) and
                     quote marks (“”‘’"'「」『』), stripped, then its last 2 characters (the
                     whole when shorter). A null/empty gold head is correct only when the
                     predicted subject is null/empty too.
    place            both null, or the gold place is a substring of a non-null prediction.

Documents and sections are matched by 1-based line number: a predicted document start
(heading) matches a gold one on the same line, one-to-one, the smallest |start difference|
first; boundary / heading P/R/F1 follow. Marker accuracy is over matched headings (null ==
null). Duplicate accuracy is over gold documents with `duplicate_of`: correct when it and
its gold original are both matched and the predicted duplicate's `duplicate_of` is the
doc_id of the prediction matched to the original. `spurious_duplicates` counts predicted
documents with `duplicate_of` whose matched gold document (if any) is no duplicate.
Line numbers of predictions count '\n' before the offset in the source text, which is
rebuilt from `documents.text` laid down per `source_path` in `char_start` order (documents
tile the source; a gap would be filled with spaces, so later lines could come out low), or
taken from `load_predictions(con, source_texts={basename: text})`.

Checks: gold is `*.checks.jsonl` plus `checks_consistent.jsonl`. A gold check is found
(recall, per kind) when a predicted check of the same kind overlaps its span (not
one-to-one). A predicted `*_mismatch` check is a false alarm when it overlaps no gold
`*_mismatch` check, i.e. it overlaps only gold `*_ok` checks or no gold check at all.

Undefined ratios (0 / 0) are None and print as `-`; F1 is 0 when exactly one of gold and
predictions is empty, None when both are.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from extractors.base import Measure
from extractors.registry import kinds as registered_kinds
from extractors.registry import traits_of
from schemas.models import CheckKind, FactKind

# the report types live with their text rendering; re-exported here
from huibao.evaluate_report import (ALL, ATTRIBUTES, CORE, LEVELS, PRF,  # noqa: F401
                                    Accuracy, CheckScores, DocumentScores, EvaluationReport,
                                    FactScores, SectionScores, format_report)

from huibao.evaluate_data import (  # noqa: F401  (re-exported)
    Gold,
    GoldCheck,
    GoldDocument,
    GoldFact,
    GoldSection,
    PredCheck,
    PredDocument,
    PredFact,
    PredSection,
    Predictions,
    basename,
    line_of,
    load_gold,
    load_predictions,
    reconstruct_texts,
)

REL_TOL = 1e-6


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Length of the intersection of two half-open spans (0 when disjoint)."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def same_number(a: float | None, b: float | None) -> bool:
    """Both null, or relative difference <= REL_TOL."""
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b))


_PARENS = re.compile(r"[(（][^()（）]*[)）]")
_QUOTES = re.compile("[“”‘’\"'「」『』]")


def head_noun(subject: str | None, segment: Callable[[str], list[str]] | None = None) -> str:
    """Gold subject without parenthesised parts and quote marks, then its head: the last
    word by `segment` (the head of a Chinese noun phrase ends it), or without a segmenter
    its last 2 characters."""
    if not subject:
        return ""
    stripped = subject
    while True:  # nested parentheses: strip innermost first
        shorter = _PARENS.sub("", stripped)
        if shorter == stripped:
            break
        stripped = shorter
    stripped = _QUOTES.sub("", stripped).strip()
    if segment is not None and stripped:
        words = [w for w in segment(stripped) if w.strip()]
        if words:
            return words[-1]
    return stripped[-2:]


def subject_correct(gold: str | None, predicted: str | None,
                    segment: Callable[[str], list[str]] | None = None) -> bool:
    head = head_noun(gold, segment)
    if not head:
        return not predicted
    return bool(predicted) and head in predicted


def place_correct(gold: str | None, predicted: str | None) -> bool:
    if gold is None:
        return predicted is None
    return predicted is not None and gold in predicted


def _greedy(candidates: list[tuple[tuple[Any, ...], int, int]]) -> dict[int, int]:
    """Take (sort_key, gold_index, pred_index) in key order when both sides are free."""
    gold_to_pred: dict[int, int] = {}
    taken: set[int] = set()
    for _, g, p in sorted(candidates):
        if g not in gold_to_pred and p not in taken:
            gold_to_pred[g] = p
            taken.add(p)
    return gold_to_pred


def _by_source(rows: Sequence[Any]) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        groups[row.source].append(i)
    return groups


def _span_candidates(gold: Sequence[Any], pred: Sequence[Any]
                     ) -> list[tuple[tuple[Any, ...], int, int]]:
    """All overlapping (gold, pred) pairs within a source, with the facts sort key."""
    out = []
    pred_groups = _by_source(pred)
    for source, gold_idx in _by_source(gold).items():
        p_idx = sorted(pred_groups.get(source, []), key=lambda i: pred[i].start)
        starts = [pred[i].start for i in p_idx]
        longest = max((pred[i].end - pred[i].start for i in p_idx), default=0)
        for g in gold_idx:
            gs, ge = gold[g].start, gold[g].end
            lo = bisect.bisect_right(starts, gs - longest)  # earlier ones end before gs
            for p in p_idx[lo:bisect.bisect_left(starts, ge)]:
                length = overlap(gs, ge, pred[p].start, pred[p].end)
                if length > 0:
                    key = (-length, abs(gs - pred[p].start), gs, pred[p].start, g, p)
                    out.append((key, g, p))
    return out


def _line_matching(gold: Sequence[Any], pred: Sequence[Any]) -> dict[int, int]:
    """One-to-one by (source, line); closest start first."""
    by_line: dict[tuple[str, int], list[int]] = defaultdict(list)
    for p, row in enumerate(pred):
        by_line[(row.source, row.line)].append(p)
    candidates = []
    for g, row in enumerate(gold):
        for p in by_line.get((row.source, row.line), []):
            candidates.append(((abs(row.start - pred[p].start), row.start, pred[p].start, g, p),
                               g, p))
    return _greedy(candidates)


def _prf(gold: Sequence[Any], pred: Sequence[Any], matching: Mapping[int, int]) -> PRF:
    return PRF(len(gold), len(pred), len(matching), len(matching))


def _fact_rows(gold: Sequence[GoldFact]) -> tuple[str, ...]:
    """The contract's kinds, then those of other registered extractors, then gold's others."""
    kinds = list(dict.fromkeys([k.value for k in FactKind] + registered_kinds()))
    kinds += sorted({f.kind for f in gold} - set(kinds))
    return tuple(kinds)


def _score_facts(gold: Sequence[GoldFact], pred_all: Sequence[PredFact],
                 segment: Callable[[str], list[str]] | None = None) -> FactScores:
    kinds = _fact_rows(gold)
    pred = [f for f in pred_all if f.kind in kinds]
    ignored = Counter(f.kind for f in pred_all if f.kind not in kinds)
    candidates = _span_candidates(gold, pred)

    def typed(g: int, p: int) -> bool:
        return gold[g].kind == pred[p].kind

    def strict(g: int, p: int) -> bool:
        a, b = gold[g], pred[p]
        return (typed(g, p) and a.unit == b.unit and a.qualifier == b.qualifier
                and same_number(a.value, b.value) and same_number(a.value_max, b.value_max))

    tests: dict[str, Callable[[int, int], bool]] = {
        "span": lambda g, p: True, "typed": typed, "strict": strict}
    groups: dict[str, frozenset[str]] = {k: frozenset({k}) for k in kinds}
    # core: every kind but counts of things (the measure word is their unit)
    registered = set(registered_kinds())
    groups[CORE] = frozenset(k for k in kinds if traits_of(k).measures != Measure.THINGS or k not in registered)
    groups[ALL] = frozenset(kinds)
    table: dict[str, dict[str, PRF]] = {}
    matchings: dict[str, dict[int, int]] = {}
    for level in LEVELS:
        matching = _greedy([c for c in candidates if tests[level](c[1], c[2])])
        matchings[level] = matching
        matched_pred = set(matching.values())
        table[level] = {
            row: PRF(n_gold=sum(f.kind in members for f in gold),
                     n_pred=sum(f.kind in members for f in pred),
                     matched_gold=sum(gold[g].kind in members for g in matching),
                     matched_pred=sum(pred[p].kind in members for p in matched_pred))
            for row, members in groups.items()}

    pairs = [(gold[g], pred[p]) for g, p in matchings["typed"].items()]
    checks: dict[str, Callable[[GoldFact, PredFact], bool]] = {
        "qualifier": lambda a, b: a.qualifier == b.qualifier,
        "unit": lambda a, b: a.unit == b.unit,
        "value": lambda a, b: (same_number(a.value, b.value)
                               and same_number(a.value_max, b.value_max)),
        "subject": lambda a, b: subject_correct(a.subject, b.subject, segment),
        "subject_2ch": lambda a, b: subject_correct(a.subject, b.subject),
        "place": lambda a, b: place_correct(a.place, b.place),
    }
    attributes = {name: Accuracy(sum(check(a, b) for a, b in pairs), len(pairs))
                  for name, check in checks.items()}
    return FactScores(rows=(*kinds, CORE, ALL), table=table, attributes=attributes,
                      ignored=dict(sorted(ignored.items(), key=lambda kv: str(kv[0]))))


def _score_documents(gold: Sequence[GoldDocument], pred: Sequence[PredDocument]
                     ) -> DocumentScores:
    matching = _line_matching(gold, pred)
    index = {(d.source, d.doc): i for i, d in enumerate(gold)}
    correct = total = 0
    for g, doc in enumerate(gold):
        if doc.duplicate_of is None:
            continue
        total += 1
        original = index.get((doc.source, doc.duplicate_of))
        if g in matching and original in matching:
            correct += pred[matching[g]].duplicate_of == pred[matching[original]].doc_id
    pred_to_gold = {p: g for g, p in matching.items()}
    spurious = sum(1 for p, doc in enumerate(pred) if doc.duplicate_of is not None
                   and (p not in pred_to_gold or gold[pred_to_gold[p]].duplicate_of is None))
    return DocumentScores(_prf(gold, pred, matching), Accuracy(correct, total), spurious)


def _score_sections(gold: Sequence[GoldSection], pred: Sequence[PredSection]) -> SectionScores:
    matching = _line_matching(gold, pred)
    markers = Accuracy(sum(gold[g].marker == pred[p].marker for g, p in matching.items()),
                       len(matching))
    return SectionScores(_prf(gold, pred, matching), markers)


def _check_order(kinds: Iterable[str]) -> list[str]:
    known = [k.value for k in CheckKind]
    return [k for k in known if k in kinds] + sorted(set(kinds) - set(known))


def _score_checks(gold: Sequence[GoldCheck], pred: Sequence[PredCheck]) -> CheckScores:
    def hits(row: Any, others: Iterable[Any], kind_ok: Callable[[str], bool]) -> bool:
        return any(o.source == row.source and kind_ok(o.kind)
                   and overlap(row.start, row.end, o.start, o.end) > 0 for o in others)

    found: Counter[str] = Counter()
    for check in gold:
        found[check.kind] += hits(check, pred, lambda k, kind=check.kind: k == kind)
    n_gold = Counter(c.kind for c in gold)
    n_pred = Counter(c.kind for c in pred)
    recall = {k: Accuracy(found[k], n_gold[k]) for k in _check_order(n_gold)}
    false_alarms = tuple(
        c for c in pred
        if str(c.kind).endswith("_mismatch")
        and not hits(c, gold, lambda k: str(k).endswith("_mismatch")))
    return CheckScores(recall, {k: n_pred[k] for k in _check_order(n_pred)}, false_alarms)


def evaluate(gold: Gold, predictions: Predictions,
             segment: Callable[[str], list[str]] | None = None) -> EvaluationReport:
    """Score predictions against gold, on the sources that have gold (see module doc).

    `segment` (the pkuseg word splitter) picks subject head nouns by word; without it the
    head is the last 2 characters. `subject_2ch` always uses the 2-character head.
    """
    sources = gold.sources

    def scored(rows: Sequence[Any]) -> list[Any]:
        return [row for row in rows if row.source in sources]

    return EvaluationReport(
        sources=tuple(sorted(sources)),
        facts=_score_facts(gold.facts, scored(predictions.facts), segment),
        documents=_score_documents(gold.documents, scored(predictions.documents)),
        sections=_score_sections(gold.sections, scored(predictions.sections)),
        checks=_score_checks(gold.checks, scored(predictions.checks)),
    )
