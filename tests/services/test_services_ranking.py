"""The ranking services: a CaseRequest in, a RankResult (plain data) out."""

from __future__ import annotations

import numpy as np
import pytest

from coopselect.app.state import AppState
from coopselect.errors import CoopselectError
from coopselect.explanation import Explanation, HostExplanation
from coopselect.services import ranking
from coopselect.services.request import CaseRequest


@pytest.fixture(scope="module")
def default():
    return ranking.rank(CaseRequest())


def test_rank_orders_every_pair_of_the_default_case(default):
    case = default.case
    assert len(default.pairs) == len(case.countries) * len(case.catalog.modes)
    ranks = [p.rank for p in default.pairs]
    assert ranks == sorted(ranks) and ranks[0] == 1
    scores = [p.score for p in default.pairs]  # TOPSIS: higher is better
    assert default.higher_is_better and scores == sorted(scores, reverse=True)


def test_the_request_overrides_method_weights_and_hosts():
    res = ranking.rank(CaseRequest(method="VIKOR", weights="equal", settings=("KAZ.governance=1",)))
    assert res.method == "vikor" and not res.higher_is_better
    assert res.weights.preset == "equal"
    assert np.allclose(res.weights.weights, 1 / len(res.weights.criteria))
    assert res.features.row("KAZ")["governance"] == 1.0
    assert [(o.country, o.feature, o.value) for o in res.overrides] == [("KAZ", "governance", 1.0)]


def test_prepare_gives_the_matrix_rank_ranks(default):
    p = ranking.prepare(CaseRequest())
    assert p.case.id == default.case.id
    assert p.problem.pairs == default.problem.pairs
    assert np.array_equal(p.problem.dm.matrix, default.problem.dm.matrix)


def test_an_unknown_scenario_is_one_error():
    with pytest.raises(CoopselectError, match="scenario 'nope'"):
        ranking.rank(CaseRequest(scenario="nope"))


def test_explain_a_pair_and_a_host(default):
    top = default.pairs[0]
    ex = ranking.explain(default, top.country.lower(), top.mode)
    assert isinstance(ex, Explanation)
    hx = ranking.explain(default, top.country)
    assert isinstance(hx, HostExplanation)
    assert hx.best_mode.mode == default.best_mode_by_country()[top.country].mode


def test_the_app_ranks_as_the_service_also_with_a_host_of_no_known_endowment():
    # Japan has no known copper endowment: its pairs come after every endowed host's, in the
    # app's fast re-rank as in the pipeline (the app once left them where the method put them).
    req = CaseRequest(countries="KAZ,UZB,MNG,JPN", minerals="copper").resolved()
    want = ranking.rank(req)
    assert want.no_known_endowment == ("JPN",)
    n = sum(1 for p in want.pairs if p.country != "JPN")
    assert {p.country for p in want.pairs[n:]} == {"JPN"}
    state = AppState.open(req.case)
    assert state.result is not None
    got = [(p.rank, p.country, p.mode) for p in state.result.pairs]
    assert got == [(p.rank, p.country, p.mode) for p in want.pairs]
