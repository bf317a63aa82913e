"""Place attribution (extractors/place.py): the report's named place by default, a place
named in the sentence when there is one, none for a whole city or no name.

Short reports written from the language of work reports (no place of the sample),
extracted with the pkuseg segmenter; each row lists (fact text, place) for every fact.
"""
from __future__ import annotations

import pytest


ROWS = [
    # kinds of place and titles of a place are no names (特色小镇, 省卫生镇, 5片责任区), nor
    # a list's 等 (…、吴河等八村) or a title's 关于 (关于镇…的汇报: the name left out)
    ("青山镇2023年工作总结\n青山镇是省文明镇、省卫生镇，积极承接茶香小镇建设，新建道路8公里。",
     [("8公里", "青山镇")]),
    ("社区工作总结\n按辖区划分成5片责任区，排查人员24名。", [("24名", None)]),
    ("龙泉乡2019年工作总结\n确定李庄、王河、高庄等三村为贫困村，全乡共有贫困户320户。", [("320户", "龙泉乡")]),
    ("关于镇洪灾情况的汇报\n全镇受灾人口1.2万人。", [("1.2万人", None)]),
    ("张家湾村2023年工作总结\n张家湾村位于县城东部，全村共有农户356户，人口1280人。",
     [("356户", "张家湾村"), ("1280人", "张家湾村")]),
    # a village named in the sentence wins over the report's township
    ("青石镇2023年工作汇报\n青石镇辖12个行政村，总人口3.2万人。其中李家庄村有耕地2300亩。",
     [("12个行政村", "青石镇"), ("3.2万人", "青石镇"), ("2300亩", "李家庄村")]),
    # a count of units is about the place just above them: village groups of a village,
    # villages of a township, townships of a county (全县 says so itself)
    ("龙泉镇2023年工作总结\n桃花村位于龙泉镇西部，辖6个村民小组。", [("6个村民小组", "桃花村")]),
    ("清水县2023年工作总结\n全县辖17个乡镇，其中青石镇辖12个行政村，全县村民小组1860个。",
     [("17个乡镇", "清水县"), ("12个行政村", "青石镇"), ("1860个", "清水县")]),
    # 我村 in a 述职报告 refers to the village the speaker named
    ("述职报告\n我叫王明，现任红旗村党支部书记。我村共有党员46名。", [("46名", "红旗村")]),
    # a verb taking office before 村 and a post is no place name (起任村, 当选村)
    ("述职报告\n本人2011年起任村党支部书记，2018年当选村委会主任。全村共有党员36名。", [("36名", None)]),
    ("述职报告\n我叫王明，2019年起任红旗村党支部书记。我村共有党员46名。", [("46名", "红旗村")]),
    # a name masked with one * is a place too, its subject is what follows the name
    ("关于*村建设情况的报告\n*村有耕地面积*亩，东邻*镇。", [("*亩", "*村")]),
    # what a count counts is a kind of place, not a name
    ("社区工作总结\n将辖区划分为14个责任区，公选出楼栋长106名。", [("14个", None), ("106名", None)]),
    # names whose suffix pkuseg cuts as a word of its own (街道, 社区); 苏木 and 嘎查
    ("长青新村街道2022年工作总结\n长青新村街道辖12个居委会，常住人口8.5万人。",
     [("12个居委会", "长青新村街道"), ("8.5万人", "长青新村街道")]),
    ("兴旺社区工作汇报\n马坪乡兴旺社区共有居民1200户。", [("1200户", "兴旺社区")]),
    ("白音塔拉苏木工作总结\n白音塔拉苏木今年新建道路3公里，辖5个嘎查。",
     [("3公里", "白音塔拉苏木"), ("5个嘎查", "白音塔拉苏木")]),
    # names that start with 上, 下, 新
    ("下河村工作汇报\n下河村共有农户326户。新华村有耕地300亩。", [("326户", "下河村"), ("300亩", "新华村")]),
    # a 社区 named after a verb (确定…) and inside a township's name (石门司镇) is still a place
    ("石门司镇人居环境整治汇报\n确定石门司社区、高坪村委会为试点，石门司社区共有居民1200户。", [("1200户", "石门司社区")]),
    # a place in a list is one of several, none alone; names starting with 同
    ("石门镇人居环境整治汇报\n确定石门社区、高坪村委会为示范点，设置了47个垃圾分类投放点。", [("47个", "石门镇")]),
    ("乡镇工作汇报\n同心镇辖区面积139.3平方公里。", [("139.3平方公里", "同心镇")]),
    # a paragraph that opens with a place is about it, 全村 included; a name opening a line
    # may start with a word of one character (后|柳树村)
    ("龙泉乡村情简介\n石桥村位于龙泉乡腹地,交通便利。全村共有农户420户。\n后柳树村位于龙泉乡东部。全村耕地1200亩。",
     [("420户", "石桥村"), ("1200亩", "后柳树村")]),
    # a title naming nested places: the report is about the most specific one
    ("2020年清河市杨柳区人民政府长青新村街道办事处工作总结\n共接收隔离人员296名，完成登记共10558人。",
     [("296名", "长青新村街道"), ("10558人", "长青新村街道")]),
    # a name of one character and 村 opening a line, or a clause before what it has
    ("段村乡村振兴工作汇报\n段村实施改造13处。\n另外，张村共有农户300户。在农村有耕地50亩。",
     [("13处", "段村"), ("300户", "张村"), ("50亩", "段村")]),
    # a kind of place is no name (重点县, 集聚区, 建制村); a place moved from is no place
    ("关于脱贫攻坚的汇报\n我县是国家扶贫开发工作重点县，还有1个位于产业集聚区，70%的建制村有公厕。",
     [("1个", None), ("70%", None)]),
    ("清河县易地扶贫搬迁汇报\n由杨柳镇搬迁到安居小区的群众共300户。", [("300户", "清河县")]),
    # a nickname in quotes, a kind of village in a title: no names
    ("创生态村各种说明\n过去被戏称为“乞丐村”，全村有农户300户。", [("300户", None)]),
    # a sentence that opens with a place makes it the topic of the paragraph's next sentences
    ("建平镇村情简介\n河东村有耕地500亩。金牛村位于建平镇西北部。共778户,2557人,全村党员32人。",
     [("500亩", "河东村"), ("778户", "金牛村"), ("2557人", "金牛村"), ("32人", "金牛村")]),
    # a neighbour is named, not reported on
    ("石桥村基本情况\n石桥村位于龙泉乡腹地，南邻柳树村，西与柳树村搭界，距乡政府12公里，全村共有农户420户。",
     [("12公里", "石桥村"), ("420户", "石桥村")]),
    # a name in the title is a place however often its body stands alone
    ("大坪乡民生实事工作总结\n大坪乡项目有3个，分别为大坪公园、大坪幼儿园、大坪卫生院。", [("3个", "大坪乡")]),
    # a name is made of Chinese characters only (not ,两村)
    ("东山村工作汇报\n合并后,两村占地30.18平方公里。", [("30.18平方公里", "东山村")]),
    # the whole city: no place
    ("关于全市农村工作的报告\n全市共有行政村860个，农村人口120万人。", [("860个", None), ("120万人", None)]),
    # a name the official list has is a place though the name rules would not take it
    # (和 of 人和街道), or its suffix ends other words (旗: 红旗; 街 for 街道: 大街)
    ("工作总结\n人和街道今年新增就业岗位300个。", [("300个", "人和街道")]),
    ("工作总结\n2019年杨柳湾镇新增就业岗位300个。", [("300个", "杨柳湾镇")]),
    ("工作总结\n2022年，阿鲁科尔沁旗全旗共有嘎查村260个，红旗飘扬。", [("260个", "阿鲁科尔沁旗")]),
    ("工作总结\n一年来，大良街团结带领全街干部群众新建公园3个。", [("3个", "大良街")]),
    # a village's kind after its name (小河自然村, 凤山行政村) is part of the name
    ("村情简介\n小河自然村隶属于凤山行政村，全村有农户45户。", [("45户", "小河自然村")]),
    # a report that opens by placing itself is about that place: 之一 of a count of units too
    ("村情简介\n杨树沟村是青石镇所辖的12个行政村之一，全村共有农户300户。",
     [("12个行政村", "杨树沟村"), ("300户", "杨树沟村")]),
    # 我区 with only a town named: the district is not named, the town is not the district
    ("换届选举工作总结\n区委在青石镇的24个村先行试点。全区共有选民1.9万人，我区党员1300人。",
     [("24个村", "青石镇"), ("1.9万人", None), ("1300人", None)]),
    # a masked name without its suffix placing itself: the report's place, at the level it
    # speaks of itself at
    ("灾情报告\nXX地处河谷地带，全镇共有农户3200户，新修堤坝2处。", [("3200户", "XX"), ("2处", "XX")]),
    ("灾情报告\n全镇共有农户3200户，XX是重点。", [("3200户", None)]),
    # a kind of place (中心村) placing itself first thing in a report is its name; 某 masks
    # a name like ××
    ("村情简介\n中心村位于龙泉乡中部，全村共有农户326户。", [("326户", "中心村")]),
    ("村情简介\n建设中心村3个，全乡共有农户3260户。", [("3个", None), ("3260户", None)]),
    ("社区工作总结\n某某社区共有居民1200户。", [("1200户", "某某社区")]),
    ("驻村工作队经验材料\n某市委统战部帮扶农户120户。", [("120户", None)]),  # one 某: the report's organisation
    # a paragraph that is an item of a list opens on its place
    ("乡村情汇编\n1、石桥村 石桥村位于龙泉乡腹地，有农户420户。\n2、柳河村 柳河村位于龙泉乡东部，有农户310户。",
     [("420户", "石桥村"), ("310户", "柳河村")]),
    # a slogan's goal and a kind of area are no places, though a town may be called so
    ("青山镇工作总结\n全力打造生态花园镇，新建公园3个。属行蓄洪淹没区，转移群众120人。",
     [("3个", "青山镇"), ("120人", "青山镇")]),
    # a figure of a list of places is the level's above them: the report's place if above
    # them, else none named
    ("清河县灾情报告\n青石镇、柳河乡、白沙镇受灾人口1.2万人，全县转移群众3000人。",
     [("1.2万人", "清河县"), ("3000人", "清河县")]),
    ("灾情报告\n全县受灾。青石镇、柳河乡、白沙镇受灾人口1.2万人。", [("1.2万人", None)]),
    ("清河县灾情报告\n青石镇受灾人口1.2万人。", [("1.2万人", "青石镇")]),
    # a self-reference ending a would-be name above the village is no name (聚全县之智)
    ("脱贫攻坚工作汇报\n举全县之力、聚全县之智，我县贫困人口减少1.2万人。", [("1.2万人", None)]),
    # a count of places or a verb before the suffix is no name
    ("换届选举工作总结\n青石镇直接选举产生两村党支部书记2名，选举产生村党组织书记5名。",
     [("2名", "青石镇"), ("5名", "青石镇")]),
    # a masked name with a space before its suffix
    ("扶贫日记\n我来到 xxx 村。xxx 村位于县城南部，共有农户120户。", [("120户", "xxx 村")]),
]


@pytest.mark.parametrize(("report", "expected"), ROWS)
def test_place(extract_report, report, expected):
    assert [(f.text, f.place) for f in extract_report(report)] == expected


# (fact text, place, place_level, place_code, township, county, prefecture, province)
RESOLVED_ROWS = [
    # homonyms (four towns are called 甘泉镇) told apart by the divisions named above them
    ("天水市麦积区甘泉镇工作总结\n甘泉镇辖24个行政村。",
     [("24个行政村", "甘泉镇", "township", "620503108", "甘泉镇", "麦积区", "天水市", "甘肃省")]),
    ("甘泉镇工作总结\n甘泉镇辖24个行政村。",
     [("24个行政村", "甘泉镇", "township", None, None, None, None, None)]),
    # a village takes the township the report is about
    ("村情简介\n杨树沟村隶属于麦积区甘泉镇，全村共有农户300户。",
     [("300户", "杨树沟村", "village", None, "甘泉镇", "麦积区", "天水市", "甘肃省")]),
    # a county, a banner, a province's own level
    ("工作汇报\n乌拉特前旗共有嘎查村120个。",
     [("120个", "乌拉特前旗", "county", "150823", None, "乌拉特前旗", "巴彦淖尔市", "内蒙古自治区")]),
    # a masked name: its level by its suffix, no code
    ("工作汇报\n××乡共有农户3200户。", [("3200户", "××乡", "township", None, None, None, None, None)]),
    ("工作汇报\n全市共有农户3200户。", [("3200户", None, None, None, None, None, None, None)]),
    ("灾情报告\nXX地处河谷地带，全镇共有农户3200户。",
     [("3200户", "XX", "township", None, None, None, None, None)]),
]


@pytest.mark.parametrize(("report", "expected"), RESOLVED_ROWS)
def test_places_are_resolved_against_the_official_list(extract_report, report, expected):
    assert [(f.text, f.place, f.place_level, f.place_code, f.township, f.county, f.prefecture, f.province)
            for f in extract_report(report)] == expected
