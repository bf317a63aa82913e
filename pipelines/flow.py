"""The Prefect ingestion flow: coarse tasks over batches of sources, one DuckDB writer.

The flow only orchestrates; every step is a plain function of pipelines.process.
"""
from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.runtime import flow_run
from pydantic import BaseModel, Field

from pipelines import process
from pipelines.read import discover_sources
from pipelines.warehouse import connect, load_source, loaded_versions

DEFAULT_DB = "data/warehouse.duckdb"
DEFAULT_BATCH_SIZE = 32

# Set by the CLI to draw a progress bar: called with (event, amount) for "sources"/"documents".
progress_hook: Callable[[str, int], None] | None = None


class Failure(BaseModel):
    source_path: str
    error: str


class IngestSummary(BaseModel):
    """What one ingestion run did."""

    run_id: str
    sources: int = 0
    loaded: int = 0
    skipped: int = 0
    failures: list[Failure] = Field(default_factory=list)
    documents: int = 0
    sections: int = 0
    facts: int = 0
    facts_per_kind: dict[str, int] = Field(default_factory=dict)
    checks: int = 0
    seconds: float = 0.0


def _notify(event: str, amount: int) -> None:
    if progress_hook is not None:
        progress_hook(event, amount)


@task(name="read-sources", retries=2, retry_delay_seconds=[1, 4])
def read_sources(paths: list[str]) -> list[process.SourceResult]:
    return [process.read_stage(path) for path in paths]


@task(name="split-documents")
def split_documents(results: list[process.SourceResult]) -> list[process.SourceResult]:
    return [process.guarded(process.split_documents_stage, r) for r in results]


@task(name="split-sections")
def split_sections(results: list[process.SourceResult]) -> list[process.SourceResult]:
    return [process.guarded(process.split_sections_stage, r) for r in results]


@task(name="extract-facts")
def extract_facts(results: list[process.SourceResult]) -> list[process.SourceResult]:
    segment = process.default_segmenter()
    out = []
    for result in results:
        out.append(process.guarded(process.extract_stage, result, segment))
        _notify("documents", len(result.documents))
    return out


@task(name="check-consistency")
def check_consistency(results: list[process.SourceResult]) -> list[process.SourceResult]:
    return [process.guarded(process.check_stage, r) for r in results]


@task(name="load-warehouse", retries=2, retry_delay_seconds=[2, 10])
def load_warehouse(db: str, results: list[process.SourceResult], version: str) -> None:
    con = connect(db)
    try:
        for r in results:
            load_source(con, r.source, r.documents, r.sections, r.facts, r.checks,
                        text=r.text, pipeline_version=version)
    finally:
        con.close()


def _changed(db: str, paths: list[str], version: str) -> tuple[list[str], int]:
    """Paths whose bytes or pipeline changed since their last successful load."""
    import hashlib

    con = connect(db)
    try:
        known = loaded_versions(con)
    finally:
        con.close()
    todo, skipped = [], 0
    for path in paths:
        previous = known.get(path)
        if previous is not None:
            try:
                digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
            except OSError:
                digest = None
            if previous == (digest, version):
                skipped += 1
                continue
        todo.append(path)
    return todo, skipped


@flow(name="huibao-ingest", log_prints=False)
def ingest(paths: list[str], db: str = DEFAULT_DB, batch_size: int = DEFAULT_BATCH_SIZE) -> IngestSummary:
    """Ingest report files and folders into the DuckDB warehouse at `db`."""
    logger = get_run_logger()
    started = time.perf_counter()
    summary = IngestSummary(run_id=uuid.uuid4().hex[:12])
    started_at = datetime.now(timezone.utc).replace(tzinfo=None)
    version = process.pipeline_version()
    all_paths = [str(p) for p in discover_sources(paths)]
    summary.sources = len(all_paths)
    todo, summary.skipped = _changed(db, all_paths, version)
    _notify("sources", summary.skipped)
    logger.info("%d sources, %d unchanged, %d to ingest", len(all_paths), summary.skipped, len(todo))
    for offset in range(0, len(todo), max(1, batch_size)):
        batch = read_sources(todo[offset:offset + batch_size])
        batch = check_consistency(extract_facts(split_sections(split_documents(batch))))
        load_warehouse(db, batch, version)
        for r in batch:
            if r.failed:
                summary.failures.append(Failure(source_path=r.source.source_path, error=r.source.error))
                logger.warning("failed: %s", r.source.error)
                continue
            summary.loaded += 1
            summary.documents += len(r.documents)
            summary.sections += len(r.sections)
            summary.facts += len(r.facts)
            summary.checks += len(r.checks)
            for kind, n in process.summarise([r]).items():
                summary.facts_per_kind[kind] = summary.facts_per_kind.get(kind, 0) + n
        _notify("sources", len(batch))
    summary.seconds = round(time.perf_counter() - started, 2)
    _record_run(db, summary, started_at)
    return summary


def _record_run(db: str, summary: IngestSummary, started_at: datetime) -> None:
    con = connect(db)
    try:
        con.execute(
            "INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [summary.run_id, str(flow_run.id) if flow_run.id else None, started_at,
             datetime.now(timezone.utc).replace(tzinfo=None), summary.sources, summary.facts,
             len(summary.failures), "failed" if summary.failures else "completed"],
        )
    finally:
        con.close()
