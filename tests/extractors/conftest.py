"""Shared helpers for the extractor tables: scan a sentence into comparable tuples, or
extract a short report with its attributes."""
from __future__ import annotations

import pytest

from extractors.scanner import default_scanner


def scan_facts(text: str, segment=None) -> list[tuple]:
    """(span text, kind, value, value_max, unit, qualifier) for every fact in `text`."""
    out = []
    for extractor, c in default_scanner().scan(text, segment=segment):
        out.append((
            text[c.start:c.end], str(extractor.kind),
            None if c.value is None else round(c.value, 6),
            None if c.value_max is None else round(c.value_max, 6),
            c.unit.canonical, str(c.qualifier),
        ))
    return out


def norm(rows: list[tuple]) -> list[tuple]:
    return [
        (s, k, None if v is None else round(float(v), 6), None if m is None else round(float(m), 6), u, q)
        for s, k, v, m, u, q in rows
    ]


@pytest.fixture
def extract_report(segment):
    """The facts of a short report (its first line a title), as the pipeline's stages
    extract them with the pkuseg segmenter."""
    from datetime import datetime

    from pipelines import process
    from schemas import Source, SourceStatus

    def _extract(report: str) -> list:
        text = report + "\n"
        source = Source(source_path="t.txt", sha256="0" * 64, char_count=len(text),
                        status=SourceStatus.LOADED, loaded_at=datetime(2026, 1, 1))
        result = process.SourceResult(source, text)
        for stage in (process.split_documents_stage, process.split_sections_stage):
            result = stage(result)
        return process.extract_stage(result, segment).facts
    return _extract


@pytest.fixture
def scan():
    """The scan_facts function, for tests that inspect the list themselves."""
    return scan_facts


@pytest.fixture
def check():
    def _check(sentence: str, expected: list[tuple]) -> None:
        assert scan_facts(sentence) == norm(expected)
    return _check
