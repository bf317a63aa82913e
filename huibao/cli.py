"""The `huibao` command line: ingest, evaluate, runs, fetch-model."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pipelines.runners import TASK_RUNNER_KINDS

DEFAULT_DB = "data/warehouse.duckdb"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="huibao",
        description="Numeric facts from Chinese village and township work reports, in DuckDB.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  huibao ingest data/sample --db data/warehouse.duckdb\n"
        "  huibao evaluate --gold data/gold",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ingest = commands.add_parser(
        "ingest",
        help="run the ingestion flow over files and folders into the warehouse",
        description="Read reports (.txt in UTF-8/GB18030/UTF-16, .docx, .pdf), split them into "
        "documents and sections, extract numeric facts, check them and load everything into "
        "DuckDB. Folders are searched recursively. Unchanged files are skipped; a changed "
        "file's rows are replaced. Exit code 0 when every source loaded, 1 otherwise.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  huibao ingest data/sample reports/2026-11 --db data/warehouse.duckdb\n"
        "  huibao ingest /srv/inbox --task-runner dask --workers 4",
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="report files or folders")
    ingest.add_argument("--db", default=DEFAULT_DB, metavar="FILE",
                        help=f"warehouse file (default: {DEFAULT_DB})")
    ingest.add_argument("--no-progress", action="store_true",
                        help="no progress bar even in a terminal")
    ingest.add_argument("--task-runner", choices=TASK_RUNNER_KINDS, default="threads",
                        help="how batches run in parallel: threads (default), processes, or dask "
                             "(a local Dask cluster, or --dask-address); the load stays one writer")
    ingest.add_argument("--workers", type=int, default=2, metavar="N",
                        help="parallel workers of the task runner (default: 2)")
    ingest.add_argument("--dask-address", metavar="URL",
                        help="scheduler of an existing Dask cluster, e.g. tcp://10.0.0.5:8786")
    ingest.add_argument("--batch-size", type=int, default=32, metavar="N",
                        help="at most N sources per batch task (default: 32)")
    ingest.add_argument("--batch-mb", type=float, default=4.0, metavar="MB",
                        help="at most MB megabytes of files per batch task, a larger file alone; "
                             "bounds memory (default: 4)")
    ingest.add_argument("--swap-seconds", type=float, default=60.0, metavar="S",
                        help="make loaded batches visible to analysts every S seconds and at the end; "
                             "0: after every batch (default: 60)")
    ingest.add_argument("--load-mb", type=float, default=96.0, metavar="MB",
                        help="gather finished batches until their rows take MB megabytes, then load "
                             "them in one transaction: larger loads run faster and hold more memory; "
                             "0: load every batch as it comes (default: 96)")
    ingest.add_argument("--no-cache", action="store_true",
                        help="do not keep extraction results in Prefect's result cache")

    evaluate = commands.add_parser(
        "evaluate",
        help="score the warehouse against gold annotation",
        description="Compare the warehouse with gold JSONL files (*.facts.jsonl, "
        "*.documents.jsonl, *.sections.jsonl, *.checks.jsonl, checks_consistent.jsonl) by the "
        "guideline's matching rules and print precision, recall and F1 per kind and level "
        "(span, typed, strict), document-boundary F1, heading F1 and check recall.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  huibao evaluate --gold data/gold --db data/warehouse.duckdb",
    )
    evaluate.add_argument("--gold", required=True, metavar="DIR", help="folder of gold JSONL files")
    evaluate.add_argument("--db", default=DEFAULT_DB, metavar="FILE",
                          help=f"warehouse file (default: {DEFAULT_DB})")

    runs = commands.add_parser(
        "runs",
        help="list past ingestion runs",
        description="List the ingestion runs recorded in the warehouse, newest first.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  huibao runs --db data/warehouse.duckdb --limit 5",
    )
    runs.add_argument("--db", default=DEFAULT_DB, metavar="FILE",
                      help=f"warehouse file (default: {DEFAULT_DB})")
    runs.add_argument("--limit", type=int, default=20, help="how many runs to show (default: 20)")

    fetch = commands.add_parser(
        "fetch-model",
        help="download the pkuseg segmentation model once, for offline use",
        description="Download the pkuseg==0.0.25 source distribution from the package index "
        "with pip and unpack its mixed-domain model into data/models/pkuseg-default (or "
        "$HUIBAO_MODEL_DIR). Nothing is downloaded at run time.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  huibao fetch-model",
    )
    del fetch
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    if args.command == "fetch-model":
        from extractors.nlp import fetch_model

        print(f"pkuseg model in {fetch_model()}")
        return 0
    if args.command == "ingest":
        from huibao.commands import run_ingest

        return run_ingest([Path(p) for p in args.paths], Path(args.db),
                          progress=sys.stderr.isatty() and not args.no_progress,
                          options={"task_runner": args.task_runner, "workers": args.workers,
                                   "dask_address": args.dask_address,
                                   "batch_size": args.batch_size, "batch_mb": args.batch_mb,
                                   "swap_seconds": args.swap_seconds, "load_mb": args.load_mb,
                                   "cache": not args.no_cache})
    if args.command == "evaluate":
        from huibao.commands import run_evaluate

        return run_evaluate(Path(args.gold), Path(args.db))
    if args.command == "runs":
        from huibao.commands import run_list_runs

        return run_list_runs(Path(args.db), args.limit)
    raise AssertionError(args.command)


if __name__ == "__main__":
    sys.exit(main())
