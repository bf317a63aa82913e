"""The scorer behind `huibao evaluate`: matching rules on small synthetic gold."""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from huibao.evaluate import (
    PRF,
    Accuracy,
    Gold,
    GoldCheck,
    GoldDocument,
    GoldFact,
    GoldSection,
    PredCheck,
    PredDocument,
    PredFact,
    PredSection,
    Predictions,
    evaluate,
    format_report,
    head_noun,
    line_of,
    load_gold,
    load_predictions,
    place_correct,
    reconstruct_texts,
    subject_correct,
)

SRC = "x.txt"
REPO = Path(__file__).resolve().parents[2]


def gf(start, end, kind="population", value=27.0, unit="person", qualifier="exact",
       value_max=None, subject="人口", place="某村", source=SRC) -> GoldFact:
    return GoldFact(source, start, end, kind, value, value_max, unit, qualifier, subject, place)


def pf(start, end, kind="population", value=27.0, unit="person", qualifier="exact",
       value_max=None, subject="人口", place="某村", source=SRC) -> PredFact:
    return PredFact(source, start, end, kind, value, value_max, unit, qualifier, subject, place)


def pr(prf: PRF) -> tuple[float | None, float | None]:
    return prf.precision, prf.recall


def fact_report(gold: list[GoldFact], pred: list[PredFact]):
    return evaluate(Gold(facts=tuple(gold)), Predictions(facts=tuple(pred))).facts


# ---------------------------------------------------------------- facts


FACT_CASES = [
    # id, gold, predictions, (P, R) of "all" at span / typed / strict
    ("exact", [gf(10, 15)], [pf(10, 15)], [(1, 1), (1, 1), (1, 1)]),
    ("off by one", [gf(10, 15)], [pf(11, 16)], [(1, 1), (1, 1), (1, 1)]),
    ("one char overlap", [gf(10, 15)], [pf(14, 20)], [(1, 1), (1, 1), (1, 1)]),
    ("adjacent, no overlap", [gf(10, 15)], [pf(15, 18)], [(0, 0), (0, 0), (0, 0)]),
    ("one-to-one", [gf(10, 15)], [pf(10, 15), pf(12, 15)], [(.5, 1), (.5, 1), (.5, 1)]),
    ("wrong kind", [gf(10, 15)], [pf(10, 15, kind="money", unit="CNY")],
     [(1, 1), (0, 0), (0, 0)]),
    ("wrong value", [gf(10, 15)], [pf(10, 15, value=28.0)], [(1, 1), (1, 1), (0, 0)]),
    ("value within 1e-6", [gf(10, 15, value=1e8)], [pf(10, 15, value=1e8 + 50)],
     [(1, 1), (1, 1), (1, 1)]),
    ("value beyond 1e-6", [gf(10, 15, value=1e8)], [pf(10, 15, value=1e8 + 500)],
     [(1, 1), (1, 1), (0, 0)]),
    ("wrong unit", [gf(10, 15)], [pf(10, 15, unit="person_time")], [(1, 1), (1, 1), (0, 0)]),
    ("wrong qualifier", [gf(10, 15)], [pf(10, 15, qualifier="over")],
     [(1, 1), (1, 1), (0, 0)]),
    ("masked null == null", [gf(10, 15, value=None, qualifier="masked")],
     [pf(10, 15, value=None, qualifier="masked")], [(1, 1), (1, 1), (1, 1)]),
    ("masked vs number", [gf(10, 15, value=None, qualifier="masked")],
     [pf(10, 15, value=0.0, qualifier="masked")], [(1, 1), (1, 1), (0, 0)]),
    ("range value_max", [gf(10, 15, kind="age", unit="year", value=14, value_max=35,
                            qualifier="range")],
     [pf(10, 15, kind="age", unit="year", value=14, value_max=30, qualifier="range")],
     [(1, 1), (1, 1), (0, 0)]),
    ("other source", [gf(10, 15)], [pf(10, 15, source="other.txt")],
     [(None, 0), (None, 0), (None, 0)]),
    ("nothing predicted", [gf(10, 15), gf(20, 25)], [], [(None, 0), (None, 0), (None, 0)]),
    ("half found", [gf(10, 15), gf(20, 25)], [pf(20, 24), pf(40, 44)],
     [(.5, .5), (.5, .5), (.5, .5)]),
]


@pytest.mark.parametrize(("gold", "pred", "expected"),
                         [case[1:] for case in FACT_CASES], ids=[c[0] for c in FACT_CASES])
def test_fact_levels(gold, pred, expected):
    facts = fact_report(gold, pred)
    got = [pr(facts.table[level]["all"]) for level in ("span", "typed", "strict")]
    assert got == [tuple(map(lambda v: v if v is None else float(v), e)) for e in expected]


def test_greedy_prefers_longest_overlap_so_both_match():
    # X overlaps A by 10 and B by 2; Y overlaps A by 1 and B by 4.
    facts = fact_report([gf(0, 10), gf(10, 14)], [pf(0, 12), pf(9, 14)])
    assert facts.table["span"]["all"] == PRF(n_gold=2, n_pred=2, matched_gold=2, matched_pred=2)


def test_one_to_one_keeps_the_closer_start():
    # equal overlap (3): the prediction starting nearer the gold start wins
    facts = fact_report([gf(10, 13)], [pf(9, 13), pf(10, 20)])
    assert facts.table["span"]["all"].matched_pred == 1
    assert facts.table["strict"]["all"].f1 == pytest.approx(2 / 3)


def test_wrong_kind_is_attributed_by_gold_kind_for_recall_and_predicted_for_precision():
    facts = fact_report([gf(10, 15)], [pf(10, 15, kind="money", unit="CNY")])
    span = facts.table["span"]
    assert span["population"] == PRF(n_gold=1, n_pred=0, matched_gold=1, matched_pred=0)
    assert span["money"] == PRF(n_gold=0, n_pred=1, matched_gold=0, matched_pred=1)
    assert pr(span["population"]) == (None, 1.0) and pr(span["money"]) == (1.0, None)
    assert facts.table["typed"]["population"].recall == 0.0
    assert facts.table["typed"]["money"].precision == 0.0
    assert facts.table["typed"]["money"].f1 == 0.0
    assert facts.table["typed"]["area"].f1 is None  # nothing on either side


def test_core_leaves_out_count_and_all_has_everything():
    gold = [gf(0, 3), gf(10, 13, kind="count", unit="家", value=5), gf(20, 23, kind="ratio",
                                                                        unit="percent")]
    pred = [pf(0, 3), pf(10, 13, kind="count", unit="家", value=5), pf(30, 33, kind="count",
                                                                        unit="台")]
    facts = fact_report(gold, pred)
    assert facts.rows[-2:] == ("core", "all")
    assert facts.table["strict"]["core"] == PRF(2, 1, 1, 1)
    assert facts.table["strict"]["count"] == PRF(1, 2, 1, 1)
    assert facts.table["strict"]["all"] == PRF(3, 3, 2, 2)
    assert facts.table["strict"]["all"].f1 == pytest.approx(2 / 3)


def test_unscored_predicted_kinds_are_ignored_not_false_positives():
    facts = fact_report([gf(10, 15)], [pf(10, 15), pf(20, 25, kind="date", unit="day")])
    assert facts.table["span"]["all"] == PRF(1, 1, 1, 1)
    assert facts.ignored == {"date": 1}


# ---------------------------------------------------------------- attributes


@pytest.mark.parametrize(("gold", "predicted", "correct"), [
    ("户籍常住人口", "常住人口", True),
    ("户籍常住人口", "户籍", False),
    ("户籍常住人口", "全镇户籍常住人口总数", True),
    ("村党支部书记的每年薪资(元)", "薪资", True),
    ("村党支部书记的每年薪资（元）", "书记薪资", True),
    ("“三帮”对象", "帮扶对象", True),
    ("户", "农户", True),
    ("人口", None, False),
    (None, None, True),
    (None, "人口", False),
])
def test_subject_head_rule(gold, predicted, correct):
    assert subject_correct(gold, predicted) is correct


@pytest.mark.parametrize(("subject", "head"), [
    ("户籍常住人口", "人口"), ("户", "户"), ("企业(家)", "企业"), ("“两委”干部", "干部"),
    ("(注)", ""), (None, ""),
])
def test_head_noun(subject, head):
    assert head_noun(subject) == head


@pytest.mark.parametrize(("gold", "predicted", "correct"), [
    (None, None, True),
    ("五沙村", "五沙村", True),
    ("五沙村", "××乡五沙村", True),
    ("五沙村", "五沙", False),
    ("五沙村", None, False),
    (None, "五沙村", False),
])
def test_place_rule(gold, predicted, correct):
    assert place_correct(gold, predicted) is correct


def test_attribute_accuracies_are_over_typed_matches_only():
    gold = [gf(0, 5, subject="户籍常住人口", place="××乡"),
            gf(10, 15, subject="户籍常住人口", place=None, qualifier="over"),
            gf(20, 25)]  # only a wrong-kind (span-level) match: not in the accuracies
    pred = [pf(0, 5, subject="常住人口", place=None),
            pf(10, 15, subject="户籍", place=None, value=30.0),
            pf(20, 25, kind="money", unit="CNY", qualifier="about")]
    attributes = fact_report(gold, pred).attributes
    assert attributes == {
        "qualifier": Accuracy(1, 2), "unit": Accuracy(2, 2), "value": Accuracy(1, 2),
        "subject": Accuracy(1, 2), "subject_2ch": Accuracy(1, 2), "place": Accuracy(1, 2)}


# ---------------------------------------------------------------- documents, sections

TEXT = "前言\n一、动因\n正文一\n报告二\n一、做法\n正文\n报告二\n一、做法\n正文\n"
#       line 1   2       3       4       5       6    7       8       9


def gd(doc, line, dup=None) -> GoldDocument:
    return GoldDocument(SRC, doc, _start(line), line, dup)


def pd(doc_id, line, dup=None) -> PredDocument:
    return PredDocument(SRC, doc_id, _start(line), line, dup)


def _start(line: int) -> int:
    return sum(len(s) + 1 for s in TEXT.split("\n")[:line - 1])


GOLD_DOCS = (gd(0, 1), gd(1, 2), gd(2, 4), gd(3, 7, dup=2))


@pytest.mark.parametrize(("pred", "boundaries", "duplicates", "spurious"), [
    ((pd("a", 1), pd("b", 2), pd("c", 4), pd("d", 7, "c")), PRF(4, 4, 4, 4), Accuracy(1, 1), 0),
    ((pd("a", 1), pd("b", 2), pd("c", 4), pd("d", 7, "b")), PRF(4, 4, 4, 4), Accuracy(0, 1), 0),
    ((pd("a", 1), pd("b", 2), pd("c", 4), pd("d", 7)), PRF(4, 4, 4, 4), Accuracy(0, 1), 0),
    ((pd("a", 1), pd("c", 4), pd("d", 8, "c")), PRF(4, 3, 2, 2), Accuracy(0, 1), 1),
    ((pd("a", 1), pd("b", 3), pd("c", 4, "b"), pd("d", 7, "c")), PRF(4, 4, 3, 3),
     Accuracy(1, 1), 1),
    ((), PRF(4, 0, 0, 0), Accuracy(0, 1), 0),
])
def test_document_boundaries_and_duplicates(pred, boundaries, duplicates, spurious):
    docs = evaluate(Gold(documents=GOLD_DOCS), Predictions(documents=pred)).documents
    assert (docs.boundaries, docs.duplicates, docs.spurious_duplicates) == (
        boundaries, duplicates, spurious)


def test_sections_match_by_line_one_to_one_and_score_markers():
    gold = (GoldSection(SRC, 1, 10, 2, "一、"), GoldSection(SRC, 2, 40, 5, None),
            GoldSection(SRC, 2, 60, 6, "(一)"))
    pred = (PredSection(SRC, 14, 2, "二是"), PredSection(SRC, 10, 2, "一、"),  # same line
            PredSection(SRC, 40, 5, None), PredSection(SRC, 60, 6, "(一)"),
            PredSection(SRC, 80, 8, "1、"))
    sections = evaluate(Gold(sections=gold), Predictions(sections=pred)).sections
    assert sections.headings == PRF(3, 5, 3, 3)
    assert pr(sections.headings) == (0.6, 1.0)
    assert sections.markers == Accuracy(3, 3)  # the line-start prediction took line 2


# ---------------------------------------------------------------- checks


def test_check_recall_and_false_alarms():
    gold = (GoldCheck(SRC, 100, 120, "ratio_mismatch"), GoldCheck(SRC, 130, 140, "ratio_ok"),
            GoldCheck(SRC, 150, 160, "sum_ok"), GoldCheck(SRC, 170, 180, "ratio_ok"))
    pred = (PredCheck(SRC, "ratio_mismatch", 105, 118),   # finds the mismatch
            PredCheck(SRC, "ratio_mismatch", 132, 138),   # false alarm: on a consistent share
            PredCheck(SRC, "sum_mismatch", 300, 310),     # false alarm: on no gold check
            PredCheck(SRC, "ratio_mismatch", 115, 135),   # touches the mismatch: no false alarm
            PredCheck(SRC, "ratio_ok", 150, 160),         # wrong kind: sum_ok not found
            PredCheck(SRC, "ratio_ok", 179, 190),         # finds the second ratio_ok
            PredCheck("other.txt", "sum_mismatch", 1, 2))  # source without gold: not scored
    checks = evaluate(Gold(checks=gold), Predictions(checks=pred)).checks
    assert checks.recall == {"ratio_ok": Accuracy(1, 2), "ratio_mismatch": Accuracy(1, 1),
                             "sum_ok": Accuracy(0, 1)}
    assert checks.n_pred == {"ratio_ok": 2, "ratio_mismatch": 3, "sum_mismatch": 1}
    assert [(c.kind, c.start) for c in checks.false_alarms] == [
        ("ratio_mismatch", 132), ("sum_mismatch", 300)]


# ---------------------------------------------------------------- loading


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows) + "\n",
                    encoding="utf-8")


def test_load_gold_reads_every_kind_of_file(tmp_path):
    fact = {"source": SRC, "start": 3, "end": 7, "text": "32人", "kind": "population",
            "value": 32, "value_max": None, "unit": "person", "qualifier": "exact",
            "subject": "人口", "place": None}
    _write_jsonl(tmp_path / "x.facts.jsonl", [fact, {**fact, "start": 9, "end": 12}])
    _write_jsonl(tmp_path / "x.documents.jsonl", [
        {"source": SRC, "doc": 0, "start": 0, "line": 1, "duplicate_of": None, "note": ""},
        {"source": SRC, "doc": 1, "start": 20, "line": 3, "duplicate_of": 0, "note": ""}])
    _write_jsonl(tmp_path / "x.sections.jsonl", [
        {"source": SRC, "doc": 0, "start": 0, "line": 1, "marker": None, "title": "t",
         "inline_body": False}])
    check = {"source": "y.txt", "doc": 0, "start": 3, "end": 12, "text": "…",
             "kind": "ratio_mismatch", "stated": 27, "computed": 37.0, "note": ""}
    _write_jsonl(tmp_path / "x.checks.jsonl", [check])
    _write_jsonl(tmp_path / "checks_consistent.jsonl", [{**check, "kind": "ratio_ok"}] * 2)
    _write_jsonl(tmp_path / "notes.jsonl", [{"unrelated": True}])
    gold = load_gold(tmp_path)
    assert (len(gold.facts), len(gold.documents), len(gold.sections), len(gold.checks)) == (
        2, 2, 1, 3)
    assert gold.documents[1] == GoldDocument(SRC, 1, 20, 3, 0)
    assert gold.facts[0] == GoldFact(SRC, 3, 7, "population", 32.0, None, "person", "exact",
                                     "人口", None, "32人")
    assert gold.sources == {SRC, "y.txt"}


def test_load_gold_names_the_bad_file(tmp_path):
    (tmp_path / "x.facts.jsonl").write_text('{"source": "x.txt"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="x.facts.jsonl"):
        load_gold(tmp_path)


WAREHOUSE_DDL = """
CREATE TABLE documents (doc_id VARCHAR PRIMARY KEY, source_path VARCHAR, ordinal INTEGER,
    char_start INTEGER, char_end INTEGER, title VARCHAR, duplicate_of VARCHAR, text VARCHAR);
CREATE TABLE sections (section_id VARCHAR PRIMARY KEY, doc_id VARCHAR, parent_id VARCHAR,
    level INTEGER, marker VARCHAR, title VARCHAR, char_start INTEGER, char_end INTEGER);
CREATE TABLE facts (fact_id VARCHAR PRIMARY KEY, doc_id VARCHAR, section_id VARCHAR,
    source_path VARCHAR, kind VARCHAR, value DOUBLE, value_max DOUBLE, unit VARCHAR,
    qualifier VARCHAR, subject VARCHAR, place VARCHAR, text VARCHAR, char_start INTEGER,
    char_end INTEGER, sentence VARCHAR, extractor VARCHAR);
CREATE TABLE checks (check_id VARCHAR PRIMARY KEY, doc_id VARCHAR, kind VARCHAR,
    stated DOUBLE, computed DOUBLE, char_start INTEGER, char_end INTEGER, text VARCHAR,
    message VARCHAR);
"""


@pytest.fixture
def warehouse():
    """TEXT as 3 documents of data/sample/x.txt, with sections, facts and checks."""
    con = duckdb.connect(":memory:")
    con.execute(WAREHOUSE_DDL)
    path = "data/sample/x.txt"
    bounds = [(_start(1), _start(2)), (_start(2), _start(4)), (_start(4), len(TEXT))]
    for i, (start, end) in enumerate(bounds):
        con.execute("INSERT INTO documents VALUES (?, ?, ?, ?, ?, 't', ?, ?)",
                    [f"d{i}", path, i, start, end, "d1" if i == 2 else None, TEXT[start:end]])
    for i, (doc_id, line) in enumerate((("d1", 2), ("d2", 5), ("d2", 8))):
        con.execute("INSERT INTO sections VALUES (?, ?, NULL, 1, '一、', 't', ?, ?)",
                    [f"s{i}", doc_id, _start(line), _start(line) + 4])
    con.execute("INSERT INTO facts VALUES ('f0', 'd1', NULL, ?, 'population', 27, NULL, "
                "'person', 'exact', '人口', NULL, '正文', ?, ?, '', 'x')",
                [path, _start(3), _start(3) + 2])
    con.execute("INSERT INTO checks VALUES ('c0', 'd1', 'ratio_mismatch', 27, 37, ?, ?, '', '')",
                [_start(3), _start(3) + 3])
    yield con
    con.close()


def test_load_predictions_reads_the_contract_tables(warehouse):
    pred = load_predictions(warehouse)
    assert [(d.source, d.doc_id, d.line, d.duplicate_of) for d in pred.documents] == [
        ("x.txt", "d0", 1, None), ("x.txt", "d1", 2, None), ("x.txt", "d2", 4, "d1")]
    assert [(s.source, s.line, s.marker) for s in pred.sections] == [
        ("x.txt", 2, "一、"), ("x.txt", 5, "一、"), ("x.txt", 8, "一、")]
    assert pred.facts == (PredFact("x.txt", _start(3), _start(3) + 2, "population", 27.0, None,
                                   "person", "exact", "人口", None),)
    assert pred.checks == (PredCheck("x.txt", "ratio_mismatch", _start(3), _start(3) + 3,
                                     27.0, 37.0, "正文一"),)
    assert load_predictions(warehouse, source_texts={"x.txt": TEXT}) == pred


def test_document_lines_from_the_warehouse_score_against_gold(warehouse):
    gold = Gold(documents=(gd(0, 1), gd(1, 2), gd(2, 4), gd(3, 7, dup=2)),
                sections=(GoldSection(SRC, 1, _start(2), 2, "一、"),
                          GoldSection(SRC, 2, _start(5), 5, None)))
    report = evaluate(gold, load_predictions(warehouse))
    assert report.documents.boundaries == PRF(4, 3, 3, 3)
    assert report.documents.duplicates == Accuracy(0, 1)
    assert report.documents.spurious_duplicates == 1  # d2 is flagged but gold doc 2 is not
    assert report.sections.headings == PRF(2, 3, 2, 2)
    assert report.sections.markers == Accuracy(1, 2)


def test_missing_table_is_a_clear_error():
    con = duckdb.connect(":memory:")
    with pytest.raises(ValueError, match="documents"):
        load_predictions(con)


def test_reconstruct_texts_and_line_of():
    # out of order, a leading gap (spaces) and an overlap (the first text placed wins)
    docs = [("p", 3, "cd\ne"), ("p", 0, "ab\n"), ("q", 2, "z"), ("r", 0, "abc"), ("r", 2, "CXY")]
    texts = reconstruct_texts(docs)
    assert texts == {"p": "ab\ncd\ne", "q": "  z", "r": "abcXY"}
    assert [line_of(texts["p"], i) for i in (0, 2, 3, 6, 99)] == [1, 1, 2, 3, 3]


# ---------------------------------------------------------------- report


def test_format_report_prints_all_parts():
    gold = Gold(facts=(gf(10, 15), gf(20, 25, kind="count", unit="家")),
                documents=(gd(0, 1),), sections=(GoldSection(SRC, 0, 0, 1, "一、"),),
                checks=(GoldCheck(SRC, 10, 15, "ratio_ok"),))
    pred = Predictions(facts=(pf(10, 15, value=30.0), pf(40, 45, kind="year", unit="year")),
                       documents=(pd("a", 1),), sections=(PredSection(SRC, 0, 1, None),),
                       checks=(PredCheck(SRC, "ratio_mismatch", 10, 15, 27, 37, "占总数27%"),))
    text = format_report(evaluate(gold, pred))
    lines = text.splitlines()
    population = next(line for line in lines if line.startswith("population"))
    assert population.split() == ["population", "1", "1"] + ["1.000"] * 6 + ["0.000"] * 3
    count = next(line for line in lines if line.startswith("count"))
    assert count.split() == ["count", "1", "0"] + ["-", "0.000", "0.000"] * 3
    core = next(line for line in lines if line.startswith("core"))
    assert core.split()[1:6] == ["1", "1", "1.000", "1.000", "1.000"]
    assert any(line.startswith("all ") and line.split()[3:6] == ["1.000", "0.500", "0.667"]
               for line in lines)
    assert "not scored (predicted kinds outside the guideline): year 1" in text
    assert "  value       0.000  (0/1)" in lines
    assert any(line.split() == ["document", "boundaries", "1", "1", "1.000", "1.000", "1.000"]
               for line in lines)
    assert "  marker accuracy       0.000  (0/1)" in lines
    assert "  duplicate accuracy        -  (0/0)" in lines
    assert any(line.split() == ["ratio_ok", "1", "0", "0.000", "0"] for line in lines)
    assert "  false alarms: 1" in lines
    assert ("    x.txt [10,15) ratio_mismatch stated=27 computed=37 占总数27%") in lines


# ---------------------------------------------------------------- the real gold folder


@pytest.mark.skipif(not (REPO / "data" / "gold").is_dir(), reason="no gold folder")
def test_gold_scored_against_itself_is_perfect():
    gold = load_gold(REPO / "data" / "gold")
    assert gold.facts and gold.documents and gold.sections and gold.checks
    ids = {(d.source, d.doc): f"d{d.doc}" for d in gold.documents}
    pred = Predictions(
        facts=tuple(PredFact(f.source, f.start, f.end, f.kind, f.value, f.value_max, f.unit,
                             f.qualifier, f.subject, f.place) for f in gold.facts),
        documents=tuple(PredDocument(d.source, ids[(d.source, d.doc)], d.start, d.line,
                                     None if d.duplicate_of is None
                                     else ids[(d.source, d.duplicate_of)])
                        for d in gold.documents),
        sections=tuple(PredSection(s.source, s.start, s.line, s.marker) for s in gold.sections),
        checks=tuple(PredCheck(c.source, c.kind, c.start, c.end) for c in gold.checks))
    report = evaluate(gold, pred)
    assert all(report.facts.table[level]["all"].f1 == 1.0 for level in ("span", "typed",
                                                                         "strict"))
    assert all(acc.value == 1.0 for acc in report.facts.attributes.values())
    assert report.documents.boundaries.f1 == 1.0 and report.sections.headings.f1 == 1.0
    assert report.documents.duplicates.value in (None, 1.0)
    assert all(acc.value == 1.0 for acc in report.checks.recall.values())
    assert report.checks.false_alarms == ()


def test_a_long_prediction_is_still_a_candidate_for_later_gold():
    # the 30-char prediction overlaps all three gold facts; it goes to the one it starts with
    facts = fact_report([gf(0, 3), gf(5, 8), gf(20, 23)], [pf(0, 30), pf(21, 22)])
    assert facts.table["span"]["all"] == PRF(n_gold=3, n_pred=2, matched_gold=2, matched_pred=2)
    facts = fact_report([gf(20, 23)], [pf(0, 30), pf(5, 6)])
    assert facts.table["span"]["all"] == PRF(n_gold=1, n_pred=2, matched_gold=1, matched_pred=1)


def test_head_noun_by_word_when_a_segmenter_is_given():
    from huibao.evaluate import head_noun, subject_correct

    words = {"工作进展迅速的村": ["工作", "进展", "迅速", "的", "村"],
             "户籍常住人口": ["户籍", "常住", "人口"]}
    segment = words.__getitem__
    assert head_noun("工作进展迅速的村", segment) == "村"
    assert head_noun("工作进展迅速的村") == "的村"
    assert subject_correct("工作进展迅速的村", "村", segment)
    assert not subject_correct("工作进展迅速的村", "村")
    assert subject_correct("户籍常住人口", "来沪常住人口", segment)
    assert not subject_correct("户籍常住人口", "户籍", segment)
