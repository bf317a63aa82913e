"""Frames that make a bare figure a share in percent, as when a web copy lost its %
(GUIDELINE "Text as it arrives": 完成年度目标的63.5, 同比增长12.4, 占总户数的27, 贫困发生率2.3).

Each frame is a regex source that ends right before the figure; `FRAME_ENDS` holds every
character a frame may end with (the scan looks for a bare figure only after those).
"""
from __future__ import annotations

from extractors.lang.punctuation import COLONS, COMMAS, char_class
from extractors.lang.subjects import CHANGE_VERBS
from extractors.lang.wordlists import load

SHARE_NOUNS = load("share_nouns")
# Words linking a rate to its figure (贫困发生率为2.3, 完成率达98).
SHARE_LINKS = ("为", "是", "达到", "达", "约", "仅")
# Compared with an earlier period: 同比增长12.4, 比上年下降3.2, 较去年提高5.
COMPARED_WITH = ("同比", "环比", "比上年", "较上年", "比去年", "较去年", "比上年同期", "较上年同期")
# 占 of a share, not of land or use (占地30亩, 占用耕地).
SHARE_OF = "占(?![地用据有])"
# The whole a share names without 的: 占全村总人口91, 占总户数27.
WHOLE_NOUNS = ("总数", "总量", "总人口", "人口", "户数", "总户数", "人数", "总人数", "总额", "总面积", "面积", "总收入")
_INSIDE = char_class(COMMAS, "。;；.\n", COLONS, "%％", ranges="0-9０-９", negate=True)  # within a clause
FRAMES = (
    f"(?:{'|'.join(SHARE_NOUNS)})(?:{'|'.join(SHARE_LINKS)})?",
    f"(?:{'|'.join(sorted(COMPARED_WITH, key=len, reverse=True))})(?:{'|'.join(sorted(CHANGE_VERBS))})了?",
    f"{SHARE_OF}{_INSIDE}{{0,14}}?(?:的|{'|'.join(WHOLE_NOUNS)})",
    f"完成{_INSIDE}{{1,14}}?的",  # 完成年度目标的63.5
)
FRAME_ENDS = "".join(sorted({word[-1] for word in (*SHARE_NOUNS, *SHARE_LINKS, *CHANGE_VERBS, *WHOLE_NOUNS)}
                            | {"了", "的"}))
