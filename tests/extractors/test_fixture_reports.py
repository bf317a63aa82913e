"""Whole fixture reports (other provinces and genres): the extracted facts equal the hand-checked ones.

Each `tests/fixtures/reports/<name>.txt` has `<name>.facts.jsonl` written from the guideline
(offsets are Python str indices). Comparison is strict on span, kind, value, value_max, unit
and qualifier; a fact the code is known to miss is listed in KNOWN_GAPS and xfails on its own.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from extractors.scanner import default_scanner

REPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "reports"
NAMES = sorted(p.stem for p in REPORTS.glob("*.txt"))

# (report name, span text) → reason; keep this short and honest.
KNOWN_GAPS: dict[tuple[str, str], str] = {}


def _key(row: dict) -> tuple:
    def num(x):
        return None if x is None else round(float(x), 6)
    return (row["start"], row["end"], row["kind"], num(row["value"]), num(row["value_max"]),
            row["unit"], row["qualifier"])


def _load(name: str) -> tuple[str, list[dict]]:
    text = (REPORTS / f"{name}.txt").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in (REPORTS / f"{name}.facts.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return text, rows


def _extract(text: str) -> list[dict]:
    out = []
    for extractor, c in default_scanner().scan(text, segment=None):
        out.append(dict(start=c.start, end=c.end, text=text[c.start:c.end], kind=str(extractor.kind),
                        value=c.value, value_max=c.value_max, unit=c.unit.canonical,
                        qualifier=str(c.qualifier)))
    return out


def test_fixtures_exist():
    assert len(NAMES) >= 4
    for name in NAMES:
        assert (REPORTS / f"{name}.facts.jsonl").exists(), name


@pytest.mark.parametrize("name", NAMES)
def test_fixture_offsets(name):
    text, rows = _load(name)
    assert 300 <= len(text) <= 800
    for row in rows:
        assert text[row["start"]:row["end"]] == row["text"]
        assert row["value"] is None or math.isfinite(row["value"])


def _expected_params():
    for name in NAMES:
        _, rows = _load(name)
        for row in rows:
            reason = KNOWN_GAPS.get((name, row["text"]))
            marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
            yield pytest.param(name, row, id=f"{name}:{row['start']}:{row['text']}", marks=marks)


@pytest.mark.parametrize(("name", "row"), list(_expected_params()))
def test_expected_fact_is_extracted(name, row):
    text, _ = _load(name)
    got = {_key(r) for r in _extract(text)}
    assert _key(row) in got


@pytest.mark.parametrize("name", NAMES)
def test_no_unexpected_facts(name):
    text, rows = _load(name)
    expected = {_key(r) for r in rows}
    extra = [r for r in _extract(text) if _key(r) not in expected]
    assert extra == []


@pytest.mark.parametrize("name", NAMES)
def test_extracted_set_equals_expected(name):
    text, rows = _load(name)
    expected = {_key(r) for r in rows if (name, r["text"]) not in KNOWN_GAPS}
    got = {_key(r) for r in _extract(text)}
    assert got == expected
