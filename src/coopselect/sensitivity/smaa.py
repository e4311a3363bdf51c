"""SMAA-2 (Lahdelma & Salminen 2001) with batched kernels for every registered method.

Each method's weight-free part is computed once and a chunk of weight samples is scored at once
(:mod:`coopselect.sensitivity.kernels`): for TOPSIS the squared distances are linear in the squared
weights,

    d+^2 = P @ (w ** 2),  P[i, j] = (r[i, j] - r+[j]) ** 2   (r+ the best normalised value)
    d-^2 = Q @ (w ** 2),  Q[i, j] = (r[i, j] - r-[j]) ** 2

PROMETHEE II's net flow is ``phi = sum_j w_j phi_j`` with per-criterion net flows ``phi_j``, WSM,
MOORA, MABAC and SPOTIS are linear in the weights, WPM is linear in logs, and VIKOR, EDAS, ARAS,
COPRAS and WASPAS need a few array reductions after the products. The scores are those of the
method called once per sample (to rounding; checked to 1e-12 in the tests).

Ranks follow ``methods.result.rank_scores`` exactly: scores equal within ``REL_TOL`` (relative to
the larger score or to the sample's range of scores) form a tie group anchored at its best score
and are ranked in input order, so that the acceptabilities do not depend on the CPU's BLAS
kernels. The first K ranks of each sample come from a partial sort (``np.argpartition``) of the
best K + 1 candidates, widened only for the samples whose K-th place is in a tie group.

Value uncertainty (every value times an independent uniform factor per sample) draws one matrix
per sample; the kernels then take the stack of a chunk of draws (PROMETHEE II and SPOTIS run once
per sample there). ``per_sample=True`` runs every sample through the method registry instead (the
reference path). The weight samples and one chunk of scores must fit the memory budget of
:mod:`coopselect.limits`, checked before any sample is drawn; the chunks are sized to stay within
it. While it runs, OpenBLAS is held to one thread (:mod:`coopselect.sensitivity.blas`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from coopselect.domain.decision import DecisionMatrix
from coopselect.errors import CoopselectError
from coopselect.limits import require_memory, smaa_request, smaa_samples
from coopselect.methods.spec import has_spec, method_spec
from coopselect.methods.tolerance import REL_TOL
from coopselect.sensitivity import DEFAULT_SAMPLES, sampling
from coopselect.sensitivity.blas import single_blas_thread
from coopselect.sensitivity.kernels import Kernel, kernel_for

DEFAULT_CHUNK = 2048
# Scores are computed in chunks of at most _WORK_CHUNK samples (the budget is checked for
# DEFAULT_CHUNK, which leaves room for the temporaries), and ranked in blocks of _RANK_BLOCK
# samples: with one BLAS thread (sensitivity.blas) a chunk's arrays mostly stay in the CPU's
# cache (measured at 1,400 x 12: 256 samples 5-10% faster than 1,024 or 2,048).
_WORK_CHUNK = 256
_RANK_BLOCK = 256
# Value uncertainty: bytes per cell (alternative x criterion) of one draw, for the draw, its
# factors and their temporaries; a chunk of draws is kept to about _DRAW_BYTES.
_BYTES_PER_DRAW_CELL = 80
_DRAW_BYTES = 48 * 1024 * 1024


def _label(method: str) -> str:
    """The method's display name (its spec's label; a peer method's own name)."""
    return method_spec(method).label if has_spec(method) else method


def _anchored_groups(keys: np.ndarray, spread: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``rank_scores``' tie groups of rows of sorted keys: a group starts at its first (best) key
    and takes every following key equal to that one within ``REL_TOL`` (scale: ``spread``, the
    row's range of scores). Returns the group number of every position and the first position of
    the last group of each row."""
    c, width = keys.shape
    group = np.zeros((c, width), dtype=np.int64)
    start = np.zeros(c, dtype=np.int64)
    anchor = keys[:, 0].copy()
    for pos in range(1, width):
        v = keys[:, pos]
        floor = REL_TOL * np.maximum(np.maximum(np.abs(v), np.abs(anchor)), spread)
        new = np.abs(v - anchor) > floor
        group[:, pos] = group[:, pos - 1] + new
        anchor = np.where(new, v, anchor)
        start = np.where(new, pos, start)
    return group, start


def top_k_ranks(scores: np.ndarray, k: int, higher_is_better: bool = True) -> np.ndarray:
    """Indices of the k best alternatives of each row (samples x alternatives), best first, in
    the order of ``methods.result.rank_scores``: scores equal within ``REL_TOL`` are a tie, taken
    in input order.

    The best k + 1 candidates of each row come from a partial sort; a row whose candidates hold
    no tie (the usual case) is done, since each of its first k places is a group of one. A tie
    group reaching past the candidates widens them (8 k + 8, then the whole row)."""
    s = np.asarray(scores, dtype=float)
    c, n = s.shape
    k = min(k, n)
    spread = s.max(axis=1) - s.min(axis=1)
    top = np.empty((c, k), dtype=np.intp)
    rows = np.arange(c)
    width = k + 1
    while rows.size:
        width = min(width, n)
        sub = s if rows.size == c else s[rows]
        if width < n:
            # the best `width` scores: the largest at the end, or the smallest at the start
            if higher_is_better:
                cand = np.argpartition(sub, n - width, axis=1)[:, n - width :]
            else:
                cand = np.argpartition(sub, width - 1, axis=1)[:, :width]
            cand.sort(axis=1)  # input order first, so that the stable sort keeps it for equal keys
        else:
            cand = np.broadcast_to(np.arange(n), sub.shape)
        ck = np.take_along_axis(sub, cand, axis=1)
        if higher_is_better:
            ck = -ck  # sort keys, best first
        order = np.argsort(ck, axis=1, kind="stable")
        cand = np.take_along_axis(cand, order, axis=1)
        ck = np.take_along_axis(ck, order, axis=1)
        sp = spread[rows]
        floor = REL_TOL * np.maximum(np.maximum(np.abs(ck[:, 1:]), np.abs(ck[:, :-1])), sp[:, None])
        tied = (np.abs(ck[:, 1:] - ck[:, :-1]) <= floor).any(axis=1)
        plain = ~tied
        top[rows[plain]] = cand[plain, :k]
        if tied.any():
            group, start = _anchored_groups(ck[tied], sp[tied])
            done = (start >= k) | (width == n)
            key2 = group[done] * n + cand[tied][done]
            top[rows[tied][done]] = np.sort(key2, axis=1)[:, :k] % n
            rows = rows[tied][~done]
        else:
            rows = rows[:0]
        width = n if width > 8 * k else 8 * k + 8
    return top


def _tally(counts: np.ndarray, first_w: np.ndarray, top: np.ndarray, w: np.ndarray) -> None:
    n_alt, k = counts.shape
    flat = (top * k + np.arange(k)).ravel()
    counts += np.bincount(flat, minlength=n_alt * k).reshape(n_alt, k)
    for j in range(w.shape[1]):
        first_w[:, j] += np.bincount(top[:, 0], weights=w[:, j], minlength=n_alt)


def rescaled(w: np.ndarray) -> np.ndarray:
    """Rows rescaled to sum 1, as the method registry does before every call."""
    return w / w.sum(axis=1, keepdims=True)


def smaa_kernel(
    kernel: Kernel,
    factors: Any,
    weight_samples: np.ndarray,
    k_ranks: int,
    n_alt: int,
    chunk: int = DEFAULT_CHUNK,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Rank-acceptability counts (alternatives x k), first-rank weight sums (alternatives x m)."""
    k = min(k_ranks, n_alt)
    m = weight_samples.shape[1]
    counts = np.zeros((n_alt, k), dtype=np.int64)
    first_w = np.zeros((n_alt, m))
    total = len(weight_samples)
    step = max(1, min(chunk, _WORK_CHUNK))
    with single_blas_thread():
        for start in range(0, total, step):
            w = weight_samples[start : start + step]
            scores = kernel.scores(factors, rescaled(w))
            for b0 in range(0, len(w), _RANK_BLOCK):
                top = top_k_ranks(scores[b0 : b0 + _RANK_BLOCK], k, kernel.higher_is_better)
                _tally(counts, first_w, top, w[b0 : b0 + _RANK_BLOCK])
            del scores
            if progress:
                progress(min(start + step, total), total)
    return counts, first_w


def _draw_chunk(n_alt: int, m: int, chunk: int) -> int:
    """Draws per chunk with value uncertainty: about _DRAW_BYTES, at least one (checked)."""
    per_draw = float(_BYTES_PER_DRAW_CELL) * n_alt * m
    require_memory(
        per_draw,
        f"SMAA value uncertainty on {n_alt:,} alternatives x {m} criteria (one draw)",
        place="value_uncertainty",
        fix="rank fewer alternatives, or leave out the value uncertainty",
    )
    return max(1, min(chunk, int(_DRAW_BYTES // per_draw)))


def _smaa_values_kernel(dm, method, kernel, w, k, rng, spread, chunk, params, progress):
    """Value uncertainty through a kernel: a stack of draws per chunk, in the random stream of the
    per-sample path (the factors of sample s follow those of sample s - 1)."""
    n_alt, m = dm.shape
    counts = np.zeros((n_alt, k), dtype=np.int64)
    first_w = np.zeros((n_alt, m))
    total = len(w)
    step = _draw_chunk(n_alt, m, chunk)
    with single_blas_thread():
        for start in range(0, total, step):
            ws = w[start : start + step]
            xs = dm.matrix * rng.uniform(1 - spread, 1 + spread, size=(len(ws), n_alt, m))
            bad = kernel.invalid(xs)
            if bad is not None:  # the method's own check raises its error
                from coopselect.methods import run_method

                run_method(method, xs[bad], ws[bad], dm.types, **params)
            scores = kernel.scores(kernel.factors(xs), rescaled(ws))
            _tally(counts, first_w, top_k_ranks(scores, k, kernel.higher_is_better), ws)
            if progress:
                progress(min(start + step, total), total)
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


def checked_kernel(dm: DecisionMatrix, method: str, params: dict[str, Any]) -> Kernel | None:
    """The method's kernel after one call of the method itself on the data (equal weights), so
    that a bad parameter or value raises the method's own error, as the first sample of the
    per-sample path would."""
    kernel = kernel_for(method, dm.types, **params)
    if kernel is None:
        return None
    from coopselect.methods import run_method

    x = np.asarray(dm.matrix, dtype=float)
    # A method whose checks of the values (beyond finite numbers) need every row says so in its
    # spec (``refuses_values``); the others are checked on two rows (their parameters and the
    # registry's checks; PROMETHEE II's flows check the memory budget), which saves ranking every
    # alternative once.
    if not method_spec(method).refuses_values and np.all(np.isfinite(x)):
        x = x[:2]
    run_method(method, x, np.full(dm.shape[1], 1.0 / dm.shape[1]), dm.types, **params)
    return kernel


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


@single_blas_thread()
def run_smaa(
    dm: DecisionMatrix,
    method: str = "topsis",
    samples: int = DEFAULT_SAMPLES,
    seed: int | None = None,
    ranks: int = 10,
    weight_sampler: str = "uniform",
    concentration: float | None = None,
    intervals: Any = None,
    value_uncertainty: float | None = None,
    chunk: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    per_sample: bool = False,
    **method_params: Any,
) -> dict[str, Any]:
    """SMAA-2 over sampled weights. Returns a JSON-ready dict (keys in the README).

    Holistic acceptability uses the linear meta-weights alpha_r = (n - r) / (n - 1) over the first
    ``ranks`` positions (Lahdelma & Salminen 2001 leave the meta-weights to the analyst).
    ``value_uncertainty`` (a fraction, e.g. 0.1 for +/-10%) multiplies every value by an independent
    uniform factor per sample. Every registered method has a batched kernel (``path`` says which
    ran); ``per_sample=True`` calls the method once per sample instead (same counts, slower).
    """
    smaa_request(samples, seed)  # 1 .. SMAA_MAX_SAMPLES samples, a seed in 0 .. 2**64 - 1
    if ranks <= 0:
        raise CoopselectError("ranks must be >= 1.", place="--ranks", fix="use e.g. 10.")
    if value_uncertainty is not None and not 0 <= value_uncertainty < 1:
        raise CoopselectError(
            f"value uncertainty {value_uncertainty} must be in [0, 1).",
            place="value_uncertainty",
            fix="give a fraction such as 0.1 for +/-10%.",
        )
    n_alt, m = dm.shape
    chunk = chunk or DEFAULT_CHUNK
    smaa_samples(samples, n_alt, m, chunk)  # before any sample is drawn
    # SeedSequence() draws an int; the stubs type entropy as the constructor's argument.
    seed = int(np.random.SeedSequence().entropy % (2**32)) if seed is None else int(seed)  # type: ignore[operator]
    rng = np.random.default_rng(seed)
    w = sample_weights(dm, samples, rng, weight_sampler, concentration, intervals)
    k = min(ranks, n_alt)
    kernel = None if per_sample else checked_kernel(dm, method, method_params)
    label = _label(method)
    factors = None
    if value_uncertainty and kernel is not None and kernel.stacked:
        counts, first_w = _smaa_values_kernel(
            dm, method, kernel, w, k, rng, value_uncertainty, chunk, method_params, progress
        )
        path = f"batched {label} kernel, one matrix per sample (value uncertainty)"
    elif value_uncertainty:
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
    elif kernel is not None:
        factors = kernel.factors(dm.matrix)
        counts, first_w = smaa_kernel(kernel, factors, w, k, n_alt, chunk, progress)
        path = f"batched {label} kernel"
    else:
        counts, first_w = _slow_path(dm, method, w, k, method_params, progress)
        path = f"per-sample {method} through the method registry"
    b = counts / samples
    alpha = (n_alt - np.arange(1, k + 1)) / max(n_alt - 1, 1)
    holistic = b @ alpha
    central = {}
    confidence = {}
    leaders = np.flatnonzero(counts[:, 0] > 0)
    wc_all = first_w[leaders] / counts[leaders, 0][:, None]
    # Confidence factor: share of value draws under which the alternative is first with its
    # central weights. It is computed on the values as given (exact): 1 or 0.
    if kernel is not None and len(leaders):
        if factors is None:
            factors = kernel.factors(dm.matrix)
        firsts = top_k_ranks(kernel.scores(factors, rescaled(wc_all)), 1, kernel.higher_is_better)
        first_of = dict(zip(leaders.tolist(), firsts[:, 0].tolist(), strict=True))
    else:
        from coopselect.methods import run_method

        first_of = {}
        for i, wc in zip(leaders.tolist(), wc_all, strict=True):
            res = run_method(method, dm.matrix, wc, dm.types, **method_params)
            first_of[i] = int(np.argmin(res.ranks))
    for i, wc in zip(leaders.tolist(), wc_all, strict=True):
        alt = dm.alternatives[i]
        central[alt] = dict(zip(dm.criteria, wc.tolist(), strict=True))
        confidence[alt] = float(first_of[i] == i)
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
