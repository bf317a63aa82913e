"""Who may write the warehouse, and for how long a writer waits: the writer lock on
``<db>.lock``, DuckDB's own read lock on the live file, WarehouseBusyError.

DuckDB locks the whole file with POSIX record locks (shared for read-only sessions,
exclusive for read-write ones). While a writer copies and loads, it holds the shared one,
as read-only sessions do: they open as usual, but nobody can open the live file read-write
and write changes the swap would throw away. A process that already holds the live file
read-write makes the writer wait (``HUIBAO_LOCK_TIMEOUT`` seconds, default 60) and then
fail with WarehouseBusyError. Writers queue on ``<db>.lock``.
"""
from __future__ import annotations

import errno
import fcntl
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from pipelines.warehouse.poll import retry_until

LOCK_TIMEOUT_ENV = "HUIBAO_LOCK_TIMEOUT"
DEFAULT_LOCK_TIMEOUT = 60.0


class WarehouseBusyError(RuntimeError):
    """The warehouse stayed locked by another process for longer than the timeout."""

    def __init__(self, path: str | os.PathLike[str], reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self):
        # Picklable, so it survives being moved between processes by a task runner.
        return (type(self), (self.path, self.reason))


def lock_timeout() -> float:
    """Seconds a writer waits for a lock: $HUIBAO_LOCK_TIMEOUT, else 60."""
    value = os.environ.get(LOCK_TIMEOUT_ENV, "").strip()
    try:
        return max(0.0, float(value)) if value else DEFAULT_LOCK_TIMEOUT
    except ValueError:
        raise ValueError(f"{LOCK_TIMEOUT_ENV} must be a number of seconds, got {value!r}") from None


@contextmanager
def writer_lock(live: Path, deadline: float, timeout: float) -> Iterator[None]:
    """One huibao writer per warehouse at a time (across processes and threads)."""
    lock_path = live.with_name(live.name + ".lock")
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)

    def gave_up(_error: Exception) -> WarehouseBusyError:
        holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "unknown"
        return WarehouseBusyError(live, (
            f"another huibao ingest (PID {holder}) is writing the warehouse; waited "
            f"{timeout:g} s for it (lock file {lock_path}; raise {LOCK_TIMEOUT_ENV} to wait longer)"))

    try:
        retry_until(deadline, lambda: fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB),
                    busy=lambda error: isinstance(error, BlockingIOError), gave_up=gave_up)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # drops the flock, also when the process is killed


@contextmanager
def shared_lock(live: Path, deadline: float, timeout: float) -> Iterator[int | None]:
    """Hold DuckDB's read lock on the live file; yield its descriptor (None: no file yet).

    This admits readers and keeps read-write sessions out (see the module).
    """
    try:
        fd = os.open(live, os.O_RDONLY)
    except FileNotFoundError:
        yield None
        return
    try:
        retry_until(deadline, lambda: fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB),
                    busy=lambda error: isinstance(error, OSError) and error.errno in (errno.EACCES, errno.EAGAIN),
                    gave_up=lambda _error: WarehouseBusyError(live, busy_reason(_lock_holder(live), timeout)))
        yield fd
    finally:
        # Closing any descriptor of a file drops all of this process's POSIX locks on it:
        # the copy reads through this descriptor, and nothing else opens the live file.
        os.close(fd)


def _lock_holder(live: Path) -> str:
    """DuckDB's own description of the conflicting lock (it names the holder's PID)."""
    try:
        duckdb.connect(str(live), read_only=True).close()
    except duckdb.Error as error:
        return str(error)
    return "the lock was released just now"


def busy_reason(detail: str, timeout: float) -> str:
    """Why a warehouse is busy, from DuckDB's lock error `detail`, for WarehouseBusyError."""
    holder = re.search(r"Conflicting lock is held in (.*?\(PID \d+\))", detail)
    who = holder.group(1) if holder else detail
    return (f"the warehouse is held open for writing by another process, {who}; waited {timeout:g} s. "
            f"Close that session (analysts: duckdb.connect(path, read_only=True)) or raise "
            f"{LOCK_TIMEOUT_ENV}.")
