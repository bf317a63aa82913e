"""Gold annotation and the warehouse's predictions, read into plain records for
huibao.evaluate (which re-exports them; its docstring states the matching rules)."""
from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import duckdb


@dataclass(frozen=True)
class GoldFact:
    source: str
    start: int
    end: int
    kind: str
    value: float | None
    value_max: float | None
    unit: str
    qualifier: str
    subject: str | None = None
    place: str | None = None
    text: str = ""


@dataclass(frozen=True)
class GoldDocument:
    source: str
    doc: int
    start: int
    line: int
    duplicate_of: int | None = None


@dataclass(frozen=True)
class GoldSection:
    source: str
    doc: int
    start: int
    line: int
    marker: str | None = None
    title: str = ""


@dataclass(frozen=True)
class GoldCheck:
    source: str
    start: int
    end: int
    kind: str
    stated: float | None = None
    computed: float | None = None
    text: str = ""


@dataclass(frozen=True)
class Gold:
    facts: tuple[GoldFact, ...] = ()
    documents: tuple[GoldDocument, ...] = ()
    sections: tuple[GoldSection, ...] = ()
    checks: tuple[GoldCheck, ...] = ()

    @property
    def sources(self) -> frozenset[str]:
        """Basenames of the sources that have any gold row: the scored sources."""
        rows: Iterable[Any] = (*self.facts, *self.documents, *self.sections, *self.checks)
        return frozenset(row.source for row in rows)


@dataclass(frozen=True)
class PredFact:
    source: str  # basename
    start: int
    end: int
    kind: str
    value: float | None
    value_max: float | None
    unit: str | None
    qualifier: str | None
    subject: str | None = None
    place: str | None = None


@dataclass(frozen=True)
class PredDocument:
    source: str
    doc_id: str
    start: int
    line: int
    duplicate_of: str | None = None


@dataclass(frozen=True)
class PredSection:
    source: str
    start: int
    line: int
    marker: str | None = None


@dataclass(frozen=True)
class PredCheck:
    source: str
    kind: str
    start: int
    end: int
    stated: float | None = None
    computed: float | None = None
    text: str = ""


@dataclass(frozen=True)
class Predictions:
    facts: tuple[PredFact, ...] = ()
    documents: tuple[PredDocument, ...] = ()
    sections: tuple[PredSection, ...] = ()
    checks: tuple[PredCheck, ...] = ()


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: not JSON: {error}") from error
    return rows


def _build(cls: type, paths: Iterable[Path]) -> tuple[Any, ...]:
    """Rows of `cls` from the JSONL files: the row's keys that are fields, others ignored."""
    names = {f.name for f in fields(cls)}
    out = []
    for path in paths:
        for number, row in enumerate(_read_jsonl(path), 1):
            try:
                out.append(cls(**{k: v for k, v in row.items() if k in names}))
            except TypeError as error:
                raise ValueError(f"{path}: row {number}: bad gold row: {error}") from error
    return tuple(out)


def load_gold(gold_dir: Path) -> Gold:
    """Read every gold JSONL file of `gold_dir` (files in name order, rows in file order)."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise FileNotFoundError(f"gold folder {gold_dir} does not exist")

    def files(pattern: str) -> list[Path]:
        return sorted(gold_dir.glob(pattern))

    return Gold(
        facts=_build(GoldFact, files("*.facts.jsonl")),
        documents=_build(GoldDocument, files("*.documents.jsonl")),
        sections=_build(GoldSection, files("*.sections.jsonl")),
        checks=_build(GoldCheck, files("*.checks.jsonl") + files("checks_consistent.jsonl")),
    )


def basename(path: str) -> str:
    """File name of a warehouse source_path (either slash)."""
    return os.path.basename(path.replace("\\", "/"))


def _rows(con: duckdb.DuckDBPyConnection, table: str, sql: str) -> list[tuple[Any, ...]]:
    try:
        return con.execute(sql).fetchall()
    except duckdb.CatalogException as error:
        raise ValueError(f"the warehouse has no usable table {table!r} "
                         f"(run `huibao ingest` first): {error}") from error


def reconstruct_texts(documents: Iterable[tuple[str, int, str]]) -> dict[str, str]:
    """source_path -> text rebuilt from (source_path, char_start, text) of its documents.

    Documents are laid down in char_start order; a gap is filled with spaces and an overlap
    keeps the text already placed.
    """
    by_source: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for source_path, start, text in documents:
        by_source[source_path].append((start, text or ""))
    texts = {}
    for source_path, docs in by_source.items():
        text = ""
        for start, doc_text in sorted(docs, key=lambda d: d[0]):
            if start > len(text):
                text += " " * (start - len(text))
            text += doc_text[len(text) - start:]
        texts[source_path] = text
    return texts


def line_of(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, max(offset, 0)) + 1


def load_predictions(con: duckdb.DuckDBPyConnection,
                     source_texts: Mapping[str, str] | None = None) -> Predictions:
    """Read facts, documents, sections and checks from a warehouse connection.

    `source_texts` (source basename -> full decoded text) is used for line numbers when
    given; otherwise each source's text is rebuilt from its `documents.text`.
    """
    docs = _rows(con, "documents", "SELECT doc_id, source_path, char_start, duplicate_of, text "
                                   "FROM documents ORDER BY source_path, char_start, doc_id")
    given = source_texts or {}
    texts = {path: given.get(basename(path), text) for path, text in
             reconstruct_texts((path, start, text) for _, path, start, _, text in docs).items()}

    def line(source_path: str, offset: int) -> int:
        return line_of(texts.get(source_path, ""), offset)

    documents = tuple(PredDocument(basename(path), doc_id, start, line(path, start), dup)
                      for doc_id, path, start, dup, _ in docs)
    sections = tuple(
        PredSection(basename(path), start, line(path, start), marker)
        for path, start, marker in _rows(con, "sections",
                                         "SELECT d.source_path, s.char_start, s.marker "
                                         "FROM sections s JOIN documents d USING (doc_id) "
                                         "ORDER BY d.source_path, s.char_start"))
    facts = tuple(
        PredFact(basename(path), start, end, kind, value, value_max, unit, qualifier, subject,
                 place)
        for path, start, end, kind, value, value_max, unit, qualifier, subject, place
        in _rows(con, "facts", "SELECT source_path, char_start, char_end, kind, value, "
                               "value_max, unit, qualifier, subject, place FROM facts "
                               "ORDER BY source_path, char_start, char_end"))
    checks = tuple(
        PredCheck(basename(path), kind, start, end, stated, computed,
                  texts.get(path, "")[start:end])
        for path, kind, start, end, stated, computed
        in _rows(con, "checks", "SELECT d.source_path, c.kind, c.char_start, c.char_end, "
                                "c.stated, c.computed FROM checks c "
                                "JOIN documents d USING (doc_id) "
                                "ORDER BY d.source_path, c.char_start, c.char_end"))
    return Predictions(facts=facts, documents=documents, sections=sections, checks=checks)
