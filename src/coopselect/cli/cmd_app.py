"""``coopselect app``: the interactive terminal app (textual is imported only when it runs)."""

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
def app_cmd(
    case: str = CASE_ARGUMENT,
    lang: LangOpt = LANG_OPTION,
    request: CaseRequest = REQUEST,  # the case option group (cli.common.case_options)
    web: bool = typer.Option(
        False,
        "--web",
        help="Serve the app in the browser on localhost (needs the 'web' extra: "
        "pip install 'coopselect[web]').",
    ),
    port: int = typer.Option(
        None, "--port", help="Port for --web (default: a free one).", min=1, max=65535
    ),
    max_sessions: int = typer.Option(
        3,
        "--max-sessions",
        help="--web: browser sessions at once (each is a process).",
        min=1,
        max=50,
    ),
    out_dir: str = typer.Option(
        None,
        "--out-dir",
        help="--web: the folder where save as and export may write (default: the case "
        "file's folder, or ./coopselect-web for a bundled case).",
    ),
) -> None:
    """Interactive app: edit weights and judgments, see the ranking change, save the case."""
    from coopselect.app import run

    criteria, data_dir = request.criteria, request.data_dir
    if request.adhoc:
        case = _adhoc_file(request)
    if web:
        _serve(case, lang.value, port, criteria, data_dir, max_sessions, out_dir)
        return
    code = run(case, lang.value, criteria=criteria, data_dir=data_dir)
    if code:
        raise typer.Exit(code=code)


def register(app: typer.Typer) -> None:
    app.command("app", cls=FunnelCommand)(app_cmd)


def _serve(case, lang: str, port, criteria, data_dir, max_sessions, out_dir) -> None:
    """``--web``: each browser session runs ``python -m coopselect.app`` with the same options."""
    from coopselect.app.web import serve

    extra = []
    if criteria is not None:
        extra += ["--criteria", str(criteria)]
    if data_dir is not None:
        extra += ["--data-dir", str(data_dir)]
    serve(case, lang, port=port, extra=extra, max_sessions=max_sessions, out_dir=out_dir)


def _adhoc_file(request: CaseRequest) -> str:
    """The app edits and saves a case file: an ad-hoc case is written first, as the commented
    file ``coopselect case new`` writes, into the data folder's ``cases/`` (named after the
    selection; an existing file of the same selection is reused)."""
    import hashlib
    import sys

    from coopselect.io.data.vintages import checked_data_dir, folder_of
    from coopselect.io.files import atomic_write_text
    from coopselect.io.loaders.adhoc import adhoc_document, case_file_text
    from coopselect.textsafety import one_line

    adhoc = request.source()
    text = case_file_text(adhoc_document(adhoc.countries, adhoc.minerals.ids))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    path = checked_data_dir(folder_of(request.data_dir)) / "cases" / f"adhoc_{digest}.toml"
    if not path.exists():
        atomic_write_text(path, text, backup=False)
    sys.stderr.write(f"ad-hoc case written to {one_line(path)}; the app saves edits there.\n")
    return str(path)
