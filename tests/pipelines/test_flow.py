"""The Prefect flow end to end under the test harness: load, re-run, failures."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from pipelines.flow import ingest

pytestmark = pytest.mark.flow


def _counts(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("sources", "documents", "sections", "facts", "checks")}
    finally:
        con.close()


def test_ingest_then_rerun_changes_nothing(prefect_harness, tmp_path, sample_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(sample_path, inbox / sample_path.name)
    (inbox / "empty.txt").write_bytes(b"")
    db = tmp_path / "w.duckdb"

    first = ingest([str(inbox)], db=str(db))
    assert first.loaded == 1 and first.facts > 100
    assert [f.source_path for f in first.failures] == [str(inbox / "empty.txt")]
    assert "empty" in first.failures[0].error
    counts = _counts(db)

    second = ingest([str(inbox)], db=str(db))
    assert second.skipped == 1 and second.loaded == 0
    assert _counts(db) == counts

    con = duckdb.connect(str(db), read_only=True)
    try:
        statuses = dict(con.execute("SELECT source_path, status FROM sources").fetchall())
        runs = con.execute("SELECT count(*), count(flow_run_id) FROM runs").fetchone()
    finally:
        con.close()
    assert statuses == {str(inbox / sample_path.name): "loaded", str(inbox / "empty.txt"): "failed"}
    assert runs == (2, 2)


def test_runs_command_lists_runs_newest_first(prefect_harness, tmp_path, sample_path, capsys):
    from huibao.cli import main

    db = tmp_path / "w.duckdb"
    first = ingest([str(sample_path)], db=str(db))
    second = ingest([str(sample_path)], db=str(db))
    assert main(["runs", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:2] == ["run_id", "started_at"]
    assert [line.split()[0] for line in lines[1:]] == [second.run_id, first.run_id]
    assert lines[1].split()[-4:] == ["1", "0", "0", "completed"]


def test_run_artifacts_are_published(prefect_harness, tmp_path, sample_path):
    import asyncio

    from prefect.client.orchestration import get_client

    ingest([str(sample_path)], db=str(tmp_path / "w.duckdb"))

    async def latest(key):
        async with get_client() as client:
            return await client.read_latest_artifacts() if key is None else [
                a for a in await client.read_latest_artifacts() if a.key == key]

    (markdown,) = asyncio.run(latest("huibao-ingest-summary"))
    assert "Facts per kind" in markdown.data and "village_count" in markdown.data
    (table,) = asyncio.run(latest("huibao-ingest-sources"))
    assert table.type == "table"


def test_a_changed_file_replaces_its_rows(prefect_harness, tmp_path, sample_text):
    report = tmp_path / "r.txt"
    report.write_text("全村共有农户516户,党员34人。", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    ingest([str(report)], db=str(db))
    assert _counts(db)["facts"] == 2
    report.write_text("全村共有农户520户。", encoding="gb18030")
    summary = ingest([str(report)], db=str(db))
    assert summary.loaded == 1
    con = duckdb.connect(str(db), read_only=True)
    try:
        facts = con.execute("SELECT text, value FROM facts").fetchall()
        encoding = con.execute("SELECT encoding FROM sources").fetchone()[0]
    finally:
        con.close()
    assert facts == [("520户", 520.0)]
    assert encoding == "gb18030"
