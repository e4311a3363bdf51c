"""Consensus ranking: the Copeland majority of TOPSIS, VIKOR, PROMETHEE II, WSM and SPOTIS.

The five main methods (``MEMBERS``) rank the same matrix, each with the parameters given in
``member_params`` (on a case, those the model gives the method alone: PROMETHEE II's V-shape over
the fixed scales, SPOTIS's fixed bounds), else its defaults; ``bounds`` is a shortcut for SPOTIS's.
Each is one voter. For every pair of
alternatives a and b, a **beats** b when more of the five methods put a strictly above b than put
b above a (a tie within a method, by ``REL_TOL`` of methods.tolerance, is no vote either way); equal
counts are a draw. An alternative's Copeland score is the share of the other alternatives it
beats, draws counted half:

    copeland_i = (wins_i + draws_i / 2) / (m - 1)

**Why Copeland, not Borda.** The consensus answers DESIGN item 7's question, *do the methods
agree?*, and Copeland asks it directly: a is above b when most methods say so. Borda sums the
positions instead, so one method that pushes an alternative far down (VIKOR's worst regret,
SPOTIS's fixed-scale distance) can outweigh a majority of methods that prefer it by one place: a
minority of one would decide. Copeland is also Condorcet-consistent (an alternative that a
majority of methods puts above every other is first) and monotone (an alternative that every
method puts at least as high as another never scores below it). With five voters a pairwise
majority is strict unless methods tie.

**Ties, deterministically.** Copeland scores tie more often than positions do (a majority cycle,
or the same number of wins). Ties are broken by the Borda share, the mean over the five methods of
the share of alternatives a method puts strictly below (tied ones counted half):

    borda_i = sum_k (below_ik + tied_ik / 2) / (5 (m - 1))

and what is still tied keeps the input order (:func:`~coopselect.methods.result.rank_scores`). The
score folds the tie-break in, so that every output that ranks by score ranks alike:

    score_i = (copeland_i + e borda_i) / (1 + e),   e = 1 / (4 (m - 1))

The Borda term is at most a quarter of a Copeland step (``1 / (2 (m - 1))``), so it orders only
alternatives that Copeland ties; dividing by ``1 + e`` keeps scores in [0, 1]. Higher is better.

``extras``: ``copeland``, ``borda``, ``wins``, ``draws`` (per alternative), ``members`` (the five
names) and ``member_ranks`` (each method's ranks, ties sharing their best rank). A member's notes
come through prefixed with its name. A single alternative is ranked first with score 0 and a
note; the methods are not run (VIKOR refuses one alternative).
"""

from __future__ import annotations

import numpy as np

from coopselect.messages import message
from coopselect.methods.common import require_finite_scores
from coopselect.methods.result import MethodResult, rank_scores
from coopselect.methods.spec import main_methods

MEMBERS = main_methods()
"""The methods whose rankings the consensus aggregates (the five main methods of the specs:
topsis, vikor, promethee2, wsm, spotis; issue 18, DESIGN item 7)."""

_CHUNK = 512  # rows of the pairwise comparison held at once (memory stays O(m x 512))


def _levels(result: MethodResult) -> np.ndarray:
    """Each alternative's rank, a tie group sharing its best rank (lower is better)."""
    levels = np.array(result.ranks, dtype=np.int64)
    for group in result.ties:
        idx = list(group)
        levels[idx] = levels[idx].min()
    return levels


def aggregate(levels) -> tuple[np.ndarray, ...]:
    """Copeland and Borda of several rankings of the same alternatives (the module docstring).

    Parameters
    ----------
    levels : array_like
        One row per voter (method), one column per alternative: its position, lower is better,
        equal values for a tie (e.g. each method's ranks with a tie group sharing its best rank).

    Returns
    -------
    tuple of numpy.ndarray
        ``(copeland, borda, wins, draws, scores)`` per alternative: the Copeland share, the Borda
        share, the number of alternatives it beats and draws with by majority, and the score
        ``(copeland + e borda) / (1 + e)``, ``e = 1 / (4 (m - 1))`` (all 0 for a single
        alternative).

    Examples
    --------
    >>> cop, bor, wins, draws, score = aggregate([[1, 2, 3], [1, 2, 3], [1, 2, 3], [2, 3, 1]])
    >>> wins.tolist(), cop.tolist()
    ([2, 1, 0], [1.0, 0.5, 0.0])
    """
    lv = np.asarray(levels, dtype=np.int64)
    if lv.ndim != 2:
        raise ValueError("levels must be voters x alternatives.")
    k, m = lv.shape
    wins = np.zeros(m, dtype=np.int64)
    draws = np.zeros(m, dtype=np.int64)
    below = np.zeros(m, dtype=np.int64)  # Borda: (voter, alternative) pairs placed strictly below
    tied = np.zeros(m, dtype=np.int64)
    for start in range(0, m, _CHUNK):
        rows = lv[:, start : start + _CHUNK]  # (k, c)
        c = rows.shape[1]
        above = (rows[:, :, None] < lv[:, None, :]).sum(axis=0)  # (c, m): voters for the row
        under = (rows[:, :, None] > lv[:, None, :]).sum(axis=0)
        same = k - above - under
        diag = np.arange(c)
        same[diag, start + diag] = 0  # an alternative is not compared with itself
        draw = above == under
        draw[diag, start + diag] = False
        wins[start : start + c] = (above > under).sum(axis=1)
        draws[start : start + c] = draw.sum(axis=1)
        below[start : start + c] = above.sum(axis=1)
        tied[start : start + c] = same.sum(axis=1)
    if m < 2:
        zero = np.zeros(m)
        return zero, zero.copy(), wins, draws, zero.copy()
    copeland = (wins + draws / 2.0) / (m - 1)
    borda = (below + tied / 2.0) / (k * (m - 1))
    e = 1.0 / (4.0 * (m - 1))
    return copeland, borda, wins, draws, (copeland + e * borda) / (1.0 + e)


def consensus(matrix, weights, types, bounds=None, member_params=None) -> MethodResult:
    """Rank by the Copeland majority of TOPSIS, VIKOR, PROMETHEE II, WSM and SPOTIS.

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
        SPOTIS's bounds per criterion (see :mod:`coopselect.methods.spotis`), unless
        ``member_params`` gives them; default from the data.
    member_params : mapping of str to mapping, optional
        Parameters per member method, e.g. ``{"vikor": {"v": 0.6}}``; a name outside ``MEMBERS``
        is an error.

    Returns
    -------
    MethodResult
        ``scores``: Copeland share plus the Borda tie-break (module docstring), higher is better.
        ``extras``: ``copeland``, ``borda``, ``wins``, ``draws``, ``members``, ``member_ranks``.

    Notes
    -----
    Copeland, A. H. (1951). A "reasonable" social welfare function. Seminar on Applications of
    Mathematics to the Social Sciences, University of Michigan; Borda, J.-C. de (1781). Mémoire
    sur les élections au scrutin. Histoire de l'Académie Royale des Sciences, Paris. Why Copeland
    and how ties are broken: the module docstring.

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([[7.0, 2.0], [8.0, 5.0], [6.0, 3.0]])  # benefit, cost
    >>> res = consensus(x, np.array([0.6, 0.4]), np.array([1, -1]))
    >>> res.ranks.tolist(), res.extras["copeland"].tolist()
    ([1, 2, 3], [1.0, 0.5, 0.0])
    """
    from coopselect.methods.registry import run_method

    x = np.asarray(matrix, dtype=float)
    w = np.asarray(weights, dtype=float)
    t = np.asarray(types)
    if x.shape[0] == 1:  # nothing to aggregate (and VIKOR refuses a single alternative)
        zero = np.zeros(1)
        return MethodResult(
            "consensus",
            zero,
            np.array([1]),
            True,
            {"copeland": zero, "borda": zero, "wins": np.zeros(1, dtype=np.int64)},
            (),
            (message("consensus.one_alternative"),),
        )
    given = dict(member_params or {})
    unknown = sorted(set(given) - set(MEMBERS))
    if unknown:
        from coopselect.errors import CoopselectError

        raise CoopselectError(
            f"consensus has no member method {unknown[0]!r}.",
            place="member_params",
            fix=f"give parameters for {', '.join(MEMBERS)} only.",
        )
    results = {}
    for name in MEMBERS:
        params = dict(given.get(name) or {})
        if name == "spotis" and bounds is not None:
            params.setdefault("bounds", bounds)
        results[name] = run_method(name, x, w, t, **params)
    levels = np.stack([_levels(results[name]) for name in MEMBERS])  # (k, m)
    copeland, borda, wins, draws, scores = aggregate(levels)
    require_finite_scores(scores, "consensus")  # the members checked theirs; shares are finite
    ranks, ties = rank_scores(scores, True)
    notes = tuple(
        message("method.member_note", member=name, note=note)
        for name in MEMBERS
        for note in results[name].notes
    )
    return MethodResult(
        "consensus",
        scores,
        ranks,
        True,
        {
            "copeland": copeland,
            "borda": borda,
            "wins": wins,
            "draws": draws,
            "members": MEMBERS,
            "member_ranks": {name: levels[i] for i, name in enumerate(MEMBERS)},
        },
        ties,
        notes,
    )
