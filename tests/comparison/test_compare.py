"""Several methods on one matrix: rank table, agreement matrices, method-dependent alternatives."""

from __future__ import annotations

import numpy as np
import pytest

from coopselect.comparison import agreement, compare_methods, parse_methods
from coopselect.domain.decision import DecisionMatrix
from coopselect.errors import CoopselectError
from coopselect.messages import render
from coopselect.methods import run_method

# Roszkowska (2011) example 1 (see tests/methods/test_topsis_reference.py for the citation).
DM = DecisionMatrix(
    ("A1", "A2", "A3", "A4", "A5"),
    ("C1", "C2", "C3", "C4"),
    np.array([[7, 21, 4, 7], [7, 24, 6, 4], [14, 25, 3, 8], [14, 26, 9, 3], [21, 35, 4, 4]], float),
    np.array([0.175, 0.425, 0.175, 0.225]),
    np.array([1, -1, 1, 1]),
)


def test_each_method_ranked_as_it_would_be_alone():
    comp = compare_methods(DM, ["topsis", "wsm"], {"wsm": {"normalization": "minmax"}})
    alone = run_method("wsm", DM.matrix, DM.weights, DM.types, normalization="minmax")
    assert comp.ranks("wsm").tolist() == alone.ranks.tolist()
    assert comp.ranks("topsis").tolist() == [2, 4, 1, 3, 5]  # the published TOPSIS ranking


def test_agreement_matrix_matches_the_pairwise_coefficients():
    comp = compare_methods(DM, ["topsis", "wsm"])
    direct = agreement(comp.ranks("topsis"), comp.ranks("wsm"))
    reverse = agreement(comp.ranks("wsm"), comp.ranks("topsis"))
    for coef, value in direct.items():
        assert comp.agreement[coef][0, 1] == pytest.approx(value)
        assert comp.agreement[coef][1, 0] == pytest.approx(reverse[coef])
        assert comp.agreement[coef][0, 0] == 1.0


def test_method_dependent_alternatives_are_exactly_those_whose_rank_differs():
    comp = compare_methods(DM, ["topsis", "wsm"])
    a, b = comp.ranks("topsis"), comp.ranks("wsm")
    expected = {DM.alternatives[i] for i in range(5) if a[i] != b[i]}
    assert {name for name, _ in comp.method_dependent} == expected
    doc = comp.to_dict()
    assert doc["methods"] == ["topsis", "wsm"]
    assert set(doc["agreement"]) == {"spearman", "weighted_spearman", "ws", "kendall"}


def test_a_method_that_ties_everything_gives_a_gap_not_a_number():
    flat = DecisionMatrix(("A", "B", "C"), ("x",), np.array([[1.0], [1.0], [1.0]]), [1.0], [1])
    comp = compare_methods(flat, ["topsis", "wsm"])
    assert np.isnan(comp.agreement["spearman"][0, 1])
    assert any("undefined" in render(n, "en") for n in comp.notes)
    assert (
        comp.to_dict()["agreement"]["spearman"][0][1]
        != comp.to_dict()["agreement"]["spearman"][0][1]
    )  # NaN in the arrays; the CLI's JSON writer turns it into null


@pytest.mark.parametrize(
    ("text", "msg"),
    [("topsis", "at least two"), ("topsis,nope", "unknown method"), ("wsm,wsm", "twice")],
)
def test_parse_methods_errors(text, msg):
    with pytest.raises(CoopselectError, match=msg):
        parse_methods(text)
