"""Documents and facts of the annotated sample, built from the gold files (test helper).

Lets the checks be developed and tested without the extractor: each gold fact becomes a
`Fact` in the document whose start is the last one at or before the fact's start.
"""
from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from schemas.models import Document, Fact

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "data" / "gold"
SOURCE_NAME = "village_reports_compilation.txt"
SOURCE = ROOT / "data" / "sample" / SOURCE_NAME
SENTENCE_ENDS = "。!?;\n"


@dataclass(frozen=True)
class GoldCheck:
    kind: str
    start: int
    end: int
    stated: float
    computed: float
    text: str


@dataclass(frozen=True)
class GoldSample:
    text: str
    documents: tuple[Document, ...]
    facts_by_doc: dict[str, tuple[Fact, ...]]
    mismatches: tuple[GoldCheck, ...]
    consistent: tuple[GoldCheck, ...]


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _sentence(text: str, start: int, end: int) -> str:
    lo = max((text.rfind(ch, 0, start) for ch in SENTENCE_ENDS), default=-1) + 1
    his = [i for i in (text.find(ch, end) for ch in SENTENCE_ENDS) if i != -1]
    hi = min(his) + 1 if his else len(text)
    return text[lo:hi].strip()


def _checks(path: Path) -> tuple[GoldCheck, ...]:
    return tuple(GoldCheck(r["kind"], r["start"], r["end"], float(r["stated"]), float(r["computed"]), r["text"])
                 for r in _rows(path))


@cache
def load_gold_sample() -> GoldSample:
    text = SOURCE.read_text(encoding="utf-8-sig")
    doc_rows = sorted(_rows(GOLD / "village_reports_compilation.documents.jsonl"), key=lambda r: r["start"])
    starts = [r["start"] for r in doc_rows]
    documents = []
    for index, row in enumerate(doc_rows):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        documents.append(Document(
            doc_id=f"gold-{row['doc']}", source_path=SOURCE_NAME, ordinal=index,
            title=text[row["start"]:end].split("\n", 1)[0][:40], text=text[row["start"]:end],
            char_start=row["start"], char_end=end,
            duplicate_of=None if row.get("duplicate_of") is None else f"gold-{row['duplicate_of']}"))
    facts: dict[str, list[Fact]] = {d.doc_id: [] for d in documents}
    for number, row in enumerate(_rows(GOLD / "village_reports_compilation.facts.jsonl")):
        document = documents[bisect_right(starts, row["start"]) - 1]
        facts[document.doc_id].append(Fact(
            fact_id=f"gold-f{number}", doc_id=document.doc_id, source_path=SOURCE_NAME,
            kind=row["kind"], value=row["value"], value_max=row["value_max"], unit=row["unit"],
            qualifier=row["qualifier"], subject=row.get("subject"), place=row.get("place"),
            text=row["text"], char_start=row["start"], char_end=row["end"],
            sentence=_sentence(text, row["start"], row["end"]), extractor="gold"))
    return GoldSample(
        text=text, documents=tuple(documents),
        facts_by_doc={doc_id: tuple(rows) for doc_id, rows in facts.items()},
        mismatches=_checks(GOLD / "village_reports_compilation.checks.jsonl"),
        consistent=_checks(GOLD / "checks_consistent.jsonl"))
