"""The comparison services: several methods on one matrix; one case under several scenarios."""

from __future__ import annotations

import numpy as np
import pytest

from coopselect.errors import CoopselectError
from coopselect.services.compare import compare_methods, is_problem, scenario_variants
from coopselect.services.ranking import rank
from coopselect.services.request import CaseRequest


def test_methods_on_a_case_rank_its_pairs_as_rank_does():
    run = compare_methods(CaseRequest(), "topsis,wsm")
    assert run.comparison.methods == ("topsis", "wsm")
    assert run.case is not None and run.problem is not None
    assert run.alternatives == tuple(f"{c}:{m}" for c, m in run.problem.pairs)
    ranked = rank(CaseRequest(method="wsm"))  # the default case: every host endowed
    want = {f"{p.country}:{p.mode}": p.rank for p in ranked.pairs}
    got = run.comparison.ranks("wsm")
    assert [want[a] for a in run.alternatives] == list(np.asarray(got).astype(int))


def test_methods_on_a_csv_problem(tmp_path):
    p = tmp_path / "p.csv"
    p.write_text("name,b,c\nX,2,10\nY,4,5\n", encoding="utf-8")
    assert is_problem(str(p)) and not is_problem("central_asia")
    run = compare_methods(
        CaseRequest(str(p)), ["topsis", "wsm"], types="benefit,cost", weight_values="0.6,0.4"
    )
    assert run.alternatives == ("X", "Y") and run.case is None
    assert list(run.comparison.ranks("wsm")) == [2, 1]  # Y: more b, less c
    with pytest.raises(CoopselectError, match="apply to cases"):
        compare_methods(CaseRequest(str(p), scenario="x"), "topsis,wsm", types="benefit,cost")


def test_a_case_under_two_scenarios():
    variants = scenario_variants([CaseRequest()], ["base", "uzb_raw_ore_ban"])
    assert [label for label, _ in variants] == ["base", "uzb_raw_ore_ban"]
    assert [res.scenario for _, res in variants] == [None, "uzb_raw_ore_ban"]
    assert variants[1][1].overrides  # the scenario's settings were applied


def test_a_scenario_comparison_needs_two_variants_and_one_way_to_name_them():
    with pytest.raises(CoopselectError, match="at least two"):
        scenario_variants([CaseRequest()], None)
    with pytest.raises(CoopselectError, match="together"):
        scenario_variants([CaseRequest(scenario="uzb_raw_ore_ban")], ["base", "x"])
