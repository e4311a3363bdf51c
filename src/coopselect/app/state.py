"""The app's model, independent of textual: the current case, edits, undo/redo, fast re-rank.

Every edit produces a new frozen :class:`~coopselect.domain.model.Case` (``dataclasses.replace``)
and, for what-ifs, a new :class:`WhatIf` (a scenario of the case and ``ISO3.FEATURE=VALUE``
settings, as ``coopselect rank --scenario/--set``; what-ifs are never saved into the case file);
the undo and redo stacks hold those snapshots. Re-ranking after most edits is cheap because the
country scores and the pair performance matrix depend only on the sub-criterion judgments, on
whether the modes' own attributes are in (share > 0) and on the what-if: the matrix is built once
per such key (``services.ranking.prepare`` of the what-if's ``CaseRequest``, about 10 ms) and
cached, and an edit of top-level weights, judgments, the preset, the attribute share and weights
or the method only recomputes the criterion weights (a small AHP) and re-runs the ranking method
on the cached matrix with new column weights (``pipeline.rank_problem``, the tail of every rank).
The result is the same ``RankResult`` ``coopselect.pipeline.rank`` builds for the edited case and
what-if (the tests check this).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from fractions import Fraction

import numpy as np

from coopselect.domain.model import Case, Judgment, ModeAttributeWeights, WeightPreset
from coopselect.io.data.snapshot import DataSnapshot
from coopselect.pairwise.consistency import SAATY, nearest_saaty
from coopselect.pipeline import RankResult, rank_problem
from coopselect.scoring.favourability import CountryScores
from coopselect.scoring.pairs import PairProblem
from coopselect.scoring.weights import criteria_weights
from coopselect.services.ranking import prepare
from coopselect.services.request import CaseRequest

PRESET_CYCLE: tuple[str, ...] = tuple(WeightPreset)
APP_BASIS = "analyst judgment: weights set directly in the coopselect app"
# The note an app edit puts before a judgment's reason; one note replaces the last.
APP_NOTE = re.compile(r"^set in the coopselect app \(was ([^)]*)\)\.\s*")
MAX_ATTRIBUTE_SHARE = 0.95
JUDGMENT_RANGE = (1 / 9 - 1e-12, 9 + 1e-12)  # Saaty's scale, as the app's editors offer it


def saaty_text(value: float) -> str:
    """A judgment value as written in case files: "3", "1/3", or a decimal off the scale."""
    nearest = nearest_saaty(value)
    if abs(float(nearest) - value) < 1e-9:
        return str(nearest)
    return f"{value:.4g}"


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


def direction(value: float) -> int:
    """1 when the first item of a judgment matters more, -1 when the second does, 0 when equal."""
    return 0 if abs(np.log(max(value, 1e-12))) < 1e-9 else (1 if value > 1 else -1)


def judgment_reason(old: Judgment, new_value: float, original: Judgment | None) -> str:
    """The reason a judgment keeps after its value changes to ``new_value`` (``old``'s orientation).

    The analyst's reason was written for one value (the anchor: the value a previous app note says
    it "was", else ``old``'s). Back at the anchor the reason is the analyst's alone; elsewhere one
    note "set in the coopselect app (was X)." replaces any earlier note, and the analyst's reason
    follows only while the judgment still points the same way as at the anchor (a reason arguing
    that a matters more than b does not survive a judgment that b matters more). A reason dropped
    that way comes back from ``original`` (the judgment as loaded) when the anchor returns.
    """
    m = APP_NOTE.match(old.reason)
    analyst = old.reason[m.end() :].strip() if m else old.reason.strip()
    anchor = old.value
    anchor_text = old.text
    if m:
        try:
            anchor = float(Fraction(m.group(1)))
            anchor_text = m.group(1)
        except (ValueError, ZeroDivisionError):
            pass
    if not analyst and original is not None:
        orig_value = (
            original.value if (original.a, original.b) == (old.a, old.b) else 1 / original.value
        )
        if abs(orig_value - anchor) < 1e-9:
            analyst = original.reason.strip()
    if abs(new_value - anchor) < 1e-9:
        return analyst
    note = f"set in the coopselect app (was {anchor_text})."
    if analyst and direction(new_value) == direction(anchor):
        return f"{note} {analyst}"
    return note


@dataclass(frozen=True)
class WhatIf:
    """Hypotheses on the hosts: a ``[scenarios.NAME]`` of the case and ``ISO3.FEATURE=VALUE``
    settings applied after it (as ``--scenario`` and ``--set``)."""

    scenario: str | None = None
    settings: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return self.scenario is None and not self.settings

    def request(self, case: Case) -> CaseRequest:
        """The services' request for ``case`` under these what-ifs (the case's own method and
        weights preset)."""
        return CaseRequest(case, settings=self.settings, scenario=self.scenario)


@dataclass
class Edit:
    """One undoable step: the case (and what-if) before and after, and a short description."""

    before: Case
    after: Case
    what: str
    whatif_before: WhatIf | None = None
    whatif_after: WhatIf | None = None


@dataclass
class _Prepared:
    scores: CountryScores
    problem: (
        PairProblem  # its dm weights are those of the case it was built for (replaced per rank)
    )
    data: DataSnapshot | None = None  # the data vintages it was built from


def _matrix_key(case: Case, whatif: WhatIf) -> tuple:
    """What the country scores and the pair matrix depend on among the things the app edits."""
    subs = tuple(sorted(case.hierarchy.subjudgments.items()))
    return (subs, case.mode_attributes.share > 0, whatif)


@dataclass
class AppState:
    """Current case and what-if, undo/redo, the latest result and the previous ranks."""

    case: Case
    original: Case
    prepared: _Prepared
    result: RankResult | None = None
    previous_ranks: dict[tuple[str, str], int] = field(default_factory=dict)
    undo_stack: list[Edit] = field(default_factory=list)
    redo_stack: list[Edit] = field(default_factory=list)
    saved_case: Case | None = None
    whatif: WhatIf = field(default_factory=WhatIf)
    data: DataSnapshot | None = None  # the data vintages of the session, read once at open
    _cache: dict[tuple, _Prepared] = field(default_factory=dict)

    # ---- construction ---------------------------------------------------------------------
    @classmethod
    def open(cls, case: Case, data: DataSnapshot | None = None) -> AppState:
        """The state of ``case`` read from the data snapshot ``data`` (None: the active vintages
        of ``$COOPSELECT_DATA_DIR`` or the user's data directory, read once here); every
        re-rank of the session reads the same snapshot."""
        p = prepare(CaseRequest(case), data)
        state = cls(
            case, case, _Prepared(p.scores, p.problem, p.data), saved_case=case, data=p.data
        )
        state._cache[_matrix_key(case, WhatIf())] = state.prepared
        state.result = state.compute(case)
        return state

    @classmethod
    def from_prepared(cls, case: Case, scores: CountryScores, problem: PairProblem) -> AppState:
        """A state over an already built problem (benchmarks with synthetic matrices)."""
        state = cls(case, case, _Prepared(scores, problem), saved_case=case)
        state._cache[_matrix_key(case, WhatIf())] = state.prepared
        state.result = state.compute(case)
        return state

    # ---- ranking --------------------------------------------------------------------------
    def _prepared_for(self, case: Case, whatif: WhatIf) -> _Prepared:
        key = _matrix_key(case, whatif)
        got = self._cache.get(key)
        if got is None:
            p = prepare(whatif.request(case), self.data)
            got = _Prepared(p.scores, p.problem, p.data)
            if len(self._cache) > 16:  # a few matrices; the oldest go first
                self._cache.pop(next(iter(self._cache)))
            self._cache[key] = got
        return got

    def compute(self, case: Case, whatif: WhatIf | None = None) -> RankResult:
        """``pipeline.rank(case, scenario=..., settings=...)`` on the cached scores and pair
        matrix (only the column weights differ between edits): the same ranking tail,
        ``pipeline.rank_problem``."""
        whatif = self.whatif if whatif is None else whatif
        prepared = self._prepared_for(case, whatif)
        cw = criteria_weights(case.hierarchy, case.weights_preset, case.custom_weights)
        base = prepared.problem
        share = case.mode_attributes.share
        w = np.asarray(base.dm.weights, dtype=float).copy()
        n_crit = len(cw.criteria)
        w[:n_crit] = cw.weights * (1.0 - share)
        if share > 0:
            attrs = base.columns[n_crit:]
            w[n_crit:] = [share * case.mode_attributes.weights[a] for a in attrs]
        problem = replace(base, dm=base.dm.with_weights(w))
        return rank_problem(
            case,
            cw,
            prepared.scores,
            problem,
            case.method,
            dict(case.method_params),
            whatif.scenario,
            prepared.data,
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
    def _apply(
        self, new_case: Case, what: str, *, whatif: WhatIf | None = None, record: bool = True
    ) -> RankResult:
        whatif = self.whatif if whatif is None else whatif
        result = self.compute(new_case, whatif)  # raises before anything changes if invalid
        if record:
            self.undo_stack.append(Edit(self.case, new_case, what, self.whatif, whatif))
            self.redo_stack.clear()
        self.previous_ranks = self.ranks()
        self.case = new_case
        self.whatif = whatif
        self.result = result
        return result

    def current_weights(self) -> dict[str, float]:
        assert self.result is not None
        cw = self.result.weights
        return dict(zip(cw.criteria, (float(v) for v in cw.weights), strict=True))

    def set_weight(self, criterion: str, value: float) -> RankResult:
        """Set one criterion weight directly; the others rescale proportionally (preset custom)."""
        weights = rescale(self.current_weights(), criterion, value)
        basis = self.case.custom_weights_basis or APP_BASIS
        new = replace(
            self.case, weights_preset="custom", custom_weights=weights, custom_weights_basis=basis
        )
        return self._apply(new, f"weight {criterion} = {weights[criterion]:.3f}")

    def set_weights(self, weights: dict[str, float]) -> RankResult:
        """Set every criterion weight at once (preset custom): ``weights`` are relative
        importances (finite, >= 0, not all 0), normalised to sum 1. Equal to the weights in force
        (within 1e-9): nothing changes."""
        crit = list(self.current_weights())
        values = [float(weights.get(c, 0.0)) for c in crit]
        if not all(math.isfinite(v) and v >= 0 for v in values) or sum(values) <= 0:
            raise ValueError("weights must be finite, at least 0 and not all 0")
        total = sum(v / max(values) for v in values)  # scaled first: no overflow
        new_w = {c: (v / max(values)) / total for c, v in zip(crit, values, strict=True)}
        now = self.current_weights()
        if self.case.weights_preset == "custom" and all(
            abs(new_w[c] - now[c]) <= 1e-9 for c in crit
        ):
            assert self.result is not None
            return self.result
        basis = self.case.custom_weights_basis or APP_BASIS
        new = replace(
            self.case, weights_preset="custom", custom_weights=new_w, custom_weights_basis=basis
        )
        return self._apply(new, "weights " + ", ".join(f"{c} {v:.3f}" for c, v in new_w.items()))

    def nudge_weight(self, criterion: str, delta: float) -> RankResult:
        return self.set_weight(criterion, self.current_weights()[criterion] + delta)

    def set_preset(self, preset: str) -> RankResult:
        if preset == "custom" and not self.case.custom_weights:
            # Start custom weights from the weights in force.
            new = replace(
                self.case,
                weights_preset="custom",
                custom_weights=self.current_weights(),
                custom_weights_basis=self.case.custom_weights_basis or APP_BASIS,
            )
        else:
            new = replace(self.case, weights_preset=preset)
        return self._apply(new, f"preset {preset}")

    def cycle_preset(self) -> RankResult:
        i = PRESET_CYCLE.index(self.case.weights_preset)
        return self.set_preset(PRESET_CYCLE[(i + 1) % len(PRESET_CYCLE)])

    # ---- the modes' own attributes ----------------------------------------------------------
    def attribute_ids(self) -> tuple[str, ...]:
        return tuple(self.case.catalog.attributes)

    def attribute_weights(self) -> dict[str, float]:
        """The attribute weights (sum 1); equal when the case gives none (share 0)."""
        ids = self.attribute_ids()
        w = self.case.mode_attributes.weights
        if w and all(a in w for a in ids):
            return {a: float(w[a]) for a in ids}
        return {a: 1.0 / len(ids) for a in ids}

    def set_attribute_share(self, share: float) -> RankResult:
        """The share of the total weight on the modes' own attributes, in [0, 0.95]."""
        share = round(float(min(MAX_ATTRIBUTE_SHARE, max(0.0, share))), 6)
        weights = self.attribute_weights() if share > 0 else {}
        new = replace(self.case, mode_attributes=self._attributes(share, weights))
        return self._apply(new, f"attribute share = {share:.2f}")

    def set_attribute_weight(self, attribute: str, value: float) -> RankResult:
        """One attribute's weight within the attributes; the others rescale (sum 1)."""
        weights = rescale(self.attribute_weights(), attribute, value)
        new = replace(
            self.case, mode_attributes=self._attributes(self.case.mode_attributes.share, weights)
        )
        return self._apply(new, f"attribute weight {attribute} = {weights[attribute]:.3f}")

    def _attributes(self, share: float, weights: dict[str, float]) -> ModeAttributeWeights:
        """New attribute weights with their basis: the file's basis while they are the file's
        numbers, else one note saying what the file had, before the file's basis."""
        orig = self.original.mode_attributes
        same = abs(share - orig.share) < 1e-9 and all(
            abs(weights.get(a, 0.0) - orig.weights.get(a, 0.0)) < 1e-9
            for a in {*weights, *orig.weights}
        )
        if same:
            return ModeAttributeWeights(share, weights, orig.basis, orig.basis_zh)
        note = f"set in the coopselect app (the file had share {orig.share:g})."
        return ModeAttributeWeights(share, weights, f"{note} {orig.basis}".strip())

    # ---- judgments ----------------------------------------------------------------------------
    def judgments(self, criterion: str | None = None) -> tuple[Judgment, ...]:
        """Top-level judgments (``criterion`` None) or those among one criterion's sub-criteria."""
        h = self.case.hierarchy
        return h.judgments if criterion is None else h.subjudgments.get(criterion, ())

    def labels(self, criterion: str | None = None) -> tuple[str, ...]:
        h = self.case.hierarchy
        if criterion is None:
            return h.criterion_ids
        return next(c.subcriteria for c in h.criteria if c.id == criterion)

    def judgment(self, a: str, b: str, criterion: str | None = None) -> Judgment | None:
        return next((j for j in self.judgments(criterion) if {j.a, j.b} == {a, b}), None)

    def judgment_value(self, a: str, b: str, criterion: str | None = None) -> float | None:
        """How many times ``a`` matters more than ``b`` per the current judgments (None: unset)."""
        j = self.judgment(a, b, criterion)
        if j is None:
            return None
        return j.value if (j.a, j.b) == (a, b) else 1.0 / j.value

    def _with_judgments(self, criterion: str | None, judgments: tuple[Judgment, ...]) -> Case:
        h = self.case.hierarchy
        if criterion is None:
            return replace(self.case, hierarchy=replace(h, judgments=judgments))
        subs = dict(h.subjudgments)
        subs[criterion] = judgments
        return replace(self.case, hierarchy=replace(h, subjudgments=subs))

    def _original_judgment(self, a: str, b: str, criterion: str | None) -> Judgment | None:
        h = self.original.hierarchy
        pool = h.judgments if criterion is None else h.subjudgments.get(criterion, ())
        return next((j for j in pool if {j.a, j.b} == {a, b}), None)

    def set_judgment(
        self, a: str, b: str, value: float, criterion: str | None = None
    ) -> RankResult:
        """Set the judgment "a vs b" (Saaty scale) at the top level or within ``criterion``.

        The judgment keeps its orientation in the file; its reason follows
        :func:`judgment_reason`. The weights preset is left as it is: under another preset than
        ``ahp`` the edit changes the AHP weights, not the ranking (the app says so).
        """
        if a == b:
            raise ValueError("a criterion is not compared with itself")
        if not (
            math.isfinite(float(value)) and JUDGMENT_RANGE[0] <= float(value) <= JUDGMENT_RANGE[1]
        ):
            raise ValueError(
                f"a judgment is a ratio from 1/9 to 9 on Saaty's scale (given {value}); "
                "give e.g. 3 or 1/3"
            )
        if a not in self.labels(criterion) or b not in self.labels(criterion):
            raise ValueError(f"{a} and {b} are not compared in this matrix")
        value = float(value)
        judgments = list(self.judgments(criterion))
        for k, j in enumerate(judgments):
            if {j.a, j.b} == {a, b}:
                v = value if (j.a, j.b) == (a, b) else 1.0 / value
                if abs(v - j.value) < 1e-12:
                    return self.result  # type: ignore[return-value]
                reason = judgment_reason(j, v, self._original_judgment(a, b, criterion))
                zh = j.reason_zh if reason == j.reason else ""  # a changed reason has no zh yet
                judgments[k] = Judgment(j.a, j.b, v, saaty_text(v), reason, zh)
                text = f"{j.a} vs {j.b} = {saaty_text(v)}"
                break
        else:
            judgments.append(Judgment(a, b, value, saaty_text(value), "set in the coopselect app"))
            text = f"{a} vs {b} = {saaty_text(value)}"
        new = self._with_judgments(criterion, tuple(judgments))
        where = "judgment" if criterion is None else f"judgment in {criterion}:"
        return self._apply(new, f"{where} {text}")

    def set_reason(self, a: str, b: str, reason: str, criterion: str | None = None) -> RankResult:
        """The analyst's own reason for a judgment (replaces any app note)."""
        judgments = list(self.judgments(criterion))
        for k, j in enumerate(judgments):
            if {j.a, j.b} == {a, b}:
                judgments[k] = replace(j, reason=" ".join(reason.split()), reason_zh="")
                break
        else:
            raise ValueError(f"{a} vs {b} has no judgment yet: set its value first")
        new = self._with_judgments(criterion, tuple(judgments))
        return self._apply(new, f"reason {a} vs {b}")

    def set_method(self, method: str) -> RankResult:
        """Switch the ranking method; the case's own parameters apply only to its own method."""
        params = dict(self.original.method_params) if method == self.original.method else {}
        new = replace(self.case, method=method, method_params=params)
        return self._apply(new, f"method {method}")

    # ---- what-ifs -------------------------------------------------------------------------------
    def set_scenario(self, scenario: str | None) -> RankResult:
        """Apply one ``[scenarios.NAME]`` of the case (None: no scenario)."""
        whatif = WhatIf(scenario, self.whatif.settings)
        return self._apply(self.case, f"scenario {scenario or '-'}", whatif=whatif)

    def add_setting(self, setting: str) -> RankResult:
        """Add ``ISO3.FEATURE=VALUE`` (a later setting of the same country and feature wins)."""
        text = "".join(setting.split())
        iso, _, rest = text.partition(".")
        text = f"{iso.upper()}.{rest}"
        lhs = text.partition("=")[0]
        kept = tuple(s for s in self.whatif.settings if s.partition("=")[0] != lhs)
        whatif = WhatIf(self.whatif.scenario, (*kept, text))
        return self._apply(self.case, f"set {text}", whatif=whatif)

    def remove_setting(self, index: int) -> RankResult:
        settings = list(self.whatif.settings)
        gone = settings.pop(index)
        whatif = WhatIf(self.whatif.scenario, tuple(settings))
        return self._apply(self.case, f"unset {gone}", whatif=whatif)

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
        self._apply(edit.before, edit.what, whatif=edit.whatif_before, record=False)
        self.redo_stack.append(edit)
        return edit

    def redo(self) -> Edit | None:
        if not self.redo_stack:
            return None
        edit = self.redo_stack.pop()
        self._apply(edit.after, edit.what, whatif=edit.whatif_after, record=False)
        self.undo_stack.append(edit)
        return edit

    # ---- saving ---------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self.case is not self.saved_case

    def mark_saved(self) -> None:
        self.saved_case = self.case
