"""Bad sources fail alone, with a clear reason; the rest of the batch loads.

Through process_path (the stages without Prefect) and through the flow in-process; the
command line (exit code, printed failures) is covered in test_crash_and_concurrency.py.
"""
from __future__ import annotations

import shutil

import duckdb
import pytest

import pipelines.flow as flow_module
from pipelines.process import process_path
from schemas import SourceStatus

HUNDRED_MB_LINE = ("全村共有农户326户，人口1024人。" * 3_000_000).encode()[: 100 * 2**20 - 2]

# name → (bytes, what the error says)
BAD_FILES = {
    "empty.txt": (b"", "empty file (0 bytes)"),
    "blank.txt": (b" \r\n\t\n", "empty file (only whitespace"),
    "binary.txt": (bytes(range(256)) * 40, "binary file (NUL byte at offset 0)"),
    "undecodable.txt": ("全村".encode() + b"\x80\xff" * 100, "not valid UTF-8/GB18030/UTF-16 text"),
    "cut_utf16.txt": (b"\xff\xfe" + "全村共有".encode("utf-16-le")[:-1], "starts with a UTF-16 byte order mark"),
    "one_line.txt": (HUNDRED_MB_LINE[: len(HUNDRED_MB_LINE.decode("utf-8", "ignore").encode())],
                     "line 1 is 46,332,426 characters long, over the limit of 1,000,000"),
}


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    for name, (raw, _) in BAD_FILES.items():
        (folder / name).write_bytes(raw)
    return folder


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_fails_with_its_name_and_reason(bad_folder, name):
    path = bad_folder / name
    result = process_path(str(path), None)
    assert result.failed and result.source.status == SourceStatus.FAILED
    assert result.source.error.startswith(f"{path}: {BAD_FILES[name][1]}")
    assert result.documents == result.facts == []
    assert len(result.source.sha256) == 64  # the bytes were read: this version is known


def test_a_file_that_vanished_after_discovery_fails(tmp_path, sample_path):
    from pipelines.read import discover_sources

    shutil.copy(sample_path, tmp_path / "a.txt")
    [found] = discover_sources([tmp_path])
    found.unlink()
    result = process_path(str(found), None)
    assert result.failed and result.source.error == f"{found}: file not found"


def test_an_unreadable_file_fails(tmp_path, sample_path, refuse_open):
    path = tmp_path / "secret.txt"
    shutil.copy(sample_path, path)
    refuse_open(path)
    result = process_path(str(path), None)
    assert result.failed and result.source.error == f"{path}: permission denied"


@pytest.mark.flow
def test_in_a_flow_run_bad_files_fail_alone(prefect_harness, bad_folder, tmp_path, sample_path, refuse_open,
                                           monkeypatch):
    inbox = tmp_path / "inbox"
    shutil.copytree(bad_folder, inbox)
    for name in ("good.txt", "vanishes.txt", "secret.txt"):
        shutil.copy(sample_path, inbox / name)
    refuse_open(inbox / "secret.txt")
    discover = flow_module.discover_sources

    def discover_then_delete(paths):
        found = discover(paths)
        (inbox / "vanishes.txt").unlink()  # between discovery and read
        return found

    monkeypatch.setattr(flow_module, "discover_sources", discover_then_delete)
    db = tmp_path / "w.duckdb"
    summary = flow_module.ingest([str(inbox)], db=str(db), cache=False)

    expected = {**{name: reason for name, (_, reason) in BAD_FILES.items()},
                "vanishes.txt": "file not found", "secret.txt": "permission denied"}
    assert summary.loaded == 1 and summary.facts > 100
    assert sorted(f.source_path for f in summary.failures) == sorted(str(inbox / n) for n in expected)
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = {path: (status, error) for path, status, error in
                con.execute("SELECT source_path, status, error FROM sources").fetchall()}
        loaded_facts = con.execute("SELECT DISTINCT source_path FROM facts").fetchall()
    finally:
        con.close()
    assert rows.pop(str(inbox / "good.txt")) == ("loaded", None)
    for name, reason in expected.items():
        status, error = rows[str(inbox / name)]
        assert status == "failed" and error.startswith(f"{inbox / name}: {reason}")
    assert loaded_facts == [(str(inbox / "good.txt"),)]
