"""Guards for text that came from a case file: spreadsheet formula injection, and conversion of
numpy values to plain JSON types."""

from __future__ import annotations

import math
from enum import Enum
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A text cell that a spreadsheet would read as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in FORMULA_START:
        return "'" + value
    return value


def plain(obj: Any) -> Any:
    """numpy scalars/arrays, tuples and enums to JSON types; NaN and infinities become null."""
    if isinstance(obj, dict):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [plain(v) for v in obj]
    if hasattr(obj, "tolist"):
        return plain(obj.tolist())
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if isinstance(obj, Enum):
        return obj.value
    if obj is None or isinstance(obj, str | int | float | bool):
        return obj
    return str(obj)
