"""ARAS against two published examples, pymcdm, and its own rules
(the properties every method shares: test_method_properties.py)."""

from __future__ import annotations

import numpy as np
import pytest

from coopselect.errors import CoopselectError
from coopselect.messages import render
from coopselect.methods.aras import aras

# Goswami, S. & Mitra, S. (2020). Selecting the best mobile model by applying AHP-COPRAS and
# AHP-ARAS decision making methodology. International Journal of Data and Network Science 4(1),
# 27-42 (doi:10.5267/j.ijdns.2019.8.004): ten mobile phones, four criteria, price (C1) a cost, AHP
# weights. Published ARAS utility degrees K_i, to five decimals:
# 0.68915, 0.58525, 0.62793, 0.46666, 0.54924, 0.49801, 0.56959, 0.54950, 0.54505, 0.53549
# (the same values are asserted in pyrepo-mcda's test suite, Test_ARAS).
GM_X = np.array(
    [
        [80, 16, 2, 5],
        [110, 32, 2, 9],
        [130, 64, 4, 9],
        [185, 64, 4, 1],
        [135, 64, 3, 4],
        [140, 32, 3, 5],
        [185, 64, 6, 7],
        [110, 16, 3, 3],
        [120, 16, 4, 3],
        [340, 128, 6, 5],
    ],
    dtype=float,
)
GM_W = np.array([0.60338, 0.13639, 0.19567, 0.06456])
GM_T = np.array([-1, 1, 1, 1])

# Stanujkic, D., Djordjevic, B. & Karabasevic, D. (2015). Selection of candidates in the process of
# recruitment and selection of personnel based on the SWARA and ARAS methods. Quaestus 7, 53:
# four candidates, six benefit criteria, SWARA weights. Published K_i, to two decimals:
# 0.74, 0.86, 0.78, 0.86 (asserted in pymcdm's test suite, TestARAS).
SDK_X = np.array(
    [
        [4.64, 3.00, 3.00, 3.00, 2.88, 3.63],
        [4.00, 4.00, 4.64, 3.56, 3.63, 5.00],
        [3.30, 4.31, 3.30, 4.00, 3.30, 4.00],
        [2.62, 5.00, 4.22, 4.31, 5.00, 5.00],
    ]
)
SDK_W = np.array([0.28, 0.25, 0.19, 0.15, 0.08, 0.04])


def test_goswami_mitra_2020_example():
    res = aras(GM_X, GM_W, GM_T)
    expected = [0.68915, 0.58525, 0.62793, 0.46666, 0.54924, 0.49801, 0.56959, 0.54950, 0.54505]
    assert np.round(res.scores, 5).tolist() == [*expected, 0.53549]
    assert res.ranks.tolist() == [1, 3, 2, 10, 6, 9, 4, 5, 7, 8]
    assert res.higher_is_better
    assert res.extras["utility"] is res.scores
    assert res.extras["optimal"].tolist() == [80, 128, 6, 9]
    assert res.scores == pytest.approx(res.extras["S"] / res.extras["S0"])


def test_stanujkic_djordjevic_karabasevic_2015_example():
    res = aras(SDK_X, SDK_W, np.ones(6))
    assert np.round(res.scores, 2).tolist() == [0.74, 0.86, 0.78, 0.86]
    assert res.ranks[0] == 4 and res.ranks[2] == 3


def test_agrees_with_pymcdm():
    from pymcdm.methods import ARAS

    rng = np.random.default_rng(13)
    x = rng.uniform(1, 10, size=(12, 5))
    w = rng.dirichlet(np.ones(5))
    t = np.array([1, -1, 1, 1, -1])
    assert aras(x, w, t).scores == pytest.approx(ARAS()(x, w, t), abs=1e-12)


def test_zero_weight_is_the_same_as_dropping_the_criterion():
    x = np.column_stack([GM_X, np.arange(1.0, 11.0)])
    res = aras(x, np.append(GM_W, 0.0), np.append(GM_T, -1))
    assert res.scores == pytest.approx(aras(GM_X, GM_W, GM_T).scores)
    assert any("criterion 5 has weight 0" in render(n, "en") for n in res.notes)


def test_constant_column_keeps_the_ranks_and_is_noted():
    x = np.column_stack([GM_X, np.full(10, 5.0)])
    res = aras(x, np.append(GM_W * 0.8, 0.2), np.append(GM_T, -1))
    assert np.all(np.isfinite(res.scores))
    assert res.ranks.tolist() == aras(GM_X, GM_W, GM_T).ranks.tolist()
    assert any("criterion 5 is constant" in render(n, "en") for n in res.notes)


def test_zeros_in_a_benefit_column_are_allowed():
    x = GM_X.copy()
    x[:5, 3] = 0.0
    x2 = GM_X.copy()
    x2[:, 3] = 0.0
    assert np.all(np.isfinite(aras(x, GM_W, GM_T).scores))
    res = aras(x2, GM_W, GM_T)
    assert np.all(np.isfinite(res.scores))
    assert any("criterion 4 is all zeros" in render(n, "en") for n in res.notes)
    only = aras(np.zeros((3, 1)), np.ones(1), np.ones(1))
    assert only.scores.tolist() == [1.0, 1.0, 1.0]
    assert any("S_0 is 0" in render(n, "en") for n in only.notes)


@pytest.mark.parametrize(("col", "bad"), [(0, 0.0), (0, -80.0), (1, -2.0)])
def test_forbidden_values_are_located_errors(col, bad):
    x = GM_X.copy()
    x[6, col] = bad
    with pytest.raises(CoopselectError) as err:
        aras(x, GM_W, GM_T)
    assert err.value.place == f"matrix row 7, criterion {col + 1}"
    assert err.value.fix
