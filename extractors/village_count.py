"""Counts of villages and other administrative units: 14个村, 224个村民小组, 17个乡镇."""
from extractors.base import Candidate, Extractor, Segmenter, UnitSpec, ends_a_word
from extractors.registry import register
from schemas import FactKind

# 个村 is a village unless 村 starts another word (村级, 村干部, 村党支部 …).
_NOT_VILLAGE = "[级务规干委部民支党集两组内里容貌风情]"

_SURFACES = [
    ("个村(社区)", ""), ("个村（社区）", ""), ("个行政村", ""), ("个自然村", ""),
    ("个村民小组", ""), ("个村民组", ""), ("个村庄", ""), ("个村居", ""), ("个社区", "[居工党服]"),
    ("个居委会", ""), ("个村委会", ""), ("个乡镇(街道)", ""), ("个乡镇（街道）", ""),
    ("个乡镇", "[府长]"), ("个乡(镇)", ""), ("个乡（镇）", ""), ("个街道", "[办]"),
    ("个镇", "[政区长域委党]"), ("个乡", "[政长村镇亲土贤]"), ("个村", _NOT_VILLAGE),
    ("行政村", ""), ("自然村", ""), ("村民小组", ""),
]

_MEASURE_ONLY = UnitSpec("个", "个")


class VillageCountExtractor(Extractor):
    def refine(self, text: str, candidate: Candidate, segment: Segmenter | None) -> Candidate | None:
        # 1个镇坪模式… : 镇 starts a name here, so this counts things (个), not townships.
        surface = candidate.unit.surface
        if segment and surface.startswith("个") and surface[-1] in "村镇乡" and len(surface) == 2:
            if not ends_a_word(text, candidate.numeral_end, candidate.end, segment):
                return candidate.with_unit(_MEASURE_ONLY, end=candidate.end - 1)
        return candidate


extractor = register(VillageCountExtractor(
    name="village_count",
    kind=FactKind.VILLAGE_COUNT,
    units=tuple(UnitSpec(s, "unit", not_before=nb) for s, nb in _SURFACES),
    priority=10,
    description="number of villages, village groups, communities, townships",
))
