"""Name -> method. Every method takes ``(matrix, weights, types, **params)``."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from coopselect.errors import CoopselectError
from coopselect.methods.result import MethodResult

# name -> (module, function). Modules are imported on first use only.
_METHODS: dict[str, tuple[str, str]] = {
    "topsis": ("topsis", "topsis"),
    "vikor": ("vikor", "vikor"),
    "promethee2": ("promethee", "promethee2"),
    "wsm": ("wsm", "wsm"),
    "wpm": ("wpm", "wpm"),
    "waspas": ("waspas", "waspas"),
    "copras": ("copras", "copras"),
    "spotis": ("spotis", "spotis"),
    "edas": ("edas", "edas"),
    "mabac": ("mabac", "mabac"),
    "aras": ("aras", "aras"),
    "moora": ("moora", "moora"),
}


_ARRAY_ARGS = ("matrix", "weights", "types")


def _function(key: str) -> Callable[..., MethodResult]:
    import importlib

    module, name = _METHODS[key]
    return getattr(importlib.import_module(f"coopselect.methods.{module}"), name)


def available_methods() -> list[str]:
    return sorted(_METHODS)


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
    """Run method ``name``. Weights are rescaled to sum 1 first."""
    key = name.lower()
    if key not in _METHODS:
        raise CoopselectError(
            f"unknown method {name!r}.",
            place="method",
            fix=f"use one of {', '.join(available_methods())}.",
        )
    func = _function(key)
    accepted = _parameters(func)
    unknown = sorted(set(params) - set(accepted))
    if unknown:
        raise CoopselectError(
            f"{name} has no parameter {unknown[0]!r}.",
            place="method_params",
            fix=f"{name} takes {', '.join(accepted) or 'no parameters'}; see the README.",
        )
    return func(*_checked(matrix, weights, types), **params)


def _parameters(func: Callable[..., MethodResult]) -> list[str]:
    import inspect

    return [p for p in inspect.signature(func).parameters if p not in _ARRAY_ARGS]
