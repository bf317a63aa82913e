"""Numbers of households: 516户, 拆迁119户, 10万户农户 (走访300户次 counts visits: a count)."""
import re

from extractors.base import Candidate, Extractor, KindTraits, Measure, UnitSpec
from extractors.lang.punctuation import CLAUSE_END
from extractors.registry import register
from schemas import FactKind

# 3个贫困户, 5个示范户: households counted with 个 (the count extractor hands them over).
COUNTED_WITH_GE = UnitSpec("个", "household", scanned=False)
_HOUSEHOLDS_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?<![账用门窗客])户" + f"(?={CLAUSE_END}|[和与及的])")


def counts_households_after(text: str, candidate: Candidate) -> bool:
    """True for 3个贫困户: a 个 counting households named right after it."""
    return candidate.unit.surface == "个" and _HOUSEHOLDS_AFTER.match(text, candidate.end) is not None


class HouseholdCountExtractor(Extractor):
    def claim(self, text: str, candidate: Candidate) -> Candidate | None:
        return candidate.with_unit(COUNTED_WITH_GE) if counts_households_after(text, candidate) else None


extractor = register(HouseholdCountExtractor(
    name="household_count",
    kind=FactKind.HOUSEHOLD_COUNT,
    units=(UnitSpec("户", "household", not_before="[籍口主型内均数头次]|外(?!出)"),
           UnitSpec("", "household", scanned=False),  # 户数326: named by the noun, no unit
           COUNTED_WITH_GE),
    # After population: 5个农民户 counts people (the claims are asked in priority order).
    priority=31,
    description="number of households",
    traits=KindTraits(measures=Measure.HOUSEHOLDS, additive=True, named_by=("户数",)),
    claims=("个",),
))
