"""Subject attribution: what a figure measures, as a short phrase copied from the text.

The phrase after the measure word (27名村支部书记), else the one before the figure
(户籍常住人口32426人), cut at word boundaries from pkuseg on a short window; shares
(占总数74%) and elliptical counts (已解决34件) take the subject of the figure they refer to.
Then the figure's frame (extractors/subject_frames.py): a share's 占 base, a rate's change,
bare households and people (户数, 人口), the parts of a broken-down whole.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from extractors.base import Candidate, Measure, Segmenter
from extractors.lang.people import PEOPLE_NOUNS as _PEOPLE_WORDS
from extractors.lang.punctuation import (ASCII_STOP, CELL_RULES, CLAUSE_END, CLOSE_BRACKETS, CLOSE_QUOTES, COLONS,
                                         COMMAS, LIST_COMMA, OPEN_BRACKETS, OPEN_QUOTES, PINYIN_ANNOTATION,
                                         SENTENCE_FINAL, char_class)
from extractors.lang.subjects import ADMIN_UNITS as _ADMIN_UNITS
from extractors.lang.subjects import CHANGE_VERBS as _CHANGE_VERBS
from extractors.lang.subjects import COMPARISON as _COMPARISON
from extractors.lang.subjects import COMPLETION_VERBS as _COMPLETION_VERBS
from extractors.lang.subjects import DIMENSIONS as _DIMENSIONS
from extractors.lang.subjects import FOLLOWING_STOP as _FOLLOWING_STOP
from extractors.lang.subjects import FUNCTION_CHARS as _FUNCTION_CHARS
from extractors.lang.subjects import INTRODUCING as _INTRODUCING
from extractors.lang.subjects import LEADING_NOISE as _LEADING_NOISE
from extractors.lang.subjects import LINK_WORDS as _LINK_WORDS
from extractors.lang.subjects import SCOPE_HEADS as _SCOPE_HEADS
from extractors.lang.subjects import SHARE_MARKERS as _SHARE_MARKERS
from extractors.subject_frames import (PriorFigure, ShareFrame, change_word, column_header, group_name,
                                       households_subject, names_people, part_subject, people_subject, share_frame,
                                       share_subject, topic_of, whole_of)

_SENTENCE_END = re.compile(char_class(SENTENCE_FINAL, "\n") + "|" + ASCII_STOP)
_WINDOW = 20
_MAX_CHARS = 12
# A tab separates table cells (.docx and spreadsheet text) as a comma does clauses.
_CLAUSE_BREAK = re.compile(char_class(COMMAS, SENTENCE_FINAL, COLONS, "\n\t", CELL_RULES, LIST_COMMA, OPEN_QUOTES,
                                      CLOSE_QUOTES, OPEN_BRACKETS, CLOSE_BRACKETS) + "|" + ASCII_STOP)
_PINYIN_GLOSS = re.compile(PINYIN_ANNOTATION)
# A quoted name right before the figure.
_QUOTED_BEFORE = re.compile(char_class(OPEN_QUOTES) + "(" + char_class(OPEN_QUOTES, CLOSE_QUOTES, COMMAS, "。;；\n",
                                                                       negate=True)
                            + "{1,12})" + char_class(CLOSE_QUOTES) + "$")
# A parenthesis closed before the figure: a gloss or a note on the noun before it.
_CLOSED_PARENTHESIS = re.compile(r"[(（][^()（）]*[)）]")
_FOLLOWING_CUT = re.compile(char_class(COMMAS, SENTENCE_FINAL, COLONS, "\n\t", CELL_RULES, OPEN_BRACKETS,
                                       CLOSE_BRACKETS, OPEN_QUOTES, CLOSE_QUOTES, "*＊+＋", ranges="0-9０-９") + "|" + ASCII_STOP)
# What is left before a figure in 由2020年的3万元: a time word, no subject.
_TIME_RESIDUE = re.compile(r"[年月底末初的]+")
# What follows the digits of a date: 2016年底 → 年底.
_DATE_TAIL = re.compile(r"(?:年|月|日|号)(?:底|末|初|度|份|中|来|以来)?")
_CLAUSE_END = re.compile(CLAUSE_END)
_FINAL = re.compile(char_class(SENTENCE_FINAL))
_PEOPLE_MEASURES = frozenset({Measure.PEOPLE, Measure.HOUSEHOLDS})


class Sentences:
    """Sentences of text[lo:hi], split after 。!?; and newlines (found in one pass)."""

    def __init__(self, text: str, lo: int, hi: int):
        self._lo, self._hi = lo, hi
        self._ends = [match.start() for match in _SENTENCE_END.finditer(text, lo, hi)]

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around [start, end): from after the previous end mark to the next."""
        ends = self._ends
        before = bisect.bisect_left(ends, start)
        after = bisect.bisect_left(ends, end)
        return (ends[before - 1] + 1 if before else self._lo), (ends[after] + 1 if after < len(ends) else self._hi)


# A space between two Chinese characters separates nothing (a wrapped line read as one,
# a letter-spaced title): the words are read without it.
_SPACE_IN_WORDS = re.compile(r"(?<=[\u4e00-\u9fff])[ \u00a0\u3000]+(?=[\u4e00-\u9fff])")


def _words(phrase: str, segment: Segmenter | None) -> list[str]:
    phrase = _SPACE_IN_WORDS.sub("", phrase)
    return segment(phrase) if segment is not None and phrase else list(phrase)


def _join_tail(words: list[str]) -> str:
    picked: list[str] = []
    for word in reversed(words):
        if picked and sum(map(len, picked)) + len(word) > _MAX_CHARS:
            break
        picked.append(word)
    while len(picked) > 1 and picked[-1] == "的":  # cut right before a 的: no phrase starts with it
        picked.pop()
    return "".join(reversed(picked))


def preceding_phrase(text: str, start: int, lo: int, segment: Segmenter | None) -> str:
    """The noun phrase right before a figure, without linking words (面积达到 → 面积).

    `lo` is where the phrase may begin at the earliest: the sentence start or the end
    of the previous figure.
    """
    window_start = max(lo, start - _WINDOW - 8)
    window = _PINYIN_GLOSS.sub("", text[window_start:start])[-_WINDOW:].rstrip(" \t\u00a0\u3000")  # 耕地面积<TAB>3200亩:
    # a gap, not a break
    closed = list(_CLOSED_PARENTHESIS.finditer(window))
    if closed:
        after = window[closed[-1].end():]
        # 地区生产总值(GDP)达到80亿元 → 地区生产总值; 收入(不含补助)总额 → 总额
        linking = all(word in _LINK_WORDS for word in _words(after.strip(), segment))
        window = window[:closed[-1].start()] if linking else after
    quoted = _QUOTED_BEFORE.search(window)
    if quoted:
        return quoted.group(1)  # 开展“三会一课”48次, 《村规民约》3份: the quoted name is the thing
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        last = breaks[-1]
        if last.group() in COLONS and last.start() > 0 and not window[last.end():].strip():
            return preceding_phrase(text, text.rfind(last.group(), lo, start), lo, segment)  # 面积:14平方公里: its label
        window = window[breaks[-1].end():]
    # Another figure inside the clause: keep what follows it.
    after_figure = re.search(r"[0-9０-９*＊]", window) is not None
    if after_figure:
        window = re.split(r"[0-9０-９%％*＊]+[^\u4e00-\u9fff]*", window)[-1].strip()
        # 2016年农村人均纯收入, 2016年底发展…: the rest of a date (cut off before segmenting:
        # pkuseg joins 年县 in 2020年县财政…)
        date_tail = _DATE_TAIL.match(window)
        if date_tail and not _TIME_RESIDUE.fullmatch(window):
            window = window[date_tail.end():]
    else:
        window = window.strip()
    words = _words(window, segment)
    if after_figure and len(words) > 1 and words[0] in _ADMIN_UNITS:
        del words[0]  # *村有耕地面积, 3组有…: the suffix of a masked or numbered place
    while words and words[-1] in _LINK_WORDS:
        words.pop()
    introduced = [i for i, word in enumerate(words[:-1]) if word in _INTRODUCING]
    if introduced:
        del words[:introduced[-1] + 1]  # 下河村共有农户, 村党支部现有党员: what is introduced
    phrase = "".join(words)
    # 村主任薪资为村党支部书记的70%: the subject is what stands before 为/是.
    compared = re.match(r"(.+?)(?:为|是|相当于)(.+)的$", phrase)
    if compared:
        words = _words(compared.group(1), segment)
    while words:
        if words[0] in _SCOPE_HEADS and len(words) > 1 and words[1] in _ADMIN_UNITS:
            del words[:2]
        elif words[0] in _LEADING_NOISE or words[0] in _INTRODUCING:
            del words[0]
        else:
            break
    return _join_tail(words)


def _changed_thing(before_verb: list[str], text: str, start: int, lo: int, segment: Segmenter | None) -> str:
    """What a change verb before a figure is about: the words before the verb (耕地减少), else
    the phrase before 由/从/比/较 heading the clause (满意度由85%提升至), else ''."""
    before = "".join(_until_comparison(before_verb))
    if before and not _TIME_RESIDUE.fullmatch(before):
        return before
    breaks = list(_CLAUSE_BREAK.finditer(text, lo, start))
    clause_start = breaks[-1].end() if breaks else lo
    clause = _words(text[clause_start:start], segment)
    head = _until_comparison(clause)
    if not head or len(head) == len(clause):
        return ""  # the clause starts with the comparison, or has none
    return preceding_phrase(text, clause_start + sum(map(len, head)), clause_start, segment)


def _until_comparison(words: list[str]) -> list[str]:
    for index, word in enumerate(words):
        if word in _COMPARISON:
            return words[:index]
    return words


def following_phrase(text: str, end: int, hi: int, segment: Segmenter | None) -> str:
    """The noun phrase right after a measure word (27名村支部书记、村委会主任 → …主任)."""
    window = _PINYIN_GLOSS.sub("", text[end:min(hi, end + _WINDOW + 8)])[:_WINDOW]
    if window[:1] in ("、", "/"):
        return ""  # 888人、党员34人: the next item of a list; 160人/平方公里: a per-unit figure
    cut = _FOLLOWING_CUT.search(window)
    if cut and cut.group() in COLONS:
        return ""  # 2401人农业人口:2350人: the label of the next figure
    window = window[: cut.start()] if cut else window
    if "的" in window:
        head = window.rsplit("的", 1)[1]
        words = _words(head, segment)
    else:
        words = _words(window, segment)
    picked: list[str] = []
    for word in words:
        if (word in _FOLLOWING_STOP or word[:2] in _FOLLOWING_STOP or word in _LINK_WORDS
                or sum(map(len, picked)) + len(word) > _MAX_CHARS):
            break
        picked.append(word)
    return "".join(picked).strip().rstrip("、")  # 18个贫困村、1.4万人: the list goes on with a figure


def _closes_with_one_word_noun(text: str, end: int, following: str) -> bool:
    """True when the phrase after a figure ending at `end` is one character, a word of its
    own (following_phrase keeps whole words) and no function word, and the clause ends
    right after it (2000余只鸡， but not 1面长12米 or 1个设在…)."""
    return (len(following) == 1 and text.startswith(following, end) and "\u4e00" <= following <= "\u9fff"
            and following not in _FUNCTION_CHARS and following not in _LINK_WORDS
            and _CLAUSE_END.match(text, end + 1) is not None)


def subject_of(
    text: str, kind: str, measures: Measure, candidate: Candidate, sentence: tuple[int, int],
    segment: Segmenter | None, prior: Sequence[PriorFigure] = (), paragraph: Sequence[PriorFigure] = (),
    opening: int | None = None,
) -> str | None:
    """What the figure measures (see the module docstring); `measures` is the kind's.
    `prior`: the sentence's figures before it; `paragraph`: the paragraph's, which opens at
    `opening` (by default with the sentence)."""
    lo = sentence[0]
    opening = lo if opening is None else opening
    start = candidate.start
    if measures == Measure.SHARE:
        # a line break ending no sentence (占有\n71.9%) leaves the share in its clause
        run_on = paragraph[-1].end if paragraph and not _FINAL.search(text, paragraph[-1].end, lo) else lo
        share_lo = min(lo, run_on)
        frame = share_frame(text, start, share_lo)
        if frame is not None:
            return _share_of(text, frame, paragraph if share_lo < lo else prior, min(opening, share_lo), share_lo,
                             segment)
    subject = column_header(text, start) or _phrase_of(text, kind, measures, candidate, sentence, segment, prior)
    if measures == Measure.SHARE:
        change = change_word(text, start, lo)
        if change and subject and change_word(subject, len(subject), 0) is None:
            return subject + change  # 农民人均纯收入增长9%: the rate is of the change
        return subject
    whole = whole_of(text, start, kind, measures, paragraph, lo, opening)
    if whole is not None:
        head = _words(whole.subject or "", segment)[-1:] if measures not in _PEOPLE_MEASURES else []
        inherited = subject is not None and subject in {p.subject for p in prior}
        part = part_subject(subject, inherited, _modifier(text, start, lo, segment), whole, measures, "".join(head))
        subject = part or subject
    if measures == Measure.HOUSEHOLDS:
        return households_subject(subject)
    if measures == Measure.PEOPLE:
        return people_subject(subject, [p.subject for p in prior if p.measures == Measure.HOUSEHOLDS and p.subject])
    return subject


def _share_of(text: str, frame: ShareFrame, prior: Sequence[PriorFigure], opening: int, lo: int,
              segment: Segmenter | None) -> str | None:
    """A share with a 占 frame: the part named before 占 (农业人口占91%), a class of the people
    the paragraph's topic names (从党员的学历看,大专以上的占12.8%), else the figure it is a
    share of (the respective one of a list: 分别占总数的60%和40%), with the base."""
    floor = max([lo, *(p.end for p in prior if p.end <= frame.verb)])
    part = preceding_phrase(text, frame.verb, floor, segment)
    named = bool(part)
    topic = topic_of(text, opening, frame.verb)
    if topic is not None and not names_people(part):
        part = (part or _modifier(text, frame.verb, lo, segment)) + (topic.subject or "")
    earlier = [p for p in prior if p.subject and p.measures != Measure.SHARE and p.end <= frame.verb]
    if not part and earlier:
        listed = frame.respectively and frame.count <= len(earlier)
        part = earlier[-frame.count + frame.index].subject if listed else earlier[-1].subject
    return share_subject(part or "", frame.base, named) or None


def _modifier(text: str, start: int, lo: int, segment: Segmenter | None) -> str:
    """The words of the clause before a part figure, as they stand (35岁以下的有 → 35岁以下的)."""
    breaks = list(_CLAUSE_BREAK.finditer(text, lo, start))
    words = _words(text[breaks[-1].end() if breaks else lo:start].strip(), segment)
    while words and (words[0] in _INTRODUCING or words[0] in _LEADING_NOISE):
        del words[0]
    while words and (words[-1] in _LINK_WORDS or words[-1] in _INTRODUCING):
        words.pop()
    return "".join(words)


def _phrase_of(
    text: str, kind: str, measures: Measure, candidate: Candidate, sentence: tuple[int, int],
    segment: Segmenter | None, prior: Sequence[PriorFigure],
) -> str | None:
    """The phrase the figure names (before the frames of subject_of)."""
    lo, hi = sentence
    if measures == Measure.UNITS and candidate.unit.surface.lstrip("个"):
        return candidate.unit.surface.lstrip("个")  # 14个行政村; 行政村12个 is read like any count
    if candidate.unit.canonical == "person" and len(candidate.unit.surface) >= 2 \
            and candidate.unit.surface != "口人":
        return candidate.unit.surface  # 乡机关21党员
    clause = text[max(lo, candidate.start - 8):candidate.start]
    floor = max([lo, *(p.end for p in prior)])  # the phrase before starts after earlier figures
    following = following_phrase(text, candidate.end, hi, segment)
    if len(following) >= 2 or (measures == Measure.THINGS and _closes_with_one_word_noun(text, candidate.end, following)):
        if measures == Measure.PEOPLE:
            people = preceding_phrase(text, candidate.start, floor, segment)
            if people.endswith(_PEOPLE_WORDS) and not any(word in following for word in _PEOPLE_WORDS):
                return people  # 组织贫困群众1.56万人外出: the people named before, not what they do
        return following  # 27名村支部书记; 2000余只鸡, 3座桥: a one-character noun closing the clause
    earlier = [p for p in prior if p.subject and p.measures != Measure.SHARE]
    share = measures == Measure.SHARE and bool(earlier)
    if share and any(m in clause for m in _SHARE_MARKERS):
        return earlier[-1].subject  # 20名,占总数74%: the share of that group
    preceding = preceding_phrase(text, candidate.start, floor, segment)
    residue = bool(preceding) and _TIME_RESIDUE.fullmatch(preceding) is not None
    words = _words(preceding, segment) if preceding and not residue else []
    if residue or (words and words[-1] in _CHANGE_VERBS):
        # 耕地减少200亩, 收入由2020年的3万元增加到…, 比2019年提高5个百分点: what changed.
        preceding = _changed_thing(words[:-1], text, candidate.start, lo, segment)
        named = [p.subject for p in prior if p.subject]
        if not preceding and named:
            return named[-1]
    if share and not preceding:
        return earlier[-1].subject
    same_unit = [p for p in earlier if p.unit == candidate.unit.canonical]
    if measures == Measure.THINGS and same_unit and (
        not preceding or "已" in clause or _words(preceding, segment)[-1] in _COMPLETION_VERBS
    ):
        # 39件民生问题……已解决34件: the count of the same things.
        return f"{preceding}的{same_unit[-1].subject}" if preceding else same_unit[-1].subject
    if preceding in _DIMENSIONS or (
        not preceding and text[max(lo, candidate.start - 2):candidate.start].endswith(("(", "（", "共"))
    ):
        # 一组宣传栏(共4块), 陈晨(12岁: the thing the parenthesis describes.
        opening = max(text.rfind("(", lo, candidate.start), text.rfind("（", lo, candidate.start))
        if opening > lo and not _CLAUSE_BREAK.search(text, opening + 1, candidate.start):
            preceding = preceding_phrase(text, opening, lo, segment) or preceding
    groups = [p for p in earlier if p.measures != Measure.UNITS]  # units hold no people or households
    if not preceding and groups:
        # 拆迁119户,共338人: the same group counted again, people with households (耕地…亩,
        # 7205户,25185口人: not 耕地); 收入15万元以上的村1个,10~15万元的1个: an amount with the
        # amount of its kind before it
        if measures in _PEOPLE_MEASURES:
            groups = [p for p in groups if p.measures in _PEOPLE_MEASURES]
        elif measures == Measure.AMOUNT and groups[-1].measures == Measure.THINGS \
                and not text[groups[-1].end:candidate.start].strip():
            groups = groups[-1:]  # 危堤13处3200米: the amount of the things just counted
        elif measures == Measure.AMOUNT:  # 白茶种植46户350亩: else the group just counted
            groups = [p for p in groups if p.kind == kind] or groups
        if groups:
            last = groups[-1]
            if measures == Measure.AMOUNT:
                return group_name(last.subject)
            # a bare 户数 or 人口 names no group to count again (共210户,780人,共200户…)
            return last.subject if group_name(last.subject) else None
    return preceding or following or None
