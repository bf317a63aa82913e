"""The data dictionary: every table, view and column of the warehouse, what it means and
which values it takes, from schemas/tables.py and the views' descriptions.

    python -m pipelines.warehouse.dictionary > docs/DATA_DICTIONARY.md

A view's columns are those DuckDB gives it in a fresh in-memory warehouse; one the view
does not describe means what it means in the tables or views the view is based on. A
column described nowhere stops the generator (ValueError), so none goes undocumented.
"""
from __future__ import annotations

import sys

from extractors.base import Measure
from extractors.registry import traits_of

from pipelines.warehouse.connection import connect
from pipelines.warehouse.schema import SCHEMA_VERSION
from pipelines.warehouse.views import View, all_views
from schemas import KIND_UNITS
from schemas.tables import SCHEMA_VERSION_TABLE, TABLES, Column, Table

_HEADER = f"""# Data dictionary

Every table, view and column of the huibao warehouse (schema version {SCHEMA_VERSION}). Generated from
`schemas/tables.py` and `pipelines/warehouse/views.py`; do not edit by hand, run
`python -m pipelines.warehouse.dictionary > docs/DATA_DICTIONARY.md`. `CONTRACT.md` says
which of them are the stable interface. Offsets (`char_start`, `char_end`) are character
offsets (Python `str` indices) into the decoded source text, half-open.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _constraints(column: Column) -> str:
    return ", ".join([*(["PRIMARY KEY"] if column.primary_key else []), *(["NOT NULL"] if column.not_null else []),
                      *([f"{column.compression.upper()} compressed"] if column.compression else [])])


def _table_section(table: Table) -> list[str]:
    lines = [f"### `{table.name}`", "", table.description, "",
             "| column | type | constraints | meaning |", "|---|---|---|---|"]
    lines += [f"| `{c.name}` | {c.type} | {_constraints(c)} | {_cell(c.description)} |" for c in table.columns]
    return [*lines, ""]


class _Describer:
    """What each view column means: the view's own word for it, else its bases'."""

    def __init__(self, views: list[View]):
        self.tables = {table.name: table for table in TABLES}
        self.views = {view.name: view for view in views}

    def __call__(self, relation: str, column: str) -> str | None:
        if relation in self.tables:
            found = [c.description for c in self.tables[relation].columns if c.name == column]
            return found[0] if found else None
        view = self.views[relation]
        if column in view.columns:
            return view.columns[column]
        return next((meaning for base in view.based_on if (meaning := self(base, column)) is not None), None)


def generate() -> str:
    """The data dictionary, as Markdown."""
    views = all_views()
    describe = _Describer(views)
    con = connect(":memory:")
    try:
        columns = {view.name: con.execute(f"DESCRIBE {view.name}").fetchall() for view in views}
    finally:
        con.close()
    lines = [_HEADER, "## Tables", ""]
    for table in (*TABLES, SCHEMA_VERSION_TABLE):
        lines += _table_section(table)
    lines += ["## Views", "", "Views leave out the rows of documents that duplicate an earlier one, except "
              "`facts_all_v`.", ""]
    kinds = [view for view in views if view.kind is not None]
    for view in views:
        rows = []
        for name, type_, *_ in columns[view.name]:
            meaning = describe(view.name, name)
            if meaning is None:
                raise ValueError(f"view {view.name}: column {name} is described nowhere (pipelines/warehouse/views.py)")
            rows.append(f"| `{name}` | {type_} | {_cell(meaning)} |")
        if view.kind is None:
            lines += [f"### `{view.name}`", "", view.description, "", "| column | type | meaning |", "|---|---|---|",
                      *rows, ""]
    lines += ["### Kind views", "", "One view per registered extractor kind (a plugin's kind included), named by "
              "its extractor, with the columns of `facts_v` and its facts of that kind. `measures` and `additive` "
              "are the kind's traits (extractors/base.py KindTraits): what subject, place and the checks read; "
              "parts of one total of an additive kind are sum-checked.", "",
              "| view | kind | what it holds | units | measures | additive |", "|---|---|---|---|---|---|"]
    for view in kinds:
        if [c[:2] for c in columns[view.name]] != [c[:2] for c in columns["facts_v"]]:
            raise ValueError(f"view {view.name}: its columns are not those of facts_v")
        traits = traits_of(view.kind)
        units = "the measure word" if traits.measures == Measure.THINGS else ", ".join(
            f"`{unit}`" for unit in sorted(KIND_UNITS.get(view.kind, ())))
        lines.append(f"| `{view.name}` | `{view.kind}` | {_cell(view.description)} | {units} | "
                     f"{traits.measures.value} | {'yes' if traits.additive else 'no'} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(generate())
