"""The load step alone (issue 5): loads of ~100k realistic fact rows through `load_sources`.

Run on demand (not part of the test suite), from the repository root:

    PYTHONPATH=. .venv/bin/python benchmarks/load_insert.py [--facts 100000] [--batches 2]
        [--repeat 3] [--memory-limit 512MB] [--dir /tmp/huibao-load]

The sample's pipeline result (real pkuseg segmenter) is copied under new source paths and
ids, one copy per source, until `--facts` facts are reached; every copy keeps its
documents, sections and checks, with its text's numbers redrawn (`vary_numbers`, as in the
other benchmarks' corpora): identical copies would let DuckDB store each distinct text once
and flatter the load. Each round loads `--batches` such batches of new
sources with one `load_sources` call each into a fresh file warehouse made by `connect()`
(with `--memory-limit`, by default the writer's): the first into empty tables, the next
ones on top of the earlier, then CHECKPOINTs. The Arrow tables are built first and timed
apart ("prepare"), as the flow builds them on its workers. Reports the facts INSERT's
rows/s (the `_insert` of the `facts` table: register the Arrow table, INSERT ... SELECT)
and the whole call's facts/s (the lookup of known sources, every INSERT, COMMIT), best and
median of `--repeat` rounds; the target is judged on the median. Writes
benchmarks/out/load_insert.json.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import vary_numbers  # noqa: E402

SAMPLE = ROOT / "data" / "sample" / "village_reports_compilation.txt"
OUT = ROOT / "benchmarks" / "out" / "load_insert.json"
INSERT_TARGET = 500_000


def copies(template, facts: int, tag: int) -> list:
    """SourceResults copied from `template` under new paths and ids, with their numbers
    redrawn, `facts` facts or more."""
    from pipelines.process import SourceResult
    from pipelines.structure import document_id

    old = template.documents[0].doc_id.rsplit("-", 1)[0]  # "<sha16>-<path8>", every id's prefix
    # vary_numbers keeps every offset, so each row's text is found at the template's offsets
    sentence_at = [template.text.find(f.sentence, max(0, f.char_end - len(f.sentence))) for f in template.facts]
    rng = random.Random(tag)
    results = []
    for i in range(-(-facts // len(template.facts))):
        path = f"bench/{tag}/{i:05d}.txt"
        sha = hashlib.sha256(path.encode()).hexdigest()
        new = document_id(sha, 0, path).rsplit("-", 1)[0]
        text = vary_numbers(template.text, rng)

        def moved(row, *fields: str, path=path, new=new, text=text, **update):
            update |= {f: getattr(row, f).replace(old, new) for f in fields if getattr(row, f) is not None}
            if hasattr(row, "source_path"):
                update["source_path"] = path
            if "text" in type(row).model_fields:
                update["text"] = text[row.char_start:row.char_end]
            return row.model_copy(update=update)

        results.append(SourceResult(
            template.source.model_copy(update={"source_path": path, "sha256": sha}), text,
            [moved(d, "doc_id", "duplicate_of") for d in template.documents],
            [moved(s, "section_id", "doc_id", "parent_id") for s in template.sections],
            [moved(f, "fact_id", "doc_id", "section_id", sentence=text[at:at + len(f.sentence)])
             for f, at in zip(template.facts, sentence_at)],
            [moved(c, "check_id", "doc_id") for c in template.checks]))
    return results


def one_round(template, facts: int, batches: int, memory_limit: str | None, folder: Path) -> list[dict]:
    import pipelines.warehouse as warehouse
    from pipelines.process import prepare_load_stage

    db = folder / "load.duckdb"
    for stale in (db, folder / "load.duckdb.wal"):
        stale.unlink(missing_ok=True)
    insert, spent = warehouse._insert, {}

    def timed_insert(con, table, data):
        started = time.perf_counter()
        insert(con, table, data)
        spent[table] = spent.get(table, 0.0) + time.perf_counter() - started

    warehouse._insert = timed_insert
    con = warehouse.connect(db, **({"memory_limit": memory_limit} if memory_limit else {}))
    figures = []
    try:
        for tag in range(1, batches + 1):
            batch = copies(template, facts, tag)
            rows = sum(len(r.facts) for r in batch)
            spent.clear()
            started = time.perf_counter()
            batch = [prepare_load_stage(r, "bench") for r in batch]  # in the flow: on the workers
            prepared = time.perf_counter()
            warehouse.load_sources(con, batch, pipeline_version="bench")
            call = time.perf_counter() - prepared
            del batch
            figures.append({"batch": tag, "facts": rows, "prepare_s": prepared - started,
                            "prepare_facts_per_s": rows / (prepared - started),
                            "insert_facts_s": spent["facts"],
                            "insert_facts_rows_per_s": rows / spent["facts"], "load_sources_s": call,
                            "load_sources_facts_per_s": rows / call})
        started = time.perf_counter()
        con.execute("CHECKPOINT")
        figures[-1]["checkpoint_s"] = time.perf_counter() - started
        distinct = con.execute("SELECT count(*) = count(DISTINCT fact_id) FROM facts").fetchone()[0]
        assert distinct, "duplicate fact_id in the warehouse"
    finally:
        con.close()
        warehouse._insert = insert
    figures[-1]["warehouse_mb"] = db.stat().st_size / 2**20
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    # ~100k facts take ~92 MB as Arrow tables: what the flow's writer gathers per load (--load-mb 96)
    parser.add_argument("--facts", type=int, default=100_000, help="facts per batch (100000)")
    parser.add_argument("--batches", type=int, default=2, help="batches per round (2)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds, each on a fresh warehouse (3)")
    parser.add_argument("--memory-limit", help="DuckDB memory_limit (default: the writer's, "
                                               "$HUIBAO_DUCKDB_MEMORY or 256MB)")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "huibao-load")
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    from pipelines.process import default_segmenter, process_path
    from pipelines.warehouse import duckdb_memory

    args.memory_limit = args.memory_limit or duckdb_memory()
    template = process_path(str(SAMPLE), default_segmenter())
    rounds = [one_round(template, args.facts, args.batches, args.memory_limit, args.dir) for _ in range(args.repeat)]
    best = [max((r[i] for r in rounds), key=lambda f: f["load_sources_facts_per_s"]) for i in range(args.batches)]
    median = [statistics.median(r[i]["load_sources_facts_per_s"] for r in rounds) for i in range(args.batches)]
    report = {"facts_per_batch": args.facts, "memory_limit": args.memory_limit, "rounds": rounds, "best": best,
              "median_load_sources_facts_per_s": median,
              "load_at_least_500k_facts_per_s": min(median) >= INSERT_TARGET}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2) + "\n")
    print(f"{'batch':<8}{'facts':>9}{'prepare s':>10}{'prepare/s':>11}{'insert s':>10}{'insert rows/s':>15}"
          f"{'load s':>8}{'load facts/s':>14}{'median':>10}")
    for b, middle in zip(best, median):
        print(f"{b['batch']:<8}{b['facts']:>9,}{b['prepare_s']:>10.2f}{b['prepare_facts_per_s']:>11,.0f}"
              f"{b['insert_facts_s']:>10.2f}{b['insert_facts_rows_per_s']:>15,.0f}"
              f"{b['load_sources_s']:>8.2f}{b['load_sources_facts_per_s']:>14,.0f}{middle:>10,.0f}")
    print(f"checkpoint {best[-1]['checkpoint_s']:.2f} s, warehouse {best[-1]['warehouse_mb']:.0f} MB; "
          f"written: {OUT.relative_to(ROOT)}")
    return 0 if report["load_at_least_500k_facts_per_s"] else 1


if __name__ == "__main__":
    sys.exit(main())
