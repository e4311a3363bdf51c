"""Client-facing citations: articles by authors, title, journal and year, data by publisher,
dataset, release and year; no project-internal names ("seed 004") and no repository mirror
names outside the provenance appendix and the stamp."""

from __future__ import annotations

import io
import re

import pytest
import rp


def article_reference(*a):
    return rp.citations.article_reference(*a)


def cited_seeds(*a):
    return rp.citations.cited_seeds(*a)


def client_text(*a):
    return rp.citations.client_text(*a)


def criteria_note(*a):
    return rp.citations.criteria_note(*a)


def dataset_reference(*a):
    return rp.citations.dataset_reference(*a)


SEED = re.compile(r"\bseeds? 0\d\d|种子文献|种子文章", re.I)
# Owners of the repositories the bundled files were read from (data/SOURCES.md).
MIRRORS = {
    "timothym4r",
    "Terrie-png",
    "sbalkunde",
    "aperezace20",
    "ckvfox",
    "Redliana",
    "troegm",
    "meezhay",
}
AUDIT = ("provenance", "stamp")


def _mirrors() -> set[str]:
    from coopselect.catalog import data_sources

    found = set(MIRRORS)
    for s in data_sources():
        found |= set(re.findall(r"\bvia ([A-Za-z0-9][A-Za-z0-9-]+)/", s.get("origin", "")))
    return found


def _offences(text: str) -> list[str]:
    bad = [m.group(0) for m in SEED.finditer(text)]
    bad += [m for m in _mirrors() if m.lower() in text.lower()]
    return bad


@pytest.fixture(scope="module", params=["en", "zh"])
def rendered(request, default_report):
    return default_report(request.param)


def test_html_client_file_cites_articles_not_internals(rendered):
    _report, files = rendered
    html = files["report.html"].decode("utf-8")
    assert _offences(html) == []
    assert 'id="sec-provenance"' not in html and 'id="sec-stamp"' not in html
    # The audit file keeps the provenance.
    audit = files["provenance.md"].decode("utf-8")
    assert "timothym4r" in audit


def test_markdown_client_file_cites_articles_not_internals(rendered):
    report, files = rendered
    md = files["report.md"].decode("utf-8")
    assert _offences(md) == []
    assert "provenance.md" in md  # the client file points to the audit file
    assert all(report.section(k) is None for k in AUDIT)
    assert [s.key for s in report.audit] == list(AUDIT)


def test_xlsx_client_sheets_cite_articles_not_internals(rendered):
    import openpyxl

    report, files = rendered
    wb = openpyxl.load_workbook(io.BytesIO(files["report.xlsx"]))
    audit = {s.sheet for s in report.audit}
    for ws in wb.worksheets:
        assert ws.title not in audit
        text = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
        assert _offences(text) == [], ws.title


def test_references_name_authors_titles_journals(rendered):
    report, _ = rendered
    refs = " ".join(report.section("sources").bullets)
    zh = report.lang == "zh"
    assert ("张伟波" if zh else "Zhang Weibo") in refs and "33(12): 63-71" in refs
    assert "美国关键矿产联盟进展与启示" in refs
    assert "“一带一路”背景下矿产资源国际合作战略研究" in refs
    assert ("孙海泳" if zh else "Sun Haiyong") in refs
    assert ("世界银行" if zh else "World Bank") in refs and "CC BY 4.0" in refs
    assert "10.5066/P144BA54" in refs  # the USGS data release


def test_article_references():
    ref = article_reference("001", "en")
    assert ref.startswith("Chai Lu, Bao Qingzhong, Zhou Yongheng, Li Xiao (2017).")
    assert "东北亚地区贵金属资源与供需现状" in ref and "矿产保护与利用" in ref and "no. 3" in ref
    zh = article_reference("004", "zh")
    assert zh.startswith("张伟波，于瑞") and "中国矿业 33(12): 63-71" in zh
    # Seed 000's copy has no author line: the reference says so rather than inventing one.
    none = article_reference("000", "en")
    assert "not given in the project's copy" in none and "(n.d.)" not in none
    assert "未载作者" in article_reference("000", "zh")


def test_seed_mentions_become_short_citations():
    assert client_text("seed 004 sec. 2.2", "en") == "Zhang et al. (2024) sec. 2.2"
    assert client_text("grounded in seeds 000, 002 and 004", "en") == (
        "grounded in “Belt and Road” mineral cooperation study, Sun (2025) and Zhang et al. (2024)"
    )
    assert client_text("种子文献004第2.2节", "zh") == "张伟波等（2024）第2.2节"
    assert client_text("SMAA (random seed 0)", "en") == "SMAA (random seed 0)"
    assert cited_seeds("seeds 000-002; seed 004") == ["000", "001", "002", "004"]


def test_data_reference_by_publisher_dataset_release_year():
    ref = dataset_reference("wgi", "en")
    assert ref.startswith("World Bank, Worldwide Governance Indicators (WGI), 2024 update, 2024")
    assert ref.endswith("Licence: CC BY 4.0.")
    assert "Zhang et al. (2024)" in dataset_reference("msp", "en")


def test_commercial_report_states_its_set_and_has_no_nc_licence():
    from coopselect.pipeline import rank

    res = rank(criteria="commercial")
    report = rp.build_report(res, rp.ReportOptions(samples=0, compare_methods=False))
    sec = report.section("sources")
    assert sec.paragraphs[0].startswith("Criteria: commercial-use criteria set")
    text = " ".join([*sec.paragraphs, *sec.bullets, *report.section("summary").bullets])
    assert "NC-SA" not in text and "non-commercial" not in text
    from coopselect.clienttext import client_clean

    assert (
        client_clean(criteria_note(res.case.hierarchy), "en") in report.section("summary").bullets
    )
