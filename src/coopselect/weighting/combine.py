"""Combining subjective weights (e.g. AHP) with objective weights (entropy, CRITIC, ...).

Two rules:

* ``multiplicative`` -- ``w_j = s_j o_j / sum_k s_k o_k``, the multiplicative synthesis used by
  Wang & Lee (2009), "Developing a fuzzy TOPSIS approach based on subjective weights and objective
  weights", Expert Systems with Applications 36(5), 8980-8985, to merge subjective weights with
  entropy weights. A criterion gets a large weight only if both sources rate it highly, and a
  criterion that either source gives 0 gets 0.
* ``linear`` -- ``w = alpha s + (1 - alpha) o`` with ``0 <= alpha <= 1`` the share given to the
  subjective weights: the additive synthesis behind the "subjective and objective integrated"
  weights of Ma, Fan & Huang (1999), European Journal of Operational Research 112(2), 397-404,
  where a preference coefficient balances the two kinds of weights. Both rules are among the
  combined weighting approaches reviewed by Zardari, Ahmed, Shirazi & Yusop (2015), *Weighting
  Methods and their Effects on Multi-Criteria Decision Making Model Outcomes in Water Resources
  Management*, SpringerBriefs in Water Science and Technology, Springer,
  doi:10.1007/978-3-319-12586-2.

Both inputs are re-normalised to sum 1 before they are combined.
"""

from __future__ import annotations

import numpy as np

from coopselect.errors import CoopselectError

COMBINE_RULES = ("multiplicative", "linear")


def _check(w: object, name: str) -> np.ndarray:
    try:
        a = np.asarray(w, dtype=float)
    except (TypeError, ValueError):
        raise CoopselectError(
            f"the {name} weights are not numeric.",
            place=f"{name} weights",
            fix="give one number >= 0 per criterion.",
        ) from None
    if a.ndim != 1 or a.size == 0:
        raise CoopselectError(
            f"the {name} weights must be a non-empty list of numbers; got shape {a.shape}.",
            place=f"{name} weights",
            fix="give one number >= 0 per criterion.",
        )
    bad = np.flatnonzero(~np.isfinite(a) | (a < 0))
    if bad.size:
        j = int(bad[0])
        raise CoopselectError(
            f"criterion {j + 1} has the weight {a[j]}; weights must be finite and >= 0.",
            place=f"{name} weights",
            fix="give one finite number >= 0 per criterion.",
        )
    total = float(a.sum())
    if total <= 0:
        raise CoopselectError(
            f"the {name} weights are all zero.",
            place=f"{name} weights",
            fix="give at least one criterion a positive weight.",
        )
    return a / total


def combine_weights(
    subjective: np.ndarray,
    objective: np.ndarray,
    rule: str = "multiplicative",
    alpha: float = 0.5,
) -> np.ndarray:
    """Combine subjective and objective weights into one vector summing to 1.

    ``rule="multiplicative"``: ``w_j = s_j o_j / sum_k s_k o_k`` (``alpha`` is ignored); if every
    product is 0 (no criterion has both weights positive) the result is undefined and an error is
    raised. ``rule="linear"``: ``w = alpha s + (1 - alpha) o`` with ``0 <= alpha <= 1``.

    Both inputs are re-normalised to sum 1 first; they must have the same length and hold finite
    numbers ``>= 0``, not all zero.
    """
    s = _check(subjective, "subjective")
    o = _check(objective, "objective")
    if s.shape != o.shape:
        raise CoopselectError(
            f"{s.size} subjective weights but {o.size} objective weights.",
            place="weights",
            fix="give both weight vectors for the same criteria, in the same order.",
        )
    if rule == "multiplicative":
        prod = s * o
        total = float(prod.sum())
        if total <= 0:
            raise CoopselectError(
                "the multiplicative combination is undefined: no criterion has both a positive "
                "subjective and a positive objective weight.",
                place="weights",
                fix="use rule 'linear', or check that the two weight vectors refer to the same "
                "criteria.",
            )
        return prod / total
    if rule == "linear":
        try:
            a = float(alpha)
        except (TypeError, ValueError):
            a = float("nan")
        if not 0.0 <= a <= 1.0:
            raise CoopselectError(
                f"alpha must be between 0 and 1; got {alpha!r}.",
                place="alpha",
                fix="give the share of the subjective weights, from 0 (objective only) to 1 "
                "(subjective only).",
            )
        w = a * s + (1.0 - a) * o
        return w / w.sum()
    raise CoopselectError(
        f"unknown combination rule {rule!r}.",
        place="rule",
        fix=f"use one of {', '.join(COMBINE_RULES)}.",
    )
