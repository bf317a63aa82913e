"""Subject attribution (extractors/subject.py): what each figure of a sentence measures.

Sentences written from the language of work reports, extracted with the pkuseg segmenter;
each row lists (fact text, subject) for every fact of the sentence, in order.
"""
from __future__ import annotations

import pytest


ROWS = [
    # the phrase before the figure, linking words dropped
    ("户籍人口3250人，常住人口2980人。", [("3250人", "户籍人口"), ("2980人", "常住人口")]),
    ("村集体经济收入达到15万元。", [("15万元", "村集体经济收入")]),
    ("现有耕地面积3200亩。", [("3200亩", "耕地面积")]),
    # a verb introducing what is counted is not part of it
    ("全村共有党员46名。", [("46名", "党员")]),
    ("全镇有留守儿童320名、空巢老人410名。", [("320名", "留守儿童"), ("410名", "空巢老人")]),
    # the currency written before the amount
    ("今年争取上级资金人民币50万元。", [("50万元", "争取上级资金")]),
    # villages: the unit noun, after the numeral or before a bare 个
    ("全乡14个村，224个村民小组。", [("14个村", "村"), ("224个村民小组", "村民小组")]),
    ("全镇村民小组86个，行政村共12个。", [("86个", "村民小组"), ("12个", "行政村")]),
    # the phrase after the measure word, not a word of position after it
    ("全乡有27名村支部书记。", [("27名", "村支部书记")]),
    ("海拔在1200至1500米之间。", [("1200至1500米", "海拔")]),
    # a share takes the subject of the group it is a share of, and the base its 占 names
    ("其中女党员12名，占总数的26%。", [("12名", "女党员"), ("26%", "女党员占总数")]),
    # a change: of what the clause is about, never of the verb or the year
    ("村集体经济收入由2020年的3万元增加到2023年的28.5万元。",
     [("3万元", "村集体经济收入"), ("28.5万元", "村集体经济收入")]),
    ("群众满意度由85%提升至96%。", [("85%", "群众满意度"), ("96%", "群众满意度")]),
    ("贫困人口比例由12%下降到2%。", [("12%", "贫困人口比例"), ("2%", "贫困人口比例")]),  # 比例 is no 比
    ("全乡森林覆盖率达到67.3%，比2019年提高5个百分点。",
     [("67.3%", "森林覆盖率"), ("5个百分点", "森林覆盖率提高")]),  # 全|乡: the scope, not the subject
    ("全村人口增加到1500人，耕地减少200亩。", [("1500人", "人口"), ("200亩", "耕地")]),
    # the same group counted again in another unit: its households, then its people
    ("拆迁119户，共338人。", [("119户", "拆迁户数"), ("338人", "拆迁人口")]),
    # a scope word cut in two by the segmenter (我|镇) is no part of the subject
    ("我镇共有企业120家。", [("120家", "企业")]),
    ("我们村有党员20名。", [("20名", "党员")]),
    ("我村参加合作医疗人数1260人。", [("1260人", "参加合作医疗人数")]),
    # a parenthesis closed before the figure glosses the noun before it
    ("全县地区生产总值（GDP）达到120亿元。", [("120亿元", "地区生产总值")]),
    ("全村一般公共预算收入（不含上级补助）达到35万元。", [("35万元", "一般公共预算收入")]),
    ("村集体收入（含租金）总额35万元。", [("35万元", "总额")]),
    # a parenthesis closing before the phrase ends the clause it stood in
    ("李某(男,年老)和王某某(16岁,女)。", [("16岁", "王某某")]),
    # the phrase after an earlier figure does not start at its 的
    ("年出栏100头以上的生猪养殖户56户。", [("100头以上", "生猪养殖户"), ("56户", "生猪养殖户")]),
    # the suffix of a masked or numbered place before the phrase is no part of it
    ("*村有耕地面积*亩。", [("*亩", "耕地面积")]),
    # a + joins the members of a team: the phrase after a figure ends there
    ("组建服务团队(1名网格长+3名专职)。", [("1名", "网格长"), ("3名", "专职人员")]),
    # a one-character noun closing the clause after a measure word; not a verb or dimension after it
    ("全村养有2000余只鸡，新建3座桥。", [("2000余只", "鸡"), ("3座", "桥")]),
    ("廉政文化大院1个设在村委会。", [("1个", "廉政文化大院")]),
    # the rest of a date before the phrase is no part of it
    ("2016年农村人均纯收入3652元。", [("3652元", "农村人均纯收入")]),
    ("2016年底发展特色产业基地2310亩。", [("2310亩", "发展特色产业基地")]),
    ("2020年县财政投入300万元。", [("300万元", "财政投入")]),
    # a kind of village counted with 个; a list going on after the phrase, with 和 or 、
    ("帮扶1个贫困村和1085户贫困户。", [("1个", "贫困村"), ("1085户", "贫困户")]),
    ("今年退出18个贫困村、20个示范村。", [("18个", "贫困村"), ("20个", "示范村")]),
    # a quoted name right before the figure is what it counts
    ("全年召开党员大会12次，“三会一课”48次。", [("12次", "召开党员大会"), ("48次", "三会一课")]),
    ("修订《村规民约》3份。", [("3份", "村规民约")]),
    # a word introducing the figure's noun inside the phrase: what it introduces
    ("下河村共有农户326户，村党支部现有党员36名。", [("326户", "农户"), ("36名", "党员")]),
    # an ASCII full stop after a word ends the sentence; not inside a number
    ("全乡草地面积21000亩.耕地2177.5亩.", [("21000亩", "草地面积"), ("2177.5亩", "耕地")]),
    # households and people after a count of units are not the units: bare, they are 户数 and 人口
    ("全村辖12个村民小组,共612户2325人。", [("12个村民小组", "村民小组"), ("612户", "户数"), ("2325人", "人口")]),
    # a population figure right after a noun of people counts them, not what follows
    ("全镇贫困群众1.56万人外出务工，党员干部200余人不间断值守。", [("1.56万人", "贫困群众"), ("200余人", "党员干部")]),
    ("村两委班子和党员十多名党员干部克服困难。", [("十多名", "党员干部")]),
    # households then people of one group: the people are the group's 人口
    ("其中2016年脱贫98户394人。", [("98户", "脱贫户数"), ("394人", "脱贫人口")]),
    # people and households never take the subject of an area before them
    ("耕地1200亩,有720户, 2518口人。", [("1200亩", "耕地"), ("720户", "户数"), ("2518口人", "人口")]),
    ("其中，白茶种植46户350亩。", [("46户", "白茶种植户数"), ("350亩", "白茶种植")]),
    # 增幅, 新增: the thing is the one the clause before named; 增长率 is a thing of its own
    ("人口自然增长率为2.4‰，另有365户。", [("2.4‰", "人口自然增长率"), ("365户", "户数")]),
    ("人均纯收入达6786元,增幅14%。农民合作社769个,新增6个。",
     [("6786元", "人均纯收入"), ("14%", "人均纯收入增幅"), ("769个", "农民合作社"), ("6个", "农民合作社")]),
    # an amount with no phrase of its own takes the subject of the amount before it
    ("村级集体收入15万元以上的村1个,10~15万元的1个。",
     [("15万元以上", "村级集体收入"), ("1个", "村"), ("10~15万元", "村级集体收入"), ("1个", "村级集体收入")]),
    # 实现 introduces the figure's noun; 突破 links it to the figure
    ("全镇实现农业总产值3.6亿元，村集体经济收入突破50万元。", [("3.6亿元", "农业总产值"), ("50万元", "村集体经济收入")]),
    # a table row (.docx): a tab separates cells, the gap before a figure is no break
    ("村名\t李家村\t耕地面积\t3200亩\t人均纯收入\t12000元\n", [("3200亩", "耕地面积"), ("12000元", "人均纯收入")]),
]


@pytest.mark.parametrize(("sentence", "expected"), ROWS)
def test_subject(extract_report, sentence, expected):
    facts = extract_report("某村工作汇报\n" + sentence)
    assert [(f.text, f.subject) for f in facts] == expected
