"""The run's writer: batches land in one copy, which goes live every swap_seconds and at the end."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from pipelines.warehouse import BatchWriter
from pipelines.process import process_path


@pytest.fixture()
def sources(tmp_path, sample_path):
    """Three copies of the sample under their own names (processed without pkuseg)."""
    out = []
    for i in range(3):
        path = tmp_path / "in" / f"report_{i}.txt"
        path.parent.mkdir(exist_ok=True)
        shutil.copy(sample_path, path)
        out.append(process_path(str(path), None))
    return out


def _live_sources(db) -> int | None:
    if not db.exists():
        return None
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM sources").fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize(("swap_seconds", "live_after_each", "swaps"), [
    (0, [1, 2, 3], 3),  # every batch goes live at once
    (3600, [None, None, None], 1),  # all together, when the block ends
])
def test_batches_go_live_at_the_swap_pace(tmp_path, sources, swap_seconds, live_after_each, swaps):
    db = tmp_path / "w.duckdb"
    with BatchWriter(str(db), swap_seconds) as writer:
        seen = []
        for result in sources:
            writer.load([result], "v")
            seen.append(_live_sources(db))
    assert seen == live_after_each
    assert (_live_sources(db), writer.swaps) == (3, swaps)
    assert list(tmp_path.glob("w.duckdb.*.tmp*")) == []


def test_a_failing_run_keeps_the_batches_loaded_before_the_failure(tmp_path, sources):
    db = tmp_path / "w.duckdb"
    with pytest.raises(RuntimeError, match="task crashed"):
        with BatchWriter(str(db), 3600) as writer:
            writer.load(sources[:2], "v")
            raise RuntimeError("task crashed")
    assert _live_sources(db) == 2


def test_a_batch_the_load_refuses_leaves_the_copy_usable(tmp_path, sources):
    db = tmp_path / "w.duckdb"
    spoiled = type(sources[0])(sources[2].source, sources[2].text, sources[2].documents, sources[2].sections,
                               [*sources[2].facts, sources[2].facts[0]], sources[2].checks)
    with BatchWriter(str(db), 3600) as writer:
        writer.load(sources[:2], "v")
        with pytest.raises(ValueError, match="duplicate fact_id"):
            writer.load([spoiled], "v")
        writer.load([sources[2]], "v")
    assert _live_sources(db) == 3


def test_nothing_loaded_means_no_warehouse_and_no_swap(tmp_path):
    with BatchWriter(str(tmp_path / "w.duckdb"), 0) as writer:
        pass
    assert writer.swaps == 0 and not (tmp_path / "w.duckdb").exists()


def test_the_load_gives_back_the_interpreters_switch_interval(tmp_path, sources):
    import sys

    before = sys.getswitchinterval()
    with BatchWriter(str(tmp_path / "w.duckdb"), 0) as writer:
        writer.load(sources[:1], "v")
    assert sys.getswitchinterval() == before


def _megabytes(result) -> float:
    from pipelines.warehouse import source_tables
    from pipelines.warehouse import table_schemas

    return sum(t.get_total_buffer_size() for t in source_tables(result, table_schemas(), "v").values()) / 2**20


@pytest.mark.parametrize(("load_mb", "loads_before_the_end"), [
    (0, 3),  # every batch loaded as it comes
    (1.5, 1),  # the first two together once they pass 1.5 sources' worth; the third at the end
    (1000, 0),  # everything at the end
])
def test_batches_are_gathered_into_loads_of_load_mb(tmp_path, sources, load_mb, loads_before_the_end):
    db = tmp_path / "w.duckdb"
    with BatchWriter(str(db), 3600, load_mb=load_mb * _megabytes(sources[0])) as writer:
        for result in sources:
            writer.load([result], "v")
        assert writer.loads == loads_before_the_end
        assert _live_sources(db) is None  # nothing is live before the swap
    assert (_live_sources(db), writer.swaps, writer.loads) == (3, 1, loads_before_the_end + (load_mb != 0))


def test_a_swap_loads_what_is_gathered_first(tmp_path, sources):
    db = tmp_path / "w.duckdb"
    with BatchWriter(str(db), 3600, load_mb=1000) as writer:
        writer.load(sources[:2], "v")
        writer.swap()
        assert (_live_sources(db), writer.loads) == (2, 1)


def _facts_and_distinct_ids(db) -> tuple[int, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*), count(DISTINCT fact_id) FROM facts").fetchone()
    finally:
        con.close()


def test_a_batch_gathered_twice_is_loaded_once(tmp_path, sources):
    db = tmp_path / "w.duckdb"
    with BatchWriter(str(db), 3600, load_mb=1000) as writer:
        writer.load(sources[:1], "v")
        writer.load(sources[:1], "v")
        assert writer.gathered_bytes == pytest.approx(_megabytes(sources[0]) * 2**20)
    assert _facts_and_distinct_ids(db) == (len(sources[0].facts),) * 2
    assert writer.gathered_bytes == 0


def test_a_batch_whose_load_failed_is_loaded_once_when_handed_in_again(tmp_path, sources, monkeypatch):
    """What a retried load-warehouse task does: the failed load was rolled back."""
    import pipelines.warehouse.writer as batch_writer

    db = tmp_path / "w.duckdb"
    real_load, calls = batch_writer.load_rows, []

    def failing_once(con, batches):
        calls.append(sum(len(batch.paths) for batch in batches))
        if len(calls) == 1:
            raise OSError("disk hiccup")
        real_load(con, batches)

    monkeypatch.setattr(batch_writer, "load_rows", failing_once)
    with BatchWriter(str(db), 3600, load_mb=0) as writer:
        with pytest.raises(OSError, match="disk hiccup"):
            writer.load(sources[:2], "v")
        writer.load(sources[:2], "v")  # the retry
        writer.load(sources[2:], "v")
    assert calls == [2, 2, 1]
    assert _facts_and_distinct_ids(db) == (3 * len(sources[0].facts),) * 2


def test_after_a_failed_swap_the_writer_refuses_to_go_on(tmp_path, sources, monkeypatch):
    """The copy is gone with what was loaded into it: a retried task must not report those
    sources loaded; the run stops, and the next one loads them (they are not live)."""
    from contextlib import contextmanager

    import pipelines.warehouse.writer as batch_writer

    real_writer = batch_writer.warehouse_writer

    @contextmanager
    def failing_swap(db):
        with real_writer(db) as con:
            yield con
            raise OSError("No space left on device")  # as if CHECKPOINT or fsync failed

    monkeypatch.setattr(batch_writer, "warehouse_writer", failing_swap)
    db = tmp_path / "w.duckdb"
    writer = BatchWriter(str(db), 3600, load_mb=0)
    writer.load(sources[:1], "v")
    with pytest.raises(OSError, match="No space left"):
        writer.swap()
    for attempt in (lambda: writer.load(sources[1:2], "v"), writer.swap, writer.flush):
        with pytest.raises(RuntimeError, match="not in the warehouse"):
            attempt()
    assert writer.swaps == 0 and not db.exists()


def test_a_source_handed_in_again_in_another_batch_is_loaded_once(tmp_path, sources):
    db = tmp_path / "w.duckdb"
    with BatchWriter(str(db), 3600, load_mb=1000) as writer:
        writer.load(sources[:2], "v")
        writer.load(sources[1:], "v")  # sources[1] again: the first batch goes into the copy first
        assert writer.loads == 1
    assert writer.loads == 2
    assert _live_sources(db) == 3
    assert _facts_and_distinct_ids(db) == (3 * len(sources[0].facts),) * 2


def test_a_batch_prepared_on_the_workers_is_gathered_as_it_is(tmp_path, sources):
    from pipelines.process import prepare_load_batch

    facts = sum(len(result.facts) for result in sources)
    prepared = prepare_load_batch(sources, "v")
    db = tmp_path / "w.duckdb"
    with BatchWriter(str(db), 3600, load_mb=1000) as writer:
        writer.load(prepared, "v")
        assert writer.gathered_bytes == prepared[0].stacked.size
    assert _facts_and_distinct_ids(db) == (facts, facts)
