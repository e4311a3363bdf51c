"""Cell values as text (HTML and Markdown), by column kind."""

from __future__ import annotations

import math
from typing import Any


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
