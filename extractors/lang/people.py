"""Nouns of people and of households (population and household figures, subjects)."""
from __future__ import annotations

# Nouns of people: a population figure right after one counts them (贫困群众1.56万人外出务工).
PEOPLE_WORDS = ("群众", "干部", "党员", "人员", "农民", "村民", "居民", "人口", "劳动力", "学生", "儿童",
                "老人", "妇女", "青年", "志愿者", "代表", "工人", "职工")
# Nouns of people that may stand for the measure word after Arabic digits: 乡机关21党员.
PEOPLE_AS_MEASURE = ("党员", "干部", "村民", "群众", "农民", "居民", "团员", "青年", "学生", "老人",
                     "儿童", "妇女", "志愿者", "教师", "职工", "工人", "代表")
# Posts counted as people after 个: 24个村党支部书记, 5个村委会主任.
POSTS_COUNTED = ("书记", "主任", "委员")
