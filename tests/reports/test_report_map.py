"""The HTML report's map of the best mode per host: inline SVG from the shipped Natural Earth
outlines (public domain, no download), hosts coloured by their best mode, others grey, legend and
source line in the report's language."""

from __future__ import annotations

import json
import re

import pytest
import rp

GREY = "#e3e7eb"


def _map(page: str) -> str:
    m = re.search(r'<figure class="chart map" id="chart-map".*?</figure>', page, re.S)
    assert m, "no map in the report"
    return m.group(0)


def _fill(figure: str, name: str) -> str:
    m = re.search(r'<path d="[^"]*" fill="(#[0-9a-f]{6})"[^>]*><title>' + re.escape(name), figure)
    assert m, name
    return m.group(1)


@pytest.fixture(scope="module", params=["en", "zh"])
def page(request, default_report):
    report, files = default_report(request.param)
    return request.param, report, files["report.html"].decode("utf-8")


def test_map_is_inline_svg_without_external_references(page):
    _lang, _report, html = page
    figure = _map(html)
    assert figure.count("<svg") == 1 and "<script" not in figure and "<image" not in figure
    assert re.findall(r"https?://", figure) == ["http://"]  # the SVG namespace only
    # In the "Best pairs" section.
    best = html.index('id="sec-best"')
    assert best < html.index('id="chart-map"') < html.index('id="sec-countries"')


def test_hosts_coloured_by_best_mode_and_others_grey(page, default_result):
    lang, report, html = page
    figure = _map(html)
    colours = {m["id"]: m["colour"] for m in report.map["modes"]}
    for iso, p in default_result.best_mode_by_country().items():
        name = report.map["hosts"][iso]["name"]
        assert _fill(figure, name) == colours[p.mode], iso
    china = "中国" if lang == "zh" else "China"
    assert _fill(figure, china) == GREY
    assert len(set(colours.values())) == len(colours)


def test_legend_and_source_in_the_report_language(page):
    lang, report, html = page
    figure = _map(html)
    legend = re.search(r'<ul class="legend">(.*?)</ul>', figure, re.S).group(1)
    for m in report.map["modes"]:
        assert m["label"] in legend
    if lang == "zh":
        assert (
            "不在本案例中" in legend and "公有领域" in figure and "各东道国的最佳合作模式" in figure
        )
    else:
        assert "Not in this case" in legend and "public domain" in figure
    assert "Natural Earth" in figure and "4.1.0" in figure


def test_outlines_ship_with_the_package():
    from importlib import resources

    path = resources.files("coopselect.reports") / "geo" / "world_110m.json"
    geo = json.loads(path.read_text(encoding="utf-8"))
    assert geo["version"] == "4.1.0" and "public domain" in geo["licence"]
    assert "Natural Earth" in geo["source"]
    countries = geo["countries"]
    assert 170 < len(countries) < 200 and "ATA" not in countries
    for iso in ("KAZ", "UZB", "TJK", "KGZ", "TKM", "MNG", "RUS", "COD", "IDN", "AUS", "FRA"):
        assert countries[iso]["rings"], iso


def test_hostile_mode_names_are_escaped(hostile_result):
    report = rp.build_report(hostile_result, rp.ReportOptions(samples=0, compare_methods=False))
    figure = _map(rp.render_files(report, ("html",)).files["report.html"].decode("utf-8"))
    assert "<script>" not in figure
