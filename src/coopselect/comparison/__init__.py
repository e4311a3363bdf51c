"""Comparing rankings: rank-agreement coefficients and several methods side by side."""

from coopselect.comparison.compare import Comparison, compare_methods, parse_methods
from coopselect.comparison.rankcorr import (
    COEFFICIENTS,
    agreement,
    kendall,
    spearman,
    weighted_spearman,
    ws,
)

__all__ = [
    "COEFFICIENTS",
    "Comparison",
    "agreement",
    "compare_methods",
    "kendall",
    "parse_methods",
    "spearman",
    "weighted_spearman",
    "ws",
]
