"""Punctuation of report text: what ends a sentence or a clause, quotes, brackets, spaces.

Full- and half-width forms stand together: web copies, OCR and typed text mix them.
`char_class` builds a regex character class from these parts, so that a rule's class
names what it is made of.
"""
from __future__ import annotations

# Ends a sentence: 。 and ! ? ; in both widths.
SENTENCE_FINAL = "。!?;！？；"
COMMAS = ",，"
COLONS = ":："
LIST_COMMA = "、"  # between the items of a list
OPEN_BRACKETS = "(（"
CLOSE_BRACKETS = ")）"
OPEN_QUOTES = "“\"《「『‘"
CLOSE_QUOTES = "”\"》」』’"
ELLIPSIS = "…"
# Blanks inside a line: a space, a tab (a .docx table cell), no-break and ideographic spaces.
SPACES = " \t\u00a0\u3000"
SPACE_CLASS = "[ \t\u00a0\u3000]"
# An ASCII full stop after a word, not inside a number or an abbreviation (OCR and typed
# text: 面积21000亩.下辖6个村).
ASCII_STOP = r"(?<![0-9０-９A-Za-z.])\.(?![0-9])"
# What ends a clause right after a figure or phrase: punctuation, a closing bracket, a space
# or the end of the text (a regex to match at a position).
CLAUSE_END = r"(?:[,，。;；:：!！?？、)）]|\.(?![0-9])|\s|$)"
# Characters a Chinese word is written in (CJK unified ideographs).
HAN = "\u4e00-\u9fff"


def char_class(*parts: str, ranges: str = "", negate: bool = False) -> str:
    """A regex character class of the characters in `parts` (escaped as needed), plus
    `ranges` as written (`0-9０-９`, `HAN`)."""
    chars = "".join(dict.fromkeys("".join(parts)))
    escaped = "".join(_ESCAPES.get(c, c) for c in chars)
    return f"[{'^' if negate else ''}{escaped}{ranges}]"


_ESCAPES = {"\\": r"\\", "]": r"\]", "^": r"\^", "-": r"\-", "\n": r"\n", "\t": r"\t"}


# --- Added for the pipelines (sections, documents, line wraps, checks): named parts and the
# variants the rules read, each built from the parts above.
# The dot in both widths: a decimal point (3.5公里, 12．6) or the dot of a list marker (1. 一．).
DOTS = ".．"
EXCLAMATIONS = "!！"
# Dashes of a subtitle or run-in heading (——落实好五项机制): em dash, hyphen, full-width hyphen,
# box-drawing line (OCR).
DASHES = "—-－─"
# A byte-order mark: a pasted file's first line starts with one.
BOM = "\ufeff"
# Blanks before a line's text: SPACES and a BOM.
LINE_START_BLANKS = SPACES + BOM
# The space typed between the words or phrases of a line (ASCII and ideographic): a title's
# two halves (抓党建促脱贫 谱写新篇章), a title cut off from prose. Not a tab (a table's cell
# break) and not the no-break space, which these rules never looked for.
WORD_SPACES = " \u3000"
# A colon ends a heading or a title as a sentence end does (一、基本情况: …).
SENTENCE_OR_COLON = SENTENCE_FINAL + COLONS
# What ends a clause inside a line: a sentence end, a comma, a colon.
CLAUSE_FINAL = SENTENCE_FINAL + COMMAS + COLONS
# Sentence ends of the checks, which read a document's whole text: a line break also ends a
# sentence there (a heading or a table row has no 。).
SENTENCE_BREAKS = SENTENCE_FINAL + "\n"
CLAUSE_BREAKS = SENTENCE_BREAKS + COMMAS + COLONS
# A semicolon also joins the parallel items of one sentence (其中35岁以下476名,占16.9%;60岁以上
# 732名,占26%): the checks read it as the end of a clause and of a list, not of the sentence.
SEMICOLONS = ";；"
# What bounds an item of a list (魔芋1580亩、玄参900亩; 6个村(社区)): clause breaks, 、, brackets.
ITEM_BREAKS = CLAUSE_BREAKS + LIST_COMMA + OPEN_BRACKETS + CLOSE_BRACKETS
# A line of wrapped text that ends so ends its paragraph: a sentence end, a colon, an ellipsis,
# a closing bracket or one of the quotes that close a quoted sentence (”」』). Not 》, which closes
# a title inside a sentence, nor the ASCII " and ’, which open as often as they close.
PARAGRAPH_FINAL = SENTENCE_OR_COLON + ELLIPSIS + "”」』" + CLOSE_BRACKETS
# Pinyin a web copy writes after a character in brackets (農(nóng)業(yè)人口): an annotation, not part
# of the words (a regex source).
PINYIN_ANNOTATION = "[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]"  # a syllable has six letters at most
# Rules between the cells of a table or list copied as text (面积:8.7平方公里 | 人口:1393人, • 面积:…).
CELL_RULES = "|｜•"
