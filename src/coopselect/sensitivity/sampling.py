"""Weight samplers on the simplex (rows are weight vectors summing to 1)."""

from __future__ import annotations

import math

import numpy as np

from coopselect.errors import CoopselectError
from coopselect.methods.tolerance import REL_TOL


def uniform_simplex(rng: np.random.Generator, n: int, m: int) -> np.ndarray:
    """Uniform on the simplex: Dirichlet(1, ..., 1)."""
    return rng.dirichlet(np.ones(m), size=n)


def dirichlet_around(
    rng: np.random.Generator, n: int, centre: np.ndarray, concentration: float
) -> np.ndarray:
    """Dirichlet with mean ``centre`` and total concentration ``concentration`` (larger = tighter).

    A zero-weight criterion stays at zero (its Dirichlet parameter would be 0).

    The centre is first rounded to multiples of the methods' ``REL_TOL`` (1e-9): a centre that
    differs in the last bit (AHP weights computed by another CPU's BLAS kernels) would otherwise
    draw different samples altogether, since the gamma sampler's rejection steps, and with them
    the whole random stream, follow the exact parameters.
    """
    if not 0 < concentration < math.inf:
        raise CoopselectError(
            f"concentration {concentration} must be a finite number > 0.",
            place="--concentration",
            fix="use e.g. 20 (weights near the case's) or 2 (widely spread).",
        )
    c = np.asarray(centre, dtype=float)
    c = np.rint(c / c.sum() / REL_TOL) * REL_TOL
    c = c / c.sum()
    active = c > 0
    out = np.zeros((n, len(c)))
    out[:, active] = rng.dirichlet(concentration * c[active], size=n)
    return out


def within_intervals(
    rng: np.random.Generator, n: int, lo: np.ndarray, hi: np.ndarray, max_batches: int = 200
) -> np.ndarray:
    """Uniform on the part of the simplex where lo <= w <= hi (rejection sampling)."""
    lo, hi = np.asarray(lo, float), np.asarray(hi, float)
    if np.any(lo < 0) or np.any(hi > 1) or np.any(lo > hi):
        raise CoopselectError(
            "weight intervals must satisfy 0 <= low <= high <= 1.",
            place="intervals",
            fix="give each criterion [low, high] inside [0, 1].",
        )
    if lo.sum() > 1 or hi.sum() < 1:
        raise CoopselectError(
            "no weight vector summing to 1 fits these intervals.",
            place="intervals",
            fix="widen the intervals so that sum(low) <= 1 <= sum(high).",
        )
    kept: list[np.ndarray] = []
    total = 0
    for _ in range(max_batches):
        w = rng.dirichlet(np.ones(len(lo)), size=max(n, 1000))
        ok = w[np.all((w >= lo) & (w <= hi), axis=1)]
        kept.append(ok)
        total += len(ok)
        if total >= n:
            return np.concatenate(kept)[:n]
    raise CoopselectError(
        f"the intervals keep only {total} of {max_batches * max(n, 1000)} uniform samples.",
        place="intervals",
        fix="widen the intervals.",
    )
