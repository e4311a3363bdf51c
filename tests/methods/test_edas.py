"""EDAS against two published examples, pymcdm, and its own rules
(the properties every method shares: test_method_properties.py)."""

from __future__ import annotations

import numpy as np
import pytest

from coopselect.errors import CoopselectError
from coopselect.messages import render
from coopselect.methods.edas import edas

# Yazdani, M., Torkayesh, A. E., Santibanez-Gonzalez, E. D. R. & Otaghsara, S. K. (2020).
# Evaluation of renewable energy resources using integrated Shannon Entropy-EDAS model.
# Sustainable Operations and Computers 1, 35-42: five energy sources, eight criteria (C1-C3 and C6
# costs), entropy weights. Published appraisal scores, to three decimals:
# 0.841, 0.632, 0.883, 0.457, 0.104 (asserted in pymcdm's test suite, TestEDAS).
YA_X = np.array(
    [
        [3873, 39.55, 0.27, 0.87, 150, 0.07, 12, 2130],
        [5067, 67.26, 0.23, 0.23, 40, 0.02, 21, 2200],
        [2213, 24.69, 0.08, 0.17, 200, 0.04, 35, 570],
        [6243, 132, 0.07, 0.25, 100, 0.04, 16, 100],
        [8312, 460.47, 0.05, 0.21, 25, 0.1, 25, 200],
    ]
)
YA_W = np.array([0.131, 0.113, 0.126, 0.125, 0.126, 0.129, 0.132, 0.117])
YA_T = np.array([-1, -1, -1, 1, 1, -1, 1, 1])

# Ersoy, Y. (2021). Equipment selection for an e-commerce company using entropy-based TOPSIS, EDAS
# and CODAS methods during the COVID-19. LogForum 17(3): six laptops, six criteria (the
# last two costs), entropy weights. Published appraisal scores, to three decimals:
# 0.414, 0.130, 0.461, 0.212, 0.944, 0.043 (asserted in pyrepo-mcda's test suite, Test_EDAS).
ER_X = np.array(
    [
        [256, 8, 41, 1.6, 1.77, 7347.16],
        [256, 8, 32, 1.0, 1.8, 6919.99],
        [256, 8, 53, 1.6, 1.9, 8400],
        [256, 8, 41, 1.0, 1.75, 6808.9],
        [512, 8, 35, 1.6, 1.7, 8479.99],
        [256, 4, 35, 1.6, 1.7, 7499.99],
    ]
)
ER_W = np.array([0.405, 0.221, 0.134, 0.199, 0.007, 0.034])
ER_T = np.array([1, 1, 1, 1, -1, -1])


def test_yazdani_et_al_2020_example():
    res = edas(YA_X, YA_W, YA_T)
    assert np.round(res.scores, 3).tolist() == [0.841, 0.632, 0.883, 0.457, 0.104]
    assert res.ranks.tolist() == [2, 3, 1, 4, 5]
    assert res.higher_is_better
    assert res.extras["AS"] is res.scores
    assert res.extras["AV"] == pytest.approx(YA_X.mean(axis=0))


def test_ersoy_2021_example():
    res = edas(ER_X, ER_W, ER_T)
    assert np.round(res.scores, 3).tolist() == [0.414, 0.130, 0.461, 0.212, 0.944, 0.043]
    assert res.ranks.tolist() == [3, 5, 2, 4, 1, 6]


def test_agrees_with_pymcdm():
    from pymcdm.methods import EDAS

    rng = np.random.default_rng(3)
    x = rng.uniform(1, 10, size=(12, 5))
    w = rng.dirichlet(np.ones(5))
    t = np.array([1, -1, 1, 1, -1])
    ours = edas(x, w, t)
    assert ours.scores == pytest.approx(EDAS()(x, w, t), abs=1e-12)


def test_constant_column_and_zero_weight_change_nothing_and_are_noted():
    x = np.column_stack([ER_X, np.full(6, 3.0), np.arange(1.0, 7.0)])
    w = np.append(ER_W * 0.9, [0.1, 0.0])
    res = edas(x, w, np.append(ER_T, [1, -1]))
    # The first column of Ersoy's data (256 ... 512 ... 256) is not constant; column 7 is.
    assert res.scores == pytest.approx(edas(ER_X, ER_W * 0.9, ER_T).scores)
    assert any("criterion 7 is constant" in render(n, "en") for n in res.notes)
    assert any("criterion 8 has weight 0" in render(n, "en") for n in res.notes)


def test_everything_constant_ties_at_one_half_without_nan():
    x = np.column_stack([np.full(4, 2.0), np.zeros(4)])
    res = edas(x, np.array([0.5, 0.5]), np.array([1, -1]))
    assert res.scores.tolist() == [0.5] * 4
    assert res.ties == ((0, 1, 2, 3),)
    assert any("every appraisal score is 0.5" in render(n, "en") for n in res.notes)


def test_average_not_positive_is_a_located_error():
    x = ER_X.copy()
    x[:, 2] = [-5, 5, -3, 3, 0, 0]  # mean 0
    with pytest.raises(CoopselectError) as err:
        edas(x, ER_W, ER_T)
    assert err.value.place == "criterion 3"
    assert err.value.fix


def test_negative_values_with_positive_average_are_accepted():
    x = ER_X.copy()
    x[:, 2] = [-5, 50, 30, 40, 20, 10]
    res = edas(x, ER_W, ER_T)
    assert np.all(np.isfinite(res.scores))
