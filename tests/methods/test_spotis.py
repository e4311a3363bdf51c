"""SPOTIS against the examples of Dezert et al. 2020, pymcdm, and its bounds rules."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from coopselect.errors import CoopselectError
from coopselect.messages import render
from coopselect.methods.spotis import spotis
from hypothesis_budget import examples

# Dezert, J., Tchamova, A., Han, D. & Tacnet, J.-M. (2020). The SPOTIS rank reversal free method
# for multi-criteria decision-making support. 23rd International Conference on Information Fusion
# (FUSION 2020), IEEE, pp. 1-8, first numerical example: four alternatives, three criteria
# (C2 a cost), bounds [-5, 12], [-6, 10], [-8, 5], weights 0.2, 0.3, 0.5, ideal solution point
# (12, -6, 5). Published distances 0.1989, 0.3707, 0.3063, 0.7491 and ranking A1 > A3 > A2 > A4.
# pymcdm's test suite (TestSPOTIS) asserts 0.3705 for A2, scikit-criteria's
# (TestSPOTISMethod.test_reference_example_a) the printed 0.3707 with a 1e-3 tolerance: the exact
# value is 0.2 * 16.7/17 + 0.3 * 6/16 + 0.5 * 1.6/13 = 0.37051, so we also allow 1e-3 there.
DEZERT_A_X = np.array([[10.5, -3.1, 1.7], [-4.7, 0, 3.4], [8.1, 0.3, 1.3], [3.2, 7.3, -5.3]])
DEZERT_A_B = [[-5, 12], [-6, 10], [-8, 5]]
DEZERT_A_W = np.array([0.2, 0.3, 0.5])
DEZERT_A_T = np.array([1, -1, 1])

# Same paper, second numerical example: four alternatives, five criteria (C1-C3 costs, C4-C5
# benefits), bounds [14000, 16000], [3, 8], [80, 140], [35, 60], [650, 1300], weights 0.2941,
# 0.2353, 0.2353, 0.0588, 0.1765. Published distances 0.4779, 0.5781, 0.5558, 0.5801, ranking
# A1 > A3 > A2 > A4 (as reproduced in scikit-criteria's test_reference_example_b). The printed
# weights are 5/17, 4/17, 4/17, 1/17, 3/17 rounded to four decimals; the published distances follow
# from the fractions (with the rounded weights A1 and A3 come out as 0.47795 and 0.55575, which
# round the other way), so the test uses the fractions.
DEZERT_B_X = np.array(
    [
        [15000, 4.3, 99, 42, 737],
        [15290, 5.0, 116, 42, 892],
        [15350, 5.0, 114, 45, 952],
        [15490, 5.3, 123, 45, 1120],
    ]
)
DEZERT_B_B = [[14000, 16000], [3, 8], [80, 140], [35, 60], [650, 1300]]
DEZERT_B_W = np.array([5, 4, 4, 1, 3]) / 17
DEZERT_B_T = np.array([-1, -1, -1, 1, 1])


def test_dezert_2020_first_example():
    res = spotis(DEZERT_A_X, DEZERT_A_W, DEZERT_A_T, bounds=DEZERT_A_B)
    assert res.scores == pytest.approx([0.1989, 0.3707, 0.3063, 0.7491], abs=1e-3)
    assert res.scores[[0, 2, 3]] == pytest.approx([0.1989, 0.3063, 0.7491], abs=5e-5)
    assert res.ranks.tolist() == [1, 3, 2, 4]
    assert res.extras["reference"].tolist() == [12, -6, 5]
    assert res.extras["bounds"].tolist() == DEZERT_A_B
    assert not res.higher_is_better
    assert res.notes == ()


def test_dezert_2020_second_example():
    res = spotis(DEZERT_B_X, DEZERT_B_W, DEZERT_B_T, bounds=DEZERT_B_B)
    assert res.scores == pytest.approx([0.4779, 0.5781, 0.5558, 0.5801], abs=5e-5)
    assert res.ranks.tolist() == [1, 3, 2, 4]
    assert res.extras["reference"].tolist() == [14000, 3, 80, 60, 1300]


def test_agrees_with_pymcdm_on_random_data():
    """Independent implementation: pymcdm's SPOTIS, with the ideal point and with an expected
    solution point inside the bounds."""
    from pymcdm.methods import SPOTIS

    rng = np.random.default_rng(5)
    t = np.array([1, -1, 1, -1])
    bounds = np.array([[0.0, 10.0], [-5.0, 5.0], [1.0, 2.0], [100.0, 300.0]])
    x = rng.uniform(bounds[:, 0], bounds[:, 1], size=(10, 4))
    w = rng.dirichlet(np.ones(4))
    esp = np.array([7.0, 0.0, 1.5, 150.0])
    assert spotis(x, w, t, bounds=bounds).scores == pytest.approx(
        SPOTIS(bounds)(x, w, t), abs=1e-12
    )
    assert spotis(x, w, t, bounds=bounds, reference=esp).scores == pytest.approx(
        SPOTIS(bounds, esp)(x, w, t), abs=1e-12
    )
    # Bounds from the data: pymcdm's SPOTIS.make_bounds gives the same.
    ours = spotis(x, w, t)
    assert ours.extras["bounds"] == pytest.approx(SPOTIS.make_bounds(x))
    assert ours.scores == pytest.approx(SPOTIS(SPOTIS.make_bounds(x))(x, w, t), abs=1e-12)


def test_pymcdm_rejects_data_bounds_of_a_constant_column():
    """pymcdm refuses a bounds row with min == max, so its own make_bounds fails on a constant
    column; we give that criterion distance 0 and say so."""
    from pymcdm.methods import SPOTIS

    x = np.array([[1.0, 5.0], [2.0, 5.0], [3.0, 5.0]])
    with pytest.raises(ValueError):
        SPOTIS(SPOTIS.make_bounds(x))
    res = spotis(x, np.array([0.5, 0.5]), np.array([1, 1]))
    assert res.scores == pytest.approx([0.5, 0.25, 0.0])
    assert any("criterion 2 is constant" in render(n, "en") for n in res.notes)
    assert any("rank reversal" in render(n, "en") for n in res.notes)


@settings(max_examples=examples(40), deadline=None)
@given(
    arrays(float, (6, 3), elements=st.floats(0, 10)),
    arrays(float, 3, elements=st.floats(0.05, 1)),
    st.integers(0, 5),
)
def test_removing_an_alternative_never_changes_the_others(x, w, drop):
    """The rank-reversal freedom of the title, with fixed bounds."""
    t = np.array([1, -1, 1])
    b = [[0, 10]] * 3
    full = spotis(x, w / w.sum(), t, bounds=b)
    keep = [i for i in range(6) if i != drop]
    part = spotis(x[keep], w / w.sum(), t, bounds=b)
    np.testing.assert_allclose(part.scores, full.scores[keep])


def test_per_criterion_bounds_may_come_from_the_data():
    x = np.array([[1.0, 20.0], [3.0, 40.0], [2.0, 30.0]])
    res = spotis(x, np.array([0.5, 0.5]), np.array([1, -1]), bounds=[None, [None, 50]])
    assert res.extras["bounds"].tolist() == [[1, 3], [20, 50]]
    assert res.extras["reference"].tolist() == [3, 20]
    assert any("criterion 1, 2" in render(n, "en") for n in res.notes)
    assert np.all(np.isfinite(res.scores))


def test_reference_with_default_entries():
    res = spotis(DEZERT_A_X, DEZERT_A_W, DEZERT_A_T, bounds=DEZERT_A_B, reference=[None, 0.0, None])
    assert res.extras["reference"].tolist() == [12, 0, 5]


def test_zero_weight_and_two_alternatives():
    x = np.array([[1.0, 100.0], [2.0, 0.0]])
    res = spotis(x, np.array([1.0, 0.0]), np.array([1, 1]), bounds=[[0, 4], [0, 100]])
    assert res.scores == pytest.approx([0.75, 0.5])
    assert res.ranks.tolist() == [2, 1]


@pytest.mark.parametrize(
    "kwargs,place,message",
    [
        (dict(bounds=[[-5, 12], [10, -6], [-8, 5]]), "criterion 2", "not below"),
        (dict(bounds=[[-5, 12], [-6, 10], [5, 5]]), "criterion 3", "not below"),
        (dict(bounds=[[-5, 12], [-6, 10]]), "bounds", "one entry per criterion"),
        (dict(bounds=[[-5, 12], [-6], [-8, 5]]), "criterion 2", "pair"),
        (dict(bounds=[[-5, float("nan")], [-6, 10], [-8, 5]]), "criterion 1", "finite"),
        (dict(bounds=[[-5, 10], [-6, 10], [-8, 5]]), "matrix row 1, criterion 1", "outside"),
        (dict(bounds=[[-5, 12], [-6, 10], [-5, 5]]), "matrix row 4, criterion 3", "outside"),
        (dict(bounds=DEZERT_A_B, reference=[13, -6, 5]), "criterion 1", "outside"),
        (dict(bounds=DEZERT_A_B, reference=[12, -6]), "reference", "one entry per criterion"),
    ],
)
def test_bad_bounds_and_reference_are_clear_errors(kwargs, place, message):
    with pytest.raises(CoopselectError, match=message) as err:
        spotis(DEZERT_A_X, DEZERT_A_W, DEZERT_A_T, **kwargs)
    assert err.value.place == place
    assert err.value.fix
