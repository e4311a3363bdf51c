"""Batched SMAA kernels against the per-sample path (the method called once per sample through
the registry): scores to 1e-12, identical rank acceptabilities, ties as in ``rank_scores``."""

from __future__ import annotations

import numpy as np
import pytest

from coopselect.domain.decision import DecisionMatrix
from coopselect.errors import CoopselectError
from coopselect.methods import run_method
from coopselect.methods.result import rank_scores
from coopselect.sensitivity import sampling
from coopselect.sensitivity.kernels import KERNEL_METHODS, kernel_for
from coopselect.sensitivity.smaa import run_smaa, top_k_ranks

TYPES = np.array([1, -1, 1, 1, -1, 1])
PROMETHEE_MIXED = {
    "preference": ["usual", "vshape", "linear", "gaussian", "level", "ushape"],
    "q": [None, None, 5.0, None, 3.0, 10.0],
    "p": [None, 30.0, 40.0, None, 20.0, None],
    "s": [None, None, None, 15.0, None, None],
}
VARIANTS = [(name, {}) for name in KERNEL_METHODS] + [
    ("topsis", {"normalization": "minmax"}),
    ("topsis", {"normalization": "max"}),
    ("topsis", {"normalization": "sum"}),
    ("wsm", {"normalization": "minmax"}),
    ("wsm", {"normalization": "vector"}),
    ("wsm", {"normalization": "sum"}),
    ("vikor", {"v": 0.2}),
    ("vikor", {"v": 1.0}),
    ("waspas", {"lam": 0.3}),
    ("promethee2", PROMETHEE_MIXED),
    ("promethee2", {"preference": "linear", "q": 2.0, "p": 25.0}),
    ("spotis", {"bounds": [[0.0, 120.0]] * 6}),
    ("vikor", {"bounds": [[0.0, 120.0]] * 6}),
]
IDS = [f"{n}-{'-'.join(map(str, p.values()))[:30]}" if p else n for n, p in VARIANTS]
# The SMAA runs below compare with the per-sample oracle (every sample ranked by the method
# itself): the fast lane does so for each method's default variant; the parameter variants, whose
# kernels the score tests above check against the method sample by sample, are slow.
SMAA_VARIANTS = [
    pytest.param(n, p, id=i, marks=[pytest.mark.slow] if p else [])
    for (n, p), i in zip(VARIANTS, IDS, strict=True)
]


def _matrix(seed: int, n: int = 40, m: int = 6) -> np.ndarray:
    return np.random.default_rng(seed).uniform(1, 100, size=(n, m))


def _tied_matrix(seed: int) -> np.ndarray:
    """Small integers (many equal values), duplicated rows and a constant column."""
    x = np.random.default_rng(seed).integers(1, 6, size=(30, 6)).astype(float)
    x[5] = x[7] = x[3]
    x[20] = x[2]
    x[:, 4] = 3.0
    return x


def _dm(x: np.ndarray, types=TYPES) -> DecisionMatrix:
    n, m = x.shape
    return DecisionMatrix(
        tuple(f"a{i}" for i in range(n)),
        tuple(f"c{j}" for j in range(m)),
        x,
        np.full(m, 1.0 / m),
        np.asarray(types),
    )


def _per_sample_scores(name, xs, w, types, params):
    return np.array([run_method(name, xs[s], w[s], types, **params).scores for s in range(len(w))])


@pytest.mark.parametrize(("name", "params"), VARIANTS, ids=IDS)
@pytest.mark.parametrize("seed", [0, 1])
def test_kernel_scores_match_the_method_per_sample(name, params, seed):
    rng = np.random.default_rng(100 + seed)
    x = _matrix(seed)
    w = sampling.uniform_simplex(rng, 40, x.shape[1])
    kernel = kernel_for(name, TYPES, **params)
    ours = kernel.scores(kernel.factors(x), w)
    ref = _per_sample_scores(name, [x] * len(w), w, TYPES, params)
    np.testing.assert_allclose(ours, ref, rtol=0, atol=1e-12)
    if kernel.stacked:  # one matrix per sample (value uncertainty)
        xs = x * rng.uniform(0.8, 1.2, size=(len(w), *x.shape))
        ours = kernel.scores(kernel.factors(xs), w)
        np.testing.assert_allclose(
            ours, _per_sample_scores(name, xs, w, TYPES, params), rtol=0, atol=1e-12
        )


@pytest.mark.parametrize(("name", "params"), VARIANTS, ids=IDS)
def test_kernel_scores_on_tied_data(name, params):
    x = _tied_matrix(3)
    w = sampling.uniform_simplex(np.random.default_rng(9), 30, 6)
    kernel = kernel_for(name, TYPES, **params)
    ref = _per_sample_scores(name, [x] * len(w), w, TYPES, params)
    np.testing.assert_allclose(kernel.scores(kernel.factors(x), w), ref, rtol=0, atol=1e-12)


def _same_smaa(a: dict, b: dict) -> None:
    assert a["rank_acceptability"] == b["rank_acceptability"]
    assert a["holistic_acceptability"] == pytest.approx(b["holistic_acceptability"], abs=1e-12)
    assert a["confidence"] == b["confidence"]
    assert a["central_weights"].keys() == b["central_weights"].keys()
    for alt, cw in a["central_weights"].items():
        assert list(cw.values()) == pytest.approx(
            list(b["central_weights"][alt].values()), abs=1e-12
        )


@pytest.mark.parametrize(("name", "params"), SMAA_VARIANTS)
@pytest.mark.parametrize("data", ["random", "tied"])
@pytest.mark.parametrize("vu", [None, 0.1])
def test_smaa_batched_equals_per_sample(name, params, data, vu):
    x = _matrix(7, 25) if data == "random" else _tied_matrix(5)
    if name in ("spotis", "vikor") and "bounds" in params and vu:
        params = {"bounds": [[0.0, 200.0]] * 6}  # the draws stay within the bounds
    dm = _dm(x)
    # 120 samples in chunks of 50: the batched path crosses chunk boundaries (a last, short one)
    kw = dict(method=name, samples=120, seed=4, ranks=8, value_uncertainty=vu, chunk=50, **params)
    batched = run_smaa(dm, **kw)
    per_sample = run_smaa(dm, per_sample=True, **kw)
    assert batched["path"].startswith("batched") or (
        vu and name in ("promethee2", "spotis") and batched["path"].startswith("per-sample")
    )
    assert per_sample["path"].startswith("per-sample")
    _same_smaa(batched, per_sample)


@pytest.mark.slow  # the whole bundled case against the per-sample oracle, per method
@pytest.mark.parametrize("name", KERNEL_METHODS)
@pytest.mark.parametrize("sampler", ["uniform", "dirichlet"])
def test_bundled_case_batched_equals_per_sample(name, sampler):
    from coopselect.pipeline import build_case_problem

    dm = build_case_problem(None)
    kw = dict(method=name, samples=150, seed=2, ranks=dm.shape[0], weight_sampler=sampler, chunk=64)
    if name in ("wpm", "waspas"):  # the bundled case has zeros: both paths refuse alike
        with pytest.raises(CoopselectError) as batched_err:
            run_smaa(dm, **kw)
        with pytest.raises(CoopselectError) as per_sample_err:
            run_smaa(dm, per_sample=True, **kw)
        assert str(batched_err.value) == str(per_sample_err.value)
        return
    w = sampling.uniform_simplex(np.random.default_rng(3), 40, dm.shape[1])
    kernel = kernel_for(name, dm.types)
    ref = _per_sample_scores(name, [dm.matrix] * len(w), w, dm.types, {})
    np.testing.assert_allclose(kernel.scores(kernel.factors(dm.matrix), w), ref, rtol=0, atol=1e-12)
    _same_smaa(run_smaa(dm, **kw), run_smaa(dm, per_sample=True, **kw))
    vu = dict(kw, samples=120, value_uncertainty=0.05)
    _same_smaa(run_smaa(dm, **vu), run_smaa(dm, per_sample=True, **vu))


def _rank_scores_top(row: np.ndarray, k: int, higher: bool) -> list[int]:
    ranks, _ = rank_scores(row, higher)
    return np.argsort(ranks, kind="stable")[:k].tolist()


@pytest.mark.parametrize("higher", [True, False])
@pytest.mark.parametrize("seed", range(6))
def test_top_k_follows_rank_scores_with_near_ties(higher, seed):
    rng = np.random.default_rng(seed)
    n, k = 60, 7
    rows = rng.uniform(0, 1, size=(50, n))
    levels = rng.uniform(0, 1, size=(50, 4))
    for r in range(50):
        # plant groups of values equal within (or just beyond) REL_TOL around a few levels,
        # some of them straddling the k-th place and some larger than the widened window
        size = rng.integers(2, 70)
        idx = rng.choice(n, size=min(size, n), replace=False)
        lvl = levels[r, rng.integers(0, 4)]
        rows[r, idx] = lvl * (1 + rng.choice([0.0, 1e-16, 3e-10, -4e-10, 2e-9], size=len(idx)))
    rows[0] = 0.5  # all equal
    rows[1, :] = np.linspace(0, 1e-12, n)  # within the tolerance of the range
    top = top_k_ranks(rows, k, higher)
    for r in range(len(rows)):
        assert top[r].tolist() == _rank_scores_top(rows[r], k, higher), r
    assert top_k_ranks(rows, n, higher).tolist() == [
        _rank_scores_top(row, n, higher) for row in rows
    ]


def test_top_k_plain_rows_and_small_sizes():
    scores = np.array([[0.1, 0.3, 0.2], [0.3, 0.3, 0.1]])
    assert top_k_ranks(scores, 2).tolist() == [[1, 2], [0, 1]]
    assert top_k_ranks(scores, 5, higher_is_better=False).tolist() == [[0, 2, 1], [2, 0, 1]]
    assert top_k_ranks(np.array([[4.0]]), 3).tolist() == [[0]]


def test_errors_are_the_methods_own():
    dm = _dm(_matrix(1))
    with pytest.raises(CoopselectError, match="no parameter 'v'"):
        run_smaa(dm, method="promethee2", samples=10, seed=1, v=0.3)
    with pytest.raises(CoopselectError, match="needs p"):
        run_smaa(dm, method="promethee2", samples=10, seed=1, preference="vshape")
    with pytest.raises(CoopselectError, match="v must lie in"):
        run_smaa(dm, method="vikor", samples=10, seed=1, v=2)
    x = _matrix(1)
    x[:, 2] -= 60.0  # mixed signs: the average may fall below 0 under value uncertainty
    x[:, 2] -= x[:, 2].mean() - 0.01
    dm = _dm(x)
    kw = dict(method="edas", samples=400, seed=1, value_uncertainty=0.5)
    with pytest.raises(CoopselectError) as batched:
        run_smaa(dm, **kw)
    with pytest.raises(CoopselectError) as per_sample:
        run_smaa(dm, per_sample=True, **kw)
    assert str(batched.value) == str(per_sample.value)
    assert "average of criterion 3" in str(batched.value)


def test_memory_stays_within_the_chunk_estimate():
    import tracemalloc

    from coopselect import limits

    x = np.random.default_rng(0).uniform(1, 100, size=(1400, 12))
    dm = _dm(x, np.where(np.arange(12) % 3 == 0, -1, 1))
    budget = limits.SMAA_BYTES_PER_WEIGHT * 2500 * 12 + limits.SMAA_BYTES_PER_SCORE * 1400 * 2048
    for name in ("vikor", "topsis", "promethee2"):
        tracemalloc.start()
        run_smaa(dm, method=name, samples=2500, seed=1, ranks=10)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        # PROMETHEE II's flows are counted by limits.promethee_pairs
        allowed = budget + (
            limits.PROMETHEE_BYTES_PER_PAIR * 1400**2 if name == "promethee2" else 0
        )
        assert peak < allowed, (name, peak, allowed)
    tracemalloc.start()
    run_smaa(dm, method="wsm", samples=300, seed=1, ranks=10, value_uncertainty=0.1)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 120 * 2**20


def test_budget_refuses_before_sampling(monkeypatch):
    from coopselect import limits

    monkeypatch.setenv(limits.MEMORY_ENV, "1")
    with pytest.raises(CoopselectError, match="above the budget"):
        run_smaa(_dm(_matrix(0, 1400, 6)), method="vikor", samples=10000, seed=1)


@pytest.mark.parametrize("preference", ["usual", "ushape", "level", "linear", "vshape"])
def test_promethee_flows_decide_like_promethee2_at_the_thresholds(preference):
    from coopselect.methods.promethee import criterion_net_flows

    # Differences equal to 0, q or p in exact arithmetic but off by a last bit in floating point
    # (1 - 0.7 * 5/12 against 1 - 0.5 * 7/12), in blocks of rows smaller than the matrix.
    base = np.array([1 - 0.7 * 5 / 12, 1 - 0.5 * 7 / 12, 0.2, 0.45, 0.7, 0.95, 1.2, 0.3])
    x = np.column_stack([base, base * 10 + 1, base[::-1], base * 3])
    x = np.vstack([x, x + 0.25, x * 2])
    types = np.array([1, -1, 1, -1])
    params = {"preference": preference, "q": 0.25, "p": 0.5}
    if preference == "vshape":
        params = {"preference": preference, "p": 0.5}
    elif preference == "usual":
        params = {"preference": preference}
    import coopselect.methods.promethee as promethee

    w = sampling.uniform_simplex(np.random.default_rng(1), 20, 4)
    ref = _per_sample_scores("promethee2", [x] * len(w), w, types, params)
    old = promethee._BLOCK_CELLS
    try:
        promethee._BLOCK_CELLS = 3 * len(x)  # three rows at a time
        flows, _ = criterion_net_flows(x, types, **params)
    finally:
        promethee._BLOCK_CELLS = old
    np.testing.assert_allclose(w @ flows.T, ref, rtol=0, atol=1e-12)


CORETYPE_SMAA = """
import json
from coopselect.pipeline import build_case_problem
from coopselect.sensitivity.smaa import run_smaa
dm = build_case_problem(None)
out = {}
for name in ("promethee2", "vikor", "wsm", "moora", "edas", "mabac", "copras", "aras", "spotis"):
    res = run_smaa(dm, method=name, samples=1500, seed=0, weight_sampler="dirichlet",
                   concentration=20.0, ranks=dm.shape[0])
    out[name] = [res["rank_acceptability"], res["confidence"], res["path"]]
print(json.dumps(out))
"""


@pytest.mark.slow  # a child process per coretype
def test_kernels_give_the_same_acceptabilities_under_every_coretype():
    """Matrix products take other BLAS kernels (and roundings) on another CPU; the tie rule keeps
    the acceptabilities of the bundled case identical (OPENBLAS_CORETYPE unset, Haswell,
    Prescott)."""
    import json
    import os
    import subprocess
    import sys

    runs = []
    for coretype in (None, "Haswell", "Prescott"):
        env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_CORETYPE"}
        if coretype:
            env["OPENBLAS_CORETYPE"] = coretype
        out = subprocess.run(
            [sys.executable, "-c", CORETYPE_SMAA],
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )
        assert out.returncode == 0, out.stderr[-2000:]
        runs.append(json.loads(out.stdout))
    for name, first in runs[0].items():
        assert first[2].startswith("batched")
        for other in runs[1:]:
            assert other[name] == first, name


@pytest.mark.slow  # the whole bundled case against the per-sample oracle, per method
@pytest.mark.parametrize(
    "name", ["promethee2", "vikor", "wsm", "moora", "edas", "topsis", "spotis"]
)
def test_sweeps_and_critical_weights_through_the_kernels(name):
    from coopselect.pipeline import build_case_problem
    from coopselect.sensitivity.sweep import critical_weights, sweep

    dm = build_case_problem(None)
    lead, changes = critical_weights(dm, 2, name)
    lead_ref, changes_ref = critical_weights(dm, 2, name, per_sample=True)
    assert lead == lead_ref
    assert [(c.runner_up, c.criterion) for c in changes] == [
        (c.runner_up, c.criterion) for c in changes_ref
    ]
    for c, ref in zip(changes, changes_ref, strict=True):
        assert (c.new_weight is None) == (ref.new_weight is None)
        if c.new_weight is not None:
            assert c.new_weight == pytest.approx(ref.new_weight, abs=1e-8)
    swept = sweep(dm, dm.criteria[0], name)
    swept_ref = sweep(dm, dm.criteria[0], name, per_sample=True)
    np.testing.assert_allclose(swept.scores, swept_ref.scores, rtol=0, atol=1e-12)
    assert [(a, b) for _, a, b in swept.changes] == [(a, b) for _, a, b in swept_ref.changes]
    for (t, _, _), (t_ref, _, _) in zip(swept.changes, swept_ref.changes, strict=True):
        assert t == pytest.approx(t_ref, abs=1e-8)
