"""Splitting compilations into reports (pipelines/split_documents.py)."""
from __future__ import annotations

import time

import pytest
from gold_structure import gold_documents, line_of, sample_text, score_lines
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.split_documents import DocumentSpan, split_documents


def first_lines(text: str) -> list[str]:
    """The first line of every predicted document."""
    return [text[span.start:span.end].split("\n", 1)[0] for span in split_documents(text)]


def assert_tiles(text: str, spans: list[DocumentSpan]) -> None:
    assert spans[0].start == 0
    assert spans[-1].end == len(text)
    for left, right in zip(spans, spans[1:]):
        assert left.end == right.start
        assert left.start < right.start


POVERTY_THEN_DEBRIEF = """\
XX村2020年脱贫攻坚工作总结
2020年是脱贫攻坚决战决胜之年。我村在镇党委、政府的正确领导下,全面完成了各项目标任务。
一、基本情况
全村共有农户326户1024人,其中建档立卡贫困户42户136人。
二、主要做法
(一)强化组织领导。成立了脱贫攻坚领导小组,村党支部书记任组长。
(二)落实帮扶措施。为每户贫困户制定了帮扶计划。
三、下一步打算
一是巩固脱贫成果。二是发展特色产业。
述职报告
尊敬的各位领导、同志们:
本人张三,现任XX村党支部书记。现将一年来的工作情况汇报如下:
一、加强学习,提高素质
我始终把学习放在首位。
二、履职尽责,推动发展
1、抓班子带队伍。坚持民主集中制。
2、抓产业促增收。全年新建大棚20座。
三、廉洁自律
严格遵守廉洁从政各项规定。"""

VILLAGE_PROFILES = """\
东山村村情简介
东山村位于青石镇东部,距镇政府5公里,全村辖6个村民小组,共有农户412户1580人。
村内有耕地2100亩,主要种植水稻和油菜。
西坪村村情简介
西坪村地处山区,全村共有农户238户,人口856人。
近年来,村两委带领群众发展茶叶产业,种植面积达到600亩。"""

# No title lines: the second report is only visible from its salutation.
SALUTATION_OPENS_SECOND = """\
XX村关于人居环境整治的汇报
一、主要做法
清理垃圾300吨。
二、取得成效
村容村貌明显改观。
各位领导、同志们:
我叫李四,是YY村党支部书记。
一、抓学习
二、抓落实"""

# The second report has a slogan title without a genre word; numbering restarts after it.
SLOGAN_TITLES = """\
抓党建促脱贫 谱写乡村振兴新篇章
一、强化组织引领
村党支部坚持每月召开支委会。
二、壮大集体经济
村集体经济收入达到15万元。
凝心聚力建家园 同心共筑小康梦
一、选好带头人
村里选出了一批年轻干部。
二、建强阵地
新建村级活动场所1处。"""

# Reports numbered only (一)(二): the restart comes after an opening paragraph.
PAREN_NUMBERED = """\
(一)强化组织保障
成立了领导小组。
(二)狠抓工作落实
实行周调度。
按照县委组织部的统一部署和要求,我乡扎实开展了软弱涣散村党组织整顿工作,现将有关情况报告如下:
(一)摸底排查
全乡排查出软弱涣散村2个。
(二)精准整顿
逐村制定整顿方案。"""

# An opening paragraph before 一是 after a report that reached 三、.
OPENER_BEFORE_ENUMERATION = """\
一、工作开展情况
全镇共召开会议12次。
二、存在问题
群众参与度不高。
三、下一步工作打算
2021年以来,XX镇高度重视秸秆禁烧工作,层层签订责任书,全面压实工作责任。
一是强化宣传引导。印发宣传单5000份。
二是加强巡查管控。全镇设立巡查点30个。"""

# A change of topic: a '——' heading over a new 一是 list after a report numbered 一、二、.
DASH_TOPIC_CHANGE = """\
一、基本概况
全镇共有19个行政村。
二、存在问题
村级集体经济薄弱,发展后劲不足。
应该说,解决这些问题需要一个过程。
——落实好三项机制:
一是落实好包保责任制。每名干部包保10户。
二是落实好保洁机制。各村配备保洁员。
——开展好两项行动:
一是开展村庄清洁行动。
二是开展垃圾治理行动。"""

PREFACE_FIRST = """\
前言:本书收录了部分村级组织的优秀工作汇报,供大家学习参考。
一、基本情况
全村共有党员45名。
二、主要做法
坚持三会一课制度。"""

# CRLF, full-width indentation and blank lines between reports.
INDENTED_CRLF = "\r\n".join([
    "\u3000\u3000XX镇工作汇报", "\u3000\u3000一、基本情况", "\u3000\u3000全镇辖12个村。",
    "\u3000\u3000二、主要做法", "\u3000\u3000狠抓落实。", "", "",
    "\u3000\u3000YY村工作汇报", "\u3000\u3000一、村情概况", "\u3000\u3000全村1200人。"])

# No title at all: the second report shows only as numbering restarting at 一、 after 三、.
RESTART_WITHOUT_TITLE = """\
一、基本情况
全村共有党员45名。
二、主要做法
坚持三会一课制度。
三、取得成效
深入开展“希望之星”活动,截止到目前共结成帮扶对子21对。
一、城乡结合部发展概况
全镇共有19个行政村,224个村民小组。
二、存在的问题
动迁难度大。"""

# The opening paragraph names the new village before its numbering restarts.
OPENER_BEFORE_RESTART = """\
一、加强党建工作
发展预备党员2名。
二、发展集体经济
成立了木业加工合作社。
三、工作计划
刘家沟村是八里台镇所辖的15个行政村之一,全村共有青年632人。
一、充分发挥团支部作用
举办乒乓球友谊赛。
二、搭建就业平台
举办创业培训班。"""

# Two reports with the same generic title are still two reports.
SAME_TITLE_TWICE = """\
工作汇报
一、基本情况
全村共有农户200户。
二、主要做法
强化领导。
工作汇报
一、基本情况
全村共有农户150户。
二、主要做法
狠抓落实。"""


SPACED_TITLE_BYLINE = """\
青山村工作汇报
一、基本情况
全村有农户300户。
二、主要成效
新修道路5公里。
政 府 工 作 报 告
2021年3月2日  李明
(在红河乡第六届人民代表大会第一次会议上)
各位代表:
现在,我代表乡人民政府向大会作工作报告。
"""
PLACE_TITLE = """\
白石镇2021年工作总结
一、经济发展
全镇完成生产总值8亿元。
二、民生保障
新增就业300人。

莲塘镇石柱村
石柱村委会位于莲塘镇南部,全村辖6个自然村。
"""


@pytest.mark.parametrize(("text", "expected"), [
    # a time lead-in and another place as subject, after prose broken off mid-sentence
    pytest.param("今年,我乡先后荣获省级文明乡镇、县级先进集体等荣誉,第一季度被县委县政府评为乡村振兴考核\n"
                 "历时三个月,白沙镇12个村党组织顺利完成换届。新一届班子平均年龄下降3岁。",
                 ["今年,我乡", "历时三个月"], id="time-lead-in-after-break"),
    # an opening paragraph on a place of its own right before item 1 of a report's first section
    pytest.param("今年春节期间,驻村工作队走访了全部农户。\n队员们帮助困难群众解决实际问题。\n群众纷纷点赞。\n"
                 "按照县委的统一部署,青石村把换届选举作为开年的首要工作。\n一、基本情况\n全村共有党员56名。",
                 ["今年春节期间", "按照县委"], id="directive-opener-before-first-section"),
    # a first section holding another report's place as topic
    pytest.param("全乡完成换届选举工作。\n新当选村干部平均年龄42岁。\n(二)村委会换届情况:\n新班子团结有力。\n"
                 "【简况】 白沙镇位于县境北部,辖7个社区。", ["全乡完成", "【简况】"], id="opening-section-with-topic"),
    # a village introduced with the town it lies in, after a report that never named its place
    pytest.param("我镇全力做好疫情防控。\n一、防控措施\n全镇设立卡口20个。\n二、消毒工作\n每天消毒两次。\n"
                 "东山村委会位于白沙镇南部,全村辖6个自然村。", ["我镇全力", "东山村委会"], id="village-of-a-named-town"),
])
def test_second_round_openings(text: str, expected: list[str]) -> None:
    assert [line[:len(head)] for line, head in zip(first_lines(text), expected)] == expected
    assert len(split_documents(text)) == len(expected)


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(POVERTY_THEN_DEBRIEF, ["XX村2020年脱贫攻坚工作总结", "述职报告"],
                 id="poverty-report-then-debrief"),
    pytest.param(VILLAGE_PROFILES, ["东山村村情简介", "西坪村村情简介"], id="village-profiles"),
    pytest.param(SALUTATION_OPENS_SECOND, ["XX村关于人居环境整治的汇报", "各位领导、同志们:"],
                 id="salutation-opens-report"),
    pytest.param(SLOGAN_TITLES, ["抓党建促脱贫 谱写乡村振兴新篇章", "凝心聚力建家园 同心共筑小康梦"],
                 id="slogan-titles"),
    pytest.param(PAREN_NUMBERED, ["(一)强化组织保障", PAREN_NUMBERED.split("\n")[4]],
                 id="paren-numbering-restarts-after-opener"),
    pytest.param(OPENER_BEFORE_ENUMERATION,
                 ["一、工作开展情况", OPENER_BEFORE_ENUMERATION.split("\n")[5]],
                 id="opener-before-enumeration"),
    pytest.param(DASH_TOPIC_CHANGE, ["一、基本概况", "——落实好三项机制:"], id="dash-topic-change"),
    pytest.param(PREFACE_FIRST, [PREFACE_FIRST.split("\n")[0], "一、基本情况"], id="preface"),
    pytest.param(INDENTED_CRLF, ["\u3000\u3000XX镇工作汇报\r", "\u3000\u3000YY村工作汇报\r"],
                 id="crlf-indented-blank-lines"),
    pytest.param(SAME_TITLE_TWICE, ["工作汇报", "工作汇报"], id="same-title-twice"),
    pytest.param(RESTART_WITHOUT_TITLE, ["一、基本情况", "一、城乡结合部发展概况"],
                 id="top-numbering-restarts"),
    # a letter-spaced title with its byline and salutation is one report's front matter
    pytest.param(SPACED_TITLE_BYLINE, ["青山村工作汇报", "政 府 工 作 报 告"], id="spaced-title-byline"),
    pytest.param(PLACE_TITLE, ["白石镇2021年工作总结", "莲塘镇石柱村"], id="place-title-line"),
    pytest.param(OPENER_BEFORE_RESTART, ["一、加强党建工作", OPENER_BEFORE_RESTART.split("\n")[5]],
                 id="opener-before-restart"),
])
def test_compilation_splits_at_report_openings(text: str, expected: list[str]) -> None:
    assert first_lines(text) == expected
    assert_tiles(text, split_documents(text))


SINGLE_WITH_PARTS = """\
关于青石镇2021年工作总结和2022年工作计划的报告
2021年,在县委、县政府的坚强领导下,我镇经济社会发展取得了新成效。
2021年工作总结
一、经济发展稳中有进
全年完成地区生产总值12.5亿元。
二、乡村振兴扎实推进
新建高标准农田3000亩。
2022年工作计划
2022年,我镇将坚持稳中求进工作总基调。
一、聚焦产业发展
力争引进项目5个。
二、聚焦基层治理
完善网格化管理。"""

UNNUMBERED_PARTS_RESTART = """\
各位领导、团员、同志们:
下午好!
过去三年的工作回顾
一、抓组织建设
发展团员3名。
二、抓志愿服务
开展义诊活动2次。
今后三年的工作打算
一、继续抓好组织建设
二、继续抓好志愿服务"""

BOOK_PARTS = """\
第一部分 2021年工作回顾
一、经济运行平稳
全年财政收入增长8%。
二、项目建设提速
第二部分 2022年工作安排
一、抓项目
二、抓民生"""

SUBSECTIONS_RESTART = """\
XX村党支部工作汇报
尊敬的各位领导:
下面,我代表村党支部作工作汇报。
一、主要做法
1、抓学习。每月组织集中学习。
2、抓制度。完善三会一课制度。
二、取得成效
1、班子更团结。
2、群众更满意。
近年来,我村在镇党委的领导下,取得了以下成效:
1、集体经济不断壮大。
2、人居环境明显改善。
三、存在问题
一是资金不足。二是人才缺乏。
四、下一步打算
——强化组织领导。我们将成立工作专班,由书记任组长。
——完善工作机制。建立周调度、月通报制度。"""

DEBRIEF_WITH_I_AM = """\
述职报告
各位领导、同志们:
本人王五,2018年起任村委会主任。现将三年来的履职情况报告如下:
一、思想政治方面
本人始终坚持学习党的理论,不断提高政治站位。
二、工作业绩方面
本人带领村两委完成了道路硬化8公里。
我是一名共产党员,始终牢记入党誓言。
三、廉洁自律方面
本人严格遵守各项纪律规定。"""


@pytest.mark.parametrize("text", [
    pytest.param(SINGLE_WITH_PARTS, id="title-announces-both-parts"),
    pytest.param(UNNUMBERED_PARTS_RESTART, id="unnumbered-parts-restart-numbering"),
    pytest.param(BOOK_PARTS, id="第一部分-restarts-一、"),
    pytest.param(SUBSECTIONS_RESTART, id="subsections-restart-and-dash-items"),
    pytest.param(DEBRIEF_WITH_I_AM, id="我是-without-a-post"),
    pytest.param("", id="empty"),
    pytest.param("村集体经济收入达到15万元。", id="one-line"),
    pytest.param("\n\n  \n", id="blank-lines"),
])
def test_single_report_stays_one_document(text: str) -> None:
    spans = split_documents(text)
    assert len(spans) == 1
    assert (spans[0].start, spans[0].end) == (0, len(text))


@pytest.mark.parametrize(("text", "title"), [
    ("XX村2020年脱贫攻坚工作总结\n一、基本情况\n全村326户。", "XX村2020年脱贫攻坚工作总结"),
    ("各位领导:\n一、基本情况\n全村326户。", "基本情况"),
    ("全村共有农户326户。\n人口1024人。", "全村共有农户326户。"),
    ("村" * 100, "村" * 59 + "…"),
    ("", ""),
])
def test_title_is_first_heading_or_first_line(text: str, title: str) -> None:
    assert split_documents(text)[0].title == title


def test_titles_follow_each_document() -> None:
    titles = [span.title for span in split_documents(POVERTY_THEN_DEBRIEF)]
    assert titles == ["XX村2020年脱贫攻坚工作总结", "述职报告"]


_ALPHABET = list("一二三四五六七八九十是第、.()（）①:：,，。!——\n\r \u3000村镇年以来按照要求汇报我是前言12") + [
    "\n一、", "\n(一)", "\n1.", "\n一是", "\n——", "\n各位领导、同志们:\n", "\n工作汇报\n", "\n近年来,"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=60).map("".join))
def test_any_text_is_tiled(text: str) -> None:
    spans = split_documents(text)
    assert_tiles(text, spans)
    assert all(len(span.title) <= 60 for span in spans)
    # Every document starts at the beginning of a line.
    assert all(span.start == 0 or text[span.start - 1] == "\n" for span in spans)


def test_huge_single_line_is_one_document_quickly() -> None:
    text = "一、" + "村集体经济收入达到15万元," * 1_500_000   # about 21 MB, no newline
    began = time.perf_counter()
    spans = split_documents(text)
    assert time.perf_counter() - began < 5
    assert [(s.start, s.end) for s in spans] == [(0, len(text))]
    assert len(spans[0].title) <= 60


def test_dev_gold_boundaries() -> None:
    text = sample_text()
    gold = [row["line"] for row in gold_documents()]
    predicted = [line_of(text, span.start) for span in split_documents(text)]
    score = score_lines(gold, predicted)
    assert score.f1 >= 0.95, (score.missed_lines, score.extra_lines)


def test_dev_gold_each_report_alone_stays_one_document() -> None:
    text = sample_text()
    starts = [row["start"] for row in gold_documents()] + [len(text)]
    for doc, (start, end) in enumerate(zip(starts, starts[1:])):
        assert len(split_documents(text[start:end])) == 1, doc


# --- compilations of reports that open in different ways (invented) ----------------------------
# Each report: (text, its first line once its title line is dropped, or None when it has none).
VILLAGE_PROFILE = ("青石村位于白沙镇东部,距镇政府5公里,全村辖6个村民小组,共有农户412户1580人。\n"
                   "村内有耕地2100亩,主要种植水稻和油菜。\n"
                   "近年来,村两委带领群众发展茶叶产业,种植面积达到600亩。", None)
NEIGHBOUR_PROFILE = ("东山村地处青石镇西部,全村共有农户238户,人口856人。\n"
                     "全村有耕地900亩,以种植玉米为主。", None)
GOVERNMENT_REPORT = ("政府工作报告\n"
                     "——2022年3月5日在红河乡第十届人民代表大会第二次会议上\n"
                     "红河乡乡长  李明\n"
                     "各位代表:\n"
                     "现在,我代表乡人民政府向大会作工作报告,请予审议。\n"
                     "一、2021年工作回顾\n"
                     "2021年,全乡完成生产总值8亿元。\n"
                     "二、2022年工作安排\n"
                     "坚持稳中求进工作总基调。", "——2022年3月5日在红河乡第十届人民代表大会第二次会议上")
NEWS_ARTICLE = ("白沙镇多措并举抓好春耕生产\n"
                "2023-04-06 09:15 来源:县融媒体中心\n"
                "4月2日,记者从白沙镇获悉,全镇春播面积已达1.2万亩。\n"
                "镇农技站组织技术人员深入田间地头指导农户。", "2023-04-06 09:15 来源:县融媒体中心")
FLOOD_REPORT = ("关于青石镇“7·15”洪灾情况的报告\n"
                "县委、县政府:\n"
                "7月15日,我镇遭受强降雨袭击,全镇12个村受灾。\n"
                "一、灾情\n"
                "倒塌房屋26间,农作物受灾面积3000亩。\n"
                "二、措施\n"
                "转移群众860人。\n"
                "特此报告。\n"
                "青石镇人民政府\n"
                "2023年7月16日", "县委、县政府:")
DEBRIEF = ("驻村帮扶工作总结\n"
           "2016年3月,我被县委组织部选派到东山村任第一书记。\n"
           "初到东山村,我走村入户,了解村情民意。\n"
           "两年来,全村新修道路8公里,建成蔬菜大棚40座。", "2016年3月,我被县委组织部选派到东山村任第一书记。")
ARTICLE_WITH_CREDIT = ("5月4日,记者从县委组织部获悉,全县今年新发展党员120名,其中35岁以下的占60%。\n(王小红)", None)
SPEECH_TO_FELLOWS = ("尊敬的各位乡友:\n白沙镇今年汛期防汛抗灾工作情况汇报如下。\n一、组织有力。镇里成立了防汛指挥部。", None)
YEAR_OPENING = ("2021年,青石乡团结带领全乡干部群众,奋力推动乡村振兴。\n"
                "一是产业发展迈上新台阶。新建茶园800亩。", None)

REPORTS = [VILLAGE_PROFILE, NEIGHBOUR_PROFILE, GOVERNMENT_REPORT, NEWS_ARTICLE, FLOOD_REPORT, DEBRIEF,
           ARTICLE_WITH_CREDIT, YEAR_OPENING, SPEECH_TO_FELLOWS]


def compiled(separator: str, titled: bool) -> tuple[str, list[str]]:
    """The reports pasted together, and the first line of each."""
    bodies = [text if titled or untitled is None else text[text.index(untitled):] for text, untitled in REPORTS]
    return separator.join(bodies), [body.split("\n", 1)[0] for body in bodies]


@pytest.mark.parametrize("separator", ["\n", "\n\n"], ids=["run-in", "blank-line"])
@pytest.mark.parametrize("titled", [True, False], ids=["titled", "untitled"])
def test_reports_pasted_together_are_told_apart(separator: str, titled: bool) -> None:
    text, openings = compiled(separator, titled)
    assert first_lines(text) == openings
    assert_tiles(text, split_documents(text))


@pytest.mark.parametrize("report", REPORTS, ids=[r[0][:8] for r in REPORTS])
def test_each_pasted_report_alone_is_one_document(report: tuple[str, str | None]) -> None:
    assert len(split_documents(report[0])) == 1


@pytest.mark.parametrize("text", [
    # a township report's paragraphs on its villages (places below its own)
    pytest.param("白沙镇2022年工作总结\n2022年,白沙镇在县委的坚强领导下,各项工作取得新成效。\n一、村级发展\n"
                 "青石村位于镇东部,今年新修道路3公里。\n东山村地处镇西部,建成茶园500亩。\n二、下一步打算\n继续抓好产业发展。",
                 id="villages-of-a-township"),
    # another village of the same level, named for what it has, not introduced
    pytest.param("青石村工作汇报\n青石村位于白沙镇东部,全村共有农户412户。\n另外,东山村共有农户238户,与我村结成帮扶对子。",
                 id="neighbour-village-named"),
    # a meeting record's lines after its prose
    pytest.param("村民代表会议记录\n为做好村务公开工作,村两委召开村民代表会议。\n时间:2023年5月6日\n"
                 "地点:村委会会议室\n参加人员:村民代表25人\n会议通过了道路硬化项目实施方案。", id="meeting-record"),
    # a closing line, the signature, its date and an attachment stay with the report
    pytest.param("关于申请道路硬化资金的请示\n镇人民政府:\n我村通组道路长3公里,群众出行困难。\n特此请示。\n"
                 "青石村村民委员会\n2023年3月1日\n附件:道路硬化预算表", id="signature-after-closing"),
    # a web page's heading counting its pieces, then the piece's title
    pytest.param("2023年乡镇防汛工作总结最新 3 篇\n乡镇防汛工作总结\n今年以来,我乡高度重视防汛工作。\n"
                 "一是压实责任。二是排查隐患。", id="web-heading-then-title"),
    pytest.param("村委会换届选举工作总结\n篇一:村委会换届选举工作总结\n村委会换届选举工作总结\n按照县委部署,"
                 "我乡完成了换届选举。", id="piece-number-between-titles"),
    # a cover page's fields before the title proper
    pytest.param("青石村特色种植项目申报\n项目类别:种植养殖类\n申报单位:青石村村民委员会\n青石县财政扶贫资金项目申报书\n"
                 "一、项目概要\n项目总投资50万元。", id="cover-fields"),
    # the report's own place named again
    pytest.param("东山村\n东山村位于青石镇西部,全村共有农户238户。\n基本信息\n东山村东山村\n全村有耕地900亩。",
                 id="own-place-again"),
    pytest.param("东山村\n东山村位于青石镇西部,全村共有农户238户。\n地名:东山村 | 隶属:青石镇 |\n全村有耕地900亩。",
                 id="own-place-card"),
    # an opening paragraph of the section headed just before, over an item-1 list
    pytest.param("青石县脱贫攻坚工作汇报\n一、基本情况\n全县辖10个乡镇。\n二、工作开展情况\n"
                 "自精准扶贫工作开展以来,我们认真落实各项政策。\n一是落实责任。\n二是精准施策。",
                 id="opener-of-a-section"),
    # a blank line inside a report, before no opening
    pytest.param("青石村工作汇报\n全村共有农户200户。\n村两委班子团结。\n群众满意度高。\n\n"
                 "同时,村里还建成了文化广场。", id="blank-line-before-no-opening"),
    # a blank line before the report's own first section, after its opening paragraphs
    pytest.param("青石村工作汇报\n尊敬的各位领导:\n近年来,我村在镇党委的领导下,各项工作取得新进展。\n全村上下团结一心。\n"
                 "现将有关情况汇报如下:\n\n一、基本情况\n全村共有农户326户。\n二、主要做法\n强化组织领导。",
                 id="blank-line-before-own-first-section"),
    pytest.param("青石村工作汇报\n近年来,我村各项工作取得新进展。\n全村上下团结一心。\n村两委班子坚强有力。\n\n"
                 "基本情况\n全村共有农户326户。\n主要做法\n强化组织领导。", id="blank-line-before-own-unnumbered-section"),
    # opening paragraphs, then the one leading in to the report's first section
    pytest.param("青石村工作汇报\n尊敬的各位领导:\n首先,我代表村两委欢迎各位领导莅临指导。\n近年来,我村发展很快,群众收入稳步增长。\n"
                 "全村上下团结一心,干事创业氛围浓厚。\n按照镇党委的要求,现将有关情况汇报如下:\n一、基本情况\n全村共有农户326户。",
                 id="lead-in-to-own-first-section"),
    # a township report's paragraph on its own village, named with the town
    pytest.param("白沙镇2022年工作总结\n全镇完成生产总值8亿元。\n新增就业300人。\n建成道路20公里。\n"
                 "东山村位于白沙镇南部,今年建成茶园500亩。", id="own-village-with-its-town"),
    # a village named earlier in the report, then introduced
    pytest.param("工作汇报\n2022年,东山村被评为示范村。\n全村有党员40名。\n群众满意度高。\n基本介绍:\n"
                 "东山村位于荣县白沙镇东部,全村共有农户300户。", id="village-named-before-profile"),
    # a village report's directive paragraph naming the county it follows
    pytest.param("青石村工作汇报\n近年来,我村各项工作取得新进展。\n全村上下团结一心。\n村两委班子坚强有力。\n"
                 "按照白沙县委的统一部署,我村扎实开展人居环境整治。\n一、主要做法\n强化组织领导。",
                 id="directive-of-a-higher-place"),
    # its own opening section with its own place
    pytest.param("青石村工作汇报\n近年来,我村各项工作取得新进展。\n全村上下团结一心。\n村两委班子坚强有力。\n"
                 "基本情况:青石村位于白沙镇东部,全村共有农户326户。", id="own-opening-section"),
    # a news article's later paragraph naming the reporter
    pytest.param("白沙镇多措并举抓好春耕生产\n4月2日,记者从白沙镇获悉,全镇春播面积已达1.2万亩。\n"
                 "记者了解到,镇农技站组织技术人员深入田间地头指导农户。", id="reporter-again"),
])
def test_single_report_with_report_like_lines_stays_one(text: str) -> None:
    assert first_lines(text) == [text.split("\n", 1)[0]]
