"""Incomplete matrices.

No published incomplete example could be confirmed in this session (Harker 1987 and Bozoki,
Fulop & Ronyai 2010 were not at hand), so these tests check the defining properties with
independent computations written here: Harker's matrix C built by hand and power-iterated, the
LLSM normal equations solved as an ordinary least-squares problem on the pairs, and exact
recovery of a consistent matrix with judgments removed.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from coopselect.ahp import parse_matrix, priorities
from coopselect.errors import CoopselectError
from coopselect.pairwise.completion import components

LABELS = ["K", "M", "I", "C"]
ROWS = [[1, 3, "?", 5], ["1/3", 1, 2, "?"], ["?", "1/2", 1, 3], ["1/5", "?", "1/3", 1]]


def test_harker_eigenvector_independent_power_iteration():
    m = parse_matrix(ROWS, LABELS)
    c = np.array(
        [[2, 3, 0, 5], [1 / 3, 2, 2, 0], [0, 1 / 2, 2, 3], [1 / 5, 0, 1 / 3, 2]], dtype=float
    )  # Harker (1987): 0 for missing, 1 + (missing in row) on the diagonal
    v = np.ones(4)
    for _ in range(500):
        v = c @ v
        v /= v.sum()
    res = priorities(m, "eigen")
    assert res.weights == pytest.approx(v, abs=1e-10)
    filled = {(f.row, f.col): f.value for f in res.completed}
    assert set(filled) == {(0, 2), (1, 3)}
    assert filled[(0, 2)] == pytest.approx(v[0] / v[2])
    assert filled[(1, 3)] == pytest.approx(v[1] / v[3])
    # the completed matrix has w as its principal eigenvector
    vals, vecs = np.linalg.eig(res.matrix)
    e = np.abs(vecs[:, np.argmax(vals.real)].real)
    assert res.weights == pytest.approx(e / e.sum(), abs=1e-10)


@pytest.mark.parametrize("method", ["geomean", "approx"])
def test_llsm_completion_independent_least_squares(method):
    m = parse_matrix(ROWS, LABELS)
    pairs = [(i, j) for i in range(4) for j in range(i + 1, 4) if not math.isnan(m[i, j])]
    a = np.zeros((len(pairs) + 1, 4))
    b = np.zeros(len(pairs) + 1)
    for k, (i, j) in enumerate(pairs):
        a[k, i], a[k, j], b[k] = 1.0, -1.0, math.log(m[i, j])
    a[-1] = 1.0
    y = np.linalg.lstsq(a, b, rcond=None)[0]
    res = priorities(m, method)
    filled = {(f.row, f.col): f.value for f in res.completed}
    assert filled[(0, 2)] == pytest.approx(math.exp(y[0] - y[2]))
    assert filled[(1, 3)] == pytest.approx(math.exp(y[1] - y[3]))
    if method == "geomean":
        g = np.exp(y)
        assert res.weights == pytest.approx(g / g.sum())


@pytest.mark.parametrize("method", ["eigen", "geomean", "approx"])
def test_consistent_matrix_with_gaps_is_recovered(method):
    w = np.array([0.5, 0.25, 0.15, 0.07, 0.03])
    m = w[:, None] / w[None, :]
    for i, j in [(0, 2), (1, 4), (0, 4), (2, 3)]:
        m[i, j] = m[j, i] = np.nan
    res = priorities(m, method)
    assert res.weights == pytest.approx(w, abs=1e-10)
    assert res.cr == pytest.approx(0.0, abs=1e-9) and len(res.completed) == 4


def test_disconnected_judgments_are_refused_naming_the_groups():
    m = parse_matrix(
        [[1, 2, "?", "?"], ["1/2", 1, "?", "?"], ["?", "?", 1, 3], ["?", "?", "1/3", 1]], LABELS
    )
    assert components(m) == [[0, 1], [2, 3]]
    with pytest.raises(CoopselectError) as info:
        priorities(m, labels=LABELS, file="f.toml")
    text = str(info.value)
    assert "{K, M}" in text and "{I, C}" in text and "f.toml" in text and "Fix:" in text
