"""``coopselect rank``: rank every (country, mode) pair of a case."""

from __future__ import annotations

import csv
import io
import sys
from enum import StrEnum
from typing import TYPE_CHECKING

import typer

from coopselect.cli.common import (
    CASE_ARGUMENT,
    LANG_OPTION,
    REQUEST,
    Format,
    FunnelCommand,
    LangOpt,
    case_options,
    emit_json,
)
from coopselect.i18n import Label, common
from coopselect.narrative import column_names, host_reasons, imputation_lines
from coopselect.textsafety import csv_cell

if TYPE_CHECKING:
    from coopselect.services.request import CaseRequest


class By(StrEnum):
    pair = "pair"
    country = "country"
    mode = "mode"


L = {
    "title": Label("合作组合排名", "Ranked (country, mode) pairs"),
    "agreement": Label(
        "各国最佳模式的稳健性（5 种主要方法与 1000 组权重抽样）",
        "How firmly each host's best mode holds (the 5 main methods, 1,000 weight draws)",
    ),
    "cr": Label("准则判断矩阵一致性比率", "Consistency ratio of the criteria judgments"),
    "imputed": Label("缺失数据处理", "Missing data handled"),
    "excluded": Label("因缺失数据剔除", "Excluded for missing data"),
    "weights": Label("权重", "Weights"),
    "best_by_country": Label("各国最佳模式", "Best mode per country"),
    "best_by_mode": Label("各模式最佳国家", "Best country per mode"),
    "country_rank": Label("国家排名（不分模式）", "Country ranking (mode-free)"),
    "inconsistent": Label("（>0.10，需复核判断）", "(> 0.10: revisit the judgments)"),
    "score_lower": Label("得分越低越好", "lower score is better"),
    "why": Label("理由", "Why"),
    "why_hosts": Label("各东道国的理由", "Why, host by host"),
}


# More note lines than this (imputations and notes) are collapsed to a count unless --notes.
NOTES_SHOWN = 20


@case_options(ranking_before="top")
def rank_cmd(
    case: str = CASE_ARGUMENT,
    top: int = typer.Option(None, "--top", "-n", min=1, help="Show only the first N rows."),
    by: By = typer.Option(
        By.pair,
        "--by",
        help="pair: all pairs; country: best mode per country; mode: best country per mode.",
    ),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table | json | csv | md"),
    lang: LangOpt = LANG_OPTION,
    request: CaseRequest = REQUEST,  # the case option group (cli.common.case_options)
    notes: bool = typer.Option(
        False,
        "--notes",
        help=f"List every note (data gaps filled, defaults, sources); a table run shows a "
        f"count instead when there are more than {NOTES_SHOWN} lines.",
    ),
) -> None:
    """Rank every (host country, cooperation mode) pair of a case."""
    from coopselect.services.ranking import rank

    result = rank(request)
    lg = lang.value
    if fmt is Format.json:
        doc = result.to_dict(lg)
        if by is By.country:
            from coopselect.agreement import agreement

            doc["agreement"] = agreement(result).to_dict()
            doc["reasons"] = host_reasons(result, lg)
        if top:
            doc["pairs"] = doc["pairs"][:top]
        emit_json(doc)
        return
    rows, headers = _rows(result, by, lg)
    if top:
        rows = rows[:top]
    reasons = {}
    if by is By.country:
        reasons = host_reasons(result, lg, [r[2] for r in rows])
        if fmt is not Format.table:  # csv and md: a last column (the table: a block below)
            headers = [*headers, L["why"](lg)]
            rows = [[*r, reasons.get(r[2], "")] for r in rows]
    if fmt is Format.csv:
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(headers)
        w.writerows([[csv_cell(v) for v in r] for r in rows])
        sys.stdout.write(buf.getvalue())
    elif fmt is Format.md:
        sys.stdout.write(_markdown(headers, rows))
    else:
        _table(result, headers, rows, by, lg, all_notes=notes, reasons=reasons)


def register(app: typer.Typer) -> None:
    app.command("rank", cls=FunnelCommand)(rank_cmd)


def _rows(result, by: By, lang: str):
    from coopselect.io.data import reference

    cty = reference.countries()
    cat = result.case.catalog
    from coopselect.narrative import NO_KNOWN_ENDOWMENT

    best = result.best_mode_by_country()
    none = NO_KNOWN_ENDOWMENT(lang)
    h = [
        common("rank", lang),
        common("country", lang),
        "ISO3",
        common("mode", lang),
        common("score", lang),
    ]
    if by is By.pair:
        rows = [
            [
                p.rank,
                cty[p.country].name(lang),
                p.country,
                cat.get(p.mode).name(lang),
                round(p.score, 4),
                cat.get(best[p.country].mode).name(lang) if p.country in best else none,
            ]
            for p in result.pairs
        ]
        return rows, [*h, common("best_mode", lang)]
    if by is By.country:
        items = list(best.values())
        # hosts with no known endowment: listed, with no best mode
        extra = [
            ["", cty[k].name(lang), k, none, ""] for k in result.no_known_endowment if k in cty
        ]
    else:
        items = list(result.best_country_by_mode().values())
    rows = [
        [
            p.rank,
            cty[p.country].name(lang),
            p.country,
            cat.get(p.mode).name(lang),
            round(p.score, 4),
        ]
        for p in items
    ]
    if by is By.country:
        rows += extra
    return rows, h


def _markdown(headers, rows) -> str:
    """A Markdown table; every cell is inert text (no link, no HTML, no control character)."""
    from coopselect.textsafety import markdown_table, markdown_text

    return (
        "\n".join(
            markdown_table(
                [markdown_text(h) for h in headers], [[markdown_text(v) for v in r] for r in rows]
            )
        )
        + "\n"
    )


LONG_TABLE = 200  # rows beyond which the table is printed as plain aligned text


def plain_table(headers: list[str], rows: list[list[str]], right: set[int]) -> str:
    """An aligned text table (CJK characters count two columns), control characters shown
    escaped: the fast form of a long table."""
    from rich.cells import cell_len

    from coopselect.textsafety import one_line

    grid = [[one_line(h) for h in headers], *[[one_line(c) for c in r] for r in rows]]
    widths = [max(cell_len(row[j]) for row in grid) for j in range(len(headers))]

    def line(row: list[str]) -> str:
        out = []
        for j, text in enumerate(row):
            pad = " " * (widths[j] - cell_len(text))
            out.append(pad + text if j in right else text + pad)
        return "  ".join(out).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(grid[0]), rule, *(line(r) for r in grid[1:])]) + "\n"


def _table(
    result, headers, rows, by: By, lang: str, *, all_notes: bool = True, reasons=None
) -> None:
    from rich.markup import escape
    from rich.table import Table

    from coopselect.citations import client_text, localise_note
    from coopselect.cli.common import console, safe

    con = console()
    case = result.case
    title = f"{safe(case.title(lang))} — {L['title'](lang)} ({result.method}"
    title += ")" if result.higher_is_better else f"; {L['score_lower'](lang)})"
    cells = [[f"{v:.4f}" if isinstance(v, float) else str(v) for v in r] for r in rows]
    if len(cells) > LONG_TABLE:
        # Rich measures every cell of every row: a global case (about 1,500 pairs) took seconds.
        con.print(title, highlight=False)
        sys.stdout.write(plain_table(headers, cells, right={0, 4}))
    else:
        table = Table(title=title, title_justify="left")
        for i, hd in enumerate(headers):
            table.add_column(hd, justify="right" if i in (0, 4) else "left")
        for r in cells:
            table.add_row(*[safe(v) for v in r])
        con.print(table)
    names = column_names(case, lang)
    if by is By.country:
        _agreement_lines(con, result, names, lang)
    if reasons:
        _reason_lines(con, [r[2] for r in rows], reasons, lang)
    w = ", ".join(f"{safe(names.get(c, c))} {v:.3f}" for c, v in result.column_weights.items())
    from coopselect.ahp.in_force import weights_origin

    how = weights_origin(result.weights.preset, case.judgments_basis, lang)
    con.print(f"[bold]{L['weights'](lang)}[/] ({safe(how)}): {w}")
    cr = result.weights.top.cr
    flag = "" if cr <= 0.10 else " " + L["inconsistent"](lang)
    con.print(f"[bold]{L['cr'](lang)}[/]: {cr:.3f}{flag}")
    print_judgments(con, result, lang)
    print_whatifs(con, result, names, lang)
    from coopselect.narrative import no_endowment_line

    none_line = no_endowment_line(result, lang, limit=None if all_notes else 20)
    if none_line:
        con.print(f"[bold]{escape(none_line)}[/]")
    imputed = (*result.scores.imputed, *result.features.imputed)
    lines = imputation_lines(imputed, names, lang) if imputed else []
    if not all_notes and len(lines) + len(result.notes) > NOTES_SHOWN:
        con.print(notes_count(result, len(imputed), lang), highlight=False)
        return
    if imputed:
        con.print(f"[bold]{L['imputed'](lang)}[/]:")
        # one print for all lines: a global case has hundreds, and Rich pays per call
        con.print("\n".join(f"  {escape(client_text(line, lang))}" for line in lines))
    if result.scores.excluded:
        seen = sorted({e.country for e in result.scores.excluded})
        con.print(f"[bold]{L['excluded'](lang)}[/]: {safe(', '.join(seen))}")
    for note in result.notes:
        con.print(f"[dim]{escape(localise_note(note, lang))}[/]")


def _reason_lines(con, hosts: list[str], reasons: dict[str, str], lang: str) -> None:
    """Every host shown with its reason in plain words (coopselect.narrative.host_reasons),
    wrapped at word boundaries to the terminal's width."""
    from rich.table import Table

    from coopselect.cli.common import safe
    from coopselect.io.data import reference

    cty = reference.countries()
    grid = Table(title=L["why_hosts"](lang), title_justify="left", show_lines=True)
    grid.add_column(common("country", lang), no_wrap=False, ratio=1)
    grid.add_column(L["why"](lang), ratio=4, overflow="fold")
    for iso in hosts:
        name = cty[iso].name(lang) if iso in cty else iso
        grid.add_row(safe(f"{name} ({iso})"), safe(reasons.get(iso, "")))
    con.print(grid)


def _agreement_lines(con, result, names: dict[str, str], lang: str) -> None:
    """Each host's best mode with its agreement across the five main methods and across
    weights, in words (coopselect.agreement)."""
    from coopselect.agreement import agreement, host_sentence
    from coopselect.cli.common import safe
    from coopselect.io.data import reference

    cty = reference.countries()
    ag = agreement(result)
    con.print(f"[bold]{L['agreement'](lang)}[/]:")
    lines = [
        host_sentence(
            ha,
            lambda m: names.get(m, m),
            lambda c: cty[c].name(lang) if c in cty else c,
            lang,
        )
        for ha in ag.hosts.values()
    ]
    con.print("\n".join(f"  {safe(line)}" for line in lines))


NOTES_COUNT = Label(
    "{n} 条说明（{parts}）：加 --notes 列出全部",
    "{n} notes ({parts}): --notes lists them",
)
NOTES_PARTS = {
    "gaps": Label("补全的数据缺口 {k}", "data gaps filled {k}"),
    "excluded": Label("排除的国家 {k}", "countries excluded {k}"),
    "defaults": Label("默认设置 {k}", "defaults {k}"),
    "other": Label("来源与方法 {k}", "sources and method {k}"),
}


def notes_count(result, gaps: int, lang: str) -> str:
    """One line instead of the notes: how many, of which kinds, and how to list them."""
    excluded = len({e.country for e in result.scores.excluded})
    defaults = len(result.case.defaults)
    other = len(result.notes) - defaults
    counts = {"gaps": gaps, "excluded": excluded, "defaults": defaults, "other": other}
    parts = [NOTES_PARTS[k](lang).format(k=f"{v:,}") for k, v in counts.items() if v]
    sep = "，" if lang == "zh" else ", "
    total = sum(counts.values())
    return NOTES_COUNT(lang).format(n=f"{total:,}", parts=sep.join(parts))


def print_judgments(con, result, lang: str) -> None:
    """The worst judgment of each inconsistent matrix in use, and every completed judgment with
    its value (also among the notes and in the JSON's "judgments")."""
    from rich.markup import escape

    from coopselect.ahp.in_force import judgment_facts

    facts = judgment_facts(result.weights, result.case.hierarchy)
    for f in (*facts["worst"], *facts["completed"]):
        con.print(f"  {escape(f['note_zh' if lang == 'zh' else 'note_en'])}", highlight=False)


def print_whatifs(con, result, names: dict[str, str], lang: str) -> None:
    """The scenario and every what-if applied, then the policy date (rank, explain, sensitivity)."""
    from rich.markup import escape

    from coopselect.narrative import override_lines, overrides_heading, policy_date_line

    lines = override_lines(result.case, result.scenario, result.overrides, names, lang)
    if lines:
        con.print(f"[bold]{overrides_heading(lang)}[/]:")
        for line in lines:
            con.print(f"  {escape(line)}")
    con.print(f"[dim]{escape(policy_date_line(result, lang))}[/]")
