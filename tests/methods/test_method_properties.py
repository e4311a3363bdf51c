"""Properties every registered method must have, checked with hypothesis on random problems.

- ranks are a permutation of 1..m, scores finite, ties reported consistently with the scores;
- multiplying every weight by the same positive number leaves the ranking unchanged (the
  registry re-normalises; a method never sees unnormalised weights);
- an alternative that is strictly better on every criterion never gets a worse score than the
  one it dominates (all registered methods are monotone in each criterion);
- permuting the alternatives permutes the scores (no method depends on input order except to
  break exact ties);
- each method's scores stay in the range its definition gives (ARAS K in (0, 1], TOPSIS
  closeness in [0, 1], PROMETHEE II flows summing to 0, ...), and no method returns a NaN or an
  infinity: on values it cannot take it raises a located error instead.

The parameters are drawn too (VIKOR's v, WASPAS's lam, PROMETHEE II's preference functions and
thresholds per criterion, SPOTIS bounds wider than the data), so these tests stand for every
method's scaling and dominance tests; the per-method files keep the published examples, the
comparisons with pymcdm and the method's own rules.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from coopselect.errors import CoopselectError
from coopselect.methods import available_methods, run_method
from hypothesis_budget import examples

METHODS = available_methods()


@st.composite
def problems(draw, min_alts=3):
    m = draw(st.integers(min_alts, 7))
    n = draw(st.integers(2, 5))
    x = draw(
        arrays(
            float, (m, n), elements=st.floats(1.0, 100.0, allow_nan=False, allow_subnormal=False)
        )
    )
    w = draw(arrays(float, (n,), elements=st.floats(0.05, 1.0)))
    t = np.array(draw(st.lists(st.sampled_from([1, -1]), min_size=n, max_size=n)))
    return x, w / w.sum(), t


PREFERENCES = ["usual", "ushape", "vshape", "level", "linear", "gaussian"]


def method_params(data, method: str, x: np.ndarray) -> dict:
    """Parameters for ``method`` drawn with hypothesis's ``data`` (default ones half the time)."""
    if not data.draw(st.booleans(), label="params"):
        return {}
    n = x.shape[1]
    if method == "vikor":
        return {"v": data.draw(st.floats(0, 1), label="v")}
    if method == "waspas":
        return {"lam": data.draw(st.floats(0, 1), label="lam")}
    if method == "topsis":
        return {"normalization": data.draw(st.sampled_from(["vector", "minmax", "max", "sum"]))}
    if method == "promethee2":
        q = data.draw(st.lists(st.floats(0, 5), min_size=n, max_size=n), label="q")
        extra = data.draw(st.lists(st.floats(0.5, 20), min_size=n, max_size=n), label="p - q")
        return {
            "preference": data.draw(
                st.lists(st.sampled_from(PREFERENCES), min_size=n, max_size=n), label="functions"
            ),
            "q": q,
            "p": [a + b for a, b in zip(q, extra, strict=True)],
            "s": data.draw(st.lists(st.floats(0.5, 20), min_size=n, max_size=n), label="s"),
        }
    if method == "spotis":
        margin = data.draw(st.floats(0, 50), label="margin")
        lo, hi = x.min(axis=0) - margin, x.max(axis=0) + margin
        return {"bounds": np.column_stack([lo, hi + (hi == lo)]).tolist()}
    return {}


def _better(res, a: int, b: int) -> bool:
    """Score of a is at least as good as that of b (with a rounding margin)."""
    sa, sb = float(res.scores[a]), float(res.scores[b])
    margin = 1e-9 * max(1.0, abs(sa), abs(sb))
    return sa >= sb - margin if res.higher_is_better else sa <= sb + margin


@pytest.mark.parametrize("method", METHODS)
@given(data=problems(), factor=st.floats(0.01, 100.0), draw=st.data())
@settings(max_examples=examples(40), deadline=None)
def test_scaling_weights_keeps_ranking(method, data, factor, draw):
    x, w, t = data
    params = method_params(draw, method, x)
    base = run_method(method, x, w, t, **params)
    scaled = run_method(method, x, w * factor, t, **params)
    np.testing.assert_allclose(scaled.scores, base.scores, rtol=1e-9, atol=1e-12)
    assert scaled.ranks.tolist() == base.ranks.tolist()


@pytest.mark.parametrize("method", METHODS)
@given(data=problems(), draw=st.data())
@settings(max_examples=examples(40), deadline=None)
def test_output_is_well_formed(method, data, draw):
    x, w, t = data
    res = run_method(method, x, w, t, **method_params(draw, method, x))
    m = x.shape[0]
    assert sorted(res.ranks.tolist()) == list(range(1, m + 1))
    assert np.all(np.isfinite(res.scores))
    order = np.argsort(res.ranks)
    for a, b in itertools.pairwise(order):
        assert _better(res, a, b)
    for group in res.ties:
        assert np.ptp(np.asarray(res.scores)[list(group)]) <= 1e-9 * max(
            1.0, float(np.abs(res.scores).max())
        )


@pytest.mark.parametrize("method", METHODS)
@given(data=problems(), row=st.integers(0, 10), gain=st.floats(1.01, 2.0), draw=st.data())
@settings(max_examples=examples(40), deadline=None)
def test_dominating_alternative_never_scores_worse(method, data, row, gain, draw):
    x, w, t = data
    b = row % x.shape[0]
    a = (b + 1) % x.shape[0]
    # a: strictly better than b on every criterion (higher benefit, lower cost).
    x = x.copy()
    x[a] = np.where(t > 0, x[b] * gain, x[b] / gain)
    assume(np.all(x > 0))
    res = run_method(method, x, w, t, **method_params(draw, method, x))
    assert _better(res, a, b), (method, res.scores[a], res.scores[b])


@pytest.mark.parametrize("method", METHODS)
@given(data=problems(), seed=st.integers(0, 2**32 - 1), draw=st.data())
@settings(max_examples=examples(25), deadline=None)
def test_permuting_alternatives_permutes_scores(method, data, seed, draw):
    x, w, t = data
    params = method_params(draw, method, x)
    perm = np.random.default_rng(seed).permutation(x.shape[0])
    base = run_method(method, x, w, t, **params)
    moved = run_method(method, x[perm], w, t, **params)
    np.testing.assert_allclose(moved.scores, np.asarray(base.scores)[perm], rtol=1e-9, atol=1e-12)


EPS = 1e-12  # rounding: a bound that holds in exact arithmetic may be passed by a few ulps


def _within(lo: float, hi: float, *, open_low: bool = False):
    def check(res) -> bool:
        s = np.asarray(res.scores)
        low = s > lo if open_low else s >= lo - EPS
        return bool(np.all(low & (s <= hi + EPS)))

    return check


def _promethee_flows(res) -> bool:
    s = np.asarray(res.scores)
    return bool(abs(s.sum()) < 1e-9 and np.all(np.abs(s) <= 1 + EPS))


def _copras_utility(res) -> bool:
    u = np.asarray(res.extras["utility"])
    return bool(np.all(np.isfinite(u)) and abs(u.max() - 100) < 1e-9)


# The range each method's definition gives its scores (with its parameters drawn as above).
RANGES = {
    "aras": _within(0, 1, open_low=True),  # K = S / S0 in (0, 1]
    "copras": _copras_utility,  # utility N in %, the best 100
    "edas": _within(0, 1),  # AS in [0, 1]
    "promethee2": _promethee_flows,  # net flows sum to 0, each in [-1, 1]
    "spotis": _within(0, 1),  # normalised distance to the ideal within the bounds
    "topsis": _within(0, 1),  # closeness
    "vikor": _within(0, 1),  # Q
    "waspas": _within(0, 1, open_low=True),  # r in (0, 1], weights sum 1
    "wpm": _within(0, 1, open_low=True),  # product of ratios in (0, 1]
}


def test_every_range_names_a_registered_method():
    assert set(RANGES) <= set(METHODS)


@pytest.mark.parametrize("method", sorted(RANGES))
@given(data=problems(), draw=st.data())
@settings(max_examples=examples(40), deadline=None)
def test_scores_stay_in_the_methods_range(method, data, draw):
    x, w, t = data
    res = run_method(method, x, w, t, **method_params(draw, method, x))
    assert RANGES[method](res), (method, res.scores)


@pytest.mark.parametrize("method", METHODS)
@given(
    x=arrays(float, (6, 3), elements=st.floats(-100, 100, allow_subnormal=False)),
    w=arrays(float, 3, elements=st.floats(0.0, 1)).filter(lambda w: w.sum() > 0.01),
)
@settings(max_examples=examples(30), deadline=None)
def test_any_values_give_finite_scores_or_a_located_error(method, x, w):
    # Negative values, zeros, constant columns and zero weights: a score, never NaN or inf;
    # a method that cannot take a value (a ratio of a negative number) says where it is.
    try:
        res = run_method(method, x, w, np.array([1, -1, 1]))
    except CoopselectError as err:
        assert err.place, (method, err.message)
        return
    assert np.all(np.isfinite(res.scores)), (method, res.scores)
