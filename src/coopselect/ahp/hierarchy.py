"""Hierarchies: synthesise global priorities from local ones.

Saaty (1990) EJOR 48, 9-26: the global priority of an element is the sum over its parents of
(parent's global priority x its local priority under that parent) - the distributive mode.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from coopselect.errors import CoopselectError
from coopselect.pairwise.priorities import AhpResult, priorities

WEIGHT_SUM_TOLERANCE = 1e-6


def global_weights(
    tree: Mapping[str, Mapping[str, float]], root: str | None = None
) -> dict[str, float]:
    """Global weights of the leaves of a tree of local weights.

    ``tree`` maps each inner node to its children's local weights, e.g.
    ``{"goal": {"political": 0.6, "economic": 0.4}, "political": {"stability": 0.7, "law": 0.3}}``
    gives ``{"stability": 0.42, "law": 0.18, "economic": 0.4}`` (leaves in depth-first order).
    The root is the one node that is nobody's child (or ``root``). Each node's local weights must
    be positive and sum to 1; a child under two parents adds up its contributions.
    """
    children = {c for kids in tree.values() for c in kids}
    if root is None:
        roots = [node for node in tree if node not in children]
        if len(roots) != 1:
            raise CoopselectError(
                f"the tree needs exactly one root, found {roots or 'none (a cycle)'}.",
                place="tree",
                fix="make every node except the goal a child of another node.",
            )
        root = roots[0]
    for node, kids in tree.items():
        values = np.asarray(list(kids.values()), dtype=float)
        if not kids or np.any(~np.isfinite(values)) or np.any(values < 0):
            raise CoopselectError(
                "local weights must be non-negative numbers.",
                place=f"tree node {node!r}",
                fix="give each child a weight between 0 and 1.",
            )
        if abs(values.sum() - 1.0) > WEIGHT_SUM_TOLERANCE:
            raise CoopselectError(
                f"local weights sum to {values.sum():.6g}, not 1.",
                place=f"tree node {node!r}",
                fix="normalise the children's weights so that they sum to 1.",
            )
    out: dict[str, float] = {}

    def walk(node: str, weight: float, path: tuple[str, ...]) -> None:
        if node in path:
            raise CoopselectError(
                f"the tree has a cycle through {node!r}.",
                place=f"tree node {node!r}",
                fix="a node cannot be its own ancestor.",
            )
        kids = tree.get(node)
        if not kids:
            out[node] = out.get(node, 0.0) + weight
            return
        for child, local in kids.items():
            walk(child, weight * float(local), (*path, node))

    walk(root, 1.0, ())
    return out


def synthesise(criteria_weights: np.ndarray, local: Sequence[np.ndarray]) -> np.ndarray:
    """Global alternative priorities: sum_k c_k * w_k (distributive mode)."""
    return np.asarray(local, dtype=float).T @ np.asarray(criteria_weights, dtype=float)


def ranks_of(scores: np.ndarray) -> list[int]:
    """Rank 1 = highest score; ties share the better rank."""
    s = np.asarray(scores, dtype=float)
    return [int(1 + np.sum(s > v + 1e-12)) for v in s]


@dataclass(frozen=True)
class HierarchyResult:
    criteria: tuple[str, ...]
    alternatives: tuple[str, ...]
    criteria_result: AhpResult
    local: dict[str, AhpResult]  # keyed by criterion label
    global_weights: np.ndarray
    ranks: list[int]


def hierarchy_priorities(
    criteria: Sequence[str],
    criteria_matrix: np.ndarray,
    alternatives: Sequence[str],
    matrices: Mapping[str, np.ndarray],
    *,
    method: str = "eigen",
    ri: str = "saaty1980",
    file: str | None = None,
) -> HierarchyResult:
    """Criteria weights, alternative priorities under each criterion, and their synthesis."""
    top = priorities(
        criteria_matrix, method, ri, labels=criteria, file=file, place="criteria.matrix"
    )
    local = {
        c: priorities(
            matrices[c],
            method,
            ri,
            labels=alternatives,
            file=file,
            place=f"alternatives.matrices.{c}",
        )
        for c in criteria
    }
    g = synthesise(top.weights, [local[c].weights for c in criteria])
    return HierarchyResult(tuple(criteria), tuple(alternatives), top, local, g, ranks_of(g))
