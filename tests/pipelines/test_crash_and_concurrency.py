"""Real `huibao ingest` processes: killed at any point, next to analysts' sessions.

(a) SIGKILL at several points leaves a warehouse that opens, holds whole sources only
    (each with exactly the rows a clean run gives it), and the next run completes it.
(b) A read-only session in another process keeps working through a load and keeps its
    snapshot; a session opened afterwards sees the new rows.
(c) A process holding the warehouse read-write makes the load wait, then fail within the
    bound with a clear message and a non-zero exit, the live file untouched.
(d) Bad files (empty, binary, undecodable, an over-long line, unreadable, vanished) fail
    one by one, each printed with its reason; the good file loads; the exit code is 1.

One Prefect server serves every ingest process of this module (an ephemeral server per
process would add ~8 s each). About a minute in all: marked `slow`.
"""
from __future__ import annotations

import hashlib
import os
import random
import re
import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from pipelines.process import process_path
from pipelines.warehouse import load_source, warehouse_writer

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
COPIES = 40
BATCH = 8
TABLES = ("documents", "sections", "facts", "checks")
# Long digit runs are figures, not heading markers: varying one keeps the structure.
_FIGURE = re.compile(r"[0-9]{3,}")


def _vary(text: str, seed: int) -> str:
    rng = random.Random(seed)
    figures = list(_FIGURE.finditer(text))
    chars = list(text)
    for match in rng.sample(figures, 12):
        last = match.end() - 1
        chars[last] = str((int(chars[last]) + rng.randint(1, 9)) % 10)
    return "".join(chars)


class _ServerEnv(dict):
    """The environment for ingest processes; waits for the server on first use, so that
    the server starts while the corpus and the reference counts are being made."""

    def __init__(self, env: dict, server: subprocess.Popen, log: Path):
        super().__init__(env)
        self._server, self._log, self._ready = server, log, False

    def ready(self) -> "_ServerEnv":
        deadline = time.monotonic() + 60
        while not self._ready:
            try:
                urllib.request.urlopen(f"{self['PREFECT_API_URL']}/health", timeout=1).read()
                self._ready = True
            except OSError:
                if self._server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(self._log.read_text(errors="replace")[-2000:]) from None
                time.sleep(0.2)
        return self


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory):
    """A Prefect API for the ingest processes; environment for them to use it."""
    home = tmp_path_factory.mktemp("prefect-home")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    log = open(home / "server.log", "wb")
    server = subprocess.Popen([BIN / "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                              env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/api"
    try:
        yield _ServerEnv({**env, "PREFECT_API_URL": url}, server, home / "server.log")
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # the group this fixture started
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, sample_text):
    """COPIES varied copies of the sample (a few seconds of work for the flow)."""
    folder = tmp_path_factory.mktemp("inbox")
    for i in range(COPIES):
        (folder / f"report_{i:02d}.txt").write_text(_vary(sample_text, i), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def reference(corpus, segment):
    """Rows per source and table that a clean run produces (the same stages, in-process)."""
    counts = {}
    for path in sorted(corpus.iterdir()):
        result = process_path(str(path), segment)
        assert not result.failed
        counts[str(path)] = {t: len(getattr(result, t)) for t in TABLES}
    return counts


def _ingest(env: _ServerEnv, db: Path, *paths: Path, extra_env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [BIN / "huibao", "ingest", *map(str, paths), "--db", str(db), "--no-progress",
         "--batch-size", str(BATCH), "--swap-seconds", "0"],
        env={**env.ready(), **(extra_env or {})}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        start_new_session=True)


def _kill(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGKILL)
    process.communicate()


def _temp_copies(db: Path) -> list[Path]:
    return sorted(db.parent.glob(db.name + ".*.tmp*"))


def _wait_for(condition, process: subprocess.Popen, what: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if process.poll() is not None:
            out, err = process.communicate()
            pytest.fail(f"ingest ended (exit {process.returncode}) before {what}:\n{err.decode()[-3000:]}")
        if time.monotonic() > deadline:
            _kill(process)
            pytest.fail(f"no {what} within {timeout} s")
        time.sleep(0.005)


def _per_source(db: Path) -> dict[str, dict[str, int]]:
    """Rows per loaded source, after checking that every row hangs together."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        for table in ("sections", "facts", "checks"):
            orphans = con.execute(f"SELECT count(*) FROM {table} t LEFT JOIN documents d USING (doc_id) "
                                  "WHERE d.doc_id IS NULL OR d.source_path <> t.source_path").fetchone()[0]
            assert orphans == 0, f"{table} rows without their document"
        stray = con.execute("SELECT count(*) FROM documents d LEFT JOIN sources s USING (source_path) "
                            "WHERE s.status IS DISTINCT FROM 'loaded'").fetchone()[0]
        assert stray == 0, "documents of a source that is not loaded"
        loaded = [r[0] for r in con.execute("SELECT source_path FROM sources WHERE status = 'loaded'").fetchall()]
        counts = {path: dict.fromkeys(TABLES, 0) for path in loaded}
        for table in TABLES:
            for path, n in con.execute(f"SELECT source_path, count(*) FROM {table} GROUP BY ALL").fetchall():
                counts[path][table] = n
        return counts
    finally:
        con.close()


def _assert_whole_sources(db: Path, reference) -> dict:
    counts = _per_source(db)
    assert counts == {path: reference[path] for path in counts}
    return counts


def test_killed_runs_leave_whole_sources_and_the_next_run_completes(prefect_server, corpus, reference, tmp_path):
    db = tmp_path / "w.duckdb"

    # 1. Killed while starting up: nothing written.
    run = _ingest(prefect_server, db, corpus)
    time.sleep(1.5)
    _kill(run)
    assert not db.exists()

    # 2. Killed while its first batch is in the copy: no warehouse yet, a stale copy left.
    run = _ingest(prefect_server, db, corpus)
    _wait_for(lambda: _temp_copies(db), run, "copy of the warehouse")
    _kill(run)
    assert not db.exists()

    # 3. Killed while loading a later batch: the earlier batches are there, whole.
    run = _ingest(prefect_server, db, corpus)
    _wait_for(db.exists, run, "first swap")
    _wait_for(lambda: _temp_copies(db), run, "second copy")
    _kill(run)
    assert _temp_copies(db), "the killed load's copy is still there"
    partial = _assert_whole_sources(db, reference)
    assert 0 < len(partial) < COPIES and len(partial) % BATCH == 0

    # 4. The next run loads what is missing, skips the rest and cleans up.
    run = _ingest(prefect_server, db, corpus)
    out, err = run.communicate(timeout=180)
    assert run.returncode == 0, err.decode()[-3000:]
    assert f"{COPIES - len(partial)} loaded, {len(partial)} unchanged" in out.decode()
    assert _assert_whole_sources(db, reference) == reference
    assert _temp_copies(db) == []
    con = duckdb.connect(str(db), read_only=True)
    try:
        totals = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        runs = con.execute("SELECT count(*) FROM runs").fetchone()[0]
    finally:
        con.close()
    assert totals == {t: sum(c[t] for c in reference.values()) for t in TABLES}
    assert runs == 1  # only the run that completed recorded itself


_READER = textwrap.dedent("""
    import sys, time, duckdb
    db, go = sys.argv[1], sys.argv[2]
    con = duckdb.connect(db, read_only=True)
    print("first", con.execute("SELECT count(*) FROM facts").fetchone()[0], flush=True)
    deadline = time.monotonic() + 120
    while not __import__("os").path.exists(go) and time.monotonic() < deadline:
        time.sleep(0.05)
    print("second", con.execute("SELECT count(*) FROM facts").fetchone()[0], flush=True)
""")

_WRITER = textwrap.dedent("""
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1])
    print("holding", flush=True)
    time.sleep(120)
""")


def _seed_warehouse(db: Path, path: Path, segment) -> int:
    result = process_path(str(path), segment)
    with warehouse_writer(db) as con:
        load_source(con, result.source, result.documents, result.sections, result.facts,
                    result.checks, text=result.text, pipeline_version="seed")
    return len(result.facts)


def test_a_read_only_session_elsewhere_survives_a_load(prefect_server, corpus, reference, segment, tmp_path):
    db, go = tmp_path / "w.duckdb", tmp_path / "go"
    files = sorted(corpus.iterdir())
    seeded = _seed_warehouse(db, files[0], segment)
    reader = subprocess.Popen([sys.executable, "-c", _READER, str(db), str(go)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = reader.stdout.readline().split()
        assert first == ["first", str(seeded)], reader.stderr.read() if not first else first
        run = _ingest(prefect_server, db, *files[1:4])
        out, err = run.communicate(timeout=180)
        assert run.returncode == 0, err.decode()[-3000:]
        assert "3 loaded" in out.decode()
    finally:
        go.touch()
        second, reader_err = reader.communicate(timeout=30)
    assert reader.returncode == 0, reader_err
    assert second.split() == ["second", str(seeded)]  # its snapshot, through the swap
    fresh = duckdb.connect(str(db), read_only=True)
    try:
        facts = fresh.execute("SELECT count(*) FROM facts").fetchone()[0]
    finally:
        fresh.close()
    assert facts == seeded + sum(reference[str(f)]["facts"] for f in files[1:4])


def test_a_read_write_session_elsewhere_makes_the_load_fail_within_the_bound(prefect_server, corpus, segment, tmp_path):
    db = tmp_path / "w.duckdb"
    files = sorted(corpus.iterdir())
    _seed_warehouse(db, files[0], segment)
    before = (db.stat().st_ino, db.stat().st_mtime_ns, hashlib.sha256(db.read_bytes()).hexdigest())
    holder = subprocess.Popen([sys.executable, "-c", _WRITER, str(db)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        started = time.monotonic()
        run = _ingest(prefect_server, db, files[1], extra_env={"HUIBAO_LOCK_TIMEOUT": "2"})
        out, err = run.communicate(timeout=120)
        elapsed = time.monotonic() - started
        after = (db.stat().st_ino, db.stat().st_mtime_ns, hashlib.sha256(db.read_bytes()).hexdigest())
    finally:
        holder.kill()  # the holder this test started
        holder.communicate()
    message = err.decode()
    assert run.returncode == 3, message[-3000:]
    assert f"huibao: warehouse not loaded, left as it was: {db}: the warehouse is held open for writing" in message
    assert f"(PID {holder.pid})" in message and "waited 2 s" in message and "HUIBAO_LOCK_TIMEOUT" in message
    assert elapsed < 40  # start-up (~10 s) plus the 2 s bound, not the default 60 s
    assert after == before
    assert _temp_copies(db) == []


def test_the_command_loads_the_good_files_and_lists_every_bad_one(prefect_server, corpus, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = inbox / "good.txt"
    good.write_bytes((corpus / "report_00.txt").read_bytes())
    bad = {
        inbox / "empty.txt": "empty file (0 bytes)",
        inbox / "binary.txt": "binary file (NUL byte at offset 0)",
        inbox / "undecodable.txt": "not valid UTF-8/GB18030/UTF-16 text",
        inbox / "one_line.txt": "line 1 is 2,000,000 characters long, over the limit of 1,000,000",
        inbox / "pipe.txt": "not a regular file",  # unreadable, even for root
        tmp_path / "vanished.txt": "file not found",  # named, but gone by the time it is read
    }
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (inbox / "undecodable.txt").write_bytes("全村".encode() + b"\x80\xff" * 100)
    (inbox / "one_line.txt").write_text("村" * 2_000_000, encoding="utf-8")
    os.mkfifo(inbox / "pipe.txt")
    db = tmp_path / "w.duckdb"

    run = _ingest(prefect_server, db, inbox, tmp_path / "vanished.txt")
    out, err = run.communicate(timeout=180)
    out, err = out.decode(), err.decode()

    assert run.returncode == 1, err[-3000:]
    assert f"{len(bad) + 1} sources (1 loaded, 0 unchanged, {len(bad)} failed)" in out
    for path, reason in bad.items():
        assert f"FAILED {path}: {reason}" in err
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = dict(con.execute("SELECT source_path, status FROM sources").fetchall())
        facts = con.execute("SELECT count(*) FROM facts WHERE source_path = ?", [str(good)]).fetchone()[0]
    finally:
        con.close()
    assert rows == {str(good): "loaded", **{str(path): "failed" for path in bad}}
    assert facts > 100
