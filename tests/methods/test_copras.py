"""COPRAS against two published examples, the pymcdm difference, and its own rules
(the properties every method shares: test_method_properties.py)."""

from __future__ import annotations

import numpy as np
import pytest

from coopselect.errors import CoopselectError
from coopselect.messages import render
from coopselect.methods.copras import copras

# Goswami, S. & Mitra, S. (2020). Selecting the best mobile model by applying AHP-COPRAS and
# AHP-ARAS decision making methodology. International Journal of Data and Network Science 4(1),
# 27-42 (doi:10.5267/j.ijdns.2019.8.004): ten mobile phones, four criteria, price (C1) a cost, AHP
# weights. Published utility degrees N_i (as fractions of 100 %), to five decimals:
# 1, 0.85262, 0.91930, 0.68523, 0.80515, 0.72587, 0.83436, 0.79758, 0.79097, 0.79533 (the same
# values are asserted in pyrepo-mcda's test suite, tests/test_mcda_methods_2.py::Test_COPRAS).
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

# Kundakci, N. & Isik, A. (2016). Integration of MACBETH and COPRAS methods to select air
# compressor for a textile company. Decision Science Letters 5(3), 381-394: six compressors, nine
# criteria (C1-C3 and C6 costs), MACBETH weights. Published utility degrees, to four decimals:
# 100 %, 91.67 %, 86.75 %, 90.84 %, 93.15 %, 94.86 %, so A1 > A6 > A5 > A2 > A4 > A3 (asserted in
# the older pymcdm test suite as [1, 0.9167, 0.8675, 0.9084, 0.9315, 0.9486]).
KI_X = np.array(
    [
        [1543, 2000, 39000, 15, 13.76, 3.86, 5, 3, 5000],
        [1496, 3600, 43000, 14, 14, 2.5, 4, 4, 4000],
        [1584, 3100, 24500, 10, 13.1, 3.7, 2, 2, 3500],
        [1560, 2700, 36000, 12, 13.2, 3.2, 3, 3, 3500],
        [1572, 2500, 31500, 13, 13.3, 3.4, 3, 2, 3500],
        [1580, 2400, 20000, 12, 12.8, 3.9, 2, 2, 3000],
    ]
)
KI_W = np.array([0.2027, 0.1757, 0.1622, 0.1351, 0.1081, 0.0946, 0.0676, 0.0405, 0.0135])
KI_T = np.array([-1, -1, -1, 1, 1, -1, 1, 1, 1])


def test_goswami_mitra_2020_example():
    res = copras(GM_X, GM_W, GM_T)
    expected = [1, 0.85262, 0.91930, 0.68523, 0.80515, 0.72587, 0.83436, 0.79758, 0.79097, 0.79533]
    assert np.round(res.extras["utility"] / 100, 5).tolist() == expected
    assert res.ranks.tolist() == [1, 3, 2, 10, 5, 9, 4, 6, 8, 7]
    assert res.higher_is_better
    assert res.scores is res.extras["Q"]


def test_kundakci_isik_2016_example():
    res = copras(KI_X, KI_W, KI_T)
    assert np.round(res.extras["utility"], 2).tolist() == [100, 91.67, 86.75, 90.84, 93.15, 94.86]
    assert res.ranks.tolist() == [1, 4, 6, 5, 3, 2]


def test_the_two_forms_of_q_agree():
    """Q_i = S+_i + S-_min sum S- / (S-_i sum(S-_min / S-)) as printed by Zavadskas & Kaklauskas."""
    res = copras(KI_X, KI_W, KI_T)
    sp, sm = res.extras["S_plus"], res.extras["S_minus"]
    q = sp + (sm.min() * sm.sum()) / (sm * (sm.min() / sm).sum())
    assert res.scores == pytest.approx(q, rel=1e-12)


def test_pymcdm_differs_from_the_standard_formula():
    """pymcdm 1.4.0 computes Q = Sp + (min(Sm) * Sm) / (Sm * (min(Sm) / Sm)) element-wise, which
    simplifies to Sp + Sm: a cost criterion then *raises* Q exactly like a benefit criterion, and
    the result is a plain weighted sum of the sum-normalised matrix that ignores the types. On the
    Kundakci & Isik (2016) data it ranks A2 first, against the published A1 (and it also misses the
    Goswami & Mitra 2020 values). The standard formula is the one implemented here."""
    from pymcdm.methods import COPRAS

    theirs = COPRAS()(KI_X, KI_W, KI_T)
    plain_sum = (KI_X / KI_X.sum(axis=0) * KI_W).sum(axis=1)
    assert theirs == pytest.approx(plain_sum / plain_sum.max(), abs=1e-12)
    assert int(np.argmax(theirs)) == 1  # A2, but the paper (and this implementation) has A1
    ours = copras(KI_X, KI_W, KI_T)
    assert int(np.argmax(ours.scores)) == 0
    assert not np.allclose(ours.extras["utility"] / 100, theirs, atol=1e-3)
    gm = COPRAS()(GM_X, GM_W, GM_T)
    assert int(np.argmax(gm)) == 9  # the most expensive phone comes first: price counts for it


def test_no_cost_criterion_gives_q_equal_to_s_plus():
    x = GM_X[:, 1:]
    w = GM_W[1:] / GM_W[1:].sum()
    res = copras(x, w, np.ones(3))
    assert res.scores == pytest.approx(res.extras["S_plus"])
    assert np.all(res.extras["S_minus"] == 0)
    assert any("Q = S+" in render(n, "en") for n in res.notes)
    # a cost criterion with weight 0 is no cost criterion
    res0 = copras(GM_X, np.append(0.0, w), GM_T)
    assert res0.scores == pytest.approx(res.scores)
    assert any("criterion 1 has weight 0" in render(n, "en") for n in res0.notes)


def test_constant_column_and_zero_weight_are_noted_and_finite():
    x = np.column_stack([GM_X, np.full(10, 4.0), np.arange(1.0, 11.0)])
    w = np.append(GM_W * 0.9, [0.1, 0.0])
    res = copras(x, w, np.append(GM_T, [-1, 1]))
    assert np.all(np.isfinite(res.scores))
    assert any("criterion 5 is constant" in render(n, "en") for n in res.notes)
    assert any("criterion 6 has weight 0" in render(n, "en") for n in res.notes)
    # zero weight: same as dropping the criterion
    res2 = copras(x[:, :5], w[:5], np.append(GM_T, -1))
    assert res.scores == pytest.approx(res2.scores)


def test_zero_in_a_benefit_column_is_allowed_all_zero_column_noted():
    x = GM_X.copy()
    x[:, 3] = 0.0
    res = copras(x, GM_W, GM_T)
    assert np.all(np.isfinite(res.scores))
    assert any("criterion 4 is all zeros" in render(n, "en") for n in res.notes)


@pytest.mark.parametrize(("col", "bad"), [(0, 0.0), (0, -5.0), (2, -1.0)])
def test_forbidden_values_are_located_errors(col, bad):
    x = GM_X.copy()
    x[3, col] = bad
    with pytest.raises(CoopselectError) as err:
        copras(x, GM_W, GM_T)
    assert err.value.place == f"matrix row 4, criterion {col + 1}"
    assert err.value.fix
