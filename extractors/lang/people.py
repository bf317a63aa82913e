"""Nouns of people (population figures and their subjects)."""
from __future__ import annotations

# Nouns of people: a population figure right after one counts them (贫困群众1.56万人外出务工),
# one may stand for the measure word after Arabic digits (乡机关21党员), and one after 个
# makes the count a population (24个村党支部书记, 3个贫困学生).
PEOPLE_NOUNS = ("群众", "干部", "党员", "团员", "人员", "农民", "村民", "居民", "人口", "劳动力", "学生", "儿童",
                "老人", "妇女", "青年", "志愿者", "代表", "教师", "工人", "职工")
# Posts counted as people after 个: 24个村党支部书记, 5个村委会主任.
POSTS_COUNTED = ("书记", "主任", "委员")
# Last characters of nouns of people not listed above (选民, 成员, 嘎查长, 人士, 教师):
# a phrase ending in one names people, else it only qualifies them (男, 女, 35岁以下的, 连选连任).
PEOPLE_HEAD_CHARS = "人员民众工生士师长者童"
