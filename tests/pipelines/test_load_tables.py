"""A source's rows as Arrow tables: columns, constants, id checks, and their use by the load."""
from __future__ import annotations

import pytest

from pipelines.load_tables import CHILD_TABLES, concat, source_tables
from pipelines.process import SourceResult, failed_result, guarded, prepare_load_stage
from pipelines.warehouse import connect, load_sources, table_columns


@pytest.fixture(scope="module")
def tables(sample_result):
    return source_tables(sample_result, table_columns(), "v-test")


def test_every_table_has_the_warehouse_columns_in_order(tables):
    assert set(tables) == {"sources", *CHILD_TABLES}
    assert {name: t.column_names for name, t in tables.items()} == {name: table_columns()[name] for name in tables}


@pytest.mark.parametrize(("table", "column", "model_list", "attribute"), [
    ("facts", "fact_id", "facts", "fact_id"),
    ("facts", "value", "facts", "value"),
    ("facts", "sentence", "facts", "sentence"),
    ("sections", "parent_id", "sections", "parent_id"),
    ("documents", "text", "documents", "text"),
    ("checks", "stated", "checks", "stated"),
])
def test_columns_hold_the_models_values_row_by_row(tables, sample_result, table, column, model_list, attribute):
    assert tables[table].column(column).to_pylist() == [getattr(m, attribute) for m in getattr(sample_result, model_list)]


@pytest.mark.parametrize(("table", "column", "expected"), [
    ("sources", "pipeline_version", lambda r: ["v-test"]),
    ("sections", "source_path", lambda r: [r.source.source_path] * len(r.sections)),
    ("checks", "source_path", lambda r: [r.source.source_path] * len(r.checks)),
])
def test_columns_the_models_lack_get_the_sources_constants(tables, sample_result, table, column, expected):
    assert tables[table].column(column).to_pylist() == expected(sample_result)


def test_a_failed_source_has_one_sources_row_and_empty_child_tables():
    failed = failed_result("gone.txt", "gone.txt: file vanished")
    tables = source_tables(failed, table_columns(), "v")
    assert tables["sources"].column("status").to_pylist() == ["failed"]
    assert all(tables[name].num_rows == 0 for name in CHILD_TABLES)


def test_concat_stacks_sources_even_where_one_column_is_all_null(sample_result):
    failed = source_tables(failed_result("gone.txt", "gone.txt: file vanished"), table_columns(), "v")
    both = concat([failed, source_tables(sample_result, table_columns(), "v")])
    assert both["sources"].num_rows == 2 and both["facts"].num_rows == len(sample_result.facts)


def test_colliding_ids_make_the_source_fail_in_the_worker_not_the_batch(sample_result):
    spoiled = SourceResult(sample_result.source, sample_result.text, sample_result.documents,
                           sample_result.sections, [*sample_result.facts, sample_result.facts[0]], sample_result.checks)
    result = guarded(prepare_load_stage, spoiled, "v")
    assert result.failed and result.tables is None
    assert f"duplicate fact_id '{sample_result.facts[0].fact_id}'" in result.source.error


def test_the_load_inserts_the_prepared_tables(tmp_path, sample_result):
    prepared = prepare_load_stage(
        SourceResult(sample_result.source, sample_result.text, sample_result.documents, sample_result.sections,
                     sample_result.facts, sample_result.checks), "prepared-version")
    con = connect(tmp_path / "w.duckdb")
    try:
        load_sources(con, [prepared], pipeline_version="ignored-when-prepared")
        assert con.execute("SELECT pipeline_version FROM sources").fetchall() == [("prepared-version",)]
        assert con.execute("SELECT count(*) FROM facts").fetchone()[0] == len(sample_result.facts)
    finally:
        con.close()


def test_a_prepared_result_holds_tables_only_and_counts_as_before(sample_result):
    copy = SourceResult(sample_result.source, sample_result.text, sample_result.documents, sample_result.sections,
                        sample_result.facts, sample_result.checks)
    before = ({t: copy.count(t) for t in CHILD_TABLES}, copy.kinds())
    prepared = prepare_load_stage(copy, "v")
    assert (prepared.text, prepared.facts, prepared.documents) == (None, [], [])
    assert ({t: prepared.count(t) for t in CHILD_TABLES}, prepared.kinds()) == before
    assert sum(before[1].values()) == len(sample_result.facts) > 0
