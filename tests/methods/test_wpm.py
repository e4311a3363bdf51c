"""WPM against a published example, pymcdm, and its own rules
(the properties every method shares: test_method_properties.py)."""

from __future__ import annotations

import numpy as np
import pytest

from coopselect.errors import CoopselectError
from coopselect.messages import render
from coopselect.methods.wpm import wpm

# Triantaphyllou, E. (2000). Multi-Criteria Decision Making Methods: A Comparative Study. Kluwer
# Academic Publishers (Applied Optimization 44), chapter 2, the WSM/WPM numerical example (also
# reproduced in the Wikipedia articles "Weighted sum model" and "Weighted product model"): three
# alternatives, four benefit criteria, weights 0.20, 0.15, 0.40, 0.25. Published ratios
# P(A1/A2) = 1.007, P(A1/A3) = 1.067, P(A2/A3) = 1.059, so A1 > A2 > A3 (while WSM prefers A2).
TRI_X = np.array([[25, 20, 15, 30], [10, 30, 20, 30], [30, 10, 30, 10]], dtype=float)
TRI_W = np.array([0.20, 0.15, 0.40, 0.25])
TRI_T = np.array([1, 1, 1, 1])


def test_triantaphyllou_2000_example():
    res = wpm(TRI_X, TRI_W, TRI_T)
    p = res.scores
    # Any per-column normalisation cancels in the ratios P(AK/AL).
    assert round(p[0] / p[1], 3) == 1.007
    assert round(p[0] / p[2], 3) == 1.067
    assert round(p[1] / p[2], 3) == 1.059
    assert res.ranks.tolist() == [1, 2, 3]
    assert res.higher_is_better
    assert res.extras["normalized"].shape == TRI_X.shape


def test_agrees_with_pymcdm():
    """pymcdm's WPM with linear normalisation (x/max, min/x) gives the same scores; with its default
    sum normalisation the scores differ by one constant factor, so the ranks are the same."""
    from pymcdm.methods import WPM
    from pymcdm.normalizations import linear_normalization

    rng = np.random.default_rng(11)
    x = rng.uniform(1, 10, size=(12, 5))
    w = rng.dirichlet(np.ones(5))
    t = np.array([1, -1, 1, 1, -1])
    ours = wpm(x, w, t)
    assert ours.scores == pytest.approx(WPM(linear_normalization)(x, w, t), abs=1e-12)
    default = WPM()(x, w, t)
    assert ours.scores / default == pytest.approx(np.full(12, ours.scores[0] / default[0]))


def test_constant_column_has_no_effect_and_is_noted():
    x = np.column_stack([TRI_X, np.full(3, 7.0)])
    w = np.append(TRI_W * 0.8, 0.2)
    res = wpm(x, w, np.append(TRI_T, -1))
    assert res.ranks.tolist() == wpm(TRI_X, TRI_W, TRI_T).ranks.tolist()
    assert any("criterion 5 is constant" in render(n, "en") for n in res.notes)


def test_zero_weight_is_the_same_as_dropping_the_criterion():
    x = np.column_stack([TRI_X, [1.0, 50.0, 3.0]])
    res = wpm(x, np.append(TRI_W, 0.0), np.append(TRI_T, 1))
    assert res.scores == pytest.approx(wpm(TRI_X, TRI_W, TRI_T).scores)
    assert any("criterion 5 has weight 0" in render(n, "en") for n in res.notes)


@pytest.mark.parametrize("bad", [0.0, -3.0])
def test_non_positive_value_is_a_located_error(bad):
    x = TRI_X.copy()
    x[1, 2] = bad
    with pytest.raises(CoopselectError) as err:
        wpm(x, TRI_W, TRI_T)
    assert err.value.place == "matrix row 2, criterion 3"
    assert err.value.fix
