"""Split a compilation of pasted-together reports into documents (GUIDELINE §1).

A report's front matter (title, byline, occasion, salutation, a cover's fields) runs to its
first line of prose. After it, a line starts a new document when the language marks a report
opening (each line is classified once, in pipelines/document_lines.py):
- a preface line (前言:…) is a document of its own;
- a line that only a report's head holds: a title (……工作汇报, 关于……的报告, 村情简介, a place
  alone), a salutation (各位领导、…同志们:), the bodies it is sent to (县委、县政府:), a
  self-introduction (我是……, 下面,我代表……, 我被……选派), an occasion subtitle (——……在……会议上),
  a web page's source line (来源:……), page 1, a file name, a piece's number (篇一:); the
  document then starts at the title, byline and headline lines directly above it. A place
  line or card naming the report's own place again starts nothing;
- a paragraph introducing another place of the report's level or above as its topic (X村位于…
  after a report on Y村; not a township report's paragraph on one of its villages), a news
  lead (3月15日,记者从……获悉), or prose after a closing line (特此报告。, (陈蕾), a signed date);
- top-level numbering that restarts at 一 after the current document reached 二 or more, or a
  marker style that outranks everything the current document used (一、 after a run of 一是);
  the new document then starts at the opening lines (按照……要求, 近年来,……, X村是X镇所辖…)
  directly before the restart, if any, or where the text broke just before it;
- where the text breaks (the spacing the report keeps changes: a blank line between reports
  that have none, or none after lines that each had one; or prose broken off mid-sentence),
  a line a report may open with: an opening paragraph, a place as topic, a year (2018年,……),
  a first section (一、基本情况, 【简况】), or a headline over one of these. A blank line alone is
  weak evidence (reports have blank lines inside); with a report's opening it is strong;
- an opening paragraph (近年来,…… / 2021年以来,…… / 按照……要求 / X村位于……) directly before an
  item-1 list (一是, 1、, (一) …) once the current document already has a numbered list (or
  before 一、基本情况 after a report with sections of its own), unless it opens the section
  headed just before it;
- a '——' heading that introduces an item-1 list after a document that used other headings
  (a change of topic: "——落实好五项机制:" + "一是…" after a report numbered 一、二、三、).

All cues are about how reports open and close, never about particular places or sentences.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from extractors.lang import headings as words
from extractors.lang.punctuation import ELLIPSIS
from pipelines.document_cues import HeadCue, Place
from pipelines.document_lines import (
    MAX_TITLE_CHARS,
    OPENING_CUES,
    RECENT,
    LineKind,
    classify_lines,
)
from pipelines.split_sections import Line, numbered_title, parse_marker, plain_title

_MIXED_SPACING = 0.2    # a report keeps its spacing when at most this share of its lines differ
# Paragraphs of prose a report has before a line opening the next one without a break in the
# text: a report's own opening runs to fewer before its first section or profile.
_MIN_REPORT_BODY = 3


@dataclass(frozen=True, slots=True)
class DocumentSpan:
    start: int   # offset of the first char of the document's first line
    end: int     # next document's start, or len(text)
    title: str   # first heading or first line, shortened to <= 60 chars


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
    topic: Place | None = None             # the place the report is about, from its opening
    body_lines: int = 0
    sectioned: bool = False                # a section heading came after the report's head
    lines: int = 0
    gapped: int = 0                        # lines with a blank line before them
    ended: bool = False                    # a closing line came, then only its signature
    named: set[str] = field(default_factory=set)   # the places its lines named so far

    def add(self, kind: LineKind) -> None:
        if kind.title and self.front_only and not self.title_text:
            self.title_text = kind.core
        if kind.plain and self.top_rank == 99:
            self.part_headed_top = True
        # The place a report is about: one its opening introduces, or its head names.
        if self.topic is None and self.body_lines < 2:
            self.topic = kind.topic or (kind.named if kind.title or kind.byline or kind.head_cue else None)
        if kind.heading and not kind.title and not self.front_only:
            self.sectioned = True
        if kind.body:
            self.body_lines += 1
        if kind.named is not None:
            self.named.add(kind.named.name)
        if self.lines:
            self.gapped += kind.gap
        self.lines += 1
        self.ended = kind.ends or (self.ended and not kind.body and not kind.opens_report)
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

    def names_its_topic(self, kind: LineKind) -> bool:
        """A line naming the report's own place again (南欧村南欧村 under 南欧村)."""
        place = kind.topic or kind.named
        return self.topic is not None and place is not None and _same_place(place, self.topic)


def _same_place(one: Place, other: Place) -> bool:
    return one.name in other.name or other.name in one.name


def _restarts_numbering(state: _DocState, kind: LineKind) -> bool:
    """Item 1 of the top numbering after it reached 2+, or a style outranking all used."""
    if kind.style is None or kind.ordinal != 1 or not state.progressed:
        return False
    if kind.rank == state.top_rank:
        return state.max_ordinal.get(kind.style, 0) >= 2
    return kind.rank < state.top_rank


def split_documents(text: str) -> list[DocumentSpan]:
    """Spans that tile `text`, one per report; a single report stays one document."""
    lines, kinds = classify_lines(text)
    if not lines:
        return [DocumentSpan(0, len(text), "")]
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


def _new_document_at(i: int, kinds: list[LineKind], state: _DocState) -> int | None:
    """Index of the line where a new document starts if line i opens one, else None."""
    kind = kinds[i]
    if state.closed or kind.preface:
        return i
    if kind.title and _announced_part(kind.core, state.title_text):
        return None   # "2022年工作计划" inside "关于2021年工作总结和2022年工作计划的报告"
    if kind.opens_report:
        if state.front_only or ((kind.place_only or kind.head_cue is HeadCue.PLACE_CARD)
                                and state.names_its_topic(kind)):
            return None
        return _head_before(i, kinds, state)
    if state.body_lines == 0:
        return None
    if state.ended and kind.body:
        return i   # after 特此报告。 / (陈蕾) and a signature, the next report
    if kind.news_lead or (kind.topic is not None and _new_topic(kind.topic, state.topic)):
        return _head_before(i, kinds, state)
    # A place introduced with the place it lies in by name (X村位于Y镇南部) after a report that
    # never named its own place, or named another, and never named this one: a report on its
    # own village says 我镇/本镇, or has named the village before.
    if (kind.superior is not None and state.body_lines >= _MIN_REPORT_BODY and kind.topic.name not in state.named
            and (state.topic is None or (state.topic.rank <= kind.superior.rank
                                         and not _same_place(kind.superior, state.topic)))):
        return _head_before(i, kinds, state)
    # A report's first section holding its place as topic (【简况】 X镇位于…) after another
    # report's prose that never named that place as its own.
    if (kind.opening_section and kind.topic is not None and state.body_lines >= _MIN_REPORT_BODY
            and (state.topic is None or _new_topic(kind.topic, state.topic))):
        return _head_before(i, kinds, state)
    if _restarts_numbering(state, kind):
        start = _restart_start(i, kinds, state)
        if start is not None:
            return start
    next_kind = kinds[i + 1] if i + 1 < len(kinds) else None
    opens_list = next_kind is not None and next_kind.style is not None and next_kind.ordinal == 1
    # Where the text breaks: a line a report may open with, or a headline over one.
    if _broken_before(i, kinds, state) and (_may_open(kind, state) or (
            next_kind is not None and next_kind.body and kind.headline and _may_open(next_kind, state))):
        return _head_before(i, kinds, state)
    # An opening paragraph before an item-1 list once the report has a numbered list, or before
    # 一、基本情况 once it has sections but no such numbering; not the opening paragraph of the
    # section headed just before it ("二、……情况" + "自……以来,我们…"), unless it names a new place
    # ("三、下一步打算" ending a report, "2021年以来,XX镇……").
    opens_report_body = (opens_list and next_kind.opening_section and state.sectioned
                         and state.top_rank > next_kind.rank)
    if (kind.opener and opens_list and (state.progressed or opens_report_body) and not kind.lead_in_only
            and (not kinds[i - 1].heading or (kind.named is not None and (
                state.topic is None or _new_topic(kind.named, state.topic))))):
        return _opening_lines_before(i, kinds, state)
    # An opening paragraph on a place of its own (按照……部署,X村……) directly before item 1 of a
    # top numbering that the current report, long past its own opening, never used.
    if (kind.leads and not kind.lead_in_only and opens_list and next_kind.rank <= 1
            and state.top_rank > next_kind.rank and state.body_lines >= _MIN_REPORT_BODY
            and not kinds[i - 1].heading and _own_subject(kind.named, state.topic)):
        return _opening_lines_before(i, kinds, state)
    if (kind.dash_heading and opens_list and state.progressed and not state.has_dash_heading
            and not state.front_only and not kinds[i - 1].bare_heading):
        return i
    return None


def _new_topic(place: Place, topic: Place | None) -> bool:
    """A paragraph about another place of the report's level or above (a village's profile
    after another village's; not a township report's paragraph on one of its villages)."""
    return topic is not None and place.rank <= topic.rank and not _same_place(place, topic)


def _own_subject(place: Place | None, topic: Place | None) -> bool:
    """A place an opening paragraph is about that is not the report's: another place at its
    level or below it (not the county whose directive a village report follows)."""
    return place is not None and (topic is None or (place.rank >= topic.rank and not _same_place(place, topic)))


def _broken_before(i: int, kinds: list[LineKind], state: _DocState) -> bool:
    """The text breaks before line i of a report with prose: the spacing the report keeps
    changes, or the line before broke off mid-sentence."""
    if state.body_lines == 0:
        return False
    share = state.gapped / max(1, state.lines - 1)
    kind = kinds[i]
    layout = kind.layout_break and (share <= _MIXED_SPACING if kind.gap else share >= 1 - _MIXED_SPACING)
    return layout or kinds[i - 1].unfinished


def _may_open(kind: LineKind, state: _DocState) -> bool:
    """A line a report may open with: an opening paragraph, a place as topic, a year and
    place, or a first section (一、……, 基本情况, 【简况】) once the current report has had
    sections (before them, it is the current report's own first section)."""
    first_section = kind.opening_section or (kind.style is not None and kind.ordinal == 1 and kind.rank <= 1)
    return ((kind.leads and not kind.lead_in_only) or kind.topic is not None or kind.date_lead
            or (first_section and state.sectioned)
            or (kind.subject is not None and (state.topic is None or _new_topic(kind.subject, state.topic))))


def _head_before(i: int, kinds: list[LineKind], state: _DocState) -> int:
    """Line i opens a report: walk back over the lines heading it (its title, byline and
    occasion, a web page's lines; a headline above a page's source line or above a paragraph
    on the place it names), not past the previous report's end. A title, a file name, a
    piece's number or a place card is the report's first line itself."""
    kind = kinds[i]
    if kind.title or kind.head_cue in OPENING_CUES:
        return i
    start = i
    while start - 1 > state.start_index and i - start < RECENT:
        previous = kinds[start - 1]
        if previous.ends:
            break
        if previous.heads_report:
            start -= 1
            continue
        if start == i and previous.style is not None and previous.ordinal == 1 and previous.bare_heading:
            return start - 1   # the first section's heading over the report's opening paragraph
        if start == i and previous.topic is not None and previous.headline:
            return start - 1   # the topic sentence's start, broken off its line ("小后冲村隶属于")
        if start == i and previous.headline and (kind.head_cue is HeadCue.PAGE_INFO or (
                kind.topic is not None and previous.named is not None and _same_place(previous.named, kind.topic))):
            start -= 1
            continue
        break
    return start


def _announced_part(core: str, report_title: str) -> bool:
    """A heading that a multi-part report title (……和……, ……及……) names as one of its parts."""
    return (bool(core) and core != report_title and core in report_title
            and any(joiner in report_title for joiner in words.TITLE_JOINERS))


def _restart_start(i: int, kinds: list[LineKind], state: _DocState) -> int | None:
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


def _opening_lines_before(i: int, kinds: list[LineKind], state: _DocState) -> int:
    """Walk back from line i over opening lines (opener, title, salutation, self-intro), or to
    a paragraph where the text breaks (its spacing changes, the line before broke off)."""
    start = i
    while start - 1 > state.start_index:
        previous = kinds[start - 1]
        if previous.opener or previous.title or previous.salutation or previous.self_intro:
            start -= 1
            continue
        if not previous.heading and start == i and _broken_before(start - 1, kinds, state):
            start -= 1
        break
    return start


def _document_title(lines: list[Line], kinds: list[LineKind], first: int, end: int) -> str:
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
