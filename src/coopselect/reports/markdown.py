"""The report as Markdown, for pasting into documents. Charts are linked from charts/ (SVG: text
drawn by the reader's fonts) when they are written beside the report."""

from __future__ import annotations

import re

from coopselect.reports.formatting import cell_text
from coopselect.reports.labels import t
from coopselect.reports.model import Report, Table
from coopselect.textsafety import markdown_table, markdown_text


def md_text(text: str) -> str:
    """Plain text made inert in Markdown (:func:`coopselect.textsafety.markdown_text`): nothing
    that a renderer would take for raw HTML (a '<' that opens a tag or comment, an '&' that
    starts an entity), no link or image ('[' and ']' escaped), no control character, no line
    breaks. Other characters stay readable ('<= 0.10', 'a -> b')."""
    return markdown_text(text)


def md_cell(value, kind: str) -> str:
    return md_text(cell_text(value, kind))


def md_table(
    table: Table, lang: str = "en", sheet: str = "", limit: int | None = None
) -> list[str]:
    """``limit``: rows shown (default the table's :meth:`~coopselect.reports.model.Table.doc_limit`,
    with a note on where the rest is)."""
    from coopselect.reports.html import left_out_note

    full = limit is None
    limit = table.doc_limit() if limit is None else limit
    out = [f"**{md_text(table.title)}**", ""]
    out += markdown_table(
        [md_cell(c.label, "text") for c in table.columns],
        [
            [md_cell(v, c.kind) for v, c in zip(row, table.columns, strict=True)]
            for row in table.shown_rows(limit)
        ],
        [c.kind != "text" for c in table.columns],
    )
    left_out = left_out_note(table, lang, sheet) if full else ""
    if left_out:
        out += ["", f"*{md_text(left_out)}*"]
    if table.note:
        out += ["", f"*{md_text(table.note)}*"]
    out.append("")
    return out


def anchor(key: str) -> str:
    return re.sub(r"[^a-z0-9-]", "-", key.lower())


def render_markdown(report: Report, *, chart_files: bool = True) -> str:
    """The whole report as Markdown. ``chart_files``: link the charts/<key>.svg images."""
    lg = report.lang
    out = [f"# {md_text(report.title)}", "", f"*{md_text(report.subtitle)}*", ""]
    if report.kind == "brief":
        for line in report.summary:
            out += [f"> {md_text(line)}", ">"]
        out[-1] = ""
    else:
        out += [f"## {t('contents', lg)}", ""]
        tops = [s for s in report.sections if s.level == 2]
        out += [f"{i}. {md_text(s.title)}" for i, s in enumerate(tops, 1)]
        out.append("")
    for w in report.warnings:
        out += [f"> {md_text(w)}", ""]
    shown: set[str] = set()
    from coopselect.reports.sheets import sheet_of

    sheets = sheet_of(report)
    for sec in report.sections:
        out += [f"{'#' * sec.level} {md_text(sec.title)}", ""]
        for p in sec.paragraphs:
            out += [md_text(p), ""]
        if sec.bullets:
            out += [f"- {md_text(b)}" for b in sec.bullets]
            out.append("")
        for key in sec.charts:
            if chart_files and key in report.charts and key not in shown:
                shown.add(key)
                out += [f"![{md_text(report.charts[key].title)}](charts/{key}.svg)", ""]
        for table in sec.tables:
            out += md_table(table, lg, sheets.get(table.key, sec.sheet))
    return "\n".join(out).rstrip() + "\n"


def render_provenance(report: Report) -> str:
    """The audit file (provenance.md): where each data file was read (repository copies and
    their commits), the case's own citation list as written, the files' SHA-256 and the
    reproducibility stamp. The client files point to it and hold none of it."""
    lg = report.lang
    out = [f"# {md_text(report.title)}: {t('audit_title', lg)}", "", md_text(t("audit_intro", lg))]
    out.append("")
    for sec in report.audit:
        out += [f"## {md_text(sec.title)}", ""]
        for p in sec.paragraphs:
            out += [md_text(p), ""]
        if sec.bullets:
            out += [f"- {md_text(b)}" for b in sec.bullets]
            out.append("")
        for table in sec.tables:
            out += md_table(table, lg, limit=len(table.rows))
    return "\n".join(out).rstrip() + "\n"
