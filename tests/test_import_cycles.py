"""No import circle among the data modules (issue 20: io/datasets <-> io/vintages), found by
scripts/import_cycles.py over the syntax trees of src/coopselect (lazy imports count too)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("import_cycles", ROOT / "scripts/import_cycles.py")
assert _spec is not None and _spec.loader is not None
cycles_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cycles_mod)

DATA_MODULES = {
    "coopselect.io.sources",
    "coopselect.io.snapshot",
    "coopselect.io.vintages",
    "coopselect.io.data_used",
    "coopselect.io.endowment_data",
    "coopselect.io.data_import",
    "coopselect.io.vintage_diff",
    "coopselect.catalog",
    "coopselect.citations",
}


def test_the_finder_finds_a_circle_and_its_shortest_way_round():
    g = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e2"}, "e2": {"e"}}
    found = cycles_mod.cycles(g)
    assert found == [["e", "e2", "e"], ["a", "b", "c", "a"]]
    assert cycles_mod.cycles({"a": {"b"}, "b": set()}) == []


def test_no_data_module_is_on_an_import_circle():
    g = cycles_mod.graph()
    assert "coopselect.io.vintages" in g["coopselect.io.snapshot"]  # the graph sees imports
    on_circles = set()
    for c in cycles_mod.cycles(g):
        on_circles |= set(cycles_mod._component(g, c[0]))
    assert not on_circles & DATA_MODULES, sorted(on_circles & DATA_MODULES)
    assert "coopselect.io.datasets" not in cycles_mod._component(g, "coopselect.io.vintages")
