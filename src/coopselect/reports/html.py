"""The report as one self-contained HTML file: CSS inline, charts inline as SVG, no scripts and
no external references, every text from the case or the data escaped. Prints cleanly."""

from __future__ import annotations

from html import escape

from coopselect.reports.formatting import cell_text
from coopselect.reports.labels import t
from coopselect.reports.model import Report, Table

CSS = """
:root { --ink:#1d2733; --muted:#5b6773; --line:#d5dbe1; --accent:#1f5f8b; --soft:#eef3f7; }
* { box-sizing: border-box; }
body { margin:0; color:var(--ink); background:#fff;
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Noto Sans SC",
  "Microsoft YaHei", "PingFang SC", "WenQuanYi Zen Hei", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 48px; }
header.top { border-bottom: 3px solid var(--accent); margin-bottom: 16px; }
h1 { font-size: 26px; margin: 8px 0 4px; }
.subtitle { color: var(--muted); margin: 0 0 12px; }
h2 { font-size: 20px; margin: 36px 0 10px; padding-bottom: 4px;
  border-bottom: 1px solid var(--line); break-after: avoid; }
h3, caption { font-size: 15px; font-weight: 600; text-align: left; margin: 18px 0 6px; }
.summary { background: var(--soft); border-left: 4px solid var(--accent); padding: 10px 18px;
  margin: 12px 0; }
.summary p { margin: 6px 0; }
.summary p:first-child { font-size: 16px; font-weight: 600; }
.warning { background:#fff4e5; border-left:4px solid #e07b39; padding:8px 14px; margin:10px 0; }
.licence { background:#fdecea; border-left:4px solid #b8423c; padding:8px 14px; margin:10px 0; }
nav.toc ol { columns: 2; margin: 6px 0 0; padding-left: 22px; }
nav.toc a { color: var(--accent); text-decoration: none; }
/* Tables grow with their rows (no inner vertical scroll box); only a table wider than the page
   scrolls sideways. */
.table-wrap { overflow-x: auto; margin: 6px 0 14px; border: 1px solid var(--line); }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
caption { padding: 6px 8px; background: #fafbfc; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; vertical-align: top; }
th { background: #f1f4f7; text-align: left; font-weight: 600; vertical-align: bottom; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.n { white-space: nowrap; }
td.s { white-space: nowrap; }
td.l { min-width: 18em; }
tr:nth-child(even) td { background-color: #fbfcfd; }
.note { color: var(--muted); font-size: 12.5px; }
.scale-key { display: inline-block; width: 90px; height: 10px; vertical-align: middle;
  border: 1px solid var(--line); margin: 0 6px; }
figure.chart { margin: 14px 0 20px; break-inside: avoid; }
figure.chart svg { width: 100%; max-width: 920px; height: auto; display: block; }
figure.chart.wide svg { max-width: none; }
figure.map svg { width: 100%; max-width: 980px; height: auto; display: block;
  border: 1px solid var(--line); }
figure.map .map-title { color: var(--ink); font-weight: 600; font-size: 15px; margin-bottom: 6px; }
ul.legend { list-style: none; padding: 0; margin: 8px 0 4px; display: flex; flex-wrap: wrap;
  gap: 4px 18px; font-size: 12.5px; }
ul.legend .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px;
  vertical-align: -1px; border: 1px solid #c9d0d6; }
figcaption { color: var(--muted); font-size: 12.5px; }
ul { margin: 6px 0 10px; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line);
  padding-top: 8px; }
@media print {
  @page { size: A4; margin: 12mm 11mm 14mm;
    @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #5b6773; } }
  /* Tables of many columns print on landscape pages, every column on the page. */
  @page wide { size: A4 landscape; margin: 10mm 10mm 12mm;
    @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #5b6773; } }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  nav.toc { display: none; }
  h2 { margin-top: 18px; }
  .table-wrap { overflow: visible; border: none; }
  .table-wrap.wide { page: wide; }
  table { font-size: 7.5pt; }
  .wide table { font-size: 6.8pt; }
  th, td { padding: 2px 4px; overflow-wrap: break-word; }
  th, td.s, td.l { white-space: normal; }
  td.l { min-width: 0; }
  thead { display: table-header-group; }
  tr, figure.chart, figure.map, .scale-note { break-inside: avoid; }
  /* A caption, heading or colour key never ends a page alone: it goes with what follows. */
  caption, h2, h3, .scale-note, figcaption.map-title { break-after: avoid; }
  .left-out { break-before: avoid; }
  figure.chart svg { max-height: 175mm; }
  figure.map svg { max-height: 150mm; }
  ul.legend { font-size: 8.5pt; }
  #sec-provenance, #sec-stamp { break-before: page; }
  a { color: inherit; text-decoration: none; }
}
"""


SHORT = 40  # text cells up to this length do not wrap
WIDE_CHARTS = ("sweep", "acceptability", "heatmap")


def _e(text) -> str:
    return escape(str(text), quote=True)


def _shade(value: float, lo: float, hi: float, reverse: bool) -> str:
    """Background colour on a white-to-green scale (reversed when lower is better)."""
    f = 0.5 if hi <= lo else (value - lo) / (hi - lo)
    if reverse:
        f = 1 - f
    light, dark = (247, 252, 245), (116, 196, 118)
    r, g, b = (round(light[i] + (dark[i] - light[i]) * f) for i in range(3))
    return f"background-color:#{r:02x}{g:02x}{b:02x}"


# A table whose estimated width (characters at the print font size, see _print_width) exceeds
# this prints on a landscape page; narrower ones stay on the portrait pages around them.
PORTRAIT_CHARS = 115


def _print_width(table: Table) -> int:
    """Rough printed width in characters: per column the longer of its longest header word and
    its widest cell (text wraps, so a text column needs at most about 16 characters), plus
    padding."""
    total = 0
    for j, c in enumerate(table.columns):
        head = max((len(w) for w in c.label.split()), default=0)
        cells = [len(cell_text(r[j], c.kind)) for r in table.rows[:200]]
        body = max(cells, default=0)
        if c.kind == "text":
            body = min(body, 16)
        total += max(head, body) + 2
    return total


def left_out_note(table: Table, lang: str, sheet: str = "") -> str:
    """Where the rows a document leaves out are ("" when it shows them all)."""
    limit = table.doc_limit()
    if len(table.rows) <= limit:
        return ""
    csv = t("rows_left_csv", lang) if table.key == "pairs" else ""
    return t("rows_left", lang, n=limit, m=len(table.rows), sheet=sheet, csv=csv)


def html_table(table: Table, lang: str = "en", sheet: str = "") -> str:
    from coopselect.reports.formatting import table_scale_range

    lo, hi = table_scale_range(table)
    shaded = bool(table.scale) and any(
        isinstance(r[j], int | float) for r in table.rows for j in table.scale
    )
    wide = " wide" if _print_width(table) > PORTRAIT_CHARS else ""
    out = []
    if shaded:
        # The colour key goes above the table and stays with it: never alone on a page.
        rev = t("common_scale_rev", lang) if table.scale_reversed else ""
        left = _shade(lo, lo, hi, table.scale_reversed).split(":")[1]
        right = _shade(hi, lo, hi, table.scale_reversed).split(":")[1]
        key = (
            f'<span class="scale-key" '
            f'style="background:linear-gradient(90deg,{left},{right})"></span>'
        )
        text = t("common_scale", lang, lo=f"{lo:g}", hi=f"{hi:g}", rev=rev)
        out.append(f'<p class="note scale-note">{key}{_e(text)}</p>')
    out.append(f'<div class="table-wrap{wide}"><table id="t-{_e(table.key)}">')
    out.append(f"<caption>{_e(table.title)}</caption><thead><tr>")
    for c in table.columns:
        cls = ' class="n"' if c.kind != "text" else ""
        out.append(f"<th{cls}>{_e(c.label)}</th>")
    out.append("</tr></thead><tbody>")
    for row in table.shown_rows():
        out.append("<tr>")
        for j, (v, c) in enumerate(zip(row, table.columns, strict=True)):
            text = cell_text(v, c.kind)
            if c.kind != "text":
                attrs = ' class="n"'
            else:
                attrs = ' class="s"' if len(text) <= SHORT else ' class="l"'

            if shaded and j in table.scale and isinstance(v, int | float):
                attrs += f' style="{_shade(float(v), lo, hi, table.scale_reversed)}"'
            out.append(f"<td{attrs}>{_e(text)}</td>")
        out.append("</tr>")
    out.append("</tbody></table></div>")
    left_out = left_out_note(table, lang, sheet)
    if left_out:
        out.append(f'<p class="note left-out">{_e(left_out)}</p>')
    if table.note:
        out.append(f'<p class="note">{_e(table.note)}</p>')
    return "".join(out)


def render_html(report: Report, charts: dict | None = None) -> str:
    """``charts``: {key: RenderedChart} from coopselect.reports.charts (inline SVG)."""
    from coopselect._version import __version__

    lg = report.lang
    charts = charts or {}
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lg == "zh" else "en"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(report.title)} — {_e(t('report', lg))}</title>",
        f"<style>{CSS}</style></head><body><main>",
        '<header class="top">',
        f'<p class="note">{_e(t("report", lg))}</p>',
        f"<h1>{_e(report.title)}</h1>",
        f'<p class="subtitle">{_e(report.subtitle)}</p></header>',
    ]
    if report.summary:
        parts.append('<div class="summary">')
        parts += [f"<p>{_e(line)}</p>" for line in report.summary]
        parts.append("</div>")
    parts += [f'<p class="warning">{_e(w)}</p>' for w in report.warnings]
    if report.kind != "brief":
        parts.append(f'<nav class="toc"><strong>{_e(t("contents", lg))}</strong><ol>')
        parts += [
            f'<li><a href="#sec-{_e(s.key)}">{_e(s.title)}</a></li>'
            for s in report.sections
            if s.level == 2
        ]
        parts.append("</ol></nav>")
    shown: set[str] = set()
    licence = t("epi_licence", lg)
    from coopselect.reports.sheets import sheet_of

    sheets = sheet_of(report)
    for sec in report.sections:
        h = f"h{sec.level}"
        parts.append(f'<section id="sec-{_e(sec.key)}"><{h}>{_e(sec.title)}</{h}>')
        # A line the summary box above already shows is not repeated.
        paragraphs = [p for p in sec.paragraphs if p not in report.summary]
        for p in paragraphs:
            cls = ' class="licence"' if p == licence else ""
            parts.append(f"<p{cls}>{_e(p)}</p>")
        if sec.bullets:
            parts.append("<ul>" + "".join(f"<li>{_e(b)}</li>" for b in sec.bullets) + "</ul>")
        if sec.map and report.map:
            from coopselect.reports.worldmap import map_html

            parts.append(map_html(report.map))
        for key in sec.charts:
            if key in charts and key not in shown:
                shown.add(key)
                ch = charts[key]
                parts.append(
                    f'<figure class="chart{" wide" if key in WIDE_CHARTS else ""}" '
                    f'id="chart-{_e(key)}" role="img" '
                    f'aria-label="{_e(ch.title)}">{ch.svg}</figure>'
                )
        parts += [html_table(tb, lg, sheets.get(tb.key, sec.sheet)) for tb in sec.tables]
        parts.append("</section>")
    parts.append(f"<footer>{_e(t('generated', lg, version=__version__))}</footer>")
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"
