"""Name -> method. Every method takes ``(matrix, weights, types, **params)``.

Platform independence: ``REL_TOL``. Values that are equal in exact arithmetic can differ in the
last bit from one machine to another (OpenBLAS picks its kernels by CPU, ``OPENBLAS_CORETYPE``; the
order of a sum changes its rounding), and every method that compares a difference with a threshold
(PROMETHEE's ``d > 0`` and ``d > q``, VIKOR's conditions, EDAS's distance from the average,
MABAC's border, a column's range of zero) would turn such a 1e-16 difference into a full
preference or a full range. So, in those comparisons and in :func:`rank_scores`, two numbers
``a`` and ``b`` count as equal when

    |a - b| <= REL_TOL * max(|a|, |b|, scale),   REL_TOL = 1e-9,

where ``scale`` is the range of the column (or of the scores) they come from, so that values
that cancel to about zero (``1 - 0.7 * 10/7`` against ``0``) still match. 1e-9 is
``math.isclose``'s default: about 4.5 million times the double-precision rounding unit (2.2e-16),
so the rounding noise of thousands of operations stays far inside it, while two values are merged
only when they differ by less than a billionth of the larger of them (or of their column's range):
inputs given to 8 significant digits or fewer are never merged with a different one. Scores equal
within it are a tie, ranked in input order.

Why the twelve methods are implemented here rather than wrapped from pymcdm (the one place this
is written down). pymcdm is the peer library: its other methods run through this registry as
``pymcdm:<name>`` (:mod:`coopselect.methods.peer`), and it is the test oracle: wherever both
compute the same thing, ``tests/methods`` cross-checks the scores. The twelve are not taken from
it because

* importing pymcdm costs about a second and pulls in matplotlib, which ``coopselect rank`` must
  avoid (``tests/test_startup_imports.py``);
* it validates its input on every call, which is slow in Monte-Carlo loops (SMAA, sensitivity);
* it returns the final preference only, not what the reports explain (VIKOR's S, R and
  compromise set, PROMETHEE II's flows, WASPAS's two parts, COPRAS's utility);
* its degenerate cases end in ``ValueError`` or NaN, not in a documented rule or an error naming
  the row and criterion; and some of its formulas differ (pymcdm 1.4.0):

  - TOPSIS: min-max normalisation by default, not the original's vector normalisation.
  - VIKOR: ``ValueError`` on a constant column; NaN in Q when all S or all R are equal.
  - PROMETHEE II: one preference function for all criteria, no Gaussian function, thresholds not
    checked (a missing q is a ``TypeError`` deep inside numpy), and an instance built with
    per-criterion thresholds works only once (a generator the first call exhausts). The flows
    agree where both apply (one function on every criterion, types I to V).
  - COPRAS: drifted from the standard formula. ``Q = Sp + (min(Sm) * Sm) / (Sm * (min(Sm) /
    Sm))`` element-wise, without the sums over the alternatives, simplifies to ``Q = Sp + Sm``:
    cost criteria raise Q as benefits do. It also refuses data without a cost criterion. The
    tests show the difference on a published example.
  - SPOTIS: needs every criterion's bounds up front (no fallback to the data) and refuses a
    bounds row with min == max, so ``SPOTIS.make_bounds`` fails on data with a constant column.
  - EDAS: NaN when a column's average is 0 or when max SP or max SN is 0.
  - ARAS: its sum normalisation refuses any zero, also in benefit columns.
  - MOORA: ``ValueError`` when every criterion is a benefit (the ratio system is defined then).
  - WPM: ``ValueError``, not a located error, on values <= 0; the same ranks otherwise, and the
    same scores with its ``linear_normalization``.
  - MABAC, WASPAS: the same formula and scores (cross-checked); only the reasons above apply.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from coopselect.errors import CoopselectError

if TYPE_CHECKING:
    from coopselect.methods.result import MethodResult

REL_TOL = 1e-9
"""Relative tolerance below which two values count as equal (see the module docstring)."""


def noise_floor(*magnitudes) -> np.ndarray | float:
    """``REL_TOL`` times the largest absolute value of ``magnitudes`` (element-wise, broadcast):
    a difference at most this large is rounding noise."""
    top = 0.0
    for value in magnitudes:
        top = np.maximum(top, np.abs(value))
    return REL_TOL * top


def nearly_equal(a, b, scale=0.0) -> np.ndarray | bool:
    """``|a - b| <= REL_TOL * max(|a|, |b|, scale)``, element-wise."""
    return np.abs(np.subtract(a, b)) <= noise_floor(a, b, scale)


def effectively_constant(column) -> bool:
    """True when all values of ``column`` are equal within ``REL_TOL``."""
    col = np.asarray(column, dtype=float)
    lo, hi = float(col.min()), float(col.max())
    return bool(nearly_equal(lo, hi))


def snap(d: np.ndarray, floor, *marks: float | None) -> np.ndarray:
    """``d`` with every value within ``floor`` of 0 (or of one of ``marks``, e.g. a threshold)
    set exactly to it."""
    d = np.asarray(d, dtype=float)
    out = np.where(np.abs(d) <= floor, 0.0, d)
    for mark in marks:
        if mark is not None:
            out = np.where(np.abs(out - mark) <= floor, mark, out)
    return out


# name -> (module, function, one line). Modules are imported on first use only.
_METHODS: dict[str, tuple[str, str, str]] = {
    "topsis": (
        "topsis",
        "topsis",
        "closeness to the ideal and distance from the anti-ideal (vector normalisation)",
    ),
    "vikor": ("vikor", "vikor", "compromise between overall utility and worst regret"),
    "promethee2": ("promethee", "promethee2", "net outranking flows from pairwise comparisons"),
    "wsm": ("wsm", "wsm", "weighted sum of normalised values"),
    "wpm": ("wpm", "wpm", "weighted product of ratios (less compensatory)"),
    "waspas": ("waspas", "waspas", "weighted sum and weighted product combined"),
    "copras": ("copras", "copras", "proportional assessment of benefit and cost sums"),
    "spotis": (
        "spotis",
        "spotis",
        "distance to a reference point within fixed bounds (no rank reversal)",
    ),
    "edas": ("edas", "edas", "positive and negative distance from the average solution"),
    "mabac": ("mabac", "mabac", "distance from the border approximation area"),
    "aras": ("aras", "aras", "utility ratio to the optimal alternative"),
    "consensus": (
        "consensus",
        "consensus",
        "majority (Copeland) of TOPSIS, VIKOR, PROMETHEE II, WSM and SPOTIS",
    ),
    "moora": ("moora", "moora", "ratio system: normalised benefits minus costs"),
}


_ARRAY_ARGS = ("matrix", "weights", "types")


def _function(key: str) -> Callable[..., MethodResult]:
    import importlib

    module, name, _ = _METHODS[key]
    return getattr(importlib.import_module(f"coopselect.methods.{module}"), name)


def available_methods() -> list[str]:
    """coopselect's own methods (the ones every check, kernel and report covers)."""
    return sorted(_METHODS)


def peer_methods() -> list[str]:
    """pymcdm's methods that coopselect does not implement, as ``pymcdm:<name>`` (imports
    nothing; pymcdm loads when one of them runs)."""
    from coopselect.methods.peer import peer_names

    return peer_names()


def known_method(name: str) -> bool:
    """True when :func:`run_method` knows ``name`` (own or ``pymcdm:<name>``, any case)."""
    key = str(name).lower()
    return key in _METHODS or key in peer_methods()


def method_listing() -> list[tuple[str, str]]:
    """(name, one line) for every method :func:`run_method` takes: coopselect's own, then the
    peer's (pymcdm's implementation, marked as such)."""
    from coopselect.methods.peer import listing

    return [(k, _METHODS[k][2]) for k in available_methods()] + listing()


def method_help() -> str:
    """The method listing as help text, one line per method."""
    width = max(len(name) for name, _ in method_listing())
    return "\n".join(f"{name:<{width}}  {line}" for name, line in method_listing())


def _checked(matrix, weights, types) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The edge for callers of the Python API (files are validated by their loaders): a finite
    2-D matrix, one finite non-negative weight per column (rescaled to sum 1, so that scaling
    every weight never changes a result) and one type (+1 benefit, -1 cost) per column."""
    x = np.asarray(matrix, dtype=float)
    w = np.asarray(weights, dtype=float)
    t = np.asarray(types)
    if x.ndim != 2 or x.shape[0] < 1 or x.shape[1] < 1:
        raise CoopselectError(
            f"the matrix must be two-dimensional and non-empty (got shape {x.shape}).",
            place="matrix",
            fix="give one row per alternative and one column per criterion.",
        )
    n = x.shape[1]
    if w.shape != (n,) or t.shape != (n,):
        raise CoopselectError(
            f"{w.size} weights and {t.size} types for {n} criteria.",
            place="weights/types",
            fix="give one weight and one type per criterion.",
        )
    if not np.all(np.isfinite(x)):
        i, j = np.argwhere(~np.isfinite(x))[0]
        raise CoopselectError(
            f"value {x[i, j]} is not a finite number.",
            place=f"matrix row {i + 1}, criterion {j + 1}",
            fix="enter a number.",
        )
    if not np.all(np.isfinite(w)) or np.any(w < 0):
        raise CoopselectError(
            "weights must be finite numbers >= 0.", place="weights", fix="correct the weights."
        )
    if w.sum() <= 0:
        raise CoopselectError(
            "all weights are zero.", place="weights", fix="give one criterion a weight > 0."
        )
    if not np.all(np.isin(t, (1, -1))):
        raise CoopselectError(
            "types must be +1 (benefit) or -1 (cost).", place="types", fix="use 1 or -1."
        )
    return x, w / w.sum(), t.astype(int)


def run_method(name: str, matrix, weights, types, **params) -> MethodResult:
    """Run method ``name`` (see :func:`method_listing`). Weights are rescaled to sum 1 first."""
    key = name.lower()
    if key.startswith("pymcdm:") and key in peer_methods():
        from coopselect.methods.peer import PREFIX, peer_parameters, run_peer

        peer = key.removeprefix(PREFIX)
        _refuse_unknown(name, params, peer_parameters(peer))
        return run_peer(peer, *_checked(matrix, weights, types), **params)
    if key.startswith("pymcdm:") and key.removeprefix("pymcdm:") in _METHODS:
        raise CoopselectError(
            f"{name}: coopselect implements {key.removeprefix('pymcdm:')} itself.",
            place="method",
            fix=f"use {key.removeprefix('pymcdm:')} (docs/methods.md says how it compares).",
        )
    if key not in _METHODS:
        raise CoopselectError(
            f"unknown method {name!r}.",
            place="method",
            fix=f"use one of {', '.join(available_methods())}, "
            f"or pymcdm's {', '.join(peer_methods())}.",
        )
    func = _function(key)
    _refuse_unknown(name, params, _parameters(func))
    return func(*_checked(matrix, weights, types), **params)


def _refuse_unknown(name: str, params: dict, accepted: list[str]) -> None:
    unknown = sorted(set(params) - set(accepted))
    if unknown:
        raise CoopselectError(
            f"{name} has no parameter {unknown[0]!r}.",
            place="method_params",
            fix=f"{name} takes {', '.join(accepted) or 'no parameters'}; see docs/methods.md.",
        )


def accepted_parameters(name: str) -> list[str]:
    """The keyword parameters method ``name`` takes (own or ``pymcdm:<name>``)."""
    key = name.lower()
    if key.startswith("pymcdm:") and key in peer_methods():
        from coopselect.methods.peer import PREFIX, peer_parameters

        return peer_parameters(key.removeprefix(PREFIX))
    return _parameters(_function(key))


def _parameters(func: Callable[..., MethodResult]) -> list[str]:
    import inspect

    return [p for p in inspect.signature(func).parameters if p not in _ARRAY_ARGS]
