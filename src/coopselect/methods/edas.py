"""EDAS, evaluation based on distance from average solution (Keshavarz Ghorabaee, Zavadskas,
Olfat & Turskis 2015, "Multi-criteria inventory classification using a new method of evaluation
based on distance from average solution (EDAS)", Informatica 26(3):435-451).

* average solution ``AV_j = mean_i x_ij``;
* positive and negative distances from it, benefit:
  ``PDA_ij = max(0, x_ij - AV_j) / AV_j``, ``NDA_ij = max(0, AV_j - x_ij) / AV_j``; cost: the
  other way round;
* ``SP_i = sum_j w_j PDA_ij``, ``SN_i = sum_j w_j NDA_ij``;
* ``NSP_i = SP_i / max_k SP_k``, ``NSN_i = 1 - SN_i / max_k SN_k``;
* appraisal score ``AS_i = (NSP_i + NSN_i) / 2`` in [0, 1].

``scores`` are AS, ``higher_is_better=True``; extras ``"AV"``, ``"PDA"``, ``"NDA"``, ``"SP"``,
``"SN"``, ``"NSP"``, ``"NSN"``, ``"AS"``.

Rules, never NaN or inf:

* a constant column (including all zeros) has PDA = NDA = 0 for every alternative (noted), whatever
  its average;
* a non-constant column must have ``AV_j > 0`` (the distances are relative to it): otherwise
  :class:`CoopselectError` naming the criterion;
* ``max SP = 0`` (no alternative above the average on any weighted criterion): NSP = 0 for all;
  ``max SN = 0``: NSN = 1 for all (noted; both happen together, and then every AS is 0.5, a tie);
* a criterion with weight 0 adds nothing to SP or SN (noted).

Platform independence: a column whose values are all equal within the registry's relative
tolerance ``REL_TOL`` (1e-9) counts as constant, and a value within ``REL_TOL * max(|x|, |AV|,
range of the column)`` of the average counts as on it (PDA = NDA = 0). Otherwise values equal in
exact arithmetic but a bit off the average on one CPU would make ``max SP`` a 1e-16 and stretch
it to NSP = 1.
"""

from __future__ import annotations

import numpy as np

from coopselect.errors import CoopselectError
from coopselect.messages import message
from coopselect.methods.common import common_notes, require_finite_scores
from coopselect.methods.result import MethodResult, rank_scores
from coopselect.methods.tolerance import effectively_constant, noise_floor, snap


def edas(matrix, weights, types) -> MethodResult:
    """Rank by EDAS: distance from the average solution.

    Parameters
    ----------
    matrix : numpy.ndarray
        Decision matrix, one row per alternative and one column per criterion.
    weights : numpy.ndarray
        One weight per criterion, summing to 1 (:func:`~coopselect.methods.run_method` rescales
        them).
    types : numpy.ndarray
        +1 (benefit) or -1 (cost) per criterion.

    Returns
    -------
    MethodResult
        ``scores``: appraisal score AS in [0, 1], higher is better. ``extras``: ``AV`` (per
        criterion), ``PDA``, ``NDA`` (matrices), ``SP``, ``SN``, ``NSP``, ``NSN``, ``AS``.

    Notes
    -----
    Keshavarz Ghorabaee, M., Zavadskas, E. K., Olfat, L. & Turskis, Z. (2015).
    Multi-criteria inventory classification using a new method of evaluation based on
    distance from average solution (EDAS). Informatica 26(3):435-451.

    Formulas and the rule for every degenerate case (never NaN): the module docstring.
    How it compares with pymcdm's version: :mod:`coopselect.methods.registry`.

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([[7.0, 2.0], [8.0, 5.0], [6.0, 3.0]])  # benefit, cost
    >>> res = edas(x, np.array([0.6, 0.4]), np.array([1, -1]))
    >>> res.scores.round(4).tolist(), res.ranks.tolist()
    ([1.0, 0.2679, 0.4107], [1, 3, 2])
    """
    x = np.asarray(matrix, dtype=float)
    w = np.asarray(weights, dtype=float)
    t = np.asarray(types)
    av = x.mean(axis=0)
    constant = np.array([effectively_constant(x[:, j]) for j in range(x.shape[1])], dtype=bool)
    for j in np.flatnonzero(~constant & (av <= 0)):
        raise CoopselectError(
            f"EDAS measures distances relative to the average, and the average of criterion "
            f"{j + 1} is {av[j]:g} (it must be > 0).",
            place=f"criterion {j + 1}",
            fix=f"shift criterion {j + 1} so that its values are positive (e.g. add a constant "
            "to the whole column), or use a method that accepts such values (topsis, mabac).",
        )
    safe_av = np.where(constant, 1.0, av)
    # Distance from the average; within the tolerance of it counts as on it.
    offset = snap(x - av, noise_floor(x, av, np.ptp(x, axis=0)))
    diff = offset * t / safe_av  # > 0: better than average, whatever the direction
    diff[:, constant] = 0.0
    pda = np.maximum(diff, 0.0)
    nda = np.maximum(-diff, 0.0)
    sp = pda @ w
    sn = nda @ w
    notes = common_notes(x, w, message("method.effect.average_distance"))
    sp_max, sn_max = float(sp.max()), float(sn.max())
    nsp = sp / sp_max if sp_max > 0 else np.zeros_like(sp)
    nsn = 1.0 - sn / sn_max if sn_max > 0 else np.ones_like(sn)
    if sp_max == 0 or sn_max == 0:
        notes.append(message("edas.no_difference"))
    scores = (nsp + nsn) / 2.0
    require_finite_scores(scores, "EDAS")
    ranks, ties = rank_scores(scores, True)
    return MethodResult(
        "edas",
        scores,
        ranks,
        True,
        {
            "AV": av,
            "PDA": pda,
            "NDA": nda,
            "SP": sp,
            "SN": sn,
            "NSP": nsp,
            "NSN": nsn,
            "AS": scores,
        },
        ties,
        tuple(notes),
    )
