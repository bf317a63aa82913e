"""Per-run Prefect artifacts: a markdown summary and a table of sources."""
from __future__ import annotations

from collections.abc import Sequence

from prefect.artifacts import create_markdown_artifact, create_table_artifact


def summary_markdown(summary) -> str:
    kinds = "\n".join(f"| {kind} | {n} |" for kind, n in sorted(summary.facts_per_kind.items()))
    failures = "\n".join(f"- `{f.source_path}`: {f.error}" for f in summary.failures) or "none"
    return (
        f"# huibao ingest run `{summary.run_id}`\n\n"
        f"| sources | loaded | unchanged | failed | documents | sections | facts | checks | seconds |\n"
        f"|---|---|---|---|---|---|---|---|---|\n"
        f"| {summary.sources} | {summary.loaded} | {summary.skipped} | {len(summary.failures)} "
        f"| {summary.documents} | {summary.sections} | {summary.facts} | {summary.checks} "
        f"| {summary.seconds} |\n\n"
        f"## Facts per kind\n\n| kind | facts |\n|---|---|\n{kinds}\n\n## Failures\n\n{failures}\n"
    )


def publish_run_artifacts(summary, source_rows: Sequence[dict]) -> None:
    """The run's summary (markdown) and one row per source processed (table)."""
    create_markdown_artifact(markdown=summary_markdown(summary), key="huibao-ingest-summary",
                             description=f"huibao ingest run {summary.run_id}")
    create_table_artifact(table=list(source_rows) or [{"source_path": "", "status": "no change"}],
                          key="huibao-ingest-sources",
                          description="sources processed by this run")
