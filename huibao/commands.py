"""What the CLI commands do, as functions returning an exit code."""
from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path

from extractors.nlp import ModelMissingError


def _print_summary(summary) -> None:
    print(f"run {summary.run_id}: {summary.sources} sources "
          f"({summary.loaded} loaded, {summary.skipped} unchanged, {len(summary.failures)} failed) "
          f"in {summary.seconds:.1f} s")
    print(f"  documents {summary.documents}  sections {summary.sections}  "
          f"facts {summary.facts}  checks {summary.checks}")
    for kind, n in sorted(summary.facts_per_kind.items(), key=lambda kv: -kv[1]):
        print(f"    {kind:<16}{n:>8}")
    for failure in summary.failures:
        print(f"  FAILED {failure.error}", file=sys.stderr)


def _progress_bar():
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), transient=True)


def run_ingest(paths: list[Path], db: Path, progress: bool, options: dict | None = None) -> int:
    from pipelines import flow
    from pipelines.read import discover_sources
    from pipelines.warehouse import WarehouseBusyError

    try:
        from extractors.nlp import load_nlp

        load_nlp()
    except ModelMissingError as error:
        print(f"huibao: {error}", file=sys.stderr)
        return 2
    bar = _progress_bar() if progress else nullcontext()
    with bar:
        if progress:
            total = len(discover_sources(paths))
            sources = bar.add_task("sources", total=total)
            documents = bar.add_task("documents", total=None)
            flow.progress_hook = lambda event, n: bar.advance(sources if event == "sources" else documents, n)
        try:
            summary = flow.ingest([str(p) for p in paths], db=str(db), **(options or {}))
        except WarehouseBusyError as error:
            print(f"huibao: warehouse not loaded, left as it was: {error}", file=sys.stderr)
            return 3
        finally:
            flow.progress_hook = None
    _print_summary(summary)
    return 1 if summary.failures else 0


def _open_reader(db: Path):
    """The warehouse read-only, or None after printing why it cannot be opened."""
    from pipelines.warehouse import WarehouseBusyError, open_reader

    if not db.exists():
        print(f"huibao: no warehouse at {db}; run `huibao ingest` first", file=sys.stderr)
        return None
    try:
        return open_reader(db)
    except WarehouseBusyError as error:
        print(f"huibao: {error}", file=sys.stderr)
        return None


def run_evaluate(gold: Path, db: Path) -> int:
    from huibao.evaluate import evaluate, format_report, load_gold, load_predictions
    from extractors.nlp import model_present
    from pipelines.process import default_segmenter

    if not db.exists():
        print(f"huibao: no warehouse at {db}; run `huibao ingest` first", file=sys.stderr)
        return 2
    segment = default_segmenter() if model_present() else None
    con = _open_reader(db)
    if con is None:
        return 2
    try:
        report = evaluate(load_gold(gold), load_predictions(con), segment)
    finally:
        con.close()
    print(format_report(report))
    return 0


def run_list_runs(db: Path, limit: int) -> int:
    from pipelines.warehouse import list_runs

    con = _open_reader(db)
    if con is None:
        return 2
    try:
        rows = list_runs(con, limit)
    finally:
        con.close()
    print(f"{'run_id':<14}{'started_at':<21}{'seconds':>8}{'sources':>9}{'facts':>9}{'failures':>9}  status")
    for run_id, _flow_run, start, end, sources, facts, failures, status in rows:
        seconds = (end - start).total_seconds() if start and end else 0
        print(f"{run_id:<14}{start:%Y-%m-%d %H:%M:%S}  {seconds:>8.1f}{sources:>9}{facts:>9}{failures:>9}  {status}")
    return 0
