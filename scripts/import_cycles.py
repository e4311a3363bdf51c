"""List every import circle among the modules of src/coopselect (issue 20).

Reads each module's syntax tree (nothing is imported) and counts every ``import`` of a coopselect
module, also those inside functions: a lazy import is still a dependency. Prints one circle per
line, shortest first, and exits 1 if there is any.

    .venv/bin/python scripts/import_cycles.py
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "coopselect"


def module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    return ".".join(rel.parts).removesuffix(".__init__")


def graph(src: Path = SRC) -> dict[str, set[str]]:
    """{module: the coopselect modules it imports}. ``from coopselect.io import datasets`` is an
    edge to ``coopselect.io.datasets`` when that is a module, else to the package."""
    modules = {module_name(p) for p in src.rglob("*.py")}
    edges: dict[str, set[str]] = {m: set() for m in modules}
    for path in src.rglob("*.py"):
        me = module_name(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for a in node.names:
                    sub = f"{node.module}.{a.name}"
                    targets.append(sub if sub in modules else node.module)
            for t in targets:
                if t in modules and t != me and not me.startswith(t + "."):
                    edges[me].add(t)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each as one
    shortest circle through its first module, sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    comps: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                comps.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    out = []
    for comp in comps:
        members = set(comp)
        start = comp[0]
        # breadth-first: the shortest way from start back to start inside the component
        prev: dict[str, str] = {}
        frontier = [start]
        found = None
        while frontier and found is None:
            nxt = []
            for v in frontier:
                for w in sorted(edges[v] & members):
                    if w == start:
                        found = v
                        break
                    if w not in prev:
                        prev[w] = v
                        nxt.append(w)
                if found:
                    break
            frontier = nxt
        path = [found]
        while path[-1] != start:
            path.append(prev[path[-1]])
        out.append([*reversed(path), start])
    return sorted(out, key=lambda c: (len(c), c))


def _component(edges: dict[str, set[str]], start: str) -> list[str]:
    """The modules on some circle through ``start``."""

    def reach(a: str) -> set[str]:
        seen, todo = {a}, [a]
        while todo:
            for w in edges[todo.pop()]:
                if w not in seen:
                    seen.add(w)
                    todo.append(w)
        return seen

    return sorted(m for m in reach(start) if start in reach(m))


def main() -> int:
    found = cycles(graph())
    edges = graph()
    for c in found:
        members = _component(edges, c[0])
        short = [m.removeprefix("coopselect.") for m in members]
        print(
            " -> ".join(m.removeprefix("coopselect.") for m in c),
            f"  (circle of: {', '.join(short)})",
        )
    print(f"{len(found)} import circle(s) among modules")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
