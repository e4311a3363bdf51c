"""Name -> method. Every method takes ``(matrix, weights, types, **params)``; coopselect's own
methods are the entries of :data:`coopselect.methods.spec.SPECS` (one home per method).

Platform independence: scores equal within ``REL_TOL`` tie
(:mod:`coopselect.methods.tolerance`, where the rule is written down).

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

from typing import TYPE_CHECKING

import numpy as np

from coopselect.errors import CoopselectError
from coopselect.methods.spec import SPECS, has_spec, method_spec

if TYPE_CHECKING:
    from coopselect.methods.result import MethodResult


def available_methods() -> list[str]:
    """coopselect's own methods (the ones every check, kernel and report covers): the ids of
    :data:`coopselect.methods.spec.SPECS`."""
    return sorted(s.id for s in SPECS)


def peer_methods() -> list[str]:
    """pymcdm's methods that coopselect does not implement, as ``pymcdm:<name>`` (imports
    nothing; pymcdm loads when one of them runs)."""
    from coopselect.methods.peer import peer_names

    return peer_names()


def known_method(name: str) -> bool:
    """True when :func:`run_method` knows ``name`` (own or ``pymcdm:<name>``, any case)."""
    key = str(name).lower()
    return has_spec(key) or key in peer_methods()


def method_listing() -> list[tuple[str, str]]:
    """(name, one line) for every method :func:`run_method` takes: coopselect's own, then the
    peer's (pymcdm's implementation, marked as such)."""
    from coopselect.methods.peer import listing

    return [(k, method_spec(k).description.en) for k in available_methods()] + listing()


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
    if key.startswith("pymcdm:") and has_spec(key.removeprefix("pymcdm:")):
        raise CoopselectError(
            f"{name}: coopselect implements {key.removeprefix('pymcdm:')} itself.",
            place="method",
            fix=f"use {key.removeprefix('pymcdm:')} (docs/methods.md says how it compares).",
        )
    if not has_spec(key):
        raise CoopselectError(
            f"unknown method {name!r}.",
            place="method",
            fix=f"use one of {', '.join(available_methods())}, "
            f"or pymcdm's {', '.join(peer_methods())}.",
        )
    spec = method_spec(key)
    _refuse_unknown(name, params, list(spec.parameters))
    return spec.function(*_checked(matrix, weights, types), **params)


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
    return list(method_spec(key).parameters)
