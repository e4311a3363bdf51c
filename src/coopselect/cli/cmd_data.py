"""``coopselect data import|use|diff``: refresh the data from the publishers' own release files.

Registered on the ``data`` group of ``cli/cmd_catalog.py`` (beside ``data sources``).
"""

from __future__ import annotations

import typer

from coopselect.cli.common import (
    DATA_DIR_OPTION,
    LANG_OPTION,
    FunnelCommand,
    LangOpt,
    ViewFormat,
    console,
    emit_json,
)
from coopselect.i18n import Label

L = {
    "imported": Label("已导入", "Imported"),
    "active": Label("现为生效版本", "now active"),
    "rows": Label("{rows} 行，{n} 个经济体", "{rows} rows, {n} economies"),
    "unmapped": Label("无法对应 ISO3 的名称", "Names not mapped to ISO3"),
    "warnings": Label("提示", "Warnings"),
    "files": Label("读取的文件", "Files read"),
    "use": Label("{ds} 的生效版本：{v}", "Active vintage of {ds}: {v}"),
    "host": Label("东道国", "Host"),
    "mineral": Label("矿种", "Mineral"),
    "measure": Label("指标", "Measure"),
    "before": Label("原份额", "Share before"),
    "after": Label("新份额", "Share after"),
    "change": Label("变化（百分点）", "Change (points)"),
    "diff_title": Label("{a} → {b}：世界份额的变化", "{a} -> {b}: change in share of world"),
    "no_change": Label("所选矿种的份额没有变化。", "No share changed for these minerals."),
}

SOURCE_HELP = (
    "wgi (WGI workbook, long layout), lpi (LPI 2023 CSV and/or the 2007-2018 workbook), "
    "wdi (bulk CSV of EG.ELC.ACCS.ZS or NY.GDP.PCAP.CD with its Metadata_Country CSV), "
    "usgs-mcs (folder of an MCS world data release); epi is not supported yet."
)


def import_cmd(
    source: str = typer.Argument(..., help=SOURCE_HELP, metavar="SOURCE"),
    paths: list[str] = typer.Argument(
        ..., help="The publisher's file(s) or folder, as released.", metavar="PATH..."
    ),
    allow_fewer: bool = typer.Option(
        False,
        "--allow-fewer-economies",
        help="Import a release that covers fewer than half of the economies of the active "
        "vintage (refused otherwise: it would replace the whole table).",
    ),
    data_dir: str = DATA_DIR_OPTION,
    fmt: ViewFormat = typer.Option(ViewFormat.table, "--format", "-f", help="table | json"),
    lang: LangOpt = LANG_OPTION,
) -> None:
    """Import a publisher's release as a dated vintage (with its provenance) into the data
    folder and make it active. All or nothing: a refused file changes nothing, and the
    tables of one import become active together. Only regular files are read (a FIFO or a
    device is refused), within $COOPSELECT_MAX_RELEASE_MB (default 20) for the whole release;
    a repeated economy, year and indicator is refused; a vintage above
    $COOPSELECT_MAX_VINTAGE_MB (default 5) is refused, since every later run reads it."""
    from coopselect.io.data.data_import import run_import
    from coopselect.io.data.vintages import folder_of

    report = run_import(source, paths, allow_fewer_economies=allow_fewer, root=folder_of(data_dir))
    if fmt is ViewFormat.json:
        emit_json(report.as_dict())
        return
    from rich.markup import escape

    con = console()
    lg = lang.value
    for plan, v in report.written:
        con.print(
            f"[bold]{L['imported'](lg)}[/] {escape(plan.dataset)}: {escape(v.id)} "
            f"({escape(v.release)}), {L['active'](lg)}."
        )
        con.print("  " + L["rows"](lg).format(rows=plan.rows, n=plan.economies))
        con.print(f"  {escape(str(v.path))}")
        for f in plan.provenance.get("files", [])[:6]:
            con.print(f"  {L['files'](lg)}: {escape(f['name'])} sha256 {f['sha256'][:16]}…")
        if len(plan.provenance.get("files", [])) > 6:
            con.print(f"  … {len(plan.provenance['files'])} files (provenance.json)")
        if plan.unmapped:
            con.print(f"  {L['unmapped'](lg)}: {escape(', '.join(plan.unmapped))}")
        if plan.warnings:
            con.print(f"  {L['warnings'](lg)} ({len(plan.warnings)}, provenance.json):")
            for w in plan.warnings[:5]:
                con.print(f"    {escape(w)}")


def use_cmd(
    dataset: str = typer.Argument(
        ..., help="Dataset id (wgi, lpi, electricity, gdp_per_capita, usgs) or usgs-mcs."
    ),
    vintage: str = typer.Argument(..., help="A vintage id ('data sources') or 'bundled'."),
    data_dir: str = DATA_DIR_OPTION,
    lang: LangOpt = LANG_OPTION,
) -> None:
    """Choose which vintage of a dataset is active (an imported one or the bundled file)."""
    from coopselect.io.data import vintages

    v = vintages.use(_dataset(dataset), vintage, vintages.folder_of(data_dir))
    from coopselect.textsafety import visible

    print(visible(L["use"](lang.value).format(ds=v.dataset, v=v.label())))


def diff_cmd(
    source: str = typer.Argument("usgs-mcs", help="usgs-mcs (the only one for now)."),
    old: str = typer.Option(
        None, "--from", help="Older vintage id or 'bundled' (default: the one before)."
    ),
    new: str = typer.Option(None, "--to", help="Newer vintage id (default: the active one)."),
    minerals: str = typer.Option(
        None, "--minerals", help="Mineral ids (default: every mineral with a share)."
    ),
    threshold: float = typer.Option(
        0.1, "--min-change", help="Show changes of at least this many percentage points."
    ),
    top: int = typer.Option(None, "--top", "-n", min=1, help="At most N rows per mineral."),
    data_dir: str = DATA_DIR_OPTION,
    fmt: ViewFormat = typer.Option(ViewFormat.table, "--format", "-f", help="table | json"),
    lang: LangOpt = LANG_OPTION,
) -> None:
    """Which hosts gained or lost share of world production and reserves between two USGS
    vintages (default: the active one against the one imported before it, or the bundled)."""
    from coopselect.io.data.vintage_diff import usgs_diff
    from coopselect.io.data.vintages import folder_of

    if _dataset(source) != "usgs":
        from coopselect.errors import CoopselectError

        raise CoopselectError(f"no diff for {source!r} yet.", place="SOURCE", fix="use usgs-mcs.")
    from coopselect.io.loaders.adhoc import parse_minerals

    wanted = parse_minerals(minerals) if minerals else None
    doc = usgs_diff(old, new, wanted, threshold / 100.0, top, root=folder_of(data_dir))
    lg = lang.value
    if fmt is ViewFormat.json:
        emit_json(doc)
        return
    _print_diff(doc, lg)


def register_data(data_app: typer.Typer) -> None:
    data_app.command("import", cls=FunnelCommand)(import_cmd)
    data_app.command("use", cls=FunnelCommand)(use_cmd)
    data_app.command("diff", cls=FunnelCommand)(diff_cmd)


def _dataset(name: str) -> str:
    return {"usgs-mcs": "usgs", "wdi-electricity": "electricity"}.get(name.lower(), name.lower())


def _print_diff(doc: dict, lang: str) -> None:
    from rich.markup import escape
    from rich.table import Table

    from coopselect.io.data import reference

    cty = reference.countries()
    cat = reference.minerals()
    con = console()
    title = L["diff_title"](lang).format(a=doc["from"]["label"], b=doc["to"]["label"])
    if not doc["changes"]:
        con.print(escape(title))
        con.print(L["no_change"](lang))
    else:
        t = Table(title=escape(title), title_justify="left")
        for h in ("mineral", "measure", "host", "before", "after", "change"):
            t.add_column(
                L[h](lang), justify="right" if h in ("before", "after", "change") else "left"
            )
        for c in doc["changes"]:
            name = cty[c["iso3"]].name(lang) if c["iso3"] in cty else c["iso3"]
            t.add_row(
                escape(cat[c["mineral"]].name(lang)),
                c["measure"],
                f"{escape(name)} ({c['iso3']})",
                _pct(c["before"]),
                _pct(c["after"]),
                f"{c['change'] * 100:+.2f}",
            )
        con.print(t)
    for note in doc["notes"]:
        con.print(f"[dim]{escape(note)}[/]")


def _pct(v) -> str:
    return "—" if v is None else f"{v * 100:.2f}%"
