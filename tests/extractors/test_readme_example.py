"""The README's "Add an extractor" example runs as written."""
from __future__ import annotations

import re
from pathlib import Path

from extractors.registry import all_extractors, unregister

README = Path(__file__).resolve().parents[2] / "README.md"


def _example() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Add an extractor", 1)[1]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    assert blocks, "README's Add an extractor section has a python block"
    return blocks[0]


def test_readme_add_an_extractor_example_runs():
    try:
        exec(compile(_example(), "README.md:add-an-extractor", "exec"), {})
        assert "energy" in {e.name for e in all_extractors()}
    finally:
        unregister("energy")
    assert "energy" not in {e.name for e in all_extractors()}


def test_a_plugin_kind_gets_its_view_its_unit_table_and_its_traits():
    from extractors.registry import traits_of
    from schemas import KIND_UNITS

    try:
        exec(compile(_example(), "README.md:add-an-extractor", "exec"), {})
        energy = next(e for e in all_extractors() if e.name == "energy")
        assert energy.view == "energy_v"
        assert KIND_UNITS["energy"] == {"kWh"}
        assert traits_of("energy").additive
    finally:
        unregister("energy")
    assert "energy" not in KIND_UNITS


def test_entry_point_extractors_are_loaded(monkeypatch):
    import extractors.registry as registry
    from extractors.base import Extractor, UnitSpec

    plugin = Extractor(name="plugin_kind", kind="plugin_kind", units=(UnitSpec("箩筐", "箩筐"),))

    class FakeEntryPoint:
        def load(self):
            return plugin

    monkeypatch.setattr(registry, "_loaded", False)
    monkeypatch.setattr(registry, "entry_points", lambda group: [FakeEntryPoint()] if group == registry.ENTRY_POINT_GROUP else [])
    try:
        assert plugin in registry.all_extractors()
    finally:
        unregister("plugin_kind")
