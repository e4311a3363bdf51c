"""Shared pieces of the CLI: output formats, language option, JSON emission, error exit.

Heavy modules are imported inside command functions, never here, to keep start-up light.
"""

from __future__ import annotations

import json
import math
import sys
from enum import Enum, StrEnum
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


def _jsonable(obj: Any) -> Any:
    """Convert numpy scalars/arrays and tuples to plain JSON types; NaN becomes null."""
    if isinstance(obj, dict):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_jsonable(v) for v in obj]
    if hasattr(obj, "tolist"):
        return _jsonable(obj.tolist())
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if isinstance(obj, Enum):
        return obj.value
    return obj


def emit_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(_jsonable(obj), ensure_ascii=False, indent=2) + "\n")


def console():
    from rich.console import Console

    return Console()


def fail(message: str) -> typer.Exit:
    """Print a one-line error to stderr and return the exit to raise (code 2)."""
    sys.stderr.write(f"error: {message}\n")
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
            sys.stderr.write(f"error: {err}\n")
            raise typer.Exit(code=2) from None

    return wrapper
