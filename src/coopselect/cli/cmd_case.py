"""``coopselect case new FILE``: write a fully commented case file for an ad-hoc selection."""

from __future__ import annotations

import typer

from coopselect.cli.common import (
    COUNTRIES_OPTION,
    LANG_OPTION,
    MINERALS_OPTION,
    FunnelCommand,
    LangOpt,
    help_when_bare,
)
from coopselect.i18n import Label
from coopselect.textsafety import one_line

L = {
    "written": Label(
        "已写入 {path}（{n} 个候选国，{m} 种矿产）", "Wrote {path} ({n} hosts, {m} minerals)"
    ),
    "backup": Label("原文件备份为 {path}", "the previous file is kept as {path}"),
    "next": Label("运行：coopselect rank {path}", "Run it: coopselect rank {path}"),
}


def new_cmd(
    file: str = typer.Argument(..., help="Case file to write (TOML)."),
    countries: str = COUNTRIES_OPTION,
    minerals: str = MINERALS_OPTION,
    force: bool = typer.Option(
        False, "--force", help="Replace an existing file (kept as FILE.bak)."
    ),
    lang: LangOpt = LANG_OPTION,
) -> None:
    """Write a fully commented case file (every key with what it does and its default) for
    --countries/--minerals with the ad-hoc defaults; it ranks exactly like the ad-hoc case.
    Without options: every covered economy and copper."""
    import shlex

    from coopselect.io.loaders.adhoc import write_case_file

    cmd = ["coopselect", "case", "new", file]
    if countries:
        cmd += ["--countries", countries]
    cmd += ["--minerals", minerals or "copper"]
    path, backup, case = write_case_file(
        file,
        countries,
        minerals or "copper",
        force=force,
        command=" ".join(shlex.quote(c) for c in cmd),
    )
    lg = lang.value
    n, m = len(case.countries), len(case.minerals.ids)
    print(one_line(L["written"](lg).format(path=path, n=n, m=m)))
    if backup is not None:
        print(one_line(L["backup"](lg).format(path=backup)))
    print(one_line(L["next"](lg).format(path=shlex.quote(str(path)))))


def register(app: typer.Typer) -> None:
    case_app = typer.Typer(help="Case files.")
    help_when_bare(case_app)
    app.add_typer(case_app, name="case")
    case_app.command("new", cls=FunnelCommand)(new_cmd)
