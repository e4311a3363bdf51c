"""``coopselect web``: the analyst app as a web page (Shiny for Python; the ``web`` extra)."""

from __future__ import annotations

import typer

from coopselect.cli.common import (
    COUNTRIES_OPTION,
    CRITERIA_OPTION,
    DATA_DIR_OPTION,
    LANG_OPTION,
    MINERALS_OPTION,
    LangOpt,
    case_arg,
    guarded,
)


@guarded
def web_cmd(
    case: str = typer.Argument(
        None, help="Case file (TOML) or bundled case id. Default: the bundled default case."
    ),
    lang: LangOpt = LANG_OPTION,
    criteria: str = CRITERIA_OPTION,
    countries: str = COUNTRIES_OPTION,
    minerals: str = MINERALS_OPTION,
    data_dir: str = DATA_DIR_OPTION,
    port: int = typer.Option(None, "--port", help="Port (default: a free one).", min=1, max=65535),
    host: str = typer.Option(
        "127.0.0.1",
        "--host",
        help="Address to listen on (default 127.0.0.1, this machine only; another address is "
        "reachable by others and the command warns).",
    ),
    max_sessions: int = typer.Option(
        3, "--max-sessions", help="Browser sessions at once.", min=1, max=50
    ),
) -> None:
    """Serve the analyst app in the browser: ranking, weights, map, hosts, what-ifs, robustness
    and report downloads (Ctrl+C stops it)."""
    from coopselect.io.case_loader import load_case
    from coopselect.web.serve import serve

    what = case_arg(case, countries, minerals, data_dir, criteria)

    def load():
        if isinstance(what, str) or what is None:
            return load_case(what, criteria)
        return what  # an ad-hoc case, built once (frozen: sessions cannot change it)

    serve(load, lang.value, port=port, host=host, max_sessions=max_sessions, echo=typer.echo)


def register(app: typer.Typer) -> None:
    app.command("web")(web_cmd)
