"""Distances and lengths: 12.6公里, 长12米, 5千米."""
from extractors.base import Extractor, KindTraits, Measure, UnitSpec
from extractors.registry import register
from schemas import FactKind

extractor = register(Extractor(
    name="length",
    kind=FactKind.LENGTH,
    units=(
        UnitSpec("公里", "km"), UnitSpec("千米", "km"), UnitSpec("km", "km", not_before="[a-zA-Z²]"),
        UnitSpec("延米", "m"),  # running metres: 修建水渠3000延米
        UnitSpec("米", "m", not_before="[饭粮面线]"),
    ),
    priority=20,
    description="distance or length",
    traits=KindTraits(measures=Measure.AMOUNT, additive=True),
))
