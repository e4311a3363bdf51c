"""CRITIC weights against a published example, pymcdm, an independent implementation that also
reverses cost criteria, properties and edge cases."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from coopselect.errors import CoopselectError
from coopselect.messages import render
from coopselect.weighting import critic_weights, objective_weights
from hypothesis_budget import examples

# Tuş, A., & Aytaç Adalı, E. (2019). The new combination with CRITIC and WASPAS methods for the
# time and attendance software selection problem. OPSEARCH 56(2), 528-538,
# doi:10.1007/s12597-019-00371-6: five alternatives, six criteria; published CRITIC weights
# 0.157, 0.249, 0.168, 0.121, 0.154, 0.151 (three decimals).
# The published weights are reproduced when every column is min-max normalised in the benefit
# direction, which is also how the pymcdm and pyrepo-mcda test suites reproduce them. C1 (price)
# is a cost criterion of the problem (pyrepo-mcda's test lists the types as -1, 1, 1, 1, 1, 1);
# reversing it, as coopselect does for a cost criterion, flips the sign of its correlations with
# the other five and gives different weights (second test).
TUS_2019 = np.array(
    [
        [5000, 3, 3, 4, 3, 2],
        [680, 5, 3, 2, 2, 1],
        [2000, 3, 2, 3, 4, 3],
        [600, 4, 3, 1, 2, 2],
        [800, 2, 4, 3, 3, 4],
    ],
    dtype=float,
)
TUS_2019_PUBLISHED = [0.157, 0.249, 0.168, 0.121, 0.154, 0.151]


def test_tus_adali_2019_all_benefit_normalisation():
    res = critic_weights(TUS_2019, np.ones(6, dtype=int))
    assert res.weights == pytest.approx(TUS_2019_PUBLISHED, abs=5e-4)
    assert res.method == "critic" and res.notes == ()


def test_tus_adali_2019_with_price_as_a_cost_criterion():
    """Reversing C1 keeps every sigma but flips the sign of r_1k for k = 2..6."""
    benefit = critic_weights(TUS_2019, np.ones(6, dtype=int))
    cost = critic_weights(TUS_2019, np.array([-1, 1, 1, 1, 1, 1]))
    assert cost.details["sigma"] == pytest.approx(benefit.details["sigma"])
    rb, rc = benefit.details["correlation"], cost.details["correlation"]
    assert rc[0, 1:] == pytest.approx(-rb[0, 1:])
    assert rc[1:, 1:] == pytest.approx(rb[1:, 1:])
    assert not np.allclose(cost.weights, TUS_2019_PUBLISHED, atol=5e-4)
    assert cost.weights.sum() == pytest.approx(1.0)


def test_details():
    res = critic_weights(TUS_2019)
    f = res.details["normalised"]
    assert f.min(axis=0) == pytest.approx(np.zeros(6))
    assert f.max(axis=0) == pytest.approx(np.ones(6))
    assert res.details["sigma"] == pytest.approx(f.std(axis=0, ddof=0))
    assert res.details["correlation"] == pytest.approx(np.corrcoef(f, rowvar=False))
    c = res.details["sigma"] * (1 - res.details["correlation"]).sum(axis=1)
    assert res.details["C"] == pytest.approx(c)
    assert res.weights == pytest.approx(c / c.sum())


def test_ddof_does_not_change_the_weights():
    res = critic_weights(TUS_2019)
    f = res.details["normalised"]
    s1 = f.std(axis=0, ddof=1)
    c1 = s1 * (1 - res.details["correlation"]).sum(axis=1)
    assert res.weights == pytest.approx(c1 / c1.sum(), abs=1e-14)


# JMcDM (Satman, Altunok & others, the Julia MCDM package) test suite, CRITIC test: a 3 x 4
# matrix with criterion 3 to be minimised, weights 0.16883925, 0.418444976, 0.249124763,
# 0.163591012. Not a published paper, but an independent implementation that, like coopselect,
# reverses a cost criterion before computing the correlations.
JMCDM_X = np.array(
    [
        [12.9918, 0.7264, -1.1009, 1.598139592],
        [4.1201, 5.8824, 3.4483, 1.021563567],
        [4.1039, 0.0000, -0.5076, 0.984469444],
    ]
)


def test_agrees_with_jmcdm_which_also_reverses_cost_criteria():
    res = critic_weights(JMCDM_X, np.array([1, 1, -1, 1]))
    expected = [0.16883925, 0.418444976, 0.249124763, 0.163591012]
    # JMcDM tests with a tolerance of 1e-4; the two agree to 2e-6.
    assert res.weights == pytest.approx(expected, abs=1e-5)


def test_agrees_with_pymcdm_when_every_criterion_is_a_benefit():
    from pymcdm.weights import critic_weights as pymcdm_critic

    rng = np.random.default_rng(3)
    for _ in range(20):
        x = rng.uniform(1, 100, size=(rng.integers(4, 12), rng.integers(2, 7)))
        ours = critic_weights(x, np.ones(x.shape[1], dtype=int)).weights
        assert ours == pytest.approx(pymcdm_critic(x), abs=1e-12)


def test_pymcdm_difference_cost_criteria_are_not_reversed():
    """pymcdm 1.4's critic_weights ignores the criterion types (it min-max normalises every column
    as a benefit). coopselect reverses cost columns, as in the original method where every
    criterion is turned toward its ideal; that equals pymcdm on the matrix with cost columns
    negated (negating a column reverses its min-max normalisation exactly)."""
    from pymcdm.weights import critic_weights as pymcdm_critic

    rng = np.random.default_rng(5)
    t = np.array([1, -1, 1, -1, 1])
    x = rng.uniform(1, 100, size=(9, 5))
    ours = critic_weights(x, t).weights
    assert not np.allclose(ours, pymcdm_critic(x, t), atol=1e-3)
    assert ours == pytest.approx(pymcdm_critic(x * t), abs=1e-12)


def test_constant_column_gets_zero_weight_and_does_not_change_the_others():
    x = np.array([[1.0, 7.0, 3.0], [4.0, 7.0, 1.0], [2.0, 7.0, 5.0], [5.0, 7.0, 2.0]])
    t = np.array([1, 1, -1])
    res = critic_weights(x, t)
    assert res.weights[1] == 0.0
    assert res.weights.sum() == pytest.approx(1.0)
    assert any("criterion 2" in render(n, "en") for n in res.notes)
    without = critic_weights(x[:, [0, 2]], t[[0, 2]])
    assert res.weights[[0, 2]] == pytest.approx(without.weights)
    r = res.details["correlation"]
    assert np.isnan(r[1, 0]) and np.isnan(r[0, 1]) and r[1, 1] == 1.0
    assert np.all(np.isfinite(res.details["C"]))


def test_every_column_constant_is_an_error():
    with pytest.raises(CoopselectError, match="CRITIC weights are undefined"):
        critic_weights(np.array([[1.0, 2.0], [1.0, 2.0]]), np.array([1, -1]))


def test_single_varying_criterion_gets_all_the_weight():
    x = np.array([[0.0, 1.0], [1.0, 1.0], [1.0, 1.0]])
    res = critic_weights(x, np.array([1, -1]))
    assert res.weights.tolist() == [1.0, 0.0]
    assert any("only criterion" in render(n, "en") for n in res.notes)


def test_perfectly_correlated_criteria_are_an_error():
    x = np.array([[1.0, 10.0, 5.0], [2.0, 20.0, 4.0], [4.0, 40.0, 2.0]])
    with pytest.raises(CoopselectError, match="perfectly positively correlated"):
        critic_weights(x, np.array([1, 1, -1]))


def test_negative_values_are_fine():
    x = np.array([[-1.0, 2.0], [3.0, -5.0], [0.0, 1.0]])
    res = critic_weights(x, np.array([1, 1]))
    assert np.all(res.weights >= 0) and res.weights.sum() == pytest.approx(1.0)


@pytest.mark.parametrize("types", [np.array([1, 0]), np.array([1]), np.array([1, 2])])
def test_bad_types_are_an_error(types):
    with pytest.raises(CoopselectError) as info:
        critic_weights(np.array([[1.0, 2.0], [3.0, 1.0]]), types)
    assert info.value.place == "types"


def test_dispatch_by_name():
    t = np.array([-1, 1, 1, 1, 1, 1])
    assert objective_weights("critic", TUS_2019, t).weights == pytest.approx(
        critic_weights(TUS_2019, t).weights
    )


shapes = st.tuples(st.integers(3, 8), st.integers(2, 5))
matrices = arrays(float, shapes, elements=st.integers(-50, 50))


@settings(max_examples=examples(80), deadline=None)
@given(matrices, st.data())
def test_properties(x, data):
    assume(np.any(x.max(axis=0) > x.min(axis=0)))
    n = x.shape[1]
    t = np.array(data.draw(st.lists(st.sampled_from([1, -1]), min_size=n, max_size=n)))
    try:
        w = critic_weights(x, t).weights
    except CoopselectError as exc:
        assert "perfectly positively correlated" in exc.message
        return
    assert np.all(np.isfinite(w)) and np.all(w >= 0)
    assert w.sum() == pytest.approx(1.0)
    perm = np.array(data.draw(st.permutations(range(x.shape[0]))))
    assert critic_weights(x[perm], t).weights == pytest.approx(w, abs=1e-9)
    # Positive affine changes of unit leave min-max normalisation, hence the weights, unchanged.
    k = np.array(data.draw(st.lists(st.floats(0.1, 100), min_size=n, max_size=n)))
    assert critic_weights(x * k + 3.0, t).weights == pytest.approx(w, abs=1e-9)
