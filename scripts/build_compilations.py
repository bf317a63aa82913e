"""Paste outside reports into web-style compilations, with their gold shifted to match.

    .venv/bin/python scripts/build_compilations.py OUT_DIR [--texts data/outside]
        [--gold data/gold/outside] [--per-file 10] [--seed 1]

Writes OUT_DIR/<mode>/ for each of four modes — reports run in (one line break between
them) or separated by a blank line, each with or without its title line — holding
compilation files `comp_NN.txt` (every report once, `--per-file` to a file) and their gold (`comp_NN.facts.jsonl`, `.documents.jsonl`,
`.checks.jsonl`), so that `huibao ingest OUT_DIR/<mode>` and `huibao evaluate --gold
OUT_DIR/<mode>` score document splitting, place and the rest on compilations. Reports are
drawn in a seeded random order; a report's facts and checks inside a dropped title line
are dropped with it.
"""
from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from pathlib import Path

MODES = {"run_in": ("\n", True), "blank_line": ("\n\n", True),
         "run_in_untitled": ("\n", False), "blank_line_untitled": ("\n\n", False)}
# A report's first line is a title when short and no sentence (as a reader would take it).
_TITLE_MAX = 40
_SENTENCE_MARKS = "。，,;；!！?？"


@dataclass
class Report:
    name: str
    text: str
    facts: list[dict]
    documents: list[dict]
    checks: list[dict]

    def title_length(self) -> int:
        """Characters of the title line with its line break, 0 when the report has none."""
        first, newline, _ = self.text.partition("\n")
        if not newline or len(first.strip()) > _TITLE_MAX or any(m in first for m in _SENTENCE_MARKS):
            return 0
        return len(first) + 1


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def load_reports(texts: Path, gold: Path) -> list[Report]:
    reports = []
    for text_path in sorted(texts.glob("*.txt")):
        stem = gold / text_path.stem
        reports.append(Report(text_path.name, text_path.read_text(encoding="utf-8"),
                              _rows(stem.with_suffix(".facts.jsonl")), _rows(stem.with_suffix(".documents.jsonl")),
                              _rows(stem.with_suffix(".checks.jsonl"))))
    return reports


def compile_reports(reports: list[Report], name: str, separator: str, titled: bool) -> tuple[str, dict[str, list[dict]]]:
    """The compilation text and its gold rows (facts, documents, checks) for `reports` in order."""
    parts: list[str] = []
    gold: dict[str, list[dict]] = {"facts": [], "documents": [], "checks": []}
    offset = 0
    for report in reports:
        cut = 0 if titled else report.title_length()
        body = report.text[cut:].strip("\n")
        lead = len(report.text[cut:]) - len(report.text[cut:].lstrip("\n"))
        shift = offset - cut - lead
        for kind in ("facts", "checks"):
            for row in getattr(report, kind):
                if row["start"] >= cut + lead and row["end"] <= cut + lead + len(body):
                    gold[kind].append({**row, "source": name, "start": row["start"] + shift,
                                       "end": row["end"] + shift, **({"doc": None} if kind == "checks" else {})})
        for index, row in enumerate(sorted(report.documents, key=lambda r: r["start"])):
            start = offset if index == 0 else row["start"] + shift
            if index == 0 or cut + lead <= row["start"] < cut + lead + len(body):
                gold["documents"].append({"source": name, "doc": None, "start": start, "line": None,
                                          "duplicate_of": None, "note": f"{report.name}: {row.get('note', '')}"})
        parts.append(body)
        offset += len(body) + len(separator)
    text = separator.join(parts) + "\n"
    starts = []
    for number, row in enumerate(gold["documents"]):
        row["doc"], row["line"] = number, text.count("\n", 0, row["start"]) + 1
        starts.append(row["start"])
    for row in gold["checks"]:
        row["doc"] = sum(start <= row["start"] for start in starts) - 1
    for row in gold["facts"] + gold["checks"]:
        assert text[row["start"]:row["end"]] == row["text"], (name, row)
    return text, gold


def build(out: Path, reports: list[Report], per_file: int, seed: int) -> None:
    order = random.Random(seed).sample(reports, len(reports))  # the same order in every mode
    for mode, (separator, titled) in MODES.items():
        folder = out / mode
        folder.mkdir(parents=True, exist_ok=True)
        for number, first in enumerate(range(0, len(order), per_file)):
            chosen = order[first:first + per_file]
            name = f"comp_{number:02d}.txt"
            text, gold = compile_reports(chosen, name, separator, titled)
            (folder / name).write_text(text, encoding="utf-8")
            for kind, rows in gold.items():
                (folder / name).with_suffix(f".{kind}.jsonl").write_text(
                    "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--texts", type=Path, default=root / "data" / "outside")
    parser.add_argument("--gold", type=Path, default=root / "data" / "gold" / "outside")
    parser.add_argument("--per-file", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    build(args.out, load_reports(args.texts, args.gold), args.per_file, args.seed)


if __name__ == "__main__":
    main()
