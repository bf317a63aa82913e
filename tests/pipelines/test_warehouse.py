"""Loading into DuckDB: schema, idempotent replacement, views."""
from __future__ import annotations

import duckdb
import pytest

from pipelines.warehouse import SCHEMA_VERSION, connect, load_source, row_counts


@pytest.fixture()
def warehouse(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    yield con
    con.close()


def _load(con, result):
    load_source(con, result.source, result.documents, result.sections, result.facts,
                result.checks, text=result.text, pipeline_version="test")


def test_schema_is_versioned_and_idempotent(tmp_path):
    path = tmp_path / "w.duckdb"
    connect(path).close()
    con = connect(path)
    assert con.execute("SELECT max(version), count(*) FROM schema_version").fetchone() == (SCHEMA_VERSION, 1)
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"sources", "documents", "sections", "facts", "checks", "runs",
            "facts_v", "checks_v", "money_v", "village_count_v"} <= tables
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
    stored = warehouse.execute("SELECT text FROM sources").fetchone()[0]
    assert stored == sample_text


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
    import pipelines.warehouse as wh

    original = wh._insert

    def failing_insert(con, table, data):
        if table == "facts":
            raise duckdb.Error("disk full")
        original(con, table, data)

    monkeypatch.setattr(wh, "_insert", failing_insert)
    with pytest.raises(duckdb.Error):
        _load(warehouse, sample_result)
    assert row_counts(warehouse) == before
