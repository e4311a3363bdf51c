"""Ranking methods behind one call: ``run_method(name, matrix, weights, types, **params)``."""

from coopselect.methods.registry import (
    available_methods,
    known_method,
    method_listing,
    peer_methods,
    run_method,
)
from coopselect.methods.result import MethodResult
from coopselect.methods.spec import SPECS, MethodSpec, main_methods, method_spec

__all__ = [
    "SPECS",
    "MethodResult",
    "MethodSpec",
    "available_methods",
    "known_method",
    "main_methods",
    "method_listing",
    "method_spec",
    "peer_methods",
    "run_method",
]
