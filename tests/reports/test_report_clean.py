"""Client files hold no internal word: every format (HTML text, Markdown, XLSX cell texts, CSV,
JSON) of the default case's report and of an ad-hoc report, in both languages, is scanned with
the patterns of coopselect.clienttext.INTERNAL_TOKENS. The audit file (provenance.md) keeps
the project's own names (repository copies, file paths, the stamp)."""

from __future__ import annotations

import html as htmllib
import io
import re

import pytest
import rp

FORMATS = ("html", "md", "xlsx", "csv", "json")


def visible_html(page: str) -> str:
    """The text a reader sees: no style block, no tags, entities decoded."""
    page = re.sub(r"<style>.*?</style>", " ", page, flags=re.S)
    page = re.sub(r"<[^>]+>", " ", page)
    return htmllib.unescape(page)


def xlsx_texts(data: bytes) -> str:
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data))
    cells = [c.value for ws in wb for row in ws.iter_rows() for c in row]
    return "\n".join(v for v in cells if isinstance(v, str))


def client_texts(files: dict[str, bytes]) -> dict[str, str]:
    out = {}
    for name, data in files.items():
        if name == "report.html":
            out[name] = visible_html(data.decode("utf-8"))
        elif name == "report.xlsx":
            out[name] = xlsx_texts(data)
        elif name.endswith((".md", ".csv", ".json")) and name != "provenance.md":
            out[name] = data.decode("utf-8-sig")
    return out


@pytest.fixture(scope="module")
def adhoc_result():
    from coopselect.io.loaders.adhoc import adhoc_case
    from coopselect.pipeline import rank

    return rank(adhoc_case("KAZ,UZB,MNG,PER,CHL", "copper,gold"))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("which", ["default", "adhoc"])
def test_no_internal_token_in_any_client_format(lang, which, default_report, adhoc_result):
    from coopselect.clienttext import internal_tokens

    if which == "default":  # the session's default report, in every format (conftest.py)
        files = default_report(lang)[1]
    else:
        opts = rp.ReportOptions(lang=lang, samples=200, date="2026-01-01")
        files = rp.render_files(rp.build_report(adhoc_result, opts), FORMATS).files
    texts = client_texts(files)
    assert set(texts) == {"report.html", "report.md", "report.xlsx", "pairs.csv", "report.json"}
    found = {name: internal_tokens(text) for name, text in texts.items()}
    assert not any(found.values()), {k: v[:8] for k, v in found.items() if v}
    # The audit file is there, separate, and keeps what the client files leave out.
    audit = files["provenance.md"].decode("utf-8")
    assert "SHA-256" in audit and re.search(r"[0-9a-f]{64}", audit)
    assert "coopselect report" in audit or "(Python API)" in audit


def test_the_scan_finds_what_it_looks_for():
    """Each pattern catches the token it names (so the scan above cannot pass vacuously)."""
    from coopselect.clienttext import INTERNAL_TOKENS, internal_tokens

    samples = {
        "seed number": "as seed 000 says; 种子文献 002",
        "option value": "rule usgs_unlisted=below_smallest",
        "maintainers": "analyst judgment (coopselect maintainers, 2026)",
        "model version": "weighted in version 1",
        "file path": "see criteria/modes.toml",
        "module name": "(coopselect.io.loaders.adhoc)",
        "repository": "via owner/some-repo @2a173e1e",
        "toml table": "[model.technology_gap]",
        "absolute path": "read from /home/someone/data/x.csv",
    }
    assert set(samples) == set(INTERNAL_TOKENS)
    for kind, text in samples.items():
        assert kind in {k for k, _ in internal_tokens(text)}, kind
    # Release numbers of data and ordinary prose are not tokens.
    assert internal_tokens("Natural Earth release 4.1.0; World Bank WDI, 2023 update") == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_clean_rewrites_the_known_tokens(lang):
    from coopselect.clienttext import client_clean, internal_tokens

    raw = [
        "Criteria: commercial-use criteria set (criteria/commercial.toml); data licences",
        "technology gap (China's GDP per capita; criteria/modes.toml [model.technology_gap])",
        "analyst judgment (coopselect maintainers, 2026), grounded in seeds 000, 002 and 004",
        "Resource control, weighted 0.10 of the total in version 1, is now earned",
        "Pairs (pair model version 2): every mode",
        "Copper in 224 economies (coopselect.io.loaders.adhoc)",
        "WDI bulk CSV via meezhay/energy-market-intelligence @2a173e1e, built by "
        "coopselect.importers.wdi",
        "usgs_unlisted=below_smallest",
        'ad-hoc case: missing.usgs_unlisted "below_smallest" (a host USGS does not list)',
        "ad-hoc case (--countries/--minerals): the bundled commercial criteria",
    ]
    for text in raw:
        out = client_clean(text, lang)
        assert internal_tokens(out) == [], (text, out)
        assert out.strip(), text
    # Seed numbers become the article's short citation (authors, year).
    assert "2024" in client_clean("see seed 004", lang)
