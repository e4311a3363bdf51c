"""Name -> method. Every method takes ``(matrix, weights, types, **params)``."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from coopselect.errors import CoopselectError
from coopselect.methods.result import MethodResult


def _topsis(matrix, weights, types, **params):
    from coopselect.methods.topsis import topsis

    return topsis(matrix, weights, types, **params)


def _wsm(matrix, weights, types, **params):
    from coopselect.methods.wsm import wsm

    return wsm(matrix, weights, types, **params)


_METHODS: dict[str, Callable[..., MethodResult]] = {"topsis": _topsis, "wsm": _wsm}


def available_methods() -> list[str]:
    return sorted(_METHODS)


def run_method(name: str, matrix, weights, types, **params) -> MethodResult:
    key = name.lower()
    if key not in _METHODS:
        raise CoopselectError(
            f"unknown method {name!r}.",
            place="method",
            fix=f"use one of {', '.join(available_methods())}.",
        )
    try:
        return _METHODS[key](
            np.asarray(matrix, float), np.asarray(weights, float), np.asarray(types), **params
        )
    except TypeError as err:
        raise CoopselectError(
            f"bad parameter for {name}: {err}.",
            place="method_params",
            fix="see the README for each method's parameters.",
        ) from None
