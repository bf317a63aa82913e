"""The scanner across kinds: qualifiers, ranges, masked numbers, and every not-a-fact rule."""
import pytest

from extractors.scanner import default_scanner


def F(span, kind, value, unit, q="exact", vmax=None):
    return (span, kind, value, vmax, unit, q)


QUALIFIER_ROWS = [
    ("约80亿元人民币", [F("约80亿元人民币", "money", 8e9, "CNY", "about")]),
    ("大约30人", [F("大约30人", "population", 30, "person", "about")]),
    ("大概20户", [F("大概20户", "household_count", 20, "household", "about")]),
    ("50人左右", [F("50人左右", "population", 50, "person", "about")]),
    ("100元上下", [F("100元上下", "money", 100, "CNY", "about")]),
    ("近20人", [F("近20人", "population", 20, "person", "nearly")]),
    ("接近50户", [F("接近50户", "household_count", 50, "household", "nearly")]),
    ("将近100亩", [F("将近100亩", "area", 100, "mu", "nearly")]),
    # 约/近 ending a word (签约, 节约, 附近) is no qualifier, and stays out of the span
    ("完成签约120户", [F("120户", "household_count", 120, "household")]),
    ("节约资金百分之十", [F("百分之十", "ratio", 10, "percent")]),
    ("村委会附近300米", [F("300米", "length", 300, "m")]),
    ("约120户", [F("约120户", "household_count", 120, "household", "about")]),
    ("企业2000余家", [F("2000余家", "count", 2000, "家", "over")]),
    ("3多人", [F("3多人", "population", 3, "person", "over")]),
    ("80%以上", [F("80%以上", "ratio", 80, "percent", "over")]),
    ("60岁及以上", [F("60岁及以上", "age", 60, "year", "over")]),
    ("35岁及以下", [F("35岁及以下", "age", 35, "year", "under")]),
    ("超过300户", [F("超过300户", "household_count", 300, "household", "over")]),
    ("逾千人", [F("逾千人", "population", 1000, "person", "over")]),
    ("上千人", [F("上千人", "population", 1000, "person", "over")]),
    ("上万元", [F("上万元", "money", 10000, "CNY", "over")]),
    ("至少500万元人民币以上", [F("500万元人民币以上", "money", 5e6, "CNY", "over")]),
    ("60岁以下", [F("60岁以下", "age", 60, "year", "under")]),
    ("不足5亩", [F("不足5亩", "area", 5, "mu", "under")]),
    ("不到20人", [F("不到20人", "population", 20, "person", "under")]),
    ("少于0.2亩", [F("少于0.2亩", "area", 0.2, "mu", "under")]),
    ("不超过5人", [F("不超过5人", "population", 5, "person", "under")]),
    ("每户每年走访不少于4次", [F("不少于4次", "count", 4, "次", "over")]),
    ("覆盖率不低于90%", [F("不低于90%", "ratio", 90, "percent", "over")]),
    ("每组不多于10人", [F("不多于10人", "population", 10, "person", "under")]),
    ("共有516户", [F("516户", "household_count", 516, "household")]),
    ("达到6621亩", [F("6621亩", "area", 6621, "mu")]),
    ("高达90%", [F("高达90%", "ratio", 90, "percent")]),
    ("接近总量的40%", [F("40%", "ratio", 40, "percent", "nearly")]),
    ("约占总人口的30%", [F("30%", "ratio", 30, "percent", "about")]),
    ("签约占地50亩", [F("50亩", "area", 50, "mu")]),
    ("超过全村总数的30%", [F("30%", "ratio", 30, "percent", "over")]),
    ("近期转正2名", [F("2名", "population", 2, "person")]),
    ("近5年来新建住房120套", [F("120套", "count", 120, "套")]),
    ("以上5户", [F("5户", "household_count", 5, "household")]),
    ("上述3个村", [F("3个村", "village_count", 3, "unit")]),
]

RANGE_ROWS = [
    ("20万—30万元", [F("20万—30万元", "money", 2e5, "CNY", "range", 3e5)]),
    ("20—30万元", [F("20—30万元", "money", 2e5, "CNY", "range", 3e5)]),
    ("20万—30万元左右", [F("20万—30万元左右", "money", 2e5, "CNY", "range", 3e5)]),
    ("14—35周岁", [F("14—35周岁", "age", 14, "year", "range", 35)]),
    ("1-2门", [F("1-2门", "count", 1, "门", "range", 2)]),
    ("2~3个", [F("2~3个", "count", 2, "个", "range", 3)]),
    ("2～3个", [F("2～3个", "count", 2, "个", "range", 3)]),
    ("3至5万元", [F("3至5万元", "money", 3e4, "CNY", "range", 5e4)]),
    ("10到20亩", [F("10到20亩", "area", 10, "mu", "range", 20)]),
    ("5－10人", [F("5－10人", "population", 5, "person", "range", 10)]),
    ("5--10人", [F("5--10人", "population", 5, "person", "range", 10)]),
    ("5——10人", [F("5——10人", "population", 5, "person", "range", 10)]),
    ("5人—10人", [F("5人—10人", "population", 5, "person", "range", 10)]),
    ("3亿至5亿元", [F("3亿至5亿元", "money", 3e8, "CNY", "range", 5e8)]),
    ("两三个村", [F("两三个村", "village_count", 2, "unit", "range", 3)]),
    ("三四十人", [F("三四十人", "population", 30, "person", "range", 40)]),
    ("五六百户", [F("五六百户", "household_count", 500, "household", "range", 600)]),
    # a falling pair is not a range of quantities
    ("2021-2020年", []),
    ("5-3个", []),
]

MASKED_ROWS = [
    ("***户", [F("***户", "household_count", None, "household", "masked")]),
    ("***万元", [F("***万元", "money", None, "CNY", "masked")]),
    ("**人", [F("**人", "population", None, "person", "masked")]),
    ("XX人", [F("XX人", "population", None, "person", "masked")]),
    ("xx户", [F("xx户", "household_count", None, "household", "masked")]),
    ("××元", [F("××元", "money", None, "CNY", "masked")]),
    ("＊＊＊亩", [F("＊＊＊亩", "area", None, "mu", "masked")]),
    ("有**、", []),
    ("**乡", []),
    ("××乡", []),
    ("XX镇", []),
    ("***镇", []),
    ("在群众中**高", []),
    ("20**年", []),
    ("*人", []),  # one star is a footnote mark, not a masked number
    ("*人口普查", []),
    ("注:*人均", []),
    # ... except right after a Chinese character
    ("有*户*人", [F("*户", "household_count", None, "household", "masked"),
                 F("*人", "population", None, "person", "masked")]),
    ("党员*名", [F("*名", "population", None, "person", "masked")]),
    ("辖*个村民小组", [F("*个村民小组", "village_count", None, "unit", "masked")]),
    ("东邻*镇", []),
    ("小麦x.x万亩", [F("x.x万亩", "area", None, "mu", "masked")]),
    ("增长x.x%", [F("x.x%", "ratio", None, "percent", "masked")]),
    ("x人", []),
    # one X right after a Chinese character (or it and a space) masks a number too
    ("全县辖X个乡镇", [F("X个乡镇", "village_count", None, "unit", "masked")]),
    ("少数民族X人,占X%", [F("X人", "population", None, "person", "masked"),
                       F("X%", "ratio", None, "percent", "masked")]),
    ("确诊 x 人", [F("x 人", "population", None, "person", "masked")]),
    ("排查返乡人员 xxx 人", [F("xxx 人", "population", None, "person", "masked")]),
    ("拍X光片", []),
    # …and with 余/多 after it, a space before it too
    ("***余户", [F("***余户", "household_count", None, "household", "masked")]),
    ("共计**余万元", [F("**余万元", "money", None, "CNY", "masked")]),
    ("悬挂横幅 xxx 余条", [F("xxx 余条", "count", None, "条", "masked")]),
    ("XX多人", [F("XX多人", "population", None, "person", "masked")]),
    ("Ax人", []),
    ("202x年", []),
]

# Typeset and PDF text: a space between the digits and what follows them.
SPACED_ROWS = [
    ("医务人员 29 人,病床 30 张", [F("29 人", "population", 29, "person"), F("30 张", "count", 30, "张")]),
    ("有 8 个村委会", [F("8 个村委会", "village_count", 8, "unit")]),
    ("发放资金 884.5 万余元", [F("884.5 万余元", "money", 8845000, "CNY", "over")]),
    ("改造 1.13 万平方米", [F("1.13 万平方米", "area", 11300, "m2")]),
    ("全镇约 300 人", [F("约 300 人", "population", 300, "person", "about")]),
    ("毕业率 100 ％", [F("100 ％", "ratio", 100, "percent")]),
    ("最高海拔 2.48 千米", [F("2.48 千米", "length", 2.48, "km")]),
    ("耕地面积\t3200\t亩", [F("3200\t亩", "area", 3200, "mu")]),  # a .docx table row
    ("服务热线 12345 人工接听", []),
    ("2017 年 5 月", []),
    ("第 3 名", []),
    ("三 个村", []),  # spaced Chinese numerals are letter-spaced headings, not figures
    ("29\n人", []),
]

# Other ways reports write a figure.
WRITTEN_ROWS = [
    # no unit: the noun before the figure names what it counts
    ("全镇总人口3.2万，耕地面积2万亩", [F("3.2万", "population", 32000, "person"), F("2万亩", "area", 20000, "mu")]),
    ("户籍人口12000，常住人口9800。", [F("12000", "population", 12000, "person"),
                                   F("9800", "population", 9800, "person")]),
    ("全村户数326，人口约1280。", [F("326", "household_count", 326, "household"),
                               F("约1280", "population", 1280, "person", "about")]),
    ("参会人数 65，", [F("65", "population", 65, "person")]),
    ("全村户数：326；人口：1280！", [F("326", "household_count", 326, "household"),
                                F("1280", "population", 1280, "person")]),
    ("全村户数326：其中", [F("326", "household_count", 326, "household")]),
    ("全村户数326.人口1280.", [F("326", "household_count", 326, "household"),
                             F("1280", "population", 1280, "person")]),
    # money nouns name yuan for a figure in 万 or 亿 only
    ("全年完成投资500万，税收360万，收入3000，", [F("500万", "money", 5e6, "CNY"), F("360万", "money", 3.6e6, "CNY")]),
    ("村集体收入超过20万。", [F("超过20万", "money", 2e5, "CNY", "over")]),
    ("财政支出预算1184万,", [F("1184万", "money", 1.184e7, "CNY")]),
    ("编号：326，", []),
    # a share whose % the copy lost (GUIDELINE "Text as it arrives"): a ratio, never a head count
    ("少数民族占全村总人口91。", [("91", "ratio", 91, None, "percent", "exact")]),
    ("辖占家屯.总人口2.2万。", [F("2.2万", "population", 22000, "person")]),  # 占 of a name in another sentence  # a share whose % sign is missing, not a head count  # a colon links only the nouns that name a count
    ("总户数\t326\t总人口\t1280\n", [F("326", "household_count", 326, "household"),
                                   F("1280", "population", 1280, "person")]),  # a table row
    ("人口3.2万人，", [F("3.2万人", "population", 32000, "person")]),
    ("1、基本情况", []),
    ("人口普查2020，", []),
    ("面积3200，", []),
    ("人口自然增长率6‰", [F("6‰", "ratio", 0.6, "percent")]),
    ("全镇实现GDP19.92亿元", [F("19.92亿元", "money", 1.992e9, "CNY")]),
    ("人均GDP8000元", [F("8000元", "money", 8000, "CNY")]),
    ("型号XGDP5元", []),
    ("有山坪塘23口,已精修2口", [F("23口", "count", 23, "口"), F("2口", "count", 2, "口")]),
    ("运回电杆200根，大米10袋、食用油10桶", [F("200根", "count", 200, "根"), F("10袋", "count", 10, "袋"),
                                     F("10桶", "count", 10, "桶")]),
    ("根据3根据点", []),
    ("19、20、21、22组开通天然气", []),  # labels of groups, not a count
    ("标语4组", [F("4组", "count", 4, "组")]),
    ("全家三口人", [F("三口人", "population", 3, "person")]),
    ("三口之家", []),
    ("出口300万元", [F("300万元", "money", 3e6, "CNY")]),
    ("将五组水田24.65亩", [F("24.65亩", "area", 24.65, "mu")]),
    ("一组、三组共计120户", [F("120户", "household_count", 120, "household")]),
    ("全村分为五组", [F("五组", "count", 5, "组")]),
    ("设立固定廉政标语4组", [F("4组", "count", 4, "组")]),
    ("全镇21个自然庄", [F("21个自然庄", "village_count", 21, "unit")]),
    ("辖5个嘎查", [F("5个嘎查", "village_count", 5, "unit")]),
    ("村民组数18个,", [F("18个", "village_count", 18, "unit")]),
]

MULTI_ROWS = [
    ("全乡14个村,27名村支部书记、村委会主任中,初中及以下文化20名,占总数74%", [
        F("14个村", "village_count", 14, "unit"), F("27名", "population", 27, "person"),
        F("20名", "population", 20, "person"), F("74%", "ratio", 74, "percent"),
    ]),
    ("2020年全村脱贫30户96人,人均纯收入达到8600元,同比增长8.5%。", [
        F("30户", "household_count", 30, "household"), F("96人", "population", 96, "person"),
        F("8600元", "money", 8600, "CNY"), F("8.5%", "ratio", 8.5, "percent"),
    ]),
    ("新修通村公路3.5公里,硬化道路1200米,惠及群众2000余人。", [
        F("3.5公里", "length", 3.5, "km"), F("1200米", "length", 1200, "m"),
        F("2000余人", "population", 2000, "person", "over"),
    ]),
]


@pytest.mark.parametrize(("sentence", "expected"),
                         QUALIFIER_ROWS + RANGE_ROWS + MASKED_ROWS + SPACED_ROWS + WRITTEN_ROWS + MULTI_ROWS)
def test_scanner_facts(check, sentence, expected):
    check(sentence, expected)


# Every general not-a-fact rule: each sentence yields no fact.
NOT_FACTS = {
    "ordinal": ["第三届", "第十八名", "第一支队伍", "第4批", "第3条规定", "根据第十三条",
                "第一责任人", "第二次会议", "三届二次会议", "第5个村"],
    "enumerator": ["一是强化组织", "1、纪合寺村", "(一)完善机构", "（二）加强管理", "二是"],
    "fixed term": ["“三个代表”", "村两委", "“两委”班子", "三委", "五好杯", "十二五", "“十三五”期间",
                   "十四五规划", "城乡二元结构", "三多三少", "两免一补", "“五个一”", "千家万户",
                   "十七大", "十九大", "70后", "80后", "50强", "百强县", "“三本台账”", "二推一选",
                   "五访五问", "三帮四定五联", "一事一议", "“三厂、三站、十二池”", "两学一做",
                   "三严三实", "四个意识", "四个自信", "两个维护", "八项规定", "三会一课",
                   "一村一品", "两不愁三保障", "“四议两公开”", "三大攻坚战", "四好农村路",
                   "五险一金", "十个全覆盖", "五保", "五老", "“七一”", "四位一体",
                   "两个一百年", "坚持“四个不摘”", "“百企帮百村”", "五星级", "5G基站", "3A级景区",
                   "全村三面环山", "五人小组组长", "3人小组"],
    "rhetorical count": ["落实好五项机制", "开展五项行动", "主要有以下三点", "六大类23项指标",
                         "做到五个统一", "“突破六个难点”", "五项工作", "重点抓好三项工作",
                         "三个方面的工作", "从以下四个方面", "完成三项任务", "加强三支队伍建设",
                         "一、整合六支党建工作队伍,汇集力量。", "开展三项活动", "抓住两条主线"],
    "value one": ["一个", "一名党员", "一条路", "一组活动", "便民服务中心一个", "活动室一个",
                  "一户", "一次", "一家", "一亩", "一岁", "一元"],
    "vague": ["数千人", "数万元", "几个村", "数倍", "一些", "几十人", "数十个", "若干个",
              "好几个", "多批", "多次", "成千上万", "千人", "万家灯火", "百姓"],
    "date, year, duration": ["2021年", "7月28日", "2021年7月28日", "截至6月底", "三年", "两个月",
                             "十余天", "一个多月", "2个月", "提前五天", "半年多", "建国60周年",
                             "建党88周年", "2019—2021年", "近三年来", "五年来", "任期二届",
                             "3个工作日", "2个小时", "三个季度", "两个星期", "二〇二一年"],
    "phone, document, article": ["电话13812345678", "联系电话：0851-12345678", "〔2021〕5号",
                                 "黔府发〔2021〕5号文件", "第3条规定", "1号楼", "G320国道",
                                 "S208省道", "3.5.2节"],
    "restated list": ["村党支部和村委会两套班子", "镇党群办和社管办两部门", "党员和群众两股力量",
                      "村党支部、村委会和监委会三个组织"],
    "rank": ["排名前五名", "前3名", "居全县后两位"],
}


@pytest.mark.parametrize(
    "sentence",
    [pytest.param(s, id=f"{rule}:{s}") for rule, sentences in NOT_FACTS.items() for s in sentences],
)
def test_not_a_fact(scan, sentence):
    assert scan(sentence) == []


def test_arabic_one_counts(scan):
    assert scan("1个") == [("1个", "count", 1.0, None, "个", "exact")]


def test_scan_window_and_offsets():
    text = "前言。全村516户,2100人。"
    scanner = default_scanner()
    found = [(c.start, c.end, text[c.start:c.end]) for _, c in scanner.scan(text)]
    assert found == [(5, 9, "516户"), (10, 15, "2100人")]
    window = [(c.start, c.end) for _, c in scanner.scan(text, start=9)]
    assert window == [(10, 15)]
    window = [(c.start, c.end) for _, c in scanner.scan(text, end=9)]
    assert window == [(5, 9)]
