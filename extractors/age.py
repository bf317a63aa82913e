"""Ages of people: 40岁以下, 45岁左右, 14—35周岁, 60周岁以上."""
from extractors.base import Candidate, Extractor, KindTraits, Measure, Segmenter, UnitSpec
from extractors.registry import register
from schemas import FactKind

# No one is older: 3640岁 is 36—40岁 with its dash lost (PDF text), not an age.
OLDEST = 130


class AgeExtractor(Extractor):
    def refine(self, text: str, candidate: Candidate, segment: Segmenter | None) -> Candidate | None:
        ages = [v for v in (candidate.value, candidate.value_max) if v is not None]
        return None if any(age > OLDEST for age in ages) else candidate


extractor = register(AgeExtractor(
    name="age",
    kind=FactKind.AGE,
    units=(UnitSpec("周岁", "year"), UnitSpec("岁", "year", not_before="[月末数]")),
    priority=10,
    description="a person's age in years",
    traits=KindTraits(measures=Measure.AGE),
))
