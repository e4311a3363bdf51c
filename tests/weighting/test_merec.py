"""MEREC weights against the published example, pymcdm, properties and edge cases."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from coopselect.errors import CoopselectError
from coopselect.messages import render
from coopselect.weighting import merec_weights, objective_weights
from hypothesis_budget import examples

# Keshavarz-Ghorabaee, M., Amiri, M., Zavadskas, E. K., Turskis, Z., & Antucheviciene, J.
# (2021). Determination of objective weights using a new method based on the removal effects of
# criteria (MEREC). Symmetry 13(4), 525, doi:10.3390/sym13040525 (illustrative
# example): five alternatives, four criteria, C1 and C2 benefit, C3 and C4 cost; published
# weights 0.5752, 0.0141, 0.4016, 0.0091 (also reproduced in the pymcdm and pyrepo-mcda test
# suites).
MEREC_2021 = np.array(
    [
        [450, 8000, 54, 145],
        [10, 9100, 2, 160],
        [100, 8200, 31, 153],
        [220, 9300, 1, 162],
        [5, 8400, 23, 158],
    ],
    dtype=float,
)
MEREC_2021_TYPES = np.array([1, 1, -1, -1])


def test_keshavarz_ghorabaee_2021_example():
    res = merec_weights(MEREC_2021, MEREC_2021_TYPES)
    assert res.weights == pytest.approx([0.5752, 0.0141, 0.4016, 0.0091], abs=5e-5)
    assert res.method == "merec" and res.notes == ()


def test_details_follow_the_paper_steps():
    res = merec_weights(MEREC_2021, MEREC_2021_TYPES)
    nm = res.details["normalised"]
    # Step 2: benefit min/x, cost x/max; every value in (0, 1], the best value 1 per column.
    assert nm[:, 0] == pytest.approx(5 / MEREC_2021[:, 0])
    assert nm[:, 2] == pytest.approx(MEREC_2021[:, 2] / 54)
    assert np.all((nm > 0) & (nm <= 1))
    a = np.abs(np.log(nm))
    assert res.details["S"] == pytest.approx(np.log(1 + a.mean(axis=1)))
    for j in range(4):
        rest = np.delete(a, j, axis=1).sum(axis=1) / 4
        assert res.details["S_prime"][:, j] == pytest.approx(np.log(1 + rest))
    e = np.abs(res.details["S_prime"] - res.details["S"][:, None]).sum(axis=0)
    assert res.details["E"] == pytest.approx(e)


def test_agrees_with_pymcdm():
    from pymcdm.weights import merec_weights as pymcdm_merec

    rng = np.random.default_rng(23)
    for _ in range(20):
        n = int(rng.integers(2, 7))
        x = rng.uniform(0.5, 100, size=(rng.integers(3, 12), n))
        t = rng.choice([1, -1], size=n)
        assert merec_weights(x, t).weights == pytest.approx(pymcdm_merec(x, t), abs=1e-12)


def test_constant_column_gets_zero_weight_with_a_note():
    x = np.array([[1.0, 3.0, 2.0], [2.0, 3.0, 5.0], [4.0, 3.0, 1.0]])
    res = merec_weights(x, np.array([1, -1, 1]))
    assert res.weights[1] == 0.0 and res.weights.sum() == pytest.approx(1.0)
    assert any("criterion 2" in render(n, "en") for n in res.notes)


def test_every_column_constant_is_an_error():
    with pytest.raises(CoopselectError, match="MEREC weights are undefined"):
        merec_weights(np.array([[1.0, 2.0], [1.0, 2.0]]), np.array([1, -1]))


@pytest.mark.parametrize("bad", [0.0, -3.0])
def test_non_positive_value_is_an_error_naming_the_criterion(bad):
    x = np.array([[1.0, 2.0], [3.0, bad], [2.0, 2.0]])
    with pytest.raises(CoopselectError) as info:
        merec_weights(x, np.array([1, 1]))
    assert info.value.place == "criterion 2"
    assert "> 0" in info.value.message and info.value.fix


def test_dispatch_by_name():
    assert objective_weights("merec", MEREC_2021, MEREC_2021_TYPES).weights == pytest.approx(
        merec_weights(MEREC_2021, MEREC_2021_TYPES).weights
    )


shapes = st.tuples(st.integers(2, 8), st.integers(1, 5))
matrices = arrays(float, shapes, elements=st.integers(1, 60))


@settings(max_examples=examples(80), deadline=None)
@given(matrices, st.data())
def test_properties(x, data):
    n = x.shape[1]
    t = np.array(data.draw(st.lists(st.sampled_from([1, -1]), min_size=n, max_size=n)))
    if np.all(x.max(axis=0) == x.min(axis=0)):
        with pytest.raises(CoopselectError):
            merec_weights(x, t)
        return
    w = merec_weights(x, t).weights
    assert np.all(np.isfinite(w)) and np.all(w >= 0)
    assert w.sum() == pytest.approx(1.0)
    perm = np.array(data.draw(st.permutations(range(x.shape[0]))))
    assert merec_weights(x[perm], t).weights == pytest.approx(w, abs=1e-12)
    # The normalisation is a ratio to the column's min or max: a change of unit does nothing.
    k = np.array(data.draw(st.lists(st.floats(0.01, 100), min_size=n, max_size=n)))
    assert merec_weights(x * k, t).weights == pytest.approx(w, abs=1e-9)
