"""A source's rows as Arrow tables: columns, constants, id checks, and their use by the load."""
from __future__ import annotations

import pickle

import pyarrow as pa
import pytest

from pipelines.process import SourceResult, failed_result, guarded, prepare_load_batch, prepare_load_stage, process_path
from pipelines.warehouse import CHILD_TABLES, connect, load_sources, source_tables, stack, table_schemas


@pytest.fixture(scope="module")
def tables(sample_result):
    return source_tables(sample_result, table_schemas(), "v-test")


def test_every_table_has_the_warehouse_columns_in_order_and_types(tables):
    assert set(tables) == {"sources", *CHILD_TABLES}
    assert {name: t.schema for name, t in tables.items()} == {name: table_schemas()[name] for name in tables}


@pytest.mark.parametrize(("table", "column", "arrow_type"), [
    ("facts", "fact_id", pa.string()),
    ("facts", "char_start", pa.int32()),
    ("facts", "value_max", pa.float64()),
    ("sources", "loaded_at", pa.timestamp("us")),
    ("sources", "error", pa.string()),  # all NULL for a loaded source, still typed
])
def test_columns_take_the_arrow_type_of_their_duckdb_type(tables, table, column, arrow_type):
    assert tables[table].schema.field(column).type == arrow_type


def test_the_schemas_follow_the_tables_ddl(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    try:
        declared = {(t, c): d for t, c, d in con.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns").fetchall()}
    finally:
        con.close()
    duckdb_of = {pa.string(): "VARCHAR", pa.int32(): "INTEGER", pa.float64(): "DOUBLE", pa.timestamp("us"): "TIMESTAMP"}
    for table, schema in table_schemas().items():
        assert [(f.name, duckdb_of[f.type]) for f in schema] == [(f.name, declared[table, f.name]) for f in schema]


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
    tables = source_tables(failed, table_schemas(), "v")
    assert tables["sources"].column("status").to_pylist() == ["failed"]
    assert all(tables[name].num_rows == 0 for name in CHILD_TABLES)


def _copy(result: SourceResult) -> SourceResult:
    return SourceResult(result.source, result.text, result.documents, result.sections, result.facts, result.checks)


def test_stack_puts_sources_together_even_where_one_column_is_all_null(sample_result):
    failed = failed_result("gone.txt", "gone.txt: file vanished")
    rows = stack([failed, sample_result], table_schemas(), "v")
    assert rows.paths == ("gone.txt", sample_result.source.source_path)
    assert rows.tables["sources"].column("status").to_pylist() == ["failed", "loaded"]
    assert rows.tables["facts"].num_rows == len(sample_result.facts)
    assert rows.size == sum(t.get_total_buffer_size() for t in rows.tables.values())


def test_stack_casts_a_table_built_to_other_types(tables, sample_result):
    inferred = {name: pa.Table.from_pylist(t.to_pylist()) if t.num_rows else t for name, t in tables.items()}
    assert inferred["facts"].schema.field("char_start").type == pa.int64()
    other = _copy(sample_result)
    other.tables = inferred
    rows = stack([other, _copy(sample_result)], table_schemas(), "v")
    assert {name: t.schema for name, t in rows.tables.items()} == {name: table_schemas()[name] for name in rows.tables}
    assert rows.tables["facts"].column("char_start").to_pylist() == 2 * tables["facts"].column("char_start").to_pylist()


def test_stacked_tables_come_in_contiguous_chunks_of_2048_rows(sample_result):
    copies = 2048 // len(sample_result.facts) + 2  # more than one chunk's worth of facts
    rows = stack([_copy(sample_result) for _ in range(copies)], table_schemas(), "v")
    facts = rows.tables["facts"]
    assert [len(chunk) for chunk in facts.column("fact_id").chunks] == [2048, facts.num_rows - 2048]
    assert rows.tables["sources"].column("source_path").num_chunks == 1


def test_a_batch_stacked_on_the_worker_is_taken_as_it_is(sample_result):
    batch = [_copy(sample_result), failed_result("gone.txt", "gone.txt: file vanished"), _copy(sample_result)]
    before = [(r.count("facts"), r.kinds()) for r in batch]
    prepared = prepare_load_batch(batch, "v")
    assert [(r.count("facts"), r.kinds()) for r in prepared] == before
    assert all(r.stacked is prepared[0].stacked for r in prepared)
    assert stack(prepared, table_schemas(), "v") is prepared[0].stacked
    assert all(r.tables is None and r.facts == [] and r.text is None for r in prepared)  # only the stacked rows
    rows = prepared[0].stacked.tables
    assert rows["facts"].column("fact_id").to_pylist() == 2 * [f.fact_id for f in sample_result.facts]
    assert rows["sources"].column("pipeline_version").to_pylist() == ["v"] * 3


def test_part_of_a_prepared_batch_is_stacked_anew_from_its_rows(tmp_path, sample_path, sample_result):
    other_path = tmp_path / "other.txt"
    other_path.write_bytes(sample_path.read_bytes())
    batch = [_copy(sample_result), failed_result("gone.txt", "gone.txt: file vanished"),
             process_path(str(other_path), None)]
    prepared = prepare_load_batch(batch, "v")
    for other in (prepared[:2], [prepared[2], prepared[0]]):
        rows = stack(other, table_schemas(), "v")
        assert rows is not prepared[0].stacked and rows.paths == tuple(r.source.source_path for r in other)
        assert rows.tables["sources"].column("source_path").to_pylist() == list(rows.paths)
        assert rows.tables["facts"].num_rows == sum(r.count("facts") for r in other)
        assert rows.tables["facts"].column("source_path").unique().to_pylist() == [
            p for p in rows.paths if p != "gone.txt"]


def test_a_prepared_batch_pickles_to_about_its_size_and_keeps_one_set_of_rows(sample_result):
    prepared = prepare_load_batch([_copy(sample_result) for _ in range(3 * 2048 // len(sample_result.facts))], "v")
    rows = prepared[0].stacked
    assert rows.tables["facts"].column("fact_id").num_chunks > 2  # chunks slicing one buffer
    pickled = pickle.dumps(prepared)
    assert len(pickled) < 1.2 * rows.size
    back = pickle.loads(pickled)
    assert all(r.stacked is back[0].stacked for r in back)
    assert back[0].stacked.tables == rows.tables and back[0].stacked.paths == rows.paths
    assert stack(back, table_schemas(), "v") is back[0].stacked


def test_colliding_ids_make_the_source_fail_in_the_worker_not_the_batch(sample_result):
    spoiled = SourceResult(sample_result.source, sample_result.text, sample_result.documents,
                           sample_result.sections, [*sample_result.facts, sample_result.facts[0]], sample_result.checks)
    result = guarded(prepare_load_stage, spoiled, "v")
    assert result.failed and result.tables is None
    assert f"duplicate fact_id '{sample_result.facts[0].fact_id}'" in result.source.error
    failed, fine = prepare_load_batch([spoiled, _copy(sample_result)], "v")
    assert failed.failed and failed.count("facts") == 0 and "duplicate fact_id" in failed.source.error
    assert not fine.failed and fine.count("facts") == len(sample_result.facts)


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
