"""The brief (report --brief): 1-3 printed pages with the recommendation, the why per host (the
explain model's own sentences), the certainty across methods and weights, what was imputed and
the caveats; --top, --sections and --no-map of the full report; certainty never overstated.

Pages: without a browser the printed length is estimated from the HTML and its print stylesheet
(A4 at 12 mm margins, 10 pt text at 1.5 line height: see ``estimate_pages``); where Chromium is
installed the brief is printed to PDF and its pages counted (COOPSELECT_REQUIRE_BROWSER=1 makes a
missing browser a failure)."""

from __future__ import annotations

import html as htmllib
import math
import os
import re

import numpy as np
import pytest
import rp
from test_report_clean import client_texts

# A4 (297 mm) less 2 x 12 mm margins, in points; the print stylesheet's sizes in points.
PAGE_PT = (297 - 24) / 25.4 * 72
TEXT_PT, TABLE_PT = 10.0, 7.5
LINE = 1.5
# Characters per printed line: 186 mm of 10 pt sans-serif text at about 0.5 em per Latin
# character is about 105; we take 95 to err long. A Chinese character is 1 em (counts 2).
CPL_TEXT = 95
CPL_TABLE = 140  # 7.5 pt table text over the same width (95 x 10 / 7.5 = 127, rounded up)


def _width(text: str) -> int:
    return sum(2 if "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" else 1 for ch in text)


def _text(fragment: str) -> str:
    return htmllib.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def estimate_pages(page: str) -> float:
    """Printed pages of the HTML brief, from its blocks: headings, paragraphs, list items and
    table rows, each as lines of text at the print sizes, plus the margins between blocks."""
    body = re.sub(r"<style>.*?</style>", "", page, flags=re.S)
    height = 0.0
    for tag, inner in re.findall(r"<(h1|h2|h3|p|li|tr|caption)\b[^>]*>(.*?)</\1>", body, re.S):
        text = _text(inner)
        if tag == "tr":
            cells = [_text(c) for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", inner, re.S)]
            lines = max(1, math.ceil(sum(_width(c) + 2 for c in cells) / CPL_TABLE))
            height += lines * TABLE_PT * LINE + 4
        elif tag in ("h1", "h2", "h3"):
            size = {"h1": 20.0, "h2": 15.0, "h3": 11.5}[tag]
            height += size * 1.3 + 24
        else:
            lines = max(1, math.ceil(_width(text) / CPL_TEXT))
            height += lines * TEXT_PT * LINE + (10 if tag == "p" else 3)
    return height / PAGE_PT


@pytest.fixture(scope="module", params=["en", "zh"])
def brief(request, default_result):
    opts = rp.ReportOptions(lang=request.param, samples=1000, date="2026-01-01", brief=True)
    report = rp.build_brief(default_result, opts)
    return report, rp.render_files(report, ("html", "md")).files


def test_brief_files_and_parts(brief, default_result):
    report, files = brief
    assert set(files) == {"brief.html", "brief.md", "provenance.md"}
    keys = [s.key for s in report.sections]
    assert keys[0] == "why" and keys[-3:] == ["certainty", "gaps", "caveats"]
    hosts = [k.removeprefix("host-") for k in keys if k.startswith("host-")]
    assert hosts == list(default_result.best_mode_by_country())  # every host, best pair first


def test_why_is_the_explain_models_own_words(brief, default_result):
    """Kept in sync by calling coopselect.explanation, not by copying its sentences."""
    from coopselect.explanation import explain_host, host_lines, summary_lines
    from coopselect.narrative import column_names
    from coopselect.reports.clean import client_clean

    report, files = brief
    lg = report.lang
    names = column_names(default_result.case, lg)
    md = files["brief.md"].decode("utf-8")
    for iso in default_result.best_mode_by_country():
        hx = explain_host(default_result, iso)
        for line in [*host_lines(hx, names, lg)[:2], *summary_lines(hx.best_mode, names, lg)]:
            assert rp.md_text(client_clean(line, lg)) in md, line


def test_certainty_table_matches_each_method(brief, default_result):
    """Each host's best mode under five methods, checked against coopselect.comparison (ranks
    of the whole decision matrix under each method, a different code path)."""
    from coopselect.comparison import compare_methods

    report, _ = brief
    dm = default_result.problem.dm
    methods = ("topsis", "vikor", "promethee2", "wsm", "spotis")
    params = {m: default_result.problem.method_params(m) for m in methods}
    params["topsis"] = dict(default_result.method_params)
    comp = compare_methods(dm, methods, params)
    table = report.section("certainty").tables[0]
    hosts = default_result.best_mode_by_country().items()
    for row, (iso, pair) in zip(table.rows, hosts, strict=True):
        best = {}
        for m in methods:
            ranks = np.asarray(comp.ranks(m))
            idx = [i for i, a in enumerate(dm.alternatives) if a.startswith(f"{iso}:")]
            best[m] = dm.alternatives[min(idx, key=lambda i: (ranks[i], i))].split(":")[1]
        agreeing = sum(1 for mode in best.values() if mode == pair.mode)
        assert row[2] == f"{agreeing}/5", (iso, best)


def test_brief_states_certainty_across_methods_and_weights(brief):
    report, _ = brief
    text = " ".join(report.summary)
    if report.lang == "en":
        assert "methods" in text and "weight draws" in text and "Verdict:" in text
        assert not re.search(r"first under \d", text)
    else:
        assert "方法" in text and "权重抽样" in text and "结论：" in text


def test_brief_is_client_clean(brief):
    from coopselect.reports.clean import internal_tokens

    _, files = brief
    texts = client_texts({"report.html": files["brief.html"], "report.md": files["brief.md"]})
    assert {k: internal_tokens(v) for k, v in texts.items()} == {"report.html": [], "report.md": []}


def test_brief_prints_to_at_most_three_pages(brief):
    report, files = brief
    page = files["brief.html"].decode("utf-8")
    assert "@page" in page and "@media print" in page
    pages = estimate_pages(page)
    assert 0.5 < pages <= 3.0, pages
    from coopselect.reports.pdf import find_chromium

    exe = find_chromium()
    if exe is None:
        if os.environ.get("COOPSELECT_REQUIRE_BROWSER"):
            pytest.fail("required browser test cannot run: Chromium is not installed")
        return  # the estimate above is the check on this machine
    from coopselect.reports.pdf import html_to_pdf

    pdf = html_to_pdf(files["brief.html"], chromium=exe)
    printed = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    assert 1 <= printed <= 3, (report.lang, printed)


def test_estimate_counts_a_long_page_long():
    """The estimator is not blind: 400 paragraphs of 200 characters are far more than 3 pages."""
    page = "<html><body>" + "<p>" + "word " * 40 + "</p>" * 1 + "</body></html>"
    assert estimate_pages(page) < 0.2
    long = "<html><body>" + ("<p>" + "word " * 40 + "</p>") * 400 + "</body></html>"
    assert estimate_pages(long) > 20


def test_no_pair_robustly_first_in_words(default_result):
    """A spread-out SMAA (as in a global case) is never reported as "first under 0 %"."""
    from coopselect.reports.certainty import Agreement, overall_lines
    from coopselect.reports.context import Ctx

    ctx = Ctx(default_result, "en")
    alts = default_result.problem.dm.alternatives
    smaa = {
        "samples": 300,
        "rank_acceptability": {a: [0.004 if a == alts[0] else 0.0, 0.1] for a in alts},
    }
    lines = overall_lines(ctx, Agreement(), smaa)
    text = " ".join(lines)
    assert "No pair is robustly first" in text and "<1%" in text
    assert " 0%" not in text and not re.search(r"first under \d", text)
    zh = " ".join(overall_lines(Ctx(default_result, "zh"), Agreement(), smaa))
    assert "没有组合在权重变化下稳居第一" in zh


def test_cli_brief_top_sections_no_map(tmp_path):
    from typer.testing import CliRunner

    from coopselect.cli.main import app

    run = CliRunner().invoke
    out = tmp_path / "b"
    res = run(app, ["report", "--brief", "--out", str(out), "--samples", "200", "--top", "2"])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in out.iterdir()) == ["brief.html", "brief.md", "provenance.md"]
    md = (out / "brief.md").read_text(encoding="utf-8")
    assert md.count("\n### ") == 2
    full = tmp_path / "f"
    args = ["report", "--out", str(full), "--samples", "0", "--formats", "html,md"]
    res = run(app, [*args, "--sections", "pairs,explain", "--top", "4", "--no-map"])
    assert res.exit_code == 0, res.output
    page = (full / "report.html").read_text(encoding="utf-8")
    sections = re.findall(r'<section id="sec-([a-z_]+)"', page)
    assert sections == ["summary", "pairs", "explain"]
    assert page.count('<table id="t-explain_') == 4
    assert 'id="chart-map"' not in page
    bad = run(app, ["report", "--out", str(tmp_path / "x"), "--sections", "pairz"])
    assert bad.exit_code == 2 and "pairz" in bad.output and "--sections" in bad.output
