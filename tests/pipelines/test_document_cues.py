"""What one line says about where a report begins or ends (pipelines/document_cues.py):
invented lines, each with its near misses."""
from __future__ import annotations

import pytest

from pipelines.document_cues import HeadCue, Place, ends_report, head_cue, is_news_lead, places_named, subject_place, topic_place


@pytest.mark.parametrize(("head", "cue"), [
    ("——2022年3月5日在青石镇第十届人民代表大会第二次会议上", HeadCue.OCCASION),
    ("(在全县乡村振兴推进会上的讲话)", HeadCue.OCCASION),
    ("县委、县政府:", HeadCue.ADDRESSEE),
    ("白沙乡人民政府:", HeadCue.ADDRESSEE),
    ("2023-04-06 09:15 来源:县融媒体中心", HeadCue.PAGE_INFO),
    ("更新时间:2022-05 来源:网友投稿", HeadCue.PAGE_INFO),
    ("第1页共8页青石村脱贫攻坚工作总结", HeadCue.PAGE_ONE),
    ("村级公益事业项目申报表.docx", HeadCue.FILE_NAME),
    ("篇二:村民委员会换届选举工作总结", HeadCue.PIECE),
    ("地名:青石村 | 隶属:白沙镇 |", HeadCue.PLACE_CARD),
    ("区划代码:511234 | 邮政编码:610000 |", HeadCue.PLACE_CARD),
    ("区划代码    :511234 | 邮政编码  :610000 |", HeadCue.PLACE_CARD),   # labels padded to a column
    # not a report's head
    ("——落实好三项机制:", None),
    ("——开好村民代表大会", None),
    ("各位代表:", None),
    ("时间:2021年5月6日", None),              # a meeting record's line
    ("地点:村委会会议室", None),
    ("第12页", None),
    ("项目名称:村道硬化", None),
    ("县委、县政府高度重视此项工作,多次召开专题会议。", None),
])
def test_head_cue(head: str, cue: HeadCue | None) -> None:
    assert head_cue(head) is cue


@pytest.mark.parametrize(("head", "previous", "ends"), [
    ("特此报告。", "全体村民一致通过。", True),
    ("以上汇报,不妥之处请批评指正。", "", True),
    ("谢谢大家!", "", True),
    ("(王小红)", "全年共发展党员12名。", True),
    ("(供稿:县扶贫办)", "", True),
    ("2021年12月30日", "青石村村民委员会", True),      # a signature's date
    # no end
    ("2021年12月30日", "一、基本情况", False),           # a date heading, no signature above it
    ("(一)", "", False),
    ("(草案征求意见稿)", "", False),
    ("以上报告中提到的问题还需要逐步解决。", "", False),
])
def test_ends_report(head: str, previous: str, ends: bool) -> None:
    assert ends_report(head, previous) is ends


@pytest.mark.parametrize(("head", "lead"), [
    ("4月2日,记者从县农业农村局获悉,全县春播已完成八成。", True),
    ("5月8日上午9时,白沙镇青石村的道路上车来车往。", True),
    ("记者了解到,今年全县新建大棚300座。", False),        # inside an article
    ("4月2日,县里召开春耕动员会。", False),
])
def test_is_news_lead(head: str, lead: bool) -> None:
    assert is_news_lead(head) is lead


@pytest.mark.parametrize(("text", "names"), [
    ("红河州金平县青石镇东山村", ["红河州金平县", "青石镇", "东山村"]),
    ("东与白沙镇相邻", ["白沙镇"]),
    ("XX村地处白沙镇北部", ["XX村", "白沙镇"]),
    ("全村共有农户", []),                  # self-reference, no name
    ("农村人居环境整治", []),              # a word ending in a suffix
    ("村民代表和镇干部", []),             # 村民, 镇干部: the suffix starts a word
    ("建设社会主义新农村", []),            # a kind of place, no name
    ("乡镇干部", []),
])
def test_places_named(text: str, names: list[str]) -> None:
    assert [place.name for place in places_named(text)] == names


@pytest.mark.parametrize(("head", "topic"), [
    ("青石村位于白沙镇东部,距镇政府5公里。", Place("青石村", 4)),
    ("2018年,红河县在州委、州政府的坚强领导下,脱贫攻坚取得新成效。", Place("红河县", 2)),
    ("【简况】 白沙镇位于县境北部,面积120平方公里。", Place("白沙镇", 3)),
    ("东山村委会位于青石镇南部。", Place("东山村", 4)),
    ("红河州金平县青石镇辖12个行政村。", Place("青石镇", 3)),
    ("青石村自2015年开展精准扶贫以来,面貌焕然一新。", Place("青石村", 4)),
    ("小河自然村隶属于白沙乡青石行政村。", Place("小河自然村", 4)),   # a village with its kind
    ("XX村自2014年开展脱贫攻坚以来,村容村貌明显改善。", Place("XX村", 4)),     # a masked name
    # no place as topic
    ("全村位于山区,交通不便。", None),
    ("该镇地处平原。", None),
    ("村民代表大会位于议事首位。", None),
    ("按照县委部署,青石村开展人居环境整治。", None),
    ("另外,东山村共有农户300户。", None),          # said of a neighbour, not introduced
])
def test_topic_place(head: str, topic: Place | None) -> None:
    assert topic_place(head) == topic


@pytest.mark.parametrize(("head", "subject"), [
    ("历时三个月,白沙镇12个村完成换届。", Place("白沙镇", 3)),
    ("2022年,青石村新修道路3公里。", Place("青石村", 4)),
    # no place opens the first clause
    ("历时三个月,全镇12个村完成换届。", None),
    ("今年以来,我们在白沙镇党委领导下开展工作。", None),
])
def test_subject_place(head: str, subject: Place | None) -> None:
    assert subject_place(head) == subject
