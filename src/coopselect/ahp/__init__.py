"""AHP engine: pairwise matrices, priorities, consistency, incomplete matrices, groups,
hierarchies. The core never prints; user errors are :class:`coopselect.errors.CoopselectError`.

Public API::

    parse_matrix(rows, labels, file=, place=) -> np.ndarray     # NaN for "?"
    priorities(matrix, method="eigen", ri="saaty1980") -> AhpResult
"""

from coopselect.ahp.matrix import parse_matrix, scale_warnings
from coopselect.pairwise.completion import Filled
from coopselect.pairwise.consistency import (
    CR_THRESHOLD,
    RI_TABLE_NAMES,
    RI_TABLES,
    Inconsistency,
    nearest_saaty,
    random_index,
)
from coopselect.pairwise.priorities import METHODS, AhpResult, priorities

__all__ = [
    "CR_THRESHOLD",
    "METHODS",
    "RI_TABLES",
    "RI_TABLE_NAMES",
    "AhpResult",
    "Filled",
    "Inconsistency",
    "nearest_saaty",
    "parse_matrix",
    "priorities",
    "random_index",
    "scale_warnings",
]
