"""Place names: the suffixes that end them, the level each suffix names, self-reference.

A report names places by suffix (五沙村, 八里台镇, 青浦区, 兴旺社区, 巴彦苏木). Levels run
from the province down to the village; `RANK` orders the suffixes place attribution knows
(higher is more specific).
"""
from __future__ import annotations

from extractors.lang.wordlists import load

# The level a place has when it is no division of the list (a village, a masked name).
VILLAGE_LEVEL = "village"
# suffix → level (the levels of the official division list, village below township).
LEVELS = {
    "省": "province",
    "市": "prefecture",
    "县": "county", "区": "county",
    "镇": "township", "乡": "township", "街道": "township", "苏木": "township",
    "村": VILLAGE_LEVEL, "社区": VILLAGE_LEVEL, "嘎查": VILLAGE_LEVEL, "行政村": VILLAGE_LEVEL, "自然村": VILLAGE_LEVEL,
}
# The levels of the official division list (its level 1 to 4), and the suffixes each level's
# names end in, longest first; an autonomous division's name carries its peoples before the
# suffix (查甫藏族乡, 镇宁布依族苗族自治县, 伊犁哈萨克自治州).
OFFICIAL_LEVELS = ("province", "prefecture", "county", "township")
OFFICIAL_SUFFIXES = {
    "province": ("特别行政区", "自治区", "省", "市"),
    "prefecture": ("自治州", "地区", "市", "盟"),
    "county": ("自治县", "自治旗", "特区", "林区", "县", "区", "市", "旗"),
    "township": ("民族乡", "民族苏木", "街道", "苏木", "镇", "乡"),
}
# How a report shortens an autonomous suffix once the peoples are left out (镇宁县, 甘孜州).
SHORT_AUTONOMOUS = {"自治县": "县", "自治旗": "旗", "自治州": "州", "民族乡": "乡", "民族苏木": "苏木"}
# A 街道 is written 街 too (市桥街团结带领全街干部群众).
SHORT_SUBDISTRICT = ("街道", "街")
ETHNIC_GROUPS = load("ethnic_groups")
# Suffixes that end a name only when the official list has it (乌拉特前旗, 甘孜州, 锡林郭勒盟,
# 市桥街): alone they end common words (红旗, 神州, 联盟, 大街).
LISTED_ONLY_SUFFIXES = {"旗": "county", "州": "prefecture", "盟": "prefecture", "街": "township"}
# Levels, most specific highest.
LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2, "township": 3, VILLAGE_LEVEL: 4}
# The suffixes place attribution names places by, most specific highest (a province is
# never a fact's place in these reports: 省 is no suffix there).
RANK = {suffix: LEVEL_RANK[level] for suffix, level in LEVELS.items() if suffix != "省"}
# Suffixes that name a kind of the place a plain suffix names: 全村 speaks of a 自然村 too.
PLAIN_SUFFIX = {"行政村": "村", "自然村": "村"}
# Suffixes of two characters or more (苏木 and 嘎查: Inner Mongolia's townships and villages;
# 小楼自然村, 凤仪行政村), which pkuseg cuts as words of their own.
LONG_SUFFIXES = ("行政村", "自然村", "街道", "社区", "苏木", "嘎查")
# The one-character suffixes of RANK, and with 省 every one-character level.
_ONE_CHARACTER = "".join(s for s in RANK if len(s) == 1)
SUFFIX_CHARS = frozenset(_ONE_CHARACTER)
LEVEL_CHARS = frozenset(s for s in LEVELS if len(s) == 1)
SUFFIX_SOURCE = f"(?:{'|'.join(LONG_SUFFIXES)}|[{_ONE_CHARACTER}])"
# Words a report speaks of its own place with: 全村, 我镇, 本乡, 该县.
SELF_REFERENCE_HEADS = "全我本该"
# Of them, those a speaker names its own place with (我镇, 本村): they outweigh 全县, 全市,
# which a town's report may say of the county or city.
OWN_REFERENCE_HEADS = "我本"
# Listed-only suffixes a report speaks of itself with (全旗, 我旗, 全街).
SELF_REFERENCE_LISTED = ("旗", "街")
# Characters after a one-character suffix that make it start a common word instead
# (村民, 乡镇, 市场, 区域 …): the suffix ends no name there.
SUFFIX_STARTS_WORD = {
    "村": "民干级务组庄里内集规风貌容情医小",
    "镇": "村政党区长委级内域里",
    "乡": "镇村亲土贤政党长委级里愁间",
    "县": "城委级政长域里直财区",
    "区": "域委级政长别分位间",
    "市": "场民委级政长区县容值直",
}
# Words that a place suffix may follow without making a name (研究|村…, 所有|村), kinds of
# place that are no names (示范村, 贫困县), and two-character words ending in a suffix that
# name no place (农村, 城镇).
NOT_A_NAME_BODY = frozenset(load("not_a_name_body"))
KINDS_OF_PLACE = frozenset(load("kinds_of_place"))
COMMON_PLACE_WORDS = frozenset(load("common_place_words"))
# Characters a name does not start with (determiners, particles, measure words), and those
# it does not contain.
NOT_A_NAME_HEAD = frozenset("全我本该各每此邻外其贵兄某原个等")
NAME_NOISE = frozenset("该这那其每各一届个的了和与及在对以因由")
# A word ending in one of these stops a name read backwards from its suffix (进|村, 到|镇).
NAME_STOP = frozenset("了在到进入驻包出回下为对和与及的是从向把被给让使将各每全我本该此其这那")
# After a count of units, "one of them": the figure places what the sentence is about
# (刘家沟村是八里台镇所辖的15个行政村之一), not the place that has them.
ONE_OF = "之一"
# A body ending in a word of number is a count of places, no name (产生两村党支部书记, 庙岗集两村).
COUNT_BODY_ENDS = "两几数"
# 起任村党支部书记, 当选镇长: a verb taking office before a post is no name body.
TAKES_OFFICE = ("任", "当选", "选为", "成为", "作为")
POSTS = ("党支部", "党总支", "党委", "支部", "支书", "两委", "委员", "委会", "主任", "书记", "会计", "文书", "监委",
         "干部", "长")
# What a clause says of a place right after its name (段村位于…, 张村共有…).
NAME_CUES = ("位于", "地处", "坐落", "地处", "辖", "下辖", "共有", "现有", "有", "是", "村委", "党支部", "党总支", "两委",
             "全村", "总人口", "总面积")
# Verbs of a slogan whose goal is a kind of place (打造生态花园镇, 争创全国文明镇, 建设成美丽乡村).
SLOGAN_VERBS = ("打造成", "打造", "争创", "创建", "建设成", "建成")
# Verbs a report places its place with (石桥村位于…, XXX地处…, 小楼自然村隶属于…).
PLACING_CUES = ("位于", "地处", "坐落", "隶属", "地属")
# A neighbour (南邻梓桐村, 西与梓桐村搭界, 距木塔乡12公里, 由A镇搬迁) is named, not reported on.
NEIGHBOUR_BEFORE = ("邻", "距", "距离", "离", "由")
NEIGHBOUR_DIRECTIONS = "东南西北"
NEIGHBOUR_DIRECTION_VERBS = "连接靠抵"
NEIGHBOUR_AFTER = ("相邻", "接壤", "交界", "搭界", "毗邻", "为邻", "相连", "相望")
