"""Sweeps and critical weights on the two-alternative example solved by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from coopselect.domain.decision import DecisionMatrix
from coopselect.errors import CoopselectError
from coopselect.sensitivity.sweep import critical_weights, most_sensitive, sweep, swept_weights

# a1 = (1, 1), a2 = (0, 3), both benefit (see test_smaa.py): with c = 2/sqrt(10), a1 leads iff
# w1 > c/(1 + c) = 0.38743...; along w = (t, 1 - t) the leader changes exactly there.
C = 2 / math.sqrt(10)
T_STAR = C / (1 + C)
TWO = DecisionMatrix(
    ("a1", "a2"),
    ("x", "y"),
    np.array([[1.0, 1.0], [0.0, 3.0]]),
    np.array([0.5, 0.5]),
    np.array([1, 1]),
)


def test_swept_weights_keep_proportions():
    w = np.array([0.5, 0.3, 0.2])
    rows = swept_weights(w, 0, np.array([0.0, 0.8]))
    assert rows.sum(axis=1) == pytest.approx([1, 1])
    assert rows[1].tolist() == pytest.approx([0.8, 0.12, 0.08])  # 0.3:0.2 kept, scaled to 0.2


def test_sweep_finds_the_crossing_by_hand():
    s = sweep(TWO, "x")
    assert len(s.changes) == 1
    t, before, after = s.changes[0]
    assert t == pytest.approx(T_STAR, abs=1e-7)
    assert (before, after) == ("a2", "a1")
    assert s.ranks[0].tolist() == [2, 1] and s.ranks[-1].tolist() == [1, 2]


def test_critical_weights_by_hand():
    lead, changes = critical_weights(TWO, runners_up=1)
    assert lead == "a1"
    by = {c.criterion: c for c in changes}
    # lowering w1 from 0.5 to 0.3874 (-0.1126, -22.5%) swaps the pair
    assert by["x"].new_weight == pytest.approx(T_STAR, abs=1e-7)
    assert by["x"].relative == pytest.approx((T_STAR - 0.5) / 0.5, abs=1e-6)
    # raising w2 to 1 - 0.3874 = 0.6126 does the same
    assert by["y"].new_weight == pytest.approx(1 - T_STAR, abs=1e-7)
    worst = most_sensitive(changes)
    assert abs(worst.absolute) == pytest.approx(0.5 - T_STAR, abs=1e-7)


def test_no_swap_is_reported_as_none():
    dm = DecisionMatrix(
        ("a", "b"),
        ("x", "y"),
        np.array([[2.0, 2.0], [1.0, 1.0]]),
        np.array([0.5, 0.5]),
        np.array([1, 1]),
    )
    _, changes = critical_weights(dm, runners_up=1)
    assert all(c.new_weight is None and c.absolute is None for c in changes)


def test_unknown_criterion():
    with pytest.raises(CoopselectError, match="unknown criterion 'z'"):
        sweep(TWO, "z")
