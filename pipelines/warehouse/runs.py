"""The `runs` table: one row per ingestion run, written at its end, listed by `huibao runs`."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

import duckdb

from pipelines.warehouse.writer import warehouse_writer


class Run(NamedTuple):
    """One row of `runs`."""

    run_id: str
    flow_run_id: str | None
    started_at: datetime
    ended_at: datetime
    sources: int
    facts: int
    failures: int
    status: str  # "completed", or "failed" when a source failed


def _utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def record_run(db: str | Path, run_id: str, flow_run_id: str | None, started_at: datetime,
               sources: int, facts: int, failures: int) -> None:
    """Add a run that ends now to the warehouse at `db` (through warehouse_writer)."""
    with warehouse_writer(db) as con:
        run = Run(run_id, flow_run_id, started_at, _utc_now(), sources, facts, failures,
                  "failed" if failures else "completed")
        con.execute(f"INSERT INTO runs ({', '.join(Run._fields)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", list(run))


def list_runs(con: duckdb.DuckDBPyConnection, limit: int) -> list[Run]:
    """The `limit` latest runs, newest first."""
    rows = con.execute(f"SELECT {', '.join(Run._fields)} FROM runs ORDER BY started_at DESC LIMIT ?",
                       [limit]).fetchall()
    return [Run(*row) for row in rows]
