"""WSM on a small example computed by hand."""

from __future__ import annotations

import numpy as np
import pytest

from coopselect.methods import available_methods, run_method


def test_wsm_by_hand():
    # x = [[2, 10], [4, 5]], benefit then cost, weights 0.6, 0.4.
    # max-normalised: benefit 2/4 = 0.5, 4/4 = 1; cost 1 - 10/10 = 0, 1 - 5/10 = 0.5
    # scores: 0.6*0.5 + 0.4*0 = 0.30 ; 0.6*1 + 0.4*0.5 = 0.80
    res = run_method(
        "wsm", np.array([[2.0, 10.0], [4.0, 5.0]]), np.array([0.6, 0.4]), np.array([1, -1])
    )
    assert res.scores.tolist() == pytest.approx([0.30, 0.80])
    assert res.ranks.tolist() == [2, 1]


def test_registry_lists_methods():
    assert {"topsis", "wsm"} <= set(available_methods())


def test_rank_case_with_wsm():
    from coopselect.pipeline import rank

    res = rank(None, method="wsm")
    assert res.method == "wsm" and len(res.pairs) == 35
    assert [p.rank for p in res.pairs] == list(range(1, 36))
