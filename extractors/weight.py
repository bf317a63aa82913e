"""Masses and tonnages: 粮食总产4.2万吨, 520公斤/亩, 80万斤, 清运垃圾30吨."""
from extractors.base import Extractor, KindTraits, Measure, UnitSpec
from extractors.registry import register

extractor = register(Extractor(
    name="weight",
    kind="weight",
    units=(
        UnitSpec("吨", "t", not_before="[位级]"),  # 吨位, 吨级: a ship's size, not a mass
        UnitSpec("公斤", "kg"),
        UnitSpec("千克", "kg"),
        UnitSpec("斤", "jin", not_before="斤"),  # 斤斤计较
    ),
    priority=20,
    description="a mass or tonnage: harvests, materials, waste (t, kg, jin)",
    traits=KindTraits(measures=Measure.AMOUNT, additive=True),
))
