"""No import cycles inside plugdesk: a cycle makes the import order matter, breaks lazy
loading and hides layering mistakes (see DESIGN.md, "imports point down only").

The graph is built from the source with `ast`, from imports that run when a module is
loaded: module-level ones, including those under a module-level `if`/`try` and in class
bodies. Ignored on purpose:
- imports inside functions and methods (the lazy ones: features loaded on first use, the
  start-up order in app/startup.py, the CLI's per-command imports);
- imports under `if TYPE_CHECKING:` (never run).
Importing `plugdesk.a.b` also runs `plugdesk/a/__init__.py`, so that edge is added too,
except from a module inside `plugdesk.a` (its package is already loading by then).
"""

from __future__ import annotations

import ast
from pathlib import Path

import plugdesk

ROOT = Path(plugdesk.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(ROOT.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _load_time_imports(body: list[ast.stmt]) -> list[ast.Import | ast.ImportFrom]:
    found: list[ast.Import | ast.ImportFrom] = []
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If):
            if not _is_type_checking(node):
                found += _load_time_imports(node.body)
            found += _load_time_imports(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody):
                found += _load_time_imports(block)
            for handler in node.handlers:
                found += _load_time_imports(handler.body)
        elif isinstance(node, ast.With | ast.ClassDef):
            found += _load_time_imports(node.body)
    return found


def _targets(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        package = module if is_package else module.rpartition(".")[0]
        for _ in range(node.level - 1):
            package = package.rpartition(".")[0]
        base = f"{package}.{base}" if base else package
    return [base, *(f"{base}.{alias.name}" for alias in node.names)]


def _is_ancestor_or_self(package: str, module: str) -> bool:
    """A module's own packages are already loading when it runs: no edge to them."""
    return module == package or module.startswith(package + ".")


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for node in _load_time_imports(tree.body):
            for target in _targets(node, name, path.name == "__init__.py"):
                # the module itself and every package on the way down to it
                parts = target.split(".")
                for depth in range(1, len(parts) + 1):
                    prefix = ".".join(parts[:depth])
                    if prefix in modules and not _is_ancestor_or_self(prefix, name):
                        graph[name].add(prefix)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for neighbour in sorted(graph[node]):
            if neighbour not in index:
                visit(neighbour)
                low[node] = min(low[node], low[neighbour])
            elif neighbour in on_stack:
                low[node] = min(low[node], index[neighbour])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_package_has_no_import_cycles() -> None:
    graph = import_graph()
    assert len(graph) > 50 and graph["plugdesk.cli.main"]  # the walk found the package
    assert cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_lower_layers_never_import_upper_ones() -> None:
    """api/ and domain/ never import Qt or the layers above them; the simulator never
    imports the client (it encodes the contract on its own)."""
    graph = import_graph()
    upper = ("plugdesk.ui", "plugdesk.services", "plugdesk.app", "plugdesk.cli")
    for name, targets in graph.items():
        if name.startswith(("plugdesk.api", "plugdesk.domain")):
            assert not [t for t in targets if t.startswith(upper)], name
        if name.startswith("plugdesk.simulator"):
            assert not [t for t in targets if t.startswith(("plugdesk.api", *upper))], name
