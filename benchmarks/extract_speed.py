"""Extraction speed on one core (issue 3): number spans, JioNLP money, the whole extraction.

Run on demand (not part of the test suite), from the repository root:

    .venv/bin/pip install jionlp==1.5.31         # the 'bench' extra; changes no pinned package
    .venv/bin/python benchmarks/extract_speed.py [--mb 10] [--seed 3]

The text is data/sample/village_reports_compilation.txt replicated to at least `--mb`
megabytes of UTF-8. Every copy is varied with a seeded RNG so that caches (the
segmenter's window cache above all) cannot live off the earlier copies: each Arabic digit
run becomes a random number of the same length (heading markers such as 1、 and (2) are
kept), and the copy's vocabulary is enciphered: a random permutation of the sample's Han
characters, leaving alone those that make units, numerals, qualifiers, place suffixes and
the cues of report openings (so each copy splits into the same documents and sections).
A copy thus repeats its windows about as often as one real report does, but not those of
other copies (the output shows segmenter calls against distinct windows), and sends about
as many characters through pkuseg per character of text (measured: 105 per 1000, against
95 for the sample itself and 113 with the test fixtures' reports).

Measured in the same process, pinned to one core, with OMP/MKL/BLAS threads set to 1:

(a) scan: `default_scanner().scan(text)` over the whole text, materialised, segment=None:
    finding and normalising number spans of every kind.
(b) JioNLP `jio.ner.extract_money(line, with_parsing=True)` called once per non-blank
    line (JioNLP works on sentences and paragraphs; a 10 MB string is not its use).
(c) extract: each copy is one source (as `huibao ingest` reads a folder of compilations):
    `build_documents`, `build_sections`, then `extract_facts` over every document with the
    real pkuseg segmenter, `default_segmenter()` built afresh so its window cache starts
    cold (the model itself is loaded before the clock starts).

Targets: (a) at least JioNLP's money-only chars/s; (c) at least 300k chars/s. Prints a
table and writes benchmarks/out/extract_speed.json.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import contextlib  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.numbers import APPROX_MARKS, CN_BIG_UNITS, CN_DIGITS, CN_SMALL_UNITS  # noqa: E402
from extractors.numbers import LEADING_QUALIFIERS, TRAILING_QUALIFIERS  # noqa: E402
from extractors.registry import all_extractors  # noqa: E402
from extractors.scanner import default_scanner  # noqa: E402

from corpus import vary_numbers  # noqa: E402

SAMPLE = ROOT / "data" / "sample" / "village_reports_compilation.txt"
OUT = ROOT / "benchmarks" / "out" / "extract_speed.json"
SCAN_TARGET_VS_JIONLP = 1.0
EXTRACT_TARGET = 300_000
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Characters of the words that open reports in the sample (前言, 各位领导, 近年来, 工作汇报 …).
_OPENING_CUES = ("前言各位领导同志们下午好面代表我是叫书记主任所辖以来近年多长期按照根据要求部署"
                 "安排精神通知规定汇报报告总结材料申报讲话发言致辞述职简介之年位于地处如下作做")


def _protected_chars() -> frozenset[str]:
    chars = set("村镇乡县区市街道社区第届是全我本该" + _OPENING_CUES)
    chars.update(*CN_DIGITS, *CN_SMALL_UNITS, *CN_BIG_UNITS, APPROX_MARKS)
    chars.update(*LEADING_QUALIFIERS, *TRAILING_QUALIFIERS)
    for extractor in all_extractors():
        for unit in extractor.units:
            chars.update(unit.surface)
    return frozenset(chars)


def _vary(text: str, rng: random.Random, pool: list[str]) -> str:
    shuffled = rng.sample(pool, len(pool))
    return vary_numbers(text, rng).translate(str.maketrans(dict(zip(pool, shuffled))))


def build_copies(megabytes: float, seed: int) -> list[str]:
    """Varied copies of the sample, together at least `megabytes` MB of UTF-8."""
    sample = SAMPLE.read_text(encoding="utf-8")
    protected = _protected_chars()
    pool = sorted(set(_HAN.findall(sample)) - protected)
    rng = random.Random(seed)
    copies, size = [], 0
    while size < megabytes * 1_000_000:
        copy = _vary(sample, rng, pool)
        copies.append(copy if copy.endswith("\n") else copy + "\n")
        size += len(copies[-1].encode("utf-8"))
    return copies


def _timed(function) -> tuple[float, float, object]:
    """Wall and CPU seconds of function() (CPU time tells when other processes shared the core)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def bench_scan(text: str) -> dict:
    scanner = default_scanner()
    seconds, cpu, found = _timed(lambda: list(scanner.scan(text)))
    return {"seconds": seconds, "cpu_seconds": cpu, "chars_per_s": len(text) / seconds, "spans": len(found)}


def bench_jionlp(text: str) -> dict:
    with contextlib.redirect_stdout(io.StringIO()):  # `import jionlp` prints a banner
        import jionlp as jio
    lines = [line for line in text.split("\n") if line.strip()]
    jio.ner.extract_money(lines[0], with_parsing=True)  # lazy dictionaries load here

    def run() -> int:
        return sum(len(jio.ner.extract_money(line, with_parsing=True)) for line in lines)

    seconds, cpu, found = _timed(run)
    return {"seconds": seconds, "cpu_seconds": cpu, "chars_per_s": len(text) / seconds, "spans": found,
            "called": "once per non-blank line"}


def bench_extract(copies: list[str]) -> dict:
    from pipelines.extract import extract_facts
    from pipelines.process import default_segmenter
    from pipelines.structure import build_documents, build_sections
    from extractors.nlp import load_nlp

    load_nlp()  # model loading is not extraction
    default_segmenter.cache_clear()
    cached = default_segmenter()  # a fresh window cache
    windows: set[str] = set()
    counts = {"documents": 0, "sections": 0, "facts": 0, "segmenter_calls": 0}

    def segment(window: str) -> list[str]:
        counts["segmenter_calls"] += 1
        windows.add(window)
        return cached(window)

    structure_seconds = 0.0

    def run() -> None:
        nonlocal structure_seconds
        for index, text in enumerate(copies):
            path, sha = f"copy-{index:04d}.txt", f"{index:064x}"
            start = time.perf_counter()
            documents = build_documents(text, path, sha)
            sections = build_sections(text, documents)
            structure_seconds += time.perf_counter() - start
            counts["documents"] += len(documents)
            counts["sections"] += len(sections)
            for document in documents:
                counts["facts"] += len(extract_facts(text, document, sections, segment))

    seconds, cpu, _ = _timed(run)
    chars = sum(map(len, copies))
    return {"seconds": seconds, "cpu_seconds": cpu, "chars_per_s": chars / seconds,
            "structure_seconds": structure_seconds, **counts, "distinct_windows": len(windows)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--mb", type=float, default=10.0, help="UTF-8 megabytes of text (10)")
    parser.add_argument("--seed", type=int, default=3, help="seed of the variation (3)")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    copies = build_copies(args.mb, args.seed)
    text = "".join(copies)
    results = {"scan": bench_scan(text), "jionlp_money": bench_jionlp(text),
               "extract": bench_extract(copies)}
    scan_ok = results["scan"]["chars_per_s"] >= SCAN_TARGET_VS_JIONLP * results["jionlp_money"]["chars_per_s"]
    extract_ok = results["extract"]["chars_per_s"] >= EXTRACT_TARGET
    report = {
        "text": {"chars": len(text), "utf8_bytes": len(text.encode("utf-8")), "copies": len(copies),
                 "seed": args.seed, "sample": str(SAMPLE.relative_to(ROOT))},
        **results,
        "targets": {"scan_at_least_jionlp": scan_ok, "extract_at_least_300k": extract_ok},
    }
    print(f"text: {len(text):,} chars, {report['text']['utf8_bytes']:,} bytes UTF-8, "
          f"{len(copies)} varied copies of the sample, one core")
    print(f"{'measure':<34}{'seconds':>9}{'cpu s':>8}{'chars/s':>13}{'found':>9}  target")
    rows = (
        ("(a) scan, all kinds, segment=None", results["scan"], results["scan"]["spans"],
         f">= (b): {'met' if scan_ok else 'MISSED'}"),
        ("(b) JioNLP extract_money, per line", results["jionlp_money"],
         results["jionlp_money"]["spans"], ""),
        ("(c) structure + extract_facts", results["extract"], results["extract"]["facts"],
         f">= 300k: {'met' if extract_ok else 'MISSED'}"),
    )
    for name, row, found, target in rows:
        print(f"{name:<34}{row['seconds']:>9.2f}{row['cpu_seconds']:>8.2f}{row['chars_per_s']:>13,.0f}"
              f"{found:>9,}  {target}")
    extract = results["extract"]
    print(f"    (c): {extract['documents']:,} documents, {extract['sections']:,} sections; structure "
          f"{extract['structure_seconds']:.2f} s; segmenter calls {extract['segmenter_calls']:,}, "
          f"distinct windows {extract['distinct_windows']:,}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"written: {OUT.relative_to(ROOT)}")
    return 0 if scan_ok and extract_ok else 1


if __name__ == "__main__":
    sys.exit(main())
