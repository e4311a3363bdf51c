"""Priorities and consistency against published worked examples."""

from __future__ import annotations

import numpy as np
import pytest
from published import (
    DRINKS,
    DRINKS_LABELS,
    DRINKS_PUBLISHED,
    HOUSE_CI,
    HOUSE_CR,
    HOUSE_CRITERIA,
    HOUSE_CRITERIA_MATRIX,
    HOUSE_CRITERIA_PUBLISHED,
    HOUSE_LAMBDA,
)

from coopselect.ahp import AhpResult, parse_matrix, priorities


def test_saaty_2008_drinks_eigenvector():
    """Saaty (2008) Int. J. Services Sciences 1(1) 83-98, Table 2: drinks consumed in the US.

    Published eigenvector to 3 decimals; the matrix is consistent (CR < 0.10)."""
    m = parse_matrix(DRINKS, DRINKS_LABELS)
    res = priorities(m)
    assert isinstance(res, AhpResult)
    assert res.weights == pytest.approx(DRINKS_PUBLISHED, abs=5e-4)
    assert res.weights.sum() == pytest.approx(1.0)
    assert res.consistent and res.cr < 0.10
    assert res.most_inconsistent is None


def test_saaty_1990_house_criteria_inconsistent():
    """Saaty (1990) EJOR 48, 9-26, Table 2 (buying a house): published priorities, lambda_max
    9.669, C.I. 0.238, C.R. 0.169 - an inconsistent matrix (CR > 0.10)."""
    m = parse_matrix(HOUSE_CRITERIA_MATRIX, HOUSE_CRITERIA)
    res = priorities(m, method="eigen", ri="saaty1980")
    assert res.weights == pytest.approx(HOUSE_CRITERIA_PUBLISHED, abs=5e-4)
    assert res.lambda_max == pytest.approx(HOUSE_LAMBDA, abs=5e-4)
    assert res.ci == pytest.approx(HOUSE_CI, abs=5e-4)
    assert res.cr == pytest.approx(HOUSE_CR, abs=5e-4)
    assert res.ri == 1.41 and res.ri_table == "saaty1980"
    assert not res.consistent
    worst = res.most_inconsistent
    assert worst is not None
    # Independent check of the worst judgment: recompute every epsilon by hand.
    w = res.weights
    best = max(
        ((i, j) for i in range(8) for j in range(i + 1, 8)),
        key=lambda ij: max(m[ij] * w[ij[1]] / w[ij[0]], w[ij[0]] / (m[ij] * w[ij[1]])),
    )
    assert (worst.row, worst.col) == best
    assert worst.suggested == pytest.approx(w[best[0]] / w[best[1]])
    assert worst.epsilon == pytest.approx(m[best] * w[best[1]] / w[best[0]])
    # neighborhood vs condition = 6 contradicts the weights (0.188 vs 0.167)
    assert (HOUSE_CRITERIA[worst.row], HOUSE_CRITERIA[worst.col]) == ("neighborhood", "condition")
    assert worst.suggested_saaty == "1"


@pytest.mark.parametrize("method", ["eigen", "geomean", "approx"])
def test_methods_agree_with_independent_computation(method):
    """No published numbers for the other methods on this matrix: checked against a direct
    computation (numpy eig / product of rows / column normalisation) written here."""
    m = parse_matrix(DRINKS, DRINKS_LABELS)
    res = priorities(m, method=method)
    if method == "eigen":
        vals, vecs = np.linalg.eig(m)
        v = np.abs(vecs[:, np.argmax(vals.real)].real)
        expected = v / v.sum()
    elif method == "geomean":
        g = np.prod(m, axis=1) ** (1 / 7)
        expected = g / g.sum()
    else:
        expected = (m / m.sum(axis=0)).sum(axis=1) / 7
    assert res.weights == pytest.approx(expected, abs=1e-10)
    assert res.priority_method == method
    # lambda_max is the principal eigenvalue whatever the weights
    assert res.lambda_max == pytest.approx(max(np.linalg.eigvals(m).real), abs=1e-9)


def test_power_iteration_matches_eigen():
    """Independent check: power iteration by hand on the house criteria matrix."""
    m = parse_matrix(HOUSE_CRITERIA_MATRIX, HOUSE_CRITERIA)
    v = np.ones(8)
    for _ in range(200):
        v = m @ v
        v /= v.sum()
    assert priorities(m).weights == pytest.approx(v, abs=1e-10)


@pytest.mark.parametrize("n", [1, 2])
def test_small_matrices_consistent_by_definition(n):
    m = parse_matrix([[1, 4], ["1/4", 1]], ["a", "b"]) if n == 2 else np.ones((1, 1))
    res = priorities(m)
    assert res.cr == 0.0 and res.consistent and res.most_inconsistent is None
    assert res.weights.sum() == pytest.approx(1.0)
    if n == 2:
        assert res.weights == pytest.approx([0.8, 0.2])


def test_result_is_frozen():
    res = priorities(np.ones((3, 3)))
    with pytest.raises(AttributeError):
        res.cr = 1.0  # type: ignore[misc]
