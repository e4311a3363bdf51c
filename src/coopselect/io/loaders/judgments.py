"""Pairwise judgments written as a list of ``{a, b, value, reason}`` entries."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from coopselect.domain.model import Judgment
from coopselect.errors import CoopselectError
from coopselect.io.loaders.judgment_values import judgment_entry, parse_entry


def parse_value(raw: int | float | str, *, file: str, place: str) -> float:
    """A judgment value: a positive number or an exact fraction written "a/b" (no "?" here)."""
    value = parse_entry(raw, file=file, place=place)
    if math.isnan(value):
        raise CoopselectError(
            "a missing judgment ('?') cannot stand in a judgment list.",
            file=file,
            place=place,
            fix="leave the pair out instead: missing pairs are completed by the AHP engine.",
        )
    return value


def build_judgments(
    specs: Sequence[object], labels: Sequence[str], *, file: str, where: str
) -> tuple[Judgment, ...]:
    out: list[Judgment] = []
    seen: set[frozenset[str]] = set()
    for k, spec in enumerate(specs, start=1):
        a, b, raw = spec.a, spec.b, spec.value  # type: ignore[attr-defined]
        place = f"{where}[{k}] ({a} vs {b})"
        for name in (a, b):
            if name not in labels:
                raise CoopselectError(
                    f"{name!r} is not one of {', '.join(labels)}.",
                    file=file,
                    place=place,
                    fix="use the ids declared in the hierarchy.",
                )
        if a == b:
            raise CoopselectError(
                "an item compared with itself.",
                file=file,
                place=place,
                fix="compare two different items.",
            )
        pair = frozenset((a, b))
        if pair in seen:
            raise CoopselectError(
                "this pair is judged twice.",
                file=file,
                place=place,
                fix="keep one judgment per pair.",
            )
        seen.add(pair)
        value = parse_value(raw, file=file, place=place)
        judgment_entry(value, file=file, place=place)  # within the accepted range
        out.append(Judgment(a, b, value, str(raw), getattr(spec, "reason", "")))
    return tuple(out)


def judgment_matrix(judgments: Sequence[Judgment], labels: Sequence[str]) -> np.ndarray:
    """Reciprocal matrix; pairs without a judgment are NaN (completed by the AHP engine)."""
    n = len(labels)
    index = {label: i for i, label in enumerate(labels)}
    m = np.full((n, n), np.nan)
    np.fill_diagonal(m, 1.0)
    for j in judgments:
        i, k = index[j.a], index[j.b]
        m[i, k] = j.value
        m[k, i] = 1.0 / j.value
    return m
