"""Listing commands: ``countries``, ``modes``, ``cases`` and ``data sources``."""

from __future__ import annotations

import typer

from coopselect.cli.common import LANG_OPTION, Format, LangOpt, emit_json, guarded
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
}


def register(app: typer.Typer) -> None:
    @app.command("countries")
    @guarded
    def countries_cmd(
        fmt: Format = typer.Option(Format.table, "--format", "-f", help="table | json"),
        lang: LangOpt = LANG_OPTION,
    ) -> None:
        """List the countries the bundled data cover, with the indicators each lacks."""
        from coopselect.catalog import country_coverage

        rows = country_coverage()
        lg = lang.value
        if fmt is Format.json:
            emit_json(rows)
            return
        _print_table(
            ["ISO3", L["name"](lg), L["region"](lg), L["covered"](lg)],
            [
                [
                    r["iso3"],
                    r["name_zh" if lg == "zh" else "name_en"],
                    r["region_zh" if lg == "zh" else "region_en"],
                    "ok" if not r["missing"] else "missing: " + ", ".join(r["missing"]),
                ]
                for r in rows
            ],
        )

    @app.command("modes")
    @guarded
    def modes_cmd(
        fmt: Format = typer.Option(Format.table, "--format", "-f", help="table | json"),
        lang: LangOpt = LANG_OPTION,
    ) -> None:
        """List the seven cooperation modes and their profiles (analyst judgments)."""
        from coopselect.catalog import mode_profiles

        rows = mode_profiles()
        lg = lang.value
        if fmt is Format.json:
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

    @app.command("cases")
    @guarded
    def cases_cmd(
        fmt: Format = typer.Option(Format.table, "--format", "-f", help="table | json"),
        lang: LangOpt = LANG_OPTION,
    ) -> None:
        """List the bundled cases."""
        from coopselect.catalog import bundled_case_list

        rows = bundled_case_list()
        lg = lang.value
        if fmt is Format.json:
            emit_json(rows)
            return
        _print_table(
            [L["id"](lg), L["title"](lg), L["countries"](lg), common("file", lg)],
            [[r["id"], r[f"title_{lg}"], " ".join(r["countries"]), r["file"]] for r in rows],
        )

    data_app = typer.Typer(help="The bundled datasets.", no_args_is_help=True)
    app.add_typer(data_app, name="data")

    @data_app.command("sources")
    @guarded
    def sources_cmd(
        fmt: Format = typer.Option(Format.table, "--format", "-f", help="table | json"),
        lang: LangOpt = LANG_OPTION,
    ) -> None:
        """List every bundled dataset with publisher, year, licence and origin."""
        from coopselect.catalog import data_sources

        rows = data_sources()
        lg = lang.value
        if fmt is Format.json:
            emit_json(rows)
            return
        _print_table(
            [
                common("file", lg),
                common("publisher", lg),
                common("year", lg),
                common("licence", lg),
                common("source", lg),
            ],
            [[r["file"], r["publisher"], r["year"], r["licence"], r["origin"]] for r in rows],
        )


def _print_table(headers, rows) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(show_lines=False)
    for h in headers:
        t.add_column(h, overflow="fold")
    for r in rows:
        t.add_row(*[str(v) for v in r])
    Console().print(t)
