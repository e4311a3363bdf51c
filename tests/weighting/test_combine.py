"""Combining subjective and objective weights."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopselect.errors import CoopselectError
from coopselect.weighting import COMBINE_RULES, combine_weights
from hypothesis_budget import examples

SUBJ = np.array([0.5, 0.3, 0.2])
OBJ = np.array([0.2, 0.2, 0.6])


def test_multiplicative_rule():
    # w_j = s_j o_j / sum_k s_k o_k: products 0.10, 0.06, 0.12 over 0.28.
    w = combine_weights(SUBJ, OBJ)
    assert w == pytest.approx([0.10 / 0.28, 0.06 / 0.28, 0.12 / 0.28])


def test_linear_rule():
    assert combine_weights(SUBJ, OBJ, "linear", 0.5) == pytest.approx([0.35, 0.25, 0.40])
    assert combine_weights(SUBJ, OBJ, "linear", 1.0) == pytest.approx(SUBJ)
    assert combine_weights(SUBJ, OBJ, "linear", 0.0) == pytest.approx(OBJ)
    assert combine_weights(SUBJ, OBJ, "linear", 0.25) == pytest.approx(0.25 * SUBJ + 0.75 * OBJ)


def test_inputs_are_renormalised():
    assert combine_weights(SUBJ * 10, OBJ * 3) == pytest.approx(combine_weights(SUBJ, OBJ))
    assert combine_weights([5, 3, 2], [1, 1, 3], "linear", 0.5) == pytest.approx([0.35, 0.25, 0.4])


def test_a_zero_weight_on_either_side_gives_zero_in_the_multiplicative_rule():
    w = combine_weights([0.5, 0.5, 0.0], [0.3, 0.3, 0.4])
    assert w.tolist() == [0.5, 0.5, 0.0]


def test_multiplicative_with_no_common_support_is_an_error():
    with pytest.raises(CoopselectError, match="no criterion has both"):
        combine_weights([1.0, 0.0], [0.0, 1.0])
    # The linear rule is still defined.
    assert combine_weights([1.0, 0.0], [0.0, 1.0], "linear", 0.3) == pytest.approx([0.3, 0.7])


def test_length_mismatch_is_an_error():
    with pytest.raises(CoopselectError, match="3 subjective weights but 2 objective"):
        combine_weights(SUBJ, [0.5, 0.5])


@pytest.mark.parametrize(
    "bad", [[0.5, -0.1, 0.6], [0.5, np.nan, 0.5], [0.5, np.inf, 0.5], [0.0, 0.0, 0.0], []]
)
def test_bad_weights_are_an_error(bad):
    with pytest.raises(CoopselectError) as info:
        combine_weights(bad, OBJ)
    assert info.value.place == "subjective weights" and info.value.fix
    with pytest.raises(CoopselectError) as info:
        combine_weights(SUBJ, bad)
    assert info.value.place == "objective weights"


@pytest.mark.parametrize("alpha", [-0.1, 1.5, float("nan"), "half"])
def test_bad_alpha_is_an_error(alpha):
    with pytest.raises(CoopselectError) as info:
        combine_weights(SUBJ, OBJ, "linear", alpha)
    assert info.value.place == "alpha"


def test_unknown_rule_is_an_error_listing_the_rules():
    with pytest.raises(CoopselectError) as info:
        combine_weights(SUBJ, OBJ, "geometric")
    assert info.value.place == "rule"
    assert all(r in info.value.fix for r in COMBINE_RULES)


weights = st.lists(st.floats(0.001, 10), min_size=1, max_size=8)


@settings(max_examples=examples(100), deadline=None)
@given(st.data(), weights, st.floats(0, 1))
def test_properties(data, s, alpha):
    n = len(s)
    o = data.draw(st.lists(st.floats(0.001, 10), min_size=n, max_size=n))
    for rule in COMBINE_RULES:
        w = combine_weights(s, o, rule, alpha)
        assert w.shape == (n,)
        assert np.all(np.isfinite(w)) and np.all(w >= 0)
        assert w.sum() == pytest.approx(1.0)
    # Equal objective weights leave the subjective weights unchanged under multiplication.
    sn = np.asarray(s) / np.sum(s)
    assert combine_weights(s, np.ones(n)) == pytest.approx(sn)
    # The linear combination lies between the two (normalised) inputs.
    on = np.asarray(o) / np.sum(o)
    w = combine_weights(s, o, "linear", alpha)
    assert np.all(w >= np.minimum(sn, on) - 1e-12) and np.all(w <= np.maximum(sn, on) + 1e-12)
