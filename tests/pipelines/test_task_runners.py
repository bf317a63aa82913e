"""The flow on other task runners: a 2-worker Dask LocalCluster, a process pool."""
from __future__ import annotations

import duckdb
import pytest

from pipelines.flow import ingest
from pipelines.runners import make_task_runner

pytestmark = pytest.mark.flow


def _facts(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*), count(DISTINCT source_path) FROM facts").fetchone()
    finally:
        con.close()


@pytest.fixture()
def two_reports(tmp_path, sample_path, sample_text):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(sample_text, encoding="utf-8")
    (inbox / "b.txt").write_text(sample_text.replace("14个村", "15个村"), encoding="gb18030")
    return inbox


def test_dask_local_cluster_with_two_workers(prefect_harness, tmp_path, two_reports):
    db = tmp_path / "dask.duckdb"
    summary = ingest([str(two_reports)], db=str(db), batch_size=1, task_runner="dask",
                     workers=2, cache=False)
    assert summary.loaded == 2 and not summary.failures
    assert _facts(db) == (2 * 230, 2)


def test_threads_and_processes_load_the_same(prefect_harness, tmp_path, two_reports):
    counts = []
    for kind in ("threads", "processes"):
        db = tmp_path / f"{kind}.duckdb"
        summary = ingest([str(two_reports)], db=str(db), batch_size=1, task_runner=kind, cache=False)
        assert summary.loaded == 2
        counts.append(_facts(db))
    assert counts[0] == counts[1] == (2 * 230, 2)


def test_unknown_runner_is_refused():
    with pytest.raises(ValueError, match="threads, processes, dask"):
        make_task_runner("spark")
