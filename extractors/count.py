"""Counts of things, organisations, events and cases with a measure word: 企业2000余家, 39件."""
from extractors.base import Extractor, UnitSpec
from extractors.registry import register
from schemas import FactKind

# measure word → what may not follow it (where it would start another word).
_NOMINAL = {
    "个": "月|小时|星期|季度|年|工作日|钟头|半月|人|体|性|别|案",
    "家": "[庭长属人乡园族里门境]", "件": "", "台": "[账阶湾上风]", "头": "[脑等]",
    "只": "[是有要能不]", "块": "[钱]", "份": "[额子]", "处": "[理于置罚长室分]",
    "条": "[件例款]", "面": "[积貌对上前子临向的]", "组": "[织成建合长员]",
    "对": "[于象接外待口照应话比策]", "类": "[型别似]", "项": "", "门": "[口前类户槛诊]",
    "套": "[餐路]", "期": "[工项间末货限望待]", "座": "[谈位右次]", "所": "[有以属辖在谓得]",
    "辆": "", "批": "[准示评复]", "篇": "", "本": "[地村镇乡次人身科领着]", "张": "",
    "棵": "", "株": "", "间": "[隔断接]", "栋": "", "幢": "", "盏": "", "架": "", "艘": "",
    "册": "", "部": "[门分署长委队]", "车次": "", "场": "[所地景面合部长镇]",
}
_VERBAL = {"次": "[创元会序方要数日]", "场次": "", "遍": "", "趟": ""}

extractor = register(Extractor(
    name="count",
    kind=FactKind.COUNT,
    units=tuple(
        [UnitSpec(s, s, not_before=nb) for s, nb in _NOMINAL.items()]
        + [UnitSpec(s, s, not_before=nb, verbal=True) for s, nb in _VERBAL.items()]
    ),
    priority=90,
    description="number of things, organisations, events or cases; unit is the measure word",
))
