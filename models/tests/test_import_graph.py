"""Imports in models/ flow one way: build.py composes the steps, and no step imports build or each other in a circle.

The graph is read from the source (ast), not from sys.modules, so an import inside a function
counts too: that is how the last circle (export.main importing build) went unnoticed.
A module resolves against its own folder first (the subfolders' scripts put themselves on
sys.path) and then against models/ (conftest and the pipeline scripts run from there).
"""

from __future__ import annotations

import ast
from pathlib import Path

MODELS = Path(__file__).resolve().parents[1]


def imported_names(tree: ast.AST) -> set[str]:
    """First components of every module an import statement names, relative imports included."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level and not node.module:
                names.update(alias.name for alias in node.names)
            elif node.module:
                names.add(node.module.split(".")[0])
    return names


def import_graph(root: Path = MODELS) -> dict[Path, set[Path]]:
    """Every .py file under root → the files under root it imports."""
    files = sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)
    graph: dict[Path, set[Path]] = {}
    for file in files:
        targets = set()
        for name in imported_names(ast.parse(file.read_text(encoding="utf-8"), str(file))):
            for folder in (file.parent, root):
                candidate = folder / f"{name}.py"
                if candidate.is_file():
                    targets.add(candidate)
                    break
        graph[file] = targets - {file}
    return graph


def find_cycle(graph: dict) -> list | None:
    """One cycle as a list of nodes (first == last), or None; depth-first with three colours."""
    state: dict = {}
    path: list = []

    def visit(node) -> list | None:
        state[node] = "open"
        path.append(node)
        for nxt in sorted(graph.get(node, ()), key=str):
            if state.get(nxt) == "open":
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = "done"
        return None

    for node in sorted(graph, key=str):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_cycle_finder_finds_a_two_step_circle_and_passes_a_chain():
    assert find_cycle({"a": {"b"}, "b": {"a"}}) == ["a", "b", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
    assert find_cycle({}) is None


def test_the_graph_sees_imports_inside_functions_and_in_subfolders():
    graph = import_graph()
    assert MODELS / "generate.py" in graph[MODELS / "train.py"]
    assert MODELS / "oracles/ort_cases.py" in graph[MODELS / "oracles/build_oracles.py"]
    tree = ast.parse("def main():\n    from build import x\n")
    assert imported_names(tree) == {"build"}


def test_no_module_in_models_imports_itself_through_others():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " → ".join(str(p.relative_to(MODELS)) for p in cycle)


def test_no_pipeline_step_imports_build():
    build = MODELS / "build.py"
    importers = [p.relative_to(MODELS) for p, targets in import_graph().items() if build in targets]
    assert importers == []
