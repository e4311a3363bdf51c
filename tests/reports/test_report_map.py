"""The HTML report's map of the best mode per host: inline SVG from the shipped Natural Earth
outlines (public domain, no download), hosts coloured by their best mode and shaded by the
strength of their best pair, China with Taiwan drawn as one home economy in a fill of its own,
hosts named on the map, others grey, legend and source line in the report's language."""

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
    m = re.search(
        r'<path d="[^"]*" fill="(#[0-9a-f]{6})"[^>]*><title>' + re.escape(name) + r"(?::|</)",
        figure,
    )
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


def _rgb(colour: str) -> tuple[int, ...]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def test_hosts_coloured_by_best_mode_and_shaded_by_strength(page, default_result):
    from coopselect.reports.worldmap import HOME_FILL, shade

    lang, report, html = page
    figure = _map(html)
    colours = {m["id"]: m["colour"] for m in report.map["modes"]}
    best = default_result.best_mode_by_country()
    scores = [p.score for p in best.values()]
    for iso, p in best.items():
        name = report.map["hosts"][iso]["name"]
        strength = (p.score - min(scores)) / (max(scores) - min(scores))
        assert _fill(figure, name) == shade(colours[p.mode], strength), iso
    # The strongest host has its mode's full colour; a weaker one is lighter (closer to white).
    first, last = next(iter(best)), list(best)[-1]
    assert _fill(figure, report.map["hosts"][first]["name"]) == colours[best[first].mode]
    weak = _rgb(_fill(figure, report.map["hosts"][last]["name"]))
    assert sum(weak) > sum(_rgb(colours[best[last].mode]))
    # China, Taiwan included, is one home economy in a fill of its own.
    china = "中国" if lang == "zh" else "China"
    taiwan = "中国台湾" if lang == "zh" else report.map["names"]["TWN"]
    assert _fill(figure, china) == _fill(figure, taiwan) == HOME_FILL
    assert HOME_FILL not in colours.values() and HOME_FILL != GREY
    assert _fill(figure, "Russia" if lang == "en" else "俄罗斯") == GREY
    assert len(set(colours.values())) == len(colours)


def test_hosts_and_home_are_named_on_the_map(page, default_result):
    lang, report, html = page
    figure = _map(html)
    labels = re.findall(r'<text class="map-label"[^>]*>([^<]*)</text>', figure)
    hosts = [report.map["hosts"][k]["name"] for k in default_result.best_mode_by_country()]
    assert set(hosts) <= set(labels)
    assert ("中国" if lang == "zh" else "China") in labels
    legend = re.search(r'<ul class="legend">(.*?)</ul>', figure, re.S).group(1)
    assert ("投资方所在地" if lang == "zh" else "home economy") in legend


def test_a_home_economy_listed_as_host_is_drawn_as_home():
    from coopselect.io.loaders.adhoc import adhoc_case
    from coopselect.pipeline import rank
    from coopselect.reports.worldmap import HOME_FILL

    result = rank(adhoc_case("KAZ,MNG,TWN", "copper"))
    report = rp.build_report(result, rp.ReportOptions(samples=0, compare_methods=False))
    assert "TWN" not in report.map["hosts"] and report.map["home_hosts"]
    figure = _map(rp.render_files(report, ("html",)).files["report.html"].decode("utf-8"))
    assert _fill(figure, report.map["names"]["TWN"]) == HOME_FILL
    assert "not an overseas host" in figure


# Seventeen copper producers: more hosts than the map labels (LABELS, 15).
COPPER_17 = "PER,CHL,COD,CHN,USA,AUS,ZMB,MEX,KAZ,IDN,RUS,CAN,POL,BRA,MNG,IRN,ARG"


@pytest.mark.parametrize(
    "countries",
    [COPPER_17, pytest.param("all", marks=pytest.mark.slow)],  # slow: every economy of the world
    ids=["17", "all"],
)
def test_many_hosts_only_the_best_are_labelled(countries):
    from coopselect.io.loaders.adhoc import adhoc_case
    from coopselect.pipeline import rank
    from coopselect.reports.worldmap import LABELS

    result = rank(adhoc_case(countries, "copper"))
    report = rp.build_report(result, rp.ReportOptions(samples=0, compare_methods=False))
    figure = _map(rp.render_files(report, ("html",)).files["report.html"].decode("utf-8"))
    labels = re.findall(r'<text class="map-label"[^>]*>([^<]*)</text>', figure)
    assert len(report.map["hosts"]) > LABELS
    assert 0 < len(labels) <= LABELS + 1


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
        assert "审图号" in figure  # what publication in China needs
    else:
        assert "Not in this case" in legend and "public domain" in figure
        assert "approved standard base map" in figure
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
