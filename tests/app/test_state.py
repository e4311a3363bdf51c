"""The app's model without textual: rescaling, undo/redo, and agreement with pipeline.rank."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

import numpy as np
import pytest

from coopselect.app.state import (
    SAATY,
    AppState,
    nearest_saaty,
    rescale,
    saaty_step,
    saaty_text,
)
from coopselect.io.loaders.case_loader import load_case
from coopselect.io.loaders.judgments import judgment_matrix
from coopselect.pipeline import rank


@pytest.fixture(scope="module")
def case():
    return load_case(None)


def order(result):
    return [(p.country, p.mode) for p in result.pairs]


def test_rescale_keeps_sum_one_and_proportions():
    w = {"a": 0.5, "b": 0.3, "c": 0.2}
    out = rescale(w, "a", 0.2)
    assert out["a"] == pytest.approx(0.2)
    assert sum(out.values()) == pytest.approx(1.0)
    assert out["b"] / out["c"] == pytest.approx(0.3 / 0.2)


def test_rescale_clamps_and_handles_zero_rest():
    assert sum(rescale({"a": 0.5, "b": 0.5}, "a", 1.7).values()) == pytest.approx(1.0)
    out = rescale({"a": 1.0, "b": 0.0, "c": 0.0}, "a", 0.4)
    assert out == pytest.approx({"a": 0.4, "b": 0.3, "c": 0.3})
    assert rescale({"a": 0.3, "b": 0.7}, "a", -1)["b"] == pytest.approx(1.0)


def test_saaty_scale_helpers():
    assert len(SAATY) == 17 and SAATY[0] == Fraction(1, 9) and SAATY[-1] == 9
    assert nearest_saaty(2.9) == 3 and nearest_saaty(0.34) == Fraction(1, 3)
    assert saaty_step(3, 1) == 4 and saaty_step(1, -1) == Fraction(1, 2)
    assert saaty_step(9, 1) == 9 and saaty_step(1 / 9, -1) == Fraction(1, 9)
    assert saaty_text(1 / 3) == "1/3" and saaty_text(5.0) == "5" and saaty_text(2.5) == "2.5"


def test_open_matches_pipeline(case):
    state = AppState.open(case)
    assert order(state.result) == order(rank(case))
    assert not state.dirty and not state.can_undo


def test_weight_edit_matches_rank_of_the_edited_case(case):
    state = AppState.open(case)
    state.set_weight("political_risk", 0.6)
    w = state.current_weights()
    assert w["political_risk"] == pytest.approx(0.6)
    assert sum(w.values()) == pytest.approx(1.0)
    assert state.case.weights_preset == "custom"
    expected = rank(replace(case, weights_preset="custom", custom_weights=w))
    assert order(state.result) == order(expected)
    assert [p.score for p in state.result.pairs] == pytest.approx([p.score for p in expected.pairs])
    assert state.dirty


def test_judgment_edit_matches_ahp_engine(case):
    from coopselect.ahp import priorities

    state = AppState.open(case)
    state.set_judgment("esg_pressure", "resource_endowment", 5)
    assert state.judgment_value("resource_endowment", "esg_pressure") == pytest.approx(0.2)
    labels = case.hierarchy.criterion_ids
    m = judgment_matrix(state.case.hierarchy.judgments, labels)
    res = priorities(m, method="eigen", ri="saaty1980")
    assert state.result.weights.top.cr == pytest.approx(float(res.cr))
    assert state.result.weights.weights == pytest.approx(np.asarray(res.weights))
    assert order(state.result) == order(rank(state.case))
    # one judgment per pair, even when the edit is written the other way round
    pairs = [frozenset((j.a, j.b)) for j in state.case.hierarchy.judgments]
    assert len(pairs) == len(set(pairs))


def test_undo_redo_and_rank_change(case):
    state = AppState.open(case)
    first = order(state.result)
    state.set_preset("equal")
    state.set_weight("resource_endowment", 0.05)
    moved = order(state.result)
    assert any(state.rank_change(c, m) for c, m in moved)
    assert state.undo().what.startswith("weight")
    assert state.case.weights_preset == "equal"
    state.undo()
    assert order(state.result) == first and not state.dirty
    assert state.undo() is None
    state.redo()
    state.redo()
    assert order(state.result) == moved
    assert state.redo() is None
    state.undo()
    state.set_preset("fraser")  # a new edit clears the redo stack
    assert not state.can_redo


def test_preset_cycle_and_custom_start(case):
    state = AppState.open(case)
    seen = []
    for _ in range(4):
        state.cycle_preset()
        seen.append(state.case.weights_preset)
    assert seen == ["fraser", "equal", "custom", "ahp"]
    assert sum(state.case.custom_weights.values()) == pytest.approx(1.0)
    for p in ("fraser", "equal"):
        state.set_preset(p)
        assert order(state.result) == order(rank(state.case))


def test_method_switch_uses_case_params_only_for_its_own_method(case):
    from coopselect.methods import available_methods

    others = [m for m in available_methods() if m != case.method]
    if not others:
        pytest.skip("only one method registered")
    state = AppState.open(case)
    state.set_method(others[0])
    assert state.case.method_params == {}
    assert order(state.result) == order(rank(case, method=others[0]))
    state.set_method(case.method)
    assert state.case.method_params == case.method_params


def test_attribute_share_from_zero_and_back_matches_rank(case):
    state = AppState.open(case)
    state.set_attribute_share(0)
    assert order(state.result) == order(rank(state.case))
    assert state.case.mode_attributes.weights == {}
    state.set_attribute_share(0.2)  # the attribute columns come back, equally weighted
    w = state.case.mode_attributes.weights
    assert sum(w.values()) == pytest.approx(1.0) and len(set(w.values())) == 1
    assert order(state.result) == order(rank(state.case))
    assert [p.score for p in state.result.pairs] == pytest.approx(
        [p.score for p in rank(state.case).pairs]
    )


def test_subjudgment_edit_rebuilds_the_matrix_like_rank(case):
    state = AppState.open(case)
    crit = next(c for c in case.hierarchy.criteria if len(c.subcriteria) > 1)
    a, b = crit.subcriteria[:2]
    state.set_judgment(a, b, 1 / 7, crit.id)
    assert state.judgment_value(b, a, crit.id) == pytest.approx(7)
    expected = rank(state.case)
    assert order(state.result) == order(expected)
    assert [p.score for p in state.result.pairs] == pytest.approx([p.score for p in expected.pairs])
    state.undo()
    assert order(state.result) == order(rank(case))
