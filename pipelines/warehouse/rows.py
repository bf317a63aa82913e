"""Sources' rows as Arrow tables in the warehouse's column layout, ready to INSERT.

Built by the `prepare-load` task for its whole batch (on the task runner's workers), so
that the single writer only deletes, INSERTs and commits: turning ~300k Pydantic models
into columns costs ~10x the INSERT itself, and the writer is the one step of the pipeline
that cannot run in parallel. Built per batch, not per source: a table per source and
column cost ~2 us of fixed work each (pyarrow reads an environment variable per column
it converts), 2.7 s per 100k facts of one-report files against 0.6 s.

Fact and section ids have no DuckDB index (it halved the insert), so they are checked
here: each is its document's doc_id + "-" + a part unique within the document, and unique
within the source. doc_id is the documents' primary key and no doc_id + "-" starts
another one, so ids checked per source cannot meet another source's.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from operator import attrgetter
from typing import NamedTuple

import pyarrow as pa
import pyarrow.compute as pc

SourceTables = dict[str, pa.Table]
# The tables that hang off a source, in the order they are written.
CHILD_TABLES = ("facts", "checks", "sections", "documents")
_IDS = (("sections", "section_id"), ("facts", "fact_id"))
# DuckDB scans an Arrow table chunk by chunk, at ~10-20 us a chunk and table, and spreads
# the chunks over its threads. One chunk per source made a load of 100k facts from 5,000
# small reports take 415 ms instead of 170 ms; one chunk in all ran on one thread.
# Contiguous chunks of 1-2k rows measured best (8k: slower documents).
_CHUNK_ROWS = 2048


class StackedRows(NamedTuple):
    """Several sources' rows, one table per warehouse table in chunks of _CHUNK_ROWS rows."""

    paths: tuple[str, ...]
    tables: SourceTables
    size: int  # bytes of the tables' buffers

    def __reduce__(self):
        # As Arrow IPC: pickle writes every buffer a chunk slices whole, once per chunk (an
        # 11 MB table in 49 chunks pickled to 538 MB), for the process and Dask runners.
        return (_unpickled, (self.paths, {name: _ipc(table) for name, table in self.tables.items()}, self.size))


def _ipc(table: pa.Table) -> pa.Buffer:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue()


def _unpickled(paths: tuple[str, ...], streams: dict[str, pa.Buffer], size: int) -> StackedRows:
    return StackedRows(paths, {name: pa.ipc.open_stream(stream).read_all() for name, stream in streams.items()}, size)


def source_tables(result, schemas: Mapping[str, pa.Schema], pipeline_version: str) -> SourceTables:
    """The rows of one processed source (an object with source, documents, sections,
    facts and checks) per table; `schemas` gives each table's columns and their types.

    Raises ValueError, naming the source, when a fact or section id is not under one of
    the source's documents or appears twice.
    """
    return _built([result], schemas, pipeline_version)


def stack(results: Sequence, schemas: Mapping[str, pa.Schema], pipeline_version: str) -> StackedRows:
    """The rows of processed sources (their tables built or not), stacked.

    Sources that all keep the same stacked rows as `stacked` (prepared together by
    pipelines.process.prepare_load_batch), handed in as that batch, come back as those
    rows without a copy. Raises ValueError as source_tables does.
    """
    shared = getattr(results[0], "stacked", None) if results else None
    paths = tuple(result.source.source_path for result in results)
    if shared is not None and shared.paths == paths and all(r.stacked is shared for r in results):
        return shared
    if all(getattr(r, "tables", None) is None and getattr(r, "stacked", None) is None for r in results):
        tables = {name: _rechunked(table) for name, table in _built(results, schemas, pipeline_version).items()}
    else:
        per_source = [_rows_of(r, schemas, pipeline_version) for r in results]
        tables = {name: _rechunked(pa.concat_tables([t[name] if t[name].schema.equals(schema)
                                                     else t[name].cast(schema) for t in per_source]).combine_chunks())
                  for name, schema in schemas.items() if name in per_source[0]}
    return StackedRows(paths, tables, sum(table.get_total_buffer_size() for table in tables.values()))


def _rows_of(result, schemas: Mapping[str, pa.Schema], pipeline_version: str) -> SourceTables:
    """One source's tables: built, built before, or its part of the rows it was stacked in."""
    if getattr(result, "stacked", None) is not None:
        path = pa.scalar(result.source.source_path)
        return {name: table.filter(pc.equal(table["source_path"], path)) for name, table in result.stacked.tables.items()}
    return getattr(result, "tables", None) or _built([result], schemas, pipeline_version)


def _built(results: Sequence, schemas: Mapping[str, pa.Schema], pipeline_version: str) -> SourceTables:
    for result in results:
        check_ids(result)
    tables = {"sources": _table([r.source for r in results], schemas["sources"],
                                {"pipeline_version": lambda: [pipeline_version] * len(results)})}
    for table in CHILD_TABLES:
        rows = [row for r in results for row in getattr(r, table)]
        # sections and checks do not carry their source's path themselves
        tables[table] = _table(rows, schemas[table], {"source_path": lambda table=table: [
            r.source.source_path for r in results for _ in range(len(getattr(r, table)))]})
    return tables


def _table(rows: Sequence, schema: pa.Schema, others: Mapping[str, object]) -> pa.Table:
    """The schema's columns from the models' fields (one C-level attrgetter per row, then
    one transpose); `others` gives the columns the models do not have (a function that
    returns the column's values), NULL where it does not either."""
    if not rows:
        return schema.empty_table()
    fields = [name for name in schema.names if name in type(rows[0]).model_fields]
    values = zip(*map(attrgetter(*fields), rows)) if len(fields) > 1 else [[getattr(r, fields[0]) for r in rows]]
    by_field = dict(zip(fields, values))
    return pa.table({name: by_field[name] if name in by_field else others[name]() if name in others
                     else [None] * len(rows) for name in schema.names}, schema=schema)


def _rechunked(table: pa.Table) -> pa.Table:
    """`table` (one chunk) in chunks of _CHUNK_ROWS rows, without a copy."""
    if table.num_rows == 0:
        return table
    return pa.Table.from_batches(table.to_batches(max_chunksize=_CHUNK_ROWS), table.schema)


def check_ids(result) -> None:
    """Refuse fact or section ids that could collide with another row's (see the module)."""
    documents = {document.doc_id for document in result.documents}
    for table, id_column in _IDS:
        seen: set[str] = set()
        for row in getattr(result, table):
            row_id = getattr(row, id_column)
            if row.doc_id not in documents or not row_id.startswith(row.doc_id + "-"):
                raise ValueError(f"{result.source.source_path}: {id_column} {row_id!r} is not under a document "
                                 f"of this source (its doc_id is {row.doc_id!r}); not loaded")
            if row_id in seen:
                raise ValueError(f"{result.source.source_path}: duplicate {id_column} {row_id!r}; not loaded")
            seen.add(row_id)
