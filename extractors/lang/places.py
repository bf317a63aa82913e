"""Place names: the suffixes that end them, the level each suffix names, self-reference.

A report names places by suffix (五沙村, 八里台镇, 青浦区, 兴旺社区, 巴彦苏木). Levels run
from the province down to the village; `RANK` orders the suffixes place attribution knows
(higher is more specific).
"""
from __future__ import annotations

# suffix → level (the levels of the official division list, village below township).
LEVELS = {
    "省": "province",
    "市": "prefecture",
    "县": "county", "区": "county",
    "镇": "township", "乡": "township", "街道": "township", "苏木": "township",
    "村": "village", "社区": "village", "嘎查": "village",
}
# The suffixes place attribution names places by, most specific highest (a province is
# never a fact's place in these reports: 省 is no suffix there).
RANK = {"村": 4, "社区": 4, "嘎查": 4, "镇": 3, "乡": 3, "街道": 3, "苏木": 3, "县": 2, "区": 2, "市": 1}
# Suffixes of two characters (苏木 and 嘎查: Inner Mongolia's townships and villages).
LONG_SUFFIXES = ("街道", "社区", "苏木", "嘎查")
# The one-character suffixes of RANK, and with 省 every one-character level.
_ONE_CHARACTER = "".join(s for s in RANK if len(s) == 1)
SUFFIX_CHARS = frozenset(_ONE_CHARACTER)
LEVEL_CHARS = frozenset(s for s in LEVELS if len(s) == 1)
SUFFIX_SOURCE = f"(?:{'|'.join(LONG_SUFFIXES)}|[{_ONE_CHARACTER}])"
# Words a report speaks of its own place with: 全村, 我镇, 本乡, 该县.
SELF_REFERENCE_HEADS = "全我本该"
