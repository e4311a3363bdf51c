"""``coopselect validate``: how often the model ranks first the modes real deals used.

Renders :func:`coopselect.validation.validate`: per method, the share of deals whose revealed mode
is the host's best and in its top three and its mean rank, against chance (1/7, 3/7, 4.0); then
the same per revealed mode for one method. ``--format json`` prints
:meth:`coopselect.validation.Validation.to_dict` (keys in docs/model.md, "Validation against real
deals").
"""

from __future__ import annotations

import typer

from coopselect.cli.common import (
    DATA_DIR_OPTION,
    LANG_OPTION,
    FunnelCommand,
    LangOpt,
    ViewFormat,
    emit_json,
    safe,
)
from coopselect.i18n import Label

L = {
    "title": Label("对照 {n} 项真实交易的验证", "Validation against {n} real deals"),
    "file": Label("交易表：", "Deals table: "),
    "method": Label("方法", "Method"),
    "mode": Label("实际模式", "Revealed mode"),
    "ranked": Label("已排名", "Ranked"),
    "best": Label("第一", "Best"),
    "top3": Label("前三", "Top 3"),
    "mean": Label("平均名次", "Mean rank"),
    "chance": Label("随机", "Chance"),
    "legend": Label(
        "第一、前三：实际采用的模式在东道国七种模式中排第一、进前三的交易比例；平均名次：1-7。",
        "Best, Top 3: share of deals whose revealed mode is the host's best, in its top three "
        "of seven; mean rank: 1 to 7.",
    ),
    "by_mode": Label("按实际模式（{method}）", "By revealed mode ({method})"),
    "set": Label(
        "比较范围：每项交易只在东道国本国的七种模式中排名（空缺值取所有经济体的中位数）。",
        "Comparison set: each deal's host alone, its seven modes (a gap takes the median of "
        "every economy).",
    ),
    "policy": Label(
        "政策壁垒按交易当年 7 月 1 日读取（早于壁垒表首条记录的交易按表的首日读取）；"
        "其余数据为现行数据。",
        "Policy barriers as of 1 July of the deal year (deals before the barrier table's first "
        "measure read its first date); all other data as of now.",
    ),
    "ties": Label(
        "并列按随机顺序的期望值计。", "A tied revealed mode counts at its expected value."
    ),
    "unranked": Label("未参与排名、不计入比例的交易", "Not ranked, left out of the shares"),
    "early": Label("早于壁垒表的交易：", "Deals before the barrier table: "),
    "unreviewed": Label(
        "壁垒表未审查东道国的交易（{n}；其壁垒按无计，属数据空缺）：",
        "Deals in hosts the barrier table has not reviewed ({n}; barriers read as none, a gap): ",
    ),
    "detail": Label("逐项交易（{method}）", "Deal by deal ({method})"),
    "deal": Label("交易", "Deal"),
    "host": Label("东道国", "Host"),
    "year": Label("年份", "Year"),
    "rank": Label("名次", "Rank"),
    "model_best": Label("模型的最佳模式", "Model's best mode"),
}
REASONS = {
    "excluded": Label("东道国因数据缺失被排除", "host excluded for missing data"),
    "no_known_endowment": Label(
        "东道国无该矿产的已知产量、储量或潜力（模型不给出最佳模式）",
        "no known production, reserves or potential of the mineral in the host (no best mode)",
    ),
    "mode_absent": Label("实际模式不在案例的模式中", "revealed mode not among the case's modes"),
}


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def validate_cmd(
    method: str = typer.Option(
        "all",
        "--method",
        "-m",
        help="One method (e.g. topsis, consensus), or 'all' for topsis, vikor, promethee2, "
        "wsm, spotis and consensus.",
    ),
    deals: str = typer.Option(
        None,
        "--deals",
        metavar="FILE",
        help="A deals table of your own with the columns of data/validation/deals.csv "
        "(default: the bundled table).",
    ),
    detail: bool = typer.Option(
        False,
        "--detail",
        help="Also list every deal: its revealed mode's rank and the best mode.",
    ),
    fmt: ViewFormat = typer.Option(ViewFormat.table, "--format", "-f", help="table | json"),
    lang: LangOpt = LANG_OPTION,
    data_dir: str = DATA_DIR_OPTION,
) -> None:
    """Check the model against real Chinese overseas mining deals (data/validation)."""
    from coopselect import validation
    from coopselect.io.data.snapshot import DataSnapshot

    name = method.strip().lower()
    methods = validation.METHODS if name == "all" else (name,)
    table = validation.load_deals(deals) if deals else None
    result = validation.validate(DataSnapshot.read(data_dir), methods, table)
    if fmt is ViewFormat.json:
        emit_json(result.to_dict())
        return
    _table(result, deals or f"data/{validation.DEALS_FILE}", lang.value, detail)


def register(app: typer.Typer) -> None:
    app.command("validate", cls=FunnelCommand)(validate_cmd)


def _mode_names(lang: str) -> dict[str, str]:
    from coopselect.io.loaders.modes_loader import load_modes
    from coopselect.paths import criteria_dir

    return {m.id: m.name(lang) for m in load_modes(criteria_dir() / "modes.toml").modes}


def _table(result, file: str, lg: str, detail: bool = False) -> None:
    from rich.table import Table

    from coopselect.cli.common import console
    from coopselect.validation import CHANCE

    con = console()
    t = Table(title=L["title"](lg).format(n=len(result.deals)))
    t.add_column(L["method"](lg), justify="left")
    t.add_column(L["ranked"](lg), justify="right")
    t.add_column(L["best"](lg), justify="right")
    t.add_column(L["top3"](lg), justify="right")
    t.add_column(L["mean"](lg), justify="right")
    total = len(result.deals)
    for s in result.by_method:
        t.add_row(
            s.method, f"{s.n}/{total}", _pct(s.best_share), _pct(s.top3_share), _num(s.mean_rank)
        )
    t.add_row(
        L["chance"](lg),
        "",
        _pct(CHANCE["best_share"]),
        _pct(CHANCE["top3_share"]),
        _num(CHANCE["mean_rank"]),
    )
    con.print(t)
    shown = result.methods[0] if len(result.methods) == 1 else _default_method()
    names = _mode_names(lg)
    m = Table(title=L["by_mode"](lg).format(method=shown))
    m.add_column(L["mode"](lg))
    for key in ("ranked", "best", "top3", "mean"):
        m.add_column(L[key](lg), justify="right")
    for s in result.by_mode:
        if s.method == shown:
            m.add_row(
                names.get(s.mode, s.mode),
                f"{s.n}/{s.n + s.unranked}",
                _pct(s.best_share),
                _pct(s.top3_share),
                _num(s.mean_rank),
            )
    con.print(m)
    if detail:
        con.print(_detail(result, shown, names, lg))
    con.print(f"[dim]{escape(L['file'](lg))}{safe(file)}[/]")
    for key in ("legend", "set", "policy", "ties"):
        con.print(f"[dim]{escape(L[key](lg))}[/]")
    by_reason: dict[str, list[str]] = {}
    for o in result.outcomes[result.methods[0]]:
        if o.rank is None:
            by_reason.setdefault(o.reason, []).append(o.deal)
    for reason, ids in by_reason.items():
        why = REASONS[reason](lg) if reason in REASONS else reason
        con.print(
            f"[dim]{escape(L['unranked'](lg))} ({len(ids)}; {escape(why)}): "
            f"{escape(', '.join(ids))}[/]"
        )
    gaps = result.unreviewed()
    if gaps:
        con.print(
            f"[dim]{escape(L['unreviewed'](lg).format(n=len(gaps)))}{escape(', '.join(gaps))}[/]"
        )
    early = [o.deal for o in result.outcomes[result.methods[0]] if o.policy_note]
    if early:
        con.print(f"[dim]{escape(L['early'](lg))}{escape(', '.join(early))}[/]")


def _detail(result, method: str, names: dict[str, str], lg: str):
    from rich.table import Table

    from coopselect.io.data import reference

    cty = reference.countries()
    t = Table(title=L["detail"](lg).format(method=method))
    for key in ("deal", "host", "year", "mode", "rank", "model_best"):
        t.add_column(L[key](lg), justify="right" if key in ("year", "rank") else "left")
    for d, o in zip(result.deals, result.outcomes[method], strict=True):
        host = cty[d.host].name(lg) if d.host in cty else d.host
        if o.rank is None:
            rank, best = "—", REASONS[o.reason](lg) if o.reason in REASONS else o.reason
        else:
            rank, best = f"{o.rank:g}", names.get(o.order[0], o.order[0])
        t.add_row(safe(d.id), safe(host), str(d.year), names.get(d.mode, d.mode), rank, best)
    return t


def _default_method() -> str:
    """The method the ad-hoc cases rank with (coopselect.io.loaders.adhoc), shown per mode."""
    from coopselect.io.loaders.adhoc import adhoc_document

    return str(adhoc_document((), ())["method"])


def escape(text: str) -> str:
    from rich.markup import escape as rich_escape

    return rich_escape(text)
