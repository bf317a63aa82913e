"""docs/DATA_DICTIONARY.md: as its generator writes it, and no table or view column of a
fresh warehouse missing from it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipelines.warehouse import connect, dictionary, views
from pipelines.warehouse.views import View

DICTIONARY = Path(__file__).resolve().parents[2] / "docs" / "DATA_DICTIONARY.md"


def _documented(text: str) -> dict[str, set[str]]:
    """Table or view → the columns the dictionary describes (a kind view: those of facts_v)."""
    documented: dict[str, set[str]] = {}
    kind_views: list[str] = []
    current = None
    for line in text.splitlines():
        if heading := re.fullmatch(r"### `(\w+)`", line):
            current = documented.setdefault(heading.group(1), set())
        elif line == "### Kind views":
            current = None
        elif row := re.match(r"\| `(\w+)` \| (.*?) \| .*\S.* \|$", line):
            if current is not None:
                current.add(row.group(1))
            else:
                kind_views.append(row.group(1))
    for name in kind_views:
        documented[name] = documented["facts_v"]
    return documented


def test_the_committed_dictionary_is_what_the_generator_writes():
    assert DICTIONARY.read_text(encoding="utf-8") == dictionary.generate(), (
        "docs/DATA_DICTIONARY.md is stale: python -m pipelines.warehouse.dictionary > docs/DATA_DICTIONARY.md")


def test_every_column_of_a_fresh_warehouse_is_in_the_dictionary(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    try:
        actual: dict[str, set[str]] = {}
        for table, column in con.execute(
                "SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal").fetchall():
            actual.setdefault(table, set()).add(column)
    finally:
        con.close()
    documented = _documented(DICTIONARY.read_text(encoding="utf-8"))
    missing = {(table, column) for table, columns in actual.items() for column in columns
               if column not in documented.get(table, set())}
    assert not missing, f"undocumented in docs/DATA_DICTIONARY.md: {sorted(missing)}"
    assert set(documented) == set(actual)


def test_a_view_column_described_nowhere_stops_the_generator(monkeypatch):
    undocumented = View("odd_v", "a view with a column nobody describes", "SELECT fact_id, 1 AS mystery FROM facts",
                        based_on=("facts",))
    real = views.all_views
    monkeypatch.setattr(views, "all_views", lambda: [*real(), undocumented])
    monkeypatch.setattr(dictionary, "all_views", views.all_views)
    with pytest.raises(ValueError, match="odd_v: column mystery"):
        dictionary.generate()
