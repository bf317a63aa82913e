"""Script folding: traditional characters read as simplified, one character for one."""
import pytest
from hypothesis import given, strategies as st

from extractors.lang.script import fold, unfold_table

ROWS = [
    ("全村316戶", "全村316户"),
    ("耕地450畝", "耕地450亩"),
    ("12個貧困村", "12个贫困村"),
    ("張家灣村", "张家湾村"),
    ("總人口1.2萬人,收入3億元", "总人口1.2万人,收入3亿元"),
    ("村裡", "村里"),  # a regional variant, then simplified
    ("ＧＤＰ增長5﹪", "GDP增长5%"),
    # stay as written: simplified characters, digits of either width, punctuation
    ("什么", "什么"),
    ("著名", "著名"),
    ("乾隆", "乾隆"),
    ("１，２３４人", "１，２３４人"),
    ("全村共有农户326户。", "全村共有农户326户。"),
]


@pytest.mark.parametrize(("text", "folded"), ROWS)
def test_fold(text, folded):
    assert fold(text) == folded


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x9FFF)))
def test_fold_keeps_every_offset(text):
    assert len(fold(text)) == len(text)


@given(st.text(alphabet="全村共有农户人口耕地面积亩元万亿个贫困张家湾0123456789,，。"))
def test_simplified_text_reads_as_written(text):
    assert fold(text) == text


@pytest.mark.parametrize(("simplified", "traditional"), [
    ("户数", "戶數"),  # one traditional form each (數, not the compatibility ideograph)
    ("人员年龄", "人員年齡"),
    ("发", "发"),  # 發 and 髮: no one form, kept
    ("人口", "人口"),  # the same in both scripts
])
def test_unfold_table(simplified, traditional):
    assert simplified.translate(unfold_table()) == traditional
