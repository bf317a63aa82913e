"""What the words around a figure say of it (pipelines/check_figures.py)."""
from __future__ import annotations

import pytest

from pipelines.check_figures import base_noun, written_precision
from schemas.models import Fact


def _fact(text: str) -> Fact:
    return Fact(fact_id="f", doc_id="d", source_path="x", kind="area", value=1.0, unit="mu", qualifier="exact",
                text=text, char_start=0, char_end=len(text), sentence=text, extractor="hand")


@pytest.mark.parametrize(("text", "precision"), [
    ("494亩", 0.5), ("5264.77亩", 0.005), ("1.2万亩", 500), ("3万元", 5000), ("二十户", 0.5), ("１０９６畝", 0.5),
])
def test_a_figure_is_as_precise_as_its_last_written_digit(text: str, precision: float) -> None:
    assert written_precision(_fact(text)) == pytest.approx(precision)


@pytest.mark.parametrize(("base", "noun"), [
    ("全村党员总数", "党员"), ("农户总数", "农户"), ("农村党员", "农村党员"), ("总收入", "收入"), ("党员总数的比重为", "党员"),
    ("总数", ""),
])
def test_the_noun_a_base_names(base: str, noun: str) -> None:
    assert base_noun(base) == noun
