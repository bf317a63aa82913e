"""schemas.tables, the one declaration of the warehouse's columns: the DDL and Arrow
schemas generated from it are those written by hand before it, and every field of the
stage models has a column of a compatible type."""
from __future__ import annotations

import types
import typing
from datetime import datetime
from enum import StrEnum

import duckdb
import pyarrow as pa
import pytest

from pipelines.warehouse.schema import TABLE_NAMES, table_ddl, table_schemas
from schemas import Check, Document, Fact, Section, Source
from schemas.tables import TABLES, TABLES_BY_NAME

# The tables as schema version 5 defined them, written by hand (version 4's, from before
# schemas.tables, and the place columns version 5 added to facts).
HAND_WRITTEN_V5 = {
    "sources": """
        source_path VARCHAR PRIMARY KEY, sha256 VARCHAR, encoding VARCHAR, char_count INTEGER,
        status VARCHAR NOT NULL, error VARCHAR, loaded_at TIMESTAMP, pipeline_version VARCHAR""",
    "documents": """
        doc_id VARCHAR PRIMARY KEY, source_path VARCHAR NOT NULL, ordinal INTEGER,
        char_start INTEGER, char_end INTEGER, title VARCHAR, duplicate_of VARCHAR,
        text VARCHAR USING COMPRESSION zstd""",
    "sections": """
        section_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, parent_id VARCHAR,
        level INTEGER, marker VARCHAR, title VARCHAR, char_start INTEGER, char_end INTEGER,
        source_path VARCHAR""",
    "facts": """
        fact_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, section_id VARCHAR,
        source_path VARCHAR NOT NULL, kind VARCHAR NOT NULL, value DOUBLE, value_max DOUBLE,
        unit VARCHAR, qualifier VARCHAR, subject VARCHAR, place VARCHAR, place_level VARCHAR,
        place_code VARCHAR, township VARCHAR, county VARCHAR, prefecture VARCHAR, province VARCHAR,
        text VARCHAR, char_start INTEGER, char_end INTEGER, sentence VARCHAR, extractor VARCHAR""",
    "checks": """
        check_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, kind VARCHAR, stated DOUBLE,
        computed DOUBLE, char_start INTEGER, char_end INTEGER, text VARCHAR, message VARCHAR,
        source_path VARCHAR""",
    "runs": """
        run_id VARCHAR PRIMARY KEY, flow_run_id VARCHAR, started_at TIMESTAMP,
        ended_at TIMESTAMP, sources INTEGER, facts INTEGER, failures INTEGER, status VARCHAR""",
}
# Version 6 added the columns of what each check compares (pipelines.warehouse.schema.MIGRATIONS).
HAND_WRITTEN = {**HAND_WRITTEN_V5, "checks": HAND_WRITTEN_V5["checks"]
                + ", rule VARCHAR, stated_fact_id VARCHAR, whole_fact_ids VARCHAR, part_fact_ids VARCHAR"}
MODELS = {"sources": Source, "documents": Document, "sections": Section, "facts": Fact, "checks": Check}


def _described(ddl: dict[str, str]) -> dict[str, list]:
    """What DuckDB makes of CREATE TABLEs: columns, constraints, and its own DDL (which
    keeps the compression)."""
    con = duckdb.connect()
    for table, columns in ddl.items():
        con.execute(f"CREATE TABLE {table} ({columns})")
    try:
        return {
            "columns": con.execute(
                "SELECT table_name, ordinal_position, column_name, data_type, is_nullable, column_default "
                "FROM information_schema.columns ORDER BY ALL").fetchall(),
            "constraints": con.execute(
                "SELECT table_name, constraint_type, constraint_column_names, constraint_text "
                "FROM duckdb_constraints() ORDER BY ALL").fetchall(),
            "sql": con.execute("SELECT table_name, sql FROM duckdb_tables() ORDER BY ALL").fetchall(),
        }
    finally:
        con.close()


def test_the_generated_ddl_creates_the_tables_the_hand_written_one_did():
    generated = _described({table.name: table_ddl(table) for table in TABLES})
    assert generated == _described(HAND_WRITTEN)
    assert list(TABLE_NAMES) == list(HAND_WRITTEN)


def test_the_arrow_schemas_are_those_parsed_from_the_hand_written_ddl():
    types_ = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "DOUBLE": pa.float64(), "TIMESTAMP": pa.timestamp("us")}
    parsed = {table: pa.schema([(column.split()[0], types_[column.split()[1]])
                                for column in ddl.split(",") if column.split()])
              for table, ddl in HAND_WRITTEN.items()}
    assert table_schemas() == parsed


def test_every_column_is_described_once():
    for table in TABLES:
        assert table.description
        names = [column.name for column in table.columns]
        assert len(names) == len(set(names)), table.name
        for column in table.columns:
            assert column.description.strip() and "\n" not in column.description, (table.name, column.name)


_DUCKDB_TYPE = {str: "VARCHAR", int: "INTEGER", float: "DOUBLE", datetime: "TIMESTAMP"}


def _duckdb_type(annotation) -> tuple[str, bool]:
    """The column type a field's values go into, and whether the field takes None."""
    args = typing.get_args(annotation) if isinstance(annotation, types.UnionType) or typing.get_origin(
        annotation) is typing.Union else (annotation,)
    nullable = type(None) in args
    (kind,) = [arg for arg in args if arg is not type(None)]
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        kind = str
    return _DUCKDB_TYPE[kind], nullable


@pytest.mark.parametrize("table", list(MODELS))
def test_every_model_field_has_a_column_of_a_compatible_type(table):
    columns = {column.name: column for column in TABLES_BY_NAME[table].columns}
    for name, field in MODELS[table].model_fields.items():
        assert name in columns, f"{MODELS[table].__name__}.{name} has no column in {table}"
        duckdb_type, nullable = _duckdb_type(field.annotation)
        column = columns[name]
        assert column.type == duckdb_type, f"{table}.{name} is {column.type}, the field {duckdb_type}"
        if nullable:
            assert not (column.not_null or column.primary_key), f"{table}.{name} is NOT NULL, the field takes None"
