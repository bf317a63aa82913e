"""The guideline's "not a fact" lexicons (GUIDELINE §3 Not facts; extractors/rules.py)."""
from __future__ import annotations

from extractors.lang.wordlists import load

# Measure words a report counts its own points with, and the abstract nouns they count.
ITEM_MEASURES = frozenset({"项", "个", "条", "类", "种", "大", "方面"})
RHETORICAL_ITEMS = load("rhetorical_items")
# …but not when the noun is an adjective of real things: 重点村, 重点项目, 重点企业, 文明村.
REAL_THING_AFTER_ITEM = "组队站室点区员场中村乡镇项企户"
# Words that point at the report's own list: 以下三点, 上述两项.
REFERENCE_WORDS = ("以下", "如下", "下列", "上述", "这", "那", "以上")
# Indicators written as Latin acronyms right before their figure: GDP19.92亿元, CPI上涨2.1%.
INDICATOR_ACRONYMS = ("GDP", "GNP", "CPI", "PPI")
# Characters of a list's joints, and after which the next noun is no list's last item.
COORDINATORS = frozenset("和与及同、")
NOT_LIST_END = frozenset("和与及同、了有为是到共计等在对把给向从将让使被")
# Longest a short quoted term or slogan runs (“三个代表”, 《两免一补》).
QUOTED_TERM_MAX = 12
