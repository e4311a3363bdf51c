"""Analyse a checked AHP input and describe the result as plain data (JSON-ready, labels as
names). The CLI prints this; nothing here prints."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from coopselect.ahp.hierarchy import hierarchy_priorities
from coopselect.ahp.io import AhpInput, GroupInput, HierarchyInput, SingleInput
from coopselect.ahp.matrix import scale_warnings
from coopselect.pairwise.consistency import RI_TABLES, random_index
from coopselect.pairwise.group import group_priorities
from coopselect.pairwise.priorities import AhpResult, priorities


def _matrix_rows(m: np.ndarray) -> list[list[float | None]]:
    return [[None if np.isnan(v) else float(v) for v in row] for row in np.asarray(m)]


def _ri_values(table: str, n: int) -> list[float]:
    """The RI values shown: the named table, extended to n when needed."""
    length = max(n, len(RI_TABLES.get(table, ())), 1)
    return [random_index(k, table)[0] for k in range(1, length + 1)]


def describe(res: AhpResult, labels: Sequence[str], matrix: np.ndarray) -> dict[str, Any]:
    """The keys of one matrix's result."""
    worst = res.most_inconsistent
    return {
        "labels": list(labels),
        "matrix": _matrix_rows(matrix),
        "weights": [float(w) for w in res.weights],
        "lambda_max": float(res.lambda_max),
        "ci": float(res.ci),
        "cr": float(res.cr),
        "ri": float(res.ri),
        "ri_table": res.ri_table,
        "consistent": bool(res.consistent),
        "priority_method": res.priority_method,
        "most_inconsistent": None
        if worst is None
        else {
            "row": labels[worst.row],
            "col": labels[worst.col],
            "a_ij": worst.a_ij,
            "epsilon": worst.epsilon,
            "suggested": worst.suggested,
            "suggested_saaty": worst.suggested_saaty,
        },
        "completed": [
            {"row": labels[f.row], "col": labels[f.col], "value": f.value} for f in res.completed
        ],
    }


def analyse(
    data: AhpInput,
    *,
    method: str = "eigen",
    ri: str = "saaty1980",
    aggregate: str = "aij",
    file: str | None = None,
) -> dict[str, Any]:
    """Result of a single matrix, a group or a hierarchy, as a dict (see the README keys)."""
    if isinstance(data, SingleInput):
        res = priorities(data.matrix, method, ri, labels=data.labels, file=file)
        out = {"kind": "matrix", **describe(res, data.labels, data.matrix)}
        out["warnings"] = scale_warnings(data.matrix, data.labels, file=file)
    elif isinstance(data, GroupInput):
        g = group_priorities(
            [e.matrix for e in data.experts],
            [e.name for e in data.experts],
            [e.weight for e in data.experts],
            aggregate=aggregate,
            method=method,
            ri=ri,
            labels=data.labels,
            file=file,
        )
        out = {"kind": "group", **describe(g.result, data.labels, g.aggregated_matrix)}
        out["weights"] = [float(w) for w in g.weights]
        out["aggregate"] = aggregate
        out["aggregated_matrix"] = out.pop("matrix")
        out["experts"] = [
            {
                "name": e.name,
                "weight": e.weight,
                "weights": [float(w) for w in e.result.weights],
                "cr": float(e.result.cr),
                "consistent": not e.flagged,
            }
            for e in g.experts
        ]
        out["warnings"] = [
            w
            for e in data.experts
            for w in scale_warnings(e.matrix, data.labels, file=file, place=f"experts {e.name!r}")
        ]
    elif isinstance(data, HierarchyInput):
        h = hierarchy_priorities(
            data.criteria,
            data.criteria_matrix,
            data.alternatives,
            data.matrices,
            method=method,
            ri=ri,
            file=file,
        )
        out = {
            "kind": "hierarchy",
            **describe(h.criteria_result, data.criteria, data.criteria_matrix),
        }
        out["criteria_weights"] = out["weights"]
        out["alternatives"] = list(data.alternatives)
        out["local"] = {
            c: describe(h.local[c], data.alternatives, data.matrices[c]) for c in data.criteria
        }
        out["global_weights"] = [float(w) for w in h.global_weights]
        out["ranks"] = h.ranks
        out["warnings"] = scale_warnings(
            data.criteria_matrix, data.criteria, file=file, place="criteria.matrix"
        ) + [
            w
            for c in data.criteria
            for w in scale_warnings(
                data.matrices[c], data.alternatives, file=file, place=f"alternatives.{c}"
            )
        ]
    else:  # pragma: no cover - the loader returns one of the three
        raise TypeError(type(data))
    out["ri_values"] = _ri_values(ri, len(out["labels"]))
    return out
