"""Shared assertion for the per-method test files (imported as ``order_checks``, like rp.py in
tests/reports)."""

from __future__ import annotations


def same_order(a, b, tol: float = 1e-9) -> None:
    """Every alternative clearly better than another in result ``a`` (scores higher by more than
    ``tol``) is also ranked better in result ``b``."""
    for i in range(len(a.scores)):
        for j in range(len(a.scores)):
            if a.scores[i] > a.scores[j] + tol:
                assert b.ranks[i] < b.ranks[j]
