"""VIKOR against published examples, pymcdm, and its own rules for degenerate data."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from coopselect.errors import CoopselectError
from coopselect.messages import render
from coopselect.methods.vikor import compromise_set, vikor

# Opricovic, S. & Tzeng, G.-H. (2004). Compromise solution by MCDM methods: A comparative analysis
# of VIKOR and TOPSIS. European Journal of Operational Research 156(2), 445-455, section 4
# (numerical example): three alternatives, f1 a cost (1, 2, 5), f2 a benefit (3000, 3750, 4500),
# equal weights, v = 0.5. Published Q = 1, 0, 1 (A2 the compromise solution, A1 and A3 tied);
# the same numbers are asserted in pymcdm's test suite (TestVIKOR.test_output_opricovic).
OT_X = np.array([[1, 3000], [2, 3750], [5, 4500]], dtype=float)
OT_W = np.array([0.5, 0.5])
OT_T = np.array([-1, 1])

# Yang, W. & Wu, Y. (2020). A new improvement method to avoid rank reversal in VIKOR. IEEE Access
# 8, 21261-21271, illustrative example: five alternatives, four benefit criteria, equal weights,
# v = 0.5. Q = 0.5679, 0.7667, 1, 0.7493, 0 to four decimals (as reproduced in pymcdm's test suite,
# TestVIKOR.test_output_yang); A5 best, then A1, A4, A2, A3.
YW_X = np.array(
    [[78, 56, 34, 6], [4, 45, 3, 97], [18, 2, 50, 63], [9, 14, 11, 92], [85, 9, 100, 29]],
    dtype=float,
)


def test_opricovic_tzeng_2004_example():
    res = vikor(OT_X, OT_W, OT_T)
    assert res.scores == pytest.approx([1.0, 0.0, 1.0], abs=1e-12)
    assert res.ranks[1] == 1
    assert res.ties == ((0, 2),)
    assert not res.higher_is_better
    # A2 is the compromise solution: Q(A1) - Q(A2) = 1 >= DQ = 1/2 and A2 is also best by S and R.
    assert res.extras["compromise"] == [1]
    assert res.extras["acceptable_advantage"] and res.extras["acceptable_stability"]
    assert res.notes == ()


def test_yang_wu_2020_example():
    res = vikor(YW_X, np.full(4, 0.25), np.ones(4))
    assert res.scores == pytest.approx([0.5679, 0.7667, 1.0, 0.7493, 0.0], abs=5e-5)
    assert res.ranks.tolist() == [2, 4, 5, 3, 1]
    assert res.extras["v"] == 0.5
    assert res.extras["DQ"] == pytest.approx(0.25)


def test_agrees_with_pymcdm_on_random_data():
    """Independent implementation: pymcdm's VIKOR (identity normalisation for benefit columns,
    max - x for cost columns, which gives the same t_ij)."""
    from pymcdm.methods import VIKOR

    rng = np.random.default_rng(11)
    t = np.array([1, -1, 1, -1, 1])
    for v in (0.0, 0.3, 0.5, 1.0):
        x = rng.uniform(1, 10, size=(9, 5))
        w = rng.dirichlet(np.ones(5))
        ours = vikor(x, w, t, v=v)
        theirs = VIKOR(v=v)(x, w, t)
        assert ours.scores == pytest.approx(theirs, abs=1e-12)


def test_pymcdm_differs_on_degenerate_data():
    """Where pymcdm fails, this VIKOR applies its documented rules instead.

    - a constant column: pymcdm raises ValueError, we give the column no weight (and a note);
    - all S and all R equal (two mirror-image alternatives): pymcdm divides 0 by 0 and returns NaN,
      we set both parts of Q to 0, so the alternatives tie at Q = 0.
    """
    from pymcdm.methods import VIKOR

    x = np.array([[1.0, 5.0], [2.0, 5.0], [3.0, 5.0]])
    with pytest.raises(ValueError), warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # pymcdm's dominance warnings
        VIKOR()(x, np.array([0.5, 0.5]), np.array([1, 1]))
    res = vikor(x, np.array([0.5, 0.5]), np.array([1, 1]))
    assert res.scores == pytest.approx([1.0, 0.5, 0.0])
    assert any("criterion 2 is constant" in render(n, "en") for n in res.notes)

    mirror = np.array([[10.0, 0.0], [0.0, 10.0]])
    w, t = np.array([0.5, 0.5]), np.array([1, 1])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        theirs = VIKOR()(mirror, w, t)
    assert np.all(np.isnan(theirs))
    res = vikor(mirror, w, t)
    assert res.scores.tolist() == [0.0, 0.0]
    assert res.ties == ((0, 1),)
    assert any("S values are equal" in render(n, "en") for n in res.notes)
    assert any("R values are equal" in render(n, "en") for n in res.notes)


def test_tied_q_keeps_input_order_whatever_the_rounding():
    # Rows 0 and 1 have S = w, R = w exactly, but S is computed along different columns, so with
    # some weights the two Q differ in the last bit. The tie is reported and ranked in input order.
    x = np.array([[97.0, 1.0, 1.0], [1.0, 2.0, 1.0], [1.0, 1.0, 1.0]])
    for k in (1.0, 0.01, 3.0, 77.0):
        res = vikor(x, k * np.full(3, 1 / 3), np.ones(3))
        assert res.ties == ((0, 1),)
        assert res.ranks.tolist() == [1, 2, 3]
        assert res.extras["compromise"][0] == 0


def test_compromise_when_advantage_fails():
    # One benefit criterion 10, 9, 8, 0: Q = (10 - x) / 10 = 0, 0.1, 0.2, 1 and DQ = 1/3. C1 fails
    # (0.1 < 1/3); the compromise is every alternative with Q - Q(a1) < DQ: rows 0, 1, 2.
    res = vikor(np.array([[10.0], [9.0], [8.0], [0.0]]), np.array([1.0]), np.array([1]))
    assert res.scores == pytest.approx([0.0, 0.1, 0.2, 1.0])
    assert not res.extras["acceptable_advantage"]
    assert res.extras["acceptable_stability"]
    assert res.extras["compromise"] == [0, 1, 2]


def test_compromise_when_only_stability_fails():
    # a1 = index 2 (Q 0.2) is best by neither S nor R; Q(a2) - Q(a1) = 0.3 >= DQ = 1/4.
    q = np.array([0.5, 0.55, 0.2, 0.9, 1.0])
    s = np.array([0.1, 0.9, 0.3, 0.8, 1.0])
    r = np.array([0.9, 0.1, 0.3, 0.8, 1.0])
    assert compromise_set(q, s, r) == ([2, 0], True, False)


def test_two_alternatives():
    res = vikor(np.array([[3.0, 1.0], [1.0, 2.0]]), np.array([0.7, 0.3]), np.array([1, -1]))
    assert res.scores.tolist() == [0.0, 1.0]
    assert res.extras["DQ"] == 1.0
    assert res.extras["acceptable_advantage"]  # Q difference 1 >= DQ 1 exactly
    assert res.extras["compromise"] == [0]


def test_zero_weight_criterion_is_ignored():
    x = np.array([[1.0, 100.0], [2.0, 0.0], [3.0, 50.0]])
    with_zero = vikor(x, np.array([1.0, 0.0]), np.array([1, 1]))
    alone = vikor(x[:, :1], np.array([1.0]), np.array([1]))
    np.testing.assert_allclose(with_zero.scores, alone.scores)
    assert np.all(np.isfinite(with_zero.scores))


def test_all_constant_gives_ties_without_nan():
    res = vikor(np.ones((3, 2)), np.array([0.5, 0.5]), np.array([1, -1]))
    assert res.scores.tolist() == [0.0, 0.0, 0.0]
    assert res.ties == ((0, 1, 2),)
    assert res.extras["compromise"] == [0, 1, 2]
    assert len(res.notes) == 4  # two constant criteria, S all equal, R all equal


@pytest.mark.parametrize("v", [-0.1, 1.5, float("nan"), "half", None, True])
def test_bad_v_is_a_clear_error(v):
    with pytest.raises(CoopselectError) as err:
        vikor(OT_X, OT_W, OT_T, v=v)
    assert err.value.place == "v"
    assert err.value.fix


def test_single_alternative_is_an_error():
    with pytest.raises(CoopselectError) as err:
        vikor(np.array([[1.0, 2.0]]), OT_W, OT_T)
    assert err.value.place == "matrix"


@pytest.mark.parametrize("scale", [1e300, 1.7e308 / 4500, 1e-300])
def test_values_near_the_range_of_a_double_give_the_same_q(scale):
    # Opricovic & Tzeng's example scaled up to where f* - f- overflowed (before: every term was
    # nan and the alternatives were ranked by nan) or down to subnormal spans.
    ref = vikor(OT_X, OT_W, OT_T)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no overflow warning either
        res = vikor(OT_X * scale, OT_W, OT_T)
    assert np.all(np.isfinite(res.scores))
    np.testing.assert_allclose(res.scores, ref.scores, atol=1e-12)
    assert res.ranks.tolist() == ref.ranks.tolist()
    assert res.extras["compromise"] == ref.extras["compromise"]


def test_a_column_spanning_the_whole_range_of_a_double():
    # f* - f- = 3.4e308 is beyond the range; scaled first it is 2.
    x = np.array([[-1.7e308, 1.0], [1.7e308, 2.0], [0.0, 3.0]])
    w, t = np.array([0.5, 0.5]), np.array([1, 1])
    res = vikor(x, w, t)
    np.testing.assert_allclose(res.scores, vikor(x / 1e308, w, t).scores, atol=1e-12)
    # by hand: S = 1, 0.25, 0.25 and R = 0.5, 0.25, 0.25, so Q = 1, 0, 0
    np.testing.assert_allclose(res.extras["S"], [1.0, 0.25, 0.25])
    np.testing.assert_allclose(res.scores, [1.0, 0.0, 0.0])


# VIKOR on a fixed scale (``bounds``): f* and f- are the scale's ends (the aspired and worst levels
# of Tzeng's modified VIKOR, Liou, Tsai, Lin & Tzeng 2011). Checked against the original method
# (bounds = each column's own min and max) and against S, R, Q worked out by hand below.
def test_bounds_at_each_columns_min_and_max_give_the_original_method():
    for x, w, t in ((OT_X, OT_W, OT_T), (YW_X, np.full(4, 0.25), np.ones(4))):
        plain = vikor(x, w, t)
        lo, hi = x.min(axis=0), x.max(axis=0)
        fixed = vikor(x, w, t, bounds=np.column_stack([lo, hi]).tolist())
        assert fixed.scores == pytest.approx(plain.scores, abs=1e-12)
        assert fixed.ranks.tolist() == plain.ranks.tolist()


def test_bounds_hand_computed_example():
    # two benefit criteria on a 0-1 scale, weights 0.6 / 0.4, v = 0.5
    x = np.array([[0.9, 0.2], [0.5, 0.6], [0.3, 0.9]])
    res = vikor(x, np.array([0.6, 0.4]), np.array([1, 1]), bounds=[[0.0, 1.0], [0.0, 1.0]])
    # t_ij = w_j (1 - x_ij): row 1 (0.06, 0.32), row 2 (0.30, 0.16), row 3 (0.42, 0.04)
    s = [0.38, 0.46, 0.46]
    r = [0.32, 0.30, 0.42]
    assert res.extras["S"] == pytest.approx(s, abs=1e-12)
    assert res.extras["R"] == pytest.approx(r, abs=1e-12)
    # Q = 0.5 (S - 0.38) / 0.08 + 0.5 (R - 0.30) / 0.12
    q = [0.5 * 0 + 0.5 * (0.02 / 0.12), 0.5 * 1 + 0.5 * 0, 0.5 * 1 + 0.5 * 1]
    assert res.scores == pytest.approx(q, abs=1e-12)
    assert res.extras["bounds"].tolist() == [[0.0, 1.0], [0.0, 1.0]]
    # without bounds the same matrix gives other S and R (f*, f- from the three rows)
    assert vikor(x, np.array([0.6, 0.4]), np.array([1, 1])).extras["S"] != pytest.approx(s)


def test_with_bounds_s_and_r_do_not_depend_on_the_other_alternatives():
    x = YW_X.astype(float)
    w, t = np.full(4, 0.25), np.ones(4)
    bounds = [[0.0, 100.0]] * 4
    full = vikor(x, w, t, bounds=bounds)
    part = vikor(x[:3], w, t, bounds=bounds)
    assert part.extras["S"] == pytest.approx(full.extras["S"][:3], abs=1e-12)
    assert part.extras["R"] == pytest.approx(full.extras["R"][:3], abs=1e-12)
    # the original method's S moves when alternatives leave the set (its f*, f- move)
    assert vikor(x[:3], w, t).extras["S"] != pytest.approx(vikor(x, w, t).extras["S"][:3])


def test_a_value_outside_the_bounds_is_refused_with_its_place():
    with pytest.raises(CoopselectError) as err:
        vikor(OT_X, OT_W, OT_T, bounds=[[0.0, 4.0], [0.0, 5000.0]])
    assert "criterion 1" in err.value.place
