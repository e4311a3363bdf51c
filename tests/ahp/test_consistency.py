"""Random-index tables and the worst judgment."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from coopselect.ahp import RI_TABLE_NAMES, RI_TABLES, nearest_saaty, priorities, random_index
from coopselect.errors import CoopselectError
from coopselect.pairwise.consistency import alonso_lamata_ri, most_inconsistent


def test_saaty_1980_table():
    """Saaty (1980) The Analytic Hierarchy Process, McGraw-Hill: RI for n = 1..10."""
    assert RI_TABLES["saaty1980"] == (0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49)


def test_saaty_2005_table():
    """Saaty (2005) / Saaty & Tran (2007) Math. Comput. Modelling 46, 962-975: n = 3..15."""
    assert RI_TABLES["saaty2005"][2:] == pytest.approx(
        [0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59]
    )


def test_donegan_dodd_table():
    """Donegan & Dodd (1991) Math. Comput. Modelling 15(10), 135-137, n = 3..15, as reproduced
    by PhilipGriffith/AHPy ('dd' random index)."""
    assert RI_TABLES["donegan-dodd"][2:] == pytest.approx(
        [0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213, 1.4497,
         1.4643, 1.4822, 1.4969]
    )  # fmt: skip


def test_tummala_ling_table():
    """Tummala & Ling (1998) Theory and Decision 44, 221-230, n = 3..15, as reproduced by
    kotbaton/pymcdm (AHP.RI_M)."""
    assert RI_TABLES["tummala-ling"][2:] == pytest.approx(
        [0.5799, 0.8921, 1.1159, 1.2358, 1.3322, 1.3952, 1.4537, 1.4882, 1.5117, 1.5356,
         1.5571, 1.5714, 1.5831]
    )  # fmt: skip


def test_alonso_lamata_coefficients():
    """Alonso & Lamata (2006): mean random lambda_max = 2.7699 n - 4.3513, so
    RI(n) = (lambda_max - n) / (n - 1) (coefficients as in gluc/ahp R/ahp_functions.R)."""
    for n in range(3, 40):
        assert alonso_lamata_ri(n) == pytest.approx((2.7699 * n - 4.3513 - n) / (n - 1))
    assert alonso_lamata_ri(2) == 0.0 and alonso_lamata_ri(1) == 0.0


@pytest.mark.parametrize("table", RI_TABLE_NAMES)
def test_every_table_is_increasing_and_named(table):
    values = [random_index(n, table)[0] for n in range(1, 31)]
    assert values[:2] == [0.0, 0.0]
    assert all(b >= a for a, b in itertools.pairwise(values))


def test_above_the_table_uses_alonso_lamata_not_index_error():
    ri, name = random_index(11, "saaty1980")
    assert name == "saaty1980+alonso-lamata"
    assert ri == pytest.approx((1.7699 * 11 - 4.3513) / 10)
    m = np.ones((20, 20))
    m[0, 1], m[1, 0] = 3.0, 1 / 3
    res = priorities(m)
    assert res.ri_table == "saaty1980+alonso-lamata" and res.ri == alonso_lamata_ri(20)


def test_alonso_lamata_near_saaty_for_small_n():
    """Sanity check, not a published number: the linear fit stays within 0.02 of the independent
    saaty2005 simulation for n = 4..15 (it is a fit, poorer at n = 3)."""
    for n in range(4, 16):
        assert abs(alonso_lamata_ri(n) - RI_TABLES["saaty2005"][n - 1]) < 0.02


def test_unknown_table():
    with pytest.raises(CoopselectError, match="unknown random-index table"):
        random_index(3, "nope")


@pytest.mark.parametrize(
    ("value", "point"), [(1.13, "1"), (2.9, "3"), (0.34, "1/3"), (20.0, "9"), (0.01, "1/9")]
)
def test_nearest_saaty(value, point):
    assert str(nearest_saaty(value)) == point


def test_worst_judgment_is_the_planted_error():
    """Independent construction: a consistent matrix from w with one judgment spoiled; the
    spoiled cell must be the worst, and the suggestion must move it back towards w_i/w_j."""
    w = np.array([0.4, 0.3, 0.2, 0.1])
    m = w[:, None] / w[None, :]
    m[0, 3], m[3, 0] = 1 / 4, 4.0  # should be 4
    res = priorities(m)
    worst = most_inconsistent(m, res.weights)
    assert (worst.row, worst.col) == (0, 3)
    assert worst.epsilon < 1 and worst.suggested > worst.a_ij
    assert res.cr > 0.10 and res.most_inconsistent == worst
