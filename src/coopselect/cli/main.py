"""Entry point of the ``coopselect`` command.

Each command is a module-level function in ``cli/cmd_<name>.py`` (importable and testable alone);
the module's ``register(app)`` adds it to the app. There is one error funnel,
``cli.common.error_exit``: any :class:`~coopselect.errors.CoopselectError` becomes one line on
stderr and exit code 2, whether the command runs through :func:`run` (the executable) or typer's
CliRunner (the tests). Each command's class (``cli.common.FunnelCommand``, also on an app of its
own) and the app's group (:class:`ErrorFunnel`, for the commands of groups) route errors to it.
Usage errors (a bad option value, an unknown option or command, a missing argument) also become
one line and exit code 2 (:func:`usage_line`); Ctrl-C becomes one line and exit code 130.

Only typer's public API is used. typer >= 0.26 carries its own copy of click (``typer._click``,
private), whose exception classes are not ``click.exceptions``' (click is not even installed with
it): usage errors are recognised by their class names (``UsageError``, ``NoSuchOption``, ...),
which click and typer's copy share, so any typer from 0.15 works.
"""

from __future__ import annotations

import importlib
import sys

import typer
from typer.core import TyperGroup

from coopselect.cli.common import error_exit
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
    "web",
    "validate",
)


class ErrorFunnel(TyperGroup):
    """The app's group: a CoopselectError from any command (or sub-command) goes through
    :func:`error_exit` and ends the command with its code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except CoopselectError as err:
            raise typer.Exit(code=error_exit(err)) from None


app = typer.Typer(
    name="coopselect",
    cls=ErrorFunnel,
    help="Rank (host country, cooperation mode) pairs for overseas mineral projects.",
    add_completion=False,
    pretty_exceptions_enable=False,
    # Help texts are plain text: "[scenarios.NAME]" must not be read as Rich markup.
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from coopselect._version import __version__

        sys.stdout.write(f"coopselect {__version__}\n")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: bool = typer.Option(
        False, "--version", help="Print the version and exit.", callback=_version, is_eager=True
    ),
) -> None:
    """Rank (host country, cooperation mode) pairs for overseas mineral projects."""
    if ctx.invoked_subcommand is None:  # a bare `coopselect`: the help, exit 0
        typer.echo(ctx.get_help())
        raise typer.Exit(0)


for _name in COMMAND_MODULES:
    importlib.import_module(f"coopselect.cli.cmd_{_name}").register(app)


def main(argv: list[str] | None = None) -> None:
    """Run the command line and exit with its code (0, 1, 2 or 130)."""
    code = run(argv)
    import signal

    # The work is done (or stopped): a Ctrl-C while the interpreter shuts down changes nothing.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise SystemExit(code)


def run(argv: list[str] | None = None) -> int:
    """Run the command line; every problem is one line on stderr.

    Usage errors (a bad option value, an unknown option or command, a missing argument) and
    :class:`CoopselectError` exit with code 2, Ctrl-C with 130: writers replace files only when
    they are complete, so an interrupted command has written nothing.
    """
    from coopselect.textsafety import one_line

    args = list(sys.argv[1:] if argv is None else argv)
    usable_environment()
    try:
        command = typer.main.get_command(app)
        with command.make_context("coopselect", args) as ctx:
            command.invoke(ctx)
        return 0
    except typer.Exit as done:
        return done.exit_code
    except CoopselectError as err:  # from an option's callback, before any command runs
        return error_exit(err)
    except KeyboardInterrupt:
        sys.stderr.write("\nerror: interrupted; nothing was written.\n")
        return 130
    except typer.Abort:
        sys.stderr.write("error: aborted; nothing was written.\n")
        return 1
    except BrokenPipeError:  # e.g. `coopselect rank | head`: stop quietly
        _silence_stdout()
        return 1
    except OSError as err:
        what = one_line(err.strerror or err)
        if err.filename:  # a file the loaders did not name (they raise CoopselectError)
            sys.stderr.write(
                f"error: {one_line(err.filename)}: {what}. Fix: check the path, its "
                "permissions and the disk.\n"
            )
            return 2
        # the output cannot be written (`> /dev/full`, a full disk, EIO)
        _silence_stdout()
        sys.stderr.write(
            f"error: the output: cannot write: {what}. Fix: write the output somewhere with "
            "room (check the disk, or the file or pipe it goes to).\n"
        )
        return 2
    except Exception as err:
        if is_a(err, "NoArgsIsHelpError"):
            return 2  # the help is already printed
        if is_a(err, "UsageError"):
            sys.stderr.write(f"error: {one_line(usage_line(err, args))}\n")
            return 2
        raise


def is_a(err: BaseException, name: str) -> bool:
    """Whether ``err`` is a click usage error of class ``name`` (or a subclass): by name, so that
    click's classes and typer's private copy of them (typer >= 0.26) both match."""
    return any(cls.__name__ == name for cls in type(err).__mro__)


def _silence_stdout() -> None:
    """Point stdout at the null device, so that flushing it at exit raises nothing more."""
    import contextlib
    import os

    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def usable_environment() -> None:
    """Make the process's environment safe to print in.

    * Output streams whose encoding cannot show every character (``PYTHONIOENCODING=ascii``, a
      C locale) show the others as escapes (``\\u4e2d``) instead of failing with
      UnicodeEncodeError.
    * ``COLUMNS`` or ``LINES`` that is not a positive whole number (``COLUMNS=0`` made every
      table zero characters wide) is treated as unset: the terminal's size, else 80 columns.
    """
    import contextlib
    import os

    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = str(getattr(stream, "encoding", "") or "").lower().replace("_", "-")
        if reconfigure is not None and encoding not in ("utf-8", "utf8"):
            # a closed or detached stream: nothing to print to
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")
    for name in ("COLUMNS", "LINES"):
        raw = os.environ.get(name)
        if raw is not None and not (raw.strip().isdigit() and 0 < int(raw) <= 100_000):
            del os.environ[name]


def usage_line(err, args: list[str]) -> str:
    """A click/typer usage error as one line: what is wrong, where, and the fix."""
    import difflib

    ctx = err.ctx
    path = ctx.command_path if ctx is not None else "coopselect"
    if " " not in path and args and args[0] in COMMAND_MODULES:
        path = f"coopselect {args[0]}"
    see = f"(see {path} --help)"
    param = getattr(err, "param", None)
    if is_a(err, "NoSuchOption"):
        known = {o.lstrip("-"): o for p in ctx.command.params for o in p.opts if o[:2] == "--"}
        close = difflib.get_close_matches(err.option_name.lstrip("-"), known, n=1, cutoff=0.6)
        fix = f"did you mean {known[close[0]]}?" if close else "check the spelling"
        if err.option_name == "--weights" and "weight-values" in known:
            fix = "a problem's column weights are --weight-values (--weights names a case's preset)"
        return f"no such option {err.option_name}. Fix: {fix} {see}"
    if is_a(err, "MissingParameter"):
        name = _param_name(param) if param is not None else "a value"
        kind = "argument" if param is not None and not param.opts[0].startswith("-") else "option"
        return f"missing {kind} {name}. Fix: give {name} {see}"
    if is_a(err, "BadParameter"):
        name = _param_name(param) if param is not None else "value"
        raw = _raw_value(param, args) if param is not None else None
        fix = "give a valid value"
        if name == "--weights" and raw is not None and _number_list(raw):
            fix = (
                "--weights names a weights preset in every command; give a CSV problem's "
                f"column weights with --weight-values {raw}"
            )
        return f"{name}: {_reason(err.message, raw)} Fix: {fix} {see}"
    message = err.format_message()
    if message.startswith("No such command"):
        word = message.split("'")[1] if message.count("'") >= 2 else ""
        names = ctx.command.list_commands(ctx) if ctx is not None else []
        close = difflib.get_close_matches(word, names, n=1, cutoff=0.5)
        fix = f"did you mean '{close[0]}'?" if close else "check the spelling"
        return f"no such command '{word}'. Fix: {fix} {see}"
    message = message.rstrip(".")
    return f"{message[:1].lower()}{message[1:]}. Fix: see {path} --help."


def _number_list(text: str) -> bool:
    """``0.5,0.3`` or ``1/3,2/3``: the column weights ``--weights`` once took in compare and
    mcda (now ``--weight-values``)."""
    import re

    return re.fullmatch(r"\s*[0-9.]+(/[0-9.]+)?(\s*,\s*[0-9.]+(/[0-9.]+)?)*\s*", text) is not None


def _param_name(param) -> str:
    long = [o for o in param.opts if o.startswith("--")]
    if long:
        return long[0]
    if param.opts and param.opts[0].startswith("-"):
        return param.opts[0]
    return (param.metavar or param.name or "value").upper()


def _raw_value(param, args: list[str]) -> str | None:
    """The text given for an option (its last use), or None."""
    raw = None
    for i, arg in enumerate(args):
        for opt in param.opts:
            if not opt.startswith("-"):
                continue
            if arg == opt and i + 1 < len(args):
                raw = args[i + 1]
            elif opt.startswith("--") and arg.startswith(opt + "="):
                raw = arg[len(opt) + 1 :]
            elif not opt.startswith("--") and arg.startswith(opt) and len(arg) > len(opt):
                raw = arg[len(opt) :]
    return raw


def _reason(message: str, raw: str | None) -> str:
    """typer's message about a bad value, made to name the value once."""
    message = message.rstrip(".").removeprefix("Value error, ")
    prefix = "Input should be "
    if message.startswith(prefix + "a valid ") and raw is not None:
        kind = message[len(prefix + "a valid ") :].split(",")[0]
        return f"{raw!r} is not a valid {kind}."
    if message.startswith(prefix) and raw is not None:
        return f"{raw!r} is not valid: it should be {message[len(prefix) :]}."
    if raw is not None and repr(raw) not in message and str(raw) not in message:
        return f"{raw!r}: {message[:1].lower()}{message[1:]}."
    return f"{message}."
