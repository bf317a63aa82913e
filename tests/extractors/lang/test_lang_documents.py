"""The language of a report's head and end in a compilation: every word list holds its words
once, every regex source reads what it names and not its near misses (invented lines)."""
from __future__ import annotations

import re

import pytest

from extractors.lang import documents as d

WORD_TUPLES = [
    d.OCCASION_PLACES, d.ADDRESSED_BODIES, d.PAGE_LABELS, d.NAME_LABELS, d.OPENING_SECTIONS, d.APPOINTED,
    d.PLACE_VERBS, d.PLACE_BODIES, d.VILLAGE_KINDS, d.CLOSINGS, d.CREDIT_LABELS, d.SIGNING_BODIES,
]


@pytest.mark.parametrize("words", WORD_TUPLES)
def test_a_word_list_has_words_each_once(words):
    assert words and all(words) and len(set(words)) == len(words)


@pytest.mark.parametrize(("source", "matches", "misses"), [
    (d.OCCASION, ["——2022年3月5日在青石镇第十届人民代表大会第二次会议上", "(在全县乡村振兴推进会上的讲话)",
                  "——在白沙乡党员大会上"], ["——开好村民代表大会", "——落实好三项机制:", "在会上,大家发言。"]),
    (d.ADDRESSEE, ["县委、县政府:", "青石乡人民政府:", "镇党委:"], ["各位代表:", "县委、县政府高度重视,"]),
    (d.PAGE_INFO, ["来源:县融媒体中心", "2023-04-06 09:15 来源:新闻网", "发布时间:2022-01-05"],
     ["时间:2021年5月6日", "2023-04-06", "信息来源广泛"]),
    (d.PAGE_ONE, ["第1页共8页", "第 1 页"], ["第12页", "第二页"]),
    (d.FILE_NAME, ["村级项目申报表.docx", "工作总结.pdf"], ["文件.docx已上报。"]),
    (d.PIECE, ["篇一:", "篇二:村委会换届工作总结", "篇3"], ["篇章", "诗篇一首"]),
    (d.PIECE_COUNT, ["防汛工作总结最新 3 篇", "述职报告精选5篇", "换届工作总结篇二"], ["篇章结构", "3篇文章"]),
    (d.PLACE_CARD, ["地名:青石村 | 隶属:白沙镇 |", "中文名称:红旗社区"], ["地名由来:此地多石"]),
    (d.CARD_ROW, ["区划代码:511234 | 邮政编码:610000 |", "行政级别:村 | 车牌代码:川A |"],
     ["项目名称:道路硬化", "全村 | 共有 |"]),
    (d.OPENING_SECTION, ["基本情况", "【简况】 青石镇位于", "东山村基本情况:", "村情概况"],
     ["基本情况很好,", "情况简介了一下"]),
    (d.NEWS_LEAD, ["4月2日,记者从县农业农村局获悉", "5月8日上午9时,", "2023年6月1日下午3点"],
     ["记者了解到,", "4月2日,县里召开会议"]),
    (d.DATE_LEAD, ["2019年,", "2020年3月,", "2021年5月4日,"], ["2019年全镇", "19年,"]),
    (d.APPOINTED_SELF, ["2016年3月,我被县委组织部选派到青石村", "我被任命为驻村第一书记"],
     ["村民说我被感动了", "我们被评为先进"]),
    (d.PLACE_TOPIC, ["青石村位于白沙镇东部", "2018年,红河县在州委的坚强领导下", "【简况】 青石镇位于",
                     "东山村委会位于", "历时两个月,白沙镇辖", "青石村自2015年开展帮扶以来"],
     ["村民位于", "按照县委部署", "青石村,村民说", "另外,张村共有农户300户", "张村面积5平方公里"]),
    (d.CLOSING, ["特此报告。", "以上报告,请予审议。", "谢谢大家!", "此致 敬礼!"],
     ["以上报告中提到的问题还有很多需要解决。", "特此报告县委,全镇共有农户3200户,人口12000人。"]),
    (d.CREDIT, ["(王小红)", "(供稿:县扶贫办)"], ["(一)", "(2021年)", "(在全县大会上的讲话稿全文)"]),
    (d.SIGNATURE, ["青石村村民委员会", "中共白沙镇委员会", "驻村工作队"], ["全村共有村民委员会成员5名。"]),
    (d.SIGNED_DATE, ["2021年12月30日", "二〇二二年一月五日"], ["2021年", "2021年全村"]),
])
def test_a_regex_source_reads_what_it_names(source, matches, misses):
    """Read as the rules read them: from the line's start, but a web page's line, a file
    name and a piece count anywhere (PAGE_INFO, FILE_NAME, PIECE_COUNT)."""
    pattern = re.compile(source)
    read = pattern.search if source in (d.PAGE_INFO, d.FILE_NAME, d.PIECE_COUNT) else pattern.match
    for text in matches:
        assert read(text), text
    for text in misses:
        assert not read(text), text
