"""The layout's rules, checked on the source: layers point down, no import cycle, no module
over 500 lines, text algorithms free of the concurrency machinery."""
import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("schemas", "extractors", "pipelines", "huibao")  # each may import only those before it
TEXT_ALGORITHMS = ("read", "split_documents", "split_sections", "structure", "duplicates", "line_wraps",
                   "extract", "check", "check_rules", "check_figures", "check_shares")


def _modules() -> dict[str, Path]:
    found = {}
    for package in LAYERS:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The project modules `name` imports, at any depth of its code."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            targets = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        out |= {target for target in targets if target in MODULES and target != name}
    return out


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


@pytest.mark.parametrize("name", sorted(MODULES))
def test_a_module_imports_only_its_own_layer_and_those_below(name):
    layer = LAYERS.index(name.split(".")[0])
    above = {target for target in GRAPH[name] if LAYERS.index(target.split(".")[0]) > layer}
    assert not above, f"{name} imports up the stack: {sorted(above)}"


def test_no_import_cycle():
    # A package importing its own submodules (re-exports) is no cycle of modules.
    def edges(name):
        return {t for t in GRAPH[name] if not t.startswith(name + ".")}

    state: dict[str, int] = {}

    def visit(name, stack):
        state[name] = 1
        for target in edges(name):
            if state.get(target) == 1:
                raise AssertionError("import cycle: " + " -> ".join(stack[stack.index(target):] + [target]))
            if not state.get(target):
                visit(target, stack + [target])
        state[name] = 2

    for name in sorted(GRAPH):
        if not state.get(name):
            visit(name, [name])


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_over_500_lines(name):
    assert len(MODULES[name].read_text(encoding="utf-8").splitlines()) <= 500


@pytest.mark.parametrize("name", TEXT_ALGORITHMS)
def test_text_algorithms_do_not_import_the_concurrency_machinery(name):
    machinery = ("pipelines.work_gate", "pipelines.flow", "pipelines.runners", "pipelines.warehouse")
    assert not {t for t in GRAPH[f"pipelines.{name}"] if t.startswith(machinery)}
    assert re.search(r"\bprefect\b", MODULES[f"pipelines.{name}"].read_text(encoding="utf-8")) is None
