"""Writing reports: every file of a folder report, single-file reports, the --force rule,
atomic replacement (a failed write leaves the previous file whole), and equal bytes from two runs
with the same --date."""

from __future__ import annotations

import io
import os
import stat

import pytest
import rp
from openpyxl import load_workbook

from coopselect.errors import CoopselectError

CHARTS = ("ranking", "heatmap", "weights", "contributions", "acceptability", "sweep")


def fast():
    return rp.ReportOptions(samples=0, compare_methods=False, date="2026-01-01")


@pytest.fixture(scope="module")
def full_report(default_result, tmp_path_factory):
    out = tmp_path_factory.mktemp("full") / "central_asia"
    rp.write_report(default_result, out, options=rp.ReportOptions(samples=300, date="2026-01-01"))
    return out


def test_folder_report_has_every_format_and_chart(full_report):
    names = {p.relative_to(full_report).as_posix() for p in full_report.rglob("*")}
    assert {"report.xlsx", "report.html", "report.md", "pairs.csv", "report.json"} <= names
    for key in CHARTS:
        assert f"charts/{key}.svg" in names
    assert not [n for n in names if n.endswith((".tmp", ".png"))]  # PNG only when asked for
    svg = (full_report / "charts" / "ranking.svg").read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "<svg" in svg
    md = (full_report / "report.md").read_text(encoding="utf-8")
    assert "](charts/sweep.svg)" in md


def test_files_get_normal_permissions(full_report):
    mask = os.umask(0)
    os.umask(mask)
    mode = stat.S_IMODE((full_report / "report.html").stat().st_mode)
    assert mode == 0o666 & ~mask


def test_workbook_has_a_charts_sheet_without_images(full_report):
    import zipfile

    wb = load_workbook(io.BytesIO((full_report / "report.xlsx").read_bytes()))
    assert wb.sheetnames[-1] == "Charts"
    members = zipfile.ZipFile(full_report / "report.xlsx").namelist()
    assert not [m for m in members if m.startswith("xl/media/")]  # Excel charts, no pictures
    assert [m for m in members if m.startswith("xl/charts/")]


def test_png_only_when_asked_for(default_result, tmp_path):
    out = tmp_path / "r"
    rp.write_report(default_result, out, formats="png", options=fast())
    names = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert "charts/ranking.png" in names
    charts = names - {"provenance.md"}  # the audit file goes with every report folder
    assert all(n.startswith("charts/") and n.endswith(".png") for n in charts), names
    assert (out / "charts" / "ranking.png").read_bytes().startswith(b"\x89PNG")


@pytest.mark.slow  # renders every format, PNG included, twice
def test_same_date_gives_equal_bytes(default_result, tmp_path, monkeypatch):
    """Two runs with the same date, the second as if years later by the clock: every file of
    every format, PNG included, byte for byte."""
    import xlsxwriter.core

    opts = rp.ReportOptions(samples=200, date="2026-01-01", command="coopselect report")
    fmts = "xlsx,html,md,csv,json,charts,png"
    runs = []
    for name in ("a", "b"):
        if name == "b":
            monkeypatch.setattr(xlsxwriter.core, "datetime", later_clock())
        rp.write_report(default_result, tmp_path / name, formats=fmts, options=opts)
        runs.append(
            {
                p.relative_to(tmp_path / name).as_posix(): p.read_bytes()
                for p in sorted((tmp_path / name).rglob("*"))
                if p.is_file()
            }
        )
    assert runs[0].keys() == runs[1].keys()
    assert {"report.xlsx", "report.html", "charts/sweep.svg", "charts/sweep.png"} <= runs[0].keys()
    for rel in runs[0]:
        assert runs[0][rel] == runs[1][rel], rel
    assert b">2026-01-01T00:00:00Z<" in _core(runs[0]["report.xlsx"])


def test_same_date_gives_an_equal_workbook(default_result, monkeypatch):
    """The part of the above that the fast lane keeps: the workbook, whose created date once
    came from the clock."""
    import xlsxwriter.core

    rep = rp.build_report(default_result, rp.ReportOptions(samples=0, date="2026-01-01"))
    first = rp.render_xlsx(rep)
    monkeypatch.setattr(xlsxwriter.core, "datetime", later_clock())
    assert rp.render_xlsx(rep) == first
    core = _core(first)
    assert b"<dcterms:created" in core and b">2026-01-01T00:00:00Z<" in core


def test_pdf_dates_become_the_report_date():
    from coopselect.reports.pdf import with_date

    stamp = b"(D:20311206203811+00'00')"
    pdf = b"%PDF-1.4\n<< /CreationDate " + stamp + b"\n/ModDate " + stamp + b" >>"
    fixed = with_date(pdf, "2026-01-01")
    assert fixed.count(b"(D:20260101000000+00'00')") == 2 and len(fixed) == len(pdf)
    odd = b"/CreationDate (D:20311206203811Z)"  # another length: left alone, offsets stay right
    assert with_date(odd, "2026-01-01") == odd


def later_clock():
    """A stand-in for xlsxwriter's datetime whose now() is years later (isinstance still holds
    for real datetimes)."""
    from datetime import UTC, datetime

    class AnyDatetime(type):
        def __instancecheck__(cls, obj):
            return isinstance(obj, datetime)

    class Later(datetime, metaclass=AnyDatetime):
        @classmethod
        def now(cls, tz=None):
            return datetime(2031, 5, 6, 7, 8, 9, tzinfo=UTC)

    return Later


def _core(xlsx: bytes) -> bytes:
    import zipfile

    return zipfile.ZipFile(io.BytesIO(xlsx)).read("docProps/core.xml")


def test_single_file_report_keeps_a_backup(default_result, tmp_path):
    target = tmp_path / "central_asia.md"
    assert rp.write_report(default_result, target, options=fast()) == target
    first = target.read_text(encoding="utf-8")
    assert first.startswith("# Shaanxi and the five Central Asian states")
    target.write_text("edited by hand", encoding="utf-8")
    rp.write_report(default_result, target, options=fast())
    assert (tmp_path / "central_asia.md.bak").read_text(encoding="utf-8") == "edited by hand"
    assert target.read_text(encoding="utf-8") == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["central_asia.md", "central_asia.md.bak"]


def test_non_empty_folder_needs_force(default_result, tmp_path):
    out = tmp_path / "r"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(CoopselectError, match=r"not empty.*--force"):
        rp.write_report(default_result, out, formats="md", options=fast())
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
    rp.write_report(default_result, out, formats="md", force=True, options=fast())
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt", "provenance.md", "report.md"]
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_out_must_not_be_a_file(tmp_path):
    f = tmp_path / "file"
    f.write_text("x", encoding="utf-8")
    with pytest.raises(CoopselectError, match="not a folder"):
        rp.check_target(f, force=True)


def test_failed_write_keeps_the_previous_file(default_result, tmp_path, monkeypatch):
    out = tmp_path / "r"
    rp.write_report(default_result, out, formats="md,json", options=fast())
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    import coopselect.io.files as files

    real_write = files._write_new

    def crash(root, rel, data, old):
        if rel == "report.json":  # the disk fills up after report.md was written
            raise OSError(28, "No space left on device")
        return real_write(root, rel, data, old)

    monkeypatch.setattr(files, "_write_new", crash)
    other = rp.ReportOptions(samples=0, compare_methods=False, date="2030-12-31")
    with pytest.raises(CoopselectError, match="cannot write: No space left on device"):
        rp.write_report(default_result, out, formats="md,json", force=True, options=other)
    # The previous report, whole (report.md too); no temporary file or folder is left behind.
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r"]


def test_parse_formats():
    assert rp.parse_formats(None) == rp.FORMATS
    assert rp.parse_formats("all") == rp.FORMATS
    assert rp.parse_formats("html, md,html") == ("html", "md")
    assert rp.parse_formats(["markdown", "csv"]) == ("md", "csv")
    assert rp.parse_formats("html,pdf") == ("html", "pdf")  # by name only, not in "all"
    assert "pdf" not in rp.parse_formats("all")
    with pytest.raises(CoopselectError, match="unknown report format 'docx'"):
        rp.parse_formats("html,docx")
    with pytest.raises(CoopselectError, match="no report format"):
        rp.parse_formats(" , ")
