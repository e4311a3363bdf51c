"""Properties every registered method must have, checked with hypothesis on random problems.

- ranks are a permutation of 1..m, scores finite, ties reported consistently with the scores;
- multiplying every weight by the same positive number leaves the ranking unchanged (the
  registry re-normalises; a method never sees unnormalised weights);
- an alternative that is strictly better on every criterion never gets a worse score than the
  one it dominates (all registered methods are monotone in each criterion);
- permuting the alternatives permutes the scores (no method depends on input order except to
  break exact ties).
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from coopselect.methods import available_methods, run_method

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


def _better(res, a: int, b: int) -> bool:
    """Score of a is at least as good as that of b (with a rounding margin)."""
    sa, sb = float(res.scores[a]), float(res.scores[b])
    margin = 1e-9 * max(1.0, abs(sa), abs(sb))
    return sa >= sb - margin if res.higher_is_better else sa <= sb + margin


@pytest.mark.parametrize("method", METHODS)
@given(data=problems(), factor=st.floats(0.01, 100.0))
@settings(max_examples=40, deadline=None)
def test_scaling_weights_keeps_ranking(method, data, factor):
    x, w, t = data
    base = run_method(method, x, w, t)
    scaled = run_method(method, x, w * factor, t)
    np.testing.assert_allclose(scaled.scores, base.scores, rtol=1e-9, atol=1e-12)
    assert scaled.ranks.tolist() == base.ranks.tolist()


@pytest.mark.parametrize("method", METHODS)
@given(data=problems())
@settings(max_examples=40, deadline=None)
def test_output_is_well_formed(method, data):
    x, w, t = data
    res = run_method(method, x, w, t)
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
@given(data=problems(), row=st.integers(0, 10), gain=st.floats(1.01, 2.0))
@settings(max_examples=40, deadline=None)
def test_dominating_alternative_never_scores_worse(method, data, row, gain):
    x, w, t = data
    b = row % x.shape[0]
    a = (b + 1) % x.shape[0]
    # a: strictly better than b on every criterion (higher benefit, lower cost).
    x = x.copy()
    x[a] = np.where(t > 0, x[b] * gain, x[b] / gain)
    assume(np.all(x > 0))
    res = run_method(method, x, w, t)
    assert _better(res, a, b), (method, res.scores[a], res.scores[b])


@pytest.mark.parametrize("method", METHODS)
@given(data=problems(), seed=st.integers(0, 2**32 - 1))
@settings(max_examples=25, deadline=None)
def test_permuting_alternatives_permutes_scores(method, data, seed):
    x, w, t = data
    perm = np.random.default_rng(seed).permutation(x.shape[0])
    base = run_method(method, x, w, t)
    moved = run_method(method, x[perm], w, t)
    np.testing.assert_allclose(moved.scores, np.asarray(base.scores)[perm], rtol=1e-9, atol=1e-12)
