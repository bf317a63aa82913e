"""The compact pkuseg segmenter cuts every text exactly as spacy-pkuseg's own does."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import spacy_pkuseg
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import compact_pkuseg
from extractors.nlp import load_nlp, model_dir

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample" / "village_reports_compilation.txt"
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "reports").glob("*.txt"))


@pytest.fixture(scope="module")
def original():
    """spacy-pkuseg with the same model and default user dictionary (~900 MB, once)."""
    return spacy_pkuseg.pkuseg(str(model_dir()))


@pytest.fixture(scope="module")
def compact():
    return load_nlp().tokenizer.pkuseg_seg


def _texts() -> list[str]:
    return [SAMPLE.read_text(encoding="utf-8-sig"), *(p.read_text(encoding="utf-8") for p in FIXTURES)]


@pytest.mark.parametrize("text", [
    "全村共有农户516户", "全村共有农户420户", "ab村AB村",  # same normalised text: one cached answer
    "投入资金9100余万元，占总数74%",
    "1.5万元", "３．５亩", "ＡＢＣ公司和abc", "2019-2020年", "a/b|c:d*e_f,g",
    "**Num", "***", "。", "村", "",
    "乡村振兴\t战略  全面推进", "😀村民😀", "〇一二三四五六七八九十百千万亿",
    "中华人民共和国国务院扶贫开发领导小组办公室", "的的的的的的的的的的",
])
def test_tricky_inputs_cut_as_pkuseg_does(original, compact, text):
    assert compact.cut(text) == original.cut(text)


def test_every_line_of_the_sample_and_fixtures(original, compact):
    lines = [line for text in _texts() for line in text.splitlines() if line.strip()]
    assert len(lines) > 200
    assert [compact.cut(line) for line in lines] == [original.cut(line) for line in lines]


def test_random_windows_of_the_reports(original, compact):
    # Windows cut anywhere: word features at a text's edges are where an offset would slip.
    rng, text = random.Random(5), "".join(_texts())
    windows = []
    for _ in range(2000):
        start = rng.randrange(len(text))
        windows.append(text[start:start + rng.randint(1, 60)])
    assert [compact.cut(w) for w in windows] == [original.cut(w) for w in windows]


_ALPHABET = "".join(sorted(set(SAMPLE.read_text(encoding="utf-8-sig")))) + "-._,|/*:ＡａＺ１％\u3000😀"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_any_text_over_the_reports_alphabet(original, compact, text):
    assert compact.cut(text) == original.cut(text)


def test_holds_no_python_feature_table(compact):
    assert not hasattr(compact, "feature_extractor")
    assert compact._keys.dtype.name == "uint64" and len(compact._keys) > 2_000_000


@pytest.mark.parametrize("meta, built", [
    ({"format": compact_pkuseg.FORMAT_VERSION}, True),
    ({"format": compact_pkuseg.FORMAT_VERSION - 1}, False),
    ({}, False),
    (None, False),
])
def test_is_built_only_for_the_current_format(tmp_path, meta, built):
    if meta is not None:
        (tmp_path / compact_pkuseg.FOLDER).mkdir()
        (tmp_path / compact_pkuseg.FOLDER / "meta.json").write_text(json.dumps(meta))
    assert compact_pkuseg.is_built(tmp_path) is built
