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


# io is three layers, each importing only the ones before it: file safety (io/files.py), the data
# (io/data/: bundled tables, vintages, the snapshot) and the loaders of the user's files
# (io/loaders/: cases, criteria, modes, problems). Every io module sits in one of them.
IO_LAYERS = ("files", "data", "loaders")


def io_layer(module: str) -> str | None:
    """``coopselect.io.data.policy`` -> ``data``; ``coopselect.io.files`` -> ``files``; None
    outside io (and for the package ``coopselect.io`` itself)."""
    bits = module.split(".")
    return bits[2] if len(bits) > 2 and bits[:2] == ["coopselect", "io"] else None


def io_imports() -> dict[str, set[str]]:
    """io module -> the io modules it imports (at module level and inside functions)."""
    out: dict[str, set[str]] = {}
    for path in (SRC / "io").rglob("*.py"):
        rel = path.relative_to(SRC.parent).with_suffix("")
        mod = ".".join(rel.parts).removesuffix(".__init__")
        found = out.setdefault(mod, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.update(
                    f"{node.module}.{a.name}" if node.module == "coopselect.io" else node.module
                    for a in node.names
                )
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
        out[mod] = {m for m in found if io_layer(m) is not None}
    return out


def test_every_io_module_sits_in_one_layer():
    stray = [m for m in io_imports() if m != "coopselect.io" and io_layer(m) not in IO_LAYERS]
    assert stray == [], f"io modules outside {IO_LAYERS}: {stray}"


def test_io_layers_import_only_the_layers_before_them():
    wrong = []
    for mod, targets in io_imports().items():
        layer = io_layer(mod)
        if layer is None:
            continue
        allowed = IO_LAYERS[: IO_LAYERS.index(layer) + 1]
        wrong += [(mod, t) for t in sorted(targets) if io_layer(t) not in allowed]
    assert wrong == [], wrong
