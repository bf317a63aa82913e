"""warehouse_writer / open_reader: copy, load, swap; who waits for whom; crash leftovers."""
from __future__ import annotations

import fcntl
import os
import pickle
import signal
import subprocess
import sys
import textwrap

import duckdb
import pytest

from pipelines.process import process_path
from pipelines.warehouse import (
    WarehouseBusyError,
    connect,
    load_source,
    lock_timeout,
    open_reader,
    row_counts,
    warehouse_writer,
)


def _facts(db) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM facts").fetchone()[0]
    finally:
        con.close()


def _load(con, result) -> None:
    load_source(con, result.source, result.documents, result.sections, result.facts,
                result.checks, text=result.text, pipeline_version="test")


def _other_process(code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), *map(str, args)],
                          capture_output=True, text=True, timeout=60)


def test_a_new_warehouse_appears_only_when_the_writer_finishes(tmp_path, sample_result):
    db = tmp_path / "w.duckdb"
    with warehouse_writer(db) as con:
        _load(con, sample_result)
        assert not db.exists()
        [temp] = tmp_path.glob("w.duckdb.*.tmp")
        assert temp.parent == db.parent  # same folder: the rename is atomic
    assert _facts(db) == len(sample_result.facts)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.duckdb", "w.duckdb.lock"]


def test_an_error_inside_the_writer_leaves_the_live_file_as_it_was(tmp_path, sample_result):
    db = tmp_path / "w.duckdb"
    with warehouse_writer(db) as con:
        _load(con, sample_result)
    before = db.read_bytes()
    with pytest.raises(RuntimeError, match="boom"):
        with warehouse_writer(db) as con:
            con.execute("DELETE FROM facts")
            raise RuntimeError("boom")
    assert db.read_bytes() == before
    assert not list(tmp_path.glob("*.tmp*"))


def test_copies_left_by_a_killed_writer_are_removed_and_nothing_else(tmp_path, sample_result):
    db = tmp_path / "w.duckdb"
    stale = [tmp_path / "w.duckdb.0123456789ab.tmp", tmp_path / "w.duckdb.0123456789ab.tmp.wal"]
    keep = [tmp_path / "w.duckdb.backup.tmp", tmp_path / "other.duckdb.0123456789ab.tmp"]
    for path in stale + keep:
        path.write_bytes(b"left over")
    spill = tmp_path / "w.duckdb.0123456789ab.tmp.tmp"  # DuckDB's spill folder of that copy
    spill.mkdir()
    (spill / "duckdb_temp_storage-0.tmp").write_bytes(b"spilled")
    with warehouse_writer(db) as con:
        _load(con, sample_result)
    assert not any(p.exists() for p in [*stale, spill])
    assert all(p.exists() for p in keep)


def test_a_session_opened_before_the_swap_keeps_its_snapshot(tmp_path, sample_result):
    db = tmp_path / "w.duckdb"
    with warehouse_writer(db) as con:
        _load(con, sample_result)
    code = """
        import sys, duckdb
        con = duckdb.connect(sys.argv[1], read_only=True)
        print(con.execute("SELECT count(*) FROM facts").fetchone()[0], flush=True)
        sys.stdin.readline()  # the test says when the swap is done
        print(con.execute("SELECT count(*) FROM facts").fetchone()[0], flush=True)
    """
    reader = subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), str(db)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    first = reader.stdout.readline().strip()
    with warehouse_writer(db) as con:
        con.execute("DELETE FROM facts")
    second, _ = reader.communicate("swapped\n", timeout=30)
    assert first == second.strip() == str(len(sample_result.facts))
    assert _facts(db) == 0


def test_while_writing_other_processes_can_read_but_not_write(tmp_path, sample_result):
    db = tmp_path / "w.duckdb"
    with warehouse_writer(db) as con:
        _load(con, sample_result)
    with warehouse_writer(db) as con:
        con.execute("DELETE FROM facts")
        read = _other_process("""
            import sys, duckdb
            print(duckdb.connect(sys.argv[1], read_only=True).execute("SELECT count(*) FROM facts").fetchone()[0])
        """, db)
        write = _other_process("import sys, duckdb; duckdb.connect(sys.argv[1])", db)
    assert read.stdout.strip() == str(len(sample_result.facts)), read.stderr
    assert write.returncode != 0 and "Could not set lock" in write.stderr


_HOLD_READ_WRITE = """
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1])
    print("holding", flush=True)
    time.sleep(60)
"""


@pytest.fixture()
def read_write_holder(tmp_path, sample_result):
    """A warehouse held open read-write by another process."""
    db = tmp_path / "w.duckdb"
    with warehouse_writer(db) as con:
        _load(con, sample_result)
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(_HOLD_READ_WRITE), str(db)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding"
    yield db, holder.pid
    holder.send_signal(signal.SIGKILL)
    holder.communicate()


def test_a_read_write_session_elsewhere_makes_writers_and_readers_give_up(read_write_holder):
    db, pid = read_write_holder
    before = db.read_bytes()
    with pytest.raises(WarehouseBusyError) as writer_error:
        with warehouse_writer(db, timeout=0.5):
            pytest.fail("the writer must not get the warehouse")
    with pytest.raises(WarehouseBusyError) as reader_error:
        open_reader(db, timeout=0.5)
    for error in (writer_error.value, reader_error.value):
        assert str(error).startswith(f"{db}: the warehouse is held open for writing")
        assert f"(PID {pid})" in str(error) and "waited 0.5 s" in str(error)
    assert db.read_bytes() == before
    assert not list(db.parent.glob("*.tmp*"))


def test_a_second_writer_waits_for_the_first_then_names_it(tmp_path):
    db = tmp_path / "w.duckdb"
    with warehouse_writer(db):
        pass
    # Another writer holds the writer lock (as a running `huibao ingest` would).
    fd = os.open(tmp_path / "w.duckdb.lock", os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.pwrite(fd, b"4242\n", 0)
        with pytest.raises(WarehouseBusyError, match=r"another huibao ingest \(PID 4242\) is writing"):
            with warehouse_writer(db, timeout=0.3):
                pass
    finally:
        os.close(fd)
    with warehouse_writer(db, timeout=0.3):  # free again
        pass


def test_a_write_ahead_log_left_by_a_crashed_session_is_kept(tmp_path, sample_result):
    db = tmp_path / "w.duckdb"
    with warehouse_writer(db) as con:
        _load(con, sample_result)
    crashed = subprocess.Popen([sys.executable, "-c", textwrap.dedent("""
        import os, sys, duckdb
        con = duckdb.connect(sys.argv[1])
        con.execute("PRAGMA disable_checkpoint_on_shutdown")
        con.execute("DELETE FROM facts WHERE kind = 'money'")
        print("written", flush=True)
        os.kill(os.getpid(), 9)
    """), str(db)], stdout=subprocess.PIPE, text=True)
    assert crashed.stdout.readline().strip() == "written"
    crashed.wait()
    assert (tmp_path / "w.duckdb.wal").exists()
    money = sum(f.kind == "money" for f in sample_result.facts)
    with warehouse_writer(db) as con:
        assert con.execute("SELECT count(*) FROM facts").fetchone()[0] == len(sample_result.facts) - money
    assert not (tmp_path / "w.duckdb.wal").exists()
    assert _facts(db) == len(sample_result.facts) - money


def test_open_reader_is_read_only_and_needs_a_warehouse(tmp_path, sample_result):
    with pytest.raises(FileNotFoundError, match="huibao ingest"):
        open_reader(tmp_path / "none.duckdb")
    assert not (tmp_path / "none.duckdb").exists()
    db = tmp_path / "w.duckdb"
    with warehouse_writer(db) as con:
        _load(con, sample_result)
    con = open_reader(db)
    try:
        assert row_counts(con)["facts"] == len(sample_result.facts)
        with pytest.raises(duckdb.Error, match="read-only"):
            con.execute("DELETE FROM facts")
    finally:
        con.close()


def test_the_same_bytes_under_two_names_load_as_two_sources(tmp_path, sample_path):
    copies = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for copy in copies:
        copy.write_bytes(sample_path.read_bytes())
    db = tmp_path / "w.duckdb"
    with warehouse_writer(db) as con:
        for copy in copies:
            _load(con, process_path(str(copy), None))
        counts = row_counts(con)
    single = process_path(str(copies[0]), None)
    assert counts["sources"] == 2 and counts["facts"] == 2 * len(single.facts)


def test_lock_timeout_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv("HUIBAO_LOCK_TIMEOUT", raising=False)
    assert lock_timeout() == 60.0
    monkeypatch.setenv("HUIBAO_LOCK_TIMEOUT", "2.5")
    assert lock_timeout() == 2.5
    monkeypatch.setenv("HUIBAO_LOCK_TIMEOUT", "soon")
    with pytest.raises(ValueError, match="HUIBAO_LOCK_TIMEOUT"):
        lock_timeout()


def test_busy_error_survives_pickling():
    error = WarehouseBusyError("w.duckdb", "held open")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.path, copy.reason, str(copy)) == ("w.duckdb", "held open", "w.duckdb: held open")


def test_the_writer_bounds_duckdb_memory_from_the_environment(tmp_path, monkeypatch, sample_result):
    db = tmp_path / "w.duckdb"

    def limit() -> str:
        with warehouse_writer(db) as con:
            return con.execute("SELECT current_setting('memory_limit')").fetchone()[0]

    monkeypatch.delenv("HUIBAO_DUCKDB_MEMORY", raising=False)
    assert limit() == "244.1 MiB"  # 256MB, as DuckDB shows it
    monkeypatch.setenv("HUIBAO_DUCKDB_MEMORY", "512MiB")
    assert limit() == "512.0 MiB"
    with warehouse_writer(db) as con:
        _load(con, sample_result)
    before = db.read_bytes()
    monkeypatch.setenv("HUIBAO_DUCKDB_MEMORY", "lots")
    with pytest.raises(ValueError, match=r"'lots' \(\$HUIBAO_DUCKDB_MEMORY\)"):
        limit()
    assert db.read_bytes() == before
    assert not list(tmp_path.glob("*.tmp*"))


def test_duckdb_leaves_syncing_the_copy_to_the_writer_which_fsyncs_it_before_the_swap(tmp_path, monkeypatch,
                                                                                        sample_result):
    db = tmp_path / "w.duckdb"
    synced: list[str] = []
    real_fsync = os.fsync

    def recording_fsync(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    with warehouse_writer(db) as con:
        assert con.execute("SELECT current_setting('fsync_mode')").fetchone()[0] == "NONE"
        _load(con, sample_result)
        [temp] = tmp_path.glob("w.duckdb.*.tmp")
        monkeypatch.setattr(os, "fsync", recording_fsync)
    assert synced == [str(temp), str(tmp_path)]  # the copy's bytes, then the rename
    assert _facts(db) == len(sample_result.facts)
    in_place = connect(tmp_path / "in-place.duckdb")
    try:
        assert in_place.execute("SELECT current_setting('fsync_mode')").fetchone()[0] == "STANDARD"
    finally:
        in_place.close()
