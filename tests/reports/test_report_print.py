"""The HTML report printed by a real browser: headless Chromium prints it to PDF and every column
header of every table is in the PDF's text (no table loses columns off the page), wide tables get
landscape pages, and the Chinese report's text is Chinese in the PDF.

Needs Chromium (Debian: apt-get install chromium) and pdftotext (poppler-utils); the test skips,
saying which is missing, where they are not installed. .ci/run installs them (and a Chinese
font) and runs this file with COOPSELECT_REQUIRE_BROWSER=1, which turns those skips into
failures.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess

import pytest

pytestmark = pytest.mark.slow  # a real browser


def _skip(reason: str) -> None:
    """Skip, or fail where CI requires the browser test (COOPSELECT_REQUIRE_BROWSER=1)."""
    if os.environ.get("COOPSELECT_REQUIRE_BROWSER"):
        pytest.fail(f"required browser test cannot run: {reason}")
    pytest.skip(reason)


def _chromium() -> str:
    from browser_cdp import browser_missing
    from coopselect.reports.pdf import find_chromium

    path = find_chromium()
    missing = browser_missing()
    if path is None or missing is not None:
        _skip(missing or "Chromium is not installed (apt-get install chromium)")
    if shutil.which("pdftotext") is None:
        _skip("pdftotext is not installed (apt-get install poppler-utils)")
    return path


def _has_chinese_font() -> bool:
    fc = shutil.which("fc-list")
    if fc is None:
        return False
    out = subprocess.run([fc, ":lang=zh", "family"], capture_output=True, text=True).stdout
    return bool(out.strip())


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _headers(page: str) -> list[tuple[str, str]]:
    """(table id, header label) of every table of the page."""
    out = []
    for tid, head in re.findall(r'<table id="t-([^"]+)">.*?<thead>(.*?)</thead>', page, re.S):
        out += [(tid, html.unescape(th)) for th in re.findall(r"<th[^>]*>(.*?)</th>", head, re.S)]
    return out


@pytest.fixture(scope="module", params=["en", "zh"])
def printed(request, default_report, tmp_path_factory):
    from coopselect.reports.pdf import html_to_pdf

    chromium = _chromium()
    lang = request.param
    report, files = default_report(lang)
    page = files["report.html"]
    pdf = html_to_pdf(page, chromium=chromium)
    path = tmp_path_factory.mktemp(f"print-{lang}") / "report.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    info = subprocess.run(["pdfinfo", "-l", "999", str(path)], capture_output=True, text=True)
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info.stdout)
    return lang, report, page.decode("utf-8"), text, sizes


def test_every_column_header_of_every_table_is_printed(printed):
    lang, _report, page, text, sizes = printed
    headers = _headers(page)
    assert len(headers) > 100  # every table of the report, not a few
    flat = _flat(text)
    missing = [(tid, label) for tid, label in headers if _flat(label) not in flat]
    assert missing == [], f"{lang}: {len(sizes)} pages; headers not printed: {missing[:10]}"


def test_wide_tables_print_on_landscape_pages(printed):
    lang, _report, page, _text, sizes = printed
    assert 'class="table-wrap wide"' in page
    landscape = [w for w, h in sizes if float(w) > float(h)]
    assert landscape and len(landscape) < len(sizes), (lang, len(sizes))


def test_chinese_report_prints_chinese_text(printed):
    lang, report, _page, text, _sizes = printed
    if lang != "zh":
        pytest.skip("Chinese report only")
    if not _has_chinese_font():
        _skip("no font with Chinese glyphs for Chromium (apt-get install fonts-wqy-zenhei)")
    flat = _flat(text)
    for s in (report.title, report.section("sources").title, "塔吉克斯坦", "技术转让"):
        assert _flat(s) in flat, s


def test_report_command_writes_a_pdf(tmp_path):
    from typer.testing import CliRunner

    from coopselect.cli.main import app

    _chromium()
    out = tmp_path / "r"
    args = ["report", "--out", str(out), "--formats", "md", "--pdf", "--samples", "50"]
    args += ["--date", "2026-01-01"]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in out.iterdir()) == ["provenance.md", "report.md", "report.pdf"]
    first = (out / "report.pdf").read_bytes()
    assert first.startswith(b"%PDF") and b"/CreationDate (D:20260101000000" in first
    # The same --date prints the same bytes (Chromium stamps the time of printing otherwise).
    res = CliRunner().invoke(app, [*args, "--force"])
    assert res.exit_code == 0, res.output
    assert (out / "report.pdf").read_bytes() == first


def test_pdf_without_chromium_is_one_line_and_writes_nothing(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from coopselect.cli.main import app

    monkeypatch.setattr("coopselect.reports.pdf.find_chromium", lambda: None)
    out = tmp_path / "r"
    res = CliRunner().invoke(app, ["report", "--out", str(out), "--pdf", "--samples", "0"])
    assert res.exit_code == 2
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and "headless Chromium" in lines[0] and "apt-get install" in lines[0]
    assert not out.exists()
