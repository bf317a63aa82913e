"""Fuzzing the text pipeline: input generators and the invariants every input must keep.

Shared by tests/pipelines/test_fuzz.py (hypothesis, a few thousand inputs) and
benchmarks/fuzz.py (a seeded loop over 100,000+ inputs). The pipeline is what the flow
runs on a .txt source, without Prefect or DuckDB: decode_text → build_documents →
build_sections → extract_facts (segment=None) → check_document.
"""
from __future__ import annotations

import codecs
import random
import time
from dataclasses import dataclass
from pathlib import Path

from pipelines.check import check_document
from pipelines.extract import extract_facts
from pipelines.read import SourceError, decode_text
from pipelines.structure import build_documents, build_sections

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample" / "village_reports_compilation.txt"
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8-sig")
SAMPLE_LINES = [line for line in SAMPLE_TEXT.split("\n") if line.strip()]

# Generous: real text runs at ~3 µs per character; 2 s for 10k characters is 200 µs.
SECONDS_PER_CHAR = 2.0 / 10_000
SECONDS_FLOOR = 0.5

# What report text is made of, and what trips number and structure parsers.
NUMERALS = "0123456789０１２３４５６７８９零〇一二三四五六七八九十百千万亿两壹贰叁拾佰仟萬億几余多来"
PUNCTUATION = "，。、；：！？（）()《》“”‘’—-~～－–.．,;:!?%％‰*＊×xX/·…\t \u3000"
# (No C1 control such as \x85: text with 1% of them is refused as binary, see read.py.)
NEWLINES = "\n\r\f\v\u2028"
ALPHABET = "".join(sorted(set(SAMPLE_TEXT) | set(NUMERALS) | set(PUNCTUATION) | set(NEWLINES)))
FRAGMENTS = (
    "一、", "（一）", "(二)", "1、", "2.", "（3）", "一是", "二是", "第一，", "——", "\n", "\r\n", "\n\n",
    "万元", "亿元", "元", "户", "人", "个村", "亩", "平方米", "公里", "米", "岁", "%", "个百分点", "倍",
    "约", "近", "超过", "不足", "以上", "左右", "余", "多", "**", "××", "XX", "3-5", "三四十", "百分之",
    "1,234", "12.5", "２０２１年", "十几", "上千", "其中", "共", "合计", "占", "村", "镇", "乡", "县",
    "各位领导：", "工作汇报", "关于", "的报告", "前言：", "我是", "近年来，", "按照要求",
    "全村共有农户326户，人口1024人。", "其中男性520人，占50.8%。", "总投资***万元",
)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One input's run: decoded length (0 when refused), time, and what was found."""

    chars: int
    seconds: float
    documents: int = 0
    facts: int = 0
    refused: str | None = None


def run_pipeline(raw: bytes) -> Outcome:
    """Decode and process `raw`; raise AssertionError when an invariant breaks.

    Any other exception is a crash. The caller compares the time with time_bound().
    """
    started = time.perf_counter()
    try:
        text, _ = decode_text(raw, "fuzz.txt")
    except SourceError as error:
        assert str(error).startswith("fuzz.txt: "), error
        return Outcome(0, time.perf_counter() - started, refused=error.reason)
    documents = build_documents(text, "fuzz.txt", "0" * 64)
    sections = build_sections(text, documents)
    facts, checks = [], []
    for document in documents:
        found = extract_facts(text, document, sections, None)
        facts.extend(found)
        checks.extend(check_document(document, found))
    seconds = time.perf_counter() - started
    check_invariants(text, documents, sections, facts, checks)
    return Outcome(len(text), seconds, len(documents), len(facts))


def time_bound(chars: int) -> float:
    """Seconds an input of `chars` characters may take (linear, generous)."""
    return SECONDS_FLOOR + SECONDS_PER_CHAR * chars


def check_invariants(text, documents, sections, facts, checks) -> None:
    """Offsets valid, spans nested, ids unique and fact/section ids under their document's
    (the warehouse relies on both: facts and sections have no primary key)."""
    assert documents, "a text that decodes has at least one document"
    assert documents[0].char_start == 0 and documents[-1].char_end == len(text)
    for before, after in zip(documents, documents[1:]):
        assert before.char_end == after.char_start, "documents tile the text"
    by_doc = {d.doc_id: d for d in documents}
    for document in documents:
        assert text[document.char_start:document.char_end] == document.text
    by_section = {s.section_id: s for s in sections}
    for ids, kind in (([d.doc_id for d in documents], "doc"), ([s.section_id for s in sections], "section"),
                      ([f.fact_id for f in facts], "fact"), ([c.check_id for c in checks], "check")):
        assert len(ids) == len(set(ids)), f"duplicate {kind} ids"
    for section in sections:
        document = by_doc[section.doc_id]
        assert section.section_id.startswith(section.doc_id + "-")
        assert document.char_start <= section.char_start <= section.char_end <= document.char_end
        if section.parent_id is not None:
            parent = by_section[section.parent_id]
            assert parent.doc_id == section.doc_id and parent.char_start <= section.char_start
    for fact in facts:
        document = by_doc[fact.doc_id]
        assert fact.fact_id.startswith(fact.doc_id + "-")
        assert document.char_start <= fact.char_start < fact.char_end <= document.char_end
        assert text[fact.char_start:fact.char_end] == fact.text
        assert fact.text in text[document.char_start:document.char_end]
        if fact.section_id is not None:
            assert by_section[fact.section_id].doc_id == fact.doc_id
    for check in checks:
        document = by_doc[check.doc_id]
        assert document.char_start <= check.char_start <= check.char_end <= document.char_end
        assert text[check.char_start:check.char_end] == check.text


# --- inputs --------------------------------------------------------------------------
# A mutation is (operation, where as a fraction of the length, payload); plain tuples so
# that hypothesis can draw and shrink them and the benchmark can draw them from a seed.
OPERATIONS = ("insert", "delete", "replace", "duplicate", "newline")


def apply_mutations(text: str, mutations) -> str:
    for operation, where, payload in mutations:
        at = int(where * len(text))
        if operation == "insert":
            text = text[:at] + payload + text[at:]
        elif operation == "delete":
            text = text[:at] + text[at + 1 + len(payload):]
        elif operation == "replace":
            text = text[:at] + payload + text[at + len(payload):]
        elif operation == "duplicate":
            text = text[:at] + text[at:at + 1 + 8 * len(payload)] + text[at:]
        else:
            text = text[:at] + "\n" + text[at:]
    return text


def encode(text: str, how: str) -> bytes:
    """The bytes of `text` as a source file might hold them."""
    if how == "utf-16":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le", "surrogatepass")
    if how == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8", "surrogatepass")
    return text.encode(how, "replace" if how == "gb18030" else "surrogatepass")


ENCODINGS = ("utf-8", "utf-8", "utf-8", "gb18030", "utf-16", "utf-8-sig")


def random_input(rng: random.Random) -> bytes:
    """One input for the seeded loop: mostly mutated sample text, some noise and repeats."""
    roll = rng.random()
    if roll < 0.6:  # a window of the sample, mutated
        start = rng.randrange(len(SAMPLE_TEXT))
        text = SAMPLE_TEXT[start:start + rng.choice((50, 300, 1500, 5000))]
        mutations = [(rng.choice(OPERATIONS), rng.random(), _payload(rng)) for _ in range(rng.randint(1, 30))]
        text = apply_mutations(text, mutations)
        if rng.random() < 0.3:  # hard-wrapped at a width (pipelines/line_wraps.py)
            text = hard_wrap(text, rng.randint(16, 60))
    elif roll < 0.8:  # characters of report text in random order
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 2000)))
    elif roll < 0.9:  # one fragment many times: the super-linear cases
        fragment = _payload(rng) or "1"
        text = fragment * max(1, rng.choice((100, 1000, 10_000)) // len(fragment))
    elif roll < 0.95:  # sample lines shuffled
        text = "\n".join(rng.sample(SAMPLE_LINES, rng.randint(1, 40)))
    else:  # raw bytes
        return rng.randbytes(rng.randint(0, 500))
    raw = encode(text, rng.choice(ENCODINGS))
    if rng.random() < 0.05 and raw:  # a file cut mid-character
        raw = raw[:rng.randrange(len(raw))]
    return raw


def hard_wrap(text: str, width: int) -> str:
    """Every line cut into lines of `width` characters."""
    return "\n".join(line[i:i + width] for line in text.split("\n") for i in range(0, max(len(line), 1), width))


def _payload(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return rng.choice(FRAGMENTS)
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 6)))
