"""The report's parts are declared once (coopselect.reports.sections): the report model, every
renderer, ``report --sections`` (choices and help) and the client-clean scan read that registry.

The completeness test registers a throwaway part at run time, through the registry only, and
finds it in every client format (Markdown, HTML, XLSX), under --sections, rewritten for the
client, and, as an audit part, in provenance.md alone: what CONTRIBUTING.md's "Adding a report
section" promises (a builder, one SectionSpec, a test)."""

from __future__ import annotations

import io

import pytest

from coopselect.i18n import Label

OPTS = {"samples": 0, "date": "2026-01-01", "compare_methods": False}


def test_registry_keys_titles_and_sheets():
    from coopselect.reports.labels import L
    from coopselect.reports.sections import SECTIONS, builder

    keys = [s.key for s in SECTIONS]
    assert len(keys) == len(set(keys))
    assert keys[0] == "summary" and SECTIONS[0].always
    for s in SECTIONS:
        assert s.title.zh and s.title.en and s.title.zh != s.title.en, s.key
        assert s.sheet.zh and s.sheet.en and len(s.sheet.zh) <= 31 and len(s.sheet.en) <= 31
        assert callable(builder(s)), s.key
        # the builders' own modules read the titles through labels: the same Label objects
        assert L[f"sec_{s.key}"] is s.title and L[f"sh_{s.key}"] is s.sheet


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_full_report_is_the_registry_in_order(default_report, lang):
    from coopselect.reports.sections import SECTIONS, audit_keys, client_keys

    report = default_report(lang)[0]
    assert tuple(s.key for s in report.sections) == client_keys()
    assert tuple(s.key for s in report.audit) == audit_keys()
    for sec in [*report.sections, *report.audit]:
        spec = next(s for s in SECTIONS if s.key == sec.key)
        assert sec.sheet == spec.sheet(lang)
    # the title: the spec's, as the client sees it (the clean rewrite leaves these alone)
    assert [s.title for s in report.sections] == [
        next(x for x in SECTIONS if x.key == s.key).title(lang) for s in report.sections
    ]


def test_sections_option_lists_and_checks_the_registry():
    import typer.main

    from coopselect.cli.cmd_report import report_options
    from coopselect.cli.main import app
    from coopselect.errors import CoopselectError
    from coopselect.reports.sections import selectable_keys

    command = typer.main.get_command(app).commands["report"]
    param = next(p for p in command.params if p.name == "sections")
    assert param.help.endswith(": " + ",".join(selectable_keys()) + ".")
    assert "summary" not in selectable_keys() and "stamp" not in selectable_keys()
    assert report_options(False, None, ",".join(selectable_keys()), False)["sections"] == (
        selectable_keys()
    )
    with pytest.raises(CoopselectError, match="unknown report part 'nope'"):
        report_options(False, None, "pairs,nope", False)


# ---- a throwaway part, registered at run time -------------------------------------------------
PARAGRAPH = "Throwaway paragraph, read from criteria/modes.toml."  # a file path: rewritten
ROW = ["Throwaway host", 0.125]


def _throwaway(parts):
    from coopselect.reports.model import ChartSpec, Column, Section, Table

    assert parts.ctx.result is parts.result and parts.lang in ("en", "zh")
    data = {"labels": ["a", "b"], "values": [1.0, 0.5], "texts": ["1", "0.5"], "xlabel": "x"}
    parts.charts["throwaway"] = ChartSpec("throwaway", "Throwaway chart", "bars", data)
    return Section(
        "ignored",  # the key, title and sheet name are the spec's
        "ignored",
        paragraphs=[PARAGRAPH, f"{len(parts.result.pairs)} pairs"],
        charts=["throwaway"],
        tables=[
            Table("throwaway", "Throwaway table", [Column("Host"), Column("Value", "num")], [ROW])
        ],
    )


@pytest.fixture
def with_throwaway(monkeypatch):
    """The registry with one more client part (before "missing") and one more audit part."""
    from coopselect.reports import sections
    from coopselect.reports.sections import SectionSpec

    client = SectionSpec(
        "throwaway", Label("临时部分", "Throwaway part"), Label("临时", "Throwaway"), _throwaway
    )
    audit = SectionSpec(
        "throwaway_audit",
        Label("临时审计", "Throwaway audit"),
        Label("临时审计", "Throwaway audit"),
        _throwaway,
        audit=True,
    )
    keys = [s.key for s in sections.SECTIONS]
    at = keys.index("missing")
    new = (*sections.SECTIONS[:at], client, *sections.SECTIONS[at:], audit)
    monkeypatch.setattr(sections, "SECTIONS", new)
    return client


def _render(result, formats=("md", "html", "xlsx", "json", "charts"), **opts):
    from coopselect.reports.content import build_report
    from coopselect.reports.model import ReportOptions
    from coopselect.reports.writer import render_files

    report = build_report(result, ReportOptions(**{**OPTS, **opts}))
    return report, render_files(report, formats).files


def test_a_part_registered_at_run_time_is_in_every_format(default_result, with_throwaway):
    from openpyxl import load_workbook

    from coopselect.clienttext import INTERNAL_TOKENS

    report, files = _render(default_result, lang="en")
    keys = [s.key for s in report.sections]
    assert keys.index("throwaway") == keys.index("missing") - 1
    sec = report.section("throwaway")
    assert sec.title == "Throwaway part" and sec.sheet == "Throwaway"
    # the client-clean rewrite reached it: the file path is gone
    assert not INTERNAL_TOKENS["file path"].search(sec.paragraphs[0])
    n = f"{len(default_result.pairs)} pairs"

    md = files["report.md"].decode()
    place = keys.index("throwaway") + 1
    assert "## Throwaway part" in md and f"\n{place}. Throwaway part\n" in md  # contents
    assert n in md and "| Throwaway host | 0.1250 |" in md
    assert "![Throwaway chart](charts/throwaway.svg)" in md and "charts/throwaway.svg" in files
    html = files["report.html"].decode()
    assert 'id="chart-throwaway"' in html
    assert '<section id="sec-throwaway"><h2>Throwaway part</h2>' in html
    assert '<a href="#sec-throwaway">Throwaway part</a>' in html
    assert '<td class="s">Throwaway host</td>' in html and n in html
    wb = load_workbook(io.BytesIO(files["report.xlsx"]))
    ws = wb["Throwaway"]
    cells = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert "Throwaway part" in cells and "Throwaway host" in cells and 0.125 in cells and n in cells
    assert wb.sheetnames.index("Throwaway") < wb.sheetnames.index("Missing data")

    # the audit part: in provenance.md, in no client file
    assert [s.key for s in report.audit][-1] == "throwaway_audit"
    assert "## Throwaway audit" in files["provenance.md"].decode()
    assert "Throwaway audit" not in md + html


def test_a_part_registered_at_run_time_follows_sections(default_result, with_throwaway):
    from coopselect.cli.cmd_report import report_options
    from coopselect.reports.sections import selectable_keys

    assert "throwaway" in selectable_keys()
    picked = report_options(False, None, "throwaway", False)["sections"]
    report, files = _render(default_result, ("md",), lang="zh", sections=picked)
    assert [s.key for s in report.sections] == ["summary", "throwaway"]
    assert report.section("throwaway").title == "临时部分"
    assert "## 临时部分" in files["report.md"].decode()
    report, files = _render(default_result, ("md",), lang="zh", sections=("pairs",))
    assert report.section("throwaway") is None and "临时部分" not in files["report.md"].decode()
