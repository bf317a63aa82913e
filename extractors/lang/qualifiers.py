"""Qualifier words: what makes a figure a bound, an approximation or exact (GUIDELINE §3)."""
from __future__ import annotations

from schemas import Qualifier

LEADING_QUALIFIERS: dict[str, Qualifier] = {
    "大约": Qualifier.ABOUT, "约": Qualifier.ABOUT, "大概": Qualifier.ABOUT,
    "接近": Qualifier.NEARLY, "将近": Qualifier.NEARLY, "近": Qualifier.NEARLY,
    "超过": Qualifier.OVER, "超": Qualifier.OVER, "逾": Qualifier.OVER, "多达": Qualifier.OVER, "高达": Qualifier.EXACT,
    "不足": Qualifier.UNDER, "不到": Qualifier.UNDER, "未满": Qualifier.UNDER, "不满": Qualifier.UNDER,
    "少于": Qualifier.UNDER, "低于": Qualifier.UNDER, "不超过": Qualifier.UNDER,
    "高于": Qualifier.OVER, "多于": Qualifier.OVER,
    # negated bounds: 不少于4次 is at least 4
    "不少于": Qualifier.OVER, "不低于": Qualifier.OVER, "不多于": Qualifier.UNDER, "不高于": Qualifier.UNDER,
    "上": Qualifier.OVER,  # only before a bare magnitude: 上千, 上万, 上千万
}
TRAILING_QUALIFIERS: dict[str, Qualifier] = {
    "以上": Qualifier.OVER, "之上": Qualifier.OVER, "多": Qualifier.OVER, "余": Qualifier.OVER,
    "及以上": Qualifier.OVER,  # 60岁及以上: that age and over
    "以下": Qualifier.UNDER, "之下": Qualifier.UNDER, "以内": Qualifier.UNDER, "及以下": Qualifier.UNDER,
    "左右": Qualifier.ABOUT, "上下": Qualifier.ABOUT, "许": Qualifier.ABOUT,
}
# A qualifier character that ends a word with the character before it states no
# qualifier: 签约120户 (signed), 节约300万元 (saved), 附近200米 (nearby).
QUALIFIER_INSIDE_A_WORD = {"约": "签节预制合契违履特公条相邀简婚集缔践守爽", "近": "附最临靠邻亲就贴相远逼"}
# Qualifier words that stand apart from their number, before a 的-phrase: 接近总量的40%.
DETACHED_BEFORE_DE = ("接近", "将近", "超过", "不足", "不到", "大约")
# At least: 至少500万元 (over, the word outside the span).
AT_LEAST = {"至少": Qualifier.OVER, "最少": Qualifier.OVER, "起码": Qualifier.OVER}
