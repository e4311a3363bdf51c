"""No module of the package imports a module that imports it back, directly or around a circle.

tests/test_architecture.py checks the parts (``io``, ``methods``, ...); this checks the modules
inside them. Counted: every ``import coopselect...`` and ``from coopselect... import ...`` at
module level AND inside functions. A function-level import defers a circle to run time (it is
there to keep start-up light, ``tests/test_startup_imports.py``), it does not remove it: the two
modules still need each other, neither can be understood, tested or moved alone, and which one
loads first decides whether a module-level import of the other one works. Not counted: imports
under ``if TYPE_CHECKING:`` (annotations only, never run) and imports by name through
``importlib`` (``methods/spec.py`` loads each method's module from its spec).

``from coopselect.pkg import name`` counts as an import of ``coopselect.pkg.name`` when that is
a module, else of ``coopselect.pkg`` (its ``__init__``).
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "coopselect"

# Circles that are known and being removed elsewhere, each with the reason it is still here. The
# test ignores the direct imports between the two modules of a pair, and fails once the two no
# longer reach each other: then the mark must go.
KNOWN: dict[frozenset[str], str] = {}


def _modules() -> dict[str, Path]:
    out = {}
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC.parent).with_suffix("")
        out[".".join(rel.parts).removesuffix(".__init__")] = path
    return out


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported(tree: ast.AST) -> list[tuple[str, str | None, int]]:
    """(module, imported name or None, line) of every absolute import, TYPE_CHECKING blocks
    left out (their ``else`` kept)."""
    found: list[tuple[str, str | None, int]] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking(child.test):
                for stmt in child.orelse:
                    visit_stmt(stmt)
            else:
                visit_stmt(child)

    def visit_stmt(node: ast.AST) -> None:
        if isinstance(node, ast.Import):
            found.extend((a.name, None, node.lineno) for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"relative import at line {node.lineno}: use absolute ones"
            found.extend((node.module, a.name, node.lineno) for a in node.names)
        visit(node)

    visit(tree)
    return found


def import_graph() -> dict[str, dict[str, list[int]]]:
    """module -> {module it imports: [lines]} within the package."""
    mods = _modules()
    graph: dict[str, dict[str, list[int]]] = {m: {} for m in mods}
    for mod, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for target, name, line in _imported(tree):
            if target != "coopselect" and not target.startswith("coopselect."):
                continue
            full = f"{target}.{name}" if name and f"{target}.{name}" in mods else target
            while full not in mods:
                full = full.rsplit(".", 1)[0]
            if full != mod:
                graph[mod].setdefault(full, []).append(line)
    return graph


def circles(graph: dict[str, dict[str, list[int]]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    comp.append(top)
                    if top == node:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return sorted(out)


def _describe(comp: list[str], graph: dict[str, dict[str, list[int]]]) -> str:
    lines = [" <-> ".join(comp)]
    for a in comp:
        for b, at in sorted(graph[a].items()):
            if b in comp:
                lines.append(f"    {a} imports {b} (line {', '.join(map(str, sorted(set(at))))})")
    return "\n".join(lines)


def _without_known(graph: dict[str, dict[str, list[int]]]) -> dict[str, dict[str, list[int]]]:
    out = {m: dict(t) for m, t in graph.items()}
    for pair in KNOWN:
        a, b = sorted(pair)
        out[a].pop(b, None)
        out[b].pop(a, None)
    return out


def test_no_module_imports_one_that_imports_it_back():
    graph = _without_known(import_graph())
    found = circles(graph)
    assert not found, "import circles between modules:\n" + "\n".join(
        _describe(c, graph) for c in found
    )


def test_every_known_circle_is_still_there():
    """A mark outlives its circle only by mistake: once the two modules no longer reach each
    other, delete the pair from KNOWN."""
    comps = circles(import_graph())
    stale = [sorted(p) for p in KNOWN if not any(p <= set(c) for c in comps)]
    assert not stale, f"these circles are gone, remove them from KNOWN: {stale}"


def test_the_check_sees_function_level_imports_and_skips_type_checking_ones():
    source = (
        "from typing import TYPE_CHECKING\n"
        "import coopselect.a\n"
        "if TYPE_CHECKING:\n"
        "    from coopselect.b import B\n"
        "else:\n"
        "    import coopselect.c\n"
        "def f():\n"
        "    from coopselect.d import x\n"
        "class K:\n"
        "    def g(self):\n"
        "        import coopselect.e\n"
    )
    got = [(m, line) for m, _, line in _imported(ast.parse(source))]
    expected = ["typing", "coopselect.a", "coopselect.c", "coopselect.d", "coopselect.e"]
    assert [m for m, _ in got] == expected
    assert [line for _, line in got] == [1, 2, 6, 8, 11]


def test_circles_finds_a_circle_of_three_and_ignores_a_chain():
    graph = {"a": {"b": [1]}, "b": {"c": [1]}, "c": {"a": [1]}, "d": {"a": [1]}, "e": {}}
    assert circles(graph) == [["a", "b", "c"]]
    graph["c"] = {}
    assert circles(graph) == []
