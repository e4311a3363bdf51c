"""Which sheet of report.xlsx holds which part: one table per sheet.

A part's first table goes on the part's own sheet (with the part's text below it); each further
table gets a sheet of its own, named after it. The HTML and Markdown documents use the same plan
to say on which sheet the rows they leave out are.

    plan = sheet_plan(report)           # [(sheet name, section, table or None, with text)]
    sheet_of(report)["matrix_raw"]      # -> "Matrix raw"
"""

from __future__ import annotations

from coopselect.i18n import Label
from coopselect.reports.model import Report, Section, Table

NAMES = {
    "best_by_mode": Label("各模式最佳国家", "Best country per mode"),
    "country_ranking": Label("国家排名", "Country ranking"),
    "heatmap": Label("国家×模式得分", "Country x mode"),
    "subcriterion_scores": Label("子准则得分", "Sub-criteria"),
    "indicators": Label("指标", "Indicators"),
    "indicator_raw": Label("指标原始值", "Indicators raw"),
    "indicator_fav": Label("指标有利度", "Indicators favourability"),
    "local_weights": Label("局部权重", "Local weights"),
    "consistency": Label("一致性", "Consistency"),
    "judgments": Label("AHP判断", "AHP judgments"),
    "matrix_raw": Label("决策矩阵原始值", "Matrix raw"),
    "matrix_normalised": Label("决策矩阵归一化", "Matrix normalised"),
    "sweeps": Label("权重扫描", "Weight sweeps"),
    "critical_weights": Label("关键权重", "Critical weights"),
    "host_removals": Label("逐一去掉东道国", "Leave one host out"),
    "method_ranks": Label("各方法排名", "Method ranks"),
    "mode_attributes": Label("模式属性", "Mode attributes"),
    "excluded": Label("剔除的国家", "Excluded"),
}
FORBIDDEN = "[]:*?/\\"


def clean_name(name: str) -> str:
    for ch in FORBIDDEN:
        name = name.replace(ch, " ")
    return name.strip()[:31] or "Sheet"


def unique_name(name: str, used: set[str]) -> str:
    """A sheet name (<= 31 characters, no forbidden character) not in ``used`` (case-blind)."""
    name = clean_name(name)
    base, k = name, 2
    while name.lower() in used:
        suffix = f" {k}"
        name = base[: 31 - len(suffix)] + suffix
        k += 1
    used.add(name.lower())
    return name


def _table_name(sec: Section, k: int, table: Table, lang: str) -> str:
    if k == 0:
        return sec.sheet or sec.title
    if table.key in NAMES:
        return NAMES[table.key](lang)
    return f"{sec.sheet or sec.title} {k + 1}"


def sheet_plan(report: Report) -> list[tuple[str, Section, Table | None, bool]]:
    """(sheet name, section, its table or None, whether the section's text goes there)."""
    used: set[str] = set()
    out: list[tuple[str, Section, Table | None, bool]] = []
    for sec in report.sections:
        if not sec.tables:
            out.append((unique_name(sec.sheet or sec.title, used), sec, None, True))
            continue
        for k, table in enumerate(sec.tables):
            name = unique_name(_table_name(sec, k, table, report.lang), used)
            out.append((name, sec, table, k == 0))
    return out


def sheet_of(report: Report) -> dict[str, str]:
    """Table key -> the sheet that holds it."""
    return {tb.key: name for name, _sec, tb, _text in sheet_plan(report) if tb is not None}
