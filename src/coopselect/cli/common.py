"""Shared pieces of the CLI: output formats, language option, JSON emission, error exit.

Heavy modules are imported inside command functions, never here, to keep start-up light.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Any

import typer


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


class LangOpt(StrEnum):
    zh = "zh"
    en = "en"


LANG_OPTION = typer.Option(LangOpt.en, "--lang", help="Label language: zh (中文) or en.")
SET_OPTION = typer.Option(
    None,
    "--set",
    metavar="ISO3.FEATURE=VALUE",
    help="What-if (repeatable): set a host feature in [0, 1] (governance, infrastructure, esg, "
    "production, reserves, technology_gap, export_restriction, state_participation, "
    "investment_screening, fiscal_instability) or a raw indicator in its own units.",
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
    "policy (coopselect.io.adhoc).",
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


def case_arg(
    case,
    countries: str | None,
    minerals: str | None,
    data_dir: str | None = None,
    criteria: str | None = None,
):
    """Set the data folder, then return what to rank: the CASE argument (a path or bundled id,
    passed through) or the in-memory ad-hoc case of --countries/--minerals (with --criteria)."""
    use_data_dir(data_dir)
    if countries is None and minerals is None:
        return case
    from coopselect.io.adhoc import case_or_adhoc

    return case_or_adhoc(case, countries, minerals, criteria)


def use_data_dir(data_dir: str | None) -> None:
    """Point this process at the data folder of --data-dir (None: environment or default)."""
    from coopselect.io.vintages import set_data_dir

    set_data_dir(data_dir)


CRITERIA_OPTION = typer.Option(
    None,
    "--criteria",
    metavar="NAME|FILE",
    help="Criteria set replacing the case's: a bundled id (default, commercial: open data only, "
    "for client work) or a criteria .toml file.",
)


def emit_json(obj: Any) -> None:
    from coopselect.textsafety import json_text, plain

    sys.stdout.write(json_text(json.dumps(plain(obj), ensure_ascii=False, indent=2)) + "\n")


def console(**kwargs: Any):
    """A Rich console for tables and notes. Text from input files goes into markup strings
    through :func:`safe` (or as ``rich.text.Text``); ``:name:`` is never turned into an emoji."""
    from rich.console import Console

    kwargs.setdefault("emoji", False)
    return Console(**kwargs)


def safe(value: Any) -> str:
    """``value`` as plain text inside Rich markup: markup escaped, control characters shown
    escaped (``\\x1b``). Use it for every name, title, reason, note or path from input."""
    from coopselect.textsafety import rich_text

    return rich_text(value)


def fail(message: str) -> typer.Exit:
    """Print a one-line error to stderr and return the exit to raise (code 2)."""
    from coopselect.textsafety import one_line

    sys.stderr.write(f"error: {one_line(message)}\n")
    return typer.Exit(code=2)


def guarded(func):
    """Decorator for command bodies: a CoopselectError becomes one stderr line and exit code 2."""
    import functools

    from coopselect.errors import CoopselectError

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except CoopselectError as err:
            from coopselect.textsafety import one_line

            sys.stderr.write(f"error: {one_line(err)}\n")
            raise typer.Exit(code=2) from None

    return wrapper
