"""Cell values as text (HTML and Markdown), by column kind."""

from __future__ import annotations

import math
from typing import Any


def scale_range(values) -> tuple[float, float]:
    """One colour range for every shaded cell of a table or chart: 0-1 when every value lies
    there (scores and favourabilities), else the values' own minimum and maximum."""
    vals = [float(v) for v in values if isinstance(v, int | float) and math.isfinite(float(v))]
    if not vals:
        return 0.0, 1.0
    lo, hi = min(vals), max(vals)
    if lo >= 0 and hi <= 1:
        return 0.0, 1.0
    return lo, hi


def table_scale_range(table) -> tuple[float, float]:
    return scale_range(r[j] for r in table.rows for j in table.scale)


def cell_text(value: Any, kind: str) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, int) and kind in ("int", "text"):
        return str(value)
    if isinstance(value, float | int):
        v = float(value)
        if not math.isfinite(v):
            return "–"
        if v == 0 or abs(v) < 5e-5:
            v = 0.0  # no "-0.0000"
        if kind == "int":
            return str(int(v))
        if kind == "pct":
            return f"{v:.1%}"
        if kind == "weight":
            return f"{v:.3f}"
        if kind == "g":
            return f"{v:g}"
        if kind == "num":
            return f"{v:.4f}" if abs(v) < 1000 else f"{v:,.1f}"
        return f"{v:g}"
    return str(value)
