"""Render a report to files and write them, atomically, into a folder.

    files = render_files(build_report(result, opts), formats)   # {relative path: bytes}
    check_target(out, force)                                      # refuse a non-empty folder
    write_files(out, files, force=force)                          # the folder, as a whole

Everything is rendered in memory first, so a failure while rendering leaves the folder untouched;
the folder is then written as a whole (coopselect.io.files.replace_folder: built beside it and
swapped in, under a lock), so a killed run leaves the old report or the new one, never a mix, and
a second run writing the same folder at the same time fails with one line. Markdown and HTML lose
any control character (textsafety.drop_controls).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from coopselect.errors import CoopselectError
from coopselect.reports.model import Report, ReportOptions
from coopselect.textsafety import drop_controls

# The default formats need no font on this machine: charts are SVG (text drawn by the viewer's
# fonts) and the XLSX's charts are native Excel charts and colour scales.
FORMATS: tuple[str, ...] = ("xlsx", "html", "md", "csv", "json", "charts")
# Asked for by name only (not part of "all"): pdf needs headless Chromium; png (charts/*.png)
# draws pixels here, so it needs a font with every character of the charts.
EXTRA_FORMATS: tuple[str, ...] = ("pdf", "png")
FILE_NAMES = {
    "xlsx": "report.xlsx",
    "html": "report.html",
    "md": "report.md",
    "csv": "pairs.csv",
    "json": "report.json",
    "pdf": "report.pdf",
}
# The brief's files (report --brief): HTML and Markdown, and PDF where Chromium exists.
BRIEF_FILES = {"html": "brief.html", "md": "brief.md", "pdf": "brief.pdf"}
# The audit file beside the client files of a report folder (not written for a single file).
AUDIT_FILE = "provenance.md"
SINGLE_FILE = {
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".csv": "csv",
    ".json": "json",
    ".pdf": "pdf",
}


def parse_formats(spec: str | Iterable[str] | None) -> tuple[str, ...]:
    """'xlsx,html' (or a list) -> ('xlsx', 'html'); None or 'all' -> every format."""
    if spec is None:
        return FORMATS
    items = spec.split(",") if isinstance(spec, str) else list(spec)
    out: list[str] = []
    for raw in items:
        name = raw.strip().lower()
        if not name:
            continue
        if name == "all":
            return FORMATS
        if name == "markdown":
            name = "md"
        if name not in FORMATS + EXTRA_FORMATS:
            raise CoopselectError(
                f"unknown report format {raw.strip()!r}.",
                place="--formats",
                fix=f"use a comma-separated list of {', '.join(FORMATS + EXTRA_FORMATS)} "
                "(or all, which leaves out pdf and png).",
            )
        if name not in out:
            out.append(name)
    if not out:
        raise CoopselectError(
            "no report format given.", place="--formats", fix=f"use e.g. {','.join(FORMATS)}."
        )
    return tuple(out)


@dataclass
class Rendered:
    report: Report
    files: dict[str, bytes] = field(default_factory=dict)  # relative path -> content

    @property
    def warnings(self) -> list[str]:
        return self.report.warnings


def render_files(
    report: Report,
    formats: Iterable[str] = FORMATS,
    on_step: Callable[[str], None] | None = None,
) -> Rendered:
    """Render ``report`` in ``formats`` to bytes (nothing is written)."""
    formats = tuple(formats)
    step = on_step or (lambda _name: None)
    if report.kind == "brief":
        return _render_brief(report, formats, step)
    charts: dict = {}
    want_png = "png" in formats
    if want_png or {"charts", "html", "pdf"} & set(formats):
        from coopselect.reports.charts import render_charts

        step("charts")
        # MissingGlyphs (only with png) is raised here, before any file is written.
        charts, notes = render_charts(report.charts, report.lang, png=want_png)
        report.warnings.extend(n for n in notes if n not in report.warnings)
    out = Rendered(report)
    for key, ch in charts.items():
        if "charts" in formats:
            out.files[f"charts/{key}.svg"] = ch.svg_file.encode("utf-8")
        if want_png:
            out.files[f"charts/{key}.png"] = ch.png
    if "md" in formats:
        from coopselect.reports.markdown import render_markdown

        step("md")
        md = render_markdown(report, chart_files="charts" in formats and bool(charts))
        out.files[FILE_NAMES["md"]] = drop_controls(md).encode("utf-8")
    if "html" in formats or "pdf" in formats:
        from coopselect.reports.html import render_html

        step("html")
        html = drop_controls(render_html(report, charts)).encode("utf-8")
        if "html" in formats:
            out.files[FILE_NAMES["html"]] = html
        if "pdf" in formats:
            from coopselect.reports.pdf import html_to_pdf, with_date

            step("pdf")
            out.files[FILE_NAMES["pdf"]] = with_date(html_to_pdf(html), report.date)
    if "xlsx" in formats:
        from coopselect.reports.xlsx import render_xlsx

        step("xlsx")
        out.files[FILE_NAMES["xlsx"]] = render_xlsx(report)
    if "csv" in formats:
        from coopselect.reports.csvout import render_csv

        step("csv")
        out.files[FILE_NAMES["csv"]] = render_csv(report)
    if "json" in formats:
        from coopselect.reports.jsonout import render_json

        step("json")
        out.files[FILE_NAMES["json"]] = render_json(report).encode("utf-8")
    if report.audit:
        from coopselect.reports.markdown import render_provenance

        out.files[AUDIT_FILE] = drop_controls(render_provenance(report)).encode("utf-8")
    return out


def _render_brief(report: Report, formats: tuple[str, ...], step) -> Rendered:
    """The brief: brief.html, brief.md (and brief.pdf); it has no chart, table file or sheet."""
    out = Rendered(report)
    if "md" in formats:
        from coopselect.reports.markdown import render_markdown

        step("md")
        md = render_markdown(report, chart_files=False)
        out.files[BRIEF_FILES["md"]] = drop_controls(md).encode("utf-8")
    if "html" in formats or "pdf" in formats:
        from coopselect.reports.html import render_html

        step("html")
        html = drop_controls(render_html(report, {})).encode("utf-8")
        if "html" in formats:
            out.files[BRIEF_FILES["html"]] = html
        if "pdf" in formats:
            from coopselect.reports.pdf import html_to_pdf

            step("pdf")
            out.files[BRIEF_FILES["pdf"]] = html_to_pdf(html)
    if report.audit:
        from coopselect.reports.markdown import render_provenance

        out.files[AUDIT_FILE] = drop_controls(render_provenance(report)).encode("utf-8")
    return out


def check_target(out: str | Path, force: bool) -> Path:
    """The report folder: refused when it is a file, or an existing non-empty folder without
    ``force``."""
    path = Path(out)
    if path.exists() and not path.is_dir():
        raise CoopselectError(
            "exists and is not a folder.", file=path, fix="give a folder for --out."
        )
    if path.is_dir() and not force:
        from coopselect.io.files import is_temporary_name

        try:  # a temporary file left by a killed writer does not count
            entries = sorted(p.name for p in path.iterdir() if not is_temporary_name(p.name))
        except OSError as err:
            raise CoopselectError(f"cannot read the folder: {err.strerror}.", file=path) from None
        if entries:
            shown = ", ".join(entries[:3]) + (", ..." if len(entries) > 3 else "")
            raise CoopselectError(
                f"folder is not empty ({shown}); nothing was written.",
                file=path,
                fix="choose a new or empty folder, or pass --force to replace the report files.",
            )
    return path


def write_files(out: str | Path, files: dict[str, bytes], *, force: bool = True) -> list[Path]:
    """Write the report folder ``out`` as a whole (:func:`coopselect.io.files.replace_folder`):
    files already in it stay unless ``files`` replaces them. Without ``force`` a folder that is
    not empty is refused, checked again under the folder's lock (two runs started into the same
    new folder: the second fails instead of replacing the first's report)."""
    from coopselect.io.files import replace_folder

    base = Path(out)
    try:
        replace_folder(base, files, check=None if force else lambda p: check_target(p, False))
    except OSError as err:
        why = err.strerror or str(err)
        raise CoopselectError(
            f"cannot write: {why}; nothing was written.",
            file=base,
            fix="check that the folder is writable and the disk is not full.",
        ) from None
    return [base / rel for rel in files]


def report_files(
    result,
    options: ReportOptions | None = None,
    formats: Iterable[str] = FORMATS,
    on_step: Callable[[str], None] | None = None,
) -> Rendered:
    """Build and render the report of ``result`` (nothing is written)."""
    from coopselect.reports.content import build_report

    step = on_step or (lambda _name: None)
    step("analysis")
    opts = options or ReportOptions()
    if opts.brief:
        from coopselect.reports.brief import build_brief

        report = build_brief(result, opts)
    else:
        report = build_report(result, opts)
    return render_files(report, formats, on_step)


def write_report(
    result,
    path: str | Path,
    *,
    lang: str = "en",
    formats: str | Iterable[str] | None = None,
    force: bool = False,
    options: ReportOptions | None = None,
) -> Path:
    """Write the report of ``result``.

    ``path`` ending in .md, .html, .xlsx, .csv or .json: that one file (an existing file is kept
    as ``<name>.bak`` and replaced). Otherwise ``path`` is a folder that receives every format
    in ``formats`` (default all) plus charts/; a non-empty folder is refused unless ``force``.
    Returns the path written.
    """
    opts = options or ReportOptions(lang=lang)
    target = Path(path)
    single = SINGLE_FILE.get(target.suffix.lower())
    if single and not target.is_dir():
        rendered = report_files(result, opts, (single,))
        data = rendered.files[FILE_NAMES[single]]
        from coopselect.io.files import backup_file, replace_file

        try:
            if target.exists():
                backup_file(target)
            replace_file(target, data)
        except OSError as err:
            raise CoopselectError(
                f"cannot write: {err.strerror or err}; the file was not replaced.",
                file=target,
                fix="check that the folder is writable and the disk is not full.",
            ) from None
        return target
    check_target(target, force)
    rendered = report_files(result, opts, parse_formats(formats))
    write_files(target, rendered.files, force=force)
    return target
