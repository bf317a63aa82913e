"""The load step alone (issue 5): loads of ~100k realistic fact rows, as the flow's writer makes them.

Run on demand (not part of the test suite), from the repository root:

    PYTHONPATH=. .venv/bin/python benchmarks/load_insert.py [--sources report|compilation]
        [--facts 100000] [--batches 2] [--repeat 3] [--memory-limit 512MB] [--dir /tmp/huibao-load]

Sources are the sample's reports, one report per file (`--sources report`, the default:
what an archive of village reports holds), or the whole compilation per file. Their
pipeline results (real pkuseg segmenter) are copied under new source paths and ids until
`--facts` facts are reached; every copy keeps its documents, sections and checks, with its
text's numbers redrawn (`vary_numbers`, as in the other benchmarks' corpora): identical
copies would let DuckDB store each distinct text once and flatter the load. The copies are
cut into the flow's batches (32 files, 4 MB) and each batch is prepared as the flow's
workers prepare it (`prepare_load_batch`: Arrow tables, stacked per batch). Each round
loads `--batches` such loads of new sources with one `load_rows` call each (what the
writer does with what it gathered) into a fresh file warehouse opened as the flow's
writer opens its copy (`connect(..., fsync=False)`, with `--memory-limit`, by default the
writer's; the swap's own CHECKPOINT and fsync are not timed): the first into empty tables, the next
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

from corpus import reports, vary_numbers  # noqa: E402

SAMPLE = ROOT / "data" / "sample" / "village_reports_compilation.txt"
OUT = ROOT / "benchmarks" / "out" / "load_insert.json"
INSERT_TARGET = 500_000


def copies(templates: list, facts: int, tag: int) -> list:
    """SourceResults copied from `templates` in turn under new paths and ids, with their
    numbers redrawn, `facts` facts or more."""
    rng = random.Random(tag)
    results, total = [], 0
    while total < facts:
        template = templates[len(results) % len(templates)]
        results.append(_copy(template, f"bench/{tag}/{len(results):06d}.txt", rng))
        total += len(template.facts)
    return results


def _copy(template, path: str, rng: random.Random):
    from pipelines.process import SourceResult
    from pipelines.structure import document_id

    old = template.documents[0].doc_id.rsplit("-", 1)[0]  # "<sha16>-<path8>", every id's prefix
    # vary_numbers keeps every offset, so each row's text is found at the template's offsets
    sentence_at = [template.text.find(f.sentence, max(0, f.char_end - len(f.sentence))) for f in template.facts]
    sha = hashlib.sha256(path.encode()).hexdigest()
    new = document_id(sha, 0, path).rsplit("-", 1)[0]
    text = vary_numbers(template.text, rng)

    def moved(row, *fields: str, **update):
        update |= {f: getattr(row, f).replace(old, new) for f in fields if getattr(row, f) is not None}
        if hasattr(row, "source_path"):
            update["source_path"] = path
        if "text" in type(row).model_fields:
            update["text"] = text[row.char_start:row.char_end]
        return row.model_copy(update=update)

    return SourceResult(
        template.source.model_copy(update={"source_path": path, "sha256": sha}), text,
        [moved(d, "doc_id", "duplicate_of") for d in template.documents],
        [moved(s, "section_id", "doc_id", "parent_id") for s in template.sections],
        [moved(f, "fact_id", "doc_id", "section_id", sentence=text[at:at + len(f.sentence)])
         for f, at in zip(template.facts, sentence_at)],
        [moved(c, "check_id", "doc_id") for c in template.checks])


def flow_batches(results: list) -> list[list]:
    """Consecutive batches as the flow cuts them (pipelines.flow.plan_batches, its default
    32 files and 4 MB), a result's size being its text's."""
    from pipelines.flow import DEFAULT_BATCH_MB, DEFAULT_BATCH_SIZE, plan_batches

    return plan_batches(results, DEFAULT_BATCH_SIZE, int(DEFAULT_BATCH_MB * 10**6),
                        size_of=lambda result: len(result.text.encode("utf-8")))


def one_round(templates: list, facts: int, batches: int, memory_limit: str | None, folder: Path) -> list[dict]:
    import pipelines.warehouse as warehouse
    import pipelines.warehouse.load as warehouse_load
    from pipelines.process import prepare_load_batch

    db = folder / "load.duckdb"
    for stale in (db, folder / "load.duckdb.wal"):
        stale.unlink(missing_ok=True)
    insert, spent = warehouse_load._insert, {}

    def timed_insert(con, table, data):
        started = time.perf_counter()
        insert(con, table, data)
        spent[table] = spent.get(table, 0.0) + time.perf_counter() - started

    warehouse_load._insert = timed_insert
    con = warehouse.connect(db, **({"memory_limit": memory_limit} if memory_limit else {}), fsync=False)
    figures = []
    try:
        for tag in range(1, batches + 1):
            batch = copies(templates, facts, tag)
            rows, sources = sum(len(r.facts) for r in batch), len(batch)
            spent.clear()
            started = time.perf_counter()
            # in the flow: on the workers, a batch per prepare-load task
            gathered = [prepare_load_batch(part, "bench")[0].stacked for part in flow_batches(batch)]
            prepared = time.perf_counter()
            warehouse.load_rows(con, gathered)
            call = time.perf_counter() - prepared
            del batch, gathered
            figures.append({"batch": tag, "facts": rows, "sources": sources, "prepare_s": prepared - started,
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
        warehouse_load._insert = insert
    figures[-1]["warehouse_mb"] = db.stat().st_size / 2**20
    return figures


def source_templates(kind: str, folder: Path, segment) -> list:
    """The pipeline results the copies are made from: the compilation, or each report of
    it as a file of its own."""
    from pipelines.process import process_path

    if kind == "compilation":
        return [process_path(str(SAMPLE), segment)]
    templates = []
    for i, report in enumerate(reports(SAMPLE.read_text(encoding="utf-8"))):
        path = folder / f"report_{i:02d}.txt"
        path.write_text(report, encoding="utf-8")
        templates.append(process_path(str(path), segment))
    return [t for t in templates if t.facts]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    # ~100k facts take ~92 MB as Arrow tables: what the flow's writer gathers per load (--load-mb 96)
    parser.add_argument("--sources", choices=("report", "compilation"), default="report",
                        help="one of the sample's reports per file (default), or the whole compilation")
    parser.add_argument("--facts", type=int, default=100_000, help="facts per batch (100000)")
    parser.add_argument("--batches", type=int, default=2, help="batches per round (2)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds, each on a fresh warehouse (3)")
    parser.add_argument("--memory-limit", help="DuckDB memory_limit (default: the writer's, "
                                               "$HUIBAO_DUCKDB_MEMORY or 256MB)")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "huibao-load")
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    from pipelines.process import default_segmenter
    from pipelines.warehouse import duckdb_memory

    args.memory_limit = args.memory_limit or duckdb_memory()
    templates = source_templates(args.sources, args.dir, default_segmenter())
    rounds = [one_round(templates, args.facts, args.batches, args.memory_limit, args.dir) for _ in range(args.repeat)]
    best = [max((r[i] for r in rounds), key=lambda f: f["load_sources_facts_per_s"]) for i in range(args.batches)]
    median = [statistics.median(r[i]["load_sources_facts_per_s"] for r in rounds) for i in range(args.batches)]
    report = {"sources": args.sources, "facts_per_batch": args.facts, "memory_limit": args.memory_limit, "rounds": rounds, "best": best,
              "median_load_sources_facts_per_s": median,
              "load_at_least_500k_facts_per_s": min(median) >= INSERT_TARGET}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2) + "\n")
    print(f"{args.sources} sources, {statistics.median(r[0]['sources'] for r in rounds):,.0f} per load")
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
