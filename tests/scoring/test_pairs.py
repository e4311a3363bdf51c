"""Pair performance formulas (DESIGN.md sec. 3) on a small example computed by hand."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopselect.pipeline import prepare
from coopselect.scoring.pairs import pair_performance


def test_risk_and_opportunity_by_hand():
    x = np.array([[0.8, 0.2]])  # one country: strong on criterion 0, weak on criterion 1
    d = np.array([[0.5, 1.0], [0.5, 1.0]])
    opp = np.array([[False, False], [False, True]])
    p = pair_performance(x, d, opp)
    # risk: 1 - 0.5 * (1 - 0.8) = 0.9 ; 1 - 1.0 * (1 - 0.2) = 0.2
    assert p[0, 0].tolist() == pytest.approx([0.9, 0.2])
    # opportunity on criterion 1: 1 - 1.0 * 0.2 = 0.8 (a weak host is demand for the mode)
    assert p[0, 1].tolist() == pytest.approx([0.9, 0.8])


@given(
    st.floats(0, 1),
    st.floats(0, 1),
    st.booleans(),
)
def test_performance_stays_in_unit_interval(x, d, opportunity):
    p = pair_performance(np.array([[x]]), np.array([[d]]), np.array([[opportunity]]))
    assert 0.0 <= p[0, 0, 0] <= 1.0


def test_zero_dependence_means_indifference():
    p = pair_performance(np.array([[0.1], [0.9]]), np.array([[0.0]]), np.array([[False]]))
    assert p[:, 0, 0].tolist() == [1.0, 1.0]


def test_default_case_pair_matrix_shape_and_weights():
    _case, _cw, _scores, problem = prepare(None)
    assert problem.dm.shape == (5 * 7, 4 + 4)
    assert problem.dm.weights.sum() == pytest.approx(1)
    # 25% of the weight goes to the mode attributes in the default case
    attr = [
        w for w, k in zip(problem.dm.weights, problem.column_kind, strict=True) if k == "attribute"
    ]
    assert sum(attr) == pytest.approx(0.25)
    # intrinsic columns are the same in every country
    j = problem.columns.index("resource_control")
    by_mode = {}
    for (_country, mode), v in zip(problem.pairs, problem.dm.matrix[:, j], strict=True):
        by_mode.setdefault(mode, set()).add(v)
    assert all(len(v) == 1 for v in by_mode.values())
