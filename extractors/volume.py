"""Volumes: 土石方1.6万方, 300m3蓄水池, 清运垃圾900立方米."""
from extractors.base import Candidate, Extractor, KindTraits, Measure, Segmenter, UnitSpec
from extractors.registry import register


class VolumeExtractor(Extractor):
    def refine(self, text: str, candidate: Candidate, segment: Segmenter | None) -> Candidate | None:
        # 三方协议, 十方: a bare 方 after a Chinese numeral counts parties or sides; cubic
        # metres are written in digits (1.6万方, 820方).
        if candidate.unit.surface == "方" and candidate.chinese:
            return None
        return candidate


extractor = register(VolumeExtractor(
    name="volume",
    kind="volume",
    units=(
        UnitSpec("立方米", "m3"),
        UnitSpec("立方", "m3", not_before="[体根]"),  # 立方体, 立方根
        UnitSpec("m3", "m3", not_before="[0-9a-zA-Z]"),
        UnitSpec("m³", "m3"),
        UnitSpec("方", "m3", not_before="[面式案向便法针圆形阵位志言协队舟块格米里]"),
    ),
    priority=20,
    description="a volume: earthwork, water tanks, waste (m3)",
    traits=KindTraits(measures=Measure.AMOUNT, additive=True),
))
