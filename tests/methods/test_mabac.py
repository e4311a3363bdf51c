"""MABAC against two published examples, pymcdm, and its own rules
(the properties every method shares: test_method_properties.py)."""

from __future__ import annotations

import numpy as np
import pytest

from coopselect.messages import render
from coopselect.methods.mabac import mabac

# Pamucar, D. & Cirovic, G. (2015). The selection of transport and handling resources in logistics
# centers using Multi-Attributive Border Approximation area Comparison (MABAC). Expert Systems with
# Applications 42(6), 3016-3028, the paper's case study: seven alternatives, ten criteria (C1, C5,
# C6 costs). Published criterion functions S_i, to four decimals:
# 0.0826, 0.2183, -0.0488, 0.0246, -0.0704, 0.0465, 0.0464, so A2 > A1 > A6 > A7 > A4 > A3 > A5
# (the same values are asserted in pymcdm's test suite, TestMABAC).
PC_X = np.array(
    [
        [22600, 3800, 2, 5, 1.06, 3.00, 3.5, 2.8, 24.5, 6.5],
        [19500, 4200, 3, 2, 0.95, 3.00, 3.4, 2.2, 24, 7.0],
        [21700, 4000, 1, 3, 1.25, 3.20, 3.3, 2.5, 24.5, 7.3],
        [20600, 3800, 2, 5, 1.05, 3.25, 3.2, 2.0, 22.5, 11.0],
        [22500, 3800, 4, 3, 1.35, 3.20, 3.7, 2.1, 23, 6.3],
        [23250, 4210, 3, 5, 1.45, 3.60, 3.5, 2.8, 23.5, 7.0],
        [20300, 3850, 2, 5, 0.90, 3.25, 3.0, 2.6, 21.5, 6.0],
    ]
)
PC_W = np.array([0.146, 0.144, 0.119, 0.121, 0.115, 0.101, 0.088, 0.068, 0.050, 0.048])
PC_T = np.array([-1, 1, 1, 1, -1, -1, 1, 1, 1, 1])

# Isik, O., Aydin, Y. & Kosaroglu, S. M. (2020). The assessment of the logistics performance index
# of CEE countries with the new combination of SV and MABAC methods. LogForum 16(4): eleven
# countries, six benefit criteria, SV weights. S_i as published, to six decimals (as listed in
# pyrepo-mcda's test suite, Test_MABAC, which asserts them to four). Inputs are printed to six
# decimals, so the scores are checked to 1.5e-6.
IS_X = np.array(
    [
        [2.937588, 2.762986, 3.233723, 2.881315, 3.015289, 3.313491],
        [2.978555, 3.012820, 2.929487, 3.096154, 3.012820, 3.593939],
        [3.286673, 3.464600, 3.746009, 3.715632, 3.703427, 4.133620],
        [3.322037, 3.098638, 3.262154, 3.147851, 3.206675, 3.798684],
        [3.354866, 3.270945, 3.221880, 3.213207, 3.670508, 3.785941],
        [2.796570, 2.983000, 2.744904, 2.692550, 2.787563, 2.878851],
        [2.846491, 2.729618, 2.789990, 2.955624, 3.123323, 3.646595],
        [3.253458, 3.208902, 3.678499, 3.580044, 3.505663, 3.954262],
        [2.580718, 2.906903, 3.176497, 3.073653, 3.264727, 3.681887],
        [2.789011, 3.000000, 3.101099, 3.139194, 2.985348, 3.139194],
        [3.418681, 3.261905, 3.187912, 3.052381, 3.266667, 3.695238],
    ]
)
IS_W = np.array([0.171761, 0.105975, 0.191793, 0.168824, 0.161768, 0.199880])
IS_S = [
    -0.155317,
    -0.089493,
    0.505407,
    0.132405,
    0.246943,
    -0.386756,
    -0.179406,
    0.362921,
    -0.084198,
    -0.167505,
    0.139895,
]


def test_pamucar_cirovic_2015_example():
    res = mabac(PC_X, PC_W, PC_T)
    assert np.round(res.scores, 4).tolist() == [
        0.0826,
        0.2183,
        -0.0488,
        0.0246,
        -0.0704,
        0.0465,
        0.0464,
    ]
    assert res.ranks.tolist() == [2, 1, 6, 5, 7, 3, 4]
    assert res.higher_is_better
    assert res.scores == pytest.approx(res.extras["distance"].sum(axis=1))
    assert res.extras["border"].shape == (10,)


def test_isik_aydin_kosaroglu_2020_example():
    res = mabac(IS_X, IS_W, np.ones(6))
    assert res.scores == pytest.approx(IS_S, abs=1.5e-6)
    assert res.ranks.tolist() == [8, 7, 1, 5, 3, 11, 10, 2, 6, 9, 4]


def test_agrees_with_pymcdm():
    from pymcdm.methods import MABAC

    rng = np.random.default_rng(9)
    x = rng.uniform(-5, 10, size=(12, 5))
    x[:, 3] = 2.5  # a constant column: both use t = 1, so it contributes 0
    w = rng.dirichlet(np.ones(5))
    t = np.array([1, -1, 1, 1, -1])
    assert mabac(x, w, t).scores == pytest.approx(MABAC()(x, w, t), abs=1e-12)


def test_constant_column_and_zero_weight_change_nothing_and_are_noted():
    x = np.column_stack([PC_X, np.full(7, 9.0), np.arange(7.0)])
    w = np.append(PC_W * 0.9, [0.1, 0.0])
    res = mabac(x, w, np.append(PC_T, [-1, 1]))
    assert res.scores == pytest.approx(mabac(PC_X, PC_W * 0.9, PC_T).scores)
    assert np.all(res.extras["distance"][:, 10:] == 0)
    assert any("criterion 11 is constant" in render(n, "en") for n in res.notes)
    assert any("criterion 12 has weight 0" in render(n, "en") for n in res.notes)


def test_many_alternatives_no_overflow_or_nan():
    rng = np.random.default_rng(0)
    x = rng.uniform(0, 1e6, size=(5000, 4))
    res = mabac(x, np.full(4, 0.25), np.array([1, 1, -1, 1]))
    assert np.all(np.isfinite(res.scores)) and np.all(np.isfinite(res.extras["border"]))
