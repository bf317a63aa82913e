"""Counts of villages and other administrative units: 14个村, 224个村民小组, 17个乡镇."""
import re

from extractors.base import Candidate, Extractor, KindTraits, Measure, Segmenter, UnitSpec, ends_a_word
from extractors.lang.punctuation import CLAUSE_END, OPEN_BRACKETS
from extractors.registry import register
from schemas import FactKind

# 个村 is a village unless 村 starts another word (村级, 村干部, 村党支部 …).
_NOT_VILLAGE = "[级务规干委部民支党集两组内里容貌风情]"

_SURFACES = [
    ("个村(社区)", ""), ("个村（社区）", ""), ("个行政村", ""), ("个自然村", ""),
    ("个村民小组", ""), ("个村民组", ""), ("个村庄", ""), ("个村居", ""), ("个社区", "[居工党服]"),
    ("个居委会", ""), ("个居民委员会", ""), ("个社区居委会", ""), ("个社区居民委员会", ""), ("个村民委员会", ""),
    ("个居民小组", ""), ("个村委会", ""), ("个乡镇(街道)", ""), ("个乡镇（街道）", ""),
    ("个乡镇", "[府长]"), ("个乡(镇)", ""), ("个乡（镇）", ""), ("个街道", "[办]"),
    ("个镇", "[政区长域委党]"), ("个乡", "[政长村镇亲土贤]"), ("个村", _NOT_VILLAGE),
    ("个自然屯", ""), ("个自然庄", ""), ("个自然寨", ""), ("个嘎查村", ""), ("个嘎查", ""),  # regional names of villages
    ("个村落", ""),
    ("个屯", "[子田粮兵垦]"),
    ("行政村", ""), ("自然村", ""), ("村民小组", ""),
]

_MEASURE_ONLY = UnitSpec("个", "个")
# 村民小组8个, 行政村12个: the unit noun comes first and a bare 个 closes the clause.
# The count extractor owns 个 and hands such candidates over with this unit.
NOUN_FIRST_UNIT = UnitSpec("个", "unit", scanned=False)
# Kinds of village: 贫困村54个, 18个贫困村.
_VILLAGE_KINDS = "贫困|示范|重点|试点|中心|空壳|美丽|文明|样板|建制|省级|市级|县级"
_UNIT_NOUN_BEFORE = re.compile(
    r"(?:行政村|自然村|自然屯|自然庄|嘎查|村民小组|村民组|村[(（“\"]社区[)）”\"]|社区|乡镇|街道|居委会|村委会|"
    rf"(?:{_VILLAGE_KINDS}|的)村)"
    r"数?(?:共计|总计|共有|共|计|有|辖|达|为)?$"
)
# 18个贫困村, 7个极贫村, 10个深度贫困乡, 30个“十三五”建档立卡贫困村: a kind of village or
# township after 个, the unit noun ending the phrase.
_VILLAGE_KIND_AFTER = re.compile(
    rf"(?:{_VILLAGE_KINDS})村(?!{_NOT_VILLAGE})|"
    r"(?:[“\"][^”\"\n]{1,8}[”\"])?(?:(?![在于到入本我全各该从向对为是有了把被给和与及个])[\u4e00-\u9fff]){0,6}?"
    r"(?:村|乡镇|乡|镇|社区|屯|寨|嘎查)"
    rf"(?={CLAUSE_END}|[和与及之的])")
_CLAUSE_END = re.compile(CLAUSE_END)
# 全村辖5个组, 下辖12个组: 组 right after the count, the clause ending there.
_GOVERNED_GROUPS = re.compile(f"组(?={CLAUSE_END}|[0-9０-９])")
_GOVERNS = re.compile("辖(?:有|共)?$")


def counts_units_named_before(text: str, candidate: Candidate) -> bool:
    """True for 村民小组8个 / 行政村共12个: a bare 个 counting the unit noun written before it,
    for 18个贫困村: a 个 counting a kind of village named right after it, and for 全村辖5个组:
    the groups a village governs (辖) are its village groups."""
    if candidate.unit.surface != "个":
        return False
    if _VILLAGE_KIND_AFTER.match(text, candidate.end) or _GOVERNED_GROUPS.match(text, candidate.end) and \
            _GOVERNS.search(text, max(0, candidate.start - 3), candidate.start):
        return True
    # 贫困村89个(深度贫困村41个): a parenthesis after the count ends its phrase too
    if not _CLAUSE_END.match(text, candidate.end) and text[candidate.end:candidate.end + 1] not in OPEN_BRACKETS:
        return False
    return _UNIT_NOUN_BEFORE.search(text[max(0, candidate.start - 10):candidate.start]) is not None


class VillageCountExtractor(Extractor):
    def claim(self, text: str, candidate: Candidate) -> Candidate | None:
        # 村民小组8个, 18个贫困村: villages or village groups counted with a bare 个.
        return candidate.with_unit(NOUN_FIRST_UNIT) if counts_units_named_before(text, candidate) else None

    def refine(self, text: str, candidate: Candidate, segment: Segmenter | None) -> Candidate | None:
        # 1个镇坪模式… : 镇 starts a name here, so this counts things (个), not townships.
        surface = candidate.unit.surface
        if segment and surface.startswith("个") and surface[-1] in "村镇乡" and len(surface) == 2:
            if not ends_a_word(text, candidate.numeral_end, candidate.end, segment):
                return candidate.with_unit(_MEASURE_ONLY, end=candidate.end - 1)
        return candidate


extractor = register(VillageCountExtractor(
    name="village_count",
    kind=FactKind.VILLAGE_COUNT,
    units=(*(UnitSpec(s, "unit", not_before=nb) for s, nb in _SURFACES), NOUN_FIRST_UNIT),
    priority=10,
    description="number of villages, village groups, communities, townships",
    traits=KindTraits(measures=Measure.UNITS, additive=True),
    claims=("个",),
))
