"""The words and tolerances the consistency checks read (pipelines/check.py): which words
make a total, a rest, a plan or a share, and how far a stated figure may be from the
computed one."""
from __future__ import annotations

import math

from schemas.models import Qualifier

SENTENCE_ENDS = frozenset("。!?;\n！？；")
CLAUSE_ENDS = SENTENCE_ENDS | frozenset(",:，：")
ITEM_ENDS = CLAUSE_ENDS | frozenset("、()（）")

EXACT_SLACK, ABOUT_SLACK, APPROXIMATE_INPUT_SLACK = 1.0, 2.0, 2.0  # percentage points
NEARLY_BELOW, NEARLY_ABOVE = 3.0, 1.0  # 接近40%: a bit under counts, hardly over
ABOUT_FACTOR = 0.1  # a sum term stated with 约 may be 10 % off either way
ITEM_REACH = 80  # how far an item may run without punctuation
PART_REACH = 400  # how far apart a whole, its parts and a share may stand (bounds the work on tables)

# Words with 中 that do not mean "among" (初中 in 27名村干部中初中文化…, 中学, 集中 …).
NOT_AMONG_BEFORE = frozenset("初中 高中 集中 其中 从中 正中 居中 途中 命中 考中 选中 看中 相中 适中 折中 暗中 "
                             "空中 心中 手中 期中 家中 眼中 脑中".split())
NOT_AMONG_AFTER = frozenset("中学 中心 中国 中央 中共 中层 中青 中年 中小 中等 中级 中华 中医 中药 中旬 中期 "
                            "中间 中秋 中午 中途 中标 中介 中型 中部 中专 中老".split())
REST_WORDS = ("其它", "其他", "其余", "剩余", "剩下")
PLACE_CHARS = frozenset("乡镇村市县区省")
PENDING_WORDS = ("正在", "尚未", "尚在", "尚有", "还有", "仍有", "剩余", "剩下", "未")
PLAN_WORDS = ("计划", "目标", "任务", "力争", "预计", "拟")
OVERLAP_WORDS = ("的", "联系", "参与", "参加", "从事", "兼", "包括", "同时", "既", "也", "又")
# Modifiers that split one head noun into disjoint classes (男党员 / 女党员).
COMPLEMENTARY = (frozenset({"男", "女"}), frozenset({"正式", "预备"}), frozenset({"城镇", "农村"}),
                 frozenset({"本地", "外地"}), frozenset({"户籍", "外来"}))
SHARE_VERBS = ("相当于", "为", "是")
LEAD_TRAILERS = ("的", "比例", "比重", "约为", "大约", "约", "为", "达到", "达", "接近", "将近", "近",
                 "超过", "不足", "不到", "低于", "高于", "到")
TOTAL_WORDS = ("总", "全部", "所有", "全体", "整个")
GENERIC_TOTAL_WORDS = ("总数", "总量", "总和", "总计", "合计", "总额", "人数", "数量")
ALL_WORDS = ("已全部", "全部", "全都", "均已", "都已", "均", "都", "悉数")
QUALIFIER_WORDS = ((("接近", "将近"), Qualifier.NEARLY), (("大约", "约"), Qualifier.ABOUT),
                   (("超过", "高于"), Qualifier.OVER), (("不足", "不到", "低于"), Qualifier.UNDER))
TRAILING_QUALIFIERS = (("以上", Qualifier.OVER), ("左右", Qualifier.ABOUT), ("以下", Qualifier.UNDER))
NUMERAL_CHARS = frozenset("个余多.十百千万零一二两三四五六七八九")
# (below, above) the stated share that still counts as consistent, in percentage points.
SHARE_TOLERANCE = {Qualifier.NEARLY: (NEARLY_BELOW, NEARLY_ABOVE), Qualifier.OVER: (EXACT_SLACK, math.inf),
                   Qualifier.ABOUT: (ABOUT_SLACK, ABOUT_SLACK), Qualifier.UNDER: (math.inf, EXACT_SLACK)}
NOT_TOTAL_AFTER = ("青", "产", "同", "建")  # 共青团, 共产党, 共同, 共建: no total


def strip_lead(words: str) -> str:
    """The base a share names: 总数 of 总数的, 全部行政村总人口 of 全部行政村总人口的."""
    words, changed = words.strip(), True
    while changed and words:
        changed = False
        for trailer in LEAD_TRAILERS:
            if words.endswith(trailer):
                words, changed = words[:-len(trailer)].rstrip(), True
            if words.startswith(trailer) and trailer not in ("的", "比例", "比重"):
                words, changed = words[len(trailer):].lstrip(), True
    return "" if words in ("比", "比例", "比重") else words


def base_head(base: str) -> str:
    """The noun a share's base names besides "total": 人口 of 全部行政村总人口, 户 of 总户数."""
    for generic in (*GENERIC_TOTAL_WORDS, *TOTAL_WORDS):
        base = base.replace(generic, "")
    scope = base_scope(base)
    return (base.replace(scope, "") if scope else base).strip("的").removesuffix("数")[-2:]


def base_scope(base: str) -> str:
    """The place a share's base is about: 全乡 of 占全乡的, '' when none."""
    return next((base[i:i + 2] for i in range(len(base) - 1)
                 if base[i] in "全本我该" and base[i + 1] in PLACE_CHARS), "")


def names_total(base: str) -> bool:
    return any(word in base for word in TOTAL_WORDS)


def share_consistent(stated: float, computed: float, qualifier: Qualifier, approximate: bool) -> bool:
    below, above = SHARE_TOLERANCE.get(qualifier, (EXACT_SLACK, EXACT_SLACK))
    slack = APPROXIMATE_INPUT_SLACK if approximate else 0.0
    return stated - below - slack - 1e-9 <= computed <= stated + above + slack + 1e-9


def bounds(value: float, qualifier: Qualifier) -> tuple[float, float]:
    """What a stated amount may really be: 60余 is 60..∞, 约100 is 90..110, 不足5 is 0..5."""
    if qualifier in (Qualifier.ABOUT, Qualifier.NEARLY):
        return value * (1 - ABOUT_FACTOR), value * (1 + ABOUT_FACTOR if qualifier == Qualifier.ABOUT else 1)
    low, high = (0.0 if qualifier == Qualifier.UNDER else value), value
    return low, math.inf if qualifier == Qualifier.OVER else high


def fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
