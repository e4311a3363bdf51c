"""What the tool knows: countries and their data coverage, modes, bundled cases, data sources."""

from __future__ import annotations

from typing import Any

import numpy as np

from coopselect.io.data import datasets, reference
from coopselect.io.data.snapshot import DataSnapshot
from coopselect.io.data.sources import dataset, file_of, registry
from coopselect.io.files import read_toml
from coopselect.paths import bundled_cases, criteria_dir

# Datasets of the coverage table: (dataset id, label). Their files and year (or edition) columns
# are their descriptors' (data/sources.toml).
COVERAGE = (
    ("wgi", "WGI"),
    ("lpi", "LPI"),
    ("epi", "EPI"),
    ("electricity", "Electricity"),
    ("gdp_per_capita", "GDP pc"),
    ("usgs", "USGS"),
)


def _years_by_country(dataset_id: str, data: DataSnapshot) -> dict[str, list]:
    """{iso3: the years (or editions) of ``dataset_id`` with a value}."""
    d = dataset(dataset_id)
    df = datasets.frame(d.file, data)
    df = df[df[d.value].notna()]
    out: dict[str, set] = {}
    for iso, k in zip(df["iso3"].tolist(), df[d.period].tolist(), strict=True):
        out.setdefault(iso, set()).add(int(k) if isinstance(k, float) else k)
    return {iso: sorted(v) for iso, v in out.items()}


def _usgs_minerals_by_country(data: DataSnapshot) -> dict[str, list[str]]:
    """Mineral ids (minerals.csv) for which USGS lists the host with a figure."""
    df = datasets.frame(file_of(datasets.USGS), data)
    df = df[df["value_tonnes"].notna()]
    by_product: dict[tuple[str, str], set[str]] = {}
    for com, prod, iso in zip(df["commodity"], df["product"], df["iso3"], strict=True):
        by_product.setdefault((com, prod), set()).add(iso)
    out: dict[str, list[str]] = {}
    for mid, m in reference.minerals().items():
        for iso in by_product.get((m.usgs_commodity, m.usgs_product), ()):
            out.setdefault(iso, []).append(mid)
    return out


def country_coverage(data: DataSnapshot) -> list[dict[str, Any]]:
    """Every covered economy: which years/editions of each dataset it has (the active vintage of
    each in the data snapshot ``data``), and the default hierarchy's indicators it has no value
    for."""
    from coopselect.io.loaders.hierarchy_loader import load_hierarchy

    h = load_hierarchy(criteria_dir() / "default.toml")
    iso = datasets.universe()
    missing: dict[str, list[str]] = {k: [] for k in iso}
    for ind in h.indicators.values():
        if ind.dataset == "usgs":
            continue  # depends on the case's minerals; reported per case
        col = datasets.raw_indicator(ind, iso, {}, data)
        for k in iso:
            if not np.isfinite(col.values[k]):
                missing[k].append(ind.id)
    cover = {
        ds: _usgs_minerals_by_country(data) if ds == datasets.USGS else _years_by_country(ds, data)
        for ds, _label in COVERAGE
    }
    out = []
    for k, c in reference.countries().items():
        out.append(
            {
                "iso3": k,
                "name_en": c.name_en,
                "name_zh": c.name_zh,
                "region_en": c.region_en,
                "region_zh": c.region_zh,
                "coverage": {ds: cover[ds].get(k, []) for ds, _ in COVERAGE},
                "missing": missing[k],
            }
        )
    return out


def span(values: list) -> str:
    """Years as compact ranges ("2019-2023", "2018, 2023"); editions joined; "" if none."""
    if not values:
        return ""
    if not all(isinstance(v, int) for v in values):
        return ", ".join(str(v).replace("EPI ", "") for v in values)
    ys = sorted(values)
    parts, start = [], ys[0]
    for a, b in zip(ys, [*ys[1:], None], strict=True):
        if b != a + 1:
            parts.append(str(start) if start == a else f"{start}-{a}")
            start = b
    return ", ".join(parts)


def mineral_catalog(data: DataSnapshot) -> list[dict[str, Any]]:
    """Every mineral id with what USGS measures, the units, and how many producers the active
    USGS table lists with a figure (latest production year) and how many hold reserves."""
    df = datasets.frame(file_of(datasets.USGS), data)
    df = df[df["iso3"].notna() & ~df["iso3"].isin(["WORLD", "OTHER"]) & df["value"].notna()]
    groups: dict[tuple, dict[str, Any]] = {}
    for com, prod, meas, year, iso, unit in zip(
        df["commodity"],
        df["product"],
        df["measure"],
        df["year"],
        df["iso3"],
        df["unit"],
        strict=True,
    ):
        g = groups.setdefault((com, prod, meas), {"years": {}, "units": {}})
        key = None if year != year else int(year)
        g["years"].setdefault(key, set()).add(iso)
        g["units"].setdefault(key, unit)
    out = []
    for mid, m in reference.minerals().items():
        prod = groups.get((m.usgs_commodity, m.usgs_product, "mine/refinery production"))
        year = max((y for y in prod["years"] if y is not None), default=None) if prod else None
        res = groups.get((m.usgs_commodity, m.usgs_product, "reserves"))
        if res is None:  # reserves given once per commodity (all PGMs on the platinum rows)
            res = next(
                (
                    g
                    for (c, _p, me), g in groups.items()
                    if c == m.usgs_commodity and me == "reserves"
                ),
                None,
            )
        out.append(
            {
                "id": mid,
                "name_en": m.name_en,
                "name_zh": m.name_zh,
                "usgs_commodity": m.usgs_commodity,
                "usgs_product": m.usgs_product,
                "measure": m.measure_note,
                "unit_production": prod["units"].get(year, "") if prod else "",
                "unit_reserves": res["units"].get(None, "") if res else "",
                "production_year": year,
                "producers": len(prod["years"].get(year, ())) if prod else 0,
                "reserve_holders": len(res["years"].get(None, ())) if res else 0,
            }
        )
    return out


def mode_profiles() -> list[dict[str, Any]]:
    from coopselect.io.loaders.modes_loader import load_modes

    cat = load_modes(criteria_dir() / "modes.toml")
    return [
        {
            "id": m.id,
            "name_en": m.name_en,
            "name_zh": m.name_zh,
            "description_en": m.description_en,
            "description_zh": m.description_zh,
            "source": m.source,
            "source_zh": m.source_zh,
            "profile": {
                k: {"value": j.value, "reason": j.reason, "reason_zh": j.reason_zh}
                for k, j in m.profile.items()
            },
            "barrier_response": {
                b: {"value": j.value, "reason": j.reason, "reason_zh": j.reason_zh}
                for b, j in m.barrier_response.items()
            },
            "intrinsic": m.intrinsic,
            "basis": "analyst judgment (criteria/modes.toml)",
        }
        for m in cat.modes
    ]


def bundled_case_list() -> list[dict[str, Any]]:
    out = []
    for path in bundled_cases():
        raw = read_toml(path)
        meta = raw.get("case", {})
        out.append(
            {
                "id": meta.get("id", path.stem),
                "title_en": meta.get("title_en", ""),
                "title_zh": meta.get("title_zh", ""),
                "countries": raw.get("countries", []),
                "file": f"cases/{path.name}",
            }
        )
    return out


def data_sources() -> list[dict[str, Any]]:
    """The registry in data/sources.toml (coopselect.io.data.sources): one entry per bundled data
    file, as dicts (``data sources --format json``)."""
    return [d.as_dict() for d in registry()]
