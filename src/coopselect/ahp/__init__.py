"""AHP engine: pairwise matrices, priorities, consistency.

Public API: ``parse_matrix``, ``priorities``, ``AhpResult``, ``RI_TABLES``.
"""

from coopselect.ahp.core import RI_TABLES, AhpResult, Inconsistency, parse_matrix, priorities

__all__ = ["RI_TABLES", "AhpResult", "Inconsistency", "parse_matrix", "priorities"]
