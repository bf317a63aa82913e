"""The warehouse tables, each column declared once: name, DuckDB type, constraints,
compression, and what it means and which values it takes.

pipelines.warehouse.schema generates the DDL and the Arrow schemas from these,
pipelines.warehouse.dictionary the data dictionary (docs/DATA_DICTIONARY.md). The Pydantic
models of schemas.models are the stages' rows; tests check that every field of theirs has
a column here. Columns may be added, never renamed or dropped without a migration
(pipelines.warehouse.schema.MIGRATIONS, CONTRACT.md).
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from schemas.models import CheckKind, PlaceLevel, Qualifier, SourceStatus


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # DuckDB type: VARCHAR, INTEGER, DOUBLE, TIMESTAMP
    description: str  # its meaning and allowed values, one line
    primary_key: bool = False
    not_null: bool = False
    compression: str | None = None  # DuckDB's USING COMPRESSION, else DuckDB's own choice


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]

    def column(self, name: str) -> Column:
        return next(column for column in self.columns if column.name == name)


def _values(enum: type[Enum]) -> str:
    return ", ".join(f"`{member.value}`" for member in enum)


def _span(what: str, start: str | None = None) -> tuple[Column, Column]:
    return (Column("char_start", "INTEGER", f"start of {start or what}: character offset into the decoded source text"),
            Column("char_end", "INTEGER", f"end of {what} (half-open: text[char_start:char_end])"))


_QUALIFIERS = {
    Qualifier.EXACT: "as stated",
    Qualifier.OVER: "more than or at least value: 超过, 以上, 多, 余, 不少于 …",
    Qualifier.UNDER: "less than or at most value: 不足, 以下, 不超过 …",
    Qualifier.ABOUT: "约, 左右, 大概 …",
    Qualifier.NEARLY: "近, 将近, 接近",
    Qualifier.RANGE: "value to value_max",
    Qualifier.MASKED: "the figure is withheld in the text: value NULL",
}


def _qualifiers() -> str:
    return "; ".join(f"`{qualifier.value}` ({_QUALIFIERS[qualifier]})" for qualifier in Qualifier)


_SOURCE_PATH = "the source's path, as given to `huibao ingest` (sources.source_path)"
_DOC_ID = "the document it belongs to (documents.doc_id)"

# facts and sections have no PRIMARY KEY: DuckDB's index on their long VARCHAR ids halved
# the bulk insert speed. The ids are unique by construction, checked by
# pipelines.warehouse.rows.check_ids.
TABLES: tuple[Table, ...] = (
    Table("sources", "one row per input file, as last ingested under its path", (
        Column("source_path", "VARCHAR", "path as given to `huibao ingest` (relative paths stay relative)",
               primary_key=True),
        Column("sha256", "VARCHAR", "SHA-256 of the raw bytes, lowercase hex; empty when the file could not be read"),
        Column("encoding", "VARCHAR", "how the text was decoded: `utf-8`, `utf-8-sig`, `gb18030`, `utf-16`, "
                                      "`docx` or `pdf`; NULL when it could not be"),
        Column("char_count", "INTEGER", "length of the decoded text, in characters"),
        Column("status", "VARCHAR", f"{_values(SourceStatus)} (with `error`)",
               not_null=True),
        Column("error", "VARCHAR", "why the source failed (file and reason), NULL when it loaded"),
        Column("loaded_at", "TIMESTAMP", "when it was read, UTC"),
        Column("pipeline_version", "VARCHAR", "16 hex digits hashed from the huibao and extractor versions that "
                                              "processed it: a source with unchanged bytes and version is skipped"),
    )),
    Table("documents", "one row per report found in a source; a source's documents tile its text", (
        Column("doc_id", "VARCHAR", "stable id: the same input bytes give the same id", primary_key=True),
        Column("source_path", "VARCHAR", _SOURCE_PATH, not_null=True),
        Column("ordinal", "INTEGER", "0-based position of the document in its source"),
        *_span("the document"),
        Column("title", "VARCHAR", "first heading or first line, shortened"),
        Column("duplicate_of", "VARCHAR", "doc_id of an earlier identical or near-identical document, else NULL"),
        Column("text", "VARCHAR", "the document's text, the source text's [char_start, char_end)",
               compression="zstd"),
    )),
    Table("sections", "one row per heading", (
        Column("section_id", "VARCHAR", "doc_id + `-` + a part unique within the document", not_null=True),
        Column("doc_id", "VARCHAR", _DOC_ID, not_null=True),
        Column("parent_id", "VARCHAR", "section_id of the enclosing section, NULL at top level"),
        Column("level", "INTEGER", "1 = top level, 2 = a section within one, …"),
        Column("marker", "VARCHAR", "the heading's numbering (`一、`, `(一)`, `1、`, `一是`, …), "
                                    "NULL for an unnumbered heading"),
        Column("title", "VARCHAR", "the heading's text after its marker"),
        *_span("the section", start="the heading line"),
        Column("source_path", "VARCHAR", _SOURCE_PATH),
    )),
    Table("facts", "one row per numeric fact (kinds, units and qualifiers as in annotation/GUIDELINE.md)", (
        Column("fact_id", "VARCHAR", "doc_id + `-` + a part unique within the document", not_null=True),
        Column("doc_id", "VARCHAR", _DOC_ID, not_null=True),
        Column("section_id", "VARCHAR", "the section it stands in, NULL before the document's first heading"),
        Column("source_path", "VARCHAR", _SOURCE_PATH, not_null=True),
        Column("kind", "VARCHAR", "what the figure is: a registered extractor's kind (the kinds, their units and "
                                  "traits are listed under Kind views)", not_null=True),
        Column("value", "DOUBLE", "the figure normalised to `unit` (a range's lower end); NULL when masked"),
        Column("value_max", "DOUBLE", "a range's upper end; NULL unless qualifier is `range`"),
        Column("unit", "VARCHAR", "the canonical unit of its kind (listed under Kind views); a count's unit is "
                                  "its measure word (个, 所, 台, …)"),
        Column("qualifier", "VARCHAR", f"how exact the figure is: {_qualifiers()}"),
        Column("subject", "VARCHAR", "what is measured or counted, NULL when the sentence does not say"),
        Column("place", "VARCHAR", "the place (村 镇 乡 县 区 市 旗 街道 社区 …) it is about, as written, or NULL"),
        Column("place_level", "VARCHAR", f"the place's level: {_values(PlaceLevel)}; NULL without a place"),
        Column("place_code", "VARCHAR", "the place's code in the official division list (Ministry of Civil Affairs, "
                                        "2025-12-31; 6 digits, 9 for a township) when it is a division the list "
                                        "has and the document tells its homonyms apart; else NULL"),
        *(Column(level, "VARCHAR", f"the official name of the {level} the place lies in (the place itself "
                                   f"when it is one), where known: from the list for a division, from the "
                                   f"division the report is about for a village or an unlisted place")
          for level in ("township", "county", "prefecture", "province")),
        Column("text", "VARCHAR", "the exact source substring [char_start, char_end)"),
        *_span("the figure with its unit"),
        Column("sentence", "VARCHAR", "the sentence it stands in"),
        Column("extractor", "VARCHAR", "name of the extractor that produced it"),
    )),
    Table("checks", "consistency findings between figures stated in one document", (
        Column("check_id", "VARCHAR", "doc_id + `-` + a part unique within the document", primary_key=True),
        Column("doc_id", "VARCHAR", _DOC_ID, not_null=True),
        Column("kind", "VARCHAR", f"{_values(CheckKind)}: a stated share against part ÷ whole, "
                                  "a stated total against the sum of its parts"),
        Column("stated", "DOUBLE", "the figure as the report states it"),
        Column("computed", "DOUBLE", "the figure computed from the others"),
        *_span("the figures involved"),
        Column("text", "VARCHAR", "the source text of that span"),
        Column("message", "VARCHAR", "human-readable explanation"),
        Column("source_path", "VARCHAR", _SOURCE_PATH),
        Column("rule", "VARCHAR", "the rule that read the relation, as pipelines/check.py's docstring names it "
                                  "(e.g. `breakdown`, `share_of_named_base`); NULL in rows loaded before schema version 6"),
        Column("stated_fact_id", "VARCHAR", "facts.fact_id of the stated figure: the share of a ratio check, "
                                            "the total of a sum check"),
        Column("whole_fact_ids", "VARCHAR", "facts.fact_id of the whole, comma-separated when the whole is the sum "
                                            "of several figures (join: `list_contains(string_split(whole_fact_ids, "
                                            "','), f.fact_id)`)"),
        Column("part_fact_ids", "VARCHAR", "facts.fact_id of the part(s), comma-separated, in text order "
                                           "(joined as whole_fact_ids)"),
    )),
    Table("runs", "one row per `huibao ingest` run (`huibao runs` lists them)", (
        Column("run_id", "VARCHAR", "12 hex digits, new for every run", primary_key=True),
        Column("flow_run_id", "VARCHAR", "the Prefect flow run's id, NULL when there was none"),
        Column("started_at", "TIMESTAMP", "when the run started, UTC"),
        Column("ended_at", "TIMESTAMP", "when it ended, UTC"),
        Column("sources", "INTEGER", "sources found, unchanged ones included"),
        Column("facts", "INTEGER", "facts loaded by the run"),
        Column("failures", "INTEGER", "sources that failed"),
        Column("status", "VARCHAR", "`completed`, or `failed` when a source failed"),
    )),
)
TABLES_BY_NAME: dict[str, Table] = {table.name: table for table in TABLES}
# Written by pipelines.warehouse.schema.ensure_schema before the tables and migrations.
SCHEMA_VERSION_TABLE = Table("schema_version", "the schema versions the warehouse was brought to, one row each", (
    Column("version", "INTEGER", "schema version (pipelines.warehouse.schema.SCHEMA_VERSION); the highest is current"),
    Column("applied_at", "TIMESTAMP", "when the warehouse was created at or migrated to it"),
))
