"""Percentages, shares and multiples: 74%, 6‰, 百分之八十, 七成, 3个百分点, 2倍."""
from extractors.base import Candidate, Extractor, KindTraits, Measure, Segmenter, UnitSpec, ends_a_word
from extractors.lang.shares import FRAME_ENDS, FRAMES
from extractors.registry import register
from schemas import FactKind


class RatioExtractor(Extractor):
    def refine(self, text: str, candidate: Candidate, segment: Segmenter | None) -> Candidate | None:
        if candidate.unit.surface == "成":
            # 七成 = 70%: only a whole number of tenths, and not where 成 starts a word (成为).
            tenths = None if candidate.value is None else candidate.value / 10
            if tenths is None or tenths != int(tenths) or not 1 <= tenths <= 10:
                return None
            if segment and not ends_a_word(text, candidate.numeral_start, candidate.end, segment):
                return None
        return candidate


extractor = register(RatioExtractor(
    name="ratio",
    kind=FactKind.RATIO,
    units=(
        UnitSpec("%", "percent"),
        UnitSpec("％", "percent"),
        UnitSpec("‰", "percent", scale=0.1),  # 人口自然增长率6‰ = 0.6%
        UnitSpec("个百分点", "percentage_point"),
        UnitSpec("百分点", "percentage_point"),
        UnitSpec("倍", "times"),
        UnitSpec("成", "percent", scale=10.0,
                 not_before="[为功员立果绩效本长熟品年人交就型绩了的立都不]"),
        UnitSpec("", "percent", scanned=False),  # 同比增长12.4: a share whose % the copy lost
    ),
    priority=10,
    description="percentage, share or multiple (percent 0–100+, percentage_point, times)",
    traits=KindTraits(measures=Measure.SHARE, framed_by=FRAMES, frame_ends=FRAME_ENDS),
))
