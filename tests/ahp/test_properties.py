"""Hypothesis properties of the priority methods."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopselect.ahp import priorities
from hypothesis_budget import examples

METHODS = ["eigen", "geomean", "approx"]
vectors = st.lists(st.floats(0.01, 100.0), min_size=1, max_size=12)


@st.composite
def reciprocal_matrices(draw):
    n = draw(st.integers(3, 9))
    scale = [1 / 9, 1 / 7, 1 / 5, 1 / 3, 1 / 2, 1, 2, 3, 5, 7, 9]
    m = np.ones((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            m[i, j] = draw(st.sampled_from(scale))
            m[j, i] = 1 / m[i, j]
    return m


@settings(max_examples=examples(60), deadline=None)
@given(vectors, st.sampled_from(METHODS))
def test_consistent_matrix_gives_back_its_vector(v, method):
    w = np.asarray(v) / sum(v)
    m = w[:, None] / w[None, :]
    res = priorities(m, method)
    assert res.weights == pytest.approx(w, rel=1e-8, abs=1e-12)
    assert res.cr == pytest.approx(0.0, abs=1e-9) and res.consistent
    assert res.most_inconsistent is None


@settings(max_examples=examples(60), deadline=None)
@given(reciprocal_matrices(), st.sampled_from(METHODS), st.randoms(use_true_random=False))
def test_permuting_labels_permutes_weights(m, method, rnd):
    n = m.shape[0]
    perm = list(range(n))
    rnd.shuffle(perm)
    p = np.asarray(perm)
    a = priorities(m, method)
    b = priorities(m[np.ix_(p, p)], method)
    assert b.weights == pytest.approx(a.weights[p], abs=1e-10)
    assert b.cr == pytest.approx(a.cr, abs=1e-10)


@settings(max_examples=examples(60), deadline=None)
@given(reciprocal_matrices(), st.sampled_from(METHODS))
def test_weights_positive_and_sum_to_one(m, method):
    res = priorities(m, method)
    assert res.weights.sum() == pytest.approx(1.0, abs=1e-12)
    assert np.all(res.weights > 0)
    assert res.lambda_max >= m.shape[0] - 1e-9
    assert res.consistent == (res.cr <= 0.10)
    if not res.consistent:
        worst = res.most_inconsistent
        assert worst is not None and worst.row < worst.col
