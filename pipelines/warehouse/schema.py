"""The warehouse's schema: its tables, versioned, with the migrations from older versions.

The tables are declared, column by column, in schemas.tables; their DDL and Arrow schemas
are generated here. Tables and columns follow CONTRACT.md; columns may be added, never
renamed or dropped without a migration in MIGRATIONS.
"""
from __future__ import annotations

from functools import cache

import duckdb
import pyarrow as pa

from schemas.tables import SCHEMA_VERSION_TABLE, TABLES, Column, Table

SCHEMA_VERSION = 6

# documents as of version 4, frozen here for its migration: the table's definition
# (schemas.tables) may change later, the migration to version 4 may not.
_DOCUMENTS_V4 = """
        doc_id VARCHAR PRIMARY KEY, source_path VARCHAR NOT NULL, ordinal INTEGER,
        char_start INTEGER, char_end INTEGER, title VARCHAR, duplicate_of VARCHAR,
        text VARCHAR USING COMPRESSION zstd"""


# facts as of version 5 (places resolved against the official division list), frozen here
# for its migration.
_FACTS_V5 = """
        fact_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, section_id VARCHAR, source_path VARCHAR NOT NULL,
        kind VARCHAR NOT NULL, value DOUBLE, value_max DOUBLE, unit VARCHAR, qualifier VARCHAR, subject VARCHAR,
        place VARCHAR, place_level VARCHAR, place_code VARCHAR, township VARCHAR, county VARCHAR,
        prefecture VARCHAR, province VARCHAR, text VARCHAR, char_start INTEGER, char_end INTEGER,
        sentence VARCHAR, extractor VARCHAR"""


def column_ddl(column: Column) -> str:
    """A column's definition in CREATE TABLE."""
    return " ".join((column.name, column.type, *(["PRIMARY KEY"] if column.primary_key else []),
                     *(["NOT NULL"] if column.not_null else []),
                     *([f"USING COMPRESSION {column.compression}"] if column.compression else [])))


def table_ddl(table: Table) -> str:
    """The column definitions of a CREATE TABLE of `table`, in order."""
    return ", ".join(column_ddl(column) for column in table.columns)


TABLE_NAMES = tuple(table.name for table in TABLES)


def _without_primary_key(table: str, not_null: tuple[str, ...]) -> tuple[str, ...]:
    """DuckDB cannot drop a primary key: copy the rows into a table without one, keeping the
    NOT NULLs. The views bind tables by name when queried; ensure_schema recreates them."""
    return (f"CREATE TABLE {table}_rebuilt AS SELECT * FROM {table}",
            *_replace_with_rebuilt(table),
            *(f"ALTER TABLE {table} ALTER COLUMN {column} SET NOT NULL" for column in not_null))


def _redefined(table: str, columns: str) -> tuple[str, ...]:
    """Rebuild a table with a new definition (DuckDB cannot alter a column's compression),
    keeping its rows."""
    return (f"CREATE TABLE {table}_rebuilt ({columns})",
            f"INSERT INTO {table}_rebuilt BY NAME SELECT * FROM {table}",
            *_replace_with_rebuilt(table))


def _replace_with_rebuilt(table: str) -> tuple[str, ...]:
    return (f"DROP TABLE {table}", f"ALTER TABLE {table}_rebuilt RENAME TO {table}")


# Each entry upgrades the schema from version N-1 to N: SQL statements run in order.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    2: (*_without_primary_key("facts", ("fact_id", "doc_id", "source_path", "kind")),
        *_without_primary_key("sections", ("section_id", "doc_id"))),
    # A source's text is its documents' texts in order (they tile it): stored once, in
    # documents.text; the view source_texts_v puts it back together. Kept twice, it was
    # half of what every load wrote and every checkpoint rewrote.
    3: ("ALTER TABLE sources DROP COLUMN text",),
    # documents.text in ZSTD. DuckDB picks DICT_FSST, which wrote long distinct texts at
    # 18-41 MB/s and larger than ZSTD at 120-620 MB/s: a 100k-fact load went from ~285k to
    # ~500k facts/s, the warehouse from 140 to 77 MB (benchmarks/load_insert.py).
    4: _redefined("documents", _DOCUMENTS_V4),
    # A fact's place resolved: its level, division code and the divisions it lies in, in
    # their place after `place` (a re-run of the sources fills them: the rules changed).
    5: _redefined("facts", _FACTS_V5),
    # Each check names the rule that read it and the facts it
    # compares, so that an analyst can join a check back to its facts.
    6: tuple(f"ALTER TABLE checks ADD COLUMN {column} VARCHAR"
             for column in ("rule", "stated_fact_id", "whole_fact_ids", "part_fact_ids")),
}


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables and views; apply pending migrations. Idempotent."""
    con.execute(f"CREATE TABLE IF NOT EXISTS schema_version ({table_ddl(SCHEMA_VERSION_TABLE)})")
    current = con.execute("SELECT max(version) FROM schema_version").fetchone()[0]
    con.execute("BEGIN")
    for table in TABLES:
        con.execute(f"CREATE TABLE IF NOT EXISTS {table.name} ({table_ddl(table)})")
    for version in range((current or SCHEMA_VERSION) + 1, SCHEMA_VERSION + 1):
        for statement in MIGRATIONS.get(version, ()):
            con.execute(statement)
    if current != SCHEMA_VERSION:
        con.execute("INSERT INTO schema_version VALUES (?, now())", [SCHEMA_VERSION])
    con.execute("COMMIT")
    from pipelines.warehouse.views import create_views

    create_views(con)


# Arrow types for the workers to build columns with: a load then neither unifies schemas
# nor casts (100k facts loaded in ~190 ms instead of ~225 ms).
_ARROW_TYPES = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "DOUBLE": pa.float64(),
                "TIMESTAMP": pa.timestamp("us")}


@cache
def table_schemas() -> dict[str, pa.Schema]:
    """Each table's columns, in order and with their Arrow types, as schemas.tables declares
    them (built once: every source's prepare-load and every load ask)."""
    return {table.name: pa.schema([(column.name, _ARROW_TYPES[column.type]) for column in table.columns])
            for table in TABLES}
