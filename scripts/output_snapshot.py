"""Snapshot what the pipeline writes, to prove a refactor changes nothing.

    .venv/bin/python scripts/output_snapshot.py OUT_DIR PATH [PATH ...]
    .venv/bin/python scripts/output_snapshot.py --compare A_DIR B_DIR

The first form ingests PATHs with the real CLI (`huibao ingest --no-cache`) into a fresh
warehouse and writes the documents, sections, facts and checks tables to OUT_DIR as sorted
JSON lines, leaving out what a run stamps (loaded_at, run and version columns). The second
compares two snapshots table by table and exits 1 when any row differs.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

TABLES = ("documents", "sections", "facts", "checks")
# Columns that say when or by which build a row was written, not what it says.
STAMPS = {"loaded_at", "pipeline_version", "run_id", "extracted_at"}


def snapshot(out: Path, paths: list[str]) -> None:
    import duckdb

    out.mkdir(parents=True, exist_ok=True)
    huibao = Path(sys.executable).with_name("huibao")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "w.duckdb"
        subprocess.run([str(huibao), "ingest", *paths, "--db", str(db), "--no-progress", "--no-cache"],
                       check=False, stdout=subprocess.DEVNULL)
        con = duckdb.connect(str(db), read_only=True)
        for table in TABLES:
            columns = [c[0] for c in con.execute(f"DESCRIBE {table}").fetchall() if c[0] not in STAMPS]
            rows = con.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            lines = sorted(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str) for row in rows)
            (out / f"{table}.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
            print(f"{table}: {len(lines)} rows")
        con.close()


def compare(a: Path, b: Path) -> int:
    differ = 0
    for table in TABLES:
        left = (a / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
        right = (b / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
        only_a, only_b = sorted(set(left) - set(right)), sorted(set(right) - set(left))
        print(f"{table}: {len(left)} / {len(right)} rows, {len(only_a)} only in {a}, {len(only_b)} only in {b}")
        for line in (only_a[:3] + only_b[:3]):
            print("   ", line[:300])
        differ += len(only_a) + len(only_b) + (len(left) != len(right))
    return 1 if differ else 0


if __name__ == "__main__":
    if sys.argv[1] == "--compare":
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    snapshot(Path(sys.argv[1]), sys.argv[2:])
