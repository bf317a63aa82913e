"""Documents and sections as models: ids, duplicates, and which section holds an offset."""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

from pipelines.duplicates import find_duplicates
from pipelines.line_wraps import as_written, read_wrapped
from pipelines.split_documents import split_documents
from pipelines.split_sections import split_sections
from schemas import Document, Section


def document_id(sha256: str, ordinal: int, source_path: str = "") -> str:
    """Stable: the same source bytes at the same path give the same ids.

    The path is part of the id because the same bytes saved under two names are two
    sources, each with its own rows (a content-only id made the second one's load fail).
    """
    path_tag = hashlib.sha256(source_path.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{sha256[:16]}-{path_tag}-d{ordinal:04d}"


def build_documents(text: str, source_path: str, sha256: str,
                    checkpoint: Callable[[], None] = lambda: None) -> list[Document]:
    """Split a source text into documents and mark near-identical repeats (`checkpoint` is
    called between documents: a caller's chance to pause the work)."""
    reading = read_wrapped(text)  # one script, wrapped lines joined: a paragraph is one line again
    spans = split_documents(reading.text)
    texts = [text[s.start:s.end] for s in spans]
    originals = find_duplicates(texts, checkpoint)
    ids = [document_id(sha256, i, source_path) for i in range(len(spans))]
    return [
        Document(
            doc_id=ids[i], source_path=source_path, ordinal=i, char_start=s.start, char_end=s.end,
            title=as_written(s.title, reading, text, s.start, s.end) or s.title,
            duplicate_of=None if originals[i] is None else ids[originals[i]], text=texts[i],
        )
        for i, s in enumerate(spans)
    ]


def build_sections(text: str, documents: Sequence[Document],
                   checkpoint: Callable[[], None] = lambda: None) -> list[Section]:
    """The heading tree of every document, with parent ids (`checkpoint` is called before
    each document)."""
    sections: list[Section] = []
    reading = read_wrapped(text)
    for document in documents:
        checkpoint()
        headings = split_sections(reading.text, document.char_start, document.char_end)
        ids = [f"{document.doc_id}-s{i:03d}" for i in range(len(headings))]
        for i, heading in enumerate(headings):
            sections.append(Section(
                section_id=ids[i], doc_id=document.doc_id,
                parent_id=None if heading.parent is None else ids[heading.parent],
                level=heading.level, marker=heading.marker,
                title=as_written(heading.title, reading, text, heading.start, heading.end) or heading.title,
                char_start=heading.start, char_end=heading.end,
            ))
    return sections
