"""Values equal in exact arithmetic but different in the last bit give the same result everywhere.

Which of two such values comes out larger depends on the CPU (BLAS kernels, summation order), so
every method must treat them as equal: zero preference in PROMETHEE II, a constant column, a tie
ranked in input order (``REL_TOL`` in ``coopselect.methods.registry``).
"""

from __future__ import annotations

import numpy as np
import pytest

from coopselect.messages import render
from coopselect.methods import available_methods, run_method
from coopselect.methods.promethee import promethee2
from coopselect.methods.result import rank_scores
from coopselect.methods.tolerance import REL_TOL, effectively_constant, nearly_equal, snap
from coopselect.methods.vikor import compromise_set, vikor

# 1 - 0.7 * 5/12 and 1 - 0.5 * 7/12 are equal in exact arithmetic; computed in these two orders
# they differ in the last bit (as the same value computed by two BLAS kernels can).
LOW = 1 - 0.7 * 5 / 12
HIGH = 1 - (7 * 5 / 12) / 10
METHODS = available_methods()


def test_the_two_values_really_differ_in_the_last_bit():
    assert LOW != HIGH
    assert abs(HIGH - LOW) <= 2 * np.spacing(LOW)
    assert nearly_equal(LOW, HIGH)
    assert not nearly_equal(LOW, LOW * (1 + 10 * REL_TOL))


def _problem(first: float, second: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Alternatives 0 and 1 equal in exact arithmetic (column 0 holds ``first`` and ``second``);
    2 and 3 clearly different."""
    x = np.array(
        [
            [first, 4.0, 3.0],
            [second, 4.0, 3.0],
            [0.5, 6.0, 2.0],
            [0.9, 2.0, 5.0],
        ]
    )
    return x, np.array([0.5, 0.3, 0.2]), np.array([1, 1, -1])


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("first, second", [(LOW, HIGH), (HIGH, LOW)])
def test_last_bit_difference_is_a_tie_in_every_method(method, first, second):
    exact = run_method(method, *_problem(LOW, LOW))
    noisy = run_method(method, *_problem(first, second))
    assert noisy.ranks.tolist() == exact.ranks.tolist()
    assert noisy.ties == exact.ties
    assert any({0, 1} <= set(group) for group in noisy.ties)
    assert noisy.ranks[0] < noisy.ranks[1]  # a tie keeps input order
    np.testing.assert_allclose(noisy.scores, exact.scores, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("method", METHODS)
def test_near_constant_column_is_constant_in_every_method(method):
    """A column whose values are equal in exact arithmetic is not stretched to a full range."""
    x, w, t = _problem(LOW, LOW)
    x = np.column_stack([x, [LOW, HIGH, HIGH, LOW]])
    w = np.append(w, 0.4)
    t = np.append(t, 1)
    exact = run_method(method, np.column_stack([x[:, :3], np.full(4, LOW)]), w, t)
    noisy = run_method(method, x, w, t)
    assert noisy.ranks.tolist() == exact.ranks.tolist()
    assert noisy.ties == exact.ties
    np.testing.assert_allclose(noisy.scores, exact.scores, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("first, second", [(LOW, HIGH), (HIGH, LOW)])
def test_promethee_usual_gives_no_preference_for_a_last_bit_difference(first, second):
    x = np.array([[first], [second], [0.5]])
    res = promethee2(x, np.array([1.0]), np.array([1]))
    pi = res.extras["pi"]
    assert pi[0, 1] == 0.0 and pi[1, 0] == 0.0
    assert pi[0, 2] == 1.0 and pi[1, 2] == 1.0
    assert res.scores[0] == res.scores[1]
    assert res.ties == ((0, 1),)


def test_promethee_difference_equal_to_a_threshold_is_on_the_threshold():
    # 0.4 - 0.3 = 0.10000000000000003 and 0.7 - 0.6 = 0.09999999999999998: both are q = 0.1
    # (indifferent, Brans & Mareschal) and p = 0.1 (full preference) in exact arithmetic.
    x = np.array([[0.4], [0.3], [0.7], [0.6]])
    usual_q = promethee2(x, np.array([1.0]), np.array([1]), preference="ushape", q=0.1)
    pi = usual_q.extras["pi"]
    assert pi[0, 1] == 0.0 and pi[2, 3] == 0.0
    lin = promethee2(x, np.array([1.0]), np.array([1]), preference="linear", q=0.0, p=0.1)
    assert lin.extras["pi"][0, 1] == 1.0 and lin.extras["pi"][2, 3] == 1.0
    lev = promethee2(x, np.array([1.0]), np.array([1]), preference="level", q=0.1, p=0.3)
    assert lev.extras["pi"][0, 1] == 0.0 and lev.extras["pi"][2, 3] == 0.0


def test_promethee_constant_within_tolerance_is_noted():
    x = np.array([[LOW, 1.0], [HIGH, 2.0], [LOW, 3.0]])
    res = promethee2(x, np.array([0.5, 0.5]), np.array([1, 1]))
    assert any("criterion 1 is constant" in render(n, "en") for n in res.notes)


@pytest.mark.parametrize("higher", [True, False])
def test_rank_scores_ties_within_tolerance_keep_input_order(higher):
    for scores in ([HIGH, LOW, 0.1], [LOW, HIGH, 0.1]):
        ranks, ties = rank_scores(np.array(scores), higher)
        assert ties == ((0, 1),)
        assert ranks[0] < ranks[1]


def test_rank_scores_near_zero_scores_tie_relative_to_the_spread():
    # PROMETHEE flows of mathematically tied alternatives can be +-1e-17 around 0.
    ranks, ties = rank_scores(np.array([1e-17, -1e-17, 0.5, -0.5]), True)
    assert ties == ((0, 1),)
    assert ranks.tolist() == [2, 3, 1, 4]


def test_rank_scores_does_not_chain_a_tie_wider_than_the_tolerance():
    step = 0.6 * REL_TOL
    scores = np.array([1.0, 1.0 - step, 1.0 - 2 * step, 1.0 - 3 * step])
    _, ties = rank_scores(scores, True)
    for group in ties:
        assert np.ptp(scores[list(group)]) <= REL_TOL * 1.0


def test_rank_scores_distinct_scores_are_not_tied():
    ranks, ties = rank_scores(np.array([0.3, 0.30000001, 0.2]), True)
    assert ties == ()
    assert ranks.tolist() == [2, 1, 3]


def test_vikor_conditions_use_the_tolerance():
    # Two alternatives: Q = 0 and 1 with DQ = 1 exactly (C1 holds); S and R mathematically tied
    # for the first alternative, off by a last bit (C2 holds).
    q = np.array([0.0, 1.0])
    s = np.array([HIGH, LOW])
    r = np.array([0.2, 0.9])
    close, advantage, stability = compromise_set(q, s, r)
    assert advantage and stability and close == [0]
    # DQ = 1/3 and Q(a2) - Q(a1) equal to it in exact arithmetic but a last bit below: C1 holds,
    # and the close set does not take a2.
    q = np.array([0.0, (1 / 3) * (1 - 2e-16), 0.9, 1.0])
    assert q[1] < 1 / 3
    _, advantage, _ = compromise_set(q, np.array([0.1, 0.2, 0.3, 0.4]), np.array([0.1] * 4))
    assert advantage


def test_vikor_near_constant_column_carries_no_weight():
    x = np.array([[LOW, 1.0], [HIGH, 2.0], [LOW, 3.0]])
    res = vikor(x, np.array([0.5, 0.5]), np.array([1, 1]))
    assert any("criterion 1 is constant" in render(n, "en") for n in res.notes)


def test_helpers():
    assert effectively_constant([LOW, HIGH, LOW])
    assert not effectively_constant([LOW, HIGH, 0.7])
    d = np.array([HIGH - LOW, 0.1, (0.4 - 0.3) - 0.1 + 0.1])
    out = snap(d, REL_TOL, 0.1)
    assert out.tolist() == [0.0, 0.1, 0.1]
