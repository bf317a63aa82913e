"""The runs table: a run recorded at its end, listed newest first (`huibao runs`)."""
from __future__ import annotations

from datetime import datetime

from huibao.commands import run_list_runs
from pipelines.warehouse import list_runs, open_reader, record_run


def test_recorded_runs_are_listed_newest_first(tmp_path, capsys):
    db = tmp_path / "w.duckdb"
    record_run(db, "aaaaaaaaaaaa", None, datetime(2026, 1, 1, 2, 30), sources=3, facts=40, failures=0)
    record_run(db, "bbbbbbbbbbbb", "flow-1", datetime(2026, 1, 2, 2, 30), sources=4, facts=41, failures=1)
    con = open_reader(db)
    try:
        runs = list_runs(con, 5)
        assert [(r.run_id, r.flow_run_id, r.sources, r.facts, r.failures, r.status) for r in runs] == [
            ("bbbbbbbbbbbb", "flow-1", 4, 41, 1, "failed"), ("aaaaaaaaaaaa", None, 3, 40, 0, "completed")]
        assert all(run.ended_at > run.started_at for run in runs)
        assert [r.run_id for r in list_runs(con, 1)] == ["bbbbbbbbbbbb"]
    finally:
        con.close()
    assert run_list_runs(db, 1) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and out[1].startswith("bbbbbbbbbbbb  2026-01-02 02:30:00") and out[1].endswith("failed")
