"""The format-neutral report model: every part present, numbers from the ranking, robustness and
method comparison included when available and said to be unavailable otherwise."""

from __future__ import annotations

import sys

import pytest
import rp

SECTIONS = [
    "summary",
    "pairs",
    "best",
    "hosts",
    "countries",
    "weights",
    "matrix",
    "explain",
    "robust",
    "methods",
    "sources",
    "missing",
    "method_notes",
]
AUDIT_PARTS = ["provenance", "stamp"]


@pytest.fixture(scope="module")
def report_en(default_result):
    return rp.build_report(
        default_result, rp.ReportOptions(lang="en", samples=1000, date="2026-01-01")
    )


@pytest.fixture(scope="module")
def report_zh(default_result):
    return rp.build_report(
        default_result, rp.ReportOptions(lang="zh", samples=1000, date="2026-01-01")
    )


def test_every_part_is_present_in_order(report_en, report_zh):
    assert [s.key for s in report_en.sections] == SECTIONS
    assert [s.key for s in report_zh.sections] == SECTIONS
    assert {"ranking", "heatmap", "contributions", "sweep", "acceptability", "weights"} <= set(
        report_en.charts
    )


def _pair_name(p, lang: str) -> str:
    from coopselect.io.data import reference
    from coopselect.io.loaders.modes_loader import load_modes
    from coopselect.paths import criteria_dir

    mode = load_modes(criteria_dir() / "modes.toml").get(p.mode)
    return f"{reference.countries()[p.country].name(lang)} × {mode.name(lang)}"


def test_summary_names_the_top_pair_and_the_runner_up(report_en, default_result):
    first, second = default_result.pairs[:2]
    assert report_en.summary[0].startswith(f"Recommended pair: {_pair_name(first, 'en')}")
    assert f"{first.score:.3f}" in report_en.summary[0]
    assert f"({second.score:.3f})" in report_en.summary[1]
    # Certainty across weights (SMAA) AND methods, and a verdict that weighs both.
    assert any("weight draws around the case weights" in line for line in report_en.summary)
    assert any(
        line.startswith(("All 5 methods", "The methods disagree")) for line in report_en.summary
    )
    assert any(line.startswith("Verdict: ") for line in report_en.summary)
    assert any("CR = 0.011" in line for line in report_en.summary)


def test_lower_is_better_method_summary_uses_the_score_range():
    """VIKOR's leader often has Q = 0: the gap is measured against the spread of all scores,
    so it never divides by the leader's score, and the summary says lower is better."""
    import coopselect

    res = coopselect.rank(method="vikor")
    rep = rp.build_report(res, rp.ReportOptions(lang="en", samples=0, compare_methods=False))
    scores = [p.score for p in res.pairs]
    gap = abs(scores[0] - scores[1])
    rel = gap / (max(scores) - min(scores))
    assert "lower score is better" in rep.summary[0]
    assert f"behind by {gap:.3f} ({rel:.1%} of the range of all scores)" in rep.summary[1]


def test_chinese_report_is_in_chinese(report_zh, default_result):
    assert report_zh.summary[0].startswith(f"推荐组合：{_pair_name(default_result.pairs[0], 'zh')}")
    assert report_zh.section("sources").title == "参考文献、数据与许可"
    criteria = report_zh.section("sources").paragraphs[0]
    # the bundled cases use the commercial-use criteria set: open data only
    assert criteria.startswith("本排序所用可商用准则集") and "CC BY 4.0" in criteria
    assert "非商业" not in criteria
    assert all("non-commercial" not in b for b in report_zh.section("summary").bullets)


def test_pairs_table_matches_the_ranking(report_en, default_result):
    table = report_en.pairs_table
    assert len(table.rows) == len(default_result.pairs) == 35
    assert [r[0] for r in table.rows] == list(range(1, 36))
    assert [r[5] for r in table.rows] == [p.score for p in default_result.pairs]
    assert all(isinstance(r[5], float) for r in table.rows)


def test_weights_show_judgments_with_reasons_and_cr(report_en, default_result):
    sec = report_en.section("weights")
    judg = next(t for t in sec.tables if t.key == "judgments")
    n_top = len(default_result.weights.top.judgments)
    assert len(judg.rows) >= n_top
    assert all(row[-1] for row in judg.rows)  # every judgment has its reason
    cons = next(t for t in sec.tables if t.key == "consistency")
    assert cons.rows[0][3] == pytest.approx(default_result.weights.top.cr)


def test_decision_matrix_raw_and_normalised(report_en, default_result):
    sec = report_en.section("matrix")
    raw = next(t for t in sec.tables if t.key == "matrix_raw")
    norm = next(t for t in sec.tables if t.key == "matrix_normalised")
    dm = default_result.problem.dm
    assert raw.rows[0][2:] == pytest.approx(dm.matrix[0].tolist())
    col = dm.matrix[:, 0]
    assert norm.rows[0][2] == pytest.approx(col[0] / (col**2).sum() ** 0.5)  # vector normalised
    assert "vector" in norm.title


def test_explanations_of_the_top_pairs(report_en, default_result):
    sec = report_en.section("explain")
    assert len(sec.tables) == 3
    top = default_result.pairs[0]
    assert sec.paragraphs[0].startswith(f"{_pair_name(top, 'en')} ranks 1 of 35")
    # the second paragraph speaks in the model's terms (supply secured, exposure; pair model v3)
    assert "safety" in sec.paragraphs[1] and "exposure" in sec.paragraphs[1]


def test_robustness_present_with_verdict_and_acceptability(report_en):
    sec = report_en.section("robust")
    keys = [t.key for t in sec.tables]
    assert "acceptability" in keys and "critical_weights" in keys
    acc = next(t for t in sec.tables if t.key == "acceptability")
    first_rank = [row[2] for row in acc.rows]
    assert all(0 <= v <= 1 for v in first_rank)
    assert report_en.document["robustness"]["available"] is True
    assert report_en.document["robustness"]["smaa"]["samples"] == 1000


def test_robustness_says_what_leaving_one_host_out_changes():
    """The leave-one-host-out table holds coopselect.reversal's result, in both languages: in the
    Central Asia case (TOPSIS, pair model v3) removing a host reorders other pairs, and the
    table gives each removal's flips and changed best modes."""
    from coopselect.pipeline import rank
    from coopselect.reversal import host_removals

    result = rank("central_asia")
    expected = host_removals("central_asia")
    for lang in ("en", "zh"):
        opts = rp.ReportOptions(lang=lang, samples=100, compare_methods=False)
        rep = rp.build_report(result, opts)
        assert rep.document["robustness"]["host_removals"] == expected.to_dict()
        sec = rep.section("robust")
        table = next(t for t in sec.tables if t.key == "host_removals")
        rows = {row[0]: row for row in table.rows}
        assert set(rows) == {rp_country(lang, r.removed) for r in expected.removals}
        assert any(r.flipped for r in expected.removals)
        for r in expected.removals:
            row = rows[rp_country(lang, r.removed)]
            assert row[1] == len(r.flipped)
            for h, _before, _after in r.best_mode_changed:
                assert rp_country(lang, h) in row[3]


def rp_country(lang: str, iso: str) -> str:
    from coopselect.io.data import reference

    return reference.countries()[iso].name(lang)


def test_leaving_one_host_out_needs_three_hosts(default_result):
    from dataclasses import replace

    from coopselect.pipeline import rank

    two = replace(default_result.case, countries=default_result.case.countries[:2])
    rep = rp.build_report(rank(two), rp.ReportOptions(samples=50, compare_methods=False))
    sec = rep.section("robust")
    assert "host_removals" not in [t.key for t in sec.tables]
    assert any("Fewer than three hosts" in p for p in sec.paragraphs)
    assert rep.document["robustness"]["host_removals"] is None


def test_large_cases_point_to_the_command_instead(default_result, monkeypatch):
    monkeypatch.setattr("coopselect.reports.robustness.REMOVALS_MAX_HOSTS", 4)  # the case has 5
    rep = rp.build_report(default_result, rp.ReportOptions(samples=50, compare_methods=False))
    sec = rep.section("robust")
    assert "host_removals" not in [t.key for t in sec.tables]
    assert any("5 hosts" in p and "--leave-host-out" in p for p in sec.paragraphs)
    assert rep.document["robustness"]["host_removals"] is None


def test_robustness_unavailable_is_said_plainly(default_result, monkeypatch):
    monkeypatch.setitem(sys.modules, "coopselect.sensitivity.smaa", None)  # import fails
    rep = rp.build_report(default_result, rp.ReportOptions(samples=100, compare_methods=False))
    sec = rep.section("robust")
    assert sec.tables == [] and sec.charts == []
    assert sec.paragraphs[0].startswith("The robustness section is unavailable")
    assert "acceptability" not in rep.charts
    assert rep.document["robustness"]["available"] is False


def test_zero_samples_skips_robustness(default_result):
    rep = rp.build_report(default_result, rp.ReportOptions(samples=0, compare_methods=False))
    assert "not run" in rep.section("robust").paragraphs[0]
    assert rep.section("methods") is None


def test_method_comparison_ranks_side_by_side(report_en, default_result):
    from coopselect.methods import available_methods

    sec = report_en.section("methods")
    ranks = next(t for t in sec.tables if t.key == "method_ranks")
    methods = report_en.document["method_comparison"]["methods"]
    assert methods[0] == "topsis" and set(methods) <= set(available_methods())
    assert 2 <= len(methods) <= 4
    assert [r[1] for r in ranks.rows] == list(range(1, 36))  # main method's ranks, in order
    tau = report_en.document["method_comparison"]["kendall_tau"]
    assert tau["topsis"] == pytest.approx(1.0)


def test_sources_with_licences_of_the_open_data_set(report_en):
    sec = report_en.section("sources")
    rows = sec.tables[0].rows
    names = [r[0] for r in rows]
    assert "World Bank WGI" in names and "USGS MCS 2024" in names
    assert "Yale EPI 2024" not in names
    assert sec.paragraphs[0].startswith("Criteria: commercial-use criteria set")
    assert all("NC" not in r[4] for r in rows)
    # The provenance appendix keeps the files and where they were read.
    assert report_en.section("provenance") is None  # audit only (provenance.md)
    prov = report_en.audit_section("provenance").tables[0].rows
    files = [r[0] for r in prov]
    assert "data/wgi_2019_2023.csv" in files and "data/epi_2022_2024.csv" not in files


def test_the_epi_set_states_its_non_commercial_licence():
    import coopselect

    rep = rp.build_report(
        coopselect.rank(criteria="default"), rp.ReportOptions(samples=0, compare_methods=False)
    )
    sec = rep.section("sources")
    epi = next(r for r in sec.tables[0].rows if r[0] == "Yale EPI 2024")
    assert "CC BY-NC-SA 4.0" in epi[4] and epi[1].startswith("Yale")
    assert sec.paragraphs[0].startswith("Criteria: default criteria set")
    assert "non-commercial use only" in sec.paragraphs[1]


def test_missing_data_lists_turkmenistan_lpi(report_en):
    sec = report_en.section("missing")
    assert any("TKM" in b and "LPI" in b for b in sec.bullets)
    imputed = next(t for t in sec.tables if t.key == "imputed")
    worst = "no value in the source; least favourable candidate value"
    assert any(r[1] == "TKM" and r[3] == worst for r in imputed.rows)


def test_methodology_names_the_analyst_judgments(report_en):
    sec = report_en.section("method_notes")
    text = " ".join(sec.paragraphs)
    assert "safety = 1 - commitment (1 - g)" in text and "C = d- / (d+ + d-)" in text
    bullets = " ".join(sec.bullets)
    assert "AHP pairwise judgments" in bullets and "Mode profiles" in bullets
    assert "Mode-attribute weights" in bullets


def test_stamp_has_version_hashes_date_and_command(default_result):
    rep = rp.build_report(
        default_result,
        rp.ReportOptions(
            samples=0, compare_methods=False, date="2026-01-01", command="coopselect x"
        ),
    )
    stamp = dict(rep.stamp)
    assert stamp["Tool version"].startswith("coopselect ")
    assert stamp["Date"] == "2026-01-01"
    assert stamp["Command line"] == "coopselect x"
    assert "sha256 " in stamp["Case file"]
    assert rep.section("stamp") is None  # audit only (provenance.md)
    files = rep.audit_section("stamp").tables[1].rows
    names = [r[1] for r in files]
    assert names[:3] == [
        "cases/central_asia.toml",
        "criteria/commercial.toml",
        "criteria/modes.toml",
    ]
    assert "data/wgi_2019_2023.csv" in names
    assert all(len(r[2]) == 64 for r in files)


def test_join_lines_keeps_chinese_unspaced():
    assert rp.join_lines("中国\n短缺\nabc\ndef") == "中国短缺 abc def"


def test_heatmap_chart_of_a_large_case_shows_the_best_hosts_and_says_so():
    from coopselect.io.data import reference
    from coopselect.io.loaders.adhoc import adhoc_case
    from coopselect.pipeline import rank
    from coopselect.reports.ranking_parts import HEATMAP_CHART_HOSTS

    res = rank(adhoc_case("SSF", "copper"))
    hosts = len(res.scores.countries)
    assert hosts > HEATMAP_CHART_HOSTS
    rep = rp.build_report(res, rp.ReportOptions(samples=0, compare_methods=False))
    chart = rep.charts["heatmap"]
    # endowed hosts by their best pair, then the hosts with no known endowment (no best mode)
    best_first = [*res.best_mode_by_country(), *res.no_known_endowment][:HEATMAP_CHART_HOSTS]
    assert chart.data["rows"] == [reference.countries()[k].name_en for k in best_first]
    assert f"of {hosts}" in chart.title
    # the heatmap table of the report keeps every host
    table = next(t for t in rep.section("best").tables if t.key == "heatmap")
    assert len(table.rows) == hosts
