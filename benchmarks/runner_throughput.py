"""Ingest throughput with 1 and 2 workers per task runner, on the replicated corpus.

    .venv/bin/python benchmarks/runner_throughput.py [--mb 40] [--runners dask,threads]

Each run ingests the same corpus into a fresh warehouse (extraction cache off) and reports
wall time, sources/s, MB/s and facts/s. Figures go to benchmarks/out/runner_throughput.json.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

from corpus import build_corpus  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=40.0, help="corpus size in MB")
    parser.add_argument("--runners", default="dask,threads", help="comma-separated runner kinds")
    parser.add_argument("--batch-size", type=int, default=2)
    args = parser.parse_args()

    from prefect.testing.utilities import prefect_test_harness

    from pipelines.flow import ingest

    results = []
    with tempfile.TemporaryDirectory() as tmp, prefect_test_harness():
        corpus = Path(tmp) / "corpus"
        paths = build_corpus(corpus, args.mb)
        megabytes = sum(p.stat().st_size for p in paths) / 2**20
        for kind in args.runners.split(","):
            for workers in (1, 2):
                db = Path(tmp) / f"{kind}-{workers}.duckdb"
                started = time.perf_counter()
                summary = ingest([str(corpus)], db=str(db), batch_size=args.batch_size,
                                 task_runner=kind, workers=workers, cache=False)
                seconds = time.perf_counter() - started
                row = {"runner": kind, "workers": workers, "sources": summary.loaded,
                       "megabytes": round(megabytes, 1), "seconds": round(seconds, 1),
                       "sources_per_s": round(summary.loaded / seconds, 2),
                       "mb_per_s": round(megabytes / seconds, 2),
                       "facts_per_s": round(summary.facts / seconds)}
                results.append(row)
                print(json.dumps(row), flush=True)
    out = Path(__file__).resolve().parent / "out"
    out.mkdir(exist_ok=True)
    (out / "runner_throughput.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
