"""What each line of a compilation is, as far as document boundaries care (split_documents).

A line is classified once: a numbered heading (its style, rank and ordinal), an unnumbered
heading or title, a salutation, self-introduction or byline, an opening paragraph, a line
only a report's head holds (document_cues), a closing line, prose or not, prose broken off
mid-sentence, the place it names or opens with as its topic, and whether the line spacing
changes before it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extractors.lang import headings as words
from extractors.lang.punctuation import (
    COLONS,
    COMMAS,
    HAN,
    LIST_COMMA,
    PARAGRAPH_FINAL,
    PINYIN_ANNOTATION,
    SENTENCE_FINAL,
    SENTENCE_OR_COLON,
    WORD_SPACES,
    char_class,
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
MAX_BARE_HEADING = 50   # longer numbered lines read as a sentence of body text
RECENT = 3              # lines whose spacing tells a report's layout (blank line between or not)
_MAX_FRONT_LINE = 60    # a longer line is prose even without punctuation
_MAX_HEADLINE = 30      # a headline may hold a comma (X镇严防死守,确保疫情“零”输入)
_MIN_PROSE = 20         # a shorter unpunctuated line may be a heading, not prose broken off
_MIN_RUN_IN_TITLE = 6   # a title run into the text names more than its genre
_PLACE_WINDOW = 80      # chars of a line searched for the places it names
_MAX_LISTED_WORD = 5    # items of a list of words are this short; a clause of prose is longer
_WRAP_SLACK = 2         # lines of a hard-wrapped paragraph are this close in length

# Opening-paragraph cues, all anchored at the paragraph start (or a fixed lead-in phrase):
# 近年来, / 2021年以来, — 按照……要求 — X村是X镇所辖的… / X村位于… — 2008年是……之年.
_OPENERS: tuple[re.Pattern[str], ...] = tuple(re.compile(source) for source in words.OPENERS)
_OPENER_ANYWHERE = re.compile(words.OPENER_ANYWHERE)
_REPORT_LEAD_IN = re.compile(words.REPORT_LEAD_IN)
_OPENER_WINDOW = 120   # chars of a paragraph searched for lead-in phrases
_BYLINE = re.compile(words.BYLINE)
_PLACE_LINE = re.compile(words.PLACE_LINE)
_RUN_IN_TITLE = re.compile(f"([{HAN}]{{{_MIN_RUN_IN_TITLE},{MAX_TITLE_CHARS}}})(?=[ \u3000A-Za-z0-9])")
_LIST_BREAK = re.compile(char_class(COMMAS, LIST_COMMA))
# A pinyin gloss in brackets after a character: 换届(jiè), 区(qū).
_GLOSS = re.compile(PINYIN_ANNOTATION)
_WORD = re.compile(f"[{HAN}]{{2}}")
# Head cues that open a report by themselves, with nothing heading them.
OPENING_CUES = (HeadCue.FILE_NAME, HeadCue.PIECE, HeadCue.PAGE_ONE, HeadCue.PLACE_CARD)
# Letters spaced apart in a typeset title (政 府 工 作 报 告) read as one word.
_SPACED_LETTERS = re.compile(f"(?<=[{HAN}])[{WORD_SPACES}]+(?=[{HAN}])")
_LETTER_SPACED = re.compile(f"[{HAN}](?:[{WORD_SPACES}]+[{HAN}]){{3}}[{WORD_SPACES}]")


@dataclass(slots=True)
class LineKind:
    """What a line is, as far as document boundaries care."""
    preface: bool = False
    title: bool = False
    place_only: bool = False       # a title naming only places (莲塘镇石柱村)
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
    subject: Place | None = None   # the place its first clause opens with (历时两个月,白沙镇……)
    superior: Place | None = None  # the place its topic lies in, named after it (X村位于Y镇南部)
    named: Place | None = None     # the most specific place the line names
    body: bool = False             # prose: a clause or sentence, or a numbered heading
    unfinished: bool = False       # prose broken off mid-sentence
    news_lead: bool = False        # 3月15日,记者从……获悉: a news report's first sentence
    date_lead: bool = False        # 2018年,子洲县……: a paragraph opening with its year and place
    opening_section: bool = False  # 基本情况 / 村情概况 / 【简况】: a section only an opening has
    gap: bool = False              # a blank line before it
    # A short line of words, no prose, no closing line and no "label: value": a headline or title.
    headline: bool = False
    layout_break: bool = False     # the line spacing changes before it (see _mark_breaks)

    @property
    def plain(self) -> bool:
        """An unnumbered heading that could name a report: not a title, dash or ':' line."""
        return (self.heading and self.style is None and not self.title
                and not self.dash_heading and not self.colon_heading)

    @property
    def front_matter(self) -> bool:
        """Lines that may precede a report's body without ending its front matter: anything
        but prose (a title, its byline and occasion, a salutation, a cover's fields)."""
        return self.salutation or self.self_intro or not self.body

    @property
    def opens_report(self) -> bool:
        """A line that starts a report wherever it stands (after the current one's head)."""
        return self.title or self.salutation or self.self_intro or self.head_cue is not None

    @property
    def heads_report(self) -> bool:
        """A line that may stand above a report's opening line: title, byline, occasion,
        a web page's lines (not a place card: it opens the report itself)."""
        return self.title or self.byline or (self.head_cue is not None and self.head_cue not in OPENING_CUES)


def _classify(line: Line, previous: Line | None, gap: bool) -> LineKind:
    """What `line` is (`previous` is the line before it, `gap` a blank line between them)."""
    kind = _classify_heading(line)
    head = line.head
    kind.gap = gap
    kind.ends = cues.ends_report(head, "" if previous is None else previous.head)
    kind.body = (kind.style is not None or line.length > _MAX_FRONT_LINE or any(c in head for c in SENTENCE_FINAL)
                 or (line.length > _MAX_HEADLINE and any(c in head for c in COMMAS)))
    kind.headline = (_WORD.search(head) is not None and not kind.body and not kind.ends
                     and (kind.title or not any(c in head for c in COLONS)))
    kind.unfinished = (kind.body and line.length >= _MIN_PROSE and line.tail[-1:] not in PARAGRAPH_FINAL
                       and (kind.style is None or line.length > MAX_BARE_HEADING) and not _lists_words(head))
    if kind.style is None and not kind.salutation:
        kind.head_cue = cues.head_cue(head)
        kind.news_lead = cues.is_news_lead(head)
        kind.date_lead = cues.opens_with_its_year(head)
        kind.opening_section = cues.OPENING_SECTION.match(head) is not None
        kind.self_intro = kind.self_intro or cues.APPOINTED_SELF.match(head) is not None
        kind.topic = cues.topic_place(head)
        kind.subject = kind.topic or cues.subject_place(head)
    elif kind.style is not None:
        # 17、塘山村 塘山村位于……: an entry headed by the place it is about.
        title, _ = numbered_title(parse_marker(head)[1], line.complete)
        places = cues.places_named(title)
        if places and title == places[-1].name:
            kind.topic = places[-1]
        kind.opening_section = kind.ordinal == 1 and cues.OPENING_SECTION.match(title) is not None
    named = cues.places_named(head[:_PLACE_WINDOW])
    kind.named = max(named, key=lambda place: place.rank) if named else None
    if kind.topic is not None:
        kind.superior = next((place for place in named if place.rank < kind.topic.rank), None)
    return kind


def _lists_words(head: str) -> bool:
    """简介,村落组成,产业状况,……: a list of short words (a page's contents, its tags), no prose."""
    items = [item for item in _LIST_BREAK.split(head) if item.strip()]
    return len(items) > 2 and all(len(item.strip()) <= _MAX_LISTED_WORD for item in items)


def _classify_heading(line: Line) -> LineKind:
    head = line.head
    parsed = parse_marker(head)
    if parsed is not None:
        marker, rest = parsed
        _, inline_body = numbered_title(rest, line.complete)
        return LineKind(heading=True, style=marker.style, rank=marker.rank, ordinal=marker.ordinal,
                        bare_heading=not inline_body and line.length <= MAX_BARE_HEADING)
    body = strip_dash(head)
    kind = LineKind()
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
        kind.place_only = _PLACE_LINE.match(_SPACED_LETTERS.sub("", body.strip())) is not None
        kind.title = kind.place_only or _is_title_line(line, body) or _runs_into_text(head)
        kind.core = plain_title(head)
    else:
        kind.leads = any(p.match(head[:_OPENER_WINDOW]) for p in _OPENERS)
        kind.opener = (kind.leads or bool(_OPENER_ANYWHERE.search(head[:_OPENER_WINDOW]))
                       or bool(_REPORT_LEAD_IN.search(line.tail)))
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
    """A title run into what follows it, as a web copy flattens a page: prose after a space
    (镇村道路硬化实施方案 折溪乡……) or a site's mark in Latin letters (政府工作报告g0M乡村百科)."""
    head = head[:MAX_TITLE_CHARS]
    match = _RUN_IN_TITLE.match(head)
    if match is None and _LETTER_SPACED.match(head):
        match = _RUN_IN_TITLE.match(_SPACED_LETTERS.sub("", head))
    return match is not None and looks_like_title(match.group(1))


def _without_glosses(line: Line) -> Line:
    """The line read without the pinyin a web copy glosses characters with (报(bào)告)."""
    head = _GLOSS.sub("", line.head)
    if len(head) == len(line.head):
        return line
    return replace(line, head=head, tail=_GLOSS.sub("", line.tail), length=line.length - len(line.head) + len(head))


def classify_lines(text: str) -> tuple[list[Line], list[LineKind]]:
    """The non-blank lines of `text` and what each is."""
    lines: list[Line] = []
    kinds: list[LineKind] = []
    gap = False
    for line in iter_lines(text):
        if line.blank:
            gap = bool(lines)
            continue
        kinds.append(_classify(_without_glosses(line), lines[-1] if lines else None, gap))
        lines.append(line)
        gap = False
    _mark_breaks(kinds, lines)
    return lines, kinds


def _mark_breaks(kinds: list[LineKind], lines: list[Line]) -> None:
    """Where the text breaks: a blank line after lines that had none, or none after lines
    that each had one (reports with different spacing meet, a blank line sets off the next
    report); and prose broken off mid-sentence, unless lines of its length stand around it
    (a paragraph hard-wrapped at a width, not cut)."""
    for i in range(RECENT + 1, len(kinds)):
        kinds[i].layout_break = all(kinds[j].gap != kinds[i].gap for j in range(i - RECENT, i))
    for i, kind in enumerate(kinds):
        if kind.unfinished:
            near = range(max(0, i - RECENT), min(len(lines), i + RECENT + 1))
            kind.unfinished = sum(abs(lines[j].length - lines[i].length) <= _WRAP_SLACK for j in near if j != i) < 2
