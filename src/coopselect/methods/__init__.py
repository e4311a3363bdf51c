"""Ranking methods behind one call: ``run_method(name, matrix, weights, types, **params)``."""

from coopselect.methods.registry import (
    available_methods,
    known_method,
    method_listing,
    peer_methods,
    run_method,
)
from coopselect.methods.result import MethodResult

__all__ = [
    "MethodResult",
    "available_methods",
    "known_method",
    "method_listing",
    "peer_methods",
    "run_method",
]
