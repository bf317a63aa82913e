"""The run's one writer: batches are gathered into loads of `load_mb` megabytes, which go
into one copy of the warehouse, swapped in every `swap_seconds` and when the run ends.

`warehouse_writer` copies the whole warehouse file and checkpoints it once per use. Used
once per batch, the load grew with the warehouse (measured: 30 swaps took 59 s of a 204 s
run over 200 MB). Here a copy takes the batches of `swap_seconds` (default 60) instead:
analysts see new sources at that pace, and a run killed between swaps loses only what it
loaded since the last one, which the next run loads again (those sources are not in the
live file, so they are not skipped).

A load has a fixed cost (BEGIN, the lookup of known sources, five INSERTs, COMMIT, and
each table's last, partly filled row group): loaded alone, a 4 MB batch's 10k facts went
in at 230-275k facts/s; 100k facts gathered from many batches go in at 560-650k
(benchmarks/load_insert.py). Gathering holds the rows as Arrow tables, ~9 MB per 10k
facts, hence a bound in megabytes. A batch is gathered as its prepare-load task stacked
it (pipelines.process.prepare_load_batch), not source by source: DuckDB pays per Arrow chunk.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager

from pipelines.load_tables import StackedRows, stack
from pipelines.warehouse import load_rows, table_schemas, warehouse_writer
from pipelines.work_gate import exclusive

DEFAULT_SWAP_SECONDS = 60.0
DEFAULT_LOAD_MB = 96.0
_LOAD_SWITCH_INTERVAL = 0.00005


@contextmanager
def _quick_gil_handoffs() -> Iterator[None]:
    """The writer hands the GIL back and forth with DuckDB and Arrow, which release it; with
    extraction threads busy, each hand-back waited out the 5 ms switch interval: a 4k-fact
    batch's load took 1.6 s next to two busy threads, 0.1 s with 200 µs, 0.06 s with 50 µs,
    and sizing the gathered tables 2 s per 30 MB run (measured). Process-wide, so only
    while the writer works: extraction threads switching every 50 µs would lose time."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(_LOAD_SWITCH_INTERVAL)
    try:
        yield
    finally:
        sys.setswitchinterval(interval)


class BatchWriter:
    """Loads batches of processed sources into a copy of the warehouse at `db`.

    Batches are gathered until their rows take `load_mb` megabytes (as Arrow tables; 0:
    every batch is loaded at once), then loaded in one transaction. The copy is swapped in
    every `swap_seconds` (0: after every batch) and on leaving the `with` block, also when
    the block raises; what was gathered is loaded before each swap.
    """

    def __init__(self, db: str, swap_seconds: float = DEFAULT_SWAP_SECONDS, load_mb: float = DEFAULT_LOAD_MB):
        self.db, self.swap_seconds = db, max(0.0, swap_seconds)
        self.load_bytes = max(0.0, load_mb) * 2**20
        self.swaps = self.loads = 0
        self.parked_seconds = 0.0  # waited for the stages to reach a checkpoint, over all loads
        self._open: ExitStack | None = None
        self._con = None
        self._swapped_at = time.monotonic()
        # by the batch's source paths: a batch handed in again (a retried task) replaces,
        # not doubles
        self._gathered: dict[tuple[str, ...], StackedRows] = {}
        self._gathered_paths: set[str] = set()
        self.gathered_bytes = 0
        self._failed_swap: str | None = None

    def load(self, results: Sequence, pipeline_version: str) -> None:
        """Gather these sources' rows (pipelines.process.SourceResult, prepared or not); load
        what is gathered once it reaches load_mb, and swap when swap_seconds have passed.

        Raises ValueError, gathering none of them, when a source's fact or section ids
        collide (pipelines.load_tables.check_ids), and RuntimeError once a swap has failed.
        """
        self._refuse_after_a_failed_swap()
        with _quick_gil_handoffs():
            rows = stack(results, table_schemas(), pipeline_version)
            replaced = self._gathered.pop(rows.paths, None)
            if replaced is not None:
                self.gathered_bytes -= replaced.size
            elif not self._gathered_paths.isdisjoint(rows.paths):
                self.flush()  # a source gathered in another batch: its rows are replaced in the copy
            self._gathered[rows.paths] = rows
            self._gathered_paths.update(rows.paths)
            self.gathered_bytes += rows.size
            if time.monotonic() - self._swapped_at >= self.swap_seconds:
                self.swap()
            elif self.gathered_bytes >= self.load_bytes:
                self.flush()

    def flush(self) -> None:
        """Load what is gathered, in one transaction, into the copy (opened if need be)."""
        self._refuse_after_a_failed_swap()
        if not self._gathered:
            return
        with _quick_gil_handoffs():
            if self._open is None:
                opened = ExitStack()
                self._con = opened.enter_context(warehouse_writer(self.db))
                self._open = opened
            # The stages of later batches wait while the load runs (pipelines.work_gate).
            with exclusive() as waited:
                self.parked_seconds += waited
                load_rows(self._con, list(self._gathered.values()))
        self._gathered.clear()
        self._gathered_paths.clear()
        self.gathered_bytes = 0
        self.loads += 1

    def swap(self) -> None:
        """Load what is gathered and make what was loaded since the last swap live; nothing
        when nothing was."""
        try:
            self.flush()
        finally:
            stack, self._open, self._con = self._open, None, None
            if stack is not None:
                try:
                    with _quick_gil_handoffs():
                        stack.close()  # CHECKPOINT, fsync, rename; on failure the copy is deleted
                except BaseException as error:
                    self._failed_swap = f"{type(error).__name__}: {error}"
                    raise
                self.swaps += 1
            self._swapped_at = time.monotonic()

    def _refuse_after_a_failed_swap(self) -> None:
        # The copy went with its loads: carrying on (a retried task, say) would report
        # sources loaded that are not in the warehouse.
        if self._failed_swap is not None:
            raise RuntimeError(
                f"{self.db}: making the loaded batches live failed ({self._failed_swap}); the batches loaded "
                f"since the previous swap are not in the warehouse and this run stops here; the next run "
                f"loads them")

    def __enter__(self) -> BatchWriter:
        return self

    def __exit__(self, *exc_info) -> None:
        self.swap()
