"""Writing the warehouse: huibao never writes the live file in place.

DuckDB allows one writer per file, and a writer locks out every reader in other
processes. ``warehouse_writer(db)`` copies the live file to a temporary file in the same
folder, yields a read-write connection to the copy, then CHECKPOINTs, fsyncs and
atomically renames the copy over the live file. Analysts' open read-only sessions keep
reading the old file (its inode lives on until they close it); sessions opened afterwards
see the new data. A killed load leaves the live file as it was, and its temporary file is
removed by the next writer. Who waits for whom: pipelines.warehouse.locks. POSIX only
(rename over an open file).

``BatchWriter`` is the run's one writer: batches are gathered into loads of `load_mb`
megabytes, which go into one copy of the warehouse, swapped in every `swap_seconds` and
when the run ends.

`warehouse_writer` copies the whole warehouse file and checkpoints it once per use. Used
once per batch, the load grew with the warehouse (measured: 30 swaps took 59 s of a 204 s
run over 200 MB). BatchWriter's copy takes the batches of `swap_seconds` (default 60) instead:
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

import errno
import os
import re
import shutil
import stat
import sys
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path

import duckdb

from pipelines.warehouse.connection import connect, duckdb_memory
from pipelines.warehouse.load import load_rows
from pipelines.warehouse.locks import lock_timeout, shared_lock, writer_lock
from pipelines.warehouse.rows import StackedRows, stack
from pipelines.warehouse.schema import table_schemas
from pipelines.work_gate import exclusive

_COPY_CHUNK = 64 * 2**20


@contextmanager
def warehouse_writer(path: str | Path, timeout: float | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection whose changes replace the live warehouse atomically on exit.

    Copies the live file (if any) to ``<db>.<id>.tmp`` next to it and yields a connection
    to the copy, schema up to date, memory bounded by duckdb_memory() (do not close it). On
    a normal exit: CHECKPOINT, close, fsync, rename over the live file. On an exception the
    copy is deleted and the live file is untouched. Waits up to `timeout` seconds (default:
    lock_timeout()) for another huibao writer, or for a process holding the live file
    read-write, then raises WarehouseBusyError. Copies left by a killed writer are deleted
    here.
    """
    live = Path(path)
    if str(live) == ":memory:":
        raise ValueError("warehouse_writer needs a database file, not ':memory:'")
    live.parent.mkdir(parents=True, exist_ok=True)
    timeout = lock_timeout() if timeout is None else timeout
    deadline = time.monotonic() + timeout
    with writer_lock(live, deadline, timeout):
        _remove_stale_copies(live)
        with shared_lock(live, deadline, timeout) as live_fd:
            temp = live.with_name(f"{live.name}.{uuid.uuid4().hex[:12]}.tmp")
            try:
                if live_fd is not None:
                    _copy(live_fd, temp)
                    if _wal(live).exists():  # left by a session that crashed: replayed in the copy
                        shutil.copyfile(_wal(live), _wal(temp))
                # The copy is not live until it is fsynced below and renamed: DuckDB's own
                # fsync at every COMMIT was half of a load's COMMIT (20 -> 9 ms per 100k facts).
                con = connect(temp, memory_limit=duckdb_memory(), fsync=False)
                try:
                    yield con
                    con.execute("CHECKPOINT")
                finally:
                    con.close()
                if _wal(temp).exists():
                    raise RuntimeError(f"{temp}: write-ahead log left after CHECKPOINT; not swapped in")
                _fsync(temp)
                # The live file's old log is folded into the copy and would not match it.
                _unlink(_wal(live))
                os.replace(temp, live)
                _fsync(live.parent)
            except BaseException:
                _unlink(temp)
                _unlink(_wal(temp))
                raise


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def _remove_stale_copies(live: Path) -> None:
    """Delete copies left by a killed writer, with their logs and DuckDB's spill folders
    (``<copy>.tmp``, removed on close; call with the writer lock held)."""
    stale = re.compile(rf"{re.escape(live.name)}\.[0-9a-f]{{12}}\.tmp(\.wal|\.tmp)?")
    for entry in os.scandir(live.parent):
        if stale.fullmatch(entry.name):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                _unlink(Path(entry.path))


def _copy(src_fd: int, dst: Path) -> None:
    """Copy an open file to a new file, in the kernel where it can (reflink on xfs/btrfs)."""
    info = os.fstat(src_fd)
    out = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_EXCL, stat.S_IMODE(info.st_mode))
    try:
        offset = 0
        while offset < info.st_size:
            count = min(_COPY_CHUNK, info.st_size - offset)
            try:
                copied = os.copy_file_range(src_fd, out, count, offset)
            except OSError as error:
                if error.errno not in (errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
                    raise
                copied = os.write(out, os.pread(src_fd, count, offset))
            if copied == 0:
                raise OSError(errno.EIO, f"copy of the warehouse ended at byte {offset} of {info.st_size}")
            offset += copied
    finally:
        os.close(out)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass

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
        collide (pipelines.warehouse.rows.check_ids), and RuntimeError once a swap has failed.
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
