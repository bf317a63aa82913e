"""Fuzz the text pipeline with 100,000+ seeded inputs (issue 5): crashes, offsets, time.

Run on demand (not part of the test suite), from the repository root:

    .venv/bin/python benchmarks/fuzz.py [--inputs 100000] [--seed 5] [--workers 2]
    .venv/bin/python benchmarks/fuzz.py --replay 1234      # run input 1234 again, verbosely

Input k is drawn from `random.Random(f"{seed}-{k}")` by tests/pipelines/fuzz_support.py:
mutated windows of the sample (insert/delete/replace/duplicate characters, numerals,
punctuation, masks, newlines), report characters in random order, one fragment repeated
up to 10,000 characters (where super-linear time shows), shuffled sample lines, raw
bytes; in UTF-8, GB18030, UTF-16 and UTF-8 with BOM, sometimes cut mid-character. Each
runs decode → documents → sections → facts (segment=None) → checks and must keep the
invariants of fuzz_support.check_invariants within fuzz_support.time_bound (0.5 s + 2 s
per 10k characters; an input over it is timed again once, to rule out a busy machine).

Prints and writes benchmarks/out/fuzz.json: inputs, refused (not decodable: a clean
SourceError), characters, failures (with their input numbers), the largest time per
character over inputs of at least 1,000 characters, the slowest input. Exit code 1 when
anything failed.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "pipelines"))

from fuzz_support import random_input, run_pipeline, time_bound  # noqa: E402

OUT = ROOT / "benchmarks" / "out" / "fuzz.json"
MIN_CHARS_FOR_RATE = 1_000  # below this, fixed costs dominate the time per character


def input_number(seed: int, k: int) -> bytes:
    return random_input(random.Random(f"{seed}-{k}"))


def run_one(seed: int, k: int) -> dict:
    """One input's record: chars, seconds, refused, or the failure."""
    raw = input_number(seed, k)
    try:
        outcome = run_pipeline(raw)
        if outcome.seconds > time_bound(outcome.chars):
            outcome = run_pipeline(raw)  # once more: a busy machine, or really slow?
            if outcome.seconds > time_bound(outcome.chars):
                return {"k": k, "failure": f"slow: {outcome.seconds:.2f} s for {outcome.chars} chars"}
    except Exception as error:  # noqa: BLE001 - every failure is reported, none stops the run
        return {"k": k, "failure": f"{type(error).__name__}: {error}"[:500]}
    return {"k": k, "chars": outcome.chars, "seconds": outcome.seconds, "refused": outcome.refused is not None,
            "facts": outcome.facts}


def _warm_up() -> None:
    # Imports, regex compilation and the extractor registry cost the first input ~70 ms.
    run_pipeline("全村共有农户326户，人口1024人。\n一、基本情况\n".encode())


def _run_chunk(args: tuple[int, range]) -> list[dict]:
    seed, numbers = args
    return [run_one(seed, k) for k in numbers]


def summarise(records: list[dict], seconds: float, seed: int) -> dict:
    failures = [r for r in records if "failure" in r]
    ran = [r for r in records if "failure" not in r]
    rated = [r for r in ran if r["chars"] >= MIN_CHARS_FOR_RATE]
    worst_rate = max(rated, key=lambda r: r["seconds"] / r["chars"], default=None)
    slowest = max(ran, key=lambda r: r["seconds"], default=None)
    return {
        "seed": seed, "inputs": len(records), "wall_seconds": round(seconds, 1),
        "refused": sum(r["refused"] for r in ran), "processed": sum(not r["refused"] for r in ran),
        "chars": sum(r["chars"] for r in ran), "facts": sum(r["facts"] for r in ran),
        "failures": len(failures), "failed_inputs": failures[:50],
        "max_us_per_char": worst_rate and round(1e6 * worst_rate["seconds"] / worst_rate["chars"], 2),
        "max_us_per_char_input": worst_rate and {k: worst_rate[k] for k in ("k", "chars", "seconds")},
        "slowest_input": slowest and {k: slowest[k] for k in ("k", "chars", "seconds")},
        "bound": "0.5 s + 200 us per char",
    }


def replay(seed: int, k: int) -> int:
    raw = input_number(seed, k)
    print(f"input {k} (seed {seed}): {len(raw)} bytes: {raw[:300]!r}")
    try:
        outcome = run_pipeline(raw)
    except Exception:  # noqa: BLE001
        traceback.print_exc()
        return 1
    print(outcome, f"bound {time_bound(outcome.chars):.2f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--inputs", type=int, default=100_000, help="how many inputs (100000)")
    parser.add_argument("--seed", type=int, default=5, help="seed (5)")
    parser.add_argument("--workers", type=int, default=2, help="processes (2)")
    parser.add_argument("--replay", type=int, metavar="K", help="run input K only, with a traceback")
    args = parser.parse_args(argv)
    if args.replay is not None:
        return replay(args.seed, args.replay)
    chunk = 500
    chunks = [(args.seed, range(i, min(i + chunk, args.inputs))) for i in range(0, args.inputs, chunk)]
    started = time.perf_counter()
    records: list[dict] = []
    with multiprocessing.Pool(args.workers, initializer=_warm_up) as pool:
        for done, part in enumerate(pool.imap_unordered(_run_chunk, chunks), start=1):
            records.extend(part)
            if done % 20 == 0 or done == len(chunks):
                bad = sum("failure" in r for r in records)
                print(f"  {len(records):>7,} inputs, {bad} failures, {time.perf_counter() - started:.0f} s",
                      flush=True)
    report = summarise(sorted(records, key=lambda r: r["k"]), time.perf_counter() - started, args.seed)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{report['inputs']:,} inputs ({report['processed']:,} processed, {report['refused']:,} refused "
          f"as not text), {report['chars']:,} chars, {report['facts']:,} facts in {report['wall_seconds']} s")
    print(f"failures: {report['failures']}")
    for failure in report["failed_inputs"][:10]:
        print(f"  input {failure['k']}: {failure['failure']}")
    print(f"max time per char (inputs >= {MIN_CHARS_FOR_RATE} chars): {report['max_us_per_char']} us "
          f"({report['max_us_per_char_input']}); slowest input: {report['slowest_input']}")
    print(f"written: {OUT.relative_to(ROOT)}")
    return 1 if report["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
