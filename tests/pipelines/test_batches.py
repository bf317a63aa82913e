"""Batches bounded in files and bytes; no retry of a load that waited out the lock."""
from __future__ import annotations

import pytest
from prefect.states import Completed, Failed

from pipelines.flow import load_warehouse, plan_batches, retry_unless_busy
from pipelines.warehouse import WarehouseBusyError

# (sizes of the files in bytes, None for a missing file), max files, max bytes, expected batches
CASES = [
    ([], 3, 10, []),
    ([1, 1, 1, 1, 1], 2, 100, [[0, 1], [2, 3], [4]]),
    ([4, 4, 4], 32, 8, [[0, 1], [2]]),  # exactly max_bytes fits
    ([4, 5, 4], 32, 8, [[0], [1], [2]]),
    ([3, 20, 3, 3], 32, 8, [[0], [1], [2, 3]]),  # a file over max_bytes is a batch alone
    ([20, 20], 32, 8, [[0], [1]]),
    ([None, 8, None, None], 32, 8, [[0, 1, 2, 3]]),  # missing files count 0 bytes
    ([None, None, None], 2, 8, [[0, 1], [2]]),
    ([1, 1], 0, 8, [[0], [1]]),  # fewer than one file per batch means one
]


@pytest.mark.parametrize(("sizes", "max_files", "max_bytes", "expected"), CASES)
def test_plan_batches(tmp_path, sizes, max_files, max_bytes, expected):
    paths = []
    for i, size in enumerate(sizes):
        path = tmp_path / f"f{i}.txt"
        if size is not None:
            path.write_bytes(b"x" * size)
        paths.append(str(path))
    assert plan_batches(paths, max_files, max_bytes) == [[paths[i] for i in batch] for batch in expected]


@pytest.mark.parametrize(("sizes", "max_files", "max_bytes", "expected"), [c for c in CASES if None not in c[0]])
def test_plan_batches_of_items_sized_by_a_function(sizes, max_files, max_bytes, expected):
    items = [f"{size}:{i}" for i, size in enumerate(sizes)]
    batches = plan_batches(items, max_files, max_bytes, size_of=lambda item: int(item.split(":")[0]))
    assert batches == [[items[i] for i in batch] for batch in expected]


@pytest.mark.parametrize(("state", "retry"), [
    (Failed(data=WarehouseBusyError("w.duckdb", "held open for writing")), False),
    (Failed(data=OSError(5, "Input/output error")), True),
    (Failed(data=RuntimeError("write-ahead log left after CHECKPOINT")), True),
    (Completed(data=None), True),
], ids=["busy", "io error", "other error", "no exception"])
def test_a_load_is_retried_unless_the_warehouse_was_busy(state, retry):
    assert retry_unless_busy(load_warehouse, None, state) is retry
    assert load_warehouse.retry_condition_fn is retry_unless_busy and load_warehouse.retries == 2
