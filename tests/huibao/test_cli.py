"""The command line: every command has help with an example and is documented in the README."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from huibao.cli import _parser, main

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = sorted(_parser()._subparsers._group_actions[0].choices)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "example" in out and f"huibao {command}" in out


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_in_the_readme(command):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"huibao {re.escape(command)}\b", readme), f"README lacks `huibao {command}`"


def test_evaluate_without_a_warehouse_says_what_to_do(tmp_path, capsys):
    code = main(["evaluate", "--gold", str(tmp_path), "--db", str(tmp_path / "none.duckdb")])
    assert code == 2
    assert "huibao ingest" in capsys.readouterr().err


def test_ingest_passes_the_batch_bounds_and_swap_pace_to_the_flow(tmp_path, monkeypatch):
    import huibao.commands

    seen = {}
    monkeypatch.setattr(huibao.commands, "run_ingest",
                        lambda paths, db, progress, options: seen.update(options) or 0)
    assert main(["ingest", str(tmp_path), "--batch-size", "4", "--batch-mb", "2.5", "--swap-seconds", "0",
                 "--load-mb", "8"]) == 0
    assert (seen["batch_size"], seen["batch_mb"], seen["swap_seconds"], seen["load_mb"]) == (4, 2.5, 0.0, 8.0)
    assert main(["ingest", str(tmp_path)]) == 0
    from pipelines.warehouse import DEFAULT_LOAD_MB, DEFAULT_SWAP_SECONDS
    from pipelines.flow import DEFAULT_BATCH_MB, DEFAULT_BATCH_SIZE

    assert (seen["batch_size"], seen["batch_mb"], seen["swap_seconds"], seen["load_mb"]) == \
        (DEFAULT_BATCH_SIZE, DEFAULT_BATCH_MB, DEFAULT_SWAP_SECONDS, DEFAULT_LOAD_MB)
