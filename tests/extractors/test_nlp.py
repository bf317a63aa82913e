"""The offline spaCy zh pipeline with pkuseg and huibao's registered component."""
from __future__ import annotations

import pytest

from extractors import compact_pkuseg
from extractors import nlp as nlp_module
from extractors.components import SPAN_KEY


@pytest.fixture(scope="module")
def nlp():
    return nlp_module.load_nlp()


def test_pkuseg_segments_offline(nlp):
    assert [t.text for t in nlp.tokenizer("全村共有农户516户")] == ["全村", "共有", "农户", "516", "户"]


def test_component_is_registered_and_marks_fact_spans(nlp):
    assert "huibao_numeric_facts" in nlp.pipe_names
    doc = nlp("全乡14个村,27名村支部书记中初中文化共20名,占总数74%,投入资金9100余万元。")
    spans = doc.spans[SPAN_KEY]
    assert all(s._.huibao_text in s.text for s in spans)
    assert all(doc.text[slice(*s._.huibao_char_span)] == s._.huibao_text for s in spans)
    assert [(s._.huibao_text, s.label_) for s in spans] == [
        ("14个村", "village_count"), ("27名", "population"), ("20名", "population"),
        ("74%", "ratio"), ("9100余万元", "money"),
    ]
    money = spans[-1]
    assert (money._.huibao_value, money._.huibao_unit, money._.huibao_qualifier) == (91000000.0, "CNY", "over")


def test_missing_model_names_the_set_up_command(tmp_path, monkeypatch):
    monkeypatch.setenv("HUIBAO_MODEL_DIR", str(tmp_path / "absent"))
    nlp_module.load_nlp.cache_clear()
    try:
        with pytest.raises(nlp_module.ModelMissingError) as error:
            nlp_module.load_nlp()
        assert "scripts/dev.py setup" in str(error.value)
        assert str(tmp_path / "absent") in str(error.value)
    finally:
        monkeypatch.undo()
        nlp_module.load_nlp.cache_clear()


def test_a_model_fetched_before_the_compact_arrays_gets_them_on_first_load(tmp_path, monkeypatch):
    # An older set-up left pkuseg's own files only; the first load builds the arrays.
    for name in (*nlp_module.MODEL_FILES, "features.msgpack"):
        if (nlp_module.model_dir() / name).is_file():
            (tmp_path / name).symlink_to(nlp_module.model_dir() / name)
    monkeypatch.setenv("HUIBAO_MODEL_DIR", str(tmp_path))
    nlp_module.load_nlp.cache_clear()
    try:
        nlp = nlp_module.load_nlp()
        assert compact_pkuseg.is_built(tmp_path)
        assert [t.text for t in nlp.tokenizer("全村共有农户516户")] == ["全村", "共有", "农户", "516", "户"]
    finally:
        nlp_module.load_nlp.cache_clear()
