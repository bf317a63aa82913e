"""The DuckDB warehouse: schema (versioned), bulk loads through Arrow, analyst views.

Tables and columns follow CONTRACT.md; columns may be added, never renamed or dropped
without a migration in MIGRATIONS.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb
import pyarrow as pa

from schemas import Check, Document, Fact, Section, Source

SCHEMA_VERSION = 1

_TABLES = {
    "sources": """
        source_path VARCHAR PRIMARY KEY, sha256 VARCHAR, encoding VARCHAR, char_count INTEGER,
        status VARCHAR NOT NULL, error VARCHAR, loaded_at TIMESTAMP, pipeline_version VARCHAR,
        text VARCHAR""",
    "documents": """
        doc_id VARCHAR PRIMARY KEY, source_path VARCHAR NOT NULL, ordinal INTEGER,
        char_start INTEGER, char_end INTEGER, title VARCHAR, duplicate_of VARCHAR, text VARCHAR""",
    "sections": """
        section_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, parent_id VARCHAR,
        level INTEGER, marker VARCHAR, title VARCHAR, char_start INTEGER, char_end INTEGER,
        source_path VARCHAR""",
    "facts": """
        fact_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, section_id VARCHAR,
        source_path VARCHAR NOT NULL, kind VARCHAR NOT NULL, value DOUBLE, value_max DOUBLE,
        unit VARCHAR, qualifier VARCHAR, subject VARCHAR, place VARCHAR, text VARCHAR,
        char_start INTEGER, char_end INTEGER, sentence VARCHAR, extractor VARCHAR""",
    "checks": """
        check_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, kind VARCHAR, stated DOUBLE,
        computed DOUBLE, char_start INTEGER, char_end INTEGER, text VARCHAR, message VARCHAR,
        source_path VARCHAR""",
    "runs": """
        run_id VARCHAR PRIMARY KEY, flow_run_id VARCHAR, started_at TIMESTAMP,
        ended_at TIMESTAMP, sources INTEGER, facts INTEGER, failures INTEGER, status VARCHAR""",
}
# Each entry upgrades the schema from version N-1 to N: SQL statements run in order.
MIGRATIONS: dict[int, tuple[str, ...]] = {}


def connect(path: str | Path) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the warehouse and bring its schema up to date."""
    path = Path(path)
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    ensure_schema(con)
    return con


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables and views; apply pending migrations. Idempotent."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied_at TIMESTAMP)")
    current = con.execute("SELECT max(version) FROM schema_version").fetchone()[0]
    con.execute("BEGIN")
    for table, columns in _TABLES.items():
        con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns})")
    for version in range((current or SCHEMA_VERSION) + 1, SCHEMA_VERSION + 1):
        for statement in MIGRATIONS.get(version, ()):
            con.execute(statement)
    if current != SCHEMA_VERSION:
        con.execute("INSERT INTO schema_version VALUES (?, now())", [SCHEMA_VERSION])
    con.execute("COMMIT")
    from pipelines.views import create_views

    create_views(con)


def _arrow(rows: Sequence, columns: list[str], extra: dict[str, object] | None = None) -> pa.Table:
    dumped = [row.model_dump() for row in rows]
    data = {name: [d.get(name) for d in dumped] for name in columns if name not in (extra or {})}
    for name, value in (extra or {}).items():
        data[name] = [value] * len(dumped)
    return pa.table({name: data[name] for name in columns})


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()]


def _insert(con: duckdb.DuckDBPyConnection, table: str, arrow_table: pa.Table) -> None:
    if arrow_table.num_rows:
        con.register("_incoming", arrow_table)
        con.execute(f"INSERT INTO {table} SELECT * FROM _incoming")
        con.unregister("_incoming")


def delete_source(con: duckdb.DuckDBPyConnection, source_path: str) -> None:
    """Remove every row that came from a source (inside the caller's transaction)."""
    for table in ("facts", "checks", "sections", "documents", "sources"):
        con.execute(f"DELETE FROM {table} WHERE source_path = ?", [source_path])


def load_source(
    con: duckdb.DuckDBPyConnection,
    source: Source,
    documents: Sequence[Document] = (),
    sections: Sequence[Section] = (),
    facts: Sequence[Fact] = (),
    checks: Sequence[Check] = (),
    *,
    text: str | None = None,
    pipeline_version: str = "",
) -> None:
    """Replace one source's rows in one transaction (a crash leaves the old rows)."""
    path = source.source_path
    con.execute("BEGIN")
    try:
        delete_source(con, path)
        _insert(con, "sources", _arrow([source], _columns(con, "sources"),
                                       {"pipeline_version": pipeline_version, "text": text}))
        _insert(con, "documents", _arrow(documents, _columns(con, "documents")))
        _insert(con, "sections", _arrow(sections, _columns(con, "sections"), {"source_path": path}))
        _insert(con, "facts", _arrow(facts, _columns(con, "facts")))
        _insert(con, "checks", _arrow(checks, _columns(con, "checks"), {"source_path": path}))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def loaded_versions(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, str]]:
    """source_path → (sha256, pipeline_version) of the sources loaded successfully."""
    rows = con.execute(
        "SELECT source_path, sha256, pipeline_version FROM sources WHERE status = 'loaded'"
    ).fetchall()
    return {path: (sha, version) for path, sha, version in rows}


def row_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in _TABLES}
