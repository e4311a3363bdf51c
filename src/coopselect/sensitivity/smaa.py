"""SMAA-2 (Lahdelma & Salminen 2001) with a batched TOPSIS kernel.

For TOPSIS with a fixed normalisation, the squared distances of every alternative to the ideal and
anti-ideal points are linear in the squared weights:

    d+^2 = P @ (w ** 2),  P[i, j] = (r[i, j] - r+[j]) ** 2   (r+ the best normalised value)
    d-^2 = Q @ (w ** 2),  Q[i, j] = (r[i, j] - r-[j]) ** 2

so a chunk of weight samples costs two matrix products; the first K ranks of each sample come
from a partial sort (``np.argpartition``) instead of a full one. Scores equal within the methods'
``REL_TOL`` tie and are taken in input order, as in the registry's ``rank_scores``, so that the
acceptabilities do not depend on the CPU's BLAS kernels. Memory is bounded by the chunk
size (alternatives x chunk floats). Other methods go through the registry, one call per sample
(the slower path). The weight samples and one chunk must fit the memory budget of
:mod:`coopselect.limits`, checked before any sample is drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from coopselect.domain.decision import DecisionMatrix
from coopselect.errors import CoopselectError
from coopselect.limits import smaa_samples
from coopselect.methods.registry import REL_TOL
from coopselect.sensitivity import sampling

FAST_METHODS = ("topsis",)


def _vector_normalise(matrix: np.ndarray) -> np.ndarray:
    norm = np.sqrt((matrix**2).sum(axis=0))
    return np.divide(matrix, norm, out=np.zeros_like(matrix), where=norm > 0)


def topsis_distance_factors(matrix: np.ndarray, types: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """P and Q of the module docstring for vector-normalised TOPSIS."""
    r = _vector_normalise(np.asarray(matrix, float))
    benefit = np.asarray(types) > 0
    best = np.where(benefit, r.max(axis=0), r.min(axis=0))
    worst = np.where(benefit, r.min(axis=0), r.max(axis=0))
    return (r - best) ** 2, (r - worst) ** 2


def topsis_scores_batch(p: np.ndarray, q: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Scores (samples x alternatives) for a batch of weight vectors (samples x criteria)."""
    w2 = (weights**2).T
    dp = np.sqrt(np.maximum(p @ w2, 0.0))
    dm = np.sqrt(np.maximum(q @ w2, 0.0))
    den = dp + dm
    return np.divide(dm, den, out=np.full_like(den, 0.5), where=den > 0).T


def _tie_keys(scores: np.ndarray) -> np.ndarray:
    """Integer sort keys, best first. Scores equal within the methods' ``REL_TOL`` (TOPSIS
    closeness lies in [0, 1], so the tolerance is absolute here) share one level, and within a
    level the input order decides: values equal in exact arithmetic but different in the last bit
    (BLAS kernels differ from one CPU to another) then rank the same everywhere, and the keys are
    unique, so the partial sort cannot order ties differently on another machine either."""
    levels = np.rint(np.asarray(scores, dtype=float) / REL_TOL).astype(np.int64)
    n = levels.shape[1]
    return -levels * n + np.arange(n)


def top_k_ranks(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the k best alternatives of each row, best first (samples x k); scores in [0, 1]
    equal within ``REL_TOL`` are ties, taken in input order."""
    keys = _tie_keys(scores)
    n = keys.shape[1]
    if k >= n:
        return np.argsort(keys, axis=1)
    part = np.argpartition(keys, k - 1, axis=1)[:, :k]
    order = np.argsort(np.take_along_axis(keys, part, axis=1), axis=1)
    return np.take_along_axis(part, order, axis=1)


def smaa_topsis(
    matrix: np.ndarray,
    types: np.ndarray,
    weight_samples: np.ndarray,
    k_ranks: int,
    chunk: int = 2048,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Rank-acceptability counts (alternatives x k), first-rank weight sums (alternatives x m)."""
    p, q = topsis_distance_factors(matrix, types)
    n_alt, m = p.shape
    k = min(k_ranks, n_alt)
    counts = np.zeros((n_alt, k), dtype=np.int64)
    first_w = np.zeros((n_alt, m))
    total = len(weight_samples)
    cols = np.arange(k)
    for start in range(0, total, chunk):
        w = weight_samples[start : start + chunk]
        top = top_k_ranks(topsis_scores_batch(p, q, w), k)
        np.add.at(counts, (top, np.broadcast_to(cols, top.shape)), 1)
        np.add.at(first_w, top[:, 0], w)
        if progress:
            progress(min(start + chunk, total), total)
    return counts, first_w


def _slow_path(dm, method, samples_w, k, params, progress):
    from coopselect.methods import run_method

    n_alt, m = dm.shape
    k = min(k, n_alt)
    counts = np.zeros((n_alt, k), dtype=np.int64)
    first_w = np.zeros((n_alt, m))
    for s, w in enumerate(samples_w):
        res = run_method(method, dm.matrix, w, dm.types, **params)
        order = np.argsort(res.ranks, kind="stable")[:k]
        counts[order, np.arange(k)] += 1
        first_w[order[0]] += w
        if progress and (s + 1) % 256 == 0:
            progress(s + 1, len(samples_w))
    if progress:
        progress(len(samples_w), len(samples_w))
    return counts, first_w


def sample_weights(
    dm: DecisionMatrix,
    samples: int,
    rng: np.random.Generator,
    weight_sampler: str,
    concentration: float | None,
    intervals: Any,
) -> np.ndarray:
    m = dm.shape[1]
    if weight_sampler == "uniform":
        return sampling.uniform_simplex(rng, samples, m)
    if weight_sampler == "dirichlet":
        return sampling.dirichlet_around(rng, samples, dm.weights, concentration or 20.0)
    if weight_sampler == "intervals":
        if intervals is None:
            raise CoopselectError(
                "interval sampling needs intervals.",
                place="intervals",
                fix="give [low, high] per criterion.",
            )
        iv = np.asarray(intervals, float)
        return sampling.within_intervals(rng, samples, iv[:, 0], iv[:, 1])
    raise CoopselectError(
        f"unknown weight sampler {weight_sampler!r}.",
        place="weight_sampler",
        fix="use uniform, dirichlet or intervals.",
    )


def run_smaa(
    dm: DecisionMatrix,
    method: str = "topsis",
    samples: int = 10000,
    seed: int | None = None,
    ranks: int = 10,
    weight_sampler: str = "uniform",
    concentration: float | None = None,
    intervals: Any = None,
    value_uncertainty: float | None = None,
    chunk: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    **method_params: Any,
) -> dict[str, Any]:
    """SMAA-2 over sampled weights. Returns a JSON-ready dict (keys in the README).

    Holistic acceptability uses the linear meta-weights alpha_r = (n - r) / (n - 1) over the first
    ``ranks`` positions (Lahdelma & Salminen 2001 leave the meta-weights to the analyst).
    ``value_uncertainty`` (a fraction, e.g. 0.1 for +/-10%) multiplies every value by an independent
    uniform factor per sample; it is only available on the per-sample path.
    """
    if not isinstance(samples, int) or samples <= 0:
        raise CoopselectError(
            f"samples must be a positive whole number (got {samples}).",
            place="--samples",
            fix="use e.g. 10000.",
        )
    if ranks <= 0:
        raise CoopselectError("ranks must be >= 1.", place="--ranks", fix="use e.g. 10.")
    if value_uncertainty is not None and not 0 <= value_uncertainty < 1:
        raise CoopselectError(
            f"value uncertainty {value_uncertainty} must be in [0, 1).",
            place="value_uncertainty",
            fix="give a fraction such as 0.1 for +/-10%.",
        )
    n_alt, m = dm.shape
    smaa_samples(samples, n_alt, m, chunk or 2048)  # before any sample is drawn
    seed = int(np.random.SeedSequence().entropy % (2**32)) if seed is None else int(seed)
    rng = np.random.default_rng(seed)
    w = sample_weights(dm, samples, rng, weight_sampler, concentration, intervals)
    k = min(ranks, n_alt)
    fast = method == "topsis" and method_params.get("normalization", "vector") == "vector"
    if value_uncertainty:
        counts = np.zeros((n_alt, k), dtype=np.int64)
        first_w = np.zeros((n_alt, m))
        for s in range(samples):
            factor = rng.uniform(1 - value_uncertainty, 1 + value_uncertainty, size=dm.shape)
            one = DecisionMatrix(dm.alternatives, dm.criteria, dm.matrix * factor, w[s], dm.types)
            c, f = _slow_path(one, method, w[s : s + 1], k, method_params, None)
            counts += c
            first_w += f
            if progress and (s + 1) % 256 == 0:
                progress(s + 1, samples)
        path = "per-sample (value uncertainty)"
    elif fast:
        counts, first_w = smaa_topsis(dm.matrix, dm.types, w, k, chunk or 2048, progress)
        path = "batched TOPSIS kernel"
    else:
        counts, first_w = _slow_path(dm, method, w, k, method_params, progress)
        path = f"per-sample {method} through the method registry"
    b = counts / samples
    alpha = (n_alt - np.arange(1, k + 1)) / max(n_alt - 1, 1)
    holistic = b @ alpha
    central = {}
    confidence = {}
    pq = topsis_distance_factors(dm.matrix, dm.types) if fast else None
    for i, alt in enumerate(dm.alternatives):
        if counts[i, 0] > 0:
            wc = first_w[i] / counts[i, 0]
            central[alt] = dict(zip(dm.criteria, wc.tolist(), strict=True))
            # Confidence factor: share of value draws under which the alternative is first with
            # its central weights. Without value uncertainty the values are exact: 1 or 0.
            if fast and not value_uncertainty:
                s_c = topsis_scores_batch(*pq, wc[None, :])
                confidence[alt] = float(int(top_k_ranks(s_c, 1)[0, 0]) == i)
            else:
                from coopselect.methods import run_method

                res = run_method(method, dm.matrix, wc, dm.types, **method_params)
                confidence[alt] = float(int(np.argmin(res.ranks)) == i)
    return {
        "samples": samples,
        "seed": seed,
        "method": method,
        "path": path,
        "weight_sampler": weight_sampler,
        "concentration": (concentration or 20.0) if weight_sampler == "dirichlet" else None,
        "ranks": k,
        "rank_acceptability": {a: b[i].tolist() for i, a in enumerate(dm.alternatives)},
        "holistic_acceptability": {a: float(holistic[i]) for i, a in enumerate(dm.alternatives)},
        "central_weights": central,
        "confidence": confidence,
    }
