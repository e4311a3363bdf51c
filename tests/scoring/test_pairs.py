"""Pair model v3 (docs/model.md): supply secured, safety, infrastructure and ESG columns on small
examples computed by hand, their invariants, and the default case's matrix."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopselect.domain.features import BARRIERS, PROFILE_KEYS
from coopselect.domain.model import Judged, Mode
from coopselect.pipeline import prepare
from coopselect.scoring.barriers import Barriers
from coopselect.scoring.features import HostFeatures
from coopselect.scoring.pairs import MINERAL_POWER, either, pair_columns
from hypothesis_budget import examples

P = MINERAL_POWER


def make_mode(h: dict[str, float] | None = None, **profile: float) -> Mode:
    p = {k: Judged(profile.get(k, 0.0), "test") for k in PROFILE_KEYS}
    r = {b: Judged((h or {}).get(b, 0.0), "test") for b in BARRIERS}
    return Mode("m", "M", "M", "", "", "", p, r, {}, {})


def make_host(
    *,
    ep,
    er,
    ex=None,
    g=0.5,
    i=0.5,
    s=0.5,
    t=0.0,
    barriers: dict[str, list[float]] | None = None,
    weights=None,
) -> HostFeatures:
    ep, er = np.atleast_2d(ep).astype(float), np.atleast_2d(er).astype(float)
    n = ep.shape[1]
    ex = np.zeros((1, n)) if ex is None else np.atleast_2d(ex).astype(float)
    w = np.full(n, 1.0 / n) if weights is None else np.asarray(weights, float)
    per = {"production": ep, "reserves": er, "exploration_potential": ex}
    for b in BARRIERS:
        per[b] = np.atleast_2d((barriers or {}).get(b, [0.0] * n)).astype(float)
    mins = tuple(f"m{j}" for j in range(n))
    bar = Barriers(("AAA",), mins, date(2025, 1, 1), {b: per[b] for b in BARRIERS}, {})
    scalar = {
        "governance": np.array([g]),
        "infrastructure": np.array([i]),
        "esg": np.array([s]),
        "technology_gap": np.array([t]),
    }
    return HostFeatures(
        ("AAA",), mins, w, scalar, per, {"production": w, "reserves": w}, bar, np.ones(1), ()
    )


def pmean(parts, w):
    """The power mean over minerals, computed independently of the module."""
    return sum(wi * x**P for wi, x in zip(w, parts, strict=True)) ** (1 / P)


def test_either_is_the_weighted_power_mean_and_keeps_a_one_mineral_producer():
    assert either([np.array([1.0]), np.array([0.0])], np.array([0.5, 0.5]))[0] == pytest.approx(
        0.5 ** (1 / P)
    )
    # homogeneous: half the control of every mineral, half the supply
    a = either([np.array([0.6]), np.array([0.2])], np.array([0.3, 0.7]))[0]
    b = either([np.array([0.3]), np.array([0.1])], np.array([0.3, 0.7]))[0]
    assert b == pytest.approx(a / 2)
    # a major producer of one of six equally needed minerals keeps most of its value
    six = either([np.array([1.0])] + [np.array([0.0])] * 5, np.full(6, 1 / 6))[0]
    assert six > 0.8


def test_capture_is_blocked_per_mineral_by_hand():
    # two minerals, equal weights; an export ban (B = 1) on mineral 0 only, mode response h = 0.5
    host = make_host(ep=[0.8, 0.2], er=[0.5, 0.0], barriers={"export_restriction": [1.0, 0.0]})
    mode = make_mode({"export_restriction": 0.5}, capture_production=0.6, capture_reserves=0.4)
    cols, (capture, unblocked, service, opening, _raw, allowed, blocked) = pair_columns(mode, host)
    c0, c1 = 0.6 * 0.8 + 0.4 * 0.5, 0.6 * 0.2  # 0.68 and 0.12 unblocked
    assert capture[0] == pytest.approx(pmean([c0 * 0.5, c1], [0.5, 0.5]))
    assert unblocked[0] == pytest.approx(pmean([c0, c1], [0.5, 0.5]))
    assert allowed[0].tolist() == pytest.approx([0.5, 1.0])
    # the export restriction alone removes the difference
    assert blocked[0, BARRIERS.index("export_restriction")] == pytest.approx(
        pmean([c0, c1], [0.5, 0.5]) - pmean([c0 * 0.5, c1], [0.5, 0.5])
    )
    assert service[0] == 0.0 and opening[0] == 0.0
    assert cols["value"][0] == pytest.approx(capture[0])


def test_exploration_potential_is_captured_by_its_own_share():
    host = make_host(ep=[0.0], er=[0.1], ex=[0.9])
    mode = make_mode(capture_reserves=0.1, capture_potential=0.9)
    cols, _ = pair_columns(mode, host)
    assert cols["value"][0] == pytest.approx(0.1 * 0.1 + 0.9 * 0.9)


def test_infrastructure_gates_undeveloped_reserves_only_by_hand():
    # reserves 0.8, of which 0.2 behind current production; deliverability 1 - 0.6 x (1 - 0.25)
    mode = make_mode(
        capture_production=0.5,
        capture_reserves=0.4,
        capture_potential=0.1,
        reliance_infrastructure=0.6,
    )
    host = make_host(ep=[0.2], er=[0.8], ex=[0.5], i=0.25)
    cols, (capture, *_rest) = pair_columns(mode, host)
    reserves = 0.2 + (0.8 - 0.2) * (1 - 0.6 * 0.75)
    assert capture[0] == pytest.approx(0.5 * 0.2 + 0.4 * reserves + 0.1 * 0.5)
    # production and the reserves behind it are carried by the infrastructure that exists
    mined = make_host(ep=[0.8], er=[0.8], ex=[0.5], i=0.25)
    mined_full = make_host(ep=[0.8], er=[0.8], ex=[0.5], i=1.0)
    assert pair_columns(mode, mined)[1][0][0] == pytest.approx(0.5 * 0.8 + 0.4 * 0.8 + 0.05)
    assert pair_columns(mode, mined)[1][0][0] == pair_columns(mode, mined_full)[1][0][0]
    # better infrastructure never lowers the supply of a mode that relies on it
    full = make_host(ep=[0.2], er=[0.8], ex=[0.5], i=1.0)
    assert pair_columns(mode, full)[0]["value"][0] > cols["value"][0]
    # the infrastructure column still carries the reliance of running what the mode holds
    assert cols["infrastructure"][0] == pytest.approx(1 - 0.6 * 0.75)


def test_a_mode_that_builds_infrastructure_is_paid_from_undeveloped_deposits_by_hand():
    mode = make_mode(capture_reserves=0.2, reliance_infrastructure=0.2, serves_infrastructure=0.6)
    undeveloped = make_host(ep=[0.2], er=[0.8], i=0.25)
    _cols, (capture, *_rest) = pair_columns(mode, undeveloped)
    assert capture[0] == pytest.approx(0.2 * (1 - 0.25) * (0.8 - 0.2))
    # nothing where the deposits are already mined or the infrastructure is already there
    assert pair_columns(mode, make_host(ep=[0.8], er=[0.8], i=0.25))[1][0][0] == 0.0
    assert pair_columns(mode, make_host(ep=[0.2], er=[0.8], i=1.0))[1][0][0] == 0.0


def test_a_barrier_that_is_the_way_in_opens_by_hand():
    host = make_host(ep=[0.8, 0.2], er=[0.5, 0.0], barriers={"export_restriction": [1.0, 0.0]})
    mode = make_mode({"export_restriction": -0.5})
    cols, (_c, _u, _s, opening, *_rest) = pair_columns(mode, host)
    # mineral 0: activity max(0.8, 0.5) x (1 - (1 - 0.5 x 1)) = 0.4; mineral 1: none
    assert opening[0] == pytest.approx(pmean([0.4, 0.0], [0.5, 0.5]))
    assert cols["value"][0] == pytest.approx(opening[0])


def test_indirect_supply_grows_with_endowment_never_with_the_gaps():
    mode = make_mode(indirect_supply=0.1, serves_technology=0.6, serves_infrastructure=0.3)
    host = make_host(ep=[0.8, 0.2], er=[0.5, 0.0], ex=[0.0, 0.6], i=0.4, t=0.5)
    cols, (_c, _u, service, *_rest) = pair_columns(mode, host)
    # 0.1 x max(activity_n, potential_n) per mineral: 0.08 and 0.06
    assert service[0] == pytest.approx(pmean([0.08, 0.06], [0.5, 0.5]))
    gapless = make_host(ep=[0.8, 0.2], er=[0.5, 0.0], ex=[0.0, 0.6], i=1.0, t=0.0)
    cols0, (_c, _u, service0, *_rest) = pair_columns(mode, gapless)
    assert service0[0] == service[0] and cols0["value"][0] == cols["value"][0]
    # the gaps make the mode welcome: the infrastructure column
    assert cols["infrastructure"][0] == pytest.approx(min(1.0, 1 + 0.6 * 0.5 + 0.3 * 0.6))
    assert cols0["infrastructure"][0] == pytest.approx(1.0)


def test_exposure_columns_by_hand():
    host = make_host(ep=[0.0], er=[0.0], g=0.3, i=0.6, s=0.9)
    mode = make_mode(commitment=0.8, reliance_infrastructure=0.5, reliance_esg=0.25)
    cols, _ = pair_columns(mode, host)
    assert cols["safety"][0] == pytest.approx(1 - 0.8 * 0.7)
    assert cols["infrastructure"][0] == pytest.approx(1 - 0.5 * 0.4)
    assert cols["esg"][0] == pytest.approx(1 - 0.25 * 0.1)


def test_value_is_capped_at_one():
    host = make_host(ep=[1.0], er=[1.0], barriers={"state_participation": [1.0]})
    mode = make_mode(
        {"state_participation": -1.0},
        capture_production=0.5,
        capture_reserves=0.5,
        indirect_supply=0.5,
    )
    cols, (*_x, raw, _allowed, _blocked) = pair_columns(mode, host)
    assert raw[0] == pytest.approx(1.0)  # each mineral's part is clipped at 1 before the mean
    assert cols["value"][0] == 1.0


unit = st.floats(0, 1)


@st.composite
def host_and_mode(draw):
    n = draw(st.integers(1, 3))
    host = make_host(
        ep=[draw(unit) for _ in range(n)],
        er=[draw(unit) for _ in range(n)],
        ex=[draw(unit) for _ in range(n)],
        g=draw(unit),
        i=draw(unit),
        s=draw(unit),
        t=draw(unit),
        barriers={b: [draw(unit) for _ in range(n)] for b in BARRIERS},
    )
    cp = draw(unit)
    cr = draw(st.floats(0, 1 - cp))
    st_ = draw(unit)
    mode = make_mode(
        {b: draw(st.floats(-1, 1)) for b in BARRIERS},
        capture_production=cp,
        capture_reserves=cr,
        capture_potential=draw(st.floats(0, max(0.0, 1 - cp - cr))),
        indirect_supply=draw(unit),
        commitment=draw(unit),
        reliance_infrastructure=draw(unit),
        reliance_esg=draw(unit),
        serves_technology=st_,
        serves_infrastructure=draw(st.floats(0, 1 - st_)),
    )
    return host, mode


@settings(max_examples=examples(200))
@given(host_and_mode())
def test_every_column_stays_in_the_unit_interval(hm):
    host, mode = hm
    cols, _ = pair_columns(mode, host)
    for v in cols.values():
        assert 0.0 <= v[0] <= 1.0


@settings(max_examples=examples(200))
@given(host_and_mode(), st.sampled_from(BARRIERS), unit)
def test_raising_a_barrier_never_raises_the_capture_of_a_mode_it_blocks(hm, barrier, extra):
    host, mode = hm
    if mode.h(barrier) < 0:
        return
    _, (capture, *_rest) = pair_columns(mode, host)
    raised = host.per_mineral[barrier].copy()
    raised[0] = np.minimum(1.0, raised[0] + extra)
    host.per_mineral[barrier][:] = raised
    _, (capture_after, *_rest) = pair_columns(mode, host)
    assert capture_after[0] <= capture[0] + 1e-12


@settings(max_examples=examples(200))
@given(host_and_mode(), unit)
def test_worse_governance_never_raises_safety(hm, drop):
    host, mode = hm
    cols, _ = pair_columns(mode, host)
    host.scalar["governance"][0] = host.scalar["governance"][0] * (1 - drop)
    cols_after, _ = pair_columns(mode, host)
    assert cols_after["safety"][0] <= cols["safety"][0] + 1e-12


def test_default_case_pair_matrix_shape_and_weights():
    case, _cw, _scores, problem = prepare(None)
    assert problem.dm.shape == (5 * 7, 4 + 3)
    assert problem.dm.weights.sum() == pytest.approx(1)
    attr = [
        w for w, k in zip(problem.dm.weights, problem.column_kind, strict=True) if k == "attribute"
    ]
    assert sum(attr) == pytest.approx(case.mode_attributes.share)
    # intrinsic columns are the same in every country
    j = problem.columns.index("time_to_supply")
    by_mode: dict[str, set] = {}
    for (_country, mode), v in zip(problem.pairs, problem.dm.matrix[:, j], strict=True):
        by_mode.setdefault(mode, set()).add(v)
    assert all(len(v) == 1 for v in by_mode.values())
    # pair values are rounded so that last-bit differences cannot order pairs
    assert np.array_equal(problem.dm.matrix, np.round(problem.dm.matrix, 12))


def _order_flips(full, sub) -> int:
    """Pairs of (country, mode) pairs present in both results whose strict order differs."""
    sign = 1.0 if full.higher_is_better else -1.0
    a = {(p.country, p.mode): sign * p.score for p in full.pairs}
    b = {(p.country, p.mode): sign * p.score for p in sub.pairs}
    keys = sorted(b)
    flips = 0
    for i, k in enumerate(keys):
        for k2 in keys[i + 1 :]:
            da, db = round(a[k] - a[k2], 12), round(b[k] - b[k2], 12)
            flips += da * db < 0
    return flips


def test_scale_bounds_are_the_models_fixed_scales_and_hold_every_value():
    from coopselect.pipeline import prepare

    for case in ("central_asia", "critical_minerals_alliances", "northeast_asia_precious"):
        problem = prepare(case)[3]
        bounds = problem.scale_bounds()
        kinds = problem.column_kind
        assert bounds == [[0.0, 1.0] if k == "criterion" else [1.0, 5.0] for k in kinds]
        x = problem.dm.matrix
        lo, hi = np.array(bounds).T
        assert ((x >= lo) & (x <= hi)).all(), case


def test_spotis_on_a_case_gets_fixed_bounds_so_removing_a_host_reorders_no_other_pair():
    """Dezert et al. 2020: SPOTIS with bounds fixed in advance is free of rank reversal. On the
    bundled North-East Asia case the bounds taken from the data (the method's fallback) do let the
    removal of one host reorder other pairs, which is why the pipeline passes the model's scales."""
    from dataclasses import replace

    from coopselect.io.loaders.case_loader import load_case
    from coopselect.pipeline import rank

    case = load_case("northeast_asia_precious")
    full = rank(case, method="spotis")
    assert full.method_params["bounds"] == prepare(case)[3].scale_bounds()
    data_full = rank(case, method="spotis", bounds=None)
    fixed_flips = data_flips = 0
    for iso in case.countries:
        sub_case = replace(case, countries=tuple(c for c in case.countries if c != iso))
        fixed_flips += _order_flips(full, rank(sub_case, method="spotis"))
        data_flips += _order_flips(data_full, rank(sub_case, method="spotis", bounds=None))
    assert fixed_flips == 0
    assert data_flips > 0


def test_value_uncertainty_widens_spotis_bounds_and_keeps_given_ones():
    from coopselect.pipeline import prepare

    problem = prepare(None)[3]
    wide = problem.method_params("SPOTIS", None, 0.2)["bounds"]
    assert wide == [pytest.approx([lo * 0.8, hi * 1.2]) for lo, hi in problem.scale_bounds()]
    given = [[0.0, 2.0]] * problem.dm.shape[1]
    assert problem.method_params("spotis", {"bounds": given}, 0.2) == {"bounds": given}
    assert problem.method_params("topsis", {"normalization": "max"}) == {"normalization": "max"}
