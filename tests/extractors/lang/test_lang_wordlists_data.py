"""Every word list in extractors/lang/data loads: a word and an example a line, no word twice."""
from __future__ import annotations

import pytest

from extractors.lang import wordlists


@pytest.mark.parametrize("name", wordlists.names())
def test_every_word_list_loads_with_examples_and_no_duplicates(name):
    words = wordlists.load(name)  # raises WordListError on a line without example or a word twice
    assert words and all(word == word.strip() for word in words)
