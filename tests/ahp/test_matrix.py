"""Parsing and validation of pairwise matrices."""

from __future__ import annotations

import math

import numpy as np
import pytest

from coopselect.ahp import parse_matrix, scale_warnings
from coopselect.errors import CoopselectError

L3 = ["a", "b", "c"]


def test_full_matrix_with_fractions_and_missing():
    m = parse_matrix([[1, 3, "?"], ["1/3", 1, "2/4"], ["?", 2, 1]], L3)
    assert m[0, 1] == 3 and m[1, 0] == pytest.approx(1 / 3)
    assert m[1, 2] == 0.5 and math.isnan(m[0, 2]) and math.isnan(m[2, 0])


@pytest.mark.parametrize(
    "rows",
    [
        [[3, "1/5"], [2]],  # strict upper triangle, last row omitted
        [[3, "1/5"], [2], []],  # strict upper triangle with an empty last row
        [[1, 3, "1/5"], [1, 2], [1]],  # upper triangle with the diagonal
    ],
)
def test_upper_triangle_is_completed(rows):
    m = parse_matrix(rows, L3)
    full = parse_matrix([[1, 3, "1/5"], ["1/3", 1, 2], [5, "1/2", 1]], L3)
    assert m == pytest.approx(full)


def test_rounded_reciprocal_accepted_and_made_exact():
    m = parse_matrix([[1, 3, 0.11], [0.33, 1, 1], [9, 1, 1]], L3)
    assert m[1, 0] == pytest.approx(1 / 3, abs=1e-15)  # the entry >= 1 is kept exactly
    assert m[0, 2] == pytest.approx(1 / 9, abs=1e-15)
    assert np.allclose(m * m.T, 1.0)


def test_outside_saaty_scale_is_allowed_with_a_warning():
    m = parse_matrix([[1, 12], ["1/12", 1]], ["a", "b"])
    warnings = scale_warnings(m, ["a", "b"], file="x.toml")
    assert len(warnings) == 1
    assert "x.toml" in warnings[0] and "'a'" in warnings[0] and "'b'" in warnings[0]


def _err(rows, labels=L3) -> str:
    with pytest.raises(CoopselectError) as info:
        parse_matrix(rows, labels, file="f.toml", place="matrix")
    text = str(info.value)
    assert text.startswith("f.toml: matrix") and "Fix:" in text and "\n" not in text
    return text


@pytest.mark.parametrize(
    ("rows", "cell", "words"),
    [
        ([[1, "x", 1], [1, 1, 1], [1, 1, 1]], "row 'a', column 'b'", "not a number"),
        ([[1, -2, 1], [1, 1, 1], [1, 1, 1]], "row 'a', column 'b'", "positive"),
        ([[1, 0, 1], [1, 1, 1], [1, 1, 1]], "row 'a', column 'b'", "positive"),
        ([[1, math.inf, 1], [1, 1, 1], [1, 1, 1]], "row 'a', column 'b'", "finite"),
        ([[1, "1/0", 1], [1, 1, 1], [1, 1, 1]], "row 'a', column 'b'", "fraction"),
        ([[1, True, 1], [1, 1, 1], [1, 1, 1]], "row 'a', column 'b'", "not a number"),
        ([[1, 1, 1], [1, 2, 1], [1, 1, 1]], "row 'b', column 'b'", "diagonal"),
        ([[1, 3, 1], [3, 1, 1], [1, 1, 1]], "row 'b', column 'a'", "not reciprocal"),
        ([[1, "?", 1], [1, 1, 1], [1, 1, 1]], "row 'a', column 'b'", "one side"),
    ],
)
def test_bad_cells_name_file_cell_and_fix(rows, cell, words):
    text = _err(rows)
    assert cell in text and words in text


def test_wrong_shape():
    assert "3 rows of 3" in _err([[1, 2, 3], [1, 1]])


def test_labels_must_be_distinct():
    with pytest.raises(CoopselectError, match="appears twice"):
        parse_matrix([[1, 1], [1, 1]], ["a", "a"], file="f.toml")
