"""Command-line interface: a thin layer over the Python API (one module per command)."""

from __future__ import annotations


def entry(argv: list[str] | None = None) -> None:
    """The ``coopselect`` executable: :func:`coopselect.cli.main.main`, with a Ctrl-C that comes
    while the commands are still being imported (typer and the command modules take most of a
    second) ending in the same one line and exit code 130 as one that comes during the work."""
    try:
        from coopselect.cli.main import main as run_main
    except KeyboardInterrupt:
        import sys

        sys.stderr.write("\nerror: interrupted; nothing was written.\n")
        raise SystemExit(130) from None
    run_main(argv)
