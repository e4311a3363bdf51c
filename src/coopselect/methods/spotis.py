"""SPOTIS (Dezert, Tchamova, Han & Tacnet 2020): distance to a reference point within fixed bounds.

Dezert, J., Tchamova, A., Han, D. & Tacnet, J.-M. (2020). The SPOTIS rank reversal free method for
multi-criteria decision-making support. 23rd International Conference on Information Fusion
(FUSION 2020), IEEE, pp. 1-8.

Every criterion j has bounds [min_j, max_j] that every value must respect, and a reference point
s*_j (the "expected solution point"; by default the ideal: max_j for a benefit criterion, min_j for
a cost criterion). The score of alternative i is the weighted normalised distance

    d_i = sum_j w_j |x_ij - s*_j| / (max_j - min_j)

``scores`` are d (``higher_is_better=False``: smaller is better), in [0, 1] when the weights sum to
1. ``extras`` hold ``bounds`` (n x 2 array) and ``reference`` (length n).

Because each score depends only on the alternative's own values, the bounds and the reference,
adding or removing alternatives never changes the others' scores: SPOTIS is free of rank
reversal, but only when the bounds are fixed in advance. Bounds taken from the data move when the
set of alternatives changes, which is why they are reported in ``notes``.

Bounds: ``bounds=None`` takes every criterion's bounds from the data (min and max of the column);
otherwise one ``[min, max]`` pair per criterion, where a pair, or either side of it, may be None to
take that side from the data (noted). Given bounds must be finite with min < max; a value outside
its criterion's bounds or a reference outside them is an error naming the place. The reference may
be None or hold None entries (default for that criterion).

Degenerate cases, never NaN: a criterion whose bounds, taken partly or wholly from the data,
collapse to one value (a constant column) has distance 0 for every alternative (noted); a
criterion with weight 0 contributes nothing. Bounds equal within the registry's relative tolerance
``REL_TOL`` (1e-9) count as collapsed, so that a column whose values are equal in exact arithmetic
but differ in the last bit (rounding differs between CPUs) is constant everywhere instead of
having its 1e-16 spread stretched to the full distance 1.
"""

from __future__ import annotations

import numpy as np

from coopselect.errors import CoopselectError
from coopselect.messages import message
from coopselect.methods.bounds import as_list, number, resolve_bounds
from coopselect.methods.common import require_finite_scores
from coopselect.methods.result import MethodResult, rank_scores
from coopselect.methods.tolerance import nearly_equal


def spotis(
    matrix: np.ndarray,
    weights: np.ndarray,
    types: np.ndarray,
    bounds=None,
    reference=None,
) -> MethodResult:
    """Rank by SPOTIS: weighted distance to a reference point within fixed bounds.

    Parameters
    ----------
    matrix : numpy.ndarray
        Decision matrix, one row per alternative and one column per criterion.
    weights : numpy.ndarray
        One weight per criterion, summing to 1 (:func:`~coopselect.methods.run_method` rescales
        them).
    types : numpy.ndarray
        +1 (benefit) or -1 (cost) per criterion.
    bounds : sequence of [min, max], optional
        Per-criterion bounds every value must respect; None (or a None side) takes them from the
        data, noted (rank reversal is excluded only with fixed bounds).
    reference : sequence of float, optional
        Reference point per criterion within its bounds; default (or None entries) the ideal.

    Returns
    -------
    MethodResult
        ``scores``: distance d in [0, 1], lower is better (``higher_is_better=False``).
        ``extras``: ``bounds`` (n x 2), ``reference`` and ``distances`` (per alternative and
        criterion).

    Notes
    -----
    Dezert, J., Tchamova, A., Han, D. & Tacnet, J.-M. (2020). The SPOTIS rank reversal free
    method for multi-criteria decision-making support. 23rd International Conference on
    Information Fusion (FUSION 2020), IEEE, 1-8.

    Formulas and the rule for every degenerate case (never NaN): the module docstring.
    How it compares with pymcdm's version: :mod:`coopselect.methods.registry`.

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([[7.0, 2.0], [8.0, 5.0], [6.0, 3.0]])  # benefit, cost
    >>> res = spotis(x, np.array([0.6, 0.4]), np.array([1, -1]), bounds=[[5, 10], [0, 6]])
    >>> res.scores.round(4).tolist(), res.ranks.tolist()
    ([0.4933, 0.5733, 0.68], [1, 2, 3])
    """
    x = np.asarray(matrix, dtype=float)
    w = np.asarray(weights, dtype=float)
    t = np.asarray(types)
    n = x.shape[1]
    b, notes = resolve_bounds(x, bounds, "SPOTIS")
    ref = np.where(t > 0, b[:, 1], b[:, 0])
    if reference is not None:
        ref_fix = "give one reference value per criterion within its bounds (None: the ideal)."
        for j, val in enumerate(as_list(reference, n, "reference", ref_fix)):
            place = f"criterion {j + 1}"
            val = number(val, "the reference", place, ref_fix)
            if val is None:
                continue
            if not b[j, 0] <= val <= b[j, 1]:
                raise CoopselectError(
                    f"the reference {val:g} lies outside the bounds [{b[j, 0]:g}, {b[j, 1]:g}].",
                    place=place,
                    fix=ref_fix,
                )
            ref[j] = val
    span = b[:, 1] - b[:, 0]
    dist = np.zeros_like(x)
    for j in range(n):
        if span[j] <= 0 or nearly_equal(b[j, 0], b[j, 1]):
            notes.append(message("spotis.constant", j=j + 1))
            continue
        dist[:, j] = np.abs(x[:, j] - ref[j]) / span[j]
    scores = dist @ w
    require_finite_scores(scores, "SPOTIS")
    ranks, ties = rank_scores(scores, False)
    return MethodResult(
        "spotis",
        scores,
        ranks,
        False,
        {"bounds": b, "reference": ref, "distances": dist},
        ties,
        tuple(notes),
    )
