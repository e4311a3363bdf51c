"""TOPSIS (vector normalisation) against a published example and an independent implementation."""

from __future__ import annotations

import numpy as np
import pytest

from coopselect.methods import run_method

# Roszkowska, E. (2011). Multi-criteria decision making models by applying the TOPSIS method to
# crisp and interval data. Multiple Criteria Decision Making (Univ. of Economics in Katowice) 6,
# 200-230, section 5, example 1 (first decision maker): five alternatives, four criteria, C2 a cost.
# Published ranking A3 > A1 > A4 > A2 > A5; relative closeness 0.535, 0.435, 0.557, 0.517, 0.371
# (the same values, to six decimals, are reproduced in gscoppino/topsis's test suite).
ROSZKOWSKA_X = np.array(
    [[7, 21, 4, 7], [7, 24, 6, 4], [14, 25, 3, 8], [14, 26, 9, 3], [21, 35, 4, 4]], dtype=float
)
ROSZKOWSKA_W = np.array([0.175, 0.425, 0.175, 0.225])
ROSZKOWSKA_T = np.array([1, -1, 1, 1])


def test_roszkowska_2011_example_1():
    res = run_method("topsis", ROSZKOWSKA_X, ROSZKOWSKA_W, ROSZKOWSKA_T)
    assert res.scores == pytest.approx([0.535497, 0.434945, 0.557491, 0.516961, 0.370633], abs=1e-6)
    assert res.extras["d_plus"] == pytest.approx(
        [0.107805, 0.117942, 0.096981, 0.105379, 0.141766], abs=1e-6
    )
    assert res.extras["d_minus"] == pytest.approx(
        [0.124281, 0.090785, 0.122181, 0.112779, 0.083486], abs=1e-6
    )
    assert res.ranks.tolist() == [2, 4, 1, 3, 5]
    assert res.higher_is_better


def test_agrees_with_pymcdm_vector_topsis():
    """Independent implementation: pymcdm's TOPSIS with its vector normalisation."""
    from pymcdm.methods import TOPSIS
    from pymcdm.normalizations import vector_normalization

    rng = np.random.default_rng(7)
    x = rng.uniform(1, 10, size=(12, 5))
    w = rng.dirichlet(np.ones(5))
    t = np.array([1, -1, 1, 1, -1])
    ours = run_method("topsis", x, w, t).scores
    theirs = TOPSIS(normalization_function=vector_normalization)(x, w, t)
    assert ours == pytest.approx(theirs, abs=1e-12)


def test_dominating_alternative_ranks_first():
    x = np.array([[5.0, 1.0], [4.0, 2.0], [3.0, 3.0]])
    res = run_method("topsis", x, np.array([0.5, 0.5]), np.array([1, -1]))
    assert res.ranks[0] == 1


def test_all_equal_alternatives_tie_without_nan():
    x = np.ones((3, 2))
    res = run_method("topsis", x, np.array([0.5, 0.5]), np.array([1, 1]))
    assert np.all(np.isfinite(res.scores))
    assert res.ties == ((0, 1, 2),)
    assert res.ranks.tolist() == [1, 2, 3]


def test_unknown_method_is_a_clear_error():
    from coopselect.errors import CoopselectError

    with pytest.raises(CoopselectError, match="unknown method 'topsys'"):
        run_method("topsys", ROSZKOWSKA_X, ROSZKOWSKA_W, ROSZKOWSKA_T)
