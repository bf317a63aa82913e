"""The language data: every word list loads, gives each word an example, and holds no word twice."""
import pytest

from extractors.lang import wordlists
from extractors.lang.wordlists import WordListError, load, load_rows, names, strip_words


@pytest.mark.parametrize("name", names())
def test_every_list_loads_with_examples(name):
    rows = load_rows(name)
    assert rows, f"{name} is empty"
    for row in rows:
        assert row[0].strip() == row[0] and row[0], row
        assert row[1].strip(), f"{name}: {row[0]} has no example"


def test_examples_show_their_word():
    # An example is report text with the word in it (kept honest for the lists that allow it).
    for name in ("link_words", "following_stop", "rhetorical_items", "kinds_of_place", "common_place_words",
                 "measure_words"):
        for row in load_rows(name):
            assert row[0] in row[1], f"{name}: {row[1]!r} does not show {row[0]!r}"


def test_measure_words_have_a_guard_column_and_a_verbal_flag():
    rows = load_rows("measure_words")
    assert all(len(row) == 4 and row[3] in ("", "verbal") for row in rows)
    assert {row[0] for row in rows if row[3] == "verbal"} == {"次", "场次", "遍", "趟"}


@pytest.mark.parametrize("line, problem", [
    ("词\n", "expected 'word<TAB>example'"),
    ("词\t\n", "expected 'word<TAB>example'"),
    ("词\t例\n词\t例二\n", "listed twice"),
])
def test_a_malformed_list_names_the_file_and_line(tmp_path, monkeypatch, line, problem):
    monkeypatch.setattr(wordlists, "DATA", tmp_path)
    (tmp_path / "bad.tsv").write_text("# comment\n" + line, encoding="utf-8")
    load_rows.cache_clear()
    try:
        with pytest.raises(WordListError, match=problem) as error:
            load("bad")
        assert "bad.tsv" in str(error.value)
    finally:
        load_rows.cache_clear()


@pytest.mark.parametrize(("phrase", "trailing", "leading", "stripped"), [
    ("党员总人数为", ("为",), (), "党员总人数"),
    ("总人数为是", ("为", "是"), (), "总人数"),  # taken off again while one is there
    ("到有农户总数的", ("的",), ("到", "有"), "农户总数"),
    ("农户", ("的",), ("到",), "农户"),  # nothing to take off
])
def test_strip_words(phrase, trailing, leading, stripped):
    assert strip_words(phrase, trailing, leading) == stripped
