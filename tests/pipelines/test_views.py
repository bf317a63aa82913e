"""Analyst views, and every SQL example of the README runs and answers."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipelines.warehouse import connect, load_source

README = Path(__file__).resolve().parents[2] / "README.md"


def _readme_queries() -> list[str]:
    section = README.read_text(encoding="utf-8").split("## Analyst SQL", 1)[1]
    block = re.search(r"```sql\n(.*?)```", section, flags=re.S).group(1)
    return [q.strip() for q in block.split(";") if q.strip()]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, sample_result):
    con = connect(tmp_path_factory.mktemp("views") / "w.duckdb")
    r = sample_result
    load_source(con, r.source, r.documents, r.sections, r.facts, r.checks, text=r.text)
    yield con
    con.close()


def test_readme_has_five_analyst_questions():
    assert len(_readme_queries()) == 5


@pytest.mark.parametrize("index", range(5))
def test_readme_query_answers(loaded, index):
    query = _readme_queries()[index]
    rows = loaded.execute(query).fetchall()
    assert rows, f"README query {index + 1} returned nothing:\n{query}"


def test_section_path_joins_markers_and_titles(loaded):
    paths = [p for (p,) in loaded.execute(
        "SELECT DISTINCT section_path FROM facts_v WHERE section_path LIKE '%/%'").fetchall()]
    assert paths
    for path in paths:
        assert all(part for part in path.split("/"))


def test_kind_views_hold_only_their_kind(loaded):
    kinds = loaded.execute("SELECT DISTINCT kind FROM money_v").fetchall()
    assert kinds == [("money",)]


def test_checks_view_names_the_mismatch(loaded):
    rows = loaded.execute(
        "SELECT text, stated, computed FROM checks_v WHERE kind = 'ratio_mismatch'").fetchall()
    assert rows and all(stated != round(computed) for _, stated, computed in rows)


def test_every_registered_kind_has_its_view(loaded):
    from extractors.registry import all_extractors

    views = {name for (name,) in loaded.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert {extractor.view for extractor in all_extractors()} <= views


def test_a_plugin_kind_gets_its_view_under_the_name_its_extractor_gives():
    from extractors.base import Extractor, KindTraits, UnitSpec
    from extractors.registry import register, unregister

    register(Extractor(name="weight", kind="weight", units=(UnitSpec("吨", "t"),)))
    register(Extractor(name="tea", kind="tea_weight", units=(UnitSpec("斤", "jin"),),
                       traits=KindTraits(view="tea_v")))
    try:
        con = connect(":memory:")
        views = {name for (name,) in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
        assert {"weight_v", "tea_v"} <= views
        con.execute("INSERT INTO documents (doc_id, source_path) VALUES ('d', 's')")
        con.execute("INSERT INTO facts (fact_id, doc_id, source_path, kind) VALUES "
                    "('d-1', 'd', 's', 'weight'), ('d-2', 'd', 's', 'tea_weight'), ('d-3', 'd', 's', 'money')")
        assert con.execute("SELECT fact_id FROM weight_v").fetchall() == [("d-1",)]
        assert con.execute("SELECT fact_id FROM tea_v").fetchall() == [("d-2",)]
        con.close()
    finally:
        unregister("weight")
        unregister("tea")
