"""The Prefect ingestion flow: coarse tasks over batches of sources, one DuckDB writer.

`ingest` discovers sources, skips unchanged ones and hands batches to the subflow
`process_batches`, whose task runner (threads, processes or Dask) processes them in
parallel while the flow thread loads finished batches into DuckDB one at a time (stage
threads wait while a load runs: pipelines.work_gate). Every step is a plain function of
pipelines.process.
"""
from __future__ import annotations

import hashlib
import os
import time
import uuid
from collections import deque
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import TaskRunContext
from prefect.runtime import flow_run
from prefect.tasks import exponential_backoff
from typing import TypeVar

from pydantic import BaseModel, Field

from pipelines import process
from pipelines.artifacts import publish_run_artifacts
from pipelines.read import discover_sources
from pipelines.runners import TaskRunnerKind, make_task_runner
from pipelines.versioning import pipeline_version
from pipelines.warehouse import (
    DEFAULT_LOAD_MB,
    DEFAULT_SWAP_SECONDS,
    BatchWriter,
    WarehouseBusyError,
    loaded_versions,
    lock_timeout,
    open_reader,
    record_run,
)

DEFAULT_DB = "data/warehouse.duckdb"
_Item = TypeVar("_Item")  # what plan_batches cuts into batches: paths, or anything with a size
DEFAULT_BATCH_SIZE = 32
DEFAULT_BATCH_MB = 4.0
CACHE_EXPIRATION = timedelta(days=30)

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
    source_rows: list[dict] = Field(default_factory=list, exclude=True)

    def add(self, result: process.SourceResult) -> None:
        """Count one processed source."""
        source = result.source
        self.source_rows.append({
            "source_path": source.source_path, "status": str(source.status),
            "encoding": source.encoding or "", "documents": result.count("documents"),
            "facts": result.count("facts"), "checks": result.count("checks"), "error": source.error or "",
        })
        if result.failed:
            self.failures.append(Failure(source_path=source.source_path, error=source.error))
            return
        self.loaded += 1
        self.documents += result.count("documents")
        self.sections += result.count("sections")
        self.facts += result.count("facts")
        self.checks += result.count("checks")
        for kind, n in result.kinds().items():
            self.facts_per_kind[kind] = self.facts_per_kind.get(kind, 0) + n


def _notify(event: str, amount: int) -> None:
    if progress_hook is not None:
        progress_hook(event, amount)


def batch_cache_key(context: TaskRunContext, parameters: dict) -> str:
    """The batch's sources by path and sha256, plus the pipeline (extractor) versions.

    Nothing heavy enters the key: not the texts, not the spaCy pipeline.
    """
    sources = sorted((r.source.source_path, r.source.sha256) for r in parameters["results"])
    digest = hashlib.sha256(repr(sources).encode()).hexdigest()[:24]
    return f"{context.task.name}-{pipeline_version()}-{digest}"


# Only extraction is cached (on sha256, batch_cache_key). Prefect's default policy would hash
# every other task's inputs, which here are the batch's texts and rows: a pickle of them per
# task, measured at ~MBs of transient memory and CPU per batch.
_IO_RETRIES = {"retries": 3, "retry_delay_seconds": exponential_backoff(backoff_factor=2),
               "retry_jitter_factor": 0.5}


@task(name="read-sources", cache_policy=NO_CACHE, **_IO_RETRIES)
def read_sources(paths: list[str]) -> list[process.SourceResult]:
    results = [process.read_stage(path) for path in paths]
    get_run_logger().info("read %d sources, %d failed", len(results), sum(r.failed for r in results))
    return results


@task(name="split-documents", cache_policy=NO_CACHE)
def split_documents(results: list[process.SourceResult]) -> list[process.SourceResult]:
    return [process.guarded(process.split_documents_stage, r) for r in results]


@task(name="split-sections", cache_policy=NO_CACHE)
def split_sections(results: list[process.SourceResult]) -> list[process.SourceResult]:
    return [process.guarded(process.split_sections_stage, r) for r in results]


@task(name="extract-facts", cache_key_fn=batch_cache_key, cache_expiration=CACHE_EXPIRATION,
      persist_result=True, cache_result_in_memory=False)  # persisted, not held in RAM
def extract_facts(results: list[process.SourceResult]) -> list[process.SourceResult]:
    segment = process.default_segmenter()
    out = [process.guarded(process.extract_stage, r, segment) for r in results]
    get_run_logger().info("extracted %d facts from %d sources", sum(len(r.facts) for r in out), len(out))
    return out


@task(name="check-consistency", cache_policy=NO_CACHE)
def check_consistency(results: list[process.SourceResult]) -> list[process.SourceResult]:
    return [process.guarded(process.check_stage, r) for r in results]


def retry_unless_busy(task, task_run, state) -> bool:
    """Retry a failed load, except after WarehouseBusyError: it already waited the full lock
    timeout, and retrying would only wait that long again."""
    try:
        state.result()
    except WarehouseBusyError:
        return False
    except Exception:  # noqa: BLE001, S110 - any other failure may be transient
        pass
    return True


@task(name="prepare-load", cache_policy=NO_CACHE)
def prepare_load(results: list[process.SourceResult], version: str) -> list[process.SourceResult]:
    return process.prepare_load_batch(results, version)


@task(name="load-warehouse", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[2, 10],
      retry_condition_fn=retry_unless_busy)
def load_warehouse(writer: BatchWriter, results: list[process.SourceResult], version: str) -> None:
    # Gathered into loads of load_mb into the run's copy of the warehouse, swapped in every
    # swap_seconds: analysts are never locked out, and a killed run leaves the warehouse as
    # the last swap left it.
    writer.load(results, version)


@task(name="finish-load", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[2, 10],
      retry_condition_fn=retry_unless_busy)
def finish_load(writer: BatchWriter) -> None:
    # The last load and swap, as a task of its own (the writer's block would do them too,
    # but unseen and without retries).
    writer.swap()


def _changed(db: str, paths: list[str], version: str) -> tuple[list[str], int]:
    """Paths whose bytes or pipeline changed since their last successful load."""
    known: dict[str, tuple[str, str]] = {}
    if Path(db).is_file():
        # Part of the load: wait as long as a writer would for a read-write session to end.
        con = open_reader(db, timeout=lock_timeout())
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


def _file_size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def plan_batches(paths: Sequence[_Item], max_files: int, max_bytes: int,
                 size_of: Callable[[_Item], int] = _file_size) -> list[list[_Item]]:
    """Consecutive batches of at most `max_files` files and `max_bytes` bytes of file size
    (`size_of` of each; by default the file's size on disk).

    A file larger than `max_bytes` is a batch alone. A file that cannot be stat'ed counts
    as 0 bytes and still goes in a batch, so that reading it records the failure.
    """
    batches: list[list[_Item]] = []
    batch: list[_Item] = []
    size = 0
    for path in paths:
        file_size = size_of(path)
        if batch and (len(batch) >= max_files or size + file_size > max_bytes):
            batches.append(batch)
            batch, size = [], 0
        batch.append(path)
        size += file_size
    if batch:
        batches.append(batch)
    return batches


def _submit_batch(paths: list[str], cache: bool, version: str):
    """Chain the stage tasks of one batch on the task runner; returns the last future."""
    extract = extract_facts if cache else extract_facts.with_options(
        cache_key_fn=None, cache_policy=NO_CACHE, persist_result=False, refresh_cache=True)
    read = read_sources.submit(paths)
    checked = check_consistency.submit(extract.submit(split_sections.submit(split_documents.submit(read))))
    return prepare_load.submit(checked, version)


@flow(name="huibao-process-batches", log_prints=False)
def process_batches(batches: list[list[str]], db: str, version: str, in_flight: int = 2,
                    cache: bool = True, swap_seconds: float = DEFAULT_SWAP_SECONDS,
                    load_mb: float = DEFAULT_LOAD_MB) -> IngestSummary:
    """Process batches on this flow's task runner and load each, in order, as it finishes.

    At most `in_flight` batches are processed ahead of the load, so memory stays flat.
    """
    totals = IngestSummary(run_id="")
    pending: deque = deque()
    with BatchWriter(db, swap_seconds, load_mb) as writer:
        def load_next() -> None:
            results = pending.popleft().result()
            load_warehouse(writer, results, version)
            for result in results:
                totals.add(result)
                if result.failed:
                    get_run_logger().warning("failed: %s", result.source.error)
            _notify("documents", sum(r.count("documents") for r in results))
            _notify("sources", len(results))

        for batch in batches:
            pending.append(_submit_batch(batch, cache, version))
            if len(pending) > max(1, in_flight):
                load_next()
        while pending:
            load_next()
        finish_load(writer)
    return totals


@flow(name="huibao-ingest", log_prints=False)
def ingest(
    paths: list[str],
    db: str = DEFAULT_DB,
    batch_size: int = DEFAULT_BATCH_SIZE,
    batch_mb: float = DEFAULT_BATCH_MB,
    task_runner: TaskRunnerKind = "threads",
    workers: int = 2,
    dask_address: str | None = None,
    cache: bool = True,
    swap_seconds: float = DEFAULT_SWAP_SECONDS,
    load_mb: float = DEFAULT_LOAD_MB,
) -> IngestSummary:
    """Ingest report files and folders into the DuckDB warehouse at `db`.

    A batch holds at most `batch_size` files and `batch_mb` megabytes (10**6 bytes) of
    them, a larger file alone: memory follows the batch, not the corpus.
    `task_runner` runs the batches on threads (default), processes, or Dask (a LocalCluster
    of `workers` workers, or the cluster at `dask_address`); the load is single-writer.
    `cache` keeps extraction results keyed on the sources' sha256 and extractor versions.
    Finished batches are gathered into loads of `load_mb` megabytes of rows (0: each batch
    alone), which go live every `swap_seconds` (0: after each batch) and at the end.
    """
    logger = get_run_logger()
    started = time.perf_counter()
    started_at = datetime.now(timezone.utc).replace(tzinfo=None)
    version = pipeline_version()
    all_paths = [str(p) for p in discover_sources(paths)]
    todo, skipped = _changed(db, all_paths, version)
    _notify("sources", skipped)
    logger.info("%d sources, %d unchanged, %d to ingest", len(all_paths), skipped, len(todo))
    batches = plan_batches(todo, batch_size, int(batch_mb * 10**6))
    summary = IngestSummary(run_id=uuid.uuid4().hex[:12])
    if batches:
        runner = make_task_runner(task_runner, workers, dask_address)
        summary = process_batches.with_options(task_runner=runner)(
            batches, db, version, in_flight=workers, cache=cache, swap_seconds=swap_seconds, load_mb=load_mb)
        summary.run_id = uuid.uuid4().hex[:12]
    summary.sources, summary.skipped = len(all_paths), skipped
    summary.seconds = round(time.perf_counter() - started, 2)
    _record_run(db, summary, started_at)
    publish_run_artifacts(summary, summary.source_rows)
    logger.info("loaded %d sources, %d facts, %d failures in %.1f s",
                summary.loaded, summary.facts, len(summary.failures), summary.seconds)
    return summary


def _record_run(db: str, summary: IngestSummary, started_at: datetime) -> None:
    record_run(db, summary.run_id, str(flow_run.id) if flow_run.id else None, started_at,
               summary.sources, summary.facts, len(summary.failures))
