"""Punctuation of report text: what ends a sentence or a clause, quotes, brackets, spaces.

Full- and half-width forms stand together: web copies, OCR and typed text mix them.
`char_class` builds a regex character class from these parts, so that a rule's class
names what it is made of.
"""
from __future__ import annotations

# Ends a sentence: 。 and ! ? ; in both widths.
SENTENCE_FINAL = "。!?;！？；"
COMMAS = ",，"
COLONS = ":："
LIST_COMMA = "、"  # between the items of a list
OPEN_BRACKETS = "(（"
CLOSE_BRACKETS = ")）"
OPEN_QUOTES = "“\"《「『‘"
CLOSE_QUOTES = "”\"》」』’"
ELLIPSIS = "…"
# Blanks inside a line: a space, a tab (a .docx table cell), no-break and ideographic spaces.
SPACES = " \t\u00a0\u3000"
SPACE_CLASS = "[ \t\u00a0\u3000]"
# An ASCII full stop after a word, not inside a number or an abbreviation (OCR and typed
# text: 面积21000亩.下辖6个村).
ASCII_STOP = r"(?<![0-9０-９A-Za-z.])\.(?![0-9])"
# What ends a clause right after a figure or phrase: punctuation, a closing bracket, a space
# or the end of the text (a regex to match at a position).
CLAUSE_END = r"(?:[,，。;；:：!！?？、)）]|\.(?![0-9])|\s|$)"
# Characters a Chinese word is written in (CJK unified ideographs).
HAN = "\u4e00-\u9fff"


def char_class(*parts: str, ranges: str = "", negate: bool = False) -> str:
    """A regex character class of the characters in `parts` (escaped as needed), plus
    `ranges` as written (`0-9０-９`, `HAN`)."""
    chars = "".join(dict.fromkeys("".join(parts)))
    escaped = "".join(_ESCAPES.get(c, c) for c in chars)
    return f"[{'^' if negate else ''}{escaped}{ranges}]"


_ESCAPES = {"\\": r"\\", "]": r"\]", "^": r"\^", "-": r"\-", "\n": r"\n", "\t": r"\t"}
