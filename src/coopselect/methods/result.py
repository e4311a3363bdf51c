"""The uniform result of every ranking method."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from coopselect.messages import Text
from coopselect.methods.spec import alternative_extras
from coopselect.methods.tolerance import REL_TOL, nearly_equal

if TYPE_CHECKING:
    import pandas as pd


# The extras with one value per alternative (the others are per criterion, matrices or scalars;
# a shape test alone cannot tell them apart when there are as many alternatives as criteria).
# Each method's spec lists its own (``MethodSpec.extras``).
ALTERNATIVE_EXTRAS = alternative_extras()


@dataclass(frozen=True)
class MethodResult:
    method: str
    scores: np.ndarray
    ranks: np.ndarray  # 1 = best
    higher_is_better: bool
    extras: dict[str, Any] = field(default_factory=dict)
    ties: tuple[tuple[int, ...], ...] = ()
    notes: tuple[Text, ...] = ()  # coopselect.messages: rendered by the outputs in their language

    def to_frame(self, alternatives: Sequence[str] | None = None) -> pd.DataFrame:
        """The result as a pandas DataFrame, one row per alternative in input order.

        Parameters
        ----------
        alternatives : sequence of str, optional
            Row labels (the index, named ``alternative``); default 0, 1, ...

        Returns
        -------
        pandas.DataFrame
            Columns ``score`` and ``rank`` (1 = best), then the method's per-alternative
            quantities from ``extras`` (:data:`ALTERNATIVE_EXTRAS`: e.g. TOPSIS ``d_plus``,
            ``d_minus``; VIKOR ``S``, ``R``, ``Q``). ``df.sort_values("rank")`` lists the best
            first.
        """
        import pandas as pd

        n = len(self.scores)
        index = pd.Index(
            range(n) if alternatives is None else list(alternatives), name="alternative"
        )
        if len(index) != n:
            raise ValueError(f"{len(index)} alternative names for {n} scores.")
        columns: dict[str, Any] = {
            "score": np.asarray(self.scores, dtype=float),
            "rank": np.asarray(self.ranks, dtype=int),
        }
        for key in ALTERNATIVE_EXTRAS:
            value = self.extras.get(key)
            if isinstance(value, np.ndarray) and value.shape == (n,):
                columns[key] = value
        return pd.DataFrame(columns, index=index)


def rank_scores(scores: np.ndarray, higher_is_better: bool):
    """Ranks 1..n; scores equal within ``REL_TOL`` (methods.tolerance) are a tie, reported and
    ranked in input order.

    A tie group starts at its best score and takes every following score (in sorted order) equal
    to that first one within ``REL_TOL`` (scale: the range of all scores), so a group never
    spreads wider than the tolerance by chaining.
    """
    s = np.asarray(scores, dtype=float)
    key = -s if higher_is_better else s
    order = np.argsort(key, kind="stable")
    ranks = np.empty(len(s), dtype=int)
    ranks[order] = np.arange(1, len(s) + 1)
    if len(s) < 2:
        return ranks, ()
    spread = float(np.ptp(s))
    ranked = s[order]
    if not np.any(nearly_equal(ranked[:-1], ranked[1:], spread)):
        return ranks, ()  # the usual case, decided without a Python loop
    # The same test as nearly_equal, on Python floats: numpy's per-call overhead made this loop
    # the slowest part of re-ranking a case with many tied pairs (1,575 pairs: ~20 ms).
    groups: list[list[int]] = []
    anchor = 0.0
    for i, v in zip(order.tolist(), ranked.tolist(), strict=True):
        if groups and abs(anchor - v) <= REL_TOL * max(abs(anchor), abs(v), spread):
            groups[-1].append(i)
        else:
            groups.append([i])
            anchor = v
    # Within a tie group, input order decides (not last-bit rounding noise between scores that
    # are mathematically equal, e.g. after the weights were rescaled).
    ties = [tuple(sorted(g)) for g in groups if len(g) > 1]
    for g in ties:
        idx = list(g)
        ranks[idx] = np.sort(ranks[idx])
    return ranks, tuple(ties)
