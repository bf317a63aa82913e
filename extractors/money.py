"""Amounts of money: in yuan (约80亿元人民币, 9100余万元, 四千多元, 人均300元), or in a
foreign currency's own unit (500万美元 → 5000000 USD, not converted)."""
from extractors.base import Extractor, KindTraits, Measure, UnitSpec
from extractors.registry import register
from schemas import FactKind

# Nouns that name an amount written without 元, in 万 or 亿 (投资500万, 收入达20万): reports
# drop 元 there; a bare small figure after them is no amount.
MONEY_NOUNS = ("投资", "资金", "收入", "税收", "产值", "经费", "补贴", "补助", "营业额", "销售额", "总额",
               "利润", "贷款", "存款", "奖补", "分红", "预算", "支出", "开支", "人民币")

# Foreign currencies as reports write them, by ISO 4217 code (GUIDELINE: value in that currency).
FOREIGN_CURRENCIES = {"美元": "USD", "欧元": "EUR", "日元": "JPY", "英镑": "GBP", "港元": "HKD", "港币": "HKD",
                      "澳元": "AUD", "加元": "CAD", "卢布": "RUB", "韩元": "KRW", "新台币": "TWD", "台币": "TWD"}

extractor = register(Extractor(
    name="money",
    kind=FactKind.MONEY,
    units=(
        UnitSpec("元人民币", "CNY"),
        # 二元结构, 一元化, 多元论 are not money.
        UnitSpec("元", "CNY", not_before="[化论结制素宵旦首月件帅老气]"),
        UnitSpec("块钱", "CNY"),
        *(UnitSpec(surface, code) for surface, code in FOREIGN_CURRENCIES.items()),
        UnitSpec("", "CNY", scanned=False),  # 投资500万: named by the noun, 元 left out
    ),
    priority=20,
    description="amount of money, normalised to yuan; a foreign currency in its own unit",
    traits=KindTraits(measures=Measure.AMOUNT, additive=True, named_by=MONEY_NOUNS, named_in_magnitude=True),
))
