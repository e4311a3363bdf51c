"""Entropy weights against published examples, pymcdm, properties and edge cases."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from coopselect.errors import CoopselectError
from coopselect.messages import render
from coopselect.weighting import entropy_weights, objective_weights
from hypothesis_budget import examples

# Xu, X. (2004). A note on the subjective and objective integrated approach to determine attribute
# weights. European Journal of Operational Research 156(2), 530-532 (numerical example, entropy
# weights of the four attributes). The same values are reproduced in the test suites of
# pyrepo-mcda / crispyn. Attribute 4 is almost constant, so its weight is 0.0000 to 4 decimals.
XU_2004 = np.array([[30, 30, 38, 29], [19, 54, 86, 29], [19, 15, 85, 28.9], [68, 70, 60, 29]])


def test_xu_2004_ejor():
    res = entropy_weights(XU_2004)
    assert res.weights == pytest.approx([0.4630, 0.3992, 0.1378, 0.0000], abs=5e-5)


# Zavadskas, E. K., & Podvezko, V. (2016). Integrated determination of objective criteria weights
# in MCDM. International Journal of Information Technology & Decision Making 15(2), 267-283
# (example with four criteria, entropy weights). Criteria 1 and 3 are costs in the paper; the
# published entropy weights are computed on the raw matrix, as here: types do not change them.
ZAVADSKAS_2016 = np.array([[3.0, 100, 10, 7], [2.5, 80, 8, 5], [1.8, 50, 20, 11], [2.2, 70, 12, 9]])
ZAVADSKAS_2016_TYPES = np.array([-1, 1, -1, 1])


def test_zavadskas_podvezko_2016():
    res = entropy_weights(ZAVADSKAS_2016, ZAVADSKAS_2016_TYPES)
    assert res.weights == pytest.approx([0.1146, 0.1981, 0.4185, 0.2689], abs=5e-5)
    assert entropy_weights(ZAVADSKAS_2016).weights == pytest.approx(res.weights, abs=1e-15)


# Lee, H. C., & Chang, C. T. (2018). Comparative analysis of MCDM methods for ranking renewable
# energy sources in Taiwan. Renewable and Sustainable Energy Reviews 92, 883-896 (entropy weights
# of the ten criteria, three decimals).
LEE_CHANG_2018 = np.array(
    [
        [4550, 30, 6.74, 20, 15, 5, 85, 150, 0.87, 4.76],
        [3005, 60.86, 2.4, 35, 27, 4, 26, 200, 0.17, 4.51],
        [2040, 14.85, 1.7, 90, 25, 5, 26, 500, 0.27, 4.19],
        [3370, 99.4, 3.25, 25.3, 54, 3, 45, 222, 0.21, 3.78],
        [3920, 112.6, 4.93, 11.4, 71.7, 2, 50, 100, 0.25, 4.11],
    ]
)


def test_lee_chang_2018():
    res = entropy_weights(LEE_CHANG_2018)
    published = [0.026, 0.154, 0.089, 0.199, 0.115, 0.04, 0.08, 0.123, 0.172, 0.002]
    assert res.weights == pytest.approx(published, abs=5e-4)


def test_details_are_the_published_quantities():
    res = entropy_weights(XU_2004)
    e, d = res.details["E"], res.details["d"]
    assert d == pytest.approx(1 - e)
    assert res.weights == pytest.approx(d / d.sum())
    assert res.details["p"].sum(axis=0) == pytest.approx(np.ones(4))
    assert res.method == "entropy" and res.notes == ()


def test_agrees_with_pymcdm_on_positive_data():
    from pymcdm.weights import entropy_weights as pymcdm_entropy

    rng = np.random.default_rng(11)
    for _ in range(20):
        x = rng.uniform(0.5, 50, size=(rng.integers(3, 12), rng.integers(2, 7)))
        assert entropy_weights(x).weights == pytest.approx(pymcdm_entropy(x), abs=1e-12)


def test_pymcdm_difference_a_zero_value():
    """pymcdm 1.4 refuses any 0 in the matrix (its sum normalisation raises ValueError; the branch
    of its entropy_weights that would give such a column entropy 0, i.e. the largest weight, is
    never reached). The published method allows zeros with the convention 0 ln 0 = 0, so a single
    zero only lowers the column's entropy a little. coopselect follows the published convention."""
    from pymcdm.weights import entropy_weights as pymcdm_entropy

    x = np.array([[0.0, 5.0], [10.0, 6.0], [10.0, 7.0], [10.0, 4.0]])
    ours = entropy_weights(x)
    p = np.array([1 / 3, 1 / 3, 1 / 3])
    assert ours.details["E"][0] == pytest.approx(-(p * np.log(p)).sum() / np.log(4))
    assert np.all(np.isfinite(ours.weights))
    with pytest.raises(ValueError):
        pymcdm_entropy(x)


def test_types_do_not_change_the_weights():
    t = np.array([-1, 1, -1, -1])
    assert entropy_weights(XU_2004, t).weights == pytest.approx(entropy_weights(XU_2004).weights)


def test_constant_column_gets_zero_weight_with_a_note():
    x = np.array([[1.0, 3.0, 2.0], [2.0, 3.0, 5.0], [4.0, 3.0, 1.0]])
    res = entropy_weights(x)
    assert res.weights[1] == 0.0
    assert res.weights.sum() == pytest.approx(1.0)
    assert any("criterion 2" in render(n, "en") for n in res.notes)


def test_all_zero_column_gets_zero_weight_with_a_note():
    x = np.array([[1.0, 0.0], [2.0, 0.0], [4.0, 0.0]])
    res = entropy_weights(x)
    assert res.weights.tolist() == [1.0, 0.0]
    assert any("criterion 2 is all zeros" in render(n, "en") for n in res.notes)
    assert np.all(np.isfinite(res.details["E"]))


def test_every_column_constant_is_an_error():
    with pytest.raises(CoopselectError, match="entropy weights are undefined"):
        entropy_weights(np.array([[2.0, 0.0], [2.0, 0.0], [2.0, 0.0]]))


def test_negative_value_is_an_error_naming_the_criterion():
    x = np.array([[1.0, 2.0], [3.0, -1.0], [2.0, 2.0]])
    with pytest.raises(CoopselectError) as info:
        entropy_weights(x)
    assert info.value.place == "criterion 2"
    assert info.value.fix
    assert "alternative 2" in info.value.message


@pytest.mark.parametrize(
    "bad",
    [np.array([1.0, 2.0]), np.array([[1.0, 2.0]]), np.array([[1.0, np.nan], [2.0, 3.0]])],
)
def test_malformed_matrix_is_an_error(bad):
    with pytest.raises(CoopselectError):
        entropy_weights(bad)


def test_dispatch_by_name():
    assert objective_weights("entropy", XU_2004).weights == pytest.approx(
        entropy_weights(XU_2004).weights
    )


positive = arrays(
    float, st.tuples(st.integers(2, 8), st.integers(1, 5)), elements=st.integers(0, 60)
)


@settings(max_examples=examples(80), deadline=None)
@given(positive, st.data())
def test_properties(x, data):
    assume(np.any(x.max(axis=0) > x.min(axis=0)))
    res = entropy_weights(x)
    w = res.weights
    assert np.all(np.isfinite(w)) and np.all(w >= 0)
    assert w.sum() == pytest.approx(1.0)
    # Positive column scaling (a change of unit) leaves the weights unchanged.
    k = np.array(
        data.draw(st.lists(st.floats(0.01, 1000), min_size=x.shape[1], max_size=x.shape[1]))
    )
    assert entropy_weights(x * k).weights == pytest.approx(w, abs=1e-9)
    # So does reordering the alternatives.
    perm = np.array(data.draw(st.permutations(range(x.shape[0]))))
    assert entropy_weights(x[perm]).weights == pytest.approx(w, abs=1e-9)


def test_unknown_method_is_an_error_listing_the_methods():
    from coopselect.weighting import OBJECTIVE_METHODS

    with pytest.raises(CoopselectError) as info:
        objective_weights("entropie", XU_2004)
    assert info.value.place == "method"
    assert "'entropie'" in info.value.message
    assert all(m in info.value.fix for m in OBJECTIVE_METHODS)
    assert OBJECTIVE_METHODS == ("entropy", "critic", "std", "merec")


def test_weight_result_is_frozen():
    import dataclasses

    res = entropy_weights(XU_2004)
    with pytest.raises(dataclasses.FrozenInstanceError):
        res.method = "x"


def test_importing_the_package_pulls_in_neither_pymcdm_nor_pandas():
    import subprocess
    import sys

    code = (
        "import sys, coopselect.weighting; "
        "print(any(m.split('.')[0] in ('pymcdm', 'pandas', 'matplotlib') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
