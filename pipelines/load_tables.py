"""One source's rows as Arrow tables in the warehouse's column layout, ready to INSERT.

Built by the `prepare-load` task next to the source's processing (on the task runner's
workers), so that the single writer only deletes, INSERTs and commits: turning ~300k
Pydantic models into columns costs ~10x the INSERT itself, and the writer is the one step
of the pipeline that cannot run in parallel.

Fact and section ids have no DuckDB index (it halved the insert), so they are checked
here: each is its document's doc_id + "-" + a part unique within the document, and unique
within the source. doc_id is the documents' primary key and no doc_id + "-" starts
another one, so ids checked per source cannot meet another source's.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from operator import attrgetter

import pyarrow as pa

SourceTables = dict[str, pa.Table]
# The tables that hang off a source, in the order they are written.
CHILD_TABLES = ("facts", "checks", "sections", "documents")
_IDS = (("sections", "section_id"), ("facts", "fact_id"))


def source_tables(result, columns: Mapping[str, Sequence[str]], pipeline_version: str) -> SourceTables:
    """The rows of one processed source (an object with source, documents, sections,
    facts and checks) per table; `columns` gives each table's columns.

    Raises ValueError, naming the source, when a fact or section id is not under one of
    the source's documents or appears twice.
    """
    check_ids(result)
    path = result.source.source_path
    tables = {"sources": _table([result.source], columns["sources"], {
        "pipeline_version": pipeline_version})}
    for table in CHILD_TABLES:
        # sections and checks do not carry their source's path themselves
        tables[table] = _table(getattr(result, table), columns[table], {"source_path": path})
    return tables


def _table(rows: Sequence, columns: Sequence[str], constants: Mapping[str, object]) -> pa.Table:
    """`columns` from the models' fields (one C-level attrgetter per row, then one
    transpose), or a constant for the columns the models do not have."""
    if not rows:
        return pa.table({name: pa.nulls(0) for name in columns})
    fields = [name for name in columns if name in type(rows[0]).model_fields]
    values = zip(*map(attrgetter(*fields), rows)) if len(fields) > 1 else [[getattr(r, fields[0]) for r in rows]]
    by_field = dict(zip(fields, values))
    return pa.table({name: by_field[name] if name in by_field else [constants.get(name)] * len(rows)
                     for name in columns})


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


def concat(per_source: Sequence[SourceTables]) -> SourceTables:
    """One table per warehouse table for a batch of sources."""
    return {name: pa.concat_tables([tables[name] for tables in per_source], promote_options="permissive")
            for name in per_source[0]}
