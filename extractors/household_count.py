"""Numbers of households: 516户, 拆迁119户, 10万户农户 (走访300户次 counts visits: a count)."""
from extractors.base import Extractor, UnitSpec
from extractors.registry import register
from schemas import FactKind

extractor = register(Extractor(
    name="household_count",
    kind=FactKind.HOUSEHOLD_COUNT,
    units=(UnitSpec("户", "household", not_before="[籍口主型外内均数头次]"),
           UnitSpec("", "household", scanned=False)),  # 户数326: named by the noun, no unit
    priority=30,
    description="number of households",
))
