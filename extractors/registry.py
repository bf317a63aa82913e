"""The one registry of extractors: built-ins by module, third parties by entry point.

A third-party package declares, in its pyproject.toml,

    [project.entry-points."huibao.extractors"]
    weight = "my_package.weight:extractor"

where the object is an `extractors.base.Extractor`. Entry points are loaded lazily, the
first time the registry is read.
"""
from __future__ import annotations

import importlib
from functools import cache
from importlib.metadata import entry_points

from extractors.base import Extractor, KindTraits
from schemas import KIND_UNITS

ENTRY_POINT_GROUP = "huibao.extractors"
BUILTIN_MODULES = (
    "village_count", "population", "household_count", "money", "ratio",
    "area", "length", "age", "weight", "volume", "count",
)

_registry: dict[str, Extractor] = {}
_loaded = False


def register(extractor: Extractor) -> Extractor:
    """Add an extractor under its name (a later registration of the same name replaces it)."""
    if not isinstance(extractor, Extractor):
        raise TypeError(f"{extractor!r} is not an extractors.base.Extractor")
    _registry[extractor.name] = extractor
    _changed()
    return extractor


def unregister(name: str) -> None:
    _registry.pop(name, None)
    _changed()


def _changed() -> None:
    _traits.cache_clear()
    units: dict[str, frozenset[str]] = {}
    for extractor in _registry.values():
        units[str(extractor.kind)] = units.get(str(extractor.kind), frozenset()) | extractor.canonical_units
    KIND_UNITS.clear()
    KIND_UNITS.update(units)  # the unit table schemas.Fact validates against


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for module in BUILTIN_MODULES:
        importlib.import_module(f"extractors.{module}")
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        register(entry.load())


def all_extractors() -> list[Extractor]:
    """Every registered extractor, built-ins first, in priority order."""
    _load()
    return sorted(_registry.values(), key=lambda e: (e.priority, e.name))


def traits_of(kind: str) -> KindTraits:
    """The traits the first registered extractor of `kind` declares (defaults for an
    unknown kind)."""
    _load()
    return _traits().get(kind, _DEFAULT_TRAITS)


_DEFAULT_TRAITS = KindTraits()


@cache
def _traits() -> dict[str, KindTraits]:
    traits: dict[str, KindTraits] = {}
    for extractor in all_extractors():
        traits.setdefault(str(extractor.kind), extractor.traits)
    return traits


def kinds() -> list[str]:
    """Every registered kind, in priority order."""
    return list(dict.fromkeys(str(e.kind) for e in all_extractors()))
