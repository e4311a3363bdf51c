"""WASPAS against a published example, pymcdm, and its own rules
(the properties every method shares: test_method_properties.py)."""

from __future__ import annotations

import numpy as np
import pytest

from coopselect.errors import CoopselectError
from coopselect.messages import render
from coopselect.methods.waspas import waspas
from coopselect.methods.wpm import wpm

# Chakraborty, S., Zavadskas, E. K. & Antucheviciene, J. (2015). Applications of WASPAS method as
# a multi-criteria decision-making tool. Economic Computation and Economic Cybernetics Studies and
# Research 49(1), 5-22: worked example with eight alternatives and seven criteria (the last two
# are costs), lambda = 0.5. Published joint criterion Q, to four decimals:
# 0.8329, 0.7884, 0.6987, 0.8831, 0.7971, 0.7036, 0.8728, 0.5749 (the same values are asserted in
# pymcdm's test suite, test/test_mcdm.py::TestWASPAS).
CH_X = np.array(
    [
        [30, 23, 5, 0.745, 0.745, 1500, 5000],
        [18, 13, 15, 0.745, 0.745, 1300, 6000],
        [15, 12, 10, 0.500, 0.500, 950, 7000],
        [25, 20, 13, 0.745, 0.745, 1200, 4000],
        [14, 18, 14, 0.255, 0.745, 950, 3500],
        [17, 15, 9, 0.745, 0.500, 1250, 5250],
        [23, 18, 20, 0.500, 0.745, 1100, 3000],
        [16, 8, 14, 0.255, 0.500, 1500, 3000],
    ]
)
CH_W = np.array([0.1181, 0.1181, 0.0445, 0.1181, 0.2861, 0.2861, 0.0445])
CH_T = np.array([1, 1, 1, 1, 1, -1, -1])


def test_chakraborty_zavadskas_antucheviciene_2015_example():
    # The published weights sum to 1.0155 and were used as printed, so they are not rescaled here.
    res = waspas(CH_X, CH_W, CH_T)
    expected = [0.8329, 0.7884, 0.6987, 0.8831, 0.7971, 0.7036, 0.8728, 0.5749]
    assert np.round(res.scores, 4).tolist() == expected
    assert res.ranks.tolist() == [3, 5, 7, 1, 4, 6, 2, 8]
    assert res.higher_is_better
    assert res.extras["lambda"] == 0.5
    assert res.scores == pytest.approx(0.5 * res.extras["wsm"] + 0.5 * res.extras["wpm"])


def test_lambda_ends_are_wsm_and_wpm():
    w = CH_W / CH_W.sum()
    one = waspas(CH_X, w, CH_T, lam=1.0)
    zero = waspas(CH_X, w, CH_T, lam=0.0)
    assert one.scores == pytest.approx(one.extras["wsm"])
    assert zero.scores == pytest.approx(wpm(CH_X, w, CH_T).scores)


@pytest.mark.parametrize("lam", [-0.1, 1.5, float("nan"), "half"])
def test_lambda_outside_0_1_is_an_error(lam):
    with pytest.raises(CoopselectError) as err:
        waspas(CH_X, CH_W, CH_T, lam=lam)
    assert err.value.place == "lam"


@pytest.mark.parametrize("lam", [0.0, 0.3, 0.5, 1.0])
def test_agrees_with_pymcdm(lam):
    """pymcdm's WASPAS uses the same linear normalisation (x/max, min/x) and formula."""
    from pymcdm.methods import WASPAS

    rng = np.random.default_rng(5)
    x = rng.uniform(1, 10, size=(12, 5))
    w = rng.dirichlet(np.ones(5))
    t = np.array([1, -1, 1, 1, -1])
    theirs = WASPAS(l=lam)(x, w, t)
    assert waspas(x, w, t, lam=lam).scores == pytest.approx(theirs, abs=1e-12)


def test_constant_column_has_no_effect_on_ranks_and_is_noted():
    w = CH_W / CH_W.sum()
    x = np.column_stack([CH_X, np.full(8, 2.0)])
    res = waspas(x, np.append(w * 0.9, 0.1), np.append(CH_T, 1))
    assert res.ranks.tolist() == waspas(CH_X, w, CH_T).ranks.tolist()
    assert any("criterion 8 is constant" in render(n, "en") for n in res.notes)


def test_zero_weight_is_the_same_as_dropping_the_criterion():
    w = CH_W / CH_W.sum()
    x = np.column_stack([CH_X, np.arange(1.0, 9.0)])
    res = waspas(x, np.append(w, 0.0), np.append(CH_T, -1))
    assert res.scores == pytest.approx(waspas(CH_X, w, CH_T).scores)
    assert any("criterion 8 has weight 0" in render(n, "en") for n in res.notes)


@pytest.mark.parametrize("bad", [0.0, -1.0])
def test_non_positive_value_is_a_located_error(bad):
    x = CH_X.copy()
    x[4, 5] = bad
    with pytest.raises(CoopselectError) as err:
        waspas(x, CH_W, CH_T)
    assert err.value.place == "matrix row 5, criterion 6"
