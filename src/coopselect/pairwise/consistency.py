"""Random-index tables, consistency ratio and the most inconsistent judgment.

RI(n) is the mean consistency index (lambda_max - n) / (n - 1) of random reciprocal matrices of
order n, estimated by simulation; every table below names its source. For n beyond a table the
Alonso & Lamata (2006) linear fit of the random lambda_max is used (see :func:`random_index`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from coopselect.errors import CoopselectError

CR_THRESHOLD = 0.10

# Random consistency indices by matrix order n (index 0 is n = 1).
#
# Verification status (checked against public material that reproduces the papers; the papers
# themselves were not read, and "file id" below is the search-index id of a public repository file
# whose repository name the index did not report):
#   saaty1980     confirmed: Valdecy/pyDecision pyDecision/algorithm/ahp.py (n = 3..9) and a public
#                 AHP selftest, file id 60938422884 ("Random index table (Saaty 1980), n = 1..10").
#   saaty2005     confirmed: PhilipGriffith/AHPy src/ahpy/ahpy.py and README.md ("Saaty's Theory And
#                 Applications Of The Analytic Network Process, RWS Publications, 2005, p. 31");
#                 frankiecho/ahpsurvey R/ahp_cr.R (citing Saaty & Tran 2007). The page was
#                 previously given here as p. 6; AHPy gives p. 31.
#   donegan-dodd  corrected at n = 3, 4 (0.4887 -> 0.4914, 0.8045 -> 0.8286); n = 5..15 confirmed.
#                 One source: PhilipGriffith/AHPy src/ahpy/ahpy.py ('dd' table, citing Donegan &
#                 Dodd 1991, DOI 10.1016/0895-7177(91)90098-R), identical in ahpy/ahpy.py.
#   tummala-ling  corrected, every value: the former 0.500, 0.834, 1.046, ... was found nowhere.
#                 Source: kotbaton/pymcdm pymcdm/weights/subjective/ahp.py (RI_M, citing
#                 Tummala & Ling 1998, Theory and Decision 44(3), 221-230). Disagreement on
#                 attribution: public Java code (file ids 10107562625, 10164881918) holds the
#                 same numbers under the name "uppuluri" with a comment citing Alonso & Lamata
#                 (2006); no source gives other numbers for Tummala & Ling.
#   alonso-lamata formula confirmed, see alonso_lamata_ri().
RI_TABLES: dict[str, tuple[float, ...]] = {
    # Saaty, T.L. (1980) The Analytic Hierarchy Process. McGraw-Hill, n = 1..10.
    "saaty1980": (0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49),
    # Saaty, T.L. (2005) Theory and Applications of the Analytic Network Process. RWS
    # Publications, p. 31 (also Saaty & Tran 2007, Math. Comput. Modelling 46, 962-975), n = 1..15.
    "saaty2005": (
        0.0, 0.0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59,
    ),
    # Donegan, H.A. & Dodd, F.J. (1991) A note on Saaty's random indexes. Math. Comput.
    # Modelling 15(10), 135-137, n = 1..15 (values as in PhilipGriffith/AHPy, see above).
    "donegan-dodd": (
        0.0, 0.0, 0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055,
        1.4213, 1.4497, 1.4643, 1.4822, 1.4969,
    ),
    # Tummala, V.M.R. & Ling, H. (1998) A note on the computation of the mean random
    # consistency index of the AHP. Theory and Decision 44, 221-230, n = 1..15 (values as in
    # kotbaton/pymcdm, see above; attributed to Uppuluri by other public code).
    "tummala-ling": (
        0.0, 0.0, 0.5799, 0.8921, 1.1159, 1.2358, 1.3322, 1.3952, 1.4537, 1.4882,
        1.5117, 1.5356, 1.5571, 1.5714, 1.5831,
    ),
}  # fmt: skip


def alonso_lamata_ri(n: int) -> float:
    """RI(n) from Alonso & Lamata (2006), Int. J. Uncertainty, Fuzziness and Knowledge-Based
    Systems 14(4), 445-459: the mean random lambda_max fits 2.7699 n - 4.3513, hence
    RI(n) = (1.7699 n - 4.3513) / (n - 1); 0 for n <= 2.

    Coefficients confirmed in public code citing the paper: gluc/ahp R/ahp_functions.R (commit
    829634c, "(1.7699*n-4.3513)/(n-1.0)", used there for n >= 16) and several C++/Python files
    stating "~Lambda_max = 2.7699*n-4.3513" (e.g. file ids 44414473328, 11045978405). The paper's
    simulated table (not used here) is given by gluc/ahp as 0.5247, 0.8816, 1.1086, 1.2479,
    1.3417, 1.4057, 1.4499, 1.4854, 1.5140, 1.5365, 1.5551, 1.5713, 1.5838 for n = 3..15 (same in
    two Java and one Python file); one R file (file id 46891075436, "100,000 matrices") gives
    0.5245, 0.8815, 1.4056 and 1.5141 at n = 3, 4, 8, 11 instead, and two partial tables in other
    public code agree with it at n = 3, 4, 8.
    """
    if n <= 2:
        return 0.0
    return (1.7699 * n - 4.3513) / (n - 1)


RI_TABLE_NAMES: tuple[str, ...] = (*RI_TABLES, "alonso-lamata")


def random_index(n: int, table: str = "saaty1980") -> tuple[float, str]:
    """RI for order ``n`` and the source actually used.

    Above the last order of a table, the Alonso & Lamata (2006) formula is used and the source
    reads e.g. ``"saaty1980+alonso-lamata"`` (never an IndexError).
    """
    if table == "alonso-lamata":
        return alonso_lamata_ri(n), table
    if table not in RI_TABLES:
        raise CoopselectError(
            f"unknown random-index table {table!r}.",
            place="--ri",
            fix=f"use one of {', '.join(RI_TABLE_NAMES)}.",
        )
    values = RI_TABLES[table]
    if n <= len(values):
        return values[n - 1], table
    return alonso_lamata_ri(n), f"{table}+alonso-lamata"


@dataclass(frozen=True)
class Inconsistency:
    """The judgment that departs most from the weights.

    ``epsilon`` is a_ij * w_j / w_i (1 when the judgment agrees with the weights); the worst
    judgment maximises max(epsilon, 1/epsilon). ``suggested`` is w_i / w_j, the value that agrees
    with the weights; ``suggested_saaty`` is that value rounded to the nearest point of Saaty's
    1/9..9 scale (nearest on a log scale).
    """

    row: int
    col: int
    a_ij: float
    epsilon: float
    suggested: float
    suggested_saaty: str


# Saaty's fundamental scale: the reciprocals 1/9 .. 1/2, then 1 .. 9 (1 appears once). The one
# definition of the scale (the app steps along it, the worst judgment is rounded to it).
SAATY: tuple[Fraction, ...] = tuple(
    [Fraction(1, k) for k in range(9, 1, -1)] + [Fraction(k) for k in range(1, 10)]
)


def nearest_saaty(value: float) -> Fraction:
    """The point of Saaty's scale nearest to ``value`` in log terms (``str()`` of it reads "1/3"
    or "3", as judgments are written)."""
    x = math.log(max(float(value), 1e-12))
    return min(SAATY, key=lambda s: abs(math.log(float(s)) - x))


def most_inconsistent(matrix: np.ndarray, weights: np.ndarray) -> Inconsistency:
    """The judgment a_ij (i < j) whose epsilon_ij = a_ij w_j / w_i is furthest from 1."""
    m = np.asarray(matrix, dtype=float)
    w = np.asarray(weights, dtype=float)
    eps = m * w[None, :] / w[:, None]
    dev = np.triu(np.maximum(eps, 1.0 / eps), 1)
    i, j = (int(k) for k in np.unravel_index(int(np.argmax(dev)), dev.shape))
    suggested = float(w[i] / w[j])
    return Inconsistency(
        i, j, float(m[i, j]), float(eps[i, j]), suggested, str(nearest_saaty(suggested))
    )


def consistency_index(lambda_max: float, n: int) -> float:
    """CI = (lambda_max - n) / (n - 1), 0 for n <= 2 (rounding can give tiny negatives: 0)."""
    if n <= 2:
        return 0.0
    return max(0.0, (lambda_max - n) / (n - 1))
