"""Counts of things, organisations, events and cases with a measure word: 企业2000余家, 39件."""
import re

from extractors.base import Candidate, Extractor, KindTraits, Measure, Segmenter, UnitSpec
from extractors.registry import register
from schemas import FactKind

# measure word → what may not follow it (where it would start another word).
_NOMINAL = {
    "个": "月|小时|星期|季度|年|工作日|钟头|半月|人|体|性|别|案|亿|万",
    "家": "[庭长属人乡园族里门境]", "件": "", "台": "[账阶湾上风]", "头": "[脑等]",
    "只": "[是有要能不]", "块": "[钱]", "份": "[额子]", "处": "[理于置罚长室分]",
    "条": "[件例款]", "面": "[积貌对上前子临向的环靠围]", "组": "[织成建合长员]",
    "对": "[于象接外待口照应话比策]", "类": "[型别似]", "项": "", "门": "[口前类户槛诊]",
    "套": "[餐路]", "期": "[工项间末货限望待]", "座": "[谈位右次]", "所": "[有以属辖在谓得]",
    "辆": "", "批": "[准示评复]", "篇": "", "本": "[地村镇乡次人身科领着]", "张": "",
    "棵": "", "株": "", "间": "[隔断接]",
    # 5栋3单元201室 is an address
    "栋": "[0-9０-９]+(?:单元|号|室)", "幢": "[0-9０-９]+(?:单元|号|室)", "盏": "", "架": "", "艘": "",
    "册": "", "部": "[门分署长委队]", "车次": "", "户次": "", "场": "[所地景面合部长镇]",
    "眼": "[光睛前下里界中神色看见]", "口": "[人岸号径味感头袋罩腔子碑粮语令才音红水吻气诀角之]",
    "例": "[如外子句会行]", "羽": "[毛绒球]", "尾": "[巴部声款数]", "孔": "[子雀明道]", "匹": "[配敌]",
    "箱": "[子包体]", "根": "[据本源深基治除子]", "杆": "[菌秤子]", "袋": "[鼠装子]", "桶": "[装子]",
    "把": "[握关手守持]", "顶": "[层端尖部级住替]", "扇": "[区面形贝]", "封": "[闭锁面建存顶口]",
    "支": "[部持付出援撑柱教农书委队村]", "起": "[来步草点始到码身床飞诉色跑见]", "宗": "[旨教族亲]",
}
_VERBAL = {"次": "[创元序方要数日]", "场次": "", "遍": "", "趟": ""}
# 五组水田, 在三组: a Chinese numeral with a bare 组 names a village group; groups counted
# are written in digits (标语4组) or follow a verb of counting or setting up (分为三组).
_COUNTS_GROUPS = re.compile("(?:分为|分成|编为|编成|共|计|有|设|设立|成立|组建|建立|组成)$")
# 19、20、21、22组: the last number of a list of labels (groups, teams, buildings), no count.
_LABELLED = frozenset({"组", "队", "栋", "幢"})
_LABEL_LIST = re.compile(r"[0-9０-９一二三四五六七八九十]+[、,，]$")


class CountExtractor(Extractor):
    def refine(self, text: str, candidate: Candidate, segment: Segmenter | None) -> Candidate | None:
        if candidate.unit.surface in _LABELLED and _LABEL_LIST.search(text, max(0, candidate.start - 4),
                                                                        candidate.start):
            return None
        if candidate.unit.surface == "组" and candidate.chinese and \
                not _COUNTS_GROUPS.search(text, max(0, candidate.start - 2), candidate.start):
            return None
        return candidate


extractor = register(CountExtractor(
    name="count",
    kind=FactKind.COUNT,
    units=tuple(
        [UnitSpec(s, s, not_before=nb) for s, nb in _NOMINAL.items()]
        + [UnitSpec(s, s, not_before=nb, verbal=True) for s, nb in _VERBAL.items()]
    ),
    priority=90,
    description="number of things, organisations, events or cases; unit is the measure word",
    traits=KindTraits(measures=Measure.THINGS, additive=True),
))
