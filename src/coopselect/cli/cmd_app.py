"""``coopselect app``: the interactive terminal app (textual is imported only when it runs)."""

from __future__ import annotations

import typer

from coopselect.cli.common import CRITERIA_OPTION, LANG_OPTION, LangOpt


def register(app: typer.Typer) -> None:
    @app.command("app")
    def app_cmd(
        case: str = typer.Argument(
            None, help="Case file (TOML) or bundled case id. Default: the bundled default case."
        ),
        lang: LangOpt = LANG_OPTION,
        criteria: str = CRITERIA_OPTION,
    ) -> None:
        """Interactive app: edit weights and judgments, see the ranking change, save the case."""
        from coopselect.app import run

        code = run(case, lang.value, criteria=criteria)
        if code:
            raise typer.Exit(code=code)
