"""Task runners for the ingestion flow: threads (default), processes, or Dask.

Dask is the way past one machine: point `dask_address` at a running scheduler
(`tcp://host:8786`), or let a LocalCluster start here. Workers only process batches; the
DuckDB load stays in the flow, a single writer.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from prefect.task_runners import TaskRunner

TaskRunnerKind = Literal["threads", "processes", "dask"]
TASK_RUNNER_KINDS: tuple[str, ...] = ("threads", "processes", "dask")


def make_task_runner(kind: TaskRunnerKind = "threads", workers: int = 2,
                     dask_address: str | None = None) -> "TaskRunner":
    """A fresh task runner of the given kind with `workers` workers."""
    from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

    if kind == "threads":
        return ThreadPoolTaskRunner(max_workers=workers)
    if kind == "processes":
        return ProcessPoolTaskRunner(max_workers=workers)
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        _share_api_with_workers()
        return DaskTaskRunner(
            cluster_class="distributed.LocalCluster",
            cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                            "dashboard_address": None},
        )
    raise ValueError(f"unknown task runner {kind!r}; use one of {', '.join(TASK_RUNNER_KINDS)}")


def _share_api_with_workers() -> None:
    """Worker processes inherit the environment: give them this run's Prefect API, so
    they do not each start a temporary server of their own."""
    from prefect.settings import PREFECT_API_URL

    url = PREFECT_API_URL.value()
    if url and "PREFECT_API_URL" not in os.environ:
        os.environ["PREFECT_API_URL"] = url
