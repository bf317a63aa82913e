"""Heading lines of one report: numbered markers, unnumbered heading lines, and their outline.

Rules follow GUIDELINE §2 and DECISIONS 8-14:
- only a marker at the start of a line makes a heading (an enumerator inside a line does not);
- an unnumbered heading is a short line without sentence-final punctuation, or a short line
  ending in ':' that introduces what follows; salutations, greetings, self-introductions and
  opening paragraphs ending in ':' are not headings.

Outline levels work like Word outline numbering: the first marker style seen is level 1, a
style first seen while inside another heading nests one deeper, and a style seen before keeps
its level. Unnumbered headings split in two kinds:
- a *part* heading (before any numbered heading, or starting with '——', or ending in ':', or
  followed by an item-1 list such as "今后三年的工作设想" + "1、…") is always level 1, so the
  list after it nests under it;
- any other unnumbered heading (a short item line such as "看一部反腐倡廉电教片") behaves like a
  marker style of its own: it nests under the innermost open heading that has no inline body
  (a run-in paragraph such as "二是抓阵地建设。…" does not contain heading lines).

Every regex here is anchored and bounded (no nested unbounded quantifiers), and line
classification only looks at the first HEAD_CHARS characters, so a 100 MB line costs one scan.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from extractors.lang import headings as words
from extractors.lang.numerals import ARABIC_DIGITS, CN_DIGITS, CN_SMALL_UNITS, PLAIN_CN_NUMERALS
from extractors.lang.punctuation import (
    CLAUSE_FINAL,
    CLOSE_BRACKETS,
    COLONS,
    COMMAS,
    DASHES,
    DOTS,
    LINE_START_BLANKS,
    LIST_COMMA,
    OPEN_BRACKETS,
    SENTENCE_OR_COLON,
    SPACES,
    WORD_SPACES,
    char_class,
)

# Enough for any heading and its title; body text past this is never inspected.
HEAD_CHARS = 512
TAIL_CHARS = 32

_CN = f"[{PLAIN_CN_NUMERALS}]"
_AR = f"[{ARABIC_DIGITS}]"   # ASCII or full-width digits (\d would also take other scripts' digits)
_CIRCLED = words.CIRCLED_NUMERALS
_LEADING_SPACE = re.compile(f"{char_class(LINE_START_BLANKS)}*")
_OPEN, _CLOSE, _DOT = char_class(OPEN_BRACKETS), char_class(CLOSE_BRACKETS), char_class(DOTS)
_DI, _IS = words.ORDINAL_PREFIX, words.ENUMERATOR
_TEN = next(c for c in PLAIN_CN_NUMERALS if CN_SMALL_UNITS.get(c) == 10)  # 十
_NOT_CLAUSE_OR_IS = char_class(CLAUSE_FINAL, LIST_COMMA, _IS, ranges=r"\s", negate=True)

# (style, canonical rank, pattern). Rank orders styles the way Chinese reports nest them
# (第一部分 > 一、 > (一) > 1、/1. > (1) > ① > 一是); split_documents uses it to tell a new
# report from a sub-list. Order matters: longer/more specific forms first.
_MARKER_PATTERNS: tuple[tuple[str, int, re.Pattern[str]], ...] = (
    ("di-part", 0, re.compile(rf"{_DI}({_CN}{{1,3}}|{_AR}{{1,2}}){words.one_of(words.PART_WORDS)}")),
    # 第一支队伍是 / 第二个方面是: the clause up to 是 is the marker (DECISIONS 11).
    ("enum-named", 6, re.compile(rf"{_DI}({_CN}{{1,3}}){_NOT_CLAUSE_OR_IS}{{1,6}}{_IS}")),
    ("enum-di", 6, re.compile(rf"{_DI}({_CN}{{1,3}}){char_class(COMMAS, LIST_COMMA)}")),
    ("enum", 6, re.compile(rf"({_CN}{{1,3}}){_IS}(?!{words.NOT_ENUMERATOR_AFTER})")),
    # 一、 but not a list of numerals such as 三、四月份 / 一、二级.
    ("cn-dun", 1, re.compile(
        rf"({_CN}{{1,3}}){LIST_COMMA}(?!{_CN}{{1,2}}{words.one_of((*words.NUMERAL_LIST_WORDS, LIST_COMMA))})")),
    ("cn-dot", 1, re.compile(rf"({_CN}{{1,3}}){_DOT}(?!{_CN})")),
    ("paren-cn", 2, re.compile(rf"{_OPEN}({_CN}{{1,3}}){_CLOSE}")),
    ("ar-dun", 3, re.compile(rf"({_AR}{{1,2}}){LIST_COMMA}")),
    # 1. but not a decimal (1.5公里) or a date (3.15).
    ("ar-dot", 3, re.compile(rf"({_AR}{{1,2}}){_DOT}(?!{char_class(DOTS, ranges=ARABIC_DIGITS)})")),
    ("paren-ar", 4, re.compile(rf"{_OPEN}({_AR}{{1,2}}){_CLOSE}")),
    ("ar-paren", 4, re.compile(rf"({_AR}{{1,2}}){_CLOSE}")),
    ("circled", 5, re.compile(f"([{_CIRCLED}])")),
)

_SALUTATION = re.compile(words.SALUTATION)
_SALUTATION_WORDS = re.compile(words.one_of(words.ADDRESSEES))
_GREETING = re.compile(words.GREETING)
# 我是…书记 / 我叫… / 下面,我代表…作报告 / 本人…现任…: the speaker introduces themself.
SELF_INTRODUCTION = re.compile(words.SELF_INTRODUCTION)
PREFACE = re.compile(words.PREFACE)
# A line made only of date/number characters (落款日期) is not a heading.
_DATE_ONLY = re.compile(f"{words.DATE_CHARS}+$")
_HAS_TEXT = re.compile(r"[^\W\d_]{2}")
# "现将……汇报如下:" introduces a whole report, not a section (DECISIONS 14).
_REPORT_LEAD_IN = re.compile(words.LINE_LEAD_IN)
_DASH = re.compile(f"{char_class(DASHES)}{{1,4}}")

MAX_PLAIN_HEADING = 30      # chars; gold unnumbered headings are <= 19
MAX_DASH_OR_TITLE = 50      # a subtitle or report title may be longer
MAX_COLON_HEADING = 20      # "下半年工作打算,主要有以下三点:" is 16
MAX_PLAIN_COMMAS = 2
MAX_COLON_COMMAS = 1        # a ':' line with more clauses is a lead-in sentence


@dataclass(frozen=True, slots=True)
class HeadingSpan:
    start: int          # offset of the heading line start (in `text` coordinates)
    end: int            # start of the next heading at the same or a higher level, or `end`
    level: int          # 1 = top, by nesting order of marker styles in the document
    marker: str | None  # '一、', '(一)', '1、', '一是', '第一支队伍是' …; None if unnumbered
    title: str          # without marker, trailing '。'/':', leading '——'
    inline_body: bool   # body text continues on the heading line
    parent: int | None  # index into the returned list of the enclosing heading


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text: offsets plus the stripped start of its content."""
    start: int      # offset of the line's first char (before leading spaces)
    end: int        # offset just past the line's last char, '\r' and '\n' excluded
    head: str       # content without leading spaces, at most HEAD_CHARS chars, right-stripped
    length: int     # content length without leading/trailing spaces (whole line)
    tail: str       # last TAIL_CHARS chars of the content

    @property
    def blank(self) -> bool:
        return self.length == 0

    @property
    def complete(self) -> bool:
        """True when `head` holds the whole content of the line."""
        return self.length == len(self.head)


@dataclass(frozen=True, slots=True)
class Marker:
    """A numbered marker at the start of a line."""
    text: str       # the marker as written: '一、', '(一)', '第一支队伍是'
    style: str      # style key; '(一)' and '（一）' share one style
    rank: int       # canonical nesting rank, 0 = outermost
    ordinal: int    # 1 for 一、/(一)/1、/①/一是


def iter_lines(text: str, start: int = 0, end: int | None = None) -> Iterator[Line]:
    """Lines of text[start:end] with offsets in `text` coordinates."""
    end = len(text) if end is None else min(end, len(text))
    pos = max(0, start)
    while pos < end:
        newline = text.find("\n", pos, end)
        line_end = end if newline < 0 else newline
        content_end = line_end
        if content_end > pos and text[content_end - 1] == "\r":
            content_end -= 1
        yield _make_line(text, pos, content_end)
        if newline < 0:
            break
        pos = newline + 1


def _make_line(text: str, start: int, end: int) -> Line:
    content_start = _LEADING_SPACE.match(text, start, end).end()
    content_end = end
    if content_end > content_start and text[content_end - 1] in SPACES:
        content_end = content_start + len(text[content_start:end].rstrip(SPACES))
    head = text[content_start:min(content_end, content_start + HEAD_CHARS)]
    tail = text[max(content_start, content_end - TAIL_CHARS):content_end]
    return Line(start, end, head, content_end - content_start, tail)


def cn_number(numeral: str) -> int:
    """Value of a small Chinese numeral (一 … 九十九) or Arabic digits; 0 when unreadable."""
    if numeral in _CIRCLED:
        return _CIRCLED.index(numeral) + 1
    if numeral.isdecimal():
        return int(numeral)
    if _TEN in numeral:
        tens, _, ones = numeral.partition(_TEN)
        value = (CN_DIGITS.get(tens, 0) if tens else 1) * 10
        return value + (CN_DIGITS.get(ones, 0) if ones else 0)
    return CN_DIGITS.get(numeral, 0) if len(numeral) == 1 else 0


def parse_marker(head: str) -> tuple[Marker, str] | None:
    """The numbered marker at the start of `head` and the text after it, or None."""
    for style, rank, pattern in _MARKER_PATTERNS:
        match = pattern.match(head)
        if match is None:
            continue
        rest = head[match.end():]
        if not rest.strip(words.AFTER_MARKER):
            return None   # a bare marker with nothing after it is not a heading line
        return Marker(match.group(0), style, rank, cn_number(match.group(1))), rest
    return None


def is_salutation(head: str) -> bool:
    """各位领导、同志们: / 尊敬的各位来宾, / 下午好!"""
    if len(head) > 40:
        return False
    if _GREETING.match(head):
        return True
    return bool(_SALUTATION.match(head)) and bool(
        _SALUTATION_WORDS.search(head) or head.startswith(words.ADDRESS_ALONE))


def strip_dash(head: str) -> str:
    """Text without a leading '——' (subtitle / run-in dash)."""
    match = _DASH.match(head)
    return head[match.end():] if match else head


def is_plain_heading(line: Line) -> bool:
    """A short unnumbered line that opens a section (DECISIONS 12-14)."""
    if line.blank or not line.complete or line.length > MAX_DASH_OR_TITLE:
        return False
    head = line.head
    if "\t" in head.strip():
        return False  # a table row: cells separated by tabs (.docx tables are read so)
    body = strip_dash(head)
    dashed = len(body) < len(head)
    if (not _HAS_TEXT.search(body) or _DATE_ONLY.match(body) or is_salutation(head)
            or SELF_INTRODUCTION.match(body) or PREFACE.match(body)
            or parse_marker(body) is not None):
        return False
    if body[-1] in COLONS:
        inner = body[:-1]
        return (len(body) <= MAX_COLON_HEADING and not _has_any(inner, SENTENCE_OR_COLON)
                and not _REPORT_LEAD_IN.search(body) and _commas(inner) <= MAX_COLON_COMMAS)
    if _has_any(body, SENTENCE_OR_COLON) or body[-1] in COMMAS + LIST_COMMA + DASHES:
        return False
    if _commas(body) > MAX_PLAIN_COMMAS:
        return False
    limit = MAX_DASH_OR_TITLE if dashed or looks_like_title(body) else MAX_PLAIN_HEADING
    return len(body) <= limit


# Report titles: "……工作汇报", "关于……的报告", "……述职报告", "……申报材料", "村情简介".
_BRACKETED = rf"(?:{_OPEN}{char_class(OPEN_BRACKETS, CLOSE_BRACKETS, negate=True)}{{0,20}}{_CLOSE})?$"
_TITLE_STRONG = re.compile(words.one_of(words.TITLE_GENRES) + _BRACKETED)
# Plan-like endings are titles only with a place, an organisation or 关于: "XX村2022年工作计划"
# is a title, "下一步工作计划" / "2022年工作计划" are section headings of a report.
_TITLE_WEAK = re.compile(words.one_of(words.PLAN_GENRES) + _BRACKETED)
_TITLE_ANCHOR = re.compile(words.TITLE_ANCHOR)


# Slogan titles are two parallel phrases split by a space: "抓党建促脱贫 谱写乡村振兴新篇章".
_COUPLET_TITLE = re.compile(rf"[^\W\d_]{{4,16}}{char_class(WORD_SPACES)}{{1,3}}[^\W\d_]{{4,16}}$")


def looks_like_title(body: str) -> bool:
    """A short line naming a report genre, or a two-phrase slogan title."""
    if _TITLE_STRONG.search(body) or _COUPLET_TITLE.match(body):
        return True
    return bool(_TITLE_WEAK.search(body)) and bool(_TITLE_ANCHOR.search(body))


def _has_any(text: str, chars: str) -> bool:
    return any(c in text for c in chars)


def _commas(text: str) -> int:
    return sum(text.count(comma) for comma in COMMAS)


_TITLE_END = re.compile(char_class(SENTENCE_OR_COLON))
_SPACE = re.compile(char_class(WORD_SPACES))


def numbered_title(rest: str, line_complete: bool) -> tuple[str, bool]:
    """(title, inline_body) of the text after a marker (DECISIONS 9-10).

    The title runs to the first '。' or ':'; a space before it ends the title instead (the
    line is prose: "五是抓制度建设 结合我村实际,…。" -> "抓制度建设"). A line without such
    punctuation ("一、抓党建促脱贫 谱写新篇章") is all title.
    """
    rest = rest.lstrip(words.AFTER_MARKER)
    end_match = _TITLE_END.search(rest)
    cut = len(rest) if end_match is None else end_match.start()
    if end_match is not None:
        space = _SPACE.search(rest, 0, cut)
        if space is not None:
            cut = space.start()
    title = rest[:cut].rstrip(WORD_SPACES)
    after = rest[cut:].lstrip(SENTENCE_OR_COLON + WORD_SPACES)
    return title, bool(after) or not line_complete


def plain_title(head: str) -> str:
    """Title of an unnumbered heading: no leading dash, no trailing '。'/':'."""
    # A plain heading holds no sentence end but a last 。 or colon: SENTENCE_OR_COLON strips those.
    return strip_dash(head).rstrip(SENTENCE_OR_COLON).strip(WORD_SPACES)


@dataclass(frozen=True, slots=True)
class _Candidate:
    line: Line
    marker: Marker | None
    title: str
    inline_body: bool


def _candidates(text: str, start: int, end: int) -> list[_Candidate]:
    found: list[_Candidate] = []
    for line in iter_lines(text, start, end):
        if line.blank:
            continue
        parsed = parse_marker(line.head)
        if parsed is not None:
            marker, rest = parsed
            title, inline = numbered_title(rest, line.complete)
            found.append(_Candidate(line, marker, title, inline))
        elif is_plain_heading(line):
            found.append(_Candidate(line, None, plain_title(line.head), False))
    return found


def _is_part(index: int, candidates: list[_Candidate], seen_numbered: bool) -> bool:
    """An unnumbered heading that heads a part of the report rather than an item."""
    head = candidates[index].line.head
    if not seen_numbered or head[-1] in COLONS or _DASH.match(head):
        return True
    following = candidates[index + 1] if index + 1 < len(candidates) else None
    return following is not None and following.marker is not None and following.marker.ordinal == 1


def split_sections(text: str, start: int = 0, end: int | None = None) -> list[HeadingSpan]:
    """Heading lines of the document text[start:end], in order, offsets in `text` coordinates.

    Levels: the first marker style seen is level 1; a style first seen inside another heading
    nests one deeper; a style seen before keeps its level. Unnumbered part headings (see the
    module docstring) are level 1; unnumbered item lines nest like a marker style.
    """
    end = len(text) if end is None else min(end, len(text))
    candidates = _candidates(text, start, end)
    style_level: dict[str, int] = {}
    spans: list[HeadingSpan] = []
    open_headings: list[tuple[int, int]] = []    # (index, level) of headings still open
    ends: list[int] = []
    seen_numbered = False
    for index, candidate in enumerate(candidates):
        if candidate.marker is not None:
            style = candidate.marker.style
            seen_numbered = True
        else:
            style = "part" if _is_part(index, candidates, seen_numbered) else "plain-item"
        if style == "part":
            level = 1
        elif style in style_level:
            level = style_level[style]
        elif style == "plain-item":
            # A short item line is not part of a run-in paragraph ("二是抓阵地建设。…"):
            # it nests under the innermost heading that stands on its own line.
            level = 1 + next((spans[k].level for k, _ in reversed(open_headings)
                              if not spans[k].inline_body), 0)
        else:
            level = spans[-1].level + 1 if spans else 1
        style_level.setdefault(style, level)
        # A heading closes every open heading at its level or deeper (linear, via a stack).
        while open_headings and open_headings[-1][1] >= level:
            ends[open_headings.pop()[0]] = candidate.line.start
        parent = open_headings[-1][0] if open_headings else None
        open_headings.append((index, level))
        ends.append(end)
        spans.append(HeadingSpan(
            start=candidate.line.start, end=end, level=level,
            marker=None if candidate.marker is None else candidate.marker.text,
            title=candidate.title, inline_body=candidate.inline_body, parent=parent))
    return [replace(span, end=ends[i]) for i, span in enumerate(spans)]
