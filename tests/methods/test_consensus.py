"""The consensus method: Copeland majority of the five main methods, Borda breaking ties.

Checked against a hand computation on a published matrix, against rankings made up to separate
Copeland from Borda, and against an independent pairwise count on random problems (hypothesis).
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from coopselect.messages import render
from coopselect.methods import run_method
from coopselect.methods.consensus import MEMBERS, aggregate
from hypothesis_budget import examples

# Yang, W. & Wu, Y. (2020). A new improvement method to avoid rank reversal in VIKOR. IEEE Access
# 8, 21261-21271, illustrative example (also used in tests/methods/test_vikor.py): five
# alternatives, four benefit criteria, equal weights.
YW_X = np.array(
    [[78, 56, 34, 6], [4, 45, 3, 97], [18, 2, 50, 63], [9, 14, 11, 92], [85, 9, 100, 29]],
    dtype=float,
)
YW_W = np.full(4, 0.25)
YW_T = np.ones(4)

# What each member gives on it (VIKOR's ranks are the paper's: A5, A1, A4, A2, A3); PROMETHEE II
# ties A2, A3 and A4 (net flow -0.125 each), so they share rank 3. SPOTIS takes its bounds from
# the data here.
YW_LEVELS = {
    "topsis": [2, 3, 4, 5, 1],
    "vikor": [2, 4, 5, 3, 1],
    "promethee2": [2, 3, 3, 3, 1],
    "wsm": [2, 3, 5, 4, 1],
    "spotis": [2, 3, 5, 4, 1],
}


def test_members_are_the_five_main_methods():
    assert MEMBERS == ("topsis", "vikor", "promethee2", "wsm", "spotis")


def test_yang_wu_2020_by_hand():
    res = run_method("consensus", YW_X, YW_W, YW_T)
    for name, levels in YW_LEVELS.items():
        assert res.extras["member_ranks"][name].tolist() == levels, name
    # By hand, pair by pair (votes for the first : for the second, a PROMETHEE II tie votes for
    # neither). A5 and A1 are first and second under every method: A5 beats all four, A1 the
    # three others. A2-A3 4:0 (A2 wins), A2-A4 3:1 (A2: TOPSIS, WSM, SPOTIS; A4: VIKOR),
    # A3-A4 1:3 (A4: VIKOR, WSM, SPOTIS; A3: TOPSIS). No draws.
    assert res.extras["wins"].tolist() == [3, 2, 0, 1, 4]
    assert res.extras["draws"].tolist() == [0, 0, 0, 0, 0]
    assert res.extras["copeland"].tolist() == [0.75, 0.5, 0.0, 0.25, 1.0]
    # Borda: per method, alternatives strictly below plus half the tied ones, summed, over 5 x 4.
    # A2: 2 + 1 + (0 + 2/2) + 2 + 2 = 8; A3: 1 + 0 + 1 + 0 + 0 = 2; A4: 0 + 2 + 1 + 1 + 1 = 5.
    assert res.extras["borda"] * 20 == pytest.approx([15, 8, 2, 5, 20], abs=1e-12)
    assert res.ranks.tolist() == [2, 3, 5, 4, 1]  # A5 > A1 > A2 > A4 > A3
    assert res.higher_is_better and res.ties == ()


def test_majority_beats_sum_of_positions():
    # Three methods say a > b > c, two say b > c > a. Borda (sum of positions) puts b first
    # (b: 3 x 1 + 2 x 2 = 7 places beaten, a: 3 x 2 = 6); the majority puts a above b (3:2) and
    # above c (3:2): Copeland ranks a first, as the module docstring argues it should.
    levels = [[1, 2, 3]] * 3 + [[3, 1, 2]] * 2
    copeland, borda, wins, draws, score = aggregate(levels)
    assert wins.tolist() == [2, 1, 0] and draws.tolist() == [0, 0, 0]
    assert copeland.tolist() == [1.0, 0.5, 0.0]
    assert borda.tolist() == pytest.approx([6 / 10, 7 / 10, 2 / 10])
    assert np.argsort(-score).tolist() == [0, 1, 2]


def test_a_majority_cycle_is_broken_by_borda():
    # a > b > c twice, b > c > a twice, c > a > b once: a beats b 3:2, b beats c 4:1, c beats a
    # 3:2, one win each. Borda: a 2x2 + 0 + 1 = 5, b 2x1 + 2x2 + 0 = 6, c 0 + 2x1 + 2 = 4.
    levels = [[1, 2, 3]] * 2 + [[3, 1, 2]] * 2 + [[2, 3, 1]]
    copeland, borda, wins, draws, score = aggregate(levels)
    assert wins.tolist() == [1, 1, 1] and draws.tolist() == [0, 0, 0]
    assert copeland.tolist() == [0.5, 0.5, 0.5]
    assert (borda * 10).tolist() == pytest.approx([5, 6, 4])
    assert np.argsort(-score).tolist() == [1, 0, 2]  # b, a, c


def test_even_votes_are_a_draw_and_count_half():
    # Two voters disagree, the third ties a and b: a and b draw; both beat c.
    copeland, _borda, wins, draws, _score = aggregate([[1, 2, 3], [2, 1, 3], [1, 1, 3]])
    assert wins.tolist() == [1, 1, 0] and draws.tolist() == [1, 1, 0]
    assert copeland.tolist() == [0.75, 0.75, 0.0]


def test_one_alternative():
    res = run_method("consensus", np.array([[1.0, 2.0]]), np.array([0.5, 0.5]), np.array([1, 1]))
    assert res.ranks.tolist() == [1] and res.scores.tolist() == [0.0]


def test_spotis_bounds_are_passed_on():
    bounds = [[0.0, 200.0]] * 4
    res = run_method("consensus", YW_X, YW_W, YW_T, bounds=bounds)
    spotis = run_method("spotis", YW_X, YW_W, YW_T, bounds=bounds)
    assert res.extras["member_ranks"]["spotis"].tolist() == spotis.ranks.tolist()
    notes = [render(n, "en") for n in res.notes]
    assert not any(n.startswith("spotis: bounds taken from the data") for n in notes)


def test_rank_accepts_consensus_on_a_case():
    from coopselect import rank
    from coopselect.io.loaders.adhoc import adhoc_case

    res = rank(adhoc_case("PER,CHL", "copper"), method="consensus")
    assert res.method == "consensus"
    assert sorted(p.rank for p in res.pairs) == list(range(1, len(res.pairs) + 1))


# ---- invariants on random problems --------------------------------------------------------------


@st.composite
def problems(draw):
    m = draw(st.integers(2, 7))
    n = draw(st.integers(2, 4))
    x = draw(arrays(float, (m, n), elements=st.floats(1.0, 100.0, allow_subnormal=False)))
    w = draw(arrays(float, (n,), elements=st.floats(0.05, 1.0)))
    t = np.array(draw(st.lists(st.sampled_from([1, -1]), min_size=n, max_size=n)))
    return x, w / w.sum(), t


def _member_levels(x, w, t) -> dict[str, np.ndarray]:
    """Each member's ranks, tie groups sharing their best rank, computed here on their own."""
    out = {}
    for name in MEMBERS:
        res = run_method(name, x, w, t)
        levels = np.array(res.ranks)
        for group in res.ties:
            levels[list(group)] = levels[list(group)].min()
        out[name] = levels
    return out


@given(data=problems())
@settings(max_examples=examples(40), deadline=None)
def test_wins_match_an_independent_pairwise_count(data):
    x, w, t = data
    res = run_method("consensus", x, w, t)
    levels = _member_levels(x, w, t)
    m = x.shape[0]
    wins = [0] * m
    draws = [0] * m
    for a, b in itertools.permutations(range(m), 2):
        for_a = sum(levels[k][a] < levels[k][b] for k in MEMBERS)
        for_b = sum(levels[k][b] < levels[k][a] for k in MEMBERS)
        wins[a] += for_a > for_b
        draws[a] += for_a == for_b
    assert res.extras["wins"].tolist() == wins
    assert res.extras["draws"].tolist() == draws
    # a better Copeland record always ranks higher
    for a, b in itertools.permutations(range(m), 2):
        if wins[a] + draws[a] / 2 > wins[b] + draws[b] / 2:
            assert res.ranks[a] < res.ranks[b]


@given(data=problems())
@settings(max_examples=examples(40), deadline=None)
def test_unanimity_and_condorcet_winner(data):
    x, w, t = data
    res = run_method("consensus", x, w, t)
    levels = _member_levels(x, w, t)
    m = x.shape[0]
    for a, b in itertools.permutations(range(m), 2):
        if all(levels[k][a] < levels[k][b] for k in MEMBERS):
            assert res.scores[a] > res.scores[b]  # every method puts a above b: so does consensus
    for a in range(m):
        if all(
            sum(levels[k][a] < levels[k][b] for k in MEMBERS)
            > sum(levels[k][b] < levels[k][a] for k in MEMBERS)
            for b in range(m)
            if b != a
        ):
            assert res.ranks[a] == 1  # a majority puts a above every other alternative


@given(
    order=st.permutations(list(range(6))),
    voters=st.integers(1, 7),
)
@settings(max_examples=examples(30), deadline=None)
def test_identical_voters_give_their_ranking(order, voters):
    levels = np.array([order] * voters) + 1
    *_, score = aggregate(levels)
    assert (np.argsort(-score) == np.argsort(levels[0])).all()


def test_member_params_reach_each_member():
    params = {"vikor": {"v": 0.9}, "promethee2": {"preference": "vshape", "p": [100.0] * 4}}
    res = run_method("consensus", YW_X, YW_W, YW_T, member_params=params)
    for name, p in params.items():
        alone = run_method(name, YW_X, YW_W, YW_T, **p)
        assert res.extras["member_ranks"][name].tolist() == _member_levels_of(alone), name


def test_an_unknown_member_is_refused():
    from coopselect.errors import CoopselectError

    with pytest.raises(CoopselectError, match="no member method 'copras'"):
        run_method("consensus", YW_X, YW_W, YW_T, member_params={"copras": {}})


def _member_levels_of(res) -> list[int]:
    levels = np.array(res.ranks)
    for group in res.ties:
        levels[list(group)] = levels[list(group)].min()
    return levels.tolist()


@given(data=problems())
@settings(max_examples=examples(30), deadline=None)
def test_scores_lie_in_the_unit_interval_and_follow_copeland_then_borda(data):
    x, w, t = data
    res = run_method("consensus", x, w, t)
    s = np.asarray(res.scores)
    assert np.all(s >= 0) and np.all(s <= 1 + 1e-12)
    key = list(zip(res.extras["copeland"], res.extras["borda"], strict=True))
    for a, b in itertools.permutations(range(len(s)), 2):
        if key[a] > key[b]:
            assert s[a] > s[b]
