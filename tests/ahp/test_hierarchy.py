"""Hierarchy synthesis against Saaty (1990) and the global_weights helper."""

from __future__ import annotations

import pytest
from published import (
    HOUSE_ALTERNATIVES,
    HOUSE_CRITERIA,
    HOUSE_CRITERIA_MATRIX,
    HOUSE_GLOBAL_PUBLISHED,
    HOUSE_LOCAL_PUBLISHED,
    HOUSES,
)

from coopselect.ahp import parse_matrix
from coopselect.ahp.hierarchy import global_weights, hierarchy_priorities, ranks_of
from coopselect.errors import CoopselectError


def test_saaty_1990_house_global_priorities():
    """Saaty (1990) EJOR 48, 9-26, buying a house: overall priorities A 0.396, B 0.341,
    C 0.263 from Table 2 (criteria) and Table 3 (houses under each criterion)."""
    res = hierarchy_priorities(
        HOUSE_CRITERIA,
        parse_matrix(HOUSE_CRITERIA_MATRIX, HOUSE_CRITERIA),
        HOUSES,
        {c: parse_matrix(HOUSE_ALTERNATIVES[c], HOUSES) for c in HOUSE_CRITERIA},
    )
    assert res.global_weights == pytest.approx(HOUSE_GLOBAL_PUBLISHED, abs=5e-4)
    assert res.ranks == [1, 2, 3]
    assert res.local["size"].weights == pytest.approx([0.754, 0.181, 0.065], abs=5e-4)
    assert res.local["age"].weights == pytest.approx([1 / 3] * 3)


@pytest.mark.parametrize("criterion", list(HOUSE_LOCAL_PUBLISHED))
def test_saaty_1990_house_local_priorities(criterion):
    """Each 3x3 house matrix reproduces the local priorities published in Saaty (1990)
    Table 4 (three decimals; 0.0015 allows for the paper's rounding, e.g. Financing B .650
    against 0.6491)."""
    res = hierarchy_priorities(
        HOUSE_CRITERIA,
        parse_matrix(HOUSE_CRITERIA_MATRIX, HOUSE_CRITERIA),
        HOUSES,
        {c: parse_matrix(HOUSE_ALTERNATIVES[c], HOUSES) for c in HOUSE_CRITERIA},
    )
    assert res.local[criterion].weights == pytest.approx(
        HOUSE_LOCAL_PUBLISHED[criterion], abs=1.5e-3
    )


def test_global_weights_two_levels():
    tree = {
        "goal": {"political": 0.6, "economic": 0.4},
        "political": {"stability": 0.7, "law": 0.3},
    }
    out = global_weights(tree)
    assert out == pytest.approx({"stability": 0.42, "law": 0.18, "economic": 0.4})
    assert list(out) == ["stability", "law", "economic"]
    assert sum(out.values()) == pytest.approx(1.0)


def test_global_weights_refuses_bad_sums_and_cycles():
    with pytest.raises(CoopselectError, match=r"sum to 0\.9"):
        global_weights({"goal": {"a": 0.5, "b": 0.4}})
    with pytest.raises(CoopselectError, match="one root"):
        global_weights({"a": {"b": 1.0}, "b": {"a": 1.0}})


def test_ranks_ties_share():
    assert ranks_of([0.2, 0.5, 0.2, 0.1]) == [2, 1, 2, 4]
