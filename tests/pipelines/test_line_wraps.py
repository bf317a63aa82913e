"""Hard-wrapped text (pipelines/line_wraps.py): wrap breaks read as spaces, offsets kept."""
from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines import process
from pipelines.line_wraps import Reading, as_written, read_wrapped, reading_text, wrap_width
from pipelines.structure import build_documents, build_sections
from schemas import Source, SourceStatus

PARAGRAPHS = [
    "一、基本情况",
    "青石村位于县城东部，全村辖6个村民小组，共有农户356户，人口1280人，其中党员46名。"
    "全村耕地面积3200亩，人均耕地2.5亩，2023年农村人均可支配收入15800元。",
    "二、主要做法",
    "今年争取上级资金人民币50万元，新修通村公路3.5公里，硬化道路1200米，惠及群众2000余人。"
    "全村森林覆盖率达到67.3%，比上年提高5个百分点。",
]


def wrap(paragraphs: list[str], width: int) -> tuple[str, list[int]]:
    """Paragraphs cut into lines of `width` characters; also the offsets of the inserted
    breaks in the unwrapped text."""
    lines, inserted, offset = [], [], 0
    for paragraph in paragraphs:
        for start in range(0, len(paragraph), width):
            lines.append(paragraph[start:start + width])
            if start + width < len(paragraph):
                inserted.append(offset + start + width)
        offset += len(paragraph) + 1
    return "\n".join(lines) + "\n", inserted


def test_unwrapped_text_is_read_as_it_is(sample_text):
    assert wrap_width(sample_text) is None
    assert reading_text(sample_text) is sample_text


def test_wrapped_text_reads_as_paragraphs():
    text, _ = wrap(PARAGRAPHS * 3, 24)
    reading = reading_text(text)
    assert wrap_width(text) == 24
    assert len(reading) == len(text)
    assert [line.replace(" ", "") for line in reading.split("\n")[:4]] == PARAGRAPHS


@pytest.mark.parametrize(("text", "expected"), [
    # a full line ending a sentence ends its paragraph; a short line (a heading) is its own
    ("一二三四五六七八九十一二三四五六七八九十。\n" * 10, "一二三四五六七八九十一二三四五六七八九十。\n" * 10),
    ("标题\n" + "，二三四五六七八九十一二三四五六七八九十\n" * 10,
     "标题\n" + "，二三四五六七八九十一二三四五六七八九十 " * 10),
    # a wrap inside a number or a run of Chinese characters moves to its end
    ("一二三四五六七八九十一二三四五六七八九。\n" * 9 + "一二三四五六七八九十一二三四五六七八35\n6户，",
     "一二三四五六七八九十一二三四五六七八九。\n" * 9 + "一二三四五六七八九十一二三四五六七八356 户，"),
    ("，二三四五六七八九十一二三四五六七八九十\n" * 9 + "，二三四五六七八九十一二三四五六七3.5公\n里，",
     "，二三四五六七八九十一二三四五六七八九十 " * 9 + "，二三四五六七八九十一二三四五六七3.5公里 ，"),
    # too few lines of one length: not wrapped
    ("一二三四五六七八九十一二三四五六七八九十\n" * 3, "一二三四五六七八九十一二三四五六七八九十\n" * 3),
])
def test_reading_text_table(text, expected):
    assert reading_text(text) == expected


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="村民户人亩元全共有的了和，、", min_size=1, max_size=120).map(lambda s: s + "。"),
                min_size=6, max_size=20),
       st.integers(min_value=16, max_value=40))
def test_reading_text_joins_exactly_the_wraps(paragraphs, width):
    text, inserted = wrap(paragraphs, width)
    reading = reading_text(text)
    assert len(reading) == len(text)
    if wrap_width(text) is None:
        assert reading == text
        return
    # every wrap reads as a space, moved at most to the end of the word it cut; every
    # paragraph's end stays where it is
    assert reading.count(" ") == len(inserted)
    assert reading.replace(" ", "") == "".join(p + "\n" for p in paragraphs)
    assert [i for i, c in enumerate(reading) if c == "\n"] == \
        [i for i, c in enumerate(text) if c == "\n" and text[i - 1] == "。"]


@pytest.mark.parametrize(("read", "span"), [
    ((0, 4), (0, 4)),    # before the moved range
    ((1, 6), (1, 7)),    # 3.5公里 ends inside it: the text's span takes the wrap too
    ((1, 7), (1, 7)),    # ends at its last place (the space): nothing moved past
    ((5, 6), (6, 7)),    # inside it: one character on
    ((7, 9), (7, 9)),    # after it
])
def test_reading_span(read, span):
    text = "路3.5公\n里，长"
    reading = Reading("路3.5公里 ，长", ((5, 7),))
    assert reading.span(*read) == span
    assert text[span[0]:span[1]].replace("\n", "") == reading.text[read[0]:read[1]].replace(" ", "")


@pytest.mark.parametrize(("text", "phrase", "written"), [
    ("全村农户326户", "农户", "农户"),  # read as it is
    ("全村農戶326戶", "农户", "農戶"),  # traditional: copied in the text's script
    ("張家灣村位於山區", "张家湾村", "張家灣村"),
    ("張家灣村位於山區，张家湾", "张家湾", "張家灣"),  # the first place it reads at
    ("關於颱風受災情況的報告", "关於台风受灾情况…", "關於颱風受災情況…"),  # a shortened title (於 is in GB 2312: kept)
    ("全村農戶326戶", "耕地", "耕地"),  # not in the text: as read
    # put together from the text's words: each character as the text writes it, else in its
    # one traditional form; a character the text writes as it reads stays
    ("全村共970戶、3984人", "户数", "戶數"),
    ("脫貧27戶89人", "脱贫人口", "脫貧人口"),
    ("其中女黨員12名,占黨員總數的26%", "女党员占党员总数", "女黨員占黨員總數"),
])
def test_as_written_copies_a_phrase_in_its_script(text, phrase, written):
    assert as_written(phrase, read_wrapped(text), text) == written


def test_a_phrase_put_together_takes_the_script_around_it():
    # a compilation: a simplified report, then a traditional one
    text = "全村共210户。\n全村共970戶、3984人。"
    reading = read_wrapped(text)
    middle = text.index("\n")
    assert as_written("户数", reading, text, 0, middle) == "户数"
    assert as_written("户数", reading, text, middle, len(text)) == "戶數"


def test_as_written_across_a_wrap():
    wrapped = Reading("农 户", wrapped=True)
    assert as_written("农 户", wrapped, "农\n户") == "农户"
    assert as_written("医务 人员", Reading("医务 人员"), "医务 人员") == "医务 人员"
    assert as_written(" ", wrapped, " ") is None
    assert as_written(None, wrapped, "") is None


def _facts(text: str, segment) -> list:
    documents = build_documents(text, "report.txt", "0" * 64)
    sections = build_sections(text, documents)
    source = Source(source_path="report.txt", sha256="0" * 64, status=SourceStatus.LOADED, loaded_at=datetime(2026, 1, 1))
    result = process.SourceResult(source, text=text, documents=documents, sections=sections)
    return process.extract_stage(result, segment).facts


def test_wrapped_report_gives_the_facts_of_the_unwrapped_one(segment):
    paragraphs = ["青石村2023年工作总结", *PARAGRAPHS * 2]
    plain = "\n".join(paragraphs) + "\n"
    wrapped, inserted = wrap(paragraphs, 26)
    assert wrap_width(wrapped) is not None
    expected = [(f.kind, f.value, f.unit, f.subject, f.place) for f in _facts(plain, segment)]
    facts = _facts(wrapped, segment)
    assert [(f.kind, f.value, f.unit, f.subject, f.place) for f in facts] == expected
    for fact in facts:
        assert wrapped[fact.char_start:fact.char_end] == fact.text
    assert any("\n" in fact.text for fact in facts)  # some figures are cut by a wrap (35\n6户)
    documents = build_documents(wrapped, "report.txt", "0" * 64)
    assert "".join(d.text for d in documents) == wrapped
    assert [s.title for s in build_sections(wrapped, documents)] == \
        [s.title for s in build_sections(plain, build_documents(plain, "report.txt", "0" * 64))]


def test_an_ocr_full_stop_between_digits_before_a_percent_sign_reads_as_a_decimal_point(segment):
    text = "贫困户占总户数的90。5%。全村90。共5个组。"
    reading = read_wrapped(text)
    assert reading.text == "贫困户占总户数的90.5%。全村90。共5个组。" and reading.folded
    facts = _facts(text, segment)
    assert [(f.text, f.value) for f in facts if f.kind == "ratio"] == [("90。5%", 90.5)]


@pytest.mark.parametrize(("text", "read"), [
    # a pinyin gloss a web copy put after a character reads as spaces after the word it cut
    ("全村辖12个(gè)村民组", "全村辖12个村民组    "),
    ("距乡(xiāng)政府3公里", "距乡政府       3公里"),
    ("劳动(dòng)力310人", "劳动力      310人"),
    ("我们(men)的", "我们的" + " " * 5),  # a neutral tone has no mark
    # brackets of no pinyin, or not between characters, are no gloss
    ("村民(2)组", "村民(2)组"),
    ("方案(A)稿", "方案(A)稿"),
    ("gè(gè)", "gè(gè)"),
])
def test_a_pinyin_gloss_reads_after_the_word_it_cuts(text, read):
    assert read_wrapped(text).text == read


def test_a_glossed_figure_keeps_its_span_and_phrases_their_writing(segment):
    text = "全村轄12個(gè)村民組,距鄉(xiāng)政府3公里,共有勞動(dòng)力310人。"
    facts = _facts(text, segment)
    assert [(f.text, f.kind, f.unit) for f in facts] == [
        ("12個(gè)村民組", "village_count", "unit"), ("3公里", "length", "km"), ("310人", "population", "person")]
    for fact in facts:
        assert text[fact.char_start:fact.char_end] == fact.text
    assert as_written("劳动力", read_wrapped(text), text) == "勞動(dòng)力"


@pytest.mark.parametrize("width", [22, 26, 31])
def test_a_glossed_wrapped_report_gives_the_facts_of_the_plain_one(segment, width):
    glossed = [p.replace("个村民小组", "个(gè)村民小组").replace("人口", "人(rén)口").replace("公路", "公(gōng)路")
               for p in ["青石村2023年工作总结", *PARAGRAPHS * 2]]
    plain = "\n".join(p.replace("(gè)", "").replace("(rén)", "").replace("(gōng)", "") for p in glossed) + "\n"
    wrapped, _ = wrap(glossed, width)
    assert wrap_width(wrapped) is not None and read_wrapped(wrapped).glossed
    expected = [(f.kind, f.value, f.unit) for f in _facts(plain, segment)]
    facts = _facts(wrapped, segment)
    assert [(f.kind, f.value, f.unit) for f in facts] == expected
    for fact in facts:
        assert wrapped[fact.char_start:fact.char_end] == fact.text
