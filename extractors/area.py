"""Land and floor areas: 440.83亩, 128平方米, 18亿亩, 5公顷."""
from extractors.base import Extractor, KindTraits, Measure, UnitSpec
from extractors.registry import register
from schemas import FactKind

extractor = register(Extractor(
    name="area",
    kind=FactKind.AREA,
    units=(
        UnitSpec("平方公里", "km2"), UnitSpec("平方千米", "km2"), UnitSpec("km²", "km2"),
        UnitSpec("平方米", "m2"), UnitSpec("平米", "m2"), UnitSpec("㎡", "m2"), UnitSpec("m²", "m2"),
        UnitSpec("公顷", "ha"), UnitSpec("亩", "mu"),
    ),
    priority=10,
    description="land or floor area",
    traits=KindTraits(measures=Measure.AMOUNT, additive=True),
))
