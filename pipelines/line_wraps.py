"""Hard-wrapped text: line breaks that only wrap a paragraph at a fixed width.

Text exported from PDFs and fixed-width editors breaks every paragraph into lines of about
the same length; a figure, its subject and its place then fall on different "lines" and a
line break, read as the end of a sentence, cuts them apart. `read_wrapped` gives the text
with those wrap breaks turned into spaces (moved past a number or word they cut): the same
length, so extraction reads it where it would read the text, and `Reading.span` maps what
it finds back to the text's offsets.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from extractors.lang.numerals import ARABIC_DIGITS
from extractors.lang.punctuation import DOTS, ELLIPSIS, HAN, PARAGRAPH_FINAL, PINYIN_ANNOTATION, char_class
from extractors.lang.script import fold, unfold_table

# A wrapped text has at least this many lines of about one length (its width), making at
# least this share of its longer lines; lines within _SLACK of the width are full.
_MIN_FULL_LINES = 8
_MIN_FULL_SHARE = 0.4
_MIN_WIDTH = 16
_SLACK = 3
# A line that ends with these ends its paragraph (or is a heading), full or not.
_PARAGRAPH_END = frozenset(PARAGRAPH_FINAL)
_LINE = re.compile(r"[^\n]*\n")
_DOT, _DIGIT = char_class(DOTS), f"[{ARABIC_DIGITS}]"
_NUMBER_REST = re.compile(f"{_DOT}?{_DIGIT}+(?:{_DOT}{_DIGIT}+)?")
_HAN = re.compile(f"[{HAN}]")
_MAX_MOVE = 12
_HAN_RUN = re.compile(rf"[{HAN}]{{1,{_MAX_MOVE}}}")
_SPACES = r"\s*"  # a phrase read across a wrap or a letter-spaced title
# A pinyin gloss a web copy puts after a character (個(gè)村民組, 鄉(xiāng)政府), between characters.
_GLOSS = re.compile(f"(?<=[{HAN}]){PINYIN_ANNOTATION}(?=[{HAN}])")
# 。 typed for a decimal point in OCR text, between digits before a percent sign: 90。5%.
_OCR_DECIMAL = re.compile(r"。(?<=[0-9０-９]。)(?=[0-9０-９]{1,2}[%％])")  # the literal first: a fast scan


def wrap_width(text: str) -> int | None:
    """The width the text is wrapped at, or None when its lines are not wrapped."""
    lengths = Counter(len(line.rstrip()) for line in text.split("\n"))
    longer = sum(n for length, n in lengths.items() if length >= _MIN_WIDTH)
    best, best_count = None, 0
    for width in lengths:
        if width < _MIN_WIDTH:
            continue
        count = sum(lengths.get(w, 0) for w in range(width - _SLACK, width + _SLACK + 1))
        if count > best_count or (count == best_count and best is not None and width > best):
            best, best_count = width, count
    if best is None or best_count < _MIN_FULL_LINES or best_count < _MIN_FULL_SHARE * longer:
        return None
    # the commonest length of the window: the width itself, not a paragraph's short last line
    return max(range(best - _SLACK, best + _SLACK + 1), key=lambda w: (lengths.get(w, 0), w))


class Reading(NamedTuple):
    """A text as extraction reads it: in simplified characters (extractors.lang.script:
    `folded` when that changed any), wrap breaks as spaces and a number or word cut by a
    wrap whole again (`wrapped` when the text is hard-wrapped), a word cut by a pinyin gloss
    whole again. In each range [start, end) of `moved`, the characters after a wrap moved
    up by one and the wrap, as a space, took the range's last place; in each range
    [start, end) of `glossed`, the characters after a gloss moved up by its `width` and the
    gloss, as spaces, took the range's last places."""

    text: str
    moved: tuple[tuple[int, int], ...] = ()
    wrapped: bool = False
    folded: bool = False
    glossed: tuple[tuple[int, int, int], ...] = ()  # (start, end, width)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span in the text of what reads as [start, end) (3.5公里 reads where the text
        holds 3.5公\\n里: one character more)."""
        return self._offset(start, end_of_span=False), self._offset(end, end_of_span=True)

    def _offset(self, offset: int, end_of_span: bool) -> int:
        # The glosses were read out after the wraps were joined: undone first.
        for ranges in (self.glossed, self.moved):
            index = bisect_right(ranges, (offset, len(self.text) + 1)) - 1
            if index >= 0:
                low, high, *width = ranges[index]
                shift = width[0] if width else 1
                if (low < offset <= high - shift) if end_of_span else (low <= offset < high - shift):
                    offset += shift
        return offset


@lru_cache(maxsize=4)  # the stages and each document of a source read the same text
def read_wrapped(text: str) -> Reading:
    """`text` as extraction reads it (same length, so offsets carry over; see Reading).

    A break is a wrap when the line before it is full (within a few characters of the
    text's wrap width, or longer) and does not end with a paragraph's final punctuation;
    it reads as a space. A wrap inside a number (32\\n426人, 12\\n.6公里) or a run of
    Chinese characters (3.5公\\n里, 五沙\\n村) moves to its end. Text whose lines are not
    wrapped reads as it is.
    """
    read = _OCR_DECIMAL.sub(".", fold(text))
    folded = read != text
    width = wrap_width(read)
    if width is None:
        read, glossed = _without_glosses(read)
        return Reading(read if folded or glossed else text, folded=folded, glossed=glossed)
    text, chars, moved = read, list(read), []
    for match in _LINE.finditer(text):
        body = match.group()[:-1].rstrip()
        if len(body) < width - _SLACK or body[-1] in _PARAGRAPH_END:
            continue
        wrap = match.end() - 1
        end = wrap + 1 + _cut_length(text, wrap)
        chars[wrap:end] = [*text[wrap + 1:end], " "]
        if end > wrap + 1:
            moved.append((wrap, end))
    # Glosses are read out of the joined text, so a word a wrap and a gloss both cut is whole.
    read, glossed = _without_glosses("".join(chars))
    return Reading(read, tuple(moved), wrapped=True, folded=folded, glossed=glossed)


def _without_glosses(text: str) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """`text` with each pinyin gloss read as spaces after the run of characters it cuts
    (個(gè)村民組 reads as 個村民組 and four spaces), and the ranges moved (see Reading)."""
    if _GLOSS.search(text) is None:
        return text, ()
    chars, glossed = list(text), []
    for gloss in _GLOSS.finditer(text):
        end = _HAN_RUN.match(text, gloss.end()).end()
        chars[gloss.start():end] = [*text[gloss.end():end], *" " * len(gloss.group())]
        glossed.append((gloss.start(), end, len(gloss.group())))
    return "".join(chars), tuple(glossed)


def reading_text(text: str) -> str:
    """The text of read_wrapped(text)."""
    return read_wrapped(text).text


def _cut_length(text: str, wrap: int) -> int:
    """How many characters after the wrap at `wrap` continue the number or the run of
    Chinese characters it cuts (at most _MAX_MOVE)."""
    before = text[wrap - 1:wrap]
    if before.isdigit() or before in DOTS and text[wrap - 2:wrap - 1].isdigit():
        rest = _NUMBER_REST.match(text, wrap + 1)
    elif _HAN.match(before):
        rest = _HAN_RUN.match(text, wrap + 1)
    else:
        return 0
    return rest.end() - wrap - 1 if rest else 0


def as_written(phrase: str | None, reading: Reading, text: str, lo: int = 0, hi: int | None = None) -> str | None:
    """A phrase copied from the reading of `text` as the text writes it: in its own
    script (张家湾村 read where the text has 張家灣村: the first place in reading[lo:hi] the
    phrase reads at, spaces between its characters allowed), and across a wrap as the
    text means it (农 户 → 农户)."""
    if phrase is None:
        return None
    if reading.folded or reading.glossed:
        phrase = _in_its_script(phrase, reading, text, lo, len(text) if hi is None else hi)
    return "".join(phrase.split()) or None if reading.wrapped else phrase


def _put_together(phrase: str, read: str, text: str) -> str:
    """A phrase put together from the words of `read`, a stretch of `text` as read, in the
    script of that stretch: as it is where the text writes each character as it reads
    (simplified); else each character as the text writes it there (户 → 戶; 占 where the text
    writes 占), then in its one traditional form (数 → 數)."""
    written = {a: b for a, b in zip(read, text) if a != b and fold(b) == a}  # not a wrap's moved characters
    if not written:
        return phrase
    unfold = unfold_table()
    return "".join(written.get(c) or (c if c in text else unfold.get(ord(c), c)) for c in phrase)


def _in_its_script(phrase: str, reading: Reading, text: str, lo: int, hi: int) -> str:
    shortened = phrase.endswith(ELLIPSIS)  # a long title cut short: …
    body = "".join(phrase.removesuffix(ELLIPSIS).split())
    found = re.compile(_SPACES.join(map(re.escape, body))).search(reading.text, lo, hi) if body else None
    if found is None:  # a phrase put together from the text's words (脱贫 + 户数): in the script around it
        return _put_together(phrase, reading.text[lo:hi], text[lo:hi])
    start, end = reading.span(*found.span())
    return text[start:end] + (ELLIPSIS if shortened else "")
