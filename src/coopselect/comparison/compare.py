"""Run several ranking methods on one decision matrix and measure how far their rankings agree."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from coopselect.comparison.rankcorr import COEFFICIENTS, agreement
from coopselect.domain.decision import DecisionMatrix
from coopselect.errors import CoopselectError
from coopselect.messages import Text, message, render
from coopselect.methods.result import MethodResult


@dataclass(frozen=True)
class Comparison:
    """Rankings of one problem by several methods.

    ``agreement[coef][i][j]`` compares method i (the reference, for WS) with method j; NaN where
    it is undefined (one method ties every alternative; a note says so).
    ``method_dependent`` lists the alternatives whose rank is not the same under every method,
    with their ranks per method.
    """

    alternatives: tuple[str, ...]
    methods: tuple[str, ...]
    results: Mapping[str, MethodResult]
    agreement: Mapping[str, np.ndarray]
    method_dependent: tuple[tuple[str, dict[str, int]], ...]
    notes: tuple[Text, ...] = field(default=())  # coopselect.messages, rendered by the outputs

    def ranks(self, method: str) -> np.ndarray:
        """Ranks with ties shared: tied alternatives all get the best rank of their group."""
        return shared_ranks(self.results[method])

    def to_dict(self) -> dict[str, Any]:
        return {
            "alternatives": list(self.alternatives),
            "methods": list(self.methods),
            "ranks": {m: self.ranks(m).tolist() for m in self.methods},
            "scores": {m: np.asarray(self.results[m].scores).tolist() for m in self.methods},
            "higher_is_better": {m: self.results[m].higher_is_better for m in self.methods},
            "agreement": {c: self.agreement[c].tolist() for c in COEFFICIENTS},
            "method_dependent": [
                {"alternative": a, "ranks": ranks} for a, ranks in self.method_dependent
            ],
            "notes": [render(n, "en") for n in self.notes],
        }


def shared_ranks(result: MethodResult) -> np.ndarray:
    """The method's ranks, except that a tie group (broken by input order in ``result.ranks``)
    shares its best rank, so that a comparison does not read an order into a tie."""
    ranks = np.array(result.ranks, dtype=int)
    for group in result.ties:
        idx = list(group)
        ranks[idx] = ranks[idx].min()
    return ranks


def parse_methods(text: str | Sequence[str]) -> tuple[str, ...]:
    """``"topsis,vikor"`` -> ("topsis", "vikor"); unknown names and repeats are errors."""
    from coopselect.methods import available_methods, known_method

    names = [s.strip().lower() for s in text.split(",")] if isinstance(text, str) else list(text)
    names = [n for n in names if n]
    for n in names:
        if not known_method(n):
            raise CoopselectError(
                f"unknown method {n!r}.",
                place="--methods",
                fix=f"use {', '.join(available_methods())} or pymcdm:<name> (see --help).",
            )
    if len(set(names)) != len(names):
        raise CoopselectError("a method is listed twice.", place="--methods", fix="list it once.")
    if len(names) < 2:
        raise CoopselectError(
            "a comparison needs at least two methods.",
            place="--methods",
            fix="e.g. --methods topsis,vikor,promethee2",
        )
    return tuple(names)


def compare_methods(
    dm: DecisionMatrix,
    methods: Sequence[str],
    params: Mapping[str, Mapping[str, Any]] | None = None,
) -> Comparison:
    """Rank ``dm`` with each of ``methods`` (parameters per method in ``params``)."""
    from coopselect.methods import run_method

    params = params or {}
    results = {
        m: run_method(m, dm.matrix, dm.weights, dm.types, **dict(params.get(m, {})))
        for m in methods
    }
    shared = {m: shared_ranks(results[m]) for m in methods}
    k = len(methods)
    mats = {c: np.eye(k) for c in COEFFICIENTS}
    notes: list[Text] = []
    for i, a in enumerate(methods):
        for j, b in enumerate(methods):
            if i == j:
                continue
            try:
                values = agreement(shared[a], shared[b])
            except CoopselectError:
                # Every alternative tied under one method: correlation is undefined. Left as a
                # gap (NaN here, null in JSON, "n/a" in tables) with a note, never a made-up 0.
                values = dict.fromkeys(COEFFICIENTS, float("nan"))
                note = message("compare.undefined_correlation", a=a, b=b)
                if note not in notes:
                    notes.append(note)
            for c in COEFFICIENTS:
                mats[c][i, j] = values[c]
    dependent = []
    for idx, alt in enumerate(dm.alternatives):
        by_method = {m: int(shared[m][idx]) for m in methods}
        if len(set(by_method.values())) > 1:
            dependent.append((alt, by_method))
    for m in methods:
        notes.extend(message("method.member_note", member=m, note=n) for n in results[m].notes)
        if results[m].ties:
            names = "; ".join(", ".join(dm.alternatives[i] for i in t) for t in results[m].ties)
            notes.append(message("compare.input_order_ties", method=m, names=names))
    return Comparison(
        tuple(dm.alternatives), tuple(methods), results, mats, tuple(dependent), tuple(notes)
    )
