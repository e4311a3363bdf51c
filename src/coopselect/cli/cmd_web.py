"""``coopselect web``: the analyst app as a web page (Shiny for Python; the ``web`` extra)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from coopselect.cli.common import (
    CASE_ARGUMENT,
    LANG_OPTION,
    REQUEST,
    FunnelCommand,
    LangOpt,
    case_options,
)

if TYPE_CHECKING:
    from coopselect.services.request import CaseRequest


@case_options(method=False, weights=False, whatifs=False)
def web_cmd(
    case: str = CASE_ARGUMENT,
    lang: LangOpt = LANG_OPTION,
    request: CaseRequest = REQUEST,  # the case option group (cli.common.case_options)
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
    from coopselect.io.data.snapshot import DataSnapshot
    from coopselect.services.ranking import load as load_case
    from coopselect.web.serve import serve

    what = request.resolved()  # an ad-hoc case is built once (frozen: sessions share it)
    data = DataSnapshot.read(request.data_dir)  # read once; a bad folder stops here, in one line

    def load():
        return load_case(what)

    serve(
        load,
        lang.value,
        port=port,
        host=host,
        max_sessions=max_sessions,
        echo=typer.echo,
        data=data,
    )


def register(app: typer.Typer) -> None:
    app.command("web", cls=FunnelCommand)(web_cmd)
