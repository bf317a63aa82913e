"""prefect.yaml: the nightly deployment loads, resolves, validates, and deploys."""
from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def _deployment(name: str) -> dict:
    config = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    return next(d for d in config["deployments"] if d["name"] == name)


def test_entrypoint_resolves_and_parameters_validate():
    from prefect.flows import load_flow_from_entrypoint

    deployment = _deployment("nightly-ingest")
    path, _, name = deployment["entrypoint"].partition(":")
    flow = load_flow_from_entrypoint(str(ROOT / path) + ":" + name)
    assert flow.name == "huibao-ingest"
    validated = flow.validate_parameters(deployment["parameters"])
    assert validated["paths"] == ["data/inbox"] and validated["db"] == "data/warehouse.duckdb"
    with pytest.raises(Exception):
        flow.validate_parameters({**deployment["parameters"], "task_runner": "spark"})


def test_schedule_is_nightly_in_shanghai():
    from prefect.client.schemas.schedules import CronSchedule

    (schedule,) = _deployment("nightly-ingest")["schedules"]
    cron = CronSchedule(cron=schedule["cron"], timezone=schedule["timezone"])
    assert cron.timezone == "Asia/Shanghai"
    assert _deployment("nightly-ingest")["work_pool"]["name"] == "huibao-process"


@pytest.mark.flow
def test_prefect_deploy_against_a_temporary_server(prefect_harness, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.settings import PREFECT_API_URL

    async def create_pool():
        async with get_client() as client:
            await client.create_work_pool(WorkPoolCreate(name="huibao-process", type="process"))

    asyncio.run(create_pool())
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "HUIBAO_HOME": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "prefect", "--no-prompt", "deploy", "--name", "nightly-ingest"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr

    async def read():
        async with get_client() as client:
            return await client.read_deployment_by_name("huibao-ingest/nightly-ingest")

    deployment = asyncio.run(read())
    assert deployment.work_pool_name == "huibao-process"
    assert deployment.parameters["paths"] == ["data/inbox"]
    (schedule,) = deployment.schedules
    assert schedule.schedule.cron == "30 2 * * *" and schedule.schedule.timezone == "Asia/Shanghai"
