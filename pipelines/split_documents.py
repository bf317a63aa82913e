"""Split a compilation of pasted-together reports into documents (GUIDELINE §1).

A line starts a new document when the language marks a report opening:
- a preface line (前言:…) is a document of its own;
- a title line (……工作汇报, 关于……的报告, ……申报材料, 村情简介), a salutation (各位领导、…同志们:)
  or a self-introduction (我是……, 下面,我代表……), once the current document has got past
  its own front matter (so a title, its '——' subtitle and a salutation stay together);
- top-level numbering that restarts at 一 after the current document reached 二 or more, or a
  marker style that outranks everything the current document used (一、 after a run of 一是);
  the new document then starts at the opening lines (按照……要求, 近年来,……, X村是X镇所辖…)
  directly before the restart, if any;
- an opening paragraph (近年来,…… / 2021年以来,…… / 按照……要求 / X村位于……) directly before an
  item-1 list (一是, 1、, (一) …) once the current document already has a numbered list;
- a '——' heading that introduces an item-1 list after a document that used other headings
  (a change of topic: "——落实好五项机制:" + "一是…" after a report numbered 一、二、三、).

All cues are about how reports open, never about particular places or sentences.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from extractors.lang import headings as words
from extractors.lang.punctuation import COLONS, ELLIPSIS, HAN, SENTENCE_OR_COLON, WORD_SPACES
from pipelines.split_sections import (
    PREFACE,
    SELF_INTRODUCTION,
    Line,
    is_plain_heading,
    is_salutation,
    iter_lines,
    looks_like_title,
    numbered_title,
    parse_marker,
    plain_title,
    strip_dash,
)

MAX_TITLE_CHARS = 60
MAX_BARE_HEADING = 50   # longer numbered lines read as a sentence of body text

# Opening-paragraph cues, all anchored at the paragraph start (or a fixed lead-in phrase):
# 近年来, / 2021年以来, — 按照……要求 — X村是X镇所辖的… / X村位于… — 2008年是……之年.
_OPENERS: tuple[re.Pattern[str], ...] = tuple(re.compile(source) for source in words.OPENERS)
_OPENER_ANYWHERE = re.compile(words.OPENER_ANYWHERE)
_REPORT_LEAD_IN = re.compile(words.REPORT_LEAD_IN)
_OPENER_WINDOW = 120   # chars of a paragraph searched for lead-in phrases
_BYLINE = re.compile(words.BYLINE)
_PLACE_LINE = re.compile(words.PLACE_LINE)
# Letters spaced apart in a typeset title (政 府 工 作 报 告) read as one word.
_SPACED_LETTERS = re.compile(f"(?<=[{HAN}])[{WORD_SPACES}]+(?=[{HAN}])")


@dataclass(frozen=True, slots=True)
class DocumentSpan:
    start: int   # offset of the first char of the document's first line
    end: int     # next document's start, or len(text)
    title: str   # first heading or first line, shortened to <= 60 chars


@dataclass(slots=True)
class _Kind:
    """What a line is, as far as document boundaries care."""
    preface: bool = False
    title: bool = False
    salutation: bool = False
    self_intro: bool = False
    byline: bool = False           # a title's date and speaker, or its bracketed occasion
    opener: bool = False
    # An opener ending in ':' that leads in to the list after it ("取得了以下成效:"), not a
    # report-level lead-in ("现将……汇报如下:"): it stays in the current report.
    lead_in_only: bool = False
    heading: bool = False          # numbered or unnumbered heading line
    dash_heading: bool = False     # unnumbered heading starting with '——'
    colon_heading: bool = False    # unnumbered heading ending in ':' (introduces a list)
    bare_heading: bool = False     # a short heading line with no body text on it
    core: str = ""                 # title text of an unnumbered heading
    style: str | None = None       # marker style of a numbered heading
    rank: int = 99
    ordinal: int = 0

    @property
    def plain(self) -> bool:
        """An unnumbered heading that could name a report: not a title, dash or ':' line."""
        return (self.heading and self.style is None and not self.title
                and not self.dash_heading and not self.colon_heading)

    @property
    def front_matter(self) -> bool:
        """Lines that may precede a report's body without ending its front matter."""
        return self.title or self.salutation or self.self_intro or self.dash_heading or self.byline


def _classify(line: Line) -> _Kind:
    head = line.head
    parsed = parse_marker(head)
    if parsed is not None:
        marker, rest = parsed
        _, inline_body = numbered_title(rest, line.complete)
        return _Kind(heading=True, style=marker.style, rank=marker.rank, ordinal=marker.ordinal,
                     bare_heading=not inline_body and line.length <= MAX_BARE_HEADING)
    body = strip_dash(head)
    kind = _Kind()
    if PREFACE.match(body):
        kind.preface = True
    elif is_salutation(head):
        kind.salutation = True
    elif SELF_INTRODUCTION.match(body):
        kind.self_intro = True
    elif _BYLINE.match(head.strip()):
        kind.byline = True
    elif is_plain_heading(line) or _spaced_title(line):
        kind.heading = kind.bare_heading = True
        kind.dash_heading = len(body) < len(head)
        kind.colon_heading = head[-1] in COLONS
        kind.title = _is_title_line(line, body)
        kind.core = plain_title(head)
    else:
        kind.opener = _is_opener(head)
        kind.lead_in_only = (line.tail.endswith(tuple(COLONS))
                             and not _REPORT_LEAD_IN.search(line.tail)
                             and not _REPORT_LEAD_IN.search(head[:_OPENER_WINDOW]))
    return kind


def _spaced_title(line: Line) -> bool:
    """政 府 工 作 报 告: a title typeset with its letters spaced apart."""
    compact = _SPACED_LETTERS.sub("", line.head)
    if compact == line.head or not line.complete:
        return False
    return is_plain_heading(replace(line, head=compact, length=len(compact), tail=compact[-32:])) \
        and _is_title_line(line, strip_dash(line.head))


def _is_title_line(line: Line, body: str) -> bool:
    """A report's title: a short line naming a genre (政 府 工 作 报 告 letter-spaced too), or
    only a place (莲塘镇石柱村)."""
    compact = _SPACED_LETTERS.sub("", body.strip())
    return (line.length <= 50 and not any(c in body for c in SENTENCE_OR_COLON)
            and (looks_like_title(body) or looks_like_title(compact) or _PLACE_LINE.fullmatch(compact) is not None))


def _is_opener(head: str) -> bool:
    window = head[:_OPENER_WINDOW]
    return any(p.match(window) for p in _OPENERS) or bool(_OPENER_ANYWHERE.search(window))


@dataclass(slots=True)
class _DocState:
    """What the current document has shown so far."""
    start_index: int                       # index into the non-blank line list
    front_only: bool = True                # only title/salutation/self-intro lines so far
    closed: bool = False                   # a preface: the next line starts a new document
    top_rank: int = 99                     # outermost marker rank used
    max_ordinal: dict[str, int] = field(default_factory=dict)
    progressed: bool = False               # some numbered list reached item 2
    has_dash_heading: bool = False
    title_text: str = ""                   # the report's own title line, if it has one
    # An unnumbered part heading came before the first numbered heading ("过去三年的工作回顾"
    # before 一、): later part headings with numbering restarting at 一 are parallel parts.
    part_headed_top: bool = False
    # An unnumbered heading after the top numbering ("今后工作打算") still waits for its own
    # list: a restart at 一 then is that list, and splits only after an opening paragraph.
    open_part: bool = False

    def add(self, kind: _Kind) -> None:
        if kind.title and self.front_only and not self.title_text:
            self.title_text = kind.core
        if kind.plain and self.top_rank == 99:
            self.part_headed_top = True
        if not kind.front_matter:
            self.front_only = False
        if kind.preface:
            self.closed = True
        if kind.style is not None:
            if kind.rank < self.top_rank:
                self.top_rank = kind.rank
            # A top-style heading closes the part; a sub-list gives the part its own list.
            self.open_part = False
            self.max_ordinal[kind.style] = max(self.max_ordinal.get(kind.style, 0), kind.ordinal)
            if kind.ordinal >= 2:
                self.progressed = True
        elif kind.heading:
            self.open_part = self.top_rank < 99
            if kind.dash_heading and not kind.title:   # a '——' subtitle is not a style
                self.has_dash_heading = True


def _restarts_numbering(state: _DocState, kind: _Kind) -> bool:
    """Item 1 of the top numbering after it reached 2+, or a style outranking all used."""
    if kind.style is None or kind.ordinal != 1 or not state.progressed:
        return False
    if kind.rank == state.top_rank:
        return state.max_ordinal.get(kind.style, 0) >= 2
    return kind.rank < state.top_rank


def split_documents(text: str) -> list[DocumentSpan]:
    """Spans that tile `text`, one per report; a single report stays one document."""
    lines = [line for line in iter_lines(text) if not line.blank]
    if not lines:
        return [DocumentSpan(0, len(text), "")]
    kinds = [_classify(line) for line in lines]
    starts = [0]
    state = _DocState(0)
    state.add(kinds[0])
    for i in range(1, len(lines)):
        kind = kinds[i]
        start = _new_document_at(i, kinds, state)
        if start is not None:
            starts.append(start)
            state = _DocState(start)
            for j in range(start, i):
                state.add(kinds[j])
        state.add(kind)
    offsets = [0] + [lines[s].start for s in starts[1:]]
    ends = offsets[1:] + [len(text)]
    return [DocumentSpan(offsets[k], ends[k], _document_title(lines, kinds, starts[k], ends[k]))
            for k in range(len(starts))]


def _new_document_at(i: int, kinds: list[_Kind], state: _DocState) -> int | None:
    """Index of the line where a new document starts if line i opens one, else None."""
    kind = kinds[i]
    if state.closed or kind.preface:
        return i
    if kind.title and _announced_part(kind.core, state.title_text):
        return None   # "2022年工作计划" inside "关于2021年工作总结和2022年工作计划的报告"
    if kind.title or kind.salutation or kind.self_intro:
        return None if state.front_only else i
    if _restarts_numbering(state, kind):
        return _restart_start(i, kinds, state)
    next_kind = kinds[i + 1] if i + 1 < len(kinds) else None
    opens_list = next_kind is not None and next_kind.style is not None and next_kind.ordinal == 1
    if kind.opener and opens_list and state.progressed and not kind.lead_in_only:
        return _opening_lines_before(i, kinds, state)
    if (kind.dash_heading and opens_list and state.progressed and not state.has_dash_heading
            and not state.front_only and not kinds[i - 1].bare_heading):
        return i
    return None


def _announced_part(core: str, report_title: str) -> bool:
    """A heading that a multi-part report title (……和……, ……及……) names as one of its parts."""
    return (bool(core) and core != report_title and core in report_title
            and any(joiner in report_title for joiner in words.TITLE_JOINERS))


def _restart_start(i: int, kinds: list[_Kind], state: _DocState) -> int | None:
    """Where the report whose numbering restarts at line i begins, or None if it is a part."""
    start = _opening_lines_before(i, kinds, state)
    before = kinds[start - 1] if start - 1 > state.start_index else None
    if before is not None and before.heading and before.style is None:
        if before.plain and not state.part_headed_top:
            return start - 1   # an unnumbered line heading the new report ("强化党建引领")
        return None   # "今后工作打算" / "下半年工作要点:" heading a part of this report
    if start < i or not state.open_part:
        return start
    return None


def _opening_lines_before(i: int, kinds: list[_Kind], state: _DocState) -> int:
    """Walk back from line i over opening lines (opener, title, salutation, self-intro)."""
    start = i
    while start - 1 > state.start_index:
        previous = kinds[start - 1]
        if not (previous.opener or previous.title or previous.salutation or previous.self_intro):
            break
        start -= 1
    return start


def _document_title(lines: list[Line], kinds: list[_Kind], first: int, end: int) -> str:
    """The first heading's title, else the first line, at most MAX_TITLE_CHARS chars."""
    title = ""
    index = first
    while index < len(lines) and lines[index].start < end:
        line = lines[index]
        if kinds[index].heading:
            parsed = parse_marker(line.head)
            title = plain_title(line.head) if parsed is None else numbered_title(
                parsed[1], line.complete)[0]
            break
        index += 1
    if not title:
        title = lines[first].head
    return title if len(title) <= MAX_TITLE_CHARS else title[:MAX_TITLE_CHARS - 1] + ELLIPSIS
