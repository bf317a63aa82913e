"""Long word lists, kept as data: `extractors/lang/data/<name>.tsv`.

One entry a line: the word, a tab, an example of the word in report text (the reason it
is on the list), optionally a tab and a note. Lines starting with `#` are comments. Read
once per process.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


class WordListError(ValueError):
    """A word list file is malformed (names the file and line)."""


@cache
def load_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The entries of list `name`, in file order, each as its fields (word, example, …)."""
    path = DATA / f"{name}.tsv"
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = tuple(line.split("\t"))
        if len(fields) < 2 or not fields[0] or not fields[1].strip():
            raise WordListError(f"{path}:{number}: expected 'word<TAB>example', got {line!r}")
        rows.append(fields)
    if len({row[0] for row in rows}) != len(rows):
        raise WordListError(f"{path}: a word is listed twice")
    return tuple(rows)


def load(name: str) -> tuple[str, ...]:
    """The words of list `name`, in file order."""
    return tuple(row[0] for row in load_rows(name))


def names() -> list[str]:
    """Every word list there is."""
    return sorted(path.stem for path in DATA.glob("*.tsv"))


def strip_words(phrase: str, trailing: tuple[str, ...] = (), leading: tuple[str, ...] = ()) -> str:
    """`phrase` without the words of `trailing` at its end and of `leading` at its start,
    taken off again as long as one is there (党员总人数为 → 党员总人数)."""
    changed = True
    while changed:
        changed = False
        for word in trailing:
            if phrase.endswith(word):
                phrase, changed = phrase[:-len(word)], True
        for word in leading:
            if phrase.startswith(word):
                phrase, changed = phrase[len(word):], True
    return phrase
