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
from extractors.lang.punctuation import (
    COLONS,
    COMMAS,
    ELLIPSIS,
    HAN,
    PARAGRAPH_FINAL,
    SENTENCE_FINAL,
    SENTENCE_OR_COLON,
    WORD_SPACES,
)
from pipelines import document_cues as cues
from pipelines.document_cues import HeadCue, Place
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
_MAX_FRONT_LINE = 60    # a longer line is prose even without punctuation
_MAX_HEADLINE = 30      # a headline may hold a comma (X镇严防死守,确保疫情“零”输入)
_MIN_PROSE = 20         # a shorter unpunctuated line may be a heading, not prose broken off
_MIN_RUN_IN_TITLE = 6   # a title run into the text names more than its genre
_PLACE_WINDOW = 80      # chars of a line searched for the places it names
_WRAP_SLACK = 2         # lines of a hard-wrapped paragraph are this close in length
_MIXED_SPACING = 0.2    # a report keeps its spacing when at most this share of its lines differ
_LONG_ENOUGH = 3        # body lines of a report before a new report's first section may follow
_RECENT = 3             # lines whose spacing tells a report's layout (blank line between or not)
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
_WORD = re.compile(r"[^\W\d_]{2}")
# Head cues that open a report by themselves, with nothing heading them.
_OPENING_CUES = (HeadCue.FILE_NAME, HeadCue.PIECE, HeadCue.PAGE_ONE, HeadCue.PLACE_CARD)
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
    leads: bool = False            # opens with an opening phrase (近年来, / 按照……要求 / X村位于)
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
    head_cue: HeadCue | None = None  # a line only a report's head holds (document_cues)
    ends: bool = False             # closes a report: 特此报告。, (陈蕾), a signed date
    topic: Place | None = None     # the place the line opens with as its topic
    named: Place | None = None     # the most specific place the line names
    body: bool = False             # prose: a clause or sentence, or a numbered heading
    unfinished: bool = False       # prose broken off mid-sentence
    news_lead: bool = False
    opening_section: bool = False  # 基本情况 / 村情概况 / 【简况】: a section only an opening has
    gap: bool = False              # a blank line before it
    words: bool = False            # holds a word of two letters or more
    layout_break: bool = False     # the line spacing changes before it (see _mark_layout_breaks)

    @property
    def plain(self) -> bool:
        """An unnumbered heading that could name a report: not a title, dash or ':' line."""
        return (self.heading and self.style is None and not self.title
                and not self.dash_heading and not self.colon_heading)

    @property
    def front_matter(self) -> bool:
        """Lines that may precede a report's body without ending its front matter: anything
        but prose (a title, its byline and occasion, a salutation, a cover's fields)."""
        return self.title or self.salutation or self.self_intro or not self.body

    @property
    def opens_report(self) -> bool:
        """A line that starts a report wherever it stands (after the current one's head)."""
        return self.title or self.salutation or self.self_intro or self.head_cue is not None

    @property
    def heads_report(self) -> bool:
        """A line that may stand above a report's opening line: title, byline, occasion,
        a web page's lines (not a place card: it opens the report itself)."""
        return self.title or self.byline or (self.head_cue is not None and self.head_cue not in _OPENING_CUES)

    @property
    def headline(self) -> bool:
        """A short line of words that is no prose and no ':' lead-in: a headline or a title."""
        return self.words and not self.body and not self.ends and not self.colon_heading


def _classify(line: Line, previous: Line | None, gap: bool) -> _Kind:
    kind = _classify_heading(line)
    head = line.head
    kind.gap = gap
    kind.words = _WORD.search(head) is not None
    kind.ends = cues.ends_report(head, "" if previous is None else previous.head)
    kind.body = (kind.style is not None or line.length > _MAX_FRONT_LINE or any(c in head for c in SENTENCE_FINAL)
                 or (line.length > _MAX_HEADLINE and any(c in head for c in COMMAS)))
    kind.unfinished = (kind.body and line.length >= _MIN_PROSE and line.tail[-1:] not in PARAGRAPH_FINAL
                       and (kind.style is None or line.length > MAX_BARE_HEADING))
    if kind.style is None and not kind.salutation:
        kind.head_cue = cues.head_cue(head)
        kind.news_lead = cues.is_news_lead(head)
        kind.opening_section = cues.OPENING_SECTION.match(head) is not None
        kind.self_intro = kind.self_intro or cues.APPOINTED_SELF.match(head) is not None
        kind.topic = cues.topic_place(head)
    elif kind.style is not None:
        # 17、塘山村 塘山村位于……: an entry headed by the place it is about.
        title, _ = numbered_title(parse_marker(head)[1], line.complete)
        places = cues.places_named(title)
        if places and title == places[-1].name:
            kind.topic = places[-1]
        kind.opening_section = kind.ordinal == 1 and cues.OPENING_SECTION.match(title) is not None
    named = cues.places_named(head[:_PLACE_WINDOW])
    kind.named = max(named, key=lambda place: place.rank) if named else None
    return kind


def _classify_heading(line: Line) -> _Kind:
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
    elif is_plain_heading(line) or _spaced_title(line) or (line.complete and _PLACE_LINE.match(head)):
        kind.heading = kind.bare_heading = True
        kind.dash_heading = len(body) < len(head)
        kind.colon_heading = head[-1] in COLONS
        kind.title = _is_title_line(line, body)
        kind.core = plain_title(head)
    else:
        kind.leads = any(p.match(head[:_OPENER_WINDOW]) for p in _OPENERS)
        kind.opener = kind.leads or bool(_OPENER_ANYWHERE.search(head[:_OPENER_WINDOW]))
        kind.title = _runs_into_text(head)
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
    """A report's title: a short line naming a genre (政 府 工 作 报 告 letter-spaced too, a web
    page's ……总结最新3篇), not the bare genre word (简介 heads a section), or only places
    (莲塘镇石柱村, 化隆县:查甫藏族乡)."""
    compact = cues.PIECE_COUNT.sub("", _SPACED_LETTERS.sub("", body.strip()))
    if line.length > 50 or compact in words.TITLE_GENRES:
        return False
    if _PLACE_LINE.match(compact):
        return True
    return not any(c in body for c in SENTENCE_OR_COLON) and (looks_like_title(body) or looks_like_title(compact))


def _runs_into_text(head: str) -> bool:
    """A title run into the text after a space, as a web copy flattens a page
    (镇村道路硬化实施方案 折溪乡……)."""
    title, space, _ = head[:MAX_TITLE_CHARS].partition(" ")
    return bool(space) and len(title) >= _MIN_RUN_IN_TITLE and not any(c in title for c in SENTENCE_OR_COLON + COMMAS) \
        and looks_like_title(title)


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
    lines: int = 0
    gapped: int = 0                        # lines with a blank line before them
    ended: bool = False                    # a closing line came, then only its signature

    def add(self, kind: _Kind) -> None:
        if kind.title and self.front_only and not self.title_text:
            self.title_text = kind.core
        if kind.plain and self.top_rank == 99:
            self.part_headed_top = True
        if self.topic is None and self.body_lines < 2:
            self.topic = kind.topic or kind.named
        if kind.body:
            self.body_lines += 1
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

    def names_its_topic(self, kind: _Kind) -> bool:
        """A line naming the report's own place again (南欧村南欧村 under 南欧村)."""
        place = kind.topic or kind.named
        return self.topic is not None and place is not None and _same_place(place, self.topic)


def _same_place(one: Place, other: Place) -> bool:
    return one.name in other.name or other.name in one.name


def _restarts_numbering(state: _DocState, kind: _Kind) -> bool:
    """Item 1 of the top numbering after it reached 2+, or a style outranking all used."""
    if kind.style is None or kind.ordinal != 1 or not state.progressed:
        return False
    if kind.rank == state.top_rank:
        return state.max_ordinal.get(kind.style, 0) >= 2
    return kind.rank < state.top_rank


def split_documents(text: str) -> list[DocumentSpan]:
    """Spans that tile `text`, one per report; a single report stays one document."""
    lines: list[Line] = []
    kinds: list[_Kind] = []
    gap = False
    for line in iter_lines(text):
        if line.blank:
            gap = bool(lines)
            continue
        kinds.append(_classify(line, lines[-1] if lines else None, gap))
        lines.append(line)
        gap = False
    if not lines:
        return [DocumentSpan(0, len(text), "")]
    _mark_breaks(kinds, lines)
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


def _mark_breaks(kinds: list[_Kind], lines: list[Line]) -> None:
    """Where the text breaks: a blank line after lines that had none, or none after lines
    that each had one (reports with different spacing meet, a blank line sets off the next
    report); and prose broken off mid-sentence, unless it is a run of lines of one length
    (a paragraph hard-wrapped at a width, not cut)."""
    for i in range(_RECENT + 1, len(kinds)):
        kinds[i].layout_break = all(kinds[j].gap != kinds[i].gap for j in range(i - _RECENT, i))
    for i, kind in enumerate(kinds):
        if kind.unfinished:
            kind.unfinished = not any(0 <= j < len(lines) and abs(lines[j].length - lines[i].length) <= _WRAP_SLACK
                                      for j in (i - 1, i + 1))


def _new_document_at(i: int, kinds: list[_Kind], state: _DocState) -> int | None:
    """Index of the line where a new document starts if line i opens one, else None."""
    kind = kinds[i]
    if state.closed or kind.preface:
        return i
    if kind.title and _announced_part(kind.core, state.title_text):
        return None   # "2022年工作计划" inside "关于2021年工作总结和2022年工作计划的报告"
    if kind.opens_report:
        if state.front_only or ((kind.head_cue is HeadCue.PLACE_CARD or kind.title and not kind.core.endswith(
                tuple(words.TITLE_GENRES))) and state.names_its_topic(kind)):
            return None
        return _head_before(i, kinds, state)
    if state.body_lines == 0:
        return None
    if state.ended and (kind.body or kind.heading):
        return i   # after 特此报告。 / (陈蕾) and a signature, the next report
    if kind.topic is not None and _new_topic(kind.topic, state.topic):
        return _head_before(i, kinds, state)
    if _restarts_numbering(state, kind):
        return _restart_start(i, kinds, state)
    next_kind = kinds[i + 1] if i + 1 < len(kinds) else None
    if _broken_before(i, kinds, state) and (_may_open(kind) or (
            kind.headline and next_kind is not None and next_kind.body and _may_open(next_kind))):
        return _head_before(i, kinds, state)
    opens_list = next_kind is not None and next_kind.style is not None and next_kind.ordinal == 1
    # Not an opening paragraph of the section headed just before ("二、……情况" + "自……以来,我们…"),
    # unless it names a new place ("三、下一步打算" ending a report, "2021年以来,XX镇……").
    # …or before a first section (一、基本情况) after a report of some length with no such numbering.
    opens_report_body = (opens_list and next_kind.opening_section and state.body_lines >= _LONG_ENOUGH
                         and state.top_rank > next_kind.rank)
    if (kind.opener and opens_list and (state.progressed or opens_report_body) and not kind.lead_in_only
            and (not kinds[i - 1].heading or (kind.named is not None and (
                state.topic is None or _new_topic(kind.named, state.topic))))):
        return _opening_lines_before(i, kinds, state)
    if (kind.dash_heading and opens_list and state.progressed and not state.has_dash_heading
            and not state.front_only and not kinds[i - 1].bare_heading):
        return i
    return None


def _new_topic(place: Place, topic: Place | None) -> bool:
    """A paragraph about another place of the report's level or above (a village's profile
    after another village's; not a township report's paragraph on one of its villages)."""
    return topic is not None and place.rank <= topic.rank and not _same_place(place, topic)


def _broken_before(i: int, kinds: list[_Kind], state: _DocState) -> bool:
    """The text breaks before line i: the spacing the report keeps changes, or the line
    before broke off mid-sentence (a report of two lines of prose or more)."""
    if state.body_lines < 2:
        return False
    share = state.gapped / max(1, state.lines - 1)
    kind = kinds[i]
    layout = kind.layout_break and (share <= _MIXED_SPACING if kind.gap else share >= 1 - _MIXED_SPACING)
    return layout or kinds[i - 1].unfinished


def _may_open(kind: _Kind) -> bool:
    """A line a report may open with: an opening paragraph, a place as topic, a news lead,
    its first section (一、基本情况, 村情概况, 一、……)."""
    return ((kind.leads and not kind.lead_in_only) or kind.topic is not None or kind.news_lead
            or kind.opening_section or (kind.style is not None and kind.ordinal == 1 and kind.rank <= 1))


def _head_before(i: int, kinds: list[_Kind], state: _DocState) -> int:
    """Line i opens a report: walk back over the lines heading it (its title, byline and
    occasion, a web page's lines; a headline above a page's source line or above a paragraph
    on the place it names), not past the previous report's end. A title, a file name, a
    piece's number or a place card is the report's first line itself."""
    kind = kinds[i]
    if kind.title or kind.head_cue in _OPENING_CUES:
        return i
    start = i
    while start - 1 > state.start_index and i - start < _RECENT:
        previous = kinds[start - 1]
        if previous.ends:
            break
        if previous.heads_report:
            start -= 1
            continue
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
