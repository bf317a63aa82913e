"""Amounts of money in yuan: 约80亿元人民币, 9100余万元, 四千多元, 人均300元."""
from extractors.base import Extractor, UnitSpec
from extractors.registry import register
from schemas import FactKind

extractor = register(Extractor(
    name="money",
    kind=FactKind.MONEY,
    units=(
        UnitSpec("元人民币", "CNY"),
        # 二元结构, 一元化, 多元论 are not money.
        UnitSpec("元", "CNY", not_before="[化论结制素宵旦首月件帅老气]"),
        UnitSpec("块钱", "CNY"),
        UnitSpec("", "CNY", scanned=False),  # 投资500万: named by the noun, 元 left out
    ),
    priority=20,
    description="amount of money, normalised to yuan",
))
