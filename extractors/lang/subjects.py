"""The words subject attribution reads: what links a subject to its figure, what opens or
ends no subject, verbs of change, comparison and completion (extractors/subject.py)."""
from __future__ import annotations

from extractors.lang.places import SUFFIX_CHARS
from extractors.lang.wordlists import load

# Words linking a subject to its figure; never part of the subject (共有党员16名).
LINK_WORDS = frozenset(load("link_words"))
LEADING_NOISE = frozenset(load("leading_noise"))
# pkuseg often cuts 我镇 into 我|镇: the two are one scope word, never part of the subject.
SCOPE_HEADS = frozenset({"我", "我们", "全"})
# The one-character place suffixes and 组 (a village group): *村有耕地面积, 3组有….
ADMIN_UNITS = SUFFIX_CHARS | {"组"}
# Verbs of change: a figure after one is a level or a change of what the clause is about
# (收入由3万元增加到28.5万元, 比上年提高5个百分点), never of the verb.
CHANGE_VERBS = frozenset({"增加", "增长", "提高", "提升", "上升", "下降", "减少", "降低", "扩大", "缩小",
                          "增至", "升至", "降至", "提至"})
# Where the clause starts comparing: the subject stands before it (满意度由85%提升至96%).
COMPARISON = frozenset({"由", "从", "比", "较", "同比", "相比"})  # as words: not 比例, 从事
# Verbs that introduce what is counted; never its first word (全镇有留守儿童320名 → 留守儿童).
INTRODUCING = frozenset({"有", "共有", "现有", "拥有", "共计", "合计", "总计", "累计", "只有", "仅有", "实现"})
# Words that end a noun phrase following the figure (8000名干部对口包保 → 干部).
FOLLOWING_STOP = frozenset(load("following_stop")) | CHANGE_VERBS
# One-character words that are no thing counted (particles, pronouns, adverbs), besides the
# link words and those a following phrase stops at.
FUNCTION_CHARS = frozenset("着过或而并但才各每其该此这那我他她它们把给让使")
# Words before a share that name its whole (占总数74%).
SHARE_MARKERS = ("占", "总数", "总量", "总人口")
# A bare dimension word names no thing: 一条路(长1.5公里) measures the road.
DIMENSIONS = frozenset({"长", "宽", "高", "深", "厚", "全长", "总长", "长度", "宽度", "高度"})
# Verbs after which a bare count repeats the things counted before (已解决34件, 建成4个).
COMPLETION_VERBS = frozenset({"解决", "建成", "完成", "办结", "落实", "实现", "启动", "收到", "化解", "处理", "整改"})
# What a bare households or people figure counts (村辖4个组,共210户,780人 → 户数, 人口).
HOUSEHOLDS_NOUN = "户数"
PEOPLE_NOUN = "人口"
HOUSEHOLD_CHAR = "户"
# What a share is of, when 占 names its base (占农户总数的89%): part 占 base.
SHARE_OF = "占"
# Nouns of change, besides the verbs: 增幅18.7%.
CHANGE_NOUNS = ("增幅", "涨幅", "降幅")
# What follows a change verb before its figure and is no part of it (增长了5%, 增长达5%).
AFTER_CHANGE = ("了", "达", "为")
# Where a whole is broken down: 耕地1200亩,其中水田800亩; 无职党员中,35岁以下的64名.
BREAKDOWN = "其中"
AMONG = "中"
# A whole of people figures, then the age of its members: 35岁以下 → 党员年龄.
AGE_NOUN = "年龄"
# Words opening the clause of a stated total (共有委员45人): a whole its parts break down.
TOTAL_INTRODUCING = ("共有", "共计", "合计", "总计", "现有", "共", "有")
STRONG_TOTALS = ("共有", "共计", "合计", "总计")  # a total, where 有 may introduce a part
# 人员 of a people figure whose phrase names no people (武汉返回137人 → 武汉返回人员).
PEOPLE_STAFF = "人员"
# The words around a topic: 从党员的年龄看 (the parts after it are of 党员).
TOPIC = ("从", "看")
# A verb of change ending in 至 states the level reached (提升至96%), no change.
LEVEL_REACHED = "至"
# Counts of people that name them (参合人数, 培训人次).
PEOPLE_COUNTS = ("人数", "人次")
