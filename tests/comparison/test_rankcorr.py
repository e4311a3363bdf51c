"""Rank-agreement coefficients against published values, hand counts and independent code."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopselect.comparison import agreement, kendall, spearman, weighted_spearman, ws
from coopselect.errors import CoopselectError
from hypothesis_budget import examples

# Paradowski, B., Baczkiewicz, A. & Watrobski, J. (2021). Towards proper consumer choices -
# MCDM based product selection. Procedia Computer Science 192, 1347-1358: two rankings of twelve
# products, reported with rw = 0.96 and WS = 0.90 (two decimals).
PARADOWSKI_X = [7, 11, 2, 1, 4, 9, 6, 3, 5, 10, 8, 12]
PARADOWSKI_Y = [7, 11, 3, 2, 4, 9, 6, 1, 5, 10, 8, 12]


def test_paradowski_2021_weighted_spearman_and_ws():
    assert round(weighted_spearman(PARADOWSKI_X, PARADOWSKI_Y), 2) == 0.96
    assert round(ws(PARADOWSKI_X, PARADOWSKI_Y), 2) == 0.90


def test_spearman_textbook_example():
    """The IQ / hours-of-television example of the Wikipedia article "Spearman's rank
    correlation coefficient" (section Example): ten people, rho = -29/165 = -0.175757..."""
    iq = np.array([106, 100, 86, 101, 99, 103, 97, 113, 112, 110])
    tv = np.array([7, 27, 2, 50, 28, 29, 20, 12, 6, 17])
    rank_iq = iq.argsort().argsort() + 1
    rank_tv = tv.argsort().argsort() + 1
    assert spearman(rank_iq, rank_tv) == pytest.approx(-29 / 165, abs=1e-12)


def test_kendall_hand_count():
    # x = 1 2 3 4 5, y = 3 4 1 2 5. Of the 10 pairs, the discordant ones are (1,3), (1,4),
    # (2,3), (2,4): C = 6, D = 4, no ties, tau = (6 - 4) / 10 = 0.2.
    assert kendall([1, 2, 3, 4, 5], [3, 4, 1, 2, 5]) == pytest.approx(0.2)
    # Spearman for the same pair by the no-ties formula: sum d^2 = 4+4+4+4+0 = 16,
    # rho = 1 - 6*16 / (5*24) = 0.2.
    assert spearman([1, 2, 3, 4, 5], [3, 4, 1, 2, 5]) == pytest.approx(0.2)


def test_ws_swap_of_first_two_by_hand():
    # Salabun & Urbaniak (2020), eq. for WS with x = (1,2,3,4,5), y = (2,1,3,4,5):
    # 1 - [2^-1 * 1/4 + 2^-2 * 1/3] = 1 - (0.125 + 0.083333) = 0.791667.
    assert ws([1, 2, 3, 4, 5], [2, 1, 3, 4, 5]) == pytest.approx(1 - 0.125 - 1 / 12)
    # Swapping the last two matters far less than swapping the first two.
    assert ws([1, 2, 3, 4, 5], [1, 2, 3, 5, 4]) > 0.97


def test_identical_and_reversed():
    x = [1, 2, 3, 4, 5, 6]
    vals = agreement(x, x)
    assert vals == pytest.approx({"spearman": 1, "weighted_spearman": 1, "ws": 1, "kendall": 1})
    rev = x[::-1]
    assert spearman(x, rev) == pytest.approx(-1)
    assert kendall(x, rev) == pytest.approx(-1)
    assert weighted_spearman(x, rev) == pytest.approx(-1)


def test_kendall_tau_b_with_ties_matches_scipy():
    from scipy.stats import kendalltau, spearmanr

    x = [1, 2, 2, 4, 5, 6, 6, 8]
    y = [2, 1, 3, 3, 6, 5, 8, 7]
    assert kendall(x, y) == pytest.approx(kendalltau(x, y).statistic, abs=1e-12)
    assert spearman(x, y) == pytest.approx(spearmanr(x, y).statistic, abs=1e-12)


permutations = st.integers(2, 12).flatmap(
    lambda n: st.tuples(st.permutations(range(1, n + 1)), st.permutations(range(1, n + 1)))
)


@given(permutations)
@settings(max_examples=examples(150), deadline=None)
def test_against_pymcdm_and_scipy(pair):
    """Independent implementations: pymcdm's correlations and scipy's Spearman/Kendall."""
    import pymcdm.correlations as pc
    from scipy.stats import kendalltau

    x, y = (np.array(v, dtype=float) for v in pair)
    ours = agreement(x, y)
    assert ours["weighted_spearman"] == pytest.approx(pc.weighted_spearman(x, y), abs=1e-12)
    assert ours["ws"] == pytest.approx(pc.rank_similarity_coef(x, y), abs=1e-12)
    assert ours["spearman"] == pytest.approx(pc.spearman(x, y), abs=1e-12)
    assert ours["kendall"] == pytest.approx(kendalltau(x, y).statistic, abs=1e-12)
    for key in ("spearman", "weighted_spearman", "kendall"):
        assert -1 - 1e-12 <= ours[key] <= 1 + 1e-12
    assert -1e-12 <= ours["ws"] <= 1 + 1e-12


@pytest.mark.parametrize(
    ("x", "y", "text"),
    [
        ([1, 2, 3], [1, 2], "different lengths"),
        ([1], [1], "at least two"),
        ([0, 1, 2], [1, 2, 3], "positions start at 1"),
        ([1, 2, 9], [1, 2, 3], "ranks only 3"),
        ([1, float("nan"), 3], [1, 2, 3], "finite"),
        ([[1, 2], [3, 4]], [1, 2], "flat list"),
    ],
)
def test_bad_rankings(x, y, text):
    with pytest.raises(CoopselectError, match=text):
        agreement(x, y)


def test_all_tied_ranking_is_undefined_not_a_number():
    with pytest.raises(CoopselectError, match="undefined"):
        spearman([1, 1, 1], [1, 2, 3])
    with pytest.raises(CoopselectError, match="undefined"):
        kendall([1, 2, 3], [1, 1, 1])
