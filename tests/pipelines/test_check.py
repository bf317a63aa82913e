"""Consistency checks between the figures of one document (pipelines/check.py)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gold_facts import load_gold_sample
from pipelines.check import check_document
from schemas.models import Check, Document, Fact

# Where the hand-made document starts in its (imaginary) source: offsets must be mapped.
OFFSET = 100

# (surface, kind, value, unit, qualifier); value_max is set for ranges only.
Mark = tuple[str, str, float | None, str, str]


def make_document(text: str, marks: list[Mark]) -> tuple[Document, list[Fact]]:
    """A document at OFFSET in its source and its facts, found in order in the text."""
    document = Document(doc_id="d1", source_path="hand.txt", ordinal=0, title="t", text=text,
                        char_start=OFFSET, char_end=OFFSET + len(text))
    facts, cursor = [], 0
    for number, (surface, kind, value, unit, qualifier) in enumerate(marks):
        at = text.index(surface, cursor)
        cursor = at + len(surface)
        facts.append(Fact(
            fact_id=f"f{number}", doc_id="d1", source_path="hand.txt", kind=kind, value=value,
            value_max=value + 1 if qualifier == "range" else None, unit=unit, qualifier=qualifier,
            text=surface, char_start=OFFSET + at, char_end=OFFSET + cursor, sentence=text,
            extractor="hand"))
    return document, facts


def P(surface: str, value: float, qualifier: str = "exact", unit: str = "person") -> Mark:
    return (surface, "population", value, unit, qualifier)


def H(surface: str, value: float, qualifier: str = "exact") -> Mark:
    return (surface, "household_count", value, "household", qualifier)


def R(surface: str, value: float, qualifier: str = "exact") -> Mark:
    return (surface, "ratio", value, "percent", qualifier)


def V(surface: str, value: float) -> Mark:
    return (surface, "village_count", value, "unit", "exact")


def A(surface: str, value: float) -> Mark:
    return (surface, "area", value, "mu", "exact")


def C(surface: str, value: float, unit: str) -> Mark:
    return (surface, "count", value, unit, "exact")


def M(surface: str, value: float, qualifier: str = "exact") -> Mark:
    return (surface, "money", value, "CNY", qualifier)


def AGE(surface: str, low: float) -> Mark:
    return (surface, "age", low, "year", "range")


# (id, text, marks, expected [(kind, stated, computed)])
CASES = [
    ("share-of-breakdown", "全村共有党员45名,其中女党员12名,占26.7%。",
     [P("45名", 45), P("12名", 12), R("26.7%", 26.7)], [("ratio_ok", 26.7, 26.7)]),
    ("share-of-households", "贫困户120户,其中已脱贫98户,占81.7%。",
     [H("120户", 120), H("98户", 98), R("81.7%", 81.7)], [("ratio_ok", 81.7, 81.7)]),
    ("share-of-named-total", "全村共有党员45名,其中女党员12名,占全村党员总数的27%。",
     [P("45名", 45), P("12名", 12), R("27%", 27)], [("ratio_ok", 27, 26.7)]),
    ("share-wrong", "全乡14个村,27名村干部中初中文化共20名,占总数64%。",
     [V("14个村", 14), P("27名", 27), P("20名", 20), R("64%", 64)], [("ratio_mismatch", 64, 74.1)]),
    ("share-series-same-whole",
     "27名村干部中初中文化共20名,占总数74%,致富能手只有8人,占总数的29%,任期二届的10人,占总数27%。",
     [P("27名", 27), P("20名", 20), R("74%", 74), P("8人", 8), R("29%", 29), P("10人", 10), R("27%", 27)],
     [("ratio_ok", 74, 74.1), ("ratio_ok", 29, 29.6), ("ratio_mismatch", 27, 37.0)]),
    ("share-about-ok", "全村共有农户300户,其中养殖户100户,占比约35%。",
     [H("300户", 300), H("100户", 100), R("35%", 35)], [("ratio_ok", 35, 33.3)]),
    ("share-about-trailing-ok", "全镇共有党员200名,其中女党员52名,占总数的25%左右。",
     [P("200名", 200), P("52名", 52), R("25%左右", 25, "about")], [("ratio_ok", 25, 26.0)]),
    ("share-about-wrong", "全村共有农户300户,其中养殖户100户,占比约40%。",
     [H("300户", 300), H("100户", 100), R("40%", 40)], [("ratio_mismatch", 40, 33.3)]),
    ("share-nearly-ok", "在这224个村民小组中,人均耕地少于0.2亩的共有87个村民小组,接近总量的40%。",
     [V("224个村民小组", 224), ("少于0.2亩", "area", 0.2, "mu", "under"), V("87个村民小组", 87),
      R("40%", 40, "nearly")], [("ratio_ok", 40, 38.8)]),
    ("share-nearly-too-far", "在这224个村民小组中,共有87个村民小组,接近总量的45%。",
     [V("224个村民小组", 224), V("87个村民小组", 87), R("45%", 45, "nearly")], [("ratio_mismatch", 45, 38.8)]),
    ("share-over-ok", "全村共有农户300户,其中参保户250户,占80%以上。",
     [H("300户", 300), H("250户", 250), R("80%以上", 80, "over")], [("ratio_ok", 80, 83.3)]),
    ("share-over-wrong", "全村共有农户300户,其中参保户250户,占90%以上。",
     [H("300户", 300), H("250户", 250), R("90%以上", 90, "over")], [("ratio_mismatch", 90, 83.3)]),
    ("share-under-wrong", "全村共有农户300户,其中低保户100户,占比不足30%。",
     [H("300户", 300), H("100户", 100), R("不足30%", 30, "under")], [("ratio_mismatch", 30, 33.3)]),
    ("share-of-parallel-categories",
     "户籍常住人口32426人,来沪常住人口148323人,来沪常住人口占全部总人口的82%。",
     [P("32426人", 32426), P("148323人", 148323), R("82%", 82)], [("ratio_ok", 82, 82.1)]),
    ("share-total-stated-apart", "村集体收入80万元,其中经营性收入60万元,为总收入的75%。",
     [M("80万元", 800000), M("60万元", 600000), R("75%", 75)], [("ratio_ok", 75, 75.0)]),
    ("share-compared-amount", "村党支部书记年薪10万元,村主任年薪7万元,为村党支部书记的70%。",
     [M("10万元", 100000), M("7万元", 70000), R("70%", 70)], [("ratio_ok", 70, 70.0)]),
    ("all-of-them", "全市316个村全部建立了村规民约,达到100%。",
     [V("316个村", 316), R("100%", 100)], [("ratio_ok", 100, 100.0)]),
    ("breakdown-ok", "全乡药材面积达到6621亩。其中魔芋1580亩,玄参3600亩。",
     [A("6621亩", 6621), A("1580亩", 1580), A("3600亩", 3600)], [("sum_ok", 6621, 5180)]),
    ("breakdown-exceeds", "全乡耕地面积5000亩,其中水田3000亩,旱地2500亩。",
     [A("5000亩", 5000), A("3000亩", 3000), A("2500亩", 2500)], [("sum_mismatch", 5000, 5500)]),
    ("breakdown-single-part", "全乡建药材示范点9个,其中100亩以上玄参示范点5个;",
     [C("9个", 9, "个"), ("100亩以上", "area", 100, "mu", "over"), C("5个", 5, "个")], [("sum_ok", 9, 5)]),
    ("breakdown-approximate", "共有1600多人参加了测评,其中:基层单位负责人60余名,机关干部100余名。",
     [P("1600多人", 1600, "over"), P("60余名", 60, "over"), P("100余名", 100, "over")], [("sum_ok", 1600, 160)]),
    ("selection-with-rest", "六个行政村中的两个村进展迅速,但其它四个村效果不明显。",
     [V("六个行政村", 6), V("两个村", 2), V("四个村", 4)], [("sum_ok", 6, 6)]),
    ("selection-rest-wrong", "六个行政村中的两个村进展迅速,但其余五个村效果不明显。",
     [V("六个行政村", 6), V("两个村", 2), V("五个村", 5)], [("sum_mismatch", 6, 7)]),
    ("selection-part", "目前全镇19个行政村中有18个村都有妇女在村委会中担任职务。",
     [V("19个行政村", 19), V("18个村", 18)], [("sum_ok", 19, 18)]),
    ("status-ok", "全镇共收集的39件民生问题,已解决34件,有5件正在解决过程中。",
     [C("39件", 39, "件"), C("34件", 34, "件"), C("5件", 5, "件")], [("sum_ok", 39, 39)]),
    ("status-exceeds", "共收集问题39件,已解决34件,有8件正在解决。",
     [C("39件", 39, "件"), C("34件", 34, "件"), C("8件", 8, "件")], [("sum_mismatch", 39, 42)]),
    ("parenthesis", "廉政文化墙3面(村文化室1面、乡中学门外1面)。",
     [C("3面", 3, "面"), C("1面", 1, "面"), C("1面", 1, "面")], [("sum_ok", 3, 2)]),
    ("cohort-nested", "全村14—35周岁青年共有632人,14-28岁青年421人,14-28岁团员数141人。",
     [AGE("14—35周岁", 14), P("632人", 632), AGE("14-28岁", 14), P("421人", 421), AGE("14-28岁", 14),
      P("141人", 141)], [("sum_ok", 632, 421)]),
    ("breakdown-complementary-exceeds", "全镇共有党员500名,其中男党员400名,女党员120名。",
     [P("500名", 500), P("400名", 400), P("120名", 120)], [("sum_mismatch", 500, 520)]),
    ("share-of-a-named-part", "全乡共有人口5000人,其中劳动力3000人,外出务工2500人,占劳动力的83%。",
     [P("5000人", 5000), P("3000人", 3000), P("2500人", 2500), R("83%", 83)], [("ratio_ok", 83, 83.3)]),
    ("selection-additional-is-no-rest", "六个行政村中的两个村进展迅速,另有三个村正在推进。",
     [V("六个行政村", 6), V("两个村", 2), V("三个村", 3)], [("sum_ok", 6, 2)]),
    # Negative cases: nothing can be proven.
    ("cross-cutting-categories", "全镇共有党员500名,其中女党员120名,少数民族党员400名。",
     [P("500名", 500), P("120名", 120), P("400名", 400)], []),
    ("plan-may-be-exceeded", "全年计划修路20公里,已完成15公里,正在施工8公里。",
     [("20公里", "length", 20, "km", "exact"), ("15公里", "length", 15, "km", "exact"),
      ("8公里", "length", 8, "km", "exact")], []),
    ("share-of-another-scope", "全村耕地面积3000亩,其中水田2000亩,占全乡的15%。",
     [A("3000亩", 3000), A("2000亩", 2000), R("15%", 15)], [("sum_ok", 3000, 2000)]),
    ("subject-is-not-the-part", "全村党员45名,女党员12名,党员人数占全村人口的5%。",
     [P("45名", 45), P("12名", 12), R("5%", 5)], []),
    ("no-breakdown-in-qizhongde", "全年共接待来访群众300人次,其中的许多问题已经解决。",
     [P("300人次", 300, unit="person_time")], []),
    ("no-base-stated", "我们8000名干部对口包保10万户农户,包保比例达到56%。",
     [P("8000名", 8000), H("10万户", 100000), R("56%", 56)], []),
    ("overlapping-relations", "全乡132名党员参与活动,其中联系村务的党员69名,联系困难群众包户定责的党员93名。",
     [P("132名", 132), P("69名", 69), P("93名", 93)], []),
    ("compared-part-not-stated", "各村党支部书记的每年薪资为20万—30万元左右。村主任薪资为村党支部书记的70%。",
     [("20万—30万元左右", "money", 200000, "CNY", "range"), R("70%", 70)], []),
    ("compared-subject-not-the-figure", "村党支部书记年薪10万元,村主任薪资为村党支部书记的70%。",
     [M("10万元", 100000), R("70%", 70)], []),
    ("share-of-another-noun", "全村共有党员45名,其中女党员12名,占全村人口的1%。",
     [P("45名", 45), P("12名", 12), R("1%", 1)], [("sum_ok", 45, 12)]),  # the breakdown alone
    ("weak-whole-does-not-fit", "户籍人口32426人,来沪人口148323人,来沪人口占总人口的60%。",
     [P("32426人", 32426), P("148323人", 148323), R("60%", 60)], []),
    ("different-units-never-add", "我镇共有19个行政村,224个村民小组。",
     [V("19个行政村", 19), V("224个村民小组", 224)], []),
    ("growth-is-no-share", "全村人均收入8000元,比上年增长10%。",
     [M("8000元", 8000), R("10%", 10)], []),
    ("masked-figures", "全村共有***户,其中贫困户20户,占10%。",
     [("***户", "household_count", None, "household", "masked"), H("20户", 20), R("10%", 10)], []),
    # a per-unit amount is no part of a total (人均耕地 after a breakdown of the land)
    ("per-unit-no-part", "耕地1200亩(其中:水田700亩,旱地500亩),人均耕地1.3亩。",
     [A("1200亩", 1200), A("700亩", 700), A("500亩", 500), A("1.3亩", 1.3)], [("sum_ok", 1200, 1200)]),
    # a breakdown opened in a parenthesis ends with it
    ("breakdown-in-parenthesis", "耕地1190亩(其中水田730亩,旱地460亩),林地10800亩,荒地2000亩。",
     [A("1190亩", 1190), A("730亩", 730), A("460亩", 460), A("10800亩", 10800), A("2000亩", 2000)],
     [("sum_ok", 1190, 1190)]),
    # a part that is the whole: the other parts cut across it, nothing to alarm
    ("part-restates-whole", "全村总人口4899人,其中农业人口4899人,劳动力3234人。",
     [P("4899人", 4899), P("4899人", 4899), P("3234人", 3234)], []),
    # nested categories of a disaster are no parts of one total
    ("nested-disaster-categories", "农作物受灾面积51.3万亩,其中粮食作物受灾43.5万亩,农作物成灾面积48.3万亩。",
     [A("51.3万亩", 513000), A("43.5万亩", 435000), A("48.3万亩", 483000)], []),
    # shares stated respectively: which figure each belongs to is left to the reader
    ("shares-respectively", "有510户通电,其中480户通电视(分别占农户总数的100%和94%)。",
     [H("510户", 510), H("480户", 480), R("100%", 100), R("94%", 94)], [("sum_ok", 510, 480)]),
    # the whole a base names is not a complementary subgroup of it; 男 + 女 make the whole
    ("whole-not-a-subgroup", "全乡有党员601名,男党员511名,女党员90名,占党员的15%。",
     [P("601名", 601), P("511名", 511), P("90名", 90), R("15%", 15)], [("sum_ok", 601, 601), ("ratio_ok", 15, 15.0)]),
    # a total written with decimals and 万 is rounded: 9.76万 is 97,600 give or take 50
    ("rounded-total", "贫困人口9.76万人,其中已脱贫9.42万人,剩余贫困人口3421人。",
     [P("9.76万人", 97600), P("9.42万人", 94200), P("3421人", 3421)], [("sum_ok", 97600, 97621)]),
    # a subgroup larger than its group contradicts it, overlapping or not (…的有 reads as overlapping)
    ("part-exceeds-whole", "全乡参加投票的选民5000人,其中,直接投票的有4000人,委托投票的有20000人。",
     [P("5000人", 5000), P("4000人", 4000), P("20000人", 20000)], [("sum_mismatch", 5000, 20000)]),
    # …but not a figure past a clause of another measure: it may be no part (养羊户 beside 养牛的)
    ("no-part-past-another-measure", "全村养殖户20户,其中养牛的有5户,养牛300头,养羊户30户。",
     [H("20户", 20), H("5户", 5), C("300头", 300, "头"), H("30户", 30)], []),
    # an age band list after a gender list cuts across it: no parts of one total
    ("age-bands-after-genders", "全村党员50名,其中男党员30名,女党员20名,35岁以下10名,60岁以上15名。",
     [P("50名", 50), P("30名", 30), P("20名", 20), AGE("35岁以下", 35), P("10名", 10), AGE("60岁以上", 60),
      P("15名", 15)], []),
    # a figure stated as a change is no whole: the level before it is (比上年增加, 净增)
    ("change-is-no-whole", "全镇现有党组织436个,比上年增加6个。其中党委21个,党支部415个。",
     [C("436个", 436, "个"), C("6个", 6, "个"), C("21个", 21, "个"), C("415个", 415, "个")], [("sum_ok", 436, 436)]),
    # 。其中 after a breakdown's part is of that breakdown's whole
    ("second-breakdown-of-the-first-whole", "全村人口540人,其中男性280人,女性260人。其中劳动力300人。",
     [P("540人", 540), P("280人", 280), P("260人", 260), P("300人", 300)],
     [("sum_ok", 540, 540), ("sum_ok", 540, 300)]),
    # a figure in a bracket closed before another is no whole of it
    ("no-whole-from-a-closed-bracket", "监测对象57人,消除风险27人(一类户12人、二类户15人),未消除风险30人。",
     [P("57人", 57), P("27人", 27), P("12人", 12), P("15人", 15), P("30人", 30)], [("sum_ok", 27, 27)]),
    # what is done beside what is not is no whole of it
    ("done-beside-pending", "累计消除风险27人,未消除风险30人。", [P("27人", 27), P("30人", 30)], []),
    # a class of the whole's noun beside a group named otherwise cuts across it
    ("class-beside-another-group", "全村有乡村人口292人,其中农业人口283人,劳动力149人。",
     [P("292人", 292), P("283人", 283), P("149人", 149)], []),
    # a figure named like the whole may be its sibling: no subset to exceed it
    ("sibling-named-like-the-whole", "有茶园面积318亩,其中可采摘面积300亩,核桃面积765亩。",
     [A("318亩", 318), A("300亩", 300), A("765亩", 765)], []),
    # pinyin a web copy adds (農(nóng)業) is no bracket and no word
    ("pinyin-annotations", "人口總數(shù):2401人農(nóng)業(yè)人口:2350人非農(nóng)業(yè)人口:61人",
     [P("2401人", 2401), P("2350人", 2350), P("61人", 61)], [("sum_mismatch", 2401, 2411)]),
    # a complementary pair splits the total before it: it must add up, within rounding
    ("complement-pair-wrong", "全村总人口1500人,农业人口1400人,非农业人口120人。",
     [P("1500人", 1500), P("1400人", 1400), P("120人", 120)], [("sum_mismatch", 1500, 1520)]),
    ("complement-pair-ok", "全村总人口1500人,农业人口1400人,非农业人口100人。",
     [P("1500人", 1500), P("1400人", 1400), P("100人", 100)], [("sum_ok", 1500, 1500)]),
    ("complement-pair-rounded", "全镇总人口2.5万人,男1.28万人,女1.26万人。",
     [P("2.5万人", 25000), P("1.28万人", 12800), P("1.26万人", 12600)], [("sum_ok", 25000, 25400)]),
    ("complement-pair-of-another-noun", "全村总人口1500人,其中男性劳动力400人,女性劳动力350人。",
     [P("1500人", 1500), P("400人", 400), P("350人", 350)], [("sum_ok", 1500, 750)]),
    ("complement-pair-of-no-total", "劳动力800人,农业人口600人,非农业人口100人。",
     [P("800人", 800), P("600人", 600), P("100人", 100)], []),
    # a closed bracket list of one measure (…面积, …面积) is the whole
    ("bracket-list-of-one-measure-wrong", "耕地面积1096亩(水田面积494亩,旱地面积600亩)。",
     [A("1096亩", 1096), A("494亩", 494), A("600亩", 600)], [("sum_mismatch", 1096, 1094)]),
    ("bracket-list-of-one-measure-ok", "耕地面积1094亩(水田面积494亩,旱地面积600亩)。",
     [A("1094亩", 1094), A("494亩", 494), A("600亩", 600)], [("sum_ok", 1094, 1094)]),
    ("bracket-list-naming-part", "全村土地面积5000亩(耕地面积2000亩,林地面积2500亩)。",
     [A("5000亩", 5000), A("2000亩", 2000), A("2500亩", 2500)], [("sum_ok", 5000, 4500)]),
    ("bracket-list-rounded", "耕地面积1095亩(水田面积494.6亩,旱地面积600.2亩)。",
     [A("1095亩", 1095), A("494.6亩", 494.6), A("600.2亩", 600.2)], [("sum_ok", 1095, 1094.8)]),
    # a bracket opened inside a breakdown breaks down one of its parts
    ("inner-bracket-no-part", "全村土地2500亩,其中耕地1500亩,林地900亩,(水田500亩,旱地1000亩)。",
     [A("2500亩", 2500), A("1500亩", 1500), A("900亩", 900), A("500亩", 500), A("1000亩", 1000)],
     [("sum_ok", 2500, 2400)]),
    # 。其中 after a clause of words only is not of the figure before that clause
    ("no-breakdown-after-words", "选派5名驻村队员,到村开展帮扶工作。其中:县农业局12名帮扶人联系贫困户。",
     [P("5名", 5), P("12名", 12)], []),
    ("traditional-nested-categories", "農作物受災面積51.3萬畝,其中糧食作物受災43.5萬畝,農作物成災面積48.3萬畝。",
     [A("51.3萬畝", 513000), A("43.5萬畝", 435000), A("48.3萬畝", 483000)], []),
]


@pytest.mark.parametrize(("text", "marks", "expected"), [pytest.param(*c[1:], id=c[0]) for c in CASES])
def test_checks_from_the_language(text: str, marks: list[Mark], expected: list[tuple]) -> None:
    assert_checks(text, marks, expected)


def assert_checks(text: str, marks: list[Mark], expected: list[tuple]) -> list[Check]:
    """The document's checks are `expected` [(kind, stated, computed)], in order, and well formed."""
    document, facts = make_document(text, marks)
    checks = check_document(document, facts)
    assert [(c.kind, c.stated, c.computed) for c in checks] == [
        (kind, pytest.approx(stated), pytest.approx(computed)) for kind, stated, computed in expected]
    for check in checks:
        assert_well_formed(check, document)
    return checks


def assert_well_formed(check: Check, document: Document) -> None:
    assert check.doc_id == document.doc_id
    assert document.char_start <= check.char_start < check.char_end <= document.char_end
    assert check.text == document.text[check.char_start - document.char_start:check.char_end - document.char_start]
    assert check.message and check.check_id.startswith(f"{document.doc_id}-c{check.char_start}")


@pytest.mark.parametrize(("case", "rule", "stated", "wholes", "parts"), [
    ("share-of-breakdown", "share_of_group_whole", "f2", "f0", "f1"),
    ("breakdown-exceeds", "breakdown", "f0", "f0", "f1,f2"),
    ("part-exceeds-whole", "breakdown_part_exceeds_whole", "f0", "f0", "f2"),
    ("complement-pair-wrong", "complement_pair_exhaustive", "f0", "f0", "f1,f2"),
    ("share-of-parallel-categories", "share_of_parallel_categories", "f2", "f0,f1", "f1"),
])
def test_a_check_names_its_rule_and_facts(case: str, rule: str, stated: str, wholes: str, parts: str) -> None:
    text, marks = next(c[1:3] for c in CASES if c[0] == case)
    (check,) = check_document(*make_document(text, marks))
    assert (check.rule, check.stated_fact_id, check.whole_fact_ids, check.part_fact_ids) == (rule, stated, wholes, parts)


def test_span_covers_part_and_share_and_an_adjacent_whole() -> None:
    document, facts = make_document("全村共有党员45名,其中女党员12名,占26.7%。",
                                    [P("45名", 45), P("12名", 12), R("26.7%", 26.7)])
    (check,) = check_document(document, facts)
    assert check.text == "45名,其中女党员12名,占26.7%"
    assert check.message == "12 / 45 = 26.7%, stated 26.7%"


def test_check_ids_are_stable_and_unique() -> None:
    text, marks = next(case[1:3] for case in CASES if case[0] == "share-series-same-whole")
    first = check_document(*make_document(text, marks))
    second = check_document(*make_document(text, list(marks)))
    assert [c.check_id for c in first] == [c.check_id for c in second]
    assert len({c.check_id for c in first}) == len(first)


def test_facts_outside_the_document_are_ignored() -> None:
    document, facts = make_document("全村共有党员45名,其中女党员12名,占26.7%。",
                                    [P("45名", 45), P("12名", 12), R("26.7%", 26.7)])
    stray = facts[0].model_copy(update={"char_start": 0, "char_end": 3})
    assert len(check_document(document, [stray, *facts[1:]])) == 0
    assert check_document(document, []) == []


KINDS = [("population", "person"), ("household_count", "household"), ("village_count", "unit"),
         ("count", "个"), ("area", "mu"), ("ratio", "percent"), ("age", "year"), ("money", "CNY")]
QUALIFIERS = ["exact", "over", "under", "about", "nearly", "range", "masked"]


@st.composite
def odd_documents(draw) -> tuple[Document, list[Fact]]:
    text = draw(st.text(alphabet="中其余它占总数全部共有已未正在的为是,,。;(、)%0123456789个名户村人亩", max_size=60))
    document = Document(doc_id="d", source_path="x", ordinal=0, title="t", text=text,
                        char_start=OFFSET, char_end=OFFSET + len(text))
    facts = []
    for number in range(draw(st.integers(0, 8))):
        start = draw(st.integers(-5, len(text) + 5))
        end = start + draw(st.integers(1, 6))
        kind, unit = draw(st.sampled_from(KINDS))
        qualifier = draw(st.sampled_from(QUALIFIERS))
        value = None if qualifier == "masked" else draw(st.floats(0, 1e6, allow_nan=False))
        surface = (text[max(start, 0):max(end, 0)] if 0 <= start and end <= len(text) else "") or "x" * (end - start)
        facts.append(Fact(fact_id=f"f{number}", doc_id="d", source_path="x", kind=kind, value=value,
                          value_max=(value or 0) + 1 if qualifier == "range" else None, unit=unit,
                          qualifier=qualifier, text=surface, char_start=OFFSET + start if start >= 0 else 0,
                          char_end=(OFFSET + start if start >= 0 else 0) + len(surface), sentence="",
                          extractor="fuzz"))
    return document, facts


@settings(max_examples=300, deadline=None)
@given(odd_documents())
def test_never_raises_and_spans_fit(case: tuple[Document, list[Fact]]) -> None:
    document, facts = case
    for check in check_document(document, facts):
        assert_well_formed(check, document)


# --- the annotated sample (gold facts stand in for the extractor) ----------------------

def _overlaps(check: Check, start: int, end: int) -> bool:
    return check.char_start < end and start < check.char_end


@pytest.fixture(scope="module")
def sample_checks() -> list[Check]:
    sample = load_gold_sample()
    return [check for document in sample.documents
            for check in check_document(document, sample.facts_by_doc[document.doc_id])]


def test_sample_mismatch_is_found(sample_checks: list[Check]) -> None:
    for gold in load_gold_sample().mismatches:
        assert any(c.kind == gold.kind and _overlaps(c, gold.start, gold.end) for c in sample_checks)


def test_sample_has_no_false_alarm(sample_checks: list[Check]) -> None:
    mismatches = load_gold_sample().mismatches
    alarms = [c for c in sample_checks if c.kind.endswith("mismatch")]
    assert alarms and all(any(_overlaps(c, g.start, g.end) for g in mismatches) for c in alarms)


def test_sample_consistent_cases_are_recalled(sample_checks: list[Check]) -> None:
    consistent = load_gold_sample().consistent
    found = [g for g in consistent
             if any(c.kind == g.kind and _overlaps(c, g.start, g.end) for c in sample_checks)]
    assert len(consistent) == 19
    assert len(found) >= 19  # measured: all 19


def test_sample_computed_values_match_the_annotator(sample_checks: list[Check]) -> None:
    sample = load_gold_sample()
    for gold in (*sample.mismatches, *sample.consistent):
        (check,) = [c for c in sample_checks if c.kind == gold.kind and _overlaps(c, gold.start, gold.end)][:1]
        assert (check.stated, check.computed) == (pytest.approx(gold.stated), pytest.approx(gold.computed)), gold


def test_sample_emits_nothing_beyond_the_annotated_cases(sample_checks: list[Check]) -> None:
    sample = load_gold_sample()
    annotated = (*sample.mismatches, *sample.consistent)
    extra = [c for c in sample_checks if not any(_overlaps(c, g.start, g.end) for g in annotated)]
    assert extra == []
