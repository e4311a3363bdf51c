"""Listing commands: ``countries``, ``modes``, ``cases`` and ``data sources``."""

from __future__ import annotations

import re

import typer

from coopselect.cli.common import (
    DATA_DIR_OPTION,
    LANG_OPTION,
    FunnelCommand,
    LangOpt,
    ViewFormat,
    emit_json,
    help_when_bare,
)
from coopselect.i18n import Label, common

L = {
    "region": Label("地区", "Region"),
    "name": Label("名称", "Name"),
    "id": Label("标识", "Id"),
    "covered": Label("数据覆盖", "Data coverage"),
    "profile": Label(
        "画像（获取/投入/依赖/服务）", "Profile (capture, commitment, reliance, service)"
    ),
    "barriers": Label("对壁垒的反应（+阻碍，−机会）", "Barrier response (+ blocks, - way in)"),
    "title": Label("标题", "Title"),
    "countries": Label("候选国", "Countries"),
    "measure": Label("USGS 统计口径", "What USGS measures"),
    "unit": Label("单位", "Unit"),
    "producers": Label("生产国数（年份）", "Producers (year)"),
    "reserves": Label("储量国数", "Reserve holders"),
    "minerals_n": Label("{n} 种矿产", "{n} minerals"),
    "gap_note": Label(
        "— = 无数据。年份/版本取自当前生效的数据版本（coopselect data sources）。",
        "— = no data. Years and editions are those of the active vintages "
        "(coopselect data sources).",
    ),
}
GAP = "—"
COVERAGE_LABELS = {
    "electricity": Label("通电率", "Electricity"),
    "gdp_per_capita": Label("人均GDP", "GDP pc"),
}
L["vintage"] = Label("生效版本", "Active vintage")
L["data_folder"] = Label("导入数据目录：{path}", "Data folder for imports: {path}")


def _usgs_cell(ids: list[str], lang: str) -> str:
    """Minerals USGS lists the host for: up to three ids, then a count."""
    if not ids:
        return GAP
    if len(ids) <= 3:
        return ", ".join(ids)
    return L["minerals_n"](lang).format(n=len(ids))


def countries_cmd(
    fmt: ViewFormat = typer.Option(ViewFormat.table, "--format", "-f", help="table | json"),
    lang: LangOpt = LANG_OPTION,
    region: str = typer.Option(
        None, "--countries", help="Only these: ISO3 codes, 'all' or a region (as on rank)."
    ),
    data_dir: str = DATA_DIR_OPTION,
) -> None:
    """Every covered economy with the years or editions of each dataset it has (active
    vintages), and the default criteria's indicators it lacks."""
    from coopselect.catalog import COVERAGE, country_coverage, span
    from coopselect.io.data.snapshot import DataSnapshot

    rows = country_coverage(DataSnapshot.read(data_dir))
    if region:
        from coopselect.io.loaders.adhoc import parse_countries

        keep = set(parse_countries(region))
        rows = [r for r in rows if r["iso3"] in keep]
    lg = lang.value
    if fmt is ViewFormat.json:
        emit_json(rows)
        return
    _print_table(
        [
            "ISO3",
            L["name"](lg),
            L["region"](lg),
            *[COVERAGE_LABELS[ds](lg) if ds in COVERAGE_LABELS else lb for ds, lb in COVERAGE],
        ],
        [
            [
                r["iso3"],
                r["name_zh" if lg == "zh" else "name_en"],
                r["region_zh" if lg == "zh" else "region_en"],
                *[
                    _usgs_cell(r["coverage"][ds], lg)
                    if ds == "usgs"
                    else span(r["coverage"][ds]) or GAP
                    for ds, _ in COVERAGE
                ],
            ]
            for r in rows
        ],
        caption=L["gap_note"](lg),
        no_wrap=(0,),
        keep=(1,),
    )


def minerals_cmd(
    fmt: ViewFormat = typer.Option(ViewFormat.table, "--format", "-f", help="table | json"),
    lang: LangOpt = LANG_OPTION,
    data_dir: str = DATA_DIR_OPTION,
) -> None:
    """Every mineral id: names, what USGS measures, units, and how many producers and
    reserve holders the active USGS table lists."""
    from coopselect.catalog import mineral_catalog
    from coopselect.io.data.snapshot import DataSnapshot

    rows = mineral_catalog(DataSnapshot.read(data_dir))
    lg = lang.value
    if fmt is ViewFormat.json:
        emit_json(rows)
        return
    _print_table(
        [
            L["id"](lg),
            "中文",
            "English",
            L["measure"](lg),
            L["unit"](lg),
            L["producers"](lg),
            L["reserves"](lg),
        ],
        [
            [
                r["id"],
                r["name_zh"],
                r["name_en"],
                r["measure"],
                " / ".join(
                    u for u in dict.fromkeys((r["unit_production"], r["unit_reserves"])) if u
                )
                or GAP,
                f"{r['producers']} ({r['production_year']})" if r["production_year"] else GAP,
                r["reserve_holders"] or GAP,
            ]
            for r in rows
        ],
    )


def modes_cmd(
    fmt: ViewFormat = typer.Option(ViewFormat.table, "--format", "-f", help="table | json"),
    lang: LangOpt = LANG_OPTION,
) -> None:
    """List the seven cooperation modes and their profiles (analyst judgments)."""
    from coopselect.catalog import mode_profiles

    rows = mode_profiles()
    lg = lang.value
    if fmt is ViewFormat.json:
        emit_json(rows)
        return
    from coopselect.domain.features import PROFILE_LABELS, feature_label

    _print_table(
        [L["id"](lg), L["name"](lg), L["profile"](lg), L["barriers"](lg)],
        [
            [
                r["id"],
                r[f"name_{lg}"],
                "\n".join(
                    f"{PROFILE_LABELS[k](lg)} {d['value']:g}"
                    for k, d in r["profile"].items()
                    if d["value"]
                ),
                "\n".join(
                    f"{feature_label(b, lg)} {d['value']:+g}"
                    for b, d in r["barrier_response"].items()
                    if d["value"]
                ),
            ]
            for r in rows
        ],
    )


def cases_cmd(
    fmt: ViewFormat = typer.Option(ViewFormat.table, "--format", "-f", help="table | json"),
    lang: LangOpt = LANG_OPTION,
) -> None:
    """List the bundled cases."""
    from coopselect.catalog import bundled_case_list

    rows = bundled_case_list()
    lg = lang.value
    if fmt is ViewFormat.json:
        emit_json(rows)
        return
    _print_table(
        [L["id"](lg), L["title"](lg), L["countries"](lg), common("file", lg)],
        [[r["id"], r[f"title_{lg}"], " ".join(r["countries"]), r["file"]] for r in rows],
        no_wrap=(0,),
    )


def sources_cmd(
    fmt: ViewFormat = typer.Option(ViewFormat.table, "--format", "-f", help="table | json"),
    lang: LangOpt = LANG_OPTION,
    data_dir: str = DATA_DIR_OPTION,
) -> None:
    """Every dataset with publisher, year, licence and origin, and which vintage is active
    (bundled, or imported with its release and date)."""
    from coopselect.catalog import data_sources
    from coopselect.io.data.snapshot import DataSnapshot
    from coopselect.io.data.sources import with_vintages

    snap = DataSnapshot.read(data_dir)
    rows = data_sources()
    active = {d.id: snap.vintage(d.id) for d in with_vintages()}
    for r in rows:
        v = active.get(r.get("dataset", ""))
        r["active"] = v.as_dict() if v else {"vintage": "bundled", "imported": False}
    lg = lang.value
    if fmt is ViewFormat.json:
        emit_json(rows)
        return
    _print_table(
        [
            common("file", lg),
            L["vintage"](lg),
            common("publisher", lg),
            common("year", lg),
            common("licence", lg),
            common("source", lg),
        ],
        [
            [
                r["file"],
                active[r["dataset"]].label() if r.get("dataset") in active else "bundled",
                r["publisher"],
                r["year"],
                r["licence"],
                r["origin"],
            ]
            for r in rows
        ],
        caption=L["data_folder"](lg).format(path=snap.folder),
    )


def register(app: typer.Typer) -> None:
    app.command("countries", cls=FunnelCommand)(countries_cmd)
    app.command("minerals", cls=FunnelCommand)(minerals_cmd)
    app.command("modes", cls=FunnelCommand)(modes_cmd)
    app.command("cases", cls=FunnelCommand)(cases_cmd)
    data_app = typer.Typer(
        help="The bundled datasets and imported vintages (sources, barriers, import, use, diff).",
    )
    help_when_bare(data_app)
    app.add_typer(data_app, name="data")
    data_app.command("sources", cls=FunnelCommand)(sources_cmd)
    from coopselect.cli.cmd_barriers import register as register_barriers
    from coopselect.cli.cmd_data import register_data

    register_data(data_app)
    register_barriers(data_app)


def _print_table(
    headers,
    rows,
    caption: str | None = None,
    no_wrap: tuple[int, ...] = (),
    keep: tuple[int, ...] = (),
) -> None:
    """A table that wraps at word boundaries: ``no_wrap`` columns (codes) never wrap, every other
    column is as wide as its longest word (up to ``LONGEST_WORD``) when the terminal has room, and
    no vertical rules take room. On a terminal too narrow for that, the widest minimums shrink
    first (identifiers and paths, then words, then numbers and year spans, then the ``keep``
    columns; a word longer than its column is then folded), so that no column is cut off."""
    from rich import box
    from rich.cells import cell_len
    from rich.markup import escape
    from rich.table import Table

    from coopselect.cli.common import console

    con = console()
    texts = [[str(v) for v in r] for r in rows]
    mins = []
    for i, h in enumerate(headers):
        cells = [r[i] for r in texts if i < len(r)]
        if i in no_wrap:
            mins.append(max([cell_len(c) for c in cells] + [cell_len(str(h))]))
        else:
            words = [w for text in [str(h), *cells] for w in text.split()]
            mins.append(min(max([cell_len(w) for w in words] + [1]), LONGEST_WORD))
    room = con.width - 3 * len(headers) - 2  # padding and separator of each column, edges
    wrap = [i for i in range(len(headers)) if i not in no_wrap]
    # Text columns give way before columns of numbers and year spans ("2019-2023", "2018, 2023").
    numeric = {i for i in wrap if all(_NUMERIC.fullmatch(r[i]) for r in texts if i < len(r))}

    # Identifiers and paths (mineral_ids, owner/repo, file.csv) are folded before words are.
    codes = {
        i
        for i in wrap
        if i not in numeric
        and any(_CODE.search(w) for r in texts if i < len(r) for w in r[i].split())
    }
    text = [i for i in wrap if i not in numeric and i not in codes and i not in keep]
    last = [i for i in wrap if i in keep]  # ``keep``: the row's name, narrowed only at the end
    for group in (sorted(codes), text, sorted(numeric), last):
        while sum(mins) > room and group and max(mins[i] for i in group) > MIN_COLUMN:
            widest = max(group, key=lambda i: mins[i])
            mins[widest] -= 1
    t = Table(
        show_lines=False,
        caption=escape(caption) if caption else None,
        box=box.SIMPLE_HEAD,
    )
    widths = _spread(
        mins,
        [
            max([cell_len(str(h))] + [cell_len(r[i]) for r in texts if i < len(r)])
            for i, h in enumerate(headers)
        ],
        room,
    )
    for i, h in enumerate(headers):
        if i in no_wrap:
            t.add_column(h, no_wrap=True, width=widths[i])
        else:
            t.add_column(h, overflow="fold", width=widths[i])
    for r in texts:
        t.add_row(*[escape(v) for v in r])
    con.print(t)


def _spread(mins: list[int], natural: list[int], room: int) -> list[int]:
    """Column widths: each its minimum, then the room left shared one cell at a time among the
    columns still narrower than their longest cell (deterministic, no column above it)."""
    widths = list(mins)
    spare = room - sum(widths)
    while spare > 0:
        grow = [i for i, w in enumerate(widths) if w < natural[i]]
        if not grow:
            break
        for i in grow:
            if spare == 0:
                break
            widths[i] += 1
            spare -= 1
    return widths


# A column is never narrower than its longest word, up to this many cells, when there is room;
# on a narrow terminal no minimum goes below MIN_COLUMN.
LONGEST_WORD = 18
MIN_COLUMN = 4
_CODE = re.compile(r"[_/@]|\.\w+$")
_NUMERIC = re.compile(r"[\d\s,.\-–—]*")
