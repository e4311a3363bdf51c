"""Integrity of the two endowment tables in data/: supplementary_production.csv (producers USGS MCS
2024 omits or withholds) and exploration_potential.csv (undiscovered or under-explored potential).

Reads only the project's own files (data/ and the raw USGS copies in tests/data/raw)."""

from __future__ import annotations

import math
import re
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from coopselect.paths import data_dir

RAW_MCS2023 = Path(__file__).resolve().parent / "raw" / "usgs_mcs" / "2023"

SUPP_COLUMNS = [
    "iso3",
    "mineral",
    "year",
    "production",
    "reserves",
    "unit",
    "publisher",
    "source_title",
    "table_or_page",
    "url",
    "licence",
    "note",
]
EXPL_COLUMNS = [
    "iso3",
    "mineral",
    "potential",
    "basis",
    "publisher",
    "source_title",
    "year",
    "passage_or_table",
    "url",
    "judgment",
]
# The fixed levels of a cited statement without a quantity (data/SOURCES.md section 10).
SEED_LEVELS = {"explicit_low_development": 0.75, "favourable_geology": 0.5, "scarce": 0.1}
PRODUCTION = "mine/refinery production"


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(data_dir() / name, dtype=str, keep_default_na=False)


@cache
def supp() -> pd.DataFrame:
    return _read("supplementary_production.csv")


@cache
def expl() -> pd.DataFrame:
    return _read("exploration_potential.csv")


@cache
def usgs() -> pd.DataFrame:
    return _read("usgs_mcs2024_world_production_reserves.csv")


@cache
def minerals() -> pd.DataFrame:
    return _read("minerals.csv").set_index("id")


def _rows(df: pd.DataFrame, mineral: str) -> pd.DataFrame:
    """USGS MCS 2024 rows of a mineral id (its commodity and product; the mine stage where the
    commodity also has refinery rows)."""
    m = minerals().loc[mineral]
    g = usgs()[(usgs().commodity == m.usgs_commodity) & (usgs()["product"] == m.usgs_product)]
    if (g.stage == "mine").any():
        g = g[g.stage == "mine"]
    return g


def _unit(mineral: str, measure: str) -> str | None:
    units = set(_rows(usgs(), mineral).query("measure == @measure").unit)
    assert len(units) <= 1, (mineral, measure, units)
    return next(iter(units), None)


def _number(cell: str) -> float | None:
    return None if cell == "" else float(cell)


# ---------------------------------------------------------------------------------------------
# supplementary_production.csv
# ---------------------------------------------------------------------------------------------


def test_supplementary_columns_exactly():
    assert list(supp().columns) == SUPP_COLUMNS


def test_supplementary_every_row_cited():
    for i, r in supp().iterrows():
        for col in ("publisher", "source_title", "table_or_page", "licence"):
            assert r[col].strip(), f"row {i + 2}: empty {col}"
        # a public document has its address; a seed article is cited by article and section
        assert r.url.startswith(("https://", "http://")) or "seed 0" in r.table_or_page, (
            f"row {i + 2}"
        )


def test_supplementary_codes_known_and_keys_unique():
    countries = set(_read("countries.csv").iso3)
    for i, r in supp().iterrows():
        assert r.iso3 in countries, f"row {i + 2}: unknown ISO3 {r.iso3}"
        assert r.mineral in minerals().index, f"row {i + 2}: unknown mineral {r.mineral}"
    keys = supp()[["iso3", "mineral", "year"]]
    assert not keys.duplicated().any(), keys[keys.duplicated(keep=False)]


def test_supplementary_one_production_and_one_reserves_figure_per_host_and_mineral():
    """The pair model reads one figure per host, mineral and measure (the latest published): a
    second production or reserves figure for the same host and mineral would be ambiguous."""
    for col in ("production", "reserves"):
        filled = supp()[supp()[col] != ""]
        dup = filled[filled[["iso3", "mineral"]].duplicated(keep=False)]
        assert dup.empty, dup[["iso3", "mineral", "year", col]]


def test_supplementary_values_finite_non_negative_and_present():
    for i, r in supp().iterrows():
        assert re.fullmatch(r"(19|20)\d\d", r.year), f"row {i + 2}: year {r.year!r}"
        assert 1990 <= int(r.year) <= 2026, f"row {i + 2}"
        values = [_number(r.production), _number(r.reserves)]
        assert any(v is not None for v in values), f"row {i + 2}: neither production nor reserves"
        for v in values:
            assert v is None or (math.isfinite(v) and v >= 0), f"row {i + 2}: {v}"


def test_supplementary_units_are_the_usgs_units_of_the_mineral():
    for i, r in supp().iterrows():
        if r.production:
            assert r.unit == _unit(r.mineral, PRODUCTION), f"row {i + 2}: {r.unit}"
        if r.reserves:
            expected = _unit(r.mineral, "reserves")
            assert expected is not None, f"row {i + 2}: USGS gives no reserves for {r.mineral}"
            assert r.unit == expected, f"row {i + 2}: {r.unit} (USGS: {expected})"


def test_supplementary_never_replaces_a_published_usgs_figure():
    """A row fills only what MCS 2024 does not publish: an omitted producer, or a withheld (W) or
    empty cell; it never stands beside a USGS number for the same host, mineral and measure."""
    for i, r in supp().iterrows():
        g = _rows(usgs(), r.mineral)
        g = g[g.iso3 == r.iso3]
        for col, measure in (("production", PRODUCTION), ("reserves", "reserves")):
            if not r[col]:
                continue
            published = g[(g.measure == measure) & (g.value != "")]
            assert published.empty, f"row {i + 2}: USGS publishes {r.iso3} {r.mineral} {measure}"


def test_supplementary_omitted_producers_fit_inside_usgs_other_countries():
    """Producers MCS 2024 does not list are inside its 'Other countries' row: for 2022 and 2023,
    their supplementary output per mineral cannot exceed that row."""
    s = supp()[supp().year.isin(["2022", "2023"]) & (supp().production != "")]
    for (mineral, year), g in s.groupby(["mineral", "year"]):
        rows = _rows(usgs(), mineral)
        listed = set(rows.iso3)
        omitted = g[~g.iso3.isin(listed)]
        other = rows[(rows.iso3 == "OTHER") & (rows.measure == PRODUCTION) & (rows.year == year)]
        if omitted.empty or other.empty or other.value.iloc[0] == "":
            continue
        total = omitted.production.astype(float).sum()
        assert total <= float(other.value.iloc[0]), (mineral, year, total, other.value.iloc[0])


def test_supplementary_seed_figures_match_the_typed_seed_table():
    """Rows citing seed 001 carry the figures of data/seeds/northeast_asia_precious_metals.csv
    (ranges as their lower bound)."""
    seed = _read("seeds/northeast_asia_precious_metals.csv")
    cited = supp()[supp().table_or_page.str.contains("seed 001")]
    assert len(cited) >= 5
    measure_of = {
        "production": ("mine_production",),
        "reserves": ("reserves", "recoverable"),
    }
    for i, r in cited.iterrows():
        for col, measures in measure_of.items():
            if not r[col]:
                continue
            s = seed[(seed.iso3 == r.iso3) & (seed.metal == r.mineral)]
            s = s[s.measure.isin(measures)]
            values = {float(v.split("-")[0]) for v in s.value}
            assert float(r[col]) in values, f"row {i + 2}: {r[col]} not in seed {values}"


def test_supplementary_usgs_2023_rows_rebuild_from_the_mcs_2023_release():
    """Rows from MCS 2023 equal the 2022 estimate and reserves of the USGS file they name."""
    from coopselect.importers.usgs_mcs import import_mcs_world

    rows = supp()[supp().source_title.str.startswith("Mineral Commodity Summaries 2023")]
    assert len(rows) >= 20
    d23 = import_mcs_world(RAW_MCS2023).data
    for i, r in rows.iterrows():
        m = minerals().loc[r.mineral]
        g = d23[
            (d23.commodity == m.usgs_commodity)
            & (d23["product"] == m.usgs_product)
            & (d23.iso3 == r.iso3)
        ]
        if (g.stage == "mine").any():
            g = g[g.stage == "mine"]
        assert g.mcs_file.iloc[0] in r.table_or_page, f"row {i + 2}"
        prod = g[(g.measure == PRODUCTION) & (g.year == r.year)]
        assert prod.value.iloc[0] == r.production, f"row {i + 2}"
        res = g[g.measure == "reserves"]
        assert (res.value.iloc[0] if len(res) else "") == r.reserves, f"row {i + 2}"
        assert r.iso3 not in set(_rows(usgs(), r.mineral).iso3), f"row {i + 2}: listed in 2024"


def test_supplementary_covers_the_big_omitted_producers():
    have = {(r.iso3, r.mineral) for r in supp().itertuples()}
    for pair in [
        ("MNG", "gold"),
        ("MNG", "copper"),
        ("SRB", "copper"),
        ("ECU", "copper"),
        ("LAO", "copper"),
        ("PNG", "gold"),
        ("PNG", "nickel"),
        ("KGZ", "gold"),
        ("TJK", "gold"),
        ("UZB", "copper"),
    ]:
        assert pair in have, pair
    mng_gold = supp()[(supp().iso3 == "MNG") & (supp().mineral == "gold")]
    assert "3100" in set(mng_gold.reserves)


def test_supplementary_pound_conversions_recompute():
    """A row whose note converts 'N million lb' at 0.45359237 kg per lb gives that many tonnes
    (to the nearest tonne) in its MCS unit (thousand metric tons for copper)."""
    rows = supp()[supp().note.str.contains("0.45359237")]
    assert len(rows) >= 3
    for i, r in rows.iterrows():
        m = re.search(r"([0-9.]+) million lb", r.note)
        assert m, f"row {i + 2}: no 'N million lb' in the note"
        assert r.unit == "thousand metric tons", f"row {i + 2}"
        tonnes = float(m.group(1)) * 1e6 * 0.45359237 / 1000
        assert abs(float(r.production) * 1000 - tonnes) <= 0.5, (i + 2, r.production, tonnes)


def _copper_endowed() -> set[str]:
    """Economies with a positive copper figure in any of the three tables: USGS MCS 2024 mine
    production or reserves, a supplementary production or reserves figure, exploration
    potential."""
    g = _rows(usgs(), "copper")
    g = g[(g.value != "") & ~g.iso3.isin({"OTHER", "WORLD"})]
    out = {r.iso3 for r in g.itertuples() if float(r.value) > 0}
    s = supp()[supp().mineral == "copper"]
    for r in s.itertuples():
        if any(v and float(v) > 0 for v in (r.production, r.reserves)):
            out.add(r.iso3)
    e = expl()[expl().mineral == "copper"]
    out |= {r.iso3 for r in e.itertuples() if float(r.potential) > 0}
    return out


def test_copper_known_endowment_covers_the_real_producers():
    """Issue 19: a global copper ranking needs at least 50 economies with known copper, so that
    no host without any is among the 50 best. Counted from the files themselves; a removed row
    of one of these producers fails here."""
    endowed = _copper_endowed()
    assert len(endowed) >= 50, len(endowed)
    for iso3 in ["MNG", "SRB", "ECU", "LAO", "PAN", "BRA", "IRN", "TUR", "ESP", "PRT", "BGR"]:
        assert iso3 in endowed, iso3
    # places with no copper mining stay without
    assert not {"SGP", "LUX", "TUV"} & endowed


# ---------------------------------------------------------------------------------------------
# exploration_potential.csv
# ---------------------------------------------------------------------------------------------


def _potential_from_basis(basis: str) -> float:
    kind, _, value = basis.partition("=")
    if kind == "usgs_undiscovered_to_identified":
        ratio = float(value)
        assert ratio > 0
        return min(1.0, max(0.0, (math.log10(ratio) + 1) / 2))
    if kind == "seed_statement":
        return SEED_LEVELS[value]
    raise AssertionError(f"unknown basis {basis!r}")


def test_exploration_columns_exactly():
    assert list(expl().columns) == EXPL_COLUMNS


def test_exploration_codes_known_keys_unique_and_cited():
    countries = set(_read("countries.csv").iso3)
    for i, r in expl().iterrows():
        assert r.iso3 in countries, f"row {i + 2}: {r.iso3}"
        assert r.mineral in minerals().index, f"row {i + 2}: {r.mineral}"
        for col in ("publisher", "source_title", "passage_or_table"):
            assert r[col].strip(), f"row {i + 2}: empty {col}"
        assert re.fullmatch(r"(19|20)\d\d", r.year), f"row {i + 2}"
        assert r.judgment in {"yes", "no"}, f"row {i + 2}"
        # a judgment cites its seed passage; a measure cites its public document
        if r.judgment == "yes":
            assert r.basis.startswith("seed_statement="), f"row {i + 2}"
            assert "seed 0" in r.passage_or_table, f"row {i + 2}"
        else:
            assert r.url.startswith(("https://", "http://")), f"row {i + 2}"
    assert not expl()[["iso3", "mineral"]].duplicated().any()


def test_exploration_potential_follows_the_fixed_rule():
    for i, r in expl().iterrows():
        p = float(r.potential)
        assert math.isfinite(p) and 0.0 <= p <= 1.0, f"row {i + 2}: {p}"
        assert p == pytest.approx(_potential_from_basis(r.basis), abs=5e-4), f"row {i + 2}"


def test_exploration_rule_orders_maturity():
    """More undiscovered copper per identified tonne never gives less potential; ratio 1 is 0.5."""
    assert _potential_from_basis("usgs_undiscovered_to_identified=1") == 0.5
    assert _potential_from_basis("usgs_undiscovered_to_identified=0.05") == 0.0
    assert _potential_from_basis("usgs_undiscovered_to_identified=40") == 1.0
    usgs_rows = expl()[expl().judgment == "no"]
    by_ratio = sorted(
        (float(r.basis.partition("=")[2]), float(r.potential)) for r in usgs_rows.itertuples()
    )
    potentials = [p for _, p in by_ratio]
    assert potentials == sorted(potentials)


def test_exploration_covers_the_bundled_case_hosts_the_sources_speak_of():
    have = {(r.iso3, r.mineral) for r in expl().itertuples()}
    for pair in [
        ("MNG", "copper"),
        ("MNG", "gold"),
        ("KAZ", "copper"),
        ("KGZ", "gold"),
        ("TJK", "antimony"),
        ("UZB", "copper"),
        ("COD", "copper"),
        ("CHL", "copper"),
        ("RUS", "platinum"),
    ]:
        assert pair in have, pair
    # places with no mining land are never given potential
    assert not {"SGP", "LUX", "TUV"} & set(expl().iso3)
