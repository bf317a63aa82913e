"""Opening the warehouse: read-write in place (connect), read-only for analysts and the
flow (open_reader), and the writer's DuckDB settings (memory, row groups, spill folder)."""
from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import duckdb

from pipelines.warehouse.locks import WarehouseBusyError, busy_reason
from pipelines.warehouse.poll import retry_until
from pipelines.warehouse.schema import ensure_schema

# The writer's DuckDB buffer manager spills beyond this (256MB: the 200 MB benchmark peaked
# at 917 MB RSS, 992 MB with 320MB; 192MB failed a checkpoint while sources.text, whole
# files in one value, was still stored). Its INSERTs do not keep the rows
# of a batch in their arrival order (preserve_insertion_order): kept, the Arrow INSERT of
# 300k facts ran on one thread at ~0.49M rows/s; not kept, on both at ~1.1M. Rows have no
# order in SQL without ORDER BY; huibao's views and queries say theirs.
ROW_GROUP_SIZE = 2048
MEMORY_ENV = "HUIBAO_DUCKDB_MEMORY"
DEFAULT_MEMORY = "256MB"
# Readers only wait for a session someone forgot to close, briefly: huibao's own writers
# never lock readers out.
READER_TIMEOUT = 10.0


def duckdb_memory() -> str:
    """The writer's DuckDB memory_limit: $HUIBAO_DUCKDB_MEMORY, else 256MB."""
    return os.environ.get(MEMORY_ENV, "").strip() or DEFAULT_MEMORY


def connect(path: str | Path, memory_limit: str | None = None, *, fsync: bool = True) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the warehouse read-write, in place, and bring its schema
    up to date. This locks other processes out of the file while it is open: the ingestion
    flow uses warehouse_writer, readers use open_reader. `memory_limit` ("512MB", "2GB")
    bounds DuckDB's memory, migrations included. `fsync=False` lets DuckDB leave syncing
    to the caller: only for a file that is not live until the caller fsyncs it."""
    path = Path(path)
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(config={"preserve_insertion_order": False})
    # Row groups of 2048 rows instead of 122,880: a checkpoint rewrites the last, partly
    # filled row group of every table it touches, and with the default one row group held
    # every document's text, rewritten at each checkpoint (a 10k-fact batch's load went from
    # 69 to 113 ms over 60 batches; now 57 to 69 ms). DuckDB does not keep the setting in
    # the file, so every writer opens the file this way.
    quoted = str(path).replace("'", "''")
    con.execute(f"ATTACH '{quoted}' AS warehouse (ROW_GROUP_SIZE {ROW_GROUP_SIZE})")
    con.execute("USE warehouse")
    if str(path) != ":memory:":
        con.execute("SET temp_directory = ?", [f"{path}.tmp"])  # where DuckDB itself would spill
    if not fsync:
        con.execute("SET fsync_mode = 'NONE'")
    if memory_limit is not None:
        try:
            con.execute("SET memory_limit = ?", [memory_limit])
        except duckdb.Error as error:
            con.close()
            raise ValueError(f"DuckDB memory limit {memory_limit!r} (${MEMORY_ENV}): {error}") from None
    ensure_schema(con)
    return con


def open_reader(path: str | Path, timeout: float = READER_TIMEOUT) -> duckdb.DuckDBPyConnection:
    """Open the live warehouse read-only; huibao's writers never lock such a session out.

    Retries while another process holds the file read-write, for up to `timeout` seconds,
    then raises WarehouseBusyError; raises FileNotFoundError when there is no warehouse.
    Within one process DuckDB reuses an open database by path: close older connections to
    the same file to see what a later load swapped in.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(errno.ENOENT, "no warehouse here; run `huibao ingest` first", str(path))
    return retry_until(
        time.monotonic() + timeout, lambda: duckdb.connect(str(path), read_only=True),
        busy=lambda error: isinstance(error, duckdb.IOException) and "Could not set lock" in str(error),
        gave_up=lambda error: WarehouseBusyError(path, busy_reason(str(error), timeout)))
