"""Session-wide fixtures: the sample, the pkuseg segmenter, the Prefect test harness."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample" / "village_reports_compilation.txt"
GOLD = ROOT / "data" / "gold"

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8-sig")


@pytest.fixture(scope="session")
def segment():
    """The pkuseg word segmenter (loads the offline model once per session)."""
    from pipelines.process import default_segmenter

    return default_segmenter()


@pytest.fixture(scope="session")
def sample_result(segment):
    """The whole pipeline (without Prefect and DuckDB) over the bundled sample."""
    from pipelines.process import process_path

    return process_path(str(SAMPLE), segment)


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory):
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness():
        yield


@pytest.fixture()
def refuse_open(monkeypatch):
    """Make opening one path fail as chmod 000 would (the tests may run as root)."""

    def refuse(path) -> None:
        real_open = os.open

        def refusing_open(target, *args, **kwargs):
            if os.fspath(target) == str(path):
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(target, *args, **kwargs)

        monkeypatch.setattr(os, "open", refusing_open)

    return refuse
