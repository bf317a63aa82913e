"""Near-identical repeats of earlier documents (pipelines/duplicates.py)."""
from __future__ import annotations

import os
import random
import subprocess
import sys
import time

import pytest
from gold_structure import gold_documents, sample_text

from pipelines.duplicates import find_duplicates, normalise

REPORT = ("近年来,为了全面落实群众公认“五条”要求,严格执行干部选任责任追究制度,收到明显效果。"
          "一是严把条件资格关,把知情权交给群众。新提拔的干部必须具备规定的基本条件,"
          "在干部推荐前,组织部把推荐的职位、条件、资格进行公布,让干部群众提前知晓。")
OTHER = ("2021年以来,XX镇高度重视火化及移风易俗工作,以新一届村两委干部任职为契机,"
         "村级调整了火化及移风易俗工作小组,重新明晰职责,细化工作措施,狠抓工作落实,"
         "全面保障工作成效。一是进一步强化组织领导。二是进一步细化工作措施。")
SHORT = "一、基本情况\n全村共有农户326户。"


def respaced(text: str) -> str:
    """The same text with other line breaks, spaces and full-width punctuation."""
    return "　" + text.replace(",", "，").replace("。", "。\n").replace("、", " 、 ")


def one_char_changed(text: str) -> str:
    middle = len(text) // 2
    return text[:middle] + "村" + text[middle + 1:]


@pytest.mark.parametrize(("texts", "expected"), [
    pytest.param([REPORT, OTHER], [None, None], id="different"),
    pytest.param([REPORT, REPORT], [None, 0], id="identical"),
    pytest.param([REPORT, respaced(REPORT)], [None, 0], id="whitespace-and-punctuation"),
    pytest.param([REPORT, one_char_changed(REPORT)], [None, 0], id="small-edit"),
    pytest.param([REPORT, REPORT[: len(REPORT) // 2]], [None, None], id="half-is-not-a-repeat"),
    pytest.param([OTHER, REPORT, REPORT, respaced(REPORT)], [None, None, 1, 1],
                 id="earliest-earlier-original"),
    pytest.param([one_char_changed(REPORT), OTHER, REPORT], [None, None, 0], id="original-edited"),
    pytest.param([SHORT, SHORT], [None, None], id="short-never-duplicate"),
    pytest.param(["", "", "  \n"], [None, None, None], id="empty"),
    pytest.param([], [], id="no-documents"),
])
def test_find_duplicates(texts: list[str], expected: list[int | None]) -> None:
    assert find_duplicates(texts) == expected


def test_normalise_ignores_width_space_and_punctuation() -> None:
    assert normalise("一、基本情况 ,全村１２户。\n") == normalise("一基本情况，全村12户") == "一基本情况全村12户"


def test_many_documents_of_similar_length_stay_fast() -> None:
    pool = REPORT + OTHER
    rng = random.Random(7)
    texts = ["".join(rng.choice(pool) for _ in range(2000)) for _ in range(300)]
    began = time.perf_counter()
    result = find_duplicates(texts)
    assert time.perf_counter() - began < 20
    assert result == [None] * 300


def test_large_document_repeat_is_found() -> None:
    big = (REPORT + OTHER) * 20_000        # about 4.6 M chars
    assert find_duplicates([big, one_char_changed(big)]) == [None, 0]


def test_dev_gold_duplicates() -> None:
    text = sample_text()
    starts = [row["start"] for row in gold_documents()] + [len(text)]
    documents = [text[a:b] for a, b in zip(starts, starts[1:])]
    expected = [row["duplicate_of"] for row in gold_documents()]
    assert find_duplicates(documents) == expected


def test_shingle_samples_are_the_same_in_every_process() -> None:
    # hash() is salted per process: samples taken with it differed between runs
    script = ("from pipelines.duplicates import _shingles, normalise; import sys; "
              "print(sorted(_shingles(normalise(sys.argv[1]), 2)))")
    samples = {
        subprocess.run([sys.executable, "-c", script, REPORT + OTHER], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3")
    }
    assert len(samples) == 1 and samples.pop().startswith("[")
