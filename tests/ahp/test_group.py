"""Group aggregation (Forman & Peniwati 1998, EJOR 108, 165-169: AIJ and AIP).

No published group example with numbers could be confirmed in this session; the checks are
independent computations written here: the weighted geometric mean of the judgments by hand,
the weighted geometric mean of the individual priorities (AIP, renormalised), and the known
identity that, with the geometric-mean priority method, AIJ gives the normalised weighted
geometric mean of the individual priority vectors, that is AIP (Aczel & Saaty 1983; Forman &
Peniwati 1998).
"""

from __future__ import annotations

import numpy as np
import pytest

from coopselect.ahp import parse_matrix, priorities
from coopselect.errors import CoopselectError
from coopselect.pairwise.group import aggregate_aij, group_priorities

LABELS = ["r", "p", "i", "e"]
E1 = parse_matrix([[3, 5, 7], [2, 3], [2]], LABELS)
E2 = parse_matrix([["1/2", 3, 4], [5, 6], [2]], LABELS)
E3 = parse_matrix([[5, "1/5", 1], [5, 1], [1]], LABELS)
WEIGHTS = [2.0, 1.0, 1.0]


def test_aij_is_the_weighted_geometric_mean_of_judgments():
    agg = aggregate_aij([E1, E2, E3], np.array(WEIGHTS) / 4)
    assert agg[0, 1] == pytest.approx((3**2 * 0.5 * 5) ** (1 / 4))
    assert agg * agg.T == pytest.approx(np.ones((4, 4)))


def test_aij_geomean_equals_geometric_mean_of_priorities():
    g = group_priorities([E1, E2, E3], ["a", "b", "c"], WEIGHTS, aggregate="aij", method="geomean")
    ind = [priorities(m, "geomean").weights for m in (E1, E2, E3)]
    expected = np.exp(sum(w * np.log(v) for w, v in zip(np.array(WEIGHTS) / 4, ind, strict=True)))
    assert g.weights == pytest.approx(expected / expected.sum(), abs=1e-12)


def test_aip_is_the_weighted_geometric_mean_of_priorities_and_experts_are_flagged():
    g = group_priorities([E1, E2, E3], ["a", "b", "c"], WEIGHTS, aggregate="aip")
    ind = [priorities(m).weights for m in (E1, E2, E3)]
    # by hand: (v1^2 v2 v3)^(1/4), element by element, renormalised
    expected = (ind[0] ** 2 * ind[1] * ind[2]) ** 0.25
    assert g.weights == pytest.approx(expected / expected.sum(), abs=1e-12)
    crs = [e.result.cr for e in g.experts]
    assert crs == pytest.approx([priorities(m).cr for m in (E1, E2, E3)])
    assert [e.flagged for e in g.experts] == [cr > 0.10 for cr in crs]
    assert any(e.flagged for e in g.experts)  # the esg_officer is inconsistent
    assert g.result.cr == pytest.approx(priorities(g.aggregated_matrix).cr)


def test_missing_judgment_of_one_expert_uses_the_others():
    a = E1.copy()
    a[0, 1] = a[1, 0] = np.nan
    agg = aggregate_aij([a, E2], np.array([0.5, 0.5]))
    assert agg[0, 1] == pytest.approx(E2[0, 1])


def test_equal_weights_when_none_given_and_bad_weights_refused():
    g = group_priorities([E1, E2], ["a", "b"])
    assert [e.weight for e in g.experts] == [0.5, 0.5]
    with pytest.raises(CoopselectError, match="positive"):
        group_priorities([E1, E2], ["a", "b"], [1.0, -1.0])
    with pytest.raises(CoopselectError, match="unknown aggregation"):
        group_priorities([E1], ["a"], aggregate="mean")


def test_aip_with_geomean_priorities_equals_aij():
    """Aczel & Saaty (1983), Forman & Peniwati (1998): with row-geometric-mean priorities and
    complete matrices, the weighted geometric mean of the priorities (AIP) is the priority
    vector of the weighted geometric mean of the judgments (AIJ)."""
    w = np.array(WEIGHTS) / 4
    names = ["a", "b", "c"]
    aip = group_priorities([E1, E2, E3], names, WEIGHTS, aggregate="aip", method="geomean")
    aij = priorities(aggregate_aij([E1, E2, E3], w), "geomean").weights
    assert aip.weights == pytest.approx(aij, abs=1e-12)


def test_aip_keeps_tiny_priorities_and_sums_to_one():
    from coopselect.pairwise.group import aggregate_aip

    v = [np.array([1 - 2e-300, 1e-300, 1e-300]), np.array([0.5, 0.25, 0.25])]
    got = aggregate_aip(v, np.array([0.5, 0.5]))
    assert got.sum() == pytest.approx(1.0)
    assert np.all(got > 0)
    assert got[1] == pytest.approx(got[2])
