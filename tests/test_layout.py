"""The code's layout is part of its contract (docs/design.md, "Layout"): stages import downwards only, no
import circle anywhere (lazy imports inside functions included), no oversized modules or functions."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "compgraph"
STAGES = ["graph", "checks", "questions", "legal", "exchange", "web", "scale"]
MAX_MODULE_LINES = 800
MAX_FUNCTION_LINES = 80
# A longer function states why in its docstring with this phrase.
LONG_REASON = "Long because"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path, module: str) -> set[str]:
    """Every compgraph module ``module`` imports, at top level or inside a function."""
    found: set[str] = set()
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("compgraph"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base if is_package else base[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("compgraph"):
                # `from pkg import submodule` runs pkg/__init__ first, but depends on the submodule:
                # count the package itself only when a name from it is imported.
                submodules = {f"{target}.{a.name}" for a in node.names} & set(_modules())
                found.update(submodules)
                if len(submodules) < len(node.names):
                    found.add(target)
    return found


def _import_graph() -> nx.DiGraph:
    modules = _modules()
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, path in modules.items():
        for target in _imports(path, name):
            if target in modules and target != name:
                graph.add_edge(name, target)
    return graph


def test_the_package_has_one_subpackage_per_stage() -> None:
    for stage in STAGES:
        assert (PACKAGE / stage / "__init__.py").is_file(), stage


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_says_what_it_owns_and_may_import(stage: str) -> None:
    doc = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text(encoding="utf-8"))) or ""
    assert "May import" in doc, f"compgraph/{stage}/__init__.py must say what it may import"


def test_no_import_circle_anywhere() -> None:
    graph = _import_graph()
    cycles = [c for c in nx.simple_cycles(graph) if len(c) > 1]
    assert cycles == [], f"import circles: {cycles[:5]}"


def test_stages_import_downwards_only() -> None:
    order = {stage: i for i, stage in enumerate(STAGES)}
    order["cli"] = len(STAGES)
    wrong = []
    for src, dst in _import_graph().edges:
        a, b = src.split(".")[1:2], dst.split(".")[1:2]
        if a and b and a[0] in order and b[0] in order and order[b[0]] > order[a[0]]:
            wrong.append(f"{src} -> {dst}")
    assert wrong == []


def test_import_linter_contracts_are_kept() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is part of the test extra"
    res = subprocess.run([exe], capture_output=True, text=True, cwd=SRC.parent)
    assert res.returncode == 0, res.stdout[-2000:]


@pytest.mark.parametrize("module", sorted(_modules()))
def test_no_module_is_oversized(module: str) -> None:
    lines = len(_modules()[module].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{module} has {lines} lines"


def test_long_functions_say_why_they_are_long() -> None:
    unexplained = []
    for name, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES and LONG_REASON not in (ast.get_docstring(node) or ""):
                    unexplained.append(f"{name}.{node.name} ({length} lines)")
    assert unexplained == [], f"split these or say '{LONG_REASON} ...' in the docstring: {unexplained}"


def test_no_two_test_modules_share_a_name() -> None:
    # The test folders are not packages: pytest imports each test module by its file name alone, so a second
    # tests/<area>/test_x.py stops the whole collection ("import file mismatch"), and CI runs nothing.
    names: dict[str, list[str]] = {}
    for path in (SRC.parent / "tests").rglob("*.py"):
        if path.name.startswith("test_") or path.name.endswith("fixture.py"):
            names.setdefault(path.name, []).append(str(path.relative_to(SRC.parent)))
    assert {n: p for n, p in names.items() if len(p) > 1} == {}
