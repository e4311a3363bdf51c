"""Entry point of the ``coopselect`` command.

Each command lives in ``cli/cmd_<name>.py`` and exposes ``register(app)``. Any
:class:`~coopselect.errors.CoopselectError` raised below becomes one line on stderr and exit code 2.
"""

from __future__ import annotations

import importlib
import sys

import typer

from coopselect.errors import CoopselectError

# One entry per command module (cli/cmd_<name>.py). Add a line to register a new command.
COMMAND_MODULES: tuple[str, ...] = (
    "rank",
    "explain",
    "catalog",
    "sensitivity",
    "mcda",
    "compare",
    "rankcorr",
    "weights",
    "app",
    "ahp",
    "report",
    "case",
)

app = typer.Typer(
    name="coopselect",
    help="Rank (host country, cooperation mode) pairs for overseas mineral projects.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _name in COMMAND_MODULES:
    importlib.import_module(f"coopselect.cli.cmd_{_name}").register(app)


def main() -> None:
    try:
        app(standalone_mode=True)
    except CoopselectError as err:  # pragma: no cover - typer re-raises only outside standalone
        sys.stderr.write(f"error: {err}\n")
        raise SystemExit(2) from None
