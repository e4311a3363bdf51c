"""WSM against a published example and a small example computed by hand."""

from __future__ import annotations

import numpy as np
import pytest

from coopselect.methods import available_methods, run_method

# Triantaphyllou, E. (2000). Multi-Criteria Decision Making Methods: A Comparative Study. Kluwer
# Academic Publishers (Applied Optimization 44), chapter 2, the WSM numerical example (also
# reproduced in the Wikipedia article "Weighted sum model"): three alternatives, four benefit
# criteria, weights 0.20, 0.15, 0.40, 0.25. Published WSM scores on the raw values: 21.50, 22.00,
# 22.00 (A2 and A3 tied). Every column's maximum is 30, so the max-normalised scores are the
# published ones divided by 30, and the tie stays a tie, ranked in input order.
TRI_X = np.array([[25, 20, 15, 30], [10, 30, 20, 30], [30, 10, 30, 10]], dtype=float)
TRI_W = np.array([0.20, 0.15, 0.40, 0.25])


def test_triantaphyllou_2000_example():
    res = run_method("wsm", TRI_X, TRI_W, np.ones(4, dtype=int))
    assert (res.scores * 30).tolist() == pytest.approx([21.50, 22.00, 22.00], abs=1e-12)
    assert res.ranks.tolist() == [3, 1, 2]
    assert res.ties == ((1, 2),)


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
