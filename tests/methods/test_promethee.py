"""PROMETHEE II against published examples, pymcdm, and its threshold validation."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from coopselect.errors import CoopselectError
from coopselect.messages import render
from coopselect.methods.promethee import check_preferences, preference_degree, promethee2

# Zhao, H., Peng, Y. & Li, W. (2013). Revised PROMETHEE II for improving efficiency in emergency
# response. Procedia Computer Science 17, 181-188, illustrative example: three alternatives, three
# benefit criteria, weights 0.5, 0.3, 0.2, usual preference function. Net flows 0.1, -0.3, 0.2
# (the same numbers are asserted in pymcdm's test suite, TestPROMETHEE_II.test_output).
ZHAO_X = np.array([[4, 3, 2], [3, 2, 4], [5, 1, 3]], dtype=float)
ZHAO_W = np.array([0.5, 0.3, 0.2])

# Brans, J.-P., Vincke, Ph. & Mareschal, B. (1986). How to select and how to rank projects: The
# PROMETHEE method. European Journal of Operational Research 24(2), 228-238, numerical application
# (location of a hydroelectric power station): six projects, six criteria, one preference-function
# type per criterion (II q=10; III p=30; V q=50 p=500; IV q=10 p=60; I; VI s=5), equal weights.
# Input table as in Mareschal, B. (2019), Exercises with Visual PROMETHEE, Table 1; the published
# preference matrix pi (3 decimals) and net flows as printed in the 1986 example, which reports
# flows as plain sums over the other alternatives (no 1/(m-1)), i.e. (m - 1) * phi here. The printed
# flows are sums of the rounded pi values, hence the 2.5e-3 tolerance on them. (The paper itself
# was not accessible; pi and the flows were taken from a course reproduction of its tables.)
BRANS_X = np.array(
    [
        [80, 90, 600, 54, 8, 5],
        [65, 58, 200, 97, 1, 1],
        [83, 60, 400, 72, 4, 7],
        [40, 80, 1000, 75, 7, 10],
        [52, 72, 600, 20, 3, 8],
        [94, 96, 700, 36, 5, 6],
    ],
    dtype=float,
)
BRANS_T = np.array([-1, 1, -1, -1, -1, 1])
BRANS_PREF = dict(
    preference=["ushape", "vshape", "linear", "level", "usual", "gaussian"],
    q=[10, None, 50, 10, None, None],
    p=[None, 30, 500, 60, None, None],
    s=[None, None, None, None, None, 5],
)
BRANS_PI = [
    [0, 0.296, 0.250, 0.268, 0.100, 0.185],
    [0.462, 0, 0.389, 0.333, 0.296, 0.500],
    [0.236, 0.180, 0, 0.333, 0.056, 0.429],
    [0.399, 0.505, 0.305, 0, 0.223, 0.212],
    [0.444, 0.515, 0.487, 0.380, 0, 0.448],
    [0.286, 0.399, 0.250, 0.432, 0.133, 0],
]
BRANS_NET_SUM = [-0.728, 0.085, -0.447, -0.102, 1.466, -0.274]


def test_zhao_peng_li_2013_example():
    res = promethee2(ZHAO_X, ZHAO_W, np.ones(3))
    assert res.scores == pytest.approx([0.1, -0.3, 0.2], abs=1e-12)
    assert res.ranks.tolist() == [2, 3, 1]
    assert res.higher_is_better
    np.testing.assert_allclose(res.extras["phi"], res.scores)
    np.testing.assert_allclose(res.extras["phi_plus"] - res.extras["phi_minus"], res.scores)


def test_brans_vincke_mareschal_1986_example():
    res = promethee2(BRANS_X, np.full(6, 1 / 6), BRANS_T, **BRANS_PREF)
    np.testing.assert_allclose(res.extras["pi"], BRANS_PI, atol=1.5e-3)
    np.testing.assert_allclose(res.scores * 5, BRANS_NET_SUM, atol=2.5e-3)
    # Published ranking: a5 > a2 > a4 > a6 > a3 > a1.
    assert np.argsort(res.ranks).tolist() == [4, 1, 3, 5, 2, 0]
    assert res.notes == ()


@pytest.mark.parametrize(
    "ours,theirs,q,p",
    [
        ("usual", "usual", None, None),
        ("ushape", "ushape", [0.5, 1.0, 2.0, 0.0], None),
        ("vshape", "vshape", None, [2.0, 3.0, 1.0, 4.0]),
        ("level", "level", [0.5, 1.0, 0.0, 1.0], [2.0, 3.0, 1.0, 4.0]),
        ("linear", "vshape_2", [0.5, 1.0, 0.0, 1.0], [2.0, 3.0, 1.0, 4.0]),
    ],
)
def test_agrees_with_pymcdm_on_random_data(ours, theirs, q, p):
    """Independent implementation: pymcdm's PROMETHEE II (its 'vshape_2' is the linear function
    with indifference; it has no Gaussian function). Same boundary conventions as ours."""
    from pymcdm.methods import PROMETHEE_II

    rng = np.random.default_rng(3)
    # Values on a 0.5 grid, so that differences often land exactly on q and p.
    x = rng.integers(0, 12, size=(8, 4)) / 2.0
    w = rng.dirichlet(np.ones(4))
    t = np.array([1, -1, 1, -1])
    res = promethee2(x, w, t, preference=ours, q=q, p=p)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # pymcdm's dominance warnings
        their_phi = PROMETHEE_II(theirs, p=p, q=q)(x, w, t)
    assert res.scores == pytest.approx(their_phi, abs=1e-12)


def test_pymcdm_instance_with_thresholds_works_only_once():
    """pymcdm keeps per-criterion thresholds in a generator, which the first call exhausts: the
    same PROMETHEE_II object fails on its second call. Ours is a plain function."""
    from pymcdm.methods import PROMETHEE_II

    body = PROMETHEE_II("vshape", p=[1.0, 1.0, 1.0])
    first = body(ZHAO_X, ZHAO_W, np.ones(3))
    with pytest.raises(Exception):  # noqa: B017 - numpy's AxisError, an accident of the bug
        body(ZHAO_X, ZHAO_W, np.ones(3))
    ours = promethee2(ZHAO_X, ZHAO_W, np.ones(3), preference="vshape", p=1.0)
    assert ours.scores == pytest.approx(first)
    again = promethee2(ZHAO_X, ZHAO_W, np.ones(3), preference="vshape", p=1.0)
    assert again.scores == pytest.approx(first)


def test_preference_functions_at_their_boundaries():
    d = np.array([-1.0, 0.0, 1.0, 1.5, 2.0, 3.0])
    assert preference_degree(d, "usual").tolist() == [0, 0, 1, 1, 1, 1]
    assert preference_degree(d, "ushape", q=1.0).tolist() == [0, 0, 0, 1, 1, 1]
    assert preference_degree(d, "vshape", p=2.0).tolist() == [0, 0, 0.5, 0.75, 1, 1]
    assert preference_degree(d, "level", q=1.0, p=2.0).tolist() == [0, 0, 0, 0.5, 0.5, 1]
    assert preference_degree(d, "linear", q=1.0, p=2.0).tolist() == [0, 0, 0, 0.5, 1, 1]
    assert preference_degree(d, "linear", q=1.0, p=1.0).tolist() == [0, 0, 0, 1, 1, 1]
    g = preference_degree(d, "gaussian", s=1.0)
    assert g[:2].tolist() == [0, 0]
    assert g[2] == pytest.approx(1 - math.exp(-0.5))


def test_constant_column_and_wide_threshold_are_noted():
    x = np.array([[1.0, 5.0, 10.0], [2.0, 5.0, 11.0], [3.0, 5.0, 12.0]])
    res = promethee2(x, np.full(3, 1 / 3), np.ones(3), preference="ushape", q=[0, 0, 5])
    assert any("criterion 2 is constant" in render(n, "en") for n in res.notes)
    assert any("criterion 3: every difference" in render(n, "en") for n in res.notes)
    alone = promethee2(x[:, :1], np.array([1.0]), np.ones(1))
    np.testing.assert_allclose(res.scores, alone.scores / 3)


def test_zero_weight_criterion_is_ignored():
    x = np.array([[1.0, 100.0], [2.0, 0.0], [3.0, 50.0]])
    res = promethee2(x, np.array([1.0, 0.0]), np.array([1, 1]))
    assert res.scores == pytest.approx([-1.0, 0.0, 1.0])


def test_two_alternatives_and_all_equal():
    res = promethee2(np.array([[1.0, 2.0], [2.0, 1.0]]), np.array([0.7, 0.3]), np.array([1, 1]))
    assert res.scores == pytest.approx([-0.4, 0.4])
    same = promethee2(np.ones((3, 2)), np.array([0.5, 0.5]), np.array([1, -1]))
    assert same.scores.tolist() == [0.0, 0.0, 0.0]
    assert same.ties == ((0, 1, 2),)


def test_single_alternative_is_an_error():
    with pytest.raises(CoopselectError) as err:
        promethee2(np.array([[1.0, 2.0]]), np.array([0.5, 0.5]), np.array([1, 1]))
    assert err.value.place == "matrix"


def test_check_preferences_normalises():
    f, q, p, s = check_preferences(3, ["Usual", "linear", "gaussian"], q=1, p=[None, 4, None], s=2)
    assert f == ["usual", "linear", "gaussian"]
    assert q == [None, 1.0, None]
    assert p == [None, 4.0, None]
    assert s == [None, None, 2.0]
    assert check_preferences(2) == (["usual", "usual"], [None, None], [None, None], [None, None])


@pytest.mark.parametrize(
    "kwargs,place,message",
    [
        (dict(preference="sigmoid"), "criterion 1", "unknown preference function"),
        (dict(preference=["usual", "ushape"]), "criterion 2", "needs q"),
        (dict(preference="vshape", p=[1, None]), "criterion 2", "needs p"),
        (dict(preference="level", q=1), "criterion 1", "needs p"),
        (dict(preference="gaussian"), "criterion 1", "needs s"),
        (dict(preference="linear", q=[1, 3], p=[2, 2]), "criterion 2", "smaller than q"),
        (dict(preference="ushape", q=[1, -1]), "criterion 2", ">= 0"),
        (dict(preference="ushape", q=float("inf")), "criterion 1", ">= 0"),
        (dict(preference="ushape", q="big"), "criterion 1", "must be a number"),
        (dict(preference="vshape", p=0), "criterion 1", "p > 0"),
        (dict(preference="gaussian", s=0.0), "criterion 1", "s > 0"),
        (dict(preference=["usual"]), "preference", "1 entries for 2 criteria"),
        (dict(preference="ushape", q=[1, 2, 3]), "q", "3 entries for 2 criteria"),
    ],
)
def test_bad_preferences_are_clear_errors(kwargs, place, message):
    with pytest.raises(CoopselectError, match=message) as err:
        check_preferences(2, **kwargs)
    assert err.value.place == place
    assert err.value.fix
    # The method itself raises the same error.
    with pytest.raises(CoopselectError, match=message):
        promethee2(ZHAO_X[:, :2], np.array([0.5, 0.5]), np.ones(2), **kwargs)
