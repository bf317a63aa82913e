"""Ingestion at scale (issue 5): wall time, throughput, the load's own speed, flat memory.

Run on demand (not part of the test suite), from the repository root; it takes minutes:

    .venv/bin/python benchmarks/ingest_scale.py [--mb 200] [--small-mb 50] [--seed 11]
        [--dir /tmp/huibao-scale] [--batch-size 32] [--batch-mb 4] [--load-mb 96] [--no-cache]

1. Builds a corpus of at least `--mb` megabytes under `--dir` (reused when it is already
   there for the same seed and size): files of 1-5 MB in ten folders, each a shuffle of the
   sample's reports with every figure's digits redrawn and the place names of the gold
   replaced by invented ones; about one file in six is GB18030, the rest UTF-8.
2. Ingests the first `--small-mb` megabytes of it, then all of it, each into a fresh
   warehouse, with the real flow (`pipelines.flow.ingest`, default task runner, a
   temporary Prefect server, PREFECT_HOME under `--dir`), each in its own process so that
   the peak RSS (getrusage ru_maxrss of that process) belongs to that run alone. psutil,
   when installed, also samples the RSS every 0.5 s for the timeline.
3. Reports per run: wall seconds, sources/s, facts loaded per second of wall time, and the
   load step's own figures: the Arrow insert into `facts` (rows/s; target >= 500k/s), the
   whole loads (`load_rows`: lookup, INSERTs, COMMIT; facts/s; all of them, and the last,
   finish-load's, after every batch was processed), the writer's wait for the stages to
   reach a checkpoint before each load (pipelines.work_gate), building the Arrow tables
   (`prepare_load_batch`, on the workers, summed),
   and the copies and swaps of the warehouse file (opening a copy; CHECKPOINT, fsync and
   rename; the fsyncs alone).

Memory is flat when the full run peaks at most 15% above the small one; the RSS timeline
shows whether a difference is a trend or a spike. The target of a peak under 1 GB is
checked too; the report also gives the RSS after loading the pkuseg model ("model", ~250
MB) and the peak above that ("data"). Use --no-cache: cached extraction from an earlier
run skips the work being measured.
Writes benchmarks/out/ingest_scale.json.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import vary_numbers  # noqa: E402

SAMPLE = ROOT / "data" / "sample" / "village_reports_compilation.txt"
OUT = ROOT / "benchmarks" / "out" / "ingest_scale.json"
INSERT_TARGET = 500_000
RSS_TARGET_MB = 1024
FLAT_TOLERANCE = 1.15  # the full run may peak at most 15% above the small one
# Place names of the gold (data/gold/*.facts.jsonl), replaced by invented ones per file.
PLACES = ("介里尕希村", "纪合寺村", "刘家沟村", "八里台镇", "五沙村", "东石村", "响水镇", "梭坡乡", "邗江区")
NAME_CHARS = "安白柏宝北碧滨昌长陈城崇大丹东峰丰福高古关广桂海和河红洪华槐黄嘉江金井康兰李林柳龙马梅明南宁平坪青清庆泉仁山上石寿双水顺松桃田王旺溪西霞湘新兴杨阳永玉云张赵中周竹"


# --- corpus --------------------------------------------------------------------------

def _reports() -> list[str]:
    from pipelines.structure import build_documents

    text = SAMPLE.read_text(encoding="utf-8-sig")
    return [d.text if d.text.endswith("\n") else d.text + "\n" for d in build_documents(text, "s", "0" * 64)]


def _vary(report: str, rng: random.Random, names: dict[str, str]) -> str:
    report = vary_numbers(report, rng)
    for place, name in names.items():
        report = report.replace(place, name)
    return report


def build_corpus(folder: Path, megabytes: float, seed: int) -> list[Path]:
    """Files of 1-5 MB until `megabytes` MB are written; returns them in order."""
    stamp = folder / f"corpus-{seed}-{megabytes:g}.json"
    if stamp.exists():
        return [Path(p) for p in json.loads(stamp.read_text())]
    reports, rng = _reports(), random.Random(seed)
    files, total = [], 0
    while total < megabytes * 1_000_000:
        names = {p: "".join(rng.choice(NAME_CHARS) for _ in range(2)) + p[-1] for p in PLACES}
        target, parts, size = rng.uniform(1, 5) * 1_000_000, [], 0
        while size < target:
            order = rng.sample(reports, len(reports))  # the reports shuffled, every copy varied
            for report in order:
                parts.append(_vary(report, rng, names))
                size += len(parts[-1].encode("utf-8"))
        text = "".join(parts)
        path = folder / "corpus" / f"part{len(files) % 10}" / f"reports_{len(files):04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        encoding = "gb18030" if rng.random() < 1 / 6 else "utf-8"
        path.write_bytes(text.encode(encoding))
        files.append(path)
        total += path.stat().st_size
    stamp.write_text(json.dumps([str(p) for p in files]))
    return files


# --- one ingestion, in a child process --------------------------------------------------

def ingest_child(list_file: Path, db: Path, batch_size: int, batch_mb: float, load_mb: float, cache: bool,
                 out: Path) -> None:
    """Run the flow over the files listed, with the load step instrumented; write figures."""
    import pipelines.warehouse.load as warehouse_load
    import pipelines.warehouse.writer as batch_writer
    from pipelines import flow, process

    timings = {"insert_facts_s": 0.0, "insert_facts_rows": 0, "insert_other_s": 0.0, "arrow_s": 0.0,
               "load_sources_s": 0.0, "copy_s": 0.0, "load_warehouse_s": 0.0, "batches": 0, "loads": 0,
               "open_copy_s": 0.0, "swap_s": 0.0, "fsync_s": 0.0, "parked_s": 0.0, "last_load": [0, float("nan")], "each_load": []}
    insert, arrow, copy = warehouse_load._insert, process.prepare_load_batch, batch_writer._copy
    writer_of = batch_writer.warehouse_writer

    def timed_insert(con, table, data):
        started = time.perf_counter()
        insert(con, table, data)
        key = "insert_facts_s" if table == "facts" else "insert_other_s"
        timings[key] += time.perf_counter() - started
        if table == "facts":
            timings["insert_facts_rows"] += data.num_rows

    def timed(function, key):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                timings[key] += time.perf_counter() - started
        return wrapper

    warehouse_load._insert = timed_insert
    process.prepare_load_batch = timed(arrow, "arrow_s")  # on the workers, summed over them
    load_rows = batch_writer.load_rows

    def counted_load_rows(con, batches):
        timings["loads"] += 1
        started, busy = time.perf_counter(), _machine_busy()
        try:
            return load_rows(con, batches)
        finally:
            spent = time.perf_counter() - started
            facts = sum(b.tables["facts"].num_rows for b in batches)
            # facts, seconds, cores busy on the whole machine meanwhile (the load's and the rest's)
            timings["each_load"].append([facts, round(spent, 3), round(_machine_busy(busy), 2)])
            timings["load_sources_s"] += spent
            # the last one is finish-load's, after every batch was processed: nothing else runs
            timings["last_load"] = [facts, spent]

    batch_writer.load_rows = counted_load_rows
    park = batch_writer.exclusive

    @contextmanager
    def timed_park(*args, **kwargs):
        """The wait for the stages to reach a checkpoint before each load (not in the load's time)."""
        with park(*args, **kwargs) as waited:
            timings["parked_s"] += waited
            yield waited

    batch_writer.exclusive = timed_park
    batch_writer._copy = timed(copy, "copy_s")
    batch_writer._fsync = timed(batch_writer._fsync, "fsync_s")

    @contextmanager
    def timed_writer(db):
        """Opening the run's copy (copy, connect, schema) and swapping it in (CHECKPOINT,
        close, fsync, rename), timed apart from the loads in between."""
        opening, started = writer_of(db), time.perf_counter()
        con = opening.__enter__()
        timings["open_copy_s"] += time.perf_counter() - started
        try:
            yield con
        except BaseException:
            if not opening.__exit__(*sys.exc_info()):
                raise
        else:
            started = time.perf_counter()
            opening.__exit__(None, None, None)
            timings["swap_s"] += time.perf_counter() - started

    batch_writer.warehouse_writer = timed_writer
    load_fn = flow.load_warehouse.fn

    def counted_load(*args, **kwargs):
        timings["batches"] += 1
        return timed(load_fn, "load_warehouse_s")(*args, **kwargs)

    flow.load_warehouse.fn = counted_load
    from extractors.nlp import load_nlp

    load_nlp()  # as `huibao ingest` does first; the model is most of the baseline memory
    baseline_mb = _rss_mb()
    paths = json.loads(list_file.read_text())
    started = time.perf_counter()
    summary = flow.ingest(paths, db=str(db), batch_size=batch_size, batch_mb=batch_mb, load_mb=load_mb,
                           cache=cache)
    wall = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.write_text(json.dumps({
        "wall_s": wall, "sources": summary.sources, "loaded": summary.loaded,
        "failures": [f.error for f in summary.failures], "documents": summary.documents,
        "facts": summary.facts, "checks": summary.checks, "peak_rss_mb": peak_mb,
        "baseline_rss_mb": baseline_mb,
        "warehouse_mb": db.stat().st_size / 2**20, **timings,
    }))


def _machine_busy(since: tuple[float, float] | None = None):
    """Busy and total CPU seconds of the machine from /proc/stat; given an earlier reading,
    the cores busy on average since then."""
    with open("/proc/stat", encoding="ascii") as stat:
        ticks = [int(v) for v in stat.readline().split()[1:]]
    idle, total = ticks[3] + ticks[4], sum(ticks)
    if since is None:
        return idle, total
    spent = total - since[1]
    return (os.cpu_count() or 1) * (spent - (idle - since[0])) / spent if spent else float("nan")


def _rss_mb() -> float:
    """Resident memory of this process now (Linux)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def run_ingest(files: list[Path], label: str, work: Path, batch_size: int, batch_mb: float, load_mb: float,
               cache: bool) -> dict:
    list_file, db, out = work / f"{label}.files.json", work / f"{label}.duckdb", work / f"{label}.result.json"
    for stale in (db, out):
        stale.unlink(missing_ok=True)
    list_file.write_text(json.dumps([str(p) for p in files]))
    env = {**os.environ, "PREFECT_HOME": str(work / "prefect-home"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    child = subprocess.Popen([sys.executable, __file__, "--child", str(list_file), str(db), str(batch_size),
                              str(batch_mb), str(load_mb), "cache" if cache else "no-cache", str(out)],
                             env=env, cwd=ROOT)
    timeline = _sample_rss(child)
    if child.returncode != 0:
        raise SystemExit(f"ingest of {label} failed (exit {child.returncode})")
    result = json.loads(out.read_text())
    result["input_mb"] = sum(p.stat().st_size for p in files) / 1e6
    result["rss_timeline_mb"] = timeline
    return result


def _sample_rss(child: subprocess.Popen) -> list[tuple[float, float]]:
    try:
        import psutil
    except ImportError:  # the peak from getrusage is enough
        child.wait()
        return []
    process, started, timeline = psutil.Process(child.pid), time.perf_counter(), []
    while child.poll() is None:
        try:
            timeline.append((round(time.perf_counter() - started, 1), round(process.memory_info().rss / 2**20)))
        except psutil.Error:
            break
        time.sleep(0.5)
    child.wait()
    return timeline[::max(1, len(timeline) // 40)]  # ~40 points are enough to see the shape


def _figures(run: dict) -> dict:
    facts_s = run["insert_facts_s"] or float("nan")
    return {
        "input_mb": round(run["input_mb"], 1), "sources": run["sources"], "facts": run["facts"],
        "wall_s": round(run["wall_s"], 1), "sources_per_s": round(run["sources"] / run["wall_s"], 2),
        "facts_per_s": round(run["facts"] / run["wall_s"]),
        "insert_facts_rows_per_s": round(run["insert_facts_rows"] / facts_s),
        "load_sources_s": round(run["load_sources_s"], 2),
        "load_facts_per_s": round(run["facts"] / (run["load_sources_s"] or float("nan"))),
        "last_load_facts": run["last_load"][0],
        "last_load_facts_per_s": round(run["last_load"][0] / run["last_load"][1]),
        "arrow_s": round(run["arrow_s"], 2), "insert_facts_s": round(run["insert_facts_s"], 2),
        "insert_other_s": round(run["insert_other_s"], 2), "copy_s": round(run["copy_s"], 2),
        "load_warehouse_s": round(run["load_warehouse_s"], 2), "batches": run["batches"], "loads": run["loads"],
        "open_copy_s": round(run["open_copy_s"], 2), "swap_s": round(run["swap_s"], 2),
        "fsync_s": round(run["fsync_s"], 2), "parked_s": round(run["parked_s"], 2), "each_load": run["each_load"],
        "peak_rss_mb": round(run["peak_rss_mb"]), "baseline_rss_mb": round(run["baseline_rss_mb"]),
        "data_rss_mb": round(run["peak_rss_mb"] - run["baseline_rss_mb"]),
        "warehouse_mb": round(run["warehouse_mb"]),
        "failures": run["failures"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--mb", type=float, default=200, help="corpus size in MB (200)")
    parser.add_argument("--small-mb", type=float, default=50, help="size of the first, smaller run (50)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "huibao-scale")
    parser.add_argument("--batch-size", type=int, default=32, help="sources per batch (32, the CLI default)")
    parser.add_argument("--batch-mb", type=float, default=4.0, help="megabytes per batch (4, the CLI default)")
    parser.add_argument("--load-mb", type=float, default=96.0,
                        help="megabytes of rows gathered per load (96, the CLI default)")
    parser.add_argument("--no-cache", action="store_true", help="run without the extraction cache")
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    files = build_corpus(args.dir, args.mb, args.seed)
    print(f"corpus: {len(files)} files, {sum(p.stat().st_size for p in files) / 1e6:.0f} MB "
          f"in {args.dir / 'corpus'} ({time.perf_counter() - started:.0f} s)", flush=True)
    small, size = [], 0
    for path in files:
        if size >= args.small_mb * 1e6:
            break
        small.append(path)
        size += path.stat().st_size
    runs = {}
    for label, subset in (("small", small), ("full", files)):
        runs[label] = _figures(run := run_ingest(subset, label, args.dir, args.batch_size, args.batch_mb,
                                                   args.load_mb, not args.no_cache))
        runs[label]["rss_timeline_mb"] = run["rss_timeline_mb"]
        print(json.dumps({k: v for k, v in runs[label].items() if k != "rss_timeline_mb"}), flush=True)
    full = runs["full"]
    targets = {"insert_at_least_500k_facts_per_s": full["insert_facts_rows_per_s"] >= INSERT_TARGET,
               "load_sources_at_least_500k_facts_per_s": full["load_facts_per_s"] >= INSERT_TARGET,
               "peak_rss_under_1gb": max(r["peak_rss_mb"] for r in runs.values()) < RSS_TARGET_MB,
               "memory_flat": full["peak_rss_mb"] <= FLAT_TOLERANCE * runs["small"]["peak_rss_mb"]}
    report = {"batch_size": args.batch_size, "batch_mb": args.batch_mb, "load_mb": args.load_mb, "cache": not args.no_cache, "seed": args.seed,
              "runs": runs, "targets": targets}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{'run':<6}{'MB':>7}{'sources':>9}{'facts':>10}{'wall s':>8}{'src/s':>7}{'facts/s':>9}"
          f"{'insert/s':>11}{'load/s':>9}{'last load/s':>12}{'peak MB':>9}{'model MB':>10}{'data MB':>9}")
    for label, r in runs.items():
        print(f"{label:<6}{r['input_mb']:>7.0f}{r['sources']:>9}{r['facts']:>10,}{r['wall_s']:>8.0f}"
              f"{r['sources_per_s']:>7.2f}{r['facts_per_s']:>9,}{r['insert_facts_rows_per_s']:>11,}"
              f"{r['load_facts_per_s']:>9,}{r['last_load_facts_per_s']:>12,}"
              f"{r['peak_rss_mb']:>9,}{r['baseline_rss_mb']:>10,}{r['data_rss_mb']:>9,}")
    print(f"targets: {targets}\nwritten: {OUT.relative_to(ROOT)}")
    return 0 if all(targets.values()) else 1


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _, _, listed, db, batch, batch_mb, load_mb, cache, out = sys.argv
        ingest_child(Path(listed), Path(db), int(batch), float(batch_mb), float(load_mb), cache == "cache", Path(out))
    else:
        sys.exit(main())
