"""Compare two vintages of the USGS table: which hosts gained or lost share of world.

For each mineral (minerals.csv), measure (production in each vintage's latest production year;
reserves) and host, the share of the USGS world total in both vintages. A host a vintage does not
list has no share there (shown as missing, its change counted against zero).
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

from coopselect.errors import CoopselectError


def _shares(path) -> tuple[dict[tuple[str, str], dict[str, float]], dict[str, int]]:
    """{(mineral id, measure): {iso3: share}} of one USGS table, and the production year used."""
    import math

    from coopselect.io.data import datasets, reference

    df = datasets.frame_at(path)
    df = df[df["value_tonnes"].notna() & df["iso3"].notna()]
    prod = df[df["measure"] == "mine/refinery production"]
    latest = prod.groupby(["commodity", "product"])["year"].max().to_dict()
    cells: dict[tuple, dict[str, float]] = {}
    for com, product, meas, year, iso, v in zip(
        df["commodity"],
        df["product"],
        df["measure"],
        df["year"],
        df["iso3"],
        df["value_tonnes"],
        strict=True,
    ):
        if meas == "reserves":
            key = (com, product, "reserves")
        elif meas == "mine/refinery production" and year == latest.get((com, product)):
            key = (com, product, "production")
        else:
            continue
        cells.setdefault(key, {}).setdefault(iso, float(v))
    out: dict[tuple[str, str], dict[str, float]] = {}
    years: dict[str, int] = {}
    for mid, m in reference.minerals().items():
        for measure in ("production", "reserves"):
            rows = cells.get((m.usgs_commodity, m.usgs_product, measure), {})
            world = rows.get("WORLD", math.nan)
            if not (world > 0):
                continue
            out[(mid, measure)] = {
                k: v / world for k, v in rows.items() if k not in ("WORLD", "OTHER") and v == v
            }
        y = latest.get((m.usgs_commodity, m.usgs_product))
        if y is not None and y == y:
            years[mid] = int(y)
    return out, years


def usgs_diff(
    old: str | None,
    new: str | None,
    minerals: Collection[str] | None = None,
    threshold: float = 0.001,
    top: int | None = None,
    *,
    root: Path,
) -> dict[str, Any]:
    """The changes in share between two USGS vintages (ids, or "bundled"; default: the active one
    against the vintage imported before it, or the bundled file) of the data folder ``root``
    (``--data-dir``), of the minerals ``minerals`` (ids, default:
    every mineral with a share)."""
    from coopselect.io.data import vintages

    b = vintages.vintage("usgs", new, root)
    if old is None:
        imported = [v.id for v in vintages.vintages("usgs", root)]
        before = imported[: imported.index(b.id)] if b.id in imported else imported
        old = before[-1] if before else vintages.BUNDLED
        if old == b.id:
            old = vintages.BUNDLED
    a = vintages.vintage("usgs", old, root)
    if a.id == b.id:
        raise CoopselectError(
            f"both sides are the same vintage ({a.label()}).",
            place="--from/--to",
            fix="import another USGS release (coopselect data import usgs-mcs FOLDER) or name "
            "two vintages.",
        )
    sa, ya = _shares(a.path)
    sb, yb = _shares(b.path)
    wanted = set(minerals) if minerals else None
    changes = []
    for key in sorted(set(sa) | set(sb)):
        mid, measure = key
        if wanted is not None and mid not in wanted:
            continue
        xa, xb = sa.get(key, {}), sb.get(key, {})
        rows: list[dict[str, Any]] = []
        for iso in set(xa) | set(xb):
            va, vb = xa.get(iso), xb.get(iso)
            d = (vb or 0.0) - (va or 0.0)
            if abs(d) >= threshold:
                rows.append(
                    {
                        "mineral": mid,
                        "measure": measure,
                        "iso3": iso,
                        "before": va,
                        "after": vb,
                        "change": d,
                    }
                )
        rows.sort(key=lambda r: (-abs(r["change"]), r["iso3"]))
        changes += rows[:top] if top else rows
    notes = []
    differ = sorted(m for m in set(ya) & set(yb) if ya[m] != yb[m])
    if differ:
        years = sorted({(ya[m], yb[m]) for m in differ})
        notes.append(
            "production compares each vintage's latest year: "
            + ", ".join(f"{x} -> {y}" for x, y in years)
        )
    notes.append(
        "a host a vintage does not list (inside 'Other countries') has no share there; its "
        "change is counted against zero."
    )
    return {
        "from": {**a.as_dict(), "label": a.label()},
        "to": {**b.as_dict(), "label": b.label()},
        "threshold": threshold,
        "changes": changes,
        "notes": notes,
    }
