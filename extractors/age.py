"""Ages of people: 40岁以下, 45岁左右, 14—35周岁, 60周岁以上."""
from extractors.base import Extractor, UnitSpec
from extractors.registry import register
from schemas import FactKind

extractor = register(Extractor(
    name="age",
    kind=FactKind.AGE,
    units=(UnitSpec("周岁", "year"), UnitSpec("岁", "year", not_before="[月末数]")),
    priority=10,
    description="a person's age in years",
))
