"""What a figure's frame adds to the phrase it names (extractors/subject.py).

A share names its base after 占 (通电农户占农户总数的89% → 通电农户占农户总数), a rate of
change its verb (农民人均纯收入增长9% → …增长); a bare households or people figure counts
households or people (共210户,780人 → 户数, 人口), people after households of one group are
its people (脱贫27户89人 → 脱贫户数, 脱贫人口); a part of a broken-down whole is of the
whole's kind (其中男822人 → 男村委会成员; 其中水田800亩 → 水田面积); a table cell its
column's header (村名<TAB>户数 over 李家村<TAB>120户 → 户数).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.base import Measure
from extractors.lang.people import PEOPLE_HEAD_CHARS, PEOPLE_NOUNS, POSTS_COUNTED
from extractors.lang.punctuation import (CELL_RULES, CLOSE_BRACKETS, COLONS, COMMAS, LIST_COMMA, OPEN_BRACKETS,
                                         PINYIN_ANNOTATION, SENTENCE_FINAL, char_class)
from extractors.lang.script import fold
from extractors.lang.subjects import (AFTER_CHANGE, AGE_NOUN, AMONG, BREAKDOWN, CHANGE_NOUNS, CHANGE_VERBS,
                                      HOUSEHOLD_CHAR, HOUSEHOLDS_NOUN, LEVEL_REACHED, PEOPLE_COUNTS, PEOPLE_NOUN,
                                      PEOPLE_STAFF, SHARE_OF,
                                      STRONG_TOTALS, TOPIC, TOTAL_INTRODUCING)
from extractors.lang.totals import LEAD_TRAILERS, RESPECTIVELY
from extractors.lang.wordlists import strip_words

# A clause of a share ends at these (a list comma only separates the shares of one list; a
# line break ends none: after a sentence's end it follows a break, else the line runs on).
_SHARE_CLAUSE_BREAK = re.compile(char_class(COMMAS, SENTENCE_FINAL, COLONS, OPEN_BRACKETS, CLOSE_BRACKETS))
_SHARE_FIGURE = r"[0-9０-９.．]+\s*[%％‰]"
_LIST_JOINT = f"(?:{char_class(LIST_COMMA)}|和|及|与)"
# Earlier shares of one list before this one: 占总数的100%、88.6%和 …
_SHARES_BEFORE = re.compile(f"(?:{_SHARE_FIGURE}\\s*{_LIST_JOINT}\\s*)+$")
_LIST_REACH = 120  # characters a list of shares after one frame runs to at most
_SHARES_AFTER = re.compile(f"(?:\\s*{_LIST_JOINT}\\s*{_SHARE_FIGURE})+")
_SHARE_VERB = re.compile(SHARE_OF + "(?![地用据])")
_BASE_LEAD = ("到", "有", "了")
# 提升至96%, 增至: the level reached, no change (the verbs of a change end in no 至)
_CHANGES = sorted((*(verb for verb in CHANGE_VERBS if not verb.endswith(LEVEL_REACHED)), *CHANGE_NOUNS),
                  key=len, reverse=True)
_CHANGE_BEFORE = re.compile(f"(?<!{LEVEL_REACHED})(?:" + "|".join(_CHANGES) + ")"
                            + "(?:" + "|".join(AFTER_CHANGE) + ")?$")
_SPACES = re.compile(r"\s+")
# Cells of a table row copied as text: a tab or a rule between them (a run of spaces is as
# often a PDF's gap inside a sentence).
_CELL_RULE = re.compile(f"\\t|\\s*{char_class(CELL_RULES)}\\s*")
_DIGIT = re.compile("[0-9０-９]")
_HEADER_REACH = 12  # lines above a row its header may be
_MAX_ROW = 300  # characters of a table row at most
_PINYIN_GLOSS = re.compile(PINYIN_ANNOTATION)
# 其中 after a whole, 党员中, before the parts; a bracket right after a figure opens its parts.
_BREAKDOWN_CUE = re.compile(f"{BREAKDOWN}|(?<=[\u4e00-\u9fff]){AMONG}(?={char_class(COMMAS, COLONS)})")
_PARTS_IN_BRACKETS = re.compile(f"\\s*{char_class(OPEN_BRACKETS)}")
_CLOSING = re.compile(char_class(CLOSE_BRACKETS))
# A total stated for a whole: 共有委员45人, 有支部委员27人 (its clause opens with a total word).
_TOTAL_BEFORE = re.compile(f"(?:^|{char_class(COMMAS, SENTENCE_FINAL, COLONS, chr(10))})[^,，。;；:：\n]{{0,8}}?"
                           f"({'|'.join(TOTAL_INTRODUCING)})[^,，。;；:：\n0-9]{{0,12}}[0-9０-９.]+[^,，。;；:：\n]{{0,3}}$")
# A list of classes after a colon (年龄结构:46—55岁7人): the parts of the figures before it.
_LIST_CUE = re.compile(f"[\u4e00-\u9fff]{char_class(COLONS)}")
# 从党员的年龄看, 从党员的分布看: the people the parts after it are of.
_TOPIC = re.compile(f"{TOPIC[0]}([^,，。;；:：\\n的]{{1,10}})的[^,，。;；:：\\n]{{0,6}}?{TOPIC[1]}")
_PEOPLE_WORDS = (*PEOPLE_NOUNS, *POSTS_COUNTED, *PEOPLE_COUNTS)
_PEOPLE_ENDS = (*_PEOPLE_WORDS, *PEOPLE_HEAD_CHARS)


@dataclass(frozen=True, slots=True)
class ShareFrame:
    """占 (at `verb`) and the base it names before a share; the share is the `index`-th of
    `count` listed after one frame (分别占总数的60%和40%)."""

    verb: int
    base: str
    index: int
    count: int
    respectively: bool


def share_frame(text: str, start: int, lo: int) -> ShareFrame | None:
    """The 占 frame of a share starting at `start` (None when 占 heads no clause before it)."""
    listed = _SHARES_BEFORE.search(text, max(lo, start - _LIST_REACH), start)
    head_end = listed.start() if listed else start
    index = len(re.findall(_SHARE_FIGURE, listed.group())) if listed else 0
    unglossed = _PINYIN_GLOSS.sub(lambda gloss: "_" * len(gloss.group()), text[lo:head_end])  # 總數(shù)的
    breaks = list(_SHARE_CLAUSE_BREAK.finditer(unglossed))
    clause_start = lo + breaks[-1].end() if breaks else lo
    verbs = list(_SHARE_VERB.finditer(text, clause_start, head_end))
    if not verbs:
        return None
    verb = verbs[-1].start()
    base = strip_words(_PINYIN_GLOSS.sub("", _SPACES.sub("", text[verb + 1:head_end])), LEAD_TRAILERS, _BASE_LEAD)
    end = _end_of_share(text, start)
    after = _SHARES_AFTER.match(text, end, end + _LIST_REACH)
    count = index + 1 + (len(re.findall(_SHARE_FIGURE, after.group())) if after else 0)
    return ShareFrame(verb, base, index, count, RESPECTIVELY in text[clause_start:verb + 1])


def _end_of_share(text: str, start: int) -> int:
    figure = re.compile(_SHARE_FIGURE).match(text, start)
    return figure.end() if figure else start


def share_subject(part: str, base: str, named: bool) -> str:
    """A share's subject: the part and, when its frame names one, the base (占比: the part's
    share); a part `named` before 占 keeps it (种植业占35%: 种植业占)."""
    if part and (base or named):
        return f"{part}{SHARE_OF}{base}"
    return part or base


def change_word(text: str, start: int, lo: int) -> str | None:
    """The verb or noun of change right before a rate (增长9%, 增长了9%, 增幅9%), else None."""
    before = _SPACES.sub("", text[max(lo, start - 8):start])
    found = _CHANGE_BEFORE.search(before)
    if not found:
        return None
    word = found.group()
    return next((word[:-len(tail)] for tail in AFTER_CHANGE if word.endswith(tail) and len(word) > len(tail)), word)


def names_people(phrase: str | None) -> bool:
    """True when `phrase` ends with a noun of people (党员, 选民, 村委会成员, 书记)."""
    return bool(phrase) and fold(phrase).endswith(_PEOPLE_ENDS)


def households_subject(subject: str | None) -> str:
    """A households figure counts households: 户数 when nothing names them; a group named
    without 户 (脱贫, 在册人口, 返乡人员) takes 户数 after its name."""
    if not subject:
        return HOUSEHOLDS_NOUN
    return subject if HOUSEHOLD_CHAR in fold(subject) else subject + HOUSEHOLDS_NOUN


def group_name(subject: str | None) -> str | None:
    """The group a households or people figure's subject names (白茶种植户数 → 白茶种植), for
    an amount of the same group (白茶种植46户350亩); None for a bare 户数 or 人口."""
    folded = fold(subject or "")
    for noun in (HOUSEHOLDS_NOUN, PEOPLE_NOUN):
        if folded.endswith(noun):
            return (subject or "")[:-len(noun)] or None
    return subject


def people_subject(subject: str | None, households: Sequence[str]) -> str:
    """A people figure counts people: 人口 when nothing names them; after households of the
    same group (贫困户4户21人, 脱贫27户89人) the group's 人口; 人员 of a phrase naming no
    people (武汉返回137人 → 武汉返回人员)."""
    if not subject:
        return PEOPLE_NOUN
    folded = fold(subject)
    if folded == HOUSEHOLDS_NOUN:
        return PEOPLE_NOUN
    if folded in {fold(h) for h in households} or folded.endswith(HOUSEHOLD_CHAR):
        for noun in (HOUSEHOLDS_NOUN, HOUSEHOLD_CHAR):
            if folded.endswith(noun) and len(folded) > len(noun):
                return subject[:-len(noun)] + PEOPLE_NOUN
        if not names_people(subject):
            return subject + PEOPLE_NOUN
    # 武汉返回137人, 已解除隔离176人: the people of what the phrase says (人口密度 names them)
    return subject if names_people(subject) or any(noun in folded for noun in _PEOPLE_WORDS) else subject + PEOPLE_STAFF


@dataclass(frozen=True, slots=True)
class PriorFigure:
    """A figure found earlier in the same sentence or paragraph."""

    end: int
    kind: str
    measures: Measure
    unit: str
    subject: str | None


def whole_of(text: str, start: int, kind: str, measures: Measure, paragraph: Sequence[PriorFigure],
             sentence_start: int, opening: int) -> PriorFigure | None:
    """The whole the figure at `start` is a part of: the last figure of its sort before the
    paragraph's last breakdown cue (其中, 党员中, a bracket right after a figure; the paragraph
    opens at `opening`, an amount's cue is in the sentence from `sentence_start`); for people
    and ages, the topic named (从党员的年龄看), else after a list's colon a total stated
    (共有委员45人) or the paragraph's first people figure (村党支部书记9人…;年龄结构:46—55岁7人)."""
    people = measures in (Measure.PEOPLE, Measure.AGE)
    lo = min(opening, sentence_start)
    topic = topic_of(text, lo, start)
    if people and topic is not None:
        return topic
    cues = [cue.start() for cue in _BREAKDOWN_CUE.finditer(text, lo, start)]
    cues += [f.end for f in paragraph if _PARTS_IN_BRACKETS.match(text, f.end) and f.end < start]
    # a bracket closed since the cue ends its parts; an amount's parts stay in its sentence
    cues = [c for c in cues if not _CLOSING.search(text, c, start) and (people or c >= sentence_start)]
    listed = people and _LIST_CUE.search(text, lo, start) is not None
    if not cues and not listed:
        return None
    # a whole is named in the text (a phrase put together for a part is none: 男村委会成员)
    wholes = [f for f in paragraph if f.subject and fold(f.subject) in text[max(0, f.end - 40):f.end + 20]
              and (f.measures == Measure.PEOPLE and names_people(f.subject) if people else f.kind == kind)]
    broken = [f for f in wholes if cues and f.end <= max(cues)][-1:]
    if not people:
        return broken[0] if broken else None
    if not broken and not listed:
        return None
    # no class of an earlier whole (女村委会成员 after 村委会成员) is a whole of its own
    wholes = [f for i, f in enumerate(wholes) if not _is_part(f.subject or "", wholes[:i])]
    stated = [(f, found.group(1)) for f in wholes if (found := _TOTAL_BEFORE.search(text, max(f.end - 30, 0), f.end))]
    # a total said with 共有/共计 (共有委员45人) before one said with 有 (有党员29人)
    totals = ([f for f, word in stated if word in STRONG_TOTALS] or [f for f, _ in stated])[-1:]
    # 其中 after a whole, or a total stated (共有委员45人) after it; else the paragraph's first
    return max(broken + totals, key=lambda f: f.end, default=wholes[0] if wholes else None)


def topic_of(text: str, lo: int, start: int) -> PriorFigure | None:
    """The people a clause before `start` names as its topic (从党员的年龄看,25岁以下的占3.7%:
    党员), as a figure of them; None when text[lo:start] names none."""
    found = [topic for topic in _TOPIC.finditer(text, lo, start) if names_people(topic.group(1))]
    return PriorFigure(found[-1].end(), "", Measure.PEOPLE, "", found[-1].group(1)) if found else None


def _is_part(subject: str, before: Sequence[PriorFigure]) -> bool:
    """True when `subject` is a class of an earlier figure's (女村委会成员 after 村委会成员)."""
    folded = fold(subject)
    return any(f.subject and len(folded) > len(f.subject) and folded.endswith(fold(f.subject)) for f in before)


def part_subject(own: str | None, inherited: bool, modifier: str, whole: PriorFigure, measures: Measure,
                 head: str) -> str | None:
    """A part's subject given its whole (None: its own phrase stands): a class of the
    whole's people (男 → 男村委会成员; the words before a bare figure: 35岁以下的 → 35岁以下的
    无职党员), their age (年龄结构:36—45岁 → 支部委员年龄), or a part of an amount's head noun
    (水田 → 水田面积). `inherited`: `own` is an earlier figure's subject, not a phrase of its own
    (46—55岁7人,56岁以上2人: 2人 takes 46—55岁…)."""
    subject = whole.subject or ""
    if measures == Measure.AGE:
        if not own or fold(own) == AGE_NOUN or fold(own).endswith(fold(subject)):
            return subject + AGE_NOUN
        return own + AGE_NOUN if names_people(own) else None
    if measures == Measure.PEOPLE:
        if names_people(own) and not inherited:
            return None
        named = modifier if inherited or not own else own
        return named + subject if named and not fold(named).endswith(fold(subject)) else None
    if own and head and fold(own)[-1] != fold(head)[-1]:  # 农业产值 is a 总值 already
        return own + head
    return None


def column_header(text: str, start: int) -> str | None:
    """The header of the table column a figure opens a cell of (村名<TAB>户数<TAB>耕地面积 over
    李家村<TAB>120户<TAB>800亩: 800亩 → 耕地面积): the nearest line above with as many cells
    whose cell in that column holds no figure; None outside a table or for a figure with
    words of its own in its cell."""
    line_start = text.rfind("\n", max(0, start - _MAX_ROW), start) + 1
    line_end = text.find("\n", start, start + _MAX_ROW)
    if (line_start == 0 and start > _MAX_ROW) or (line_end < 0 and len(text) > start + _MAX_ROW):
        return None  # a line this long is no table row
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    cells = _CELL_RULE.split(line)
    if len(cells) < 2:
        return None
    column = len(_CELL_RULE.split(text[line_start:start])) - 1
    if cells[column].strip()[:1] != text[start:start + 1]:
        return None  # words before the figure in its cell: its own phrase
    end = line_start - 1
    for _ in range(_HEADER_REACH):
        if end <= 0:
            return None
        above_start = text.rfind("\n", max(0, end - _MAX_ROW), end) + 1
        if above_start == 0 and end > _MAX_ROW:
            return None
        above = _CELL_RULE.split(text[above_start:end])
        if len(above) == len(cells):
            header = _SPACES.sub("", above[column])
            if header and not _DIGIT.search(header):
                return header
        end = above_start - 1
    return None
