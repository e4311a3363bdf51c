"""Stand-ins for coopselect.ahp and coopselect.methods while those packages are not there yet.

Installed by conftest only when the real modules cannot be imported, so the app tests can run in a
tree where the AHP engine or the methods registry has not landed. With the real packages present
this file is unused.
"""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass, field

import numpy as np

RI = {1: 0.0, 2: 0.0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49}


@dataclass
class _Worst:
    row: int
    col: int
    a_ij: float
    epsilon: float
    suggested: float


@dataclass
class _Priorities:
    weights: np.ndarray
    cr: float
    lambda_max: float
    consistent: bool
    most_inconsistent: _Worst | None
    completed: tuple = ()


def priorities(matrix, method="eigen", ri="saaty1980"):
    a = np.array(matrix, dtype=float)
    a[np.isnan(a)] = 1.0
    vals, vecs = np.linalg.eig(a)
    k = int(np.argmax(vals.real))
    w = np.abs(vecs[:, k].real)
    w = w / w.sum()
    n = len(a)
    lam = float(vals[k].real)
    ci = (lam - n) / (n - 1) if n > 1 else 0.0
    cr = ci / RI[n] if RI.get(n) else 0.0
    worst = None
    best = -1.0
    for i in range(n):
        for j in range(i + 1, n):
            eps = a[i, j] * w[j] / w[i]
            if abs(np.log(eps)) > best:
                best = abs(np.log(eps))
                worst = _Worst(i, j, float(a[i, j]), float(eps), float(w[i] / w[j]))
    return _Priorities(w, float(cr), lam, cr <= 0.1, worst)


@dataclass
class _Result:
    scores: np.ndarray
    ranks: np.ndarray
    higher_is_better: bool = True
    extras: dict = field(default_factory=dict)
    notes: tuple = ()


def run_method(name, matrix, weights, types_, **params):
    m = np.asarray(matrix, dtype=float)
    norm = m / np.sqrt((m**2).sum(axis=0))
    v = norm * np.asarray(weights)
    t = np.asarray(types_)
    ideal = np.where(t > 0, v.max(axis=0), v.min(axis=0))
    anti = np.where(t > 0, v.min(axis=0), v.max(axis=0))
    dp = np.sqrt(((v - ideal) ** 2).sum(axis=1))
    dm = np.sqrt(((v - anti) ** 2).sum(axis=1))
    s = dm / (dp + dm)
    if name == "wsm":
        s = v.sum(axis=1)
    order = np.argsort(-s, kind="stable")
    ranks = np.empty(len(s), dtype=int)
    ranks[order] = np.arange(1, len(s) + 1)
    return _Result(s, ranks, True, {"weighted": v, "ideal": ideal, "anti_ideal": anti})


def available_methods():
    return ["topsis", "wsm"]


def install() -> bool:
    """Install the stand-ins where the real modules are missing; True if any was installed."""
    installed = False
    try:
        from coopselect.ahp import priorities as _p  # noqa: F401
    except ImportError:
        mod = types.ModuleType("coopselect.ahp")
        mod.priorities = priorities
        sys.modules["coopselect.ahp"] = mod
        installed = True
    try:
        from coopselect.methods import run_method as _r  # noqa: F401
    except ImportError:
        mod = types.ModuleType("coopselect.methods")
        mod.run_method = run_method
        mod.available_methods = available_methods
        sys.modules["coopselect.methods"] = mod
        installed = True
    return installed
