"""Host features against values computed independently from the bundled CSV files (pandas and
the formulas of docs/model.md written out here), and the barrier table's effect."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from coopselect.io.loaders.case_loader import load_case
from coopselect.messages import render
from coopselect.paths import data_dir
from coopselect.pipeline import prepare
from coopselect.scoring.endowment import log_score


def usgs(commodity: str, product: str, measure: str, year=None) -> pd.Series:
    df = pd.read_csv(data_dir() / "usgs_mcs2024_world_production_reserves.csv")
    sel = (df.commodity == commodity) & (df["product"] == product) & (df.measure == measure)
    if year is not None:
        sel &= df.year == year
    return df[sel].set_index("iso3").value_tonnes


def test_log_scale_by_hand():
    assert log_score(1.0, 0.001) == 1.0
    assert log_score(0.1, 0.001) == pytest.approx(2 / 3)
    assert log_score(0.01, 0.001) == pytest.approx(1 / 3)
    assert log_score(0.001, 0.001) == 0.0
    assert log_score(0.0, 0.001) == 0.0
    # v3: the saturating scale, 0.01 % of world -> 0, 10 % -> 1
    assert log_score(0.1, 0.0001, 0.1) == 1.0
    assert log_score(0.3, 0.0001, 0.1) == 1.0
    assert log_score(0.01, 0.0001, 0.1) == pytest.approx(2 / 3)
    assert log_score(0.001, 0.0001, 0.1) == pytest.approx(1 / 3)


@pytest.fixture(scope="module")
def default_problem():
    return prepare(None)


def test_tajik_antimony_is_a_major_producer_on_the_v3_scale(default_problem):
    # Version 1 scaled shares by the largest producer, so Tajikistan's antimony scored 0.044;
    # version 3's scale saturates at 10 % of world, and Tajikistan mines a quarter.
    _case, _cw, _scores, problem = default_problem
    f = problem.features
    prod = usgs("antimony", "antimony", "mine/refinery production", 2023)
    share = prod["TJK"] / prod["WORLD"]
    expected = min(1.0, math.log10(share / 0.0001) / 3)
    n = f.minerals.index("antimony")
    assert f.per_mineral["production"][f.countries.index("TJK"), n] == pytest.approx(expected)
    assert share > 0.2 and expected == 1.0


def test_reserves_without_a_world_total_use_the_listed_sum(default_problem):
    # USGS gives no world antimony reserves; Kyrgyzstan's are kept, as a share of the listed sum
    _case, _cw, scores, problem = default_problem
    f = problem.features
    res = usgs("antimony", "antimony", "reserves").drop(["WORLD", "OTHER"], errors="ignore")
    res = res[res > 0]
    share = res["KGZ"] / res.sum()
    n = f.minerals.index("antimony")
    got = f.per_mineral["reserves"][f.countries.index("KGZ"), n]
    assert got == pytest.approx(min(1.0, math.log10(share / 0.0001) / 3))
    assert got > 0.5
    assert any("sum of the listed" in render(note, "en") for note in scores.notes)


def test_a_host_usgs_does_not_list_has_no_estimated_share(default_problem):
    # v2 gave every unlisted host a tenth of the smallest listed share; v3 counts only known
    # figures: Turkmenistan's production and reserves of the Central Asian minerals are in no
    # source, so they are 0 and listed as gaps; what it has is exploration potential (potash).
    _case, _cw, scores, problem = default_problem
    f = problem.features
    k = f.countries.index("TKM")
    for feature in ("production", "reserves"):
        assert (f.per_mineral[feature][k][~np.isnan(f.per_mineral[feature][k])] == 0).all()
    gaps = [i for i in scores.imputed if i.country == "TKM" and i.mineral]
    assert gaps and all(i.rule == "usgs_unlisted=zero" for i in gaps)
    # a host with nothing known at all is flagged, with no best mode
    from coopselect.pipeline import rank

    res = rank(None, settings=["TKM.exploration_potential=0"])
    assert res.no_known_endowment == ("TKM",)
    assert "TKM" not in res.best_mode_by_country()
    assert max(p.rank for p in res.pairs if p.country != "TKM") < min(
        p.rank for p in res.pairs if p.country == "TKM"
    )


def test_the_five_hosts_differ_on_resource_endowment(default_problem):
    _case, _cw, scores, _problem = default_problem
    x = scores.x[:, scores.criteria.index("resource_endowment")]
    assert len(set(round(float(v), 3) for v in x)) == 5
    assert x.max() - x.min() > 0.1


def test_technology_gap_from_gdp_per_capita(default_problem):
    _case, _cw, _scores, problem = default_problem
    f = problem.features
    gdp = pd.read_csv(data_dir() / "wdi_gdp_per_capita.csv")
    g23 = gdp[gdp.year == 2023].set_index("iso3").value
    ratio = g23["CHN"] / g23["TJK"]
    expected = min(1.0, math.log(ratio) / math.log(20))
    assert f.scalar["technology_gap"][f.countries.index("TJK")] == pytest.approx(expected)
    # Kazakhstan is about as rich as China: almost no gap; a richer host has none at all
    assert f.scalar["technology_gap"][f.countries.index("KAZ")] < 0.01
    from coopselect.scoring.features import technology_gap

    assert technology_gap(g23["CHN"] / g23["AUS"], 20) == 0.0
    assert technology_gap(40.0, 20) == 1.0


def test_indonesia_nickel_export_ban_binds_nickel():
    case = load_case("critical_minerals_alliances")
    *_rest, problem = prepare(case)
    f = problem.features
    k, n = f.countries.index("IDN"), f.minerals.index("nickel")
    assert f.per_mineral["export_restriction"][k, n] == 1.0
    assert "IDN-2020-nickel-ore-ban" in f.barriers.why[("IDN", "export_restriction", "nickel")]
    # lithium is not covered by an Indonesian measure
    assert f.per_mineral["export_restriction"][k, f.minerals.index("lithium")] == 0.0


def test_policy_date_selects_the_measures_in_force(write_case):
    from coopselect.paths import cases_dir

    text = (cases_dir() / "critical_minerals_alliances.toml").read_text(encoding="utf-8")
    before = text.replace('weights = "ahp"', 'weights = "ahp"\npolicy_date = "2019-06-30"', 1)
    *_rest, problem = prepare(load_case(write_case(before)))
    f = problem.features
    k, n = f.countries.index("IDN"), f.minerals.index("nickel")
    # mid-2019 Indonesia exported nickel ore under quotas (2017-2019), a 0.75 restriction
    assert f.per_mineral["export_restriction"][k, n] == 0.75
    assert f.barriers.on.isoformat() == "2019-06-30"


def test_alliance_floor_for_screening():
    case = load_case("critical_minerals_alliances")
    *_rest, problem = prepare(case)
    f = problem.features
    s = f.per_mineral["investment_screening"]
    # Australia is a core MSP partner (floor 0.5) with a rare-earth prohibition order (1.0);
    # dated measures in data/policy/barriers.csv only ever raise a mineral above the floor
    k = f.countries.index("AUS")
    assert s[k].min() >= 0.5
    assert s[k, f.minerals.index("rare_earths")] == 1.0
    # Zimbabwe is in no alliance and has no screening measure
    assert s[f.countries.index("ZWE")].max() == 0.0
