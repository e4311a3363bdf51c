"""The package's parts import one way: no circle between them, and the outputs (cli, app,
reports, web) are imported by nothing in the core; nothing outside cli/ imports cli."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "coopselect"
OUTPUTS = {"cli", "app", "reports", "web"}


def part_of(module: str) -> str:
    """``coopselect.scoring.pairs`` -> ``scoring``; a top-level module is its own part."""
    bits = module.split(".")
    return bits[1] if len(bits) > 1 else bits[0]


def graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC.parent).with_suffix("")
        src = part_of(".".join(rel.parts).removesuffix(".__init__"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                if name.startswith("coopselect.") and part_of(name) != src:
                    edges.setdefault(src, set()).add(part_of(name))
    return edges


def test_no_circle_between_parts():
    g = graph()

    def reaches(a: str, b: str, seen: set[str]) -> bool:
        for n in g.get(a, ()):
            if n == b or (n not in seen and (seen.add(n) or reaches(n, b, seen))):
                return True
        return False

    circles = sorted({tuple(sorted((a, b))) for a in g for b in g[a] if reaches(b, a, set())})
    assert circles == []


def test_the_core_never_imports_an_output_and_only_cli_imports_cli():
    g = graph()
    for part, targets in g.items():
        if part not in OUTPUTS:
            assert not targets & OUTPUTS, (part, targets & OUTPUTS)
        if part != "cli":
            assert "cli" not in targets, part
