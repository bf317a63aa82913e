"""Analyst views over the warehouse tables (duplicates left out by default)."""
from __future__ import annotations

import duckdb

from schemas import FactKind

_FACTS_V = """
CREATE OR REPLACE VIEW facts_all_v AS
WITH RECURSIVE section_path(section_id, path) AS (
    SELECT section_id, coalesce(marker, '') || title FROM sections WHERE parent_id IS NULL
    UNION ALL
    SELECT s.section_id, p.path || '/' || coalesce(s.marker, '') || s.title
    FROM sections s JOIN section_path p ON s.parent_id = p.section_id
)
SELECT f.fact_id, f.kind, f.value, f.value_max, f.unit, f.qualifier, f.subject, f.place,
       f.text, f.sentence, d.title AS document_title, sp.path AS section_path,
       f.doc_id, f.section_id, f.source_path, f.char_start, f.char_end, f.extractor,
       d.duplicate_of IS NOT NULL AS in_duplicate
FROM facts f
JOIN documents d USING (doc_id)
LEFT JOIN section_path sp USING (section_id)
"""


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(_FACTS_V)
    con.execute("CREATE OR REPLACE VIEW facts_v AS SELECT * EXCLUDE (in_duplicate) "
                "FROM facts_all_v WHERE NOT in_duplicate")
    for kind in FactKind:
        con.execute(f"CREATE OR REPLACE VIEW {kind.value}_v AS "
                    f"SELECT * FROM facts_v WHERE kind = '{kind.value}'")
    # documents tile their source's text (char_start..char_end), so this is the decoded text
    con.execute("CREATE OR REPLACE VIEW source_texts_v AS SELECT source_path, "
                "string_agg(text, '' ORDER BY ordinal) AS text FROM documents GROUP BY source_path")
    con.execute(
        "CREATE OR REPLACE VIEW checks_v AS SELECT c.*, d.title AS document_title "
        "FROM checks c JOIN documents d USING (doc_id) WHERE d.duplicate_of IS NULL"
    )
