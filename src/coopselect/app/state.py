"""The app's model, independent of textual: the current case, edits, undo/redo, fast re-rank.

Every edit produces a new frozen :class:`~coopselect.domain.model.Case` (``dataclasses.replace``);
the undo and redo stacks hold those snapshots. Re-ranking after an edit is cheap because the
country scores and the pair performance matrix do not depend on anything the app edits (top-level
criterion weights, the top-level judgments, the preset, the method): they are computed once when
the case is opened, and an edit only recomputes the criterion weights (a small AHP) and re-runs the
ranking method on the cached matrix with new column weights. The result is the same ``RankResult``
``coopselect.pipeline.rank`` builds for the edited case (the tests check this).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any

import numpy as np

from coopselect.domain.model import Case, Judgment
from coopselect.pipeline import PairRank, RankResult, prepare
from coopselect.scoring.favourability import CountryScores
from coopselect.scoring.pairs import PairProblem
from coopselect.scoring.weights import criteria_weights

PRESET_CYCLE: tuple[str, ...] = ("ahp", "fraser", "equal", "custom")

# Saaty's fundamental scale as the nine reciprocals and the nine integers (1 appears once).
SAATY: tuple[Fraction, ...] = tuple(
    [Fraction(1, k) for k in range(9, 1, -1)] + [Fraction(k) for k in range(1, 10)]
)


def saaty_text(value: float) -> str:
    """A judgment value as written in case files: "3", "1/3", or a decimal off the scale."""
    nearest = nearest_saaty(value)
    if abs(float(nearest) - value) < 1e-9:
        return str(nearest)
    return f"{value:.4g}"


def nearest_saaty(value: float) -> Fraction:
    """The Saaty-scale value closest to ``value`` on a log scale."""
    lv = np.log(max(value, 1e-12))
    return min(SAATY, key=lambda s: abs(np.log(float(s)) - lv))


def saaty_step(value: float, step: int) -> Fraction:
    """Move ``step`` places along the Saaty scale from the value nearest ``value``."""
    i = SAATY.index(nearest_saaty(value))
    return SAATY[max(0, min(len(SAATY) - 1, i + step))]


def rescale(weights: dict[str, float], key: str, value: float) -> dict[str, float]:
    """Set ``weights[key] = value`` (clamped to [0, 1]) and rescale the others proportionally so
    that the weights sum to 1. Others all zero: the remainder is shared equally."""
    value = float(min(1.0, max(0.0, value)))
    others = [k for k in weights if k != key]
    if not others:
        return {key: 1.0}
    rest = sum(max(0.0, weights[k]) for k in others)
    remainder = 1.0 - value
    out: dict[str, float] = {}
    for k in weights:
        if k == key:
            out[k] = value
        elif rest > 0:
            out[k] = max(0.0, weights[k]) * remainder / rest
        else:
            out[k] = remainder / len(others)
    return out


@dataclass
class Edit:
    """One undoable step: the case before and after, and a short description."""

    before: Case
    after: Case
    what: str


@dataclass
class _Prepared:
    scores: CountryScores
    problem: PairProblem  # its dm weights are those of the case at open time (replaced per rank)


@dataclass
class AppState:
    """Current case, undo/redo, the latest result and the previous ranks (for "change")."""

    case: Case
    original: Case
    prepared: _Prepared
    result: RankResult | None = None
    previous_ranks: dict[tuple[str, str], int] = field(default_factory=dict)
    undo_stack: list[Edit] = field(default_factory=list)
    redo_stack: list[Edit] = field(default_factory=list)
    saved_case: Case | None = None

    # ---- construction ---------------------------------------------------------------------
    @classmethod
    def open(cls, case: Case) -> AppState:
        _, _, scores, problem = prepare(case)
        state = cls(case, case, _Prepared(scores, problem), saved_case=case)
        state.result = state.compute(case)
        return state

    @classmethod
    def from_prepared(cls, case: Case, scores: CountryScores, problem: PairProblem) -> AppState:
        """A state over an already built problem (benchmarks with synthetic matrices)."""
        state = cls(case, case, _Prepared(scores, problem), saved_case=case)
        state.result = state.compute(case)
        return state

    # ---- ranking --------------------------------------------------------------------------
    def compute(self, case: Case) -> RankResult:
        """``pipeline.rank(case)`` on the cached scores and pair matrix (only weights differ)."""
        from coopselect.methods import run_method

        cw = criteria_weights(case.hierarchy, case.weights_preset, case.custom_weights)
        base = self.prepared.problem
        share = case.mode_attributes.share
        w = np.asarray(base.dm.weights, dtype=float).copy()
        n_crit = len(cw.criteria)
        w[:n_crit] = cw.weights * (1.0 - share)
        if share > 0:
            attrs = base.columns[n_crit:]
            w[n_crit:] = [share * case.mode_attributes.weights[a] for a in attrs]
        dm = base.dm.with_weights(w)
        problem = replace(base, dm=dm)
        params: dict[str, Any] = dict(case.method_params)
        res = run_method(case.method, dm.matrix, dm.weights, dm.types, **params)
        ranks = np.asarray(res.ranks)
        order = ranks.argsort(kind="stable").tolist()
        r, sc, bp = ranks.astype(int).tolist(), np.asarray(res.scores, float).tolist(), base.pairs
        pairs = tuple(PairRank(r[i], bp[i][0], bp[i][1], sc[i]) for i in order)
        return RankResult(
            case,
            case.method,
            params,
            bool(res.higher_is_better),
            cw,
            self.prepared.scores,
            problem,
            res,
            pairs,
        )

    def ranks(self) -> dict[tuple[str, str], int]:
        assert self.result is not None
        return {(p.country, p.mode): p.rank for p in self.result.pairs}

    def rank_change(self, country: str, mode: str) -> int | None:
        """Places gained (+) or lost (-) since the last edit; None before any edit."""
        if not self.previous_ranks or self.result is None:
            return None
        before = self.previous_ranks.get((country, mode))
        now = self.result.pair(country, mode)
        if before is None or now is None:
            return None
        return before - now.rank

    # ---- edits ----------------------------------------------------------------------------
    def _apply(self, new_case: Case, what: str, *, record: bool = True) -> RankResult:
        result = self.compute(new_case)  # raises before anything changes if the edit is invalid
        if record:
            self.undo_stack.append(Edit(self.case, new_case, what))
            self.redo_stack.clear()
        self.previous_ranks = self.ranks()
        self.case = new_case
        self.result = result
        return result

    def current_weights(self) -> dict[str, float]:
        assert self.result is not None
        cw = self.result.weights
        return dict(zip(cw.criteria, (float(v) for v in cw.weights), strict=True))

    def set_weight(self, criterion: str, value: float) -> RankResult:
        """Set one criterion weight directly; the others rescale proportionally (preset custom)."""
        weights = rescale(self.current_weights(), criterion, value)
        basis = self.case.custom_weights_basis or (
            "analyst judgment: weights set directly in the coopselect app"
        )
        new = replace(
            self.case, weights_preset="custom", custom_weights=weights, custom_weights_basis=basis
        )
        return self._apply(new, f"weight {criterion} = {weights[criterion]:.3f}")

    def nudge_weight(self, criterion: str, delta: float) -> RankResult:
        return self.set_weight(criterion, self.current_weights()[criterion] + delta)

    def set_preset(self, preset: str) -> RankResult:
        if preset == "custom" and not self.case.custom_weights:
            # Start custom weights from the weights in force.
            new = replace(
                self.case,
                weights_preset="custom",
                custom_weights=self.current_weights(),
                custom_weights_basis=self.case.custom_weights_basis
                or "analyst judgment: weights set directly in the coopselect app",
            )
        else:
            new = replace(self.case, weights_preset=preset)
        return self._apply(new, f"preset {preset}")

    def cycle_preset(self) -> RankResult:
        i = PRESET_CYCLE.index(self.case.weights_preset)
        return self.set_preset(PRESET_CYCLE[(i + 1) % len(PRESET_CYCLE)])

    def judgment_value(self, a: str, b: str) -> float | None:
        """How many times ``a`` matters more than ``b`` per the current judgments (None: unset)."""
        for j in self.case.hierarchy.judgments:
            if (j.a, j.b) == (a, b):
                return j.value
            if (j.a, j.b) == (b, a):
                return 1.0 / j.value
        return None

    def set_judgment(self, a: str, b: str, value: float) -> RankResult:
        """Set the judgment "a vs b" (Saaty scale); the weights preset becomes ``ahp``."""
        if a == b:
            raise ValueError("a criterion is not compared with itself")
        value = float(value)
        text = saaty_text(value)
        judgments = list(self.case.hierarchy.judgments)
        for k, j in enumerate(judgments):
            if {j.a, j.b} == {a, b}:
                reason = j.reason
                if abs(self.judgment_value(a, b) - value) > 1e-12:
                    was = saaty_text(self.judgment_value(a, b))
                    reason = f"set in the coopselect app (was {was}). {j.reason}".strip()
                judgments[k] = Judgment(a, b, value, text, reason)
                break
        else:
            judgments.append(Judgment(a, b, value, text, "set in the coopselect app"))
        hierarchy = replace(self.case.hierarchy, judgments=tuple(judgments))
        new = replace(self.case, hierarchy=hierarchy, weights_preset="ahp")
        return self._apply(new, f"judgment {a} vs {b} = {text}")

    def set_method(self, method: str) -> RankResult:
        """Switch the ranking method; the case's own parameters apply only to its own method."""
        params = dict(self.original.method_params) if method == self.original.method else {}
        new = replace(self.case, method=method, method_params=params)
        return self._apply(new, f"method {method}")

    # ---- undo / redo ----------------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return bool(self.undo_stack)

    @property
    def can_redo(self) -> bool:
        return bool(self.redo_stack)

    def undo(self) -> Edit | None:
        if not self.undo_stack:
            return None
        edit = self.undo_stack.pop()
        self._apply(edit.before, edit.what, record=False)
        self.redo_stack.append(edit)
        return edit

    def redo(self) -> Edit | None:
        if not self.redo_stack:
            return None
        edit = self.redo_stack.pop()
        self._apply(edit.after, edit.what, record=False)
        self.undo_stack.append(edit)
        return edit

    # ---- saving ---------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self.case is not self.saved_case

    def mark_saved(self) -> None:
        self.saved_case = self.case
