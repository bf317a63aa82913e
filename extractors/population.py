"""Numbers of people: 32426人, 27名村支部书记, 65人次, 近20人."""
import re

from extractors.base import Candidate, Extractor, KindTraits, Measure, Segmenter, UnitSpec
from extractors.lang.people import PEOPLE_NOUNS, POSTS_COUNTED

from extractors.lang.punctuation import COLONS, COMMAS, LIST_COMMA, SENTENCE_FINAL, char_class
from extractors.numbers import NUMERAL_START_CLASS
from extractors.registry import register
from schemas import FactKind


_PERSON_TIME = UnitSpec("人次", "person_time")
# 人次 as the noun of the clause (参加人次450人), not the unit of an earlier figure (320人次，…).
_PERSON_TIME_NAMED = re.compile(f"(?<![{NUMERAL_START_CLASS}余多])人次"
                                + char_class(COMMAS, SENTENCE_FINAL, LIST_COMMA, COLONS, negate=True) + "*$")


# 24个村党支部书记, 3个贫困学生: people counted with 个 (the count extractor hands them over).
COUNTED_WITH_GE = UnitSpec("个", "person", scanned=False)
# A post or a noun of people (代表 not of 代表处, 代表团, 代表大会), or 人 ending a word.
_PERSON_AFTER_GE = "|".join([*POSTS_COUNTED, *(w + "(?![处团大])" if w == "代表" else w for w in PEOPLE_NOUNS),
                             "人(?![民才口工员均次数格性体事力生])"])
_PEOPLE_AFTER = re.compile(
    r"(?:[村镇乡](?:党支部|党总支|支部|委会|两委)|[\u4e00-\u9fff]{0,2}?)"
    f"(?:{_PERSON_AFTER_GE})"
    r"(?!专业|合作|委员会|委会|小组|协会|组织|企业|公司|联合)")  # 16个农民专业合作社: an organisation


def counts_people_after(text: str, candidate: Candidate) -> bool:
    """True for 24个村党支部书记: a 个 counting people named right after it."""
    return candidate.unit.surface == "个" and _PEOPLE_AFTER.match(text, candidate.end) is not None


class PopulationExtractor(Extractor):
    def claim(self, text: str, candidate: Candidate) -> Candidate | None:
        return candidate.with_unit(COUNTED_WITH_GE) if counts_people_after(text, candidate) else None

    def refine(self, text: str, candidate: Candidate, segment: Segmenter | None) -> Candidate | None:
        before = text[max(0, candidate.start - 8):candidate.start]
        # Ranks: 排名前五名, 前3名, 后两位 are positions, not head counts.
        if candidate.unit.surface in ("名", "位") and before[-1:] in ("前", "后"):
            return None
        if candidate.unit.surface in PEOPLE_NOUNS and candidate.chinese:
            return None
        # 参加人次450人: the figure counts person-times although the measure word is 人.
        if candidate.unit.surface == "人" and _PERSON_TIME_NAMED.search(before):
            return candidate.with_unit(_PERSON_TIME)
        return candidate


extractor = register(PopulationExtractor(
    name="population",
    kind=FactKind.POPULATION,
    units=(
        UnitSpec("人次", "person_time"),
        UnitSpec("口人", "person"),
        UnitSpec("人口", "person", not_before="[粮袋罩]"),  # 全村1360人口, 10万人口
        UnitSpec("人", "person", not_before="[民均才们类工造为体格性]|小组"),  # 五人小组: a team's name
        UnitSpec("名", "person", not_before="[单称额义誉列牌片校师言字次气利声]|优(?!秀)"),
        UnitSpec("位", "person", not_before="[于置列次数居]"),
        *(UnitSpec(noun, "person") for noun in PEOPLE_NOUNS),
        UnitSpec("", "person", scanned=False),  # 总人口3.2万: named by the noun, no unit
        COUNTED_WITH_GE,
    ),
    priority=30,
    description="number of people of any group; person_time for 人次",
    traits=KindTraits(measures=Measure.PEOPLE, additive=True, named_by=("人口", "人数")),
    claims=("个",),
))
