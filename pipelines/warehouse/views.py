"""Analyst views over the warehouse tables (duplicates left out by default): each view's
SQL and what it and the columns it adds mean (pipelines.warehouse.dictionary documents the
others from the tables and views it is based on). One view per registered extractor kind,
named by the extractor (`Extractor.view`), so a plugin kind gets one too."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import duckdb

from extractors.registry import all_extractors


@dataclass(frozen=True)
class View:
    name: str
    description: str
    select: str  # the view's query
    # what the columns the view adds mean; its other columns mean what they do in `based_on`
    columns: Mapping[str, str] = field(default_factory=dict)
    based_on: tuple[str, ...] = ()
    kind: str | None = None  # the fact kind of a kind's view


_FACTS_ALL = View("facts_all_v", "facts with their document's title and section path, "
                                 "those of duplicate documents included (in_duplicate)", """
WITH RECURSIVE section_path(section_id, path) AS (
    SELECT section_id, coalesce(marker, '') || title FROM sections WHERE parent_id IS NULL
    UNION ALL
    SELECT s.section_id, p.path || '/' || coalesce(s.marker, '') || s.title
    FROM sections s JOIN section_path p ON s.parent_id = p.section_id
)
SELECT f.fact_id, f.kind, f.value, f.value_max, f.unit, f.qualifier, f.subject, f.place,
       f.place_level, f.place_code, f.township, f.county, f.prefecture, f.province,
       f.text, f.sentence, d.title AS document_title, sp.path AS section_path,
       f.doc_id, f.section_id, f.source_path, f.char_start, f.char_end, f.extractor,
       d.duplicate_of IS NOT NULL AS in_duplicate
FROM facts f
JOIN documents d USING (doc_id)
LEFT JOIN section_path sp USING (section_id)
""", {"document_title": "the title of the fact's document (documents.title)",
      "section_path": "marker and title of each section from the top down to the fact's, joined by `/`; "
                      "NULL before the first heading",
      "in_duplicate": "true when the fact's document duplicates an earlier one (documents.duplicate_of set)"},
    based_on=("facts",))
_FACTS = View("facts_v", "facts_all_v without the facts of documents that duplicate an earlier one",
              "SELECT * EXCLUDE (in_duplicate) FROM facts_all_v WHERE NOT in_duplicate", based_on=("facts_all_v",))
# documents tile their source's text (char_start..char_end), so this is the decoded text
_SOURCE_TEXTS = View("source_texts_v", "each source's decoded text, put together from its documents",
                     "SELECT source_path, string_agg(text, '' ORDER BY ordinal) AS text "
                     "FROM documents GROUP BY source_path",
                     {"text": "the decoded source text, which every table's char_start and char_end index into"},
                     based_on=("documents",))
_CHECKS = View("checks_v", "checks of documents that duplicate no earlier one, with the document's title",
               "SELECT c.*, d.title AS document_title "
               "FROM checks c JOIN documents d USING (doc_id) WHERE d.duplicate_of IS NULL",
               {"document_title": "the title of the check's document (documents.title)"}, based_on=("checks",))


def kind_views() -> list[View]:
    """One view per registered extractor kind (`Extractor.view`), in priority order."""
    views: dict[str, View] = {}
    for extractor in all_extractors():
        kind = str(extractor.kind)
        views.setdefault(extractor.view, View(
            extractor.view, extractor.description or f"facts of kind `{kind}`",
            "SELECT * FROM facts_v WHERE kind = '" + kind.replace("'", "''") + "'", based_on=("facts_v",), kind=kind))
    return list(views.values())


def all_views() -> list[View]:
    """Every view, in the order it is created (each after those it reads)."""
    return [_FACTS_ALL, _FACTS, *kind_views(), _SOURCE_TEXTS, _CHECKS]


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    for view in all_views():
        con.execute(f"CREATE OR REPLACE VIEW {view.name} AS {view.select}")
