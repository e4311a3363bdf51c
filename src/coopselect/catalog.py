"""What the tool knows: countries and their data coverage, modes, bundled cases, data sources."""

from __future__ import annotations

from typing import Any

import numpy as np

from coopselect.io import datasets
from coopselect.io.files import read_toml
from coopselect.paths import bundled_cases, criteria_dir, data_dir


def country_coverage() -> list[dict[str, Any]]:
    """Each bundled country with the default hierarchy's indicators it has no value for."""
    from coopselect.io.hierarchy_loader import load_hierarchy

    h = load_hierarchy(criteria_dir() / "default.toml")
    iso = datasets.universe()
    missing: dict[str, list[str]] = {k: [] for k in iso}
    for ind in h.indicators.values():
        if ind.dataset == "usgs":
            continue  # depends on the case's minerals; reported per case
        col = datasets.raw_indicator(ind, iso, {})
        for k in iso:
            if not np.isfinite(col.values[k]):
                missing[k].append(ind.id)
    out = []
    for k, c in datasets.countries().items():
        out.append(
            {
                "iso3": k,
                "name_en": c.name_en,
                "name_zh": c.name_zh,
                "region_en": c.region_en,
                "region_zh": c.region_zh,
                "missing": missing[k],
            }
        )
    return out


def mode_profiles() -> list[dict[str, Any]]:
    from coopselect.io.modes_loader import load_modes

    cat = load_modes(criteria_dir() / "modes.toml")
    return [
        {
            "id": m.id,
            "name_en": m.name_en,
            "name_zh": m.name_zh,
            "description_en": m.description_en,
            "description_zh": m.description_zh,
            "source": m.source,
            "profile": {k: {"value": j.value, "reason": j.reason} for k, j in m.profile.items()},
            "barrier_response": {
                b: {"value": j.value, "reason": j.reason} for b, j in m.barrier_response.items()
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
    """The registry in data/sources.toml: one entry per bundled data file."""
    raw = read_toml(data_dir() / "sources.toml")
    return [dict(entry) for entry in raw["sources"]]
