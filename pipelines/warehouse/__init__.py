"""The DuckDB warehouse, in one place: schema, connections, locks, the writer, loads, the
`runs` table, analyst views, and the rows as Arrow tables.

- schema: the tables (versioned), migrations, ensure_schema, their Arrow schemas
- connection: connect (read-write, in place), open_reader, the writer's DuckDB settings
- locks: who may write and how long a writer waits; WarehouseBusyError
- writer: the copy-and-swap warehouse_writer, and BatchWriter, the run's one writer
- load: a batch of sources' rows replaces theirs in one transaction
- rows: sources' rows as Arrow tables, built on the workers
- runs: the `runs` table
- views: the analyst views
- poll: the one wait-until-a-deadline loop
- dictionary: docs/DATA_DICTIONARY.md (python -m pipelines.warehouse.dictionary)
"""
from pipelines.warehouse.connection import (
    DEFAULT_MEMORY,
    MEMORY_ENV,
    READER_TIMEOUT,
    ROW_GROUP_SIZE,
    connect,
    duckdb_memory,
    open_reader,
)
from pipelines.warehouse.load import load_rows, load_source, load_sources, loaded_versions, row_counts
from pipelines.warehouse.locks import DEFAULT_LOCK_TIMEOUT, LOCK_TIMEOUT_ENV, WarehouseBusyError, lock_timeout
from pipelines.warehouse.rows import CHILD_TABLES, SourceTables, StackedRows, check_ids, source_tables, stack
from pipelines.warehouse.runs import Run, list_runs, record_run
from pipelines.warehouse.schema import MIGRATIONS, SCHEMA_VERSION, ensure_schema, table_schemas
from pipelines.warehouse.views import create_views
from pipelines.warehouse.writer import DEFAULT_LOAD_MB, DEFAULT_SWAP_SECONDS, BatchWriter, warehouse_writer

__all__ = [
    "CHILD_TABLES", "DEFAULT_LOAD_MB", "DEFAULT_LOCK_TIMEOUT", "DEFAULT_MEMORY", "DEFAULT_SWAP_SECONDS",
    "LOCK_TIMEOUT_ENV", "MEMORY_ENV", "MIGRATIONS", "READER_TIMEOUT", "ROW_GROUP_SIZE", "SCHEMA_VERSION",
    "BatchWriter", "Run", "SourceTables", "StackedRows", "WarehouseBusyError", "check_ids", "connect",
    "create_views", "duckdb_memory", "ensure_schema", "list_runs", "load_rows", "load_source",
    "load_sources", "loaded_versions", "lock_timeout", "open_reader", "record_run", "row_counts",
    "source_tables", "stack", "table_schemas", "warehouse_writer",
]
