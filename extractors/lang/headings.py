"""How reports head their sections and open: markers, salutations, greetings,
self-introductions, prefaces, lead-ins, title words and the phrases a report opens with.

Words as tuples, and the regex sources the heading rules (pipelines/split_sections.py,
pipelines/split_documents.py) compile, built from the words and from `punctuation`.
"""
from __future__ import annotations

import re

from extractors.lang.numerals import PLAIN_CN_NUMERALS
from extractors.lang.places import SUFFIX_SOURCE
from extractors.lang.punctuation import (
    CLAUSE_FINAL,
    CLOSE_BRACKETS,
    COLONS,
    COMMAS,
    DASHES,
    DOTS,
    EXCLAMATIONS,
    HAN,
    LIST_COMMA,
    OPEN_BRACKETS,
    SENTENCE_FINAL,
    WORD_SPACES,
    char_class,
)
from extractors.lang.wordlists import load


def one_of(words: tuple[str, ...]) -> str:
    """A regex group matching any of `words` (escaped), in the order given."""
    return f"(?:{'|'.join(map(re.escape, words))})"


# Classes of what a phrase of one clause or one sentence may hold.
NOT_CLAUSE_END = char_class(CLAUSE_FINAL, negate=True)
NOT_SENTENCE_END = char_class(SENTENCE_FINAL, negate=True)

# --- markers (第一部分, 一、, (一), 1., ①, 一是, 第一个方面是) ---------------------------------
CIRCLED_NUMERALS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
ORDINAL_PREFIX = "第"  # 第一, 第三
PART_WORDS = ("部分", "章", "篇")  # 第一部分, 第三章, 第二篇
ENUMERATOR = "是"  # 一是抓班子, 第二个方面是
NOT_ENUMERATOR_AFTER = "否"  # 是否: "whether", no enumerator
# After 一、 these make a list of numerals, no marker: 三、四月份, 一、二级, 二、三类.
NUMERAL_LIST_WORDS = ("月", "级", "类", "等", "批", "届", "期", "季", "年", "号")
# What stands between a marker and its title (一、 基本情况, 1.,抓党建): blanks but the
# no-break space, commas, colons, 、 and a dot.
AFTER_MARKER = WORD_SPACES + "\t" + COMMAS + COLONS + LIST_COMMA + DOTS

# --- salutations and greetings (各位领导、同志们: / 下午好!) ------------------------------------
ADDRESS_OPENERS = ("尊敬的", "各位", "亲爱的", "同志们", "女士们", "先生们", "朋友们", "老师们", "同学们", "大家")
# Who a salutation addresses (各位领导, 各位代表, 乡亲们, 各位乡友); 同志们 and 大家 address on their own.
ADDRESSEES = ("领导", "同志", "代表", "来宾", "朋友", "同事", "嘉宾", "党员", "团员", "村民", "乡亲", "乡友")
ADDRESS_ALONE = ("同志们", "大家")
SALUTATION = (f"{one_of(ADDRESS_OPENERS)}{NOT_SENTENCE_END}{{0,40}}"
              f"{char_class(COLONS, COMMAS, EXCLAMATIONS)}$")
GREETED = ("大家", "各位", "同志们")
TIMES_OF_DAY = ("上午", "下午", "晚上", "早上")
GREETING = f"{one_of(GREETED)}?{one_of(TIMES_OF_DAY)}?好{char_class(EXCLAMATIONS, '。.')}?$"

# --- self-introductions (我是…书记 / 我叫… / 下面,我代表…作报告 / 本人…现任…) ------------------
# A bare 我是一名共产党员 inside a 述职报告 is no introduction, so 我是 needs a post.
SPEAKER_POSTS = load("speaker_posts")
DELIVERY_WORDS = ("作", "做", "向", "汇报", "报告")  # 我代表…作报告, 我代表…向大会汇报
APPOINTMENT_WORDS = ("现任", "担任", "任职", "起任", "系")  # 本人…现任…
SELF_INTRODUCTION = (
    f"(?:我叫|下面{char_class(COMMAS)}?我代表|我代表{NOT_SENTENCE_END}{{0,40}}?{one_of(DELIVERY_WORDS)}"
    f"|受{NOT_CLAUSE_END}{{1,20}}委托"
    f"|我是{NOT_SENTENCE_END}{{0,20}}?{one_of(SPEAKER_POSTS)}"
    f"|本人{NOT_SENTENCE_END}{{0,15}}?{one_of(APPOINTMENT_WORDS)})")

# --- prefaces and lead-ins -------------------------------------------------------------------
PREFACE_WORDS = ("前言", "序言", "编者按", "编者的话", "导语", "引言", "卷首语", "写在前面")
PREFACE = f"{one_of(PREFACE_WORDS)}(?:{char_class(COLONS)}|$)"
REPORT_WORDS = ("汇报", "报告", "总结")
# "现将……汇报如下:" / "作如下汇报" introduces a whole report (DECISIONS 14), not a section.
REPORT_LEAD_IN = (f"{one_of(REPORT_WORDS + ('介绍',))}如下"
                  f"|{one_of(('作', '做'))}{one_of(('如下', '以下'))}{one_of(REPORT_WORDS)}")
# The same as a heading line ends with it: 如下: at the end, or 以下汇报 anywhere.
LINE_LEAD_IN = f"如下{char_class(COLONS)}?$|以下{one_of(REPORT_WORDS)}"

# --- lines that are no heading ---------------------------------------------------------------
DATE_WORDS = "年月日号"
# A line made only of date and number characters (落款日期 2021年12月30日) is not a heading.
DATE_CHARS = char_class(DATE_WORDS, DOTS, "/", DASHES, COLONS, OPEN_BRACKETS, CLOSE_BRACKETS, "〇零",
                        PLAIN_CN_NUMERALS, ranges=r"\d\s")

# --- report titles ---------------------------------------------------------------------------
# Genres a title names: ……工作汇报, 关于……的报告, ……述职报告, ……申报材料, 村情简介.
TITLE_GENRES = ("汇报", "报告", "总结", "材料", "讲话", "发言", "发言稿", "致辞", "述职", "简介", "综述", "纪实",
                "批复", "请示", "通报", "建议书")
# Plan-like endings are titles only with an anchor (a place, an organisation, 关于):
# "XX村2022年工作计划" is a title, "下一步工作计划" a section heading.
PLAN_GENRES = ("方案", "计划", "规划", "要点", "打算", "意见", "介绍", "概况")
ORGANISATION_WORDS = ("支部", "委员会")
TITLE_ANCHOR = f"^关于|{SUFFIX_SOURCE}|{one_of(ORGANISATION_WORDS)}"
# A title naming two parts joins them: 关于2021年工作总结和2022年工作计划的报告.
TITLE_JOINERS = ("和", "及", "与", "暨", "、")

# --- phrases a report opens with (split_documents) ---------------------------------------------
SINCE_PHRASES = ("近年来", "近几年来", "近些年来", "多年来", "长期以来", "一直以来")
SINCE = "以来"  # 2021年以来, 党的十八大以来
DIRECTIVE_HEADS = ("按照", "根据", "遵照", "依据", "依照")  # 按照……要求
DIRECTIVE_WORDS = ("要求", "部署", "安排", "精神", "通知", "规定", "意见", "方案")
PLACE_VERBS = ("是", "位于", "地处", "坐落", "隶属")  # X村位于…, 我村地处…
OPENERS = (
    f"(?:{one_of(SINCE_PHRASES)}|{NOT_CLAUSE_END}{{1,12}}{SINCE}){char_class(COMMAS)}",
    f"{one_of(DIRECTIVE_HEADS)}{NOT_SENTENCE_END}{{0,60}}?{one_of(DIRECTIVE_WORDS)}",
    f"{NOT_CLAUSE_END}{{0,15}}{SUFFIX_SOURCE}{one_of(PLACE_VERBS)}",
    f"{NOT_CLAUSE_END}{{0,10}}是{NOT_SENTENCE_END}{{0,40}}之年",  # 2008年是……之年
)
# Anywhere in an opening paragraph: X村是X镇所辖…, or a report lead-in.
OPENER_ANYWHERE = f"所辖|{REPORT_LEAD_IN}"

# --- a report's front matter ------------------------------------------------------------------
# A byline under a title: its date and speaker (2016年11月2日  王四平), or a bracketed note of the
# occasion ((在长湖乡第六届人民代表大会第一次会议上)).
BYLINE = (f"{DATE_CHARS}+(?:(?<=[{WORD_SPACES}])[{HAN}]{{2,4}}(?:{char_class(WORD_SPACES)}+[{HAN}]{{2,4}})*)?$"
          f"|{char_class(OPEN_BRACKETS)}{char_class(OPEN_BRACKETS, CLOSE_BRACKETS, negate=True)}{{2,60}}"
          f"{char_class(CLOSE_BRACKETS)}$")
# A line naming only places (莲塘镇石柱村, 化隆县:查甫藏族乡) heads a report about them.
PLACE_LINE = (f"[{HAN}]{{1,12}}{SUFFIX_SOURCE}"
              f"(?:{char_class(COLONS, WORD_SPACES)}{{1,2}}[{HAN}]{{1,12}}{SUFFIX_SOURCE}){{0,3}}$")
