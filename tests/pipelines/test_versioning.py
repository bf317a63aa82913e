"""The pipeline version follows the rule sources, the language data and the registry."""
import shutil
from pathlib import Path

from extractors.base import Extractor, UnitSpec
from extractors.registry import register, unregister
from pipelines import versioning


def test_every_pipelines_module_is_named_either_output_or_orchestration():
    package = versioning.ROOT / "pipelines"
    modules = {p.stem for p in package.glob("*.py") if p.stem != "__init__"}
    modules |= {p.name for p in package.iterdir() if (p / "__init__.py").is_file()}
    named = set(versioning.OUTPUT_MODULES) | set(versioning.ORCHESTRATION_MODULES)
    assert modules == named


def test_word_lists_and_rules_are_in_the_digest():
    files = {str(p.relative_to(versioning.ROOT)) for p in versioning.source_files()}
    assert "extractors/scanner.py" in files and "pipelines/split_sections.py" in files
    assert any(f.startswith("extractors/lang/data/") and f.endswith(".tsv") for f in files)
    assert "pipelines/flow.py" not in files


def _copy_tree(tmp_path: Path) -> Path:
    for package in ("extractors", "schemas", "pipelines"):
        shutil.copytree(versioning.ROOT / package, tmp_path / package,
                        ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def test_a_changed_word_list_changes_the_digest(tmp_path):
    root = _copy_tree(tmp_path)
    before = versioning.files_digest(root)
    word_list = next((root / "extractors" / "lang" / "data").glob("*.tsv"))
    word_list.write_text(word_list.read_text(encoding="utf-8") + "新词\t新词的例子\n", encoding="utf-8")
    versioning.files_digest.cache_clear()
    assert versioning.files_digest(root) != before


def test_a_changed_flow_leaves_the_digest(tmp_path):
    root = _copy_tree(tmp_path)
    before = versioning.files_digest(root)
    flow = root / "pipelines" / "flow.py"
    flow.write_text(flow.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    versioning.files_digest.cache_clear()
    assert versioning.files_digest(root) == before


def test_registering_an_extractor_changes_the_version():
    before = versioning.pipeline_version()
    register(Extractor(name="weight_test", kind="weight_test", units=(UnitSpec("吨", "t"),)))
    try:
        assert versioning.pipeline_version() != before
    finally:
        unregister("weight_test")
    assert versioning.pipeline_version() == before


def test_another_division_list_changes_the_version(monkeypatch):
    before = versioning.pipeline_version()
    monkeypatch.setattr(versioning, "list_version", lambda: "2026-12-31:" + "0" * 64)
    assert versioning.pipeline_version() != before
