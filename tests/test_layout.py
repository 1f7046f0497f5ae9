"""The shape of the code, checked: rooms import each other one way only, the
shop (archive/, danvan/) never imports the lab (lab/), and the lab reads the
archive's public code, not the views' or the admin's internals."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("archive", "danvan", "lab")
MAX_LINES = 500


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {
        _module_name(path): path
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts
    }


MODULES = _modules()


def _imports(name: str) -> set[str]:
    """The project modules `name` imports, anywhere in it (inside functions too)."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # "from archive.search import listing" imports the module archive.search.listing.
            targets = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


GRAPH = {name: _imports(name) for name in MODULES}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, components = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def _imports_of_package(package: str) -> set[str]:
    return {
        target for name, targets in GRAPH.items() if name == package or name.startswith(f"{package}.")
        for target in targets if not target.startswith(f"{package}.")
    }


def test_the_import_graph_is_read():
    assert "archive.search.vectors" in _imports_of_package("archive.models")
    assert "archive.models" in GRAPH["archive.search.matching"]


def test_no_import_cycle_between_modules():
    assert _cycles(GRAPH) == []


def test_a_cycle_would_be_found():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_models_import_only_the_vectors_of_the_search():
    search_parts = {name for name in _imports_of_package("archive.models") if name.startswith("archive.search")}
    assert search_parts == {"archive.search.vectors"}


@pytest.mark.parametrize("name", sorted(n for n in MODULES if not n.startswith("lab")))
def test_the_shop_never_imports_the_lab(name):
    assert not {target for target in GRAPH[name] if target.split(".")[0] == "lab"}


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n.startswith("lab") or n == "archive.api"))
def test_the_lab_and_the_api_do_not_import_view_or_admin_internals(name):
    assert not GRAPH[name] & {"archive.views", "archive.admin"}


@pytest.mark.parametrize("name", sorted(n for n in MODULES if not n.startswith("lab")))
def test_a_production_module_fits_in_a_readers_head(name):
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{MODULES[name].relative_to(ROOT)}: {lines} lines; split it by responsibility"
