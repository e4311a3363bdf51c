"""Standard-deviation weights against a published example, pymcdm, properties and edge cases."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from coopselect.errors import CoopselectError
from coopselect.messages import render
from coopselect.weighting import objective_weights, std_weights
from hypothesis_budget import examples

# Jahan, A., & Edwards, K. L. (2013). Weighting of dependent and target-based criteria for optimal
# decision-making in materials selection process: Biomedical applications. Materials & Design 49,
# 1000-1008: seven alternatives, three criteria, already normalised to [0, 1] (every column has
# min 0 and max 1, so min-max normalisation leaves it unchanged); published standard-deviation
# weights 0.35, 0.31, 0.34 (two decimals; also in pymcdm's test suite).
JAHAN_2013 = np.array(
    [
        [0, 0, 0],
        [0.39, 0.3, 0.77],
        [0.17, 0.36, 0.8],
        [0.35, 0.29, 0.93],
        [0.3, 0.4, 0.94],
        [0.84, 0.71, 1],
        [1, 1, 0.99],
    ]
)


def test_jahan_edwards_2013():
    res = std_weights(JAHAN_2013, np.ones(3, dtype=int))
    assert res.weights == pytest.approx([0.35, 0.31, 0.34], abs=5e-3)
    assert res.method == "std" and res.notes == ()
    assert res.details["sigma"] == pytest.approx(JAHAN_2013.std(axis=0, ddof=0))


# Sałabun, W., Wątróbski, J., & Shekhovtsov, A. (2020). Are MCDA methods benchmarkable? A
# comparative study of TOPSIS, VIKOR, COPRAS, and PROMETHEE II methods. Symmetry 12(9), 1549:
# standard-deviation weights 0.217, 0.294, 0.488 of a 5 x 3 matrix with values in [0, 1]
# (reproduced in pyrepo-mcda's test suite). These are the standard deviations of the RAW columns,
# as pymcdm computes them; coopselect takes them after min-max normalisation, so the columns'
# ranges do not count, and gets different weights here.
SALABUN_2020 = np.array(
    [
        [0.619, 0.449, 0.447],
        [0.862, 0.466, 0.006],
        [0.458, 0.698, 0.771],
        [0.777, 0.631, 0.491],
        [0.567, 0.992, 0.968],
    ]
)


def test_salabun_2020_shows_the_raw_versus_normalised_difference():
    from pymcdm.weights import standard_deviation_weights as pymcdm_std

    published_raw = [0.217, 0.294, 0.488]
    assert pymcdm_std(SALABUN_2020) == pytest.approx(published_raw, abs=5e-4)
    ours = std_weights(SALABUN_2020).weights
    assert not np.allclose(ours, published_raw, atol=0.05)
    f = (SALABUN_2020 - SALABUN_2020.min(0)) / np.ptp(SALABUN_2020, axis=0)
    assert ours == pytest.approx(pymcdm_std(f), abs=1e-12)


def test_pymcdm_difference_units_matter_there_not_here():
    """pymcdm 1.4's standard_deviation_weights uses the raw matrix (ddof=1): measuring a
    criterion in smaller units (e.g. kt instead of t) changes its weight. coopselect min-max
    normalises first, so the weights do not depend on units; on the normalised matrix the two
    agree (ddof cancels)."""
    from pymcdm.weights import standard_deviation_weights as pymcdm_std

    rng = np.random.default_rng(17)
    x = rng.uniform(1, 10, size=(8, 4))
    scaled = x * np.array([1000.0, 1.0, 1.0, 1.0])
    assert std_weights(scaled).weights == pytest.approx(std_weights(x).weights, abs=1e-12)
    assert not np.allclose(pymcdm_std(scaled), pymcdm_std(x), atol=1e-3)
    f = (x - x.min(0)) / np.ptp(x, axis=0)
    assert std_weights(x).weights == pytest.approx(pymcdm_std(f), abs=1e-12)


def test_types_do_not_change_the_weights():
    t = np.array([-1, 1, -1])
    assert std_weights(SALABUN_2020, t).weights == pytest.approx(
        std_weights(SALABUN_2020).weights, abs=1e-15
    )


def test_constant_column_gets_zero_weight_with_a_note():
    x = np.array([[1.0, 3.0, 2.0], [2.0, 3.0, 5.0], [4.0, 3.0, 1.0]])
    res = std_weights(x)
    assert res.weights[1] == 0.0 and res.weights.sum() == pytest.approx(1.0)
    assert any("criterion 2" in render(n, "en") for n in res.notes)


def test_every_column_constant_is_an_error():
    with pytest.raises(CoopselectError, match="standard-deviation weights are undefined"):
        std_weights(np.array([[1.0, -2.0], [1.0, -2.0], [1.0, -2.0]]))


def test_dispatch_by_name():
    assert objective_weights("std", JAHAN_2013).weights == pytest.approx(
        std_weights(JAHAN_2013).weights
    )


shapes = st.tuples(st.integers(2, 8), st.integers(1, 5))
matrices = arrays(float, shapes, elements=st.integers(-50, 50))


@settings(max_examples=examples(80), deadline=None)
@given(matrices, st.data())
def test_properties(x, data):
    assume(np.any(x.max(axis=0) > x.min(axis=0)))
    n = x.shape[1]
    t = np.array(data.draw(st.lists(st.sampled_from([1, -1]), min_size=n, max_size=n)))
    w = std_weights(x, t).weights
    assert np.all(np.isfinite(w)) and np.all(w >= 0)
    assert w.sum() == pytest.approx(1.0)
    perm = np.array(data.draw(st.permutations(range(x.shape[0]))))
    assert std_weights(x[perm], t).weights == pytest.approx(w, abs=1e-12)
    k = np.array(data.draw(st.lists(st.floats(0.1, 100), min_size=n, max_size=n)))
    assert std_weights(x * k - 7.0, t).weights == pytest.approx(w, abs=1e-9)
