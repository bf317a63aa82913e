"""scripts/build_compilations.py: compilations of outside reports with their gold shifted."""
import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("build_compilations", ROOT / "scripts" / "build_compilations.py")
builder = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = builder  # dataclasses look their module up
_spec.loader.exec_module(builder)


def _report(name: str, text: str, spans: list[str]) -> builder.Report:
    facts = []
    for span in spans:
        start = text.index(span)
        facts.append({"source": name, "start": start, "end": start + len(span), "text": span, "kind": "count"})
    documents = [{"source": name, "doc": 0, "start": 0, "line": 1, "duplicate_of": None, "note": name}]
    return builder.Report(name, text, facts, documents, [])


REPORTS = [
    _report("a.txt", "甲村2020年工作总结\n全村有农户300户,人口1200人。\n", ["300户", "1200人"]),
    _report("b.txt", "乙镇第3季度汇报\n全镇新建道路5公里。\n", ["3季度", "5公里"]),
    _report("c.txt", "本村共有党员32名,其中女党员5名。\n", ["32名", "5名"]),
]


@pytest.mark.parametrize("mode", list(builder.MODES))
def test_every_span_and_document_start_fits_the_compiled_text(mode):
    separator, titled = builder.MODES[mode]
    text, gold = builder.compile_reports(REPORTS, "comp.txt", separator, titled)
    for row in gold["facts"]:
        assert text[row["start"]:row["end"]] == row["text"]
    starts = [row["start"] for row in gold["documents"]]
    assert len(starts) == 3 and starts[0] == 0
    for row in gold["documents"]:
        assert row["line"] == text.count("\n", 0, row["start"]) + 1
        assert row["start"] == 0 or text[row["start"] - 1] == "\n"
    assert ("\n\n" in text) == (separator == "\n\n")


def test_a_dropped_title_takes_its_facts_with_it():
    text, gold = builder.compile_reports(REPORTS, "comp.txt", "\n", titled=False)
    assert "工作总结" not in text and "季度汇报" not in text
    assert [row["text"] for row in gold["facts"]] == ["300户", "1200人", "5公里", "32名", "5名"]
    assert text.startswith("全村有农户300户") and "\n全镇新建道路" in text


def test_a_line_with_a_sentence_is_no_title():
    assert REPORTS[2].title_length() == 0
    assert REPORTS[0].title_length() == len("甲村2020年工作总结\n")


def test_build_writes_every_report_once_in_the_same_order_in_every_mode(tmp_path):
    builder.build(tmp_path, REPORTS, per_file=2, seed=3)
    notes = {mode: [json.loads(line)["note"].split(":")[0] for name in ("comp_00", "comp_01")
                    for line in (tmp_path / mode / f"{name}.documents.jsonl").read_text(encoding="utf-8").splitlines()]
             for mode in builder.MODES}
    assert len({tuple(n) for n in notes.values()}) == 1
    assert sorted(next(iter(notes.values()))) == ["a.txt", "b.txt", "c.txt"]
