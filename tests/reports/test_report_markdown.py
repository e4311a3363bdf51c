"""The Markdown report against a reviewed golden file (the stamp, with the date, versions and
file hashes, is in provenance.md, not in the report), and Markdown escaping of hostile labels.

To refresh the golden file after an intended change, run with COOPSELECT_UPDATE_GOLDEN=1 and
review the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import rp
from hostile_case import HYPERLINK, SCRIPT

GOLDEN = Path(__file__).parent / "golden" / "central_asia_en.md"
STAMP_HEADING = "## Reproducibility stamp"


@pytest.fixture(scope="module")
def built(default_result):
    opts = rp.ReportOptions(lang="en", samples=2000, seed=0, date="2026-01-01")
    return rp.build_report(default_result, opts)


@pytest.fixture(scope="module")
def markdown(built):
    return rp.render_markdown(built, chart_files=True)


def test_matches_reviewed_golden_file(markdown):
    assert STAMP_HEADING not in markdown
    got = markdown
    if os.environ.get("COOPSELECT_UPDATE_GOLDEN"):
        GOLDEN.write_text(got, encoding="utf-8")
    assert got == GOLDEN.read_text(encoding="utf-8")


def test_stamp_is_in_the_audit_file_complete(built):
    from coopselect.reports.markdown import render_provenance

    stamp = render_provenance(built).partition(STAMP_HEADING)[2]
    for item in ("Tool version", "| Date | 2026-01-01 |", "SHA-256", "data/wgi_2019_2023.csv"):
        assert item in stamp


def test_charts_linked_only_when_written(default_result):
    rep = rp.build_report(default_result, rp.ReportOptions(samples=0, compare_methods=False))
    assert "](charts/ranking.svg)" in rp.render_markdown(rep, chart_files=True)
    assert "charts/" not in rp.render_markdown(rep, chart_files=False)


def test_hostile_labels_are_inert(hostile_result):
    md = rp.render_markdown(rp.build_report(hostile_result, rp.ReportOptions(samples=0)))
    assert "<script" not in md
    assert "&lt;script>alert(1)&lt;/script>" in md
    assert md.startswith(f"# {HYPERLINK}\n")  # a formula means nothing in Markdown
    assert SCRIPT not in md


def test_markdown_text_escaping():
    md_text = rp.md_text
    assert md_text("CR <= 0.10, a -> b, R&D") == "CR <= 0.10, a -> b, R&D"
    assert md_text("<b>x</b> <!-- c --> &amp;") == "&lt;b>x&lt;/b> &lt;!-- c --> &amp;amp;"
    assert md_text("two\nlines") == "two lines"
