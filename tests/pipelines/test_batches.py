"""Batches bounded in files and bytes."""
from __future__ import annotations

import pytest

from pipelines.flow import plan_batches

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

