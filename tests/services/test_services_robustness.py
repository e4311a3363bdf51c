"""The one robustness composition: SMAA, critical weights, sweeps, leaving one host out."""

from __future__ import annotations

import math

import pytest

from coopselect.app import robust as app_robust
from coopselect.errors import CoopselectError
from coopselect.services.ranking import rank
from coopselect.services.request import CaseRequest
from coopselect.services.robustness import RobustnessSettings, robustness, smaa_params


@pytest.fixture(scope="module")
def result():
    return rank(CaseRequest())


def test_smaa_first_rank_acceptabilities_sum_to_one_and_repeat(result):
    settings = RobustnessSettings(samples=300, seed=7)
    out = robustness(result, settings)
    ra = out.smaa["rank_acceptability"]
    assert set(ra) == set(result.problem.dm.alternatives)
    assert math.isclose(sum(v[0] for v in ra.values()), 1.0, abs_tol=1e-9)
    again = robustness(result, settings)
    assert again.smaa["rank_acceptability"] == ra


def test_the_critical_weights_start_from_the_leading_pair(result):
    out = robustness(result, RobustnessSettings(samples=50, seed=1))
    top = result.pairs[0]
    assert out.leader == f"{top.country}:{top.mode}"
    assert out.critical_weights
    assert out.most_sensitive is None or out.most_sensitive in out.critical_weights


def test_sweeps_and_host_removals_only_when_asked(result):
    bare = robustness(result, RobustnessSettings(samples=50, seed=1, critical=False))
    assert bare.leader is None and bare.sweeps == () and bare.host_removals is None
    column = result.problem.dm.criteria[0]
    out = robustness(
        result,
        RobustnessSettings(samples=50, seed=1, sweeps=(column,), leave_host_out=True),
    )
    assert [s.criterion for s in out.sweeps] == [column]
    assert out.host_removals is not None
    assert set(out.host_removals.hosts) == set(result.case.countries)


def test_an_unknown_sweep_column_stops_before_smaa(result):
    calls = []
    with pytest.raises(CoopselectError):
        robustness(
            result,
            RobustnessSettings(samples=50, seed=1, sweeps=("nope",)),
            progress=lambda done, total: calls.append(done),
        )
    assert calls == []


@pytest.mark.parametrize("k", [0.0, -1.0, math.inf, 2e6])
def test_impossible_concentrations_are_refused(k):
    with pytest.raises(CoopselectError, match="--concentration"):
        RobustnessSettings(concentration=k).check()


def test_value_uncertainty_widens_the_spotis_bounds():
    res = rank(CaseRequest(method="spotis"))
    plain = smaa_params(res, None)["bounds"]
    wide = smaa_params(res, 0.1)["bounds"]
    for (lo, hi), (wlo, whi) in zip(plain, wide, strict=True):
        assert math.isclose(wlo, lo * 0.9) and math.isclose(whi, hi * 1.1)


def test_the_app_runs_the_same_smaa_as_the_service(result):
    app = app_robust.run(result, samples=200, seed=0)
    service = robustness(result, RobustnessSettings(samples=200, seed=0, critical=False))
    assert app["rank_acceptability"] == service.smaa["rank_acceptability"]
