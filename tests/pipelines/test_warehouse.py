"""Loading into DuckDB: schema and migrations, idempotent replacement, id checks, views."""
from __future__ import annotations

import re
import shutil

import duckdb
import pytest

from pipelines.process import SourceResult, process_path
from pipelines.warehouse import SCHEMA_VERSION, connect, load_source, load_sources, row_counts

# The schema of version 1, as warehouses made by it have it.
V1_SCHEMA = """
CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP);
INSERT INTO schema_version VALUES (1, now());
CREATE TABLE sources (source_path VARCHAR PRIMARY KEY, sha256 VARCHAR, encoding VARCHAR,
    char_count INTEGER, status VARCHAR NOT NULL, error VARCHAR, loaded_at TIMESTAMP,
    pipeline_version VARCHAR, text VARCHAR);
CREATE TABLE documents (doc_id VARCHAR PRIMARY KEY, source_path VARCHAR NOT NULL, ordinal INTEGER,
    char_start INTEGER, char_end INTEGER, title VARCHAR, duplicate_of VARCHAR, text VARCHAR);
CREATE TABLE sections (section_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, parent_id VARCHAR,
    level INTEGER, marker VARCHAR, title VARCHAR, char_start INTEGER, char_end INTEGER,
    source_path VARCHAR);
CREATE TABLE facts (fact_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, section_id VARCHAR,
    source_path VARCHAR NOT NULL, kind VARCHAR NOT NULL, value DOUBLE, value_max DOUBLE,
    unit VARCHAR, qualifier VARCHAR, subject VARCHAR, place VARCHAR, text VARCHAR,
    char_start INTEGER, char_end INTEGER, sentence VARCHAR, extractor VARCHAR);
CREATE TABLE checks (check_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, kind VARCHAR,
    stated DOUBLE, computed DOUBLE, char_start INTEGER, char_end INTEGER, text VARCHAR,
    message VARCHAR, source_path VARCHAR);
CREATE TABLE runs (run_id VARCHAR PRIMARY KEY, flow_run_id VARCHAR, started_at TIMESTAMP,
    ended_at TIMESTAMP, sources INTEGER, facts INTEGER, failures INTEGER, status VARCHAR);
"""


@pytest.fixture()
def warehouse(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    yield con
    con.close()


def _load(con, result):
    load_source(con, result.source, result.documents, result.sections, result.facts,
                result.checks, text=result.text, pipeline_version="test")


def _other_source(tmp_path, sample_path) -> SourceResult:
    """The sample's bytes under another name: a second source with its own ids."""
    other = tmp_path / "other.txt"
    shutil.copy(sample_path, other)
    return process_path(str(other), None)


def _constraints(con) -> set[tuple[str, str, tuple[str, ...]]]:
    return {(table, kind, tuple(columns)) for table, kind, columns in con.execute(
        "SELECT table_name, constraint_type, constraint_column_names FROM duckdb_constraints() "
        "WHERE constraint_type IN ('PRIMARY KEY', 'NOT NULL')").fetchall()}


def _primary_keys(con) -> set[str]:
    return {table for table, kind, _ in _constraints(con) if kind == "PRIMARY KEY"}


def _text_compression(con) -> set[str]:
    con.execute("CHECKPOINT")  # compressed segments exist once written
    return {row[0] for row in con.execute(
        "SELECT DISTINCT compression FROM pragma_storage_info('documents') "
        "WHERE column_name = 'text' AND segment_type = 'VARCHAR'").fetchall()}


def _ids_distinct(con) -> bool:
    return con.execute("SELECT (SELECT count(*) = count(DISTINCT fact_id) FROM facts) "
                       "AND (SELECT count(*) = count(DISTINCT section_id) FROM sections)").fetchone()[0]


def test_schema_is_versioned_and_idempotent(tmp_path):
    path = tmp_path / "w.duckdb"
    connect(path).close()
    con = connect(path)
    assert con.execute("SELECT max(version), count(*) FROM schema_version").fetchone() == (SCHEMA_VERSION, 1)
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"sources", "documents", "sections", "facts", "checks", "runs",
            "facts_v", "checks_v", "money_v", "village_count_v"} <= tables
    # facts and sections are checked at load instead (see test_a_batch_with_colliding_ids_...)
    assert _primary_keys(con) == {"sources", "documents", "checks", "runs"}
    con.close()


def _load_as_version_1(con, result, tmp_path, tables) -> None:
    """The rows of `result` in a version-1 warehouse: loaded into a current one, and copied
    in version 1's columns (sources.text being the source's text)."""
    current = tmp_path / "current.duckdb"
    loaded = connect(current)
    _load(loaded, result)
    loaded.close()
    con.execute(f"ATTACH '{current}' AS current (READ_ONLY)")
    for table in tables:
        columns = ", ".join("? AS text" if (table, column) == ("sources", "text") else column
                            for column in con.table(table).columns)
        con.execute(f"INSERT INTO {table} SELECT {columns} FROM current.{table}",
                    [result.text] if table == "sources" else [])
    con.execute("DETACH current")


def test_a_version_1_warehouse_is_migrated_with_its_rows_and_takes_new_ones(tmp_path, sample_result, sample_path):
    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    con.execute(V1_SCHEMA)
    tables = ("sources", "documents", "sections", "facts", "checks")
    _load_as_version_1(con, sample_result, tmp_path, tables)
    # version 3 drops sources.text: its documents hold the text
    select = {t: f"SELECT {', '.join(c for c in con.table(t).columns if c != 'text' or t != 'sources')} "
                 f"FROM {t} ORDER BY ALL" for t in tables}
    before = {t: con.execute(select[t]).fetchall() for t in tables}
    in_view = con.execute("SELECT count(*) FROM facts JOIN documents USING (doc_id) "
                          "WHERE duplicate_of IS NULL").fetchone()[0]
    not_null = {c for c in _constraints(con) if c[1] == "NOT NULL"}
    con.close()

    con = connect(path)
    try:
        assert con.execute("SELECT list(version ORDER BY version) FROM schema_version").fetchone()[0] == [1, SCHEMA_VERSION]
        assert {t: con.execute(select[t]).fetchall() for t in tables} == before
        # version 5's place columns are there, empty until the sources are run again
        assert con.execute("SELECT count(*) FROM facts WHERE place_level IS NOT NULL").fetchone()[0] == 0
        # version 6's check columns too
        assert con.execute("SELECT count(*) FROM checks WHERE rule IS NOT NULL").fetchone()[0] == 0
        assert con.execute("SELECT text FROM source_texts_v").fetchone()[0] == sample_result.text
        assert _primary_keys(con) == {"sources", "documents", "checks", "runs"}
        assert not_null | {("facts", "NOT NULL", ("fact_id",)), ("sections", "NOT NULL", ("section_id",))} \
            == {c for c in _constraints(con) if c[1] == "NOT NULL"}
        assert con.execute("SELECT count(*) FROM facts_v").fetchone()[0] == in_view
        assert _text_compression(con) == {"ZSTD"}  # version 4
        other = _other_source(tmp_path, sample_path)
        _load(con, other)
        assert row_counts(con)["facts"] == len(sample_result.facts) + len(other.facts)
        assert _ids_distinct(con)
    finally:
        con.close()


def test_document_text_is_stored_with_zstd_also_after_reopening(tmp_path, sample_result):
    path = tmp_path / "w.duckdb"
    connect(path).close()  # the column's compression is part of the file's schema
    con = connect(path)
    try:
        _load(con, sample_result)
        assert _text_compression(con) == {"ZSTD"}
    finally:
        con.close()


def test_reloading_a_source_replaces_its_rows(warehouse, sample_result):
    _load(warehouse, sample_result)
    first = row_counts(warehouse)
    _load(warehouse, sample_result)
    assert row_counts(warehouse) == first
    assert first["facts"] == len(sample_result.facts)
    assert first["documents"] == len(sample_result.documents)


def test_loaded_facts_keep_their_spans(warehouse, sample_result, sample_text):
    _load(warehouse, sample_result)
    rows = warehouse.execute("SELECT char_start, char_end, text FROM facts").fetchall()
    assert rows and all(sample_text[s:e] == t for s, e, t in rows)
    stored = warehouse.execute("SELECT text FROM source_texts_v").fetchone()[0]
    assert stored == sample_text


def test_a_check_joins_back_to_the_facts_it_compares(warehouse, sample_result):
    _load(warehouse, sample_result)
    unjoined = warehouse.execute("""
        SELECT c.check_id, id FROM checks c,
               unnest(string_split(c.stated_fact_id || ',' || c.whole_fact_ids || ',' || c.part_fact_ids, ',')) t(id)
        WHERE id NOT IN (SELECT fact_id FROM facts)""").fetchall()
    assert unjoined == []
    assert warehouse.execute("SELECT count(*) FROM checks WHERE rule IS NULL OR part_fact_ids = ''").fetchone()[0] == 0
    assert warehouse.execute("SELECT count(*) FROM checks").fetchone()[0] == len(sample_result.checks) > 0


def test_facts_view_leaves_duplicates_out(warehouse, sample_result):
    _load(warehouse, sample_result)
    all_facts = warehouse.execute("SELECT count(*) FROM facts").fetchone()[0]
    in_view = warehouse.execute("SELECT count(*) FROM facts_v").fetchone()[0]
    in_duplicates = warehouse.execute(
        "SELECT count(*) FROM facts f JOIN documents d USING (doc_id) WHERE d.duplicate_of IS NOT NULL"
    ).fetchone()[0]
    assert in_view == all_facts - in_duplicates


def test_a_failed_load_leaves_the_old_rows(warehouse, sample_result, monkeypatch):
    _load(warehouse, sample_result)
    before = row_counts(warehouse)
    import pipelines.warehouse.load as wh

    original = wh._insert

    def failing_insert(con, table, data):
        if table == "facts":
            raise duckdb.Error("disk full")
        original(con, table, data)

    monkeypatch.setattr(wh, "_insert", failing_insert)
    with pytest.raises(duckdb.Error):
        _load(warehouse, sample_result)
    assert row_counts(warehouse) == before


def _with_duplicate_fact(result: SourceResult) -> SourceResult:
    return SourceResult(result.source, result.text, result.documents, result.sections,
                        [*result.facts, result.facts[0]], result.checks)


def _with_duplicate_section(result: SourceResult) -> SourceResult:
    return SourceResult(result.source, result.text, result.documents,
                        [*result.sections, result.sections[-1]], result.facts, result.checks)


def _with_fact_of_another_source(result: SourceResult, other: SourceResult) -> SourceResult:
    return SourceResult(result.source, result.text, result.documents, result.sections,
                        [*result.facts, other.facts[0]], result.checks)


@pytest.mark.parametrize(("spoil", "message"), [
    (lambda r, o: _with_duplicate_fact(r), lambda r, o: f"duplicate fact_id '{r.facts[0].fact_id}'"),
    (lambda r, o: _with_duplicate_section(r), lambda r, o: f"duplicate section_id '{r.sections[-1].section_id}'"),
    (lambda r, o: _with_fact_of_another_source(r, o),
     lambda r, o: f"fact_id '{o.facts[0].fact_id}' is not under a document of this source"),
], ids=["duplicate fact", "duplicate section", "fact of another source"])
def test_a_batch_with_colliding_ids_is_refused_whole(warehouse, sample_result, tmp_path, sample_path, spoil, message):
    _load(warehouse, sample_result)
    before = {t: warehouse.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in ("sources", "facts")}
    other = _other_source(tmp_path, sample_path)
    expected = f"{sample_result.source.source_path}: {message(sample_result, other)}"
    with pytest.raises(ValueError, match=re.escape(expected)):
        load_sources(warehouse, [other, spoil(sample_result, other)], pipeline_version="test")
    assert {t: warehouse.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in ("sources", "facts")} == before


def test_reingesting_keeps_fact_and_section_ids_distinct(warehouse, sample_result, tmp_path, sample_path):
    other = _other_source(tmp_path, sample_path)
    load_sources(warehouse, [sample_result, other], pipeline_version="test")
    first = row_counts(warehouse)
    load_sources(warehouse, [other], pipeline_version="test")
    load_sources(warehouse, [sample_result, other], pipeline_version="test")
    assert row_counts(warehouse) == first
    assert first["facts"] == len(sample_result.facts) + len(other.facts)
    assert _ids_distinct(warehouse)


def test_writers_store_small_row_groups(tmp_path):
    # A checkpoint rewrites the last row group of a table: kept small, so that it is not
    # every document's text (DuckDB does not remember the size; connect() gives it).
    con = connect(tmp_path / "w.duckdb")
    try:
        con.execute("INSERT INTO runs (run_id) SELECT 'r' || range FROM range(5000)")
        con.execute("CHECKPOINT")
        groups = con.execute("SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('runs')").fetchone()[0]
    finally:
        con.close()
    assert groups == 3  # 2048 + 2048 + 904 rows
