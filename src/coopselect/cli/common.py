"""Shared pieces of the CLI: output formats, language option, JSON emission, error exit.

Heavy modules are imported inside command functions, never here, to keep start-up light.
"""

from __future__ import annotations

import contextlib
import functools
import json
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Any, cast

import typer
from typer.core import TyperCommand

from coopselect.errors import CoopselectError

if TYPE_CHECKING:
    from coopselect.services.request import CaseRequest

# The default of a command's ``request`` parameter: case_options always passes the real one
# (typed as a CaseRequest so that the command body needs no None check).
REQUEST = cast("CaseRequest", None)


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


class ViewFormat(StrEnum):
    """For commands that render only a table or JSON (the rest take ``Format``)."""

    table = "table"
    json = "json"


class LangOpt(StrEnum):
    zh = "zh"
    en = "en"


CASE_ARGUMENT = typer.Argument(
    None, help="Case file (TOML) or bundled case id. Default: the bundled default case."
)
LANG_OPTION = typer.Option(LangOpt.en, "--lang", help="Label language: zh (中文) or en.")
SET_OPTION = typer.Option(
    None,
    "--set",
    metavar="ISO3.FEATURE=VALUE",
    help="What-if (repeatable): set a host feature in [0, 1] (governance, infrastructure, esg, "
    "production, reserves, technology_gap, export_restriction, state_participation, "
    "investment_screening, fiscal_instability) or a raw indicator in its own units.",
)
WEIGHTS_OPTION = typer.Option(
    None,
    "--weights",
    "-w",
    help="Weights preset (default: the case's): ahp = the AHP judgments, fraser = 60% resource "
    "endowment, equal, custom = the case's [custom_weights].",
)
SCENARIO_OPTION = typer.Option(
    None, "--scenario", help="Apply the case file's [scenarios.NAME] what-ifs."
)
COUNTRIES_OPTION = typer.Option(
    None,
    "--countries",
    metavar="ISO3,...|all|REGION",
    help="Ad-hoc case without a file: candidate hosts as ISO3 codes, 'all' (every covered economy "
    "but "
    "China, the investor's home), or a World Bank region "
    "(name or code: EAS ECS LCN MEA NAC SAS SSF). Needs --minerals; uses the stated default "
    "policy (coopselect.io.loaders.adhoc).",
)
MINERALS_OPTION = typer.Option(
    None,
    "--minerals",
    metavar="ID,...",
    help="Ad-hoc case: the minerals ('coopselect minerals' lists the ids); without --countries "
    "every covered economy is a candidate.",
)
DATA_DIR_OPTION = typer.Option(
    None,
    "--data-dir",
    metavar="DIR",
    help="Folder of imported data vintages (default: $COOPSELECT_DATA_DIR, else the user's data "
    "directory). An active imported vintage replaces the bundled file of its dataset.",
)


CRITERIA_OPTION = typer.Option(
    None,
    "--criteria",
    metavar="NAME|FILE",
    help="Criteria set replacing the case's: a bundled id (default, commercial: open data only, "
    "for client work) or a criteria .toml file.",
)

METHOD_HELP = "Ranking method (default: the case's)."
WEIGHT_VALUES_OPTION = typer.Option(
    None,
    "--weight-values",
    metavar="W,W,...",
    help="CSV problem only: the columns' weights, 0.5,0.3,... (or a/b). --weights names a "
    "weights preset, as in every command.",
)


def _group_params(*, method: bool, method_help: str, weights: bool, whatifs: bool):
    """(ranking block, case block) of the case option group as inspect.Parameters."""
    from inspect import Parameter

    def opt(name: str, annotation, default) -> Parameter:
        return Parameter(name, Parameter.KEYWORD_ONLY, default=default, annotation=annotation)

    ranking = []
    if method:
        ranking.append(opt("method", str, typer.Option(None, "--method", "-m", help=method_help)))
    if weights:
        from coopselect.domain.model import WeightPreset

        ranking.append(opt("weights", WeightPreset, WEIGHTS_OPTION))
    block = []
    if whatifs:
        block += [opt("settings", list[str], SET_OPTION), opt("scenario", str, SCENARIO_OPTION)]
    block += [
        opt("criteria", str, CRITERIA_OPTION),
        opt("countries", str, COUNTRIES_OPTION),
        opt("minerals", str, MINERALS_OPTION),
        opt("data_dir", str, DATA_DIR_OPTION),
    ]
    return ranking, block


def case_options(
    *,
    case: str | None = "case",
    method: bool = True,
    method_help: str = METHOD_HELP,
    weights: bool = True,
    whatifs: bool = True,
    ranking_before: str | None = None,
):
    """The one case option group of every case command: ``--method``, ``--weights``, ``--set``,
    ``--scenario``, ``--criteria``, ``--countries``, ``--minerals`` and ``--data-dir``, read into
    one :class:`~coopselect.services.request.CaseRequest`.

    The command declares a parameter ``request`` where the case block (``--set`` ...
    ``--data-dir``) goes in its help; ``--method`` and ``--weights`` go before the parameter
    named ``ranking_before`` (None: right after the case block). ``case`` names the command's
    CASE argument, copied into the request (None: the command sets it, ``request.with_case``).
    ``method``, ``weights`` and ``whatifs`` (``--set``, ``--scenario``) leave parts out for
    commands that do not take them. The group also points the process at ``--data-dir``.
    """
    import inspect

    def decorate(func):
        sig = inspect.signature(func)
        params = list(sig.parameters.values())
        names = [p.name for p in params]
        ranking, block = _group_params(
            method=method, method_help=method_help, weights=weights, whatifs=whatifs
        )
        at = names.index("request")
        params[at : at + 1] = block
        if ranking:
            names = [p.name for p in params]
            where = names.index(ranking_before) if ranking_before else at + len(block)
            params[where:where] = ranking
        own = {p.name for p in (*ranking, *block)}
        params = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in params]

        @functools.wraps(func)
        def command(**kwargs):
            from coopselect.services.request import CaseRequest

            given = {k: kwargs.pop(k) for k in list(kwargs) if k in own}
            request = CaseRequest(
                case=kwargs.get(case) if case else None,
                countries=given.get("countries"),
                minerals=given.get("minerals"),
                criteria=given.get("criteria"),
                method=given.get("method"),
                weights=given.get("weights"),
                settings=tuple(given.get("settings") or ()),
                scenario=given.get("scenario"),
                data_dir=given.get("data_dir"),
            )
            return func(**kwargs, request=request)

        command.__signature__ = sig.replace(parameters=params)
        # typer resolves the annotations it reads; ``request`` is not a command-line parameter
        command.__annotations__ = {k: v for k, v in func.__annotations__.items() if k != "request"}
        return command

    return decorate


NOTICE = {"zh": "提示：", "en": "notice: "}


def write_notices(notes: Any, lang: str) -> None:
    """Each note (a message, a label or a text) on stderr, one line each, in ``lang``."""
    from coopselect.messages import render
    from coopselect.textsafety import one_line

    for note in notes:
        sys.stderr.write(f"{NOTICE.get(lang, NOTICE['en'])}{one_line(render(note, lang))}\n")


def emit_json(obj: Any) -> None:
    from coopselect.textsafety import json_text, plain, visible_strings

    # Control and bidi characters from input files are shown escaped, as in report.json.
    text = json.dumps(visible_strings(plain(obj)), ensure_ascii=False, indent=2)
    sys.stdout.write(json_text(text) + "\n")


def console(**kwargs: Any):
    """The Rich console of every command's tables and notes. Every string it renders (printed
    text, table cells, titles, headers) has its control characters shown escaped (``\\x1b``), and
    ``:name:`` is never turned into an emoji; text from input files still goes into markup strings
    through :func:`safe` (or as ``rich.text.Text``) so that ``[...]`` prints as written."""
    kwargs.setdefault("emoji", False)
    return _console_class()(**kwargs)


@functools.cache
def _console_class():
    from rich.console import Console

    from coopselect.textsafety import visible

    class PlainTextConsole(Console):
        def render_str(self, text: str, **kwargs: Any):
            return super().render_str(visible(text), **kwargs)

    return PlainTextConsole


def safe(value: Any) -> str:
    """``value`` as plain text inside Rich markup: markup escaped, control characters shown
    escaped (``\\x1b``). Use it for every name, title, reason, note or path from input."""
    from coopselect.textsafety import rich_text

    return rich_text(value)


class ProgressBar:
    """Progress of long work (SMAA samples): a callback ``(done, total)`` that shows a bar on
    stderr once the work has run ``delay`` seconds, on a terminal only (never in pipes, logs or
    tests). Call :meth:`stop` in a ``finally`` so that Ctrl-C leaves a clean terminal."""

    def __init__(self, what: str, delay: float = 1.0) -> None:
        import time

        self.what = what
        self.delay = delay
        self.started = time.monotonic()
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            import time

            if time.monotonic() - self.started < self.delay or not sys.stderr.isatty():
                return
            from rich.progress import (
                BarColumn,
                Progress,
                TaskProgressColumn,
                TextColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                TaskProgressColumn(),
                TimeRemainingColumn(),
                console=console(stderr=True),
                transient=True,
            )
            self.task = self.bar.add_task(self.what, total=total)
            self.bar.start()
        self.bar.update(self.task, completed=done, total=total)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def error_exit(err: Exception) -> int:
    """The error funnel: a CoopselectError as one line on stderr (file, place, fix); returns the
    exit code, 2. Every command reaches it: through :class:`FunnelCommand` (each command, also on
    an app of its own, as tests build them) or the main app's group (``cli.main.ErrorFunnel``)."""
    from coopselect.textsafety import one_line

    sys.stderr.write(f"error: {one_line(err)}\n")
    return 2


class FunnelCommand(TyperCommand):
    """A command whose CoopselectError goes through :func:`error_exit` (exit code 2)."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except CoopselectError as err:
            raise typer.Exit(code=error_exit(err)) from None


def help_when_bare(group: typer.Typer) -> None:
    """A command group run without a command prints its help and exits 0 (click's
    ``no_args_is_help`` exits 2, as for a usage error)."""

    @group.callback(invoke_without_command=True)
    def _bare(ctx: typer.Context) -> None:
        if ctx.invoked_subcommand is None:
            typer.echo(ctx.get_help())
            raise typer.Exit(0)


# Work that may take longer than this shows a spinner on a terminal (never in pipes or logs).
BUSY_DELAY = 2.0


@contextlib.contextmanager
def busy(what: str, delay: float = BUSY_DELAY):
    """Show ``what`` with a spinner on stderr once the work inside has run ``delay`` seconds, on a
    terminal only; quiet when stderr is piped or redirected. Not for use around a
    :class:`ProgressBar` (one live display at a time)."""
    if not _is_terminal(sys.stderr):
        yield
        return
    import threading

    state: dict[str, Any] = {"done": False, "status": None}
    lock = threading.Lock()

    def start() -> None:
        with lock:
            if state["done"]:
                return
            status = console(stderr=True).status(what)
            status.start()
            state["status"] = status

    timer = threading.Timer(delay, start)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
            timer.cancel()
            if state["status"] is not None:
                state["status"].stop()


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False
