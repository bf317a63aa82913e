"""Words of wholes and their parts, as the consistency checks read them (pipelines/check.py):
totals (共, 合计, 全乡), breakdowns (其中), selections (党员中的…), rests (其余), done and
pending parts (已, 尚未), plans, overlaps, complementary modifiers (男/女, 非…), the words around
the noun a figure counts (现有农户), shares (占…的, 分别占…, …率, a topic 党员中).

The longer lists are data (`data/not_among_*.tsv`, `data/share_lead_trailers.tsv`).
"""
from __future__ import annotations

from extractors.lang.numerals import APPROX_MARKS, CN_NUMERAL_CHARS
from extractors.lang.places import LEVEL_CHARS, SELF_REFERENCE_HEADS
from extractors.lang.punctuation import DOTS
from extractors.lang.qualifiers import LEADING_QUALIFIERS, TRAILING_QUALIFIERS
from extractors.lang.subjects import CHANGE_VERBS, COMPARISON
from extractors.lang.wordlists import load

# --- totals ----------------------------------------------------------------------------------
TOTAL_WORDS = ("总", "全部", "所有", "全体", "整个")  # 总人口, 全部行政村
GENERIC_TOTAL_WORDS = ("总数", "总量", "总和", "总计", "合计", "总额", "人数", "数量")
ALL_WORDS = ("已全部", "全部", "全都", "均已", "都已", "均", "都", "悉数")  # 316个村全部建立了…
TOTAL_MARK = "共"  # 共有农户300户, 共计
NOT_TOTAL_BEFORE = ("公", "中")  # 公共, 中共: no total
NOT_TOTAL_AFTER = ("青", "产", "同", "建")  # 共青团, 共产党, 共同, 共建: no total
SUM_HEADS = "合总"  # with a SUM_TAIL: 合计, 总计, 总共, 合共
SUM_TAILS = ("计", "共")
WHOLE_OF_PLACE = "全"  # 全乡3000亩: the whole of a place
# The place a whole or a share's base is about: 全乡, 本村, 我镇, 该县 (every level, 省 too).
PLACE_CHARS = LEVEL_CHARS
SCOPE_HEADS = SELF_REFERENCE_HEADS

# --- parts -----------------------------------------------------------------------------------
BREAKDOWN = "其中"  # 耕地6621亩,其中水田1580亩
PART_PREFIXES = ("其中", "共有", "共", "有")  # what a part's own words start with, not what it counts
AMONG = "中"  # 27名村干部中初中文化20名
NOT_AMONG_BEFORE = frozenset(load("not_among_before"))  # 初中, 集中: 中 ends another word
NOT_AMONG_AFTER = frozenset(load("not_among_after"))  # 中学, 中心: 中 starts another word
REST_WORDS = ("其它", "其他", "其余", "剩余", "剩下")
DONE = "已"  # 已解决12件
PENDING_WORDS = ("正在", "尚未", "尚在", "尚有", "还有", "仍有", "剩余", "剩下", "未")
NOT_PENDING = "未来"  # 未 in 未来 (the future) says nothing of a status
PLAN_WORDS = ("计划", "目标", "任务", "力争", "预计", "拟")
OVERLAP_WORDS = ("的", "联系", "参与", "参加", "从事", "兼", "包括", "同时", "既", "也", "又")
# Modifiers that split one head noun into disjoint classes (男党员 / 女党员).
COMPLEMENTARY = (frozenset({"男", "女"}), frozenset({"正式", "预备"}), frozenset({"城镇", "农村"}),
                 frozenset({"本地", "外地"}), frozenset({"户籍", "外来"}))
# 农业人口 / 非农业人口: a class and the rest of its whole.
COMPLEMENT_PREFIX = "非"
# Words a figure's item may open or close with around the noun it counts, which name no
# subgroup: 现有农户973户, 具有党员601名, 党员总人数为521人 (the noun is 农户, 党员).
NOUN_LEADS = ("其中", "共有", "现有", "具有", "拥有", "共计", "合计", "总计", "共", "有", "计")
NOUN_TRAILS = ("共计", "合计", "达到", "共", "计", "达", "为", "是", "约", "有")
# The characters a figure is written in (12个, 二十余个, 3.5万), so that what follows is the
# noun it counts: 14个行政村 → 行政村.
FIGURE_CHARS = CN_NUMERAL_CHARS | frozenset(APPROX_MARKS) | frozenset(DOTS) | frozenset("个")

# --- shares ----------------------------------------------------------------------------------
SHARE_VERB = "占"  # 占总数的74%
SHARE_VERBS = ("相当于", "为", "是")  # 为…的 / 是…的 / 相当于…的
OF = "的"
# What a share's lead is stripped of around its base, in order (占总数的 → 总数).
LEAD_TRAILERS = load("share_lead_trailers")
KEPT_AT_START = ("的", "比例", "比重")  # stripped at the end of a lead only
RATIO_WORDS = ("比", "比例", "比重")  # a base of these alone names nothing
COUNT_SUFFIX = "数"  # 户数 → 户
# Qualifiers looked for anywhere in a share's lead (接近总量的40%), in this order, with the
# meaning lang.qualifiers gives them. A subset: shorter ones (上, 超, 逾) would be found inside
# other words of a lead.
SHARE_LEAD_QUALIFIERS = tuple((word, LEADING_QUALIFIERS[word]) for word in (
    "接近", "将近", "大约", "约", "超过", "高于", "不足", "不到", "低于"))
# 近 only at either end of a lead (近全乡的30%, 占全乡的近30%): inside it is 附近, 最近.
NEARLY = "近"
NEARLY_QUALIFIER = LEADING_QUALIFIERS[NEARLY]
# A noun and 中 opening a sentence names the whole of what follows (无职党员中,35岁以下的64名,
# 占22%): the topic a bare share is of.
TOPIC_MARK = "中"
TOPIC_LEADS = ("在", "上述", "这些", "这", "全部", "所有")  # 在这些党员中: of 党员
# Between the shares of a list stated together (分别占农户总数的100%、25.05%和83.54%).
LIST_JOINERS = ("和", "及", "与", "、")
# A rate named by its noun (参选率达90.5%, 入学率98%): of the part stated before it, "…的N",
# over the figure of N.
RATE_MARK = "率"
# After a share: 40%以上, 30%左右, 5%以下.
SHARE_TRAILING_QUALIFIERS = tuple((word, TRAILING_QUALIFIERS[word]) for word in ("以上", "左右", "以下"))

# --- what is no part of a total ----------------------------------------------------------------
# A figure right after a verb of change that compares (比上年增加5.6万个, 净增110.7万名) is a
# difference, no whole (现有基层组织436万个,比上年增加5.6万个。其中…: of 436万); one after
# 增至/降至 is a level, one after 增加 alone may be a count of what was added.
CHANGES = tuple(sorted(v for v in CHANGE_VERBS if not v.endswith("至")))
NET_CHANGES = ("净增", "净减")
CHANGE_TAIL = "了"  # 增加了5.6万个
COMPARING = tuple(sorted(COMPARISON))
# A year named before a figure (2013年为3606.8万名): a share's whole is of the same year.
YEAR_PATTERN = "(?:19|20)[0-9]{2}年"
# A per-unit amount (人均耕地1.3亩, 户均收入2万元, 每亩200元) is no part of a total and no whole.
PER_UNIT = ("人均", "户均", "亩均", "每亩", "每人", "每户", "平均", "年均")
# Categories nested in one another, never parts of one total: a disaster's 受灾 ⊇ 成灾 ⊇ 绝收.
NESTED_SCALES = (("受灾", "成灾", "绝收"),)
# Shares stated respectively (分别占总数的60%和53.8%): a list of them is of as many figures
# before it, in order; one share alone with 分别 does not say which figure it is of.
RESPECTIVELY = "分别"
