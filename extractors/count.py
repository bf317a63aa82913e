"""Counts of things, organisations, events and cases with a measure word: 企业2000余家, 39件."""
import re

from extractors.base import Candidate, Extractor, KindTraits, Measure, Segmenter, UnitSpec
from extractors.lang.numerals import ARABIC_DIGITS, PLAIN_CN_NUMERALS
from extractors.lang.punctuation import COMMAS, LIST_COMMA, char_class
from extractors.lang.wordlists import load_rows
from extractors.registry import register
from schemas import FactKind

# 五组水田, 在三组: a Chinese numeral with a bare 组 names a village group; groups counted
# are written in digits (标语4组) or follow a verb of counting or setting up (分为三组).
_COUNTS_GROUPS = re.compile("(?:分为|分成|编为|编成|共|计|有|设|设立|成立|组建|建立|组成)$")
# 19、20、21、22组: the last number of a list of labels (groups, teams, buildings), no count.
_LABELLED = frozenset({"组", "队", "栋", "幢"})
_LABEL_LIST = re.compile(f"[{ARABIC_DIGITS}{PLAIN_CN_NUMERALS}]+" + char_class(LIST_COMMA, COMMAS) + "$")


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
    # nominal measure words first, then the verbal ones (counts of events), as listed
    units=tuple(UnitSpec(word, word, not_before=not_before, verbal=verbal == "verbal")
                for word, _example, not_before, verbal in load_rows("measure_words")),
    priority=90,
    description="number of things, organisations, events or cases; unit is the measure word",
    traits=KindTraits(measures=Measure.THINGS, additive=True),
))
