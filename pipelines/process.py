"""The pipeline's stages as plain functions over one source: read → split → extract → check.

The Prefect flow (pipelines/flow.py) only orchestrates these; tests call them directly.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timezone
from functools import lru_cache

from extractors.base import Segmenter
from pipelines.check import check_document
from pipelines.extract import extract_facts
from pipelines.line_wraps import read_wrapped
from pipelines.read import SourceError, SourceText, read_source
from pipelines.structure import build_documents, build_sections
from pipelines.work_gate import checkpoint, working
from pipelines.warehouse import CHILD_TABLES, SourceTables, StackedRows, source_tables, stack, table_schemas
from schemas import Check, Document, Fact, Section, Source, SourceStatus


class SourceResult:
    """Everything one source produced, ready to load in one transaction.

    A plain class on purpose, not a dataclass or a pydantic model: Prefect walks those (and
    lists) in every task's inputs looking for futures, which visited every fact of a batch
    at every task: ~0.5 s of CPU and a transient copy-sized index per MB of input, measured.
    """

    __slots__ = ("source", "text", "documents", "sections", "facts", "checks", "tables", "stacked", "counted")

    def __init__(self, source: Source, text: str | None = None, documents: list[Document] | None = None,
                 sections: list[Section] | None = None, facts: list[Fact] | None = None,
                 checks: list[Check] | None = None):
        self.source = source
        self.text = text
        self.documents: list[Document] = [] if documents is None else documents
        self.sections: list[Section] = [] if sections is None else sections
        self.facts: list[Fact] = [] if facts is None else facts
        self.checks: list[Check] = [] if checks is None else checks
        # The rows as Arrow tables for the warehouse, once prepare_load_stage has run.
        self.tables: SourceTables | None = None
        # Once prepared in a batch (prepare_load_batch): the batch's rows, stacked, and this
        # source's rows per table and facts per kind (its models are let go).
        self.stacked: StackedRows | None = None
        self.counted: tuple[dict[str, int], dict[str, int]] | None = None

    def __setstate__(self, state) -> None:
        # A result pickled by an earlier huibao (Prefect's cache of extract-facts) lacks the
        # slots added since: they start empty, as in __init__.
        self.tables = self.stacked = self.counted = None
        for name, value in (state[1] if isinstance(state, tuple) else state).items():
            setattr(self, name, value)

    def __eq__(self, other: object) -> bool:
        if type(other) is not SourceResult:
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.__slots__)

    def __repr__(self) -> str:
        return (f"SourceResult({self.source.source_path!r}, {self.source.status}, {len(self.documents)} documents, "
                f"{len(self.facts)} facts)")

    @property
    def failed(self) -> bool:
        return self.source.status == SourceStatus.FAILED

    def drop_models(self) -> None:
        """Let go of the text and the models, once the rows are Arrow tables."""
        self.text, self.documents, self.sections, self.facts, self.checks = None, [], [], [], []

    def count(self, table: str) -> int:
        """Rows for `table` (documents, sections, facts, checks), as models or as tables."""
        if self.counted is not None:
            return self.counted[0][table]
        return self.tables[table].num_rows if self.tables is not None else len(getattr(self, table))

    def kinds(self) -> dict[str, int]:
        """Facts per kind."""
        if self.counted is not None:
            return self.counted[1]
        if self.tables is not None:
            counts = self.tables["facts"].column("kind").value_counts().to_pylist()
            return {c["values"]: c["counts"] for c in counts}
        return dict(Counter(fact.kind for fact in self.facts))


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def failed_result(path: str, error: str, sha256: str | None = None) -> SourceResult:
    return SourceResult(Source(source_path=path, sha256=sha256 or "", status=SourceStatus.FAILED,
                               error=error, loaded_at=_now()))


def read_stage(path: str) -> SourceResult:
    """Read and decode; a bad file becomes a failed result naming the file and the reason."""
    try:
        decoded: SourceText = read_source(path)
    except SourceError as error:
        return failed_result(path, str(error), error.sha256)
    source = Source(source_path=decoded.path, sha256=decoded.sha256, encoding=decoded.encoding,
                    char_count=len(decoded.text), status=SourceStatus.LOADED, loaded_at=_now())
    return SourceResult(source=source, text=decoded.text)


def split_documents_stage(result: SourceResult) -> SourceResult:
    if not result.failed:
        result.documents = build_documents(result.text, result.source.source_path, result.source.sha256,
                                           checkpoint)
    return result


def split_sections_stage(result: SourceResult) -> SourceResult:
    if not result.failed:
        result.sections = build_sections(result.text, result.documents, checkpoint)
    return result


def extract_stage(result: SourceResult, segment: Segmenter | None) -> SourceResult:
    if not result.failed:
        by_doc: dict[str, list[Section]] = {}
        for section in result.sections:
            by_doc.setdefault(section.doc_id, []).append(section)
        reading = read_wrapped(result.text)
        result.facts = []
        for document in result.documents:
            checkpoint()
            result.facts.extend(extract_facts(result.text, document, by_doc.get(document.doc_id, []), segment, reading))
    return result


def check_stage(result: SourceResult) -> SourceResult:
    if not result.failed:
        by_doc: dict[str, list[Fact]] = {}
        for fact in result.facts:
            by_doc.setdefault(fact.doc_id, []).append(fact)
        result.checks = []
        for document in result.documents:
            checkpoint()
            result.checks.extend(check_document(document, by_doc.get(document.doc_id, [])))
    return result


def prepare_load_stage(result: SourceResult, pipeline_version: str) -> SourceResult:
    """The rows as the warehouse's Arrow tables, built here rather than by the one writer.

    The models and text are let go: a batch waits for the writer as Arrow tables only,
    ~5x smaller than the models (measured: 30 MB against ~160 MB for 22k facts).
    """
    result.tables = source_tables(result, table_schemas(), pipeline_version)
    result.drop_models()
    return result


def prepare_load_batch(results: Sequence[SourceResult], pipeline_version: str) -> list[SourceResult]:
    """The batch's rows as the warehouse's Arrow tables, stacked (built here rather than by
    the one writer, which loads them as they are), kept by every source of the batch as
    `stacked`, with its own counts; the models and text are let go, as in
    prepare_load_stage. A source that cannot be turned into rows (colliding ids, say)
    fails alone."""
    results = list(results)
    try:
        rows = stack(results, table_schemas(), pipeline_version)
    except Exception:  # noqa: BLE001 - find the bad source, one by one
        results = [guarded(prepare_load_stage, result, pipeline_version) for result in results]
        rows = stack(results, table_schemas(), pipeline_version)
    for result in results:
        result.counted = ({table: result.count(table) for table in CHILD_TABLES}, result.kinds())
        result.stacked, result.tables = rows, None
        result.drop_models()
    return results


def guarded(stage, result: SourceResult, *args) -> SourceResult:
    """Run a stage (as work that yields to a load: pipelines.work_gate); an unexpected error
    fails this source only, with the reason recorded."""
    if result.failed:
        return result
    try:
        with working():
            return stage(result, *args)
    except Exception as error:  # noqa: BLE001 - one bad source must not stop the batch
        path = result.source.source_path
        return failed_result(path, f"{path}: {stage.__name__} failed: {type(error).__name__}: {error}",
                             result.source.sha256)


@lru_cache(maxsize=1)
def default_segmenter() -> Segmenter:
    """Words from the pkuseg tokenizer, cached per window (windows repeat a lot).

    The token texts of `tokenizer(text)`, computed as the tokenizer does (pkuseg's words
    aligned to the text) without building a Doc, which costs as much as segmenting a window.
    """
    from spacy.util import get_words_and_spaces

    from extractors.nlp import load_nlp

    cut = load_nlp().tokenizer.pkuseg_seg.cut

    @lru_cache(maxsize=65536)
    def segment(text: str) -> tuple[str, ...]:
        words = cut(text)
        if "".join(words) != text:  # pkuseg leaves whitespace out; the tokenizer keeps it
            words = get_words_and_spaces(words, text)[0]
        return tuple(words)

    return lambda text: list(segment(text))


def process_path(path: str, segment: Segmenter | None) -> SourceResult:
    """All stages for one source, in order (what the flow does, without Prefect)."""
    result = read_stage(path)
    for stage, args in ((split_documents_stage, ()), (split_sections_stage, ()),
                        (extract_stage, (segment,)), (check_stage, ())):
        result = guarded(stage, result, *args)
    return result
