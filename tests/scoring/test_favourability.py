"""Country favourability, checked by hand against the bundled source values."""

from __future__ import annotations

import numpy as np
import pytest

from coopselect.errors import CoopselectError
from coopselect.io.data.snapshot import DataSnapshot
from coopselect.io.loaders.case_loader import load_case
from coopselect.messages import render
from coopselect.scoring.favourability import country_scores, normalise
from coopselect.scoring.weights import criteria_weights

DATA = DataSnapshot.read(None)  # the tests' empty data folder: the bundled tables


def test_normalise_benefit_cost_and_zero_range():
    v = np.array([1.0, 3.0, 5.0, np.nan])
    assert normalise(v, 1, 5, "benefit")[:3].tolist() == [0.0, 0.5, 1.0]
    assert normalise(v, 1, 5, "cost")[:3].tolist() == [1.0, 0.5, 0.0]
    assert np.isnan(normalise(v, 1, 5, "benefit")[3])
    assert normalise(v, 2, 2, "benefit")[:3].tolist() == [0.5, 0.5, 0.5]
    # values outside fixed bounds are clipped
    assert normalise(np.array([6.0]), 1, 5, "benefit").tolist() == [1.0]


@pytest.fixture(scope="module")
def default_scores():
    # the EPI-based "default" criteria (the bundled case itself uses the commercial set)
    case = load_case(None, criteria="default")
    cw = criteria_weights(case.hierarchy, "ahp")
    return case, cw, country_scores(case, cw, DATA)


def test_two_item_ahp_is_exact(default_scores):
    # A 2x2 judgment matrix [[1, 2], [1/2, 1]] has weights 2/3, 1/3 and CR 0 by definition.
    _, cw, _ = default_scores
    assert cw.local["infrastructure"].weights == pytest.approx([2 / 3, 1 / 3])
    assert cw.local["infrastructure"].cr == 0


def test_kazakhstan_infrastructure_by_hand(default_scores):
    # LPI 2023 infrastructure KAZ = 2.5 on the fixed 1..5 scale -> (2.5 - 1) / 4 = 0.375;
    # electricity access 2023 = 100 on 0..100 -> 1.0; local weights 2/3, 1/3.
    _case, _, s = default_scores
    k = s.countries.index("KAZ")
    c = s.criteria.index("infrastructure")
    assert s.x[k, c] == pytest.approx(2 / 3 * 0.375 + 1 / 3 * 1.0)


def test_turkmenistan_lpi_gap_takes_worst_candidate(default_scores):
    # TKM has no LPI 2023 score. Rule "worst": the least favourable candidate value, here the
    # 2.4 of UZB and KGZ -> (2.4 - 1) / 4 = 0.35.
    _, _, s = default_scores
    imp = [i for i in s.imputed if i.country == "TKM" and i.indicator == "lpi_infrastructure"]
    assert len(imp) == 1 and imp[0].value == pytest.approx(0.35)
    k = s.countries.index("TKM")
    c = s.criteria.index("infrastructure")
    assert s.x[k, c] == pytest.approx(2 / 3 * 0.35 + 1 / 3 * 1.0)


def test_kazakhstan_esg_by_hand(default_scores):
    # Pair model v3: ESG pressure is the project's ESG risk (criteria/default.toml).
    # WGI 2023 government effectiveness of KAZ, read as capacity (a benefit on -2.5..2.5);
    # EPI 2024 KAZ = 47.5, a cost on 0..100 -> 1 - 0.475 = 0.525; KAZ is an MSP forum member
    # (seed 004) -> tier "forum" = 0.5, a cost on 0..1 -> 0.5. Local weights: the principal
    # eigenvector of [[1, 2, 3], [1/2, 1, 2], [1/3, 1/2, 1]], computed here with numpy.
    import pandas as pd

    from coopselect.paths import data_dir

    wgi = pd.read_csv(data_dir() / "wgi_2019_2023.csv")
    ge = wgi[(wgi.iso3 == "KAZ") & (wgi.year == 2023) & (wgi.indicator_code == "ge")]
    capacity = (float(ge.estimate.iloc[0]) + 2.5) / 5
    a = np.array([[1, 2, 3], [1 / 2, 1, 2], [1 / 3, 1 / 2, 1]])
    vals, vecs = np.linalg.eig(a)
    w = np.abs(np.real(vecs[:, np.argmax(np.real(vals))]))
    w = w / w.sum()
    _, _, s = default_scores
    k = s.countries.index("KAZ")
    c = s.criteria.index("esg_pressure")
    assert s.x[k, c] == pytest.approx(w[0] * capacity + w[1] * 0.525 + w[2] * 0.5)


def test_core_msp_partners_are_the_most_bound_by_its_rules():
    # Version 1 scored only forum members as exposed, so Canada looked the least exposed host.
    case = load_case("critical_minerals_alliances")
    s = country_scores(case, criteria_weights(case.hierarchy, "ahp"), DATA)
    j = s.indicators.index("msp_member")
    fav = dict(zip(s.countries, s.fav[:, j], strict=True))
    assert fav["AUS"] == 0.0  # core partner (seed 004 table 1 row 4)
    assert fav["KAZ"] == 0.5  # forum member
    assert fav["MNG"] == 0.75  # courted by the US
    assert fav["ZWE"] == 1.0  # none of these


def test_governance_uses_the_fixed_wgi_scale(default_scores):
    import pandas as pd

    from coopselect.paths import data_dir

    wgi = pd.read_csv(data_dir() / "wgi_2019_2023.csv")
    w23 = wgi[wgi.year == 2023]
    expected = []
    for code in ("pv", "rl", "rq", "cc"):
        est = w23[w23.indicator_code == code].set_index("iso3").estimate["UZB"]
        expected.append((est + 2.5) / 5.0)
    _, _, s = default_scores
    sub = s.subcriteria.index("governance")
    assert s.sub_scores[s.countries.index("UZB"), sub] == pytest.approx(np.mean(expected))


def test_unlisted_usgs_countries_are_reported_not_silent(default_scores):
    _, _, s = default_scores
    tkm = [i for i in s.imputed if i.country == "TKM" and i.indicator == "reserves_share"]
    # Turkmenistan is in none of the USGS reserve tables of the case's 17 minerals nor in the
    # supplementary table: every one is a listed gap with no share (v3: the "Other countries"
    # residual is never spread)
    assert len(tkm) == 17
    assert all("no known figure" in render(i.detail, "en") and i.value == 0.0 for i in tkm)
    k = s.countries.index("TKM")
    assert s.x[k, s.criteria.index("resource_endowment")] == 0.0


def test_scores_in_unit_interval(default_scores):
    _, _, s = default_scores
    assert np.all((s.x >= 0) & (s.x <= 1))


def test_fail_policy_names_the_gap(write_case, default_case_text):
    text = default_case_text.replace('policy = "impute"\nrule = "worst"', 'policy = "fail"')
    case = load_case(write_case(text))
    with pytest.raises(
        CoopselectError, match=r"no value for TKM on indicator 'lpi_infrastructure'"
    ):
        country_scores(case, criteria_weights(case.hierarchy, "ahp"), DATA)


def test_exclude_policy_drops_and_reports(write_case, default_case_text):
    text = default_case_text.replace('policy = "impute"\nrule = "worst"', 'policy = "exclude"')
    case = load_case(write_case(text))
    s = country_scores(case, criteria_weights(case.hierarchy, "ahp"), DATA)
    assert "TKM" not in s.countries
    assert [e.country for e in s.excluded] == ["TKM"]


def test_usgs_fail_rule(write_case, default_case_text):
    text = default_case_text.replace('usgs_unlisted = "zero"', 'usgs_unlisted = "fail"')
    case = load_case(write_case(text))
    with pytest.raises(CoopselectError, match=r"no known .* figure for [A-Z]{3} \(not in USGS MCS"):
        country_scores(case, criteria_weights(case.hierarchy, "ahp"), DATA)


def test_weight_presets():
    case = load_case(None)
    fr = criteria_weights(case.hierarchy, "fraser")
    ids = list(fr.criteria)
    assert fr.weights[ids.index("resource_endowment")] == pytest.approx(0.6)
    assert fr.weights.sum() == pytest.approx(1)
    eq = criteria_weights(case.hierarchy, "equal")
    assert eq.weights == pytest.approx([0.25] * 4)
