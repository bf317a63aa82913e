"""How a report begins and ends when reports are pasted together (GUIDELINE §1): the lines
only a report's head holds (an occasion subtitle, the bodies it is addressed to, a web page's
source line, page 1), how a report names the place it is about, and the lines that close it.

Regex sources, built from the words and from `punctuation` and `places`; the rules that read
them are in pipelines/document_cues.py, document_lines.py and split_documents.py.
"""
from __future__ import annotations

from extractors.lang.headings import DATE_CHARS, one_of
from extractors.lang.numerals import ARABIC_DIGITS, PLAIN_CN_NUMERALS
from extractors.lang.places import SUFFIX_SOURCE
from extractors.lang.punctuation import (
    CLAUSE_FINAL,
    CLOSE_BRACKETS,
    COLONS,
    COMMAS,
    DASHES,
    HAN,
    LIST_COMMA,
    OPEN_BRACKETS,
    SENTENCE_FINAL,
    WORD_SPACES,
    char_class,
)

_COLON = char_class(COLONS)
_NOT_CLAUSE_END = char_class(CLAUSE_FINAL, negate=True)
_NOT_SENTENCE_END = char_class(SENTENCE_FINAL, negate=True)
_NUMERAL = char_class(PLAIN_CN_NUMERALS, ranges=ARABIC_DIGITS)
_DIGIT = f"[{ARABIC_DIGITS}]"

# --- the head of a report ---------------------------------------------------------------------
# The occasion a speech or government report was delivered at, as its subtitle:
# ——2021年8月27日在X乡第十八届人民代表大会第一次会议上 / (在全县脱贫攻坚推进会上的讲话).
OCCASION_PLACES = ("会议", "大会", "会", "仪式", "典礼", "座谈会", "培训班")
OCCASION = (f"(?:{char_class(DASHES)}{{1,4}}|{char_class(OPEN_BRACKETS)})(?:{_NOT_SENTENCE_END}{{0,20}}?在"
            f"{_NOT_SENTENCE_END}{{2,50}}?{one_of(OCCASION_PLACES)}(?:上|$)"
            f"|{_NOT_SENTENCE_END}{{2,60}}?{one_of(OCCASION_PLACES)}上)")
# The bodies an official document is sent to (主送机关): 县委、县政府: / X乡人民政府:.
ADDRESSED_BODIES = ("人民政府", "政府", "党委", "党工委", "县委", "市委", "区委", "委员会", "办公室", "领导小组",
                    "指挥部", "管委会", "人大", "局", "厅", "办")
ADDRESSEE = (f"[{HAN}]{{0,20}}{one_of(ADDRESSED_BODIES)}"
             f"(?:{char_class(LIST_COMMA, COMMAS)}[{HAN}]{{0,20}}{one_of(ADDRESSED_BODIES)}){{0,4}}{_COLON}$")
# A web page's line of source, time or author under its title: 来源:网友投稿 / 2020-02-28 17:33.
# Not 时间: alone (a meeting record's 时间: / 地点: lines) nor 编辑: (it signs off an article).
PAGE_LABELS = ("来源", "发布时间", "更新时间", "发布日期", "发表时间", "作者", "浏览次数", "点击数")
PAGE_INFO = (f"(?:^|{char_class(WORD_SPACES)}){one_of(PAGE_LABELS)}{_COLON}"
             f"|^{_DIGIT}{{4}}[-/.]{_DIGIT}{{1,2}}(?:[-/.]{_DIGIT}{{1,2}})?{char_class(WORD_SPACES)}+{_DIGIT}{{1,2}}:{_DIGIT}{{2}}")
# Page 1 of a pasted file (第1页共6页 / 第 1 页): the file starts there.
PAGE_ONE = r"第\s*[1一]\s*页"
# A pasted file named by its file name (一事一议资料模板.doc).
FILE_NAME = r"\.(?:docx?|pdf|wps|txt|xlsx?|pptx?)$"
# A web compilation's pieces (篇一:……总结, ……总结报告篇一) and its heading counting them
# (……总结最新3篇).
PIECE = f"篇{_NUMERAL}{{1,3}}(?:{_COLON}|$)"
PIECE_COUNT = (f"(?:(?:最新|精选|范文)?{char_class(WORD_SPACES)}?{_NUMERAL}{{1,3}}{char_class(WORD_SPACES)}?篇"
               f"|篇{_NUMERAL}{{1,3}})$")
# A card of a place in a web gazetteer: 地名:杜洼村 | 隶属:吴陈河镇.
NAME_LABELS = ("地名", "村名", "名称", "中文名称", "中文名")
PLACE_CARD = f"{one_of(NAME_LABELS)}{_COLON}{char_class(WORD_SPACES)}?[{HAN}]{{1,12}}{SUFFIX_SOURCE}"
# …and its other rows, labelled fields between bars (区划代码:510321120231 | 代码前6位:510321 |),
# a label padded to a column before its colon too (区划代码    :510321120231 |).
_FIELD = f"[^|｜:：\\s]{{2,14}}{char_class(WORD_SPACES)}*{_COLON}[^|｜:：]{{1,30}}[|｜]"
CARD_ROW = f"{_FIELD}(?:{char_class(WORD_SPACES)}*{_FIELD}){{1,4}}"
# Sections only a report's opening holds: 基本情况, 村情概况, 简况.
OPENING_SECTIONS = ("基本情况", "基本概况", "村情概况", "村情简介", "基本信息", "简况", "概况", "简介")
# Placed after an optional place name and a bracket: 【简况】 / 金星村基本情况: / 村情概况.
OPENING_SECTION = (f"{char_class(OPEN_BRACKETS, '【')}?[{HAN}]{{0,12}}?{one_of(OPENING_SECTIONS)}"
                   f"(?:{char_class(CLOSE_BRACKETS, '】', COLONS, WORD_SPACES)}|$)")
# A news report's lead: its dateline and the reporter (3月15日,记者从……获悉) or the hour
# (2月26日下午3时,……).
_DAY = f"(?:{_DIGIT}{{4}}年)?{_DIGIT}{{1,2}}月{_DIGIT}{{1,2}}日"
_TIME_OF_DAY = one_of(("上午", "下午", "晚上", "早上", "凌晨", "中午"))
NEWS_LEAD = (f"{_DAY}{_TIME_OF_DAY}?{char_class(COMMAS)}{_NOT_SENTENCE_END}{{0,20}}?记者"
             f"{_NOT_SENTENCE_END}{{0,30}}?(?:获悉|了解到|获知)"
             f"|{_DAY}{_TIME_OF_DAY}?{_DIGIT}{{1,2}}(?:时|点)")
# A paragraph opening with its year or date (2018年,子洲县……): a report may open so (with its
# place named next, pipelines/document_cues.py).
DATE_LEAD = f"{_DIGIT}{{4}}年(?:{_DIGIT}{{1,2}}月(?:{_DIGIT}{{1,2}}日)?)?{char_class(COMMAS)}"
# A self-introduction by appointment, after its date: 2014年7月,我被县委任命为……第一书记.
APPOINTED = ("任命", "选派", "派驻", "委派", "选为", "推选", "选举")
APPOINTED_SELF = f"^{_NOT_CLAUSE_END}{{0,12}}{char_class(COMMAS)}?我被{_NOT_SENTENCE_END}{{0,30}}?{one_of(APPOINTED)}"

# --- the place a report is about --------------------------------------------------------------
# A village named with its administrative kind (小楼自然村, 凤仪行政村) is the village itself.
VILLAGE_KINDS = ("行政村", "自然村")
# Marks standing for a name in a report made anonymous (XX村, ××镇, **乡).
NAME_MASKS = "Xx×*＊"
# A paragraph opening with the place it introduces as its topic: X村位于……, 天水市麦积区甘泉镇
# 现辖……, 2018年,子洲县在市委……领导下, X村自2014年……以来, after at most a lead-in of its time
# (2018年, / 历时两个月, / 2月26日下午3时,) or a bracketed label (【简况】). What a sentence only
# says of a place (张村共有农户300户, 面积……) introduces none: a report says it of its neighbours too.
PLACE_VERBS = ("位于", "位於", "地处", "坐落", "隶属", "属于", "现辖", "下辖", "辖", "地现辖", "始建于", "成立于")
# Besides the name rules' stops, a name read backwards stops at the verb before it (位于|X镇).
PLACE_VERB_ENDS = "于处"
PLACE_BODIES = ("村委会", "委会", "村民委员会", "居委会", "党委", "党支部", "人民政府")   # 石柱村委会位于……
_TIME_WORDS = "年月日时"
PLACE_LEAD_IN = (f"(?:{_NOT_CLAUSE_END}{{0,8}}[{_TIME_WORDS}]{_NOT_CLAUSE_END}{{0,3}}{char_class(COMMAS)}"
                 f"|{char_class('【', OPEN_BRACKETS)}[{HAN}]{{1,6}}{char_class('】', CLOSE_BRACKETS)}"
                 f"{char_class(WORD_SPACES)}?)??")
PLACE_CHAIN = f"(?:[{HAN}{NAME_MASKS}]{{1,9}}?{SUFFIX_SOURCE}){{1,5}}"
PLACE_TOPIC = (f"{PLACE_LEAD_IN}({PLACE_CHAIN})(?:{one_of(PLACE_BODIES)})?{char_class(COMMAS)}?"
               f"(?:{one_of(PLACE_VERBS)}|在{_NOT_SENTENCE_END}{{2,30}}?领导下|自{_NOT_SENTENCE_END}{{2,30}}?以来)")
# A paragraph whose first clause, after its time (历时两个月, / 2022年,), has a place as subject:
# 历时两个月,白沙镇20个村完成换届. Weaker than a topic: a report says it of its own parts too.
PLACE_SUBJECT = f"{PLACE_LEAD_IN}({PLACE_CHAIN})"

# --- the end of a report ----------------------------------------------------------------------
# Closing formulas, alone or with a short request: 特此报告。/ 以上报告,请予审议。/ 谢谢大家! /
# 此致 敬礼.
CLOSINGS = ("特此报告", "特此汇报", "特此请示", "特此通知", "特此函告", "以上报告", "以上汇报", "谢谢大家", "谢谢各位",
            "谢谢!", "谢谢！", "此致", "敬礼")
CLOSING = (f"{one_of(CLOSINGS)}(?:{char_class(COMMAS, WORD_SPACES)}{_NOT_SENTENCE_END}{{0,16}})?"
           f"{char_class(SENTENCE_FINAL)}?$")
# The writer's credit under an article: (陈蕾) / (供稿:县扶贫办).
CREDIT_LABELS = ("供稿", "作者", "撰稿", "通讯员", "记者", "编辑", "责编", "审核")
CREDIT = (f"{char_class(OPEN_BRACKETS)}(?:[{HAN}]{{2,4}}|{one_of(CREDIT_LABELS)}{_COLON}?"
          f"{char_class(OPEN_BRACKETS, CLOSE_BRACKETS, negate=True)}{{1,30}}){char_class(CLOSE_BRACKETS)}$")
# A report is signed (落款) with its writer, a body or a person, over a line of its date.
SIGNING_BODIES = ADDRESSED_BODIES + ("村委会", "村民委员会", "居委会", "支部", "党支部", "党总支", "工作队", "小组")
SIGNATURE = f"[{HAN}A-Za-z×*]{{2,30}}{one_of(SIGNING_BODIES)}$"
SIGNED_DATE = f"{DATE_CHARS}{{6,20}}$"
