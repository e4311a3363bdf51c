#!/usr/bin/env python3
"""Regenerate the generated parts of the docs and refresh every transcript.

    .venv/bin/python scripts/build_docs.py            # rewrite the files that changed
    .venv/bin/python scripts/build_docs.py --check    # only report what is stale (exit 1 if any)

What it does:

1. ``docs/commands.md``: the command reference, generated from the typer app in
   ``coopselect.cli.main`` (every command and sub-command: help, usage, arguments, options).
2. Generated sections: text between ``<!-- generated: NAME -->`` and ``<!-- end: NAME -->`` in
   ``README.md`` and ``docs/*.md`` is replaced by the output of ``GENERATORS[NAME]`` (e.g. the
   mineral table from ``data/minerals.csv``).
3. Transcripts: a fenced block whose first line is ``$ coopselect ...`` is a transcript. Each
   ``$ coopselect ...`` line in it is run in-process (typer's CliRunner, ``COLUMNS=100``, no
   colour, with an empty data folder, in a scratch folder where the ``LINKED`` folders are links
   to the repository's) and the output below it is replaced. ``| head -n N`` and
   ``| tail -n N`` at the end of the line keep the first or last N lines, as the shell would.
   A block right after a line ``<!-- transcript: not run (REASON) -->`` is left alone (e.g. the
   full-screen app). After ``<!-- transcript: output varies (REASON) -->`` (e.g. output that
   names the date) it is refreshed here, and the test runs it but does not compare the output.

``tests/test_docs.py`` imports this file and checks that nothing is stale.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import inspect
import os
import re
import shlex
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
COMMANDS_MD = DOCS / "commands.md"
WIDTH = 100
# Links in the scratch folder the transcripts run in, so that relative paths work as in the repo.
LINKED = ("examples", "cases", "criteria", "data", "tests")
ENV: dict[str, str | None] = {
    "COLUMNS": str(WIDTH),
    "LINES": "50",
    "NO_COLOR": "1",
    "FORCE_COLOR": None,
    "TTY_COMPATIBLE": None,
    "TTY_INTERACTIVE": None,
    "COLORTERM": None,
}
NOT_RUN = re.compile(r"<!--\s*transcript:\s*not run\b(?P<reason>.*?)-->")
VARIES = re.compile(r"<!--\s*transcript:\s*output varies\b(?P<reason>.*?)-->")
GENERATED = re.compile(
    r"(<!-- generated: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(<!-- end: (?P=name) -->)", re.S
)


def doc_files() -> list[Path]:
    """Every Markdown file whose transcripts and generated sections are kept current."""
    return [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


# ---- the command reference ---------------------------------------------------------------------


def cli_group():
    """The click command behind the typer app (typer's own click copy or click itself)."""
    import typer.main

    from coopselect.cli.main import app

    return typer.main.get_command(app)


def walk(
    cmd=None, path: tuple[str, ...] = ("coopselect",)
) -> Iterator[tuple[tuple[str, ...], Any]]:
    """(path, command) for the root and every visible command and sub-command, depth first."""
    cmd = cmd if cmd is not None else cli_group()
    yield path, cmd
    for name, sub in (getattr(cmd, "commands", None) or {}).items():
        if not getattr(sub, "hidden", False):
            yield from walk(sub, (*path, name))


def help_text(cmd) -> str:
    return inspect.cleandoc(getattr(cmd, "help", None) or "")


def _annotation(param):
    td = getattr(param, "type_descriptor", None)
    return getattr(td, "annotation", None)


def _choices(param) -> list[str] | None:
    ptype = getattr(param, "type", None)
    if getattr(ptype, "choices", None):
        return [str(getattr(c, "value", c)) for c in ptype.choices]
    ann = _annotation(param)
    if isinstance(ann, type) and issubclass(ann, Enum):
        return [str(m.value) for m in ann]
    return None


def _is_flag(param) -> bool:
    return bool(getattr(param, "is_flag", False))


def value_text(param) -> str:
    """What the option or argument takes: its choices, metavar or type."""
    if _is_flag(param):
        return "flag"
    choices = _choices(param)
    if choices:
        text = " \\| ".join(f"`{c}`" for c in choices)
    elif getattr(param, "metavar", None):
        text = f"`{_cell(param.metavar)}`"
    else:
        ann = _annotation(param)
        ptype = getattr(param, "type", None)
        name = getattr(ann, "__name__", None) or getattr(ptype, "name", None) or "text"
        if getattr(ann, "__origin__", None) is list:
            name = getattr(ann.__args__[0], "__name__", "text")
        text = {"str": "text", "int": "integer", "float": "number", "Path": "path"}.get(
            name, name.lower()
        )
    if getattr(param, "multiple", False):
        text += ", repeatable"
    return text


def default_text(param) -> str:
    default = getattr(param, "default", None)
    if callable(default) or default is None or getattr(param, "required", False):
        return ""
    if _is_flag(param) and default is False:
        return "off"
    if isinstance(default, Enum):
        default = default.value
    if isinstance(default, list | tuple):
        if not default:
            return ""
        default = ",".join(map(str, default))
    return f"`{default}`"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _argument_name(param) -> str:
    name = getattr(param, "metavar", None) or param.name.upper()
    if getattr(param, "nargs", 1) == -1 and not name.endswith("..."):
        name += "..."
    return name if getattr(param, "required", False) else f"[{name}]"


def _is_argument(param) -> bool:
    return getattr(param, "param_type_name", None) == "argument" or type(param).__name__.endswith(
        "Argument"
    )


def usage(path: tuple[str, ...], cmd) -> str:
    parts = [" ".join(path), "[OPTIONS]"]
    visible = [p for p in cmd.params if not getattr(p, "hidden", False)]
    parts += [_argument_name(p) for p in visible if _is_argument(p)]
    if getattr(cmd, "commands", None):
        parts.append("COMMAND [ARGS]...")
    return " ".join(parts)


def anchor(path: tuple[str, ...]) -> str:
    return "-".join(path)


def command_section(path: tuple[str, ...], cmd) -> str:
    title = " ".join(path)
    out = [f"## `{title}`", ""]
    text = help_text(cmd)
    if text:
        out += [text, ""]
    out += ["```text", usage(path, cmd), "```", ""]
    params = [p for p in cmd.params if not getattr(p, "hidden", False)]
    args = [p for p in params if _is_argument(p)]
    opts = [p for p in params if not _is_argument(p)]
    if args:
        out += ["| argument | takes | description |", "| --- | --- | --- |"]
        for p in args:
            helptext = _cell(getattr(p, "help", "") or "")
            out.append(f"| `{_argument_name(p)}` | {value_text(p)} | {helptext} |")
        out.append("")
    if opts:
        out += ["| option | takes | default | description |", "| --- | --- | --- | --- |"]
        for p in opts:
            names = ", ".join(f"`{o}`" for o in [*p.opts, *getattr(p, "secondary_opts", [])])
            out.append(
                f"| {names} | {value_text(p)} | {default_text(p)} "
                f"| {_cell(getattr(p, 'help', '') or '')} |"
            )
        out.append("")
    subs = list((getattr(cmd, "commands", None) or {}).items())
    if subs and len(path) > 1:  # the page itself starts with the root's table
        out += ["| command | what it does |", "| --- | --- |"]
        for name, sub in subs:
            if getattr(sub, "hidden", False):
                continue
            first = _cell(help_text(sub).split("\n\n")[0])
            out.append(f"| [`{name}`](#{anchor((*path, name))}) | {first} |")
        out.append("")
    return "\n".join(out)


def command_reference() -> str:
    """The text of docs/commands.md."""
    sections = list(walk())
    head = [
        "# Command reference",
        "",
        "<!-- Generated by scripts/build_docs.py from the CLI itself; do not edit by hand. -->",
        "",
        "Every command and sub-command of `coopselect`, with its help, arguments and options,",
        "as `coopselect COMMAND --help` shows them. Errors are one line on stderr naming the",
        "file, the place and the fix, with exit code 2. Examples with real output are in the",
        "[README](../README.md) and the other pages of `docs/`.",
        "",
        "| command | what it does |",
        "| --- | --- |",
    ]
    for path, cmd in sections[1:]:
        first = _cell(help_text(cmd).split("\n\n")[0])
        head.append(f"| [`{' '.join(path)}`](#{anchor(path)}) | {first} |")
    head.append("")
    body = [command_section(path, cmd) for path, cmd in sections]
    return "\n".join(head) + "\n" + "\n".join(body).rstrip() + "\n"


# ---- generated sections ------------------------------------------------------------------------


def minerals_table() -> str:
    with (ROOT / "data" / "minerals.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = [
        f"{len(rows)} minerals, one row of `data/minerals.csv` each.",
        "",
        "| id | name | 中文 | USGS commodity / product | measure |",
        "| --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        product = r["usgs_commodity"]
        if r["usgs_product"] and r["usgs_product"] != r["usgs_commodity"]:
            product += f" / {r['usgs_product']}"
        out.append(
            f"| `{r['id']}` | {_cell(r['name_en'])} | {_cell(r['name_zh'])} | {_cell(product)} "
            f"| {_cell(r['measure_note'])} |"
        )
    return "\n".join(out) + "\n"


# What each case-file key means (the schema in coopselect.io.loaders.schema gives its type and
# default). A key of the schema without an entry here is shown as UNDOCUMENTED, and
# tests/test_docs.py fails.
CASE_KEYS = {
    "case": "the case's identity and description",
    "case.id": "short id (the bundled cases are run by it: `coopselect rank central_asia`)",
    "case.title_en": "title in English",
    "case.title_zh": "title in Chinese",
    "case.description_en": "the decision in a paragraph, English",
    "case.description_zh": "the decision in a paragraph, Chinese",
    "case.citations": "sources the case rests on (shown in reports)",
    "case.investor_en": "who invests, English",
    "case.investor_zh": "who invests, Chinese",
    "countries": "candidate hosts, ISO3 codes (`coopselect countries` lists them)",
    "modes": '`"all"` or a list of mode ids (`coopselect modes`)',
    "criteria": "criteria hierarchy: a bundled id (`default`, `commercial`: open-licence data "
    "only) or a path to a criteria .toml, relative to the case file",
    "mode_profiles": "mode profiles: a bundled id (`modes`) or a path to a modes .toml",
    "method": "ranking method (`coopselect mcda --help` lists them; see docs/methods.md)",
    "method_params": 'the method\'s parameters, e.g. `normalization = "vector"` for TOPSIS',
    "weights": "criteria weights: `ahp` (the judgments), `fraser`, `equal` or `custom`",
    "minerals": "the minerals of the project",
    "minerals.ids": "mineral ids (docs/data.md lists them)",
    "minerals.weighting": "how the minerals are weighted: `equal`, `import_dependence` (China's "
    "import dependence, from the seeds) or `judgment`",
    "minerals.judgment": 'mineral id -> weight > 0, with `weighting = "judgment"`',
    "minerals.judgment_reason": "why those weights (shown as the weights' basis)",
    "missing": "what to do where a source has no value (below)",
    "missing.policy": "`fail`, `exclude` (drop the candidate) or `impute` (needs `rule`)",
    "missing.rule": "with `impute`: `worst` (least favourable candidate value) or `median` of "
    "the candidates",
    "missing.usgs_unlisted": "a host USGS does not list for a mineral: `below_smallest` (a "
    "stated fraction, 0.1, of the smallest listed share: `criteria/modes.toml` "
    "`[model.unlisted]`), `zero` or `fail`",
    "missing.unlisted_known": "limit the `below_smallest` estimate to host-mineral pairs a cited "
    "source names; other unlisted pairs count as zero",
    "missing.unlisted_known.source": "the source naming those pairs",
    "missing.unlisted_known.hosts": "ISO3 -> mineral ids the source names for that host",
    "mode_attributes": "the modes' own attributes (capital intensity, time to first supply, "
    "ease of exit) as columns of the pair matrix",
    "mode_attributes.share": "share of the total weight on those attributes, in [0, 1); the "
    "criteria share the rest",
    "mode_attributes.basis": "why (an analyst judgment, shown in outputs)",
    "mode_attributes.weights": "attribute id -> weight >= 0, rescaled to sum 1; every attribute "
    "when `share` > 0",
    "judgments": "`[[judgments]]` tables replacing the hierarchy's top-level AHP judgments",
    "judgments[].a": "criterion id",
    "judgments[].b": "criterion id",
    "judgments[].value": 'how much more `a` matters than `b`, Saaty 1-9 scale (a number or "1/3")',
    "judgments[].reason": "why",
    "judgments_basis": "whose judgments these are (shown with the weights)",
    "custom_weights": 'criterion id -> weight >= 0, used with `weights = "custom"`, rescaled '
    "to sum 1",
    "custom_weights_basis": "why those weights",
    "policy_date": "read the policy-barrier table as of this date, YYYY-MM-DD (default: the "
    "table's `reviewed` date)",
    "scenarios": "named what-ifs: `[scenarios.NAME]` tables, run with `--scenario NAME`",
    "scenarios.NAME.title_en": "title in English",
    "scenarios.NAME.title_zh": "title in Chinese",
    "scenarios.NAME.set": 'what-ifs as on the command line: `["UZB.export_restriction=1"]`',
    "scenarios.NAME.reason": "why this scenario is worth running",
    **{
        k: "the same text in Chinese, shown in Chinese output (left out: the English text is shown)"
        for k in (
            "case.citations_zh",
            "minerals.judgment_reason_zh",
            "mode_attributes.basis_zh",
            "judgments[].reason_zh",
            "judgments_basis_zh",
            "custom_weights_basis_zh",
            "scenarios.NAME.reason_zh",
        )
    },
}
UNDOCUMENTED = "UNDOCUMENTED: add it to CASE_KEYS in scripts/build_docs.py"


def _schema_keys(model, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(dotted key, pydantic field) for every key of a schema model, depth first."""
    import typing

    from pydantic import BaseModel

    def is_model(t) -> bool:
        return isinstance(t, type) and issubclass(t, BaseModel)

    for name, field in model.model_fields.items():
        key = prefix + name
        yield key, field
        ann = field.annotation
        origin, args = typing.get_origin(ann), typing.get_args(ann)
        if is_model(ann):
            yield from _schema_keys(ann, key + ".")
        elif origin is list and args and is_model(args[0]):
            yield from _schema_keys(args[0], key + "[].")
        elif origin is dict and len(args) == 2 and is_model(args[1]):
            yield from _schema_keys(args[1], key + ".NAME.")
        else:
            for a in args:
                if is_model(a):
                    yield from _schema_keys(a, key + ".")


def _type_text(ann) -> str:
    import typing

    from pydantic import BaseModel

    origin, args = typing.get_origin(ann), typing.get_args(ann)
    if origin is typing.Annotated:  # constraints (min_length, ...) are checked, not shown
        return _type_text(args[0])
    if origin is typing.Literal:
        return " \\| ".join(f"`{a}`" for a in args)
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return "table"
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        parts = [_type_text(a) for a in args if a is not type(None)]
        return " or ".join(parts)
    if origin is list:
        inner = args[0] if args else str
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return "array of tables"
        return f"list of {_type_text(inner)}"
    if origin is dict:
        return "table"
    return {str: "text", int: "integer", float: "number", bool: "true/false"}.get(
        ann, getattr(ann, "__name__", str(ann))
    )


def _default_text(field) -> str:
    from pydantic import BaseModel

    if field.is_required():
        return "required"
    value = field.get_default(call_default_factory=True)
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if isinstance(value, BaseModel):
        return ""
    if isinstance(value, str):
        return f'`"{value}"`'
    return f"`{value}`"


def case_keys_table() -> str:
    from coopselect.io.loaders.schema import CaseFile

    out = ["| key | takes | default | meaning |", "| --- | --- | --- | --- |"]
    for key, field in _schema_keys(CaseFile):
        meaning = CASE_KEYS.get(key, UNDOCUMENTED)
        out.append(
            f"| `{key}` | {_type_text(field.annotation)} | {_default_text(field)} "
            f"| {_cell(meaning)} |"
        )
    return "\n".join(out) + "\n"


def bundled_cases_table() -> str:
    import tomllib

    out = [
        "| id | title | candidates | minerals | method | missing data |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for path in sorted((ROOT / "cases").glob("*.toml")):
        d = tomllib.loads(path.read_text(encoding="utf-8"))
        missing = d.get("missing", {})
        policy = missing.get("policy", "fail")
        if missing.get("rule"):
            policy += f" ({missing['rule']})"
        policy += f"; unlisted: {missing.get('usgs_unlisted', 'fail')}"
        out.append(
            f"| [`{d['case']['id']}`](../cases/{path.name}) | {_cell(d['case']['title_en'])} "
            f"| {' '.join(d['countries'])} | {', '.join(d['minerals']['ids'])} "
            f"| {d.get('method', 'topsis')} | {policy} |"
        )
    return "\n".join(out) + "\n"


def _coverage(path: Path) -> str:
    if path.suffix != ".csv" or not path.exists():
        return ""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    parts = [f"{len(rows)} rows"]
    for col in ("iso3", "country"):
        if rows and col in rows[0]:
            parts.append(f"{len({r[col] for r in rows if r[col]})} countries")
            break
    for col in ("year", "edition"):
        years = sorted({r[col] for r in rows if r.get(col)}) if rows and col in rows[0] else []
        if years:
            parts.append(years[0] if len(years) == 1 else f"{years[0]}-{years[-1]}")
            break
    return ", ".join(parts)


def datasets_table() -> str:
    import tomllib

    reg = tomllib.loads((ROOT / "data" / "sources.toml").read_text(encoding="utf-8"))
    out = [
        "| file | publisher | release | licence | coverage | used for |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for s in reg["sources"]:
        out.append(
            f"| `{s['file']}` | {_cell(s.get('publisher', ''))} | {_cell(str(s.get('year', '')))} "
            f"| {_cell(s.get('licence', ''))} | {_coverage(ROOT / 'data' / s['file'])} "
            f"| {_cell(s.get('used_for', ''))} |"
        )
    return "\n".join(out) + "\n"


def app_keys_table() -> str:
    """The keys of the terminal app, from the list its own help screen shows."""
    from coopselect.app.labels import KEYS

    out = ["| key | what it does | 作用 |", "| --- | --- | --- |"]
    for key, label in KEYS:
        out.append(f"| {_cell(key)} | {_cell(label('en'))} | {_cell(label('zh'))} |")
    return "\n".join(out) + "\n"


def methods_table() -> str:
    """The table of coopselect's own ranking methods, from their specs
    (:data:`coopselect.methods.spec.SPECS`)."""
    from coopselect.methods.spec import SPECS

    out = [
        "| method | score, best | parameters | what it computes | checked against |",
        "| --- | --- | --- | --- | --- |",
    ]
    for s in SPECS:
        best = "higher" if s.higher_is_better else "lower"
        out.append(
            f"| `{s.id}` | {_cell(s.score)}, {best} | {_cell(s.parameters_doc)} "
            f"| {_cell(s.computes)} | {_cell(s.example)} |"
        )
    return "\n".join(out) + "\n"


GENERATORS: dict[str, Callable[[], str]] = {
    "minerals": minerals_table,
    "case-keys": case_keys_table,
    "bundled-cases": bundled_cases_table,
    "datasets": datasets_table,
    "app-keys": app_keys_table,
    "methods": methods_table,
}


def refresh_generated(text: str) -> str:
    def sub(m: re.Match) -> str:
        name = m.group("name")
        if name not in GENERATORS:
            raise KeyError(f"no generator named {name!r} (known: {', '.join(GENERATORS)})")
        return m.group(1) + GENERATORS[name]() + m.group(4)

    return GENERATED.sub(sub, text)


# ---- transcripts -------------------------------------------------------------------------------


@dataclass
class Transcript:
    file: Path
    start: int  # index of the opening fence line
    end: int  # index of the closing fence line
    commands: list[str]  # the command lines, without "$ "
    body: str  # the block's text as it is in the file (without the fences)
    skip_reason: str | None  # set when marked "not run"
    varies_reason: str | None = None  # set when marked "output varies": run, not compared

    @property
    def line(self) -> int:
        """1-based line of the first ``$ coopselect`` line."""
        return self.start + 2


def _fenced_blocks(lines: list[str]) -> Iterator[tuple[int, int]]:
    """(index of the opening fence line, index of the closing one) per fenced block."""
    i = 0
    while i < len(lines):
        if lines[i].startswith("```"):
            j = i + 1
            while j < len(lines) and not lines[j].startswith("```"):
                j += 1
            yield i, j
            i = j + 1
        else:
            i += 1


def parse_transcripts(path: Path, text: str) -> list[Transcript]:
    lines = text.split("\n")
    found = []
    for start, end in _fenced_blocks(lines):
        body = lines[start + 1 : end]
        if not body or not body[0].startswith("$ coopselect"):
            continue
        before = next((ln for ln in reversed(lines[:start]) if ln.strip()), "")
        mark, varies = NOT_RUN.search(before), VARIES.search(before)
        reason = (mark.group("reason").strip(" :()-") or "") if mark else None
        varies_reason = (varies.group("reason").strip(" :()-") or "") if varies else None
        commands = [ln[2:].strip() for ln in body if ln.startswith("$ coopselect")]
        found.append(Transcript(path, start, end, commands, "\n".join(body), reason, varies_reason))
    return found


def transcripts(path: Path) -> list[Transcript]:
    return parse_transcripts(path, path.read_text(encoding="utf-8"))


@contextlib.contextmanager
def scratch_dir() -> Iterator[Path]:
    """A temporary working folder with links to the repository's input folders."""
    with tempfile.TemporaryDirectory(prefix="coopselect-docs-") as tmp:
        for name in LINKED:
            if (ROOT / name).exists():
                os.symlink(ROOT / name, Path(tmp) / name, target_is_directory=True)
        old = Path.cwd()
        os.chdir(tmp)
        try:
            yield Path(tmp)
        finally:
            os.chdir(old)


def _split_pipe(command: str) -> tuple[list[str], tuple[str, int] | None]:
    words = shlex.split(command)
    if "|" not in words:
        return words, None
    k = words.index("|")
    tail = words[k + 1 :]
    m = re.fullmatch(r"(head|tail) (?:-n ?)?-?(\d+)", " ".join(tail))
    if not m:
        raise ValueError(f"only '| head -n N' or '| tail -n N' may follow a command: {command}")
    return words[:k], (m.group(1), int(m.group(2)))


def normalise(text: str) -> str:
    """Trailing whitespace off every line, no trailing blank lines."""
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def _reset_process_state(words: list[str]) -> None:
    """Undo what one in-process run may leave behind for the next (cached data)."""
    import importlib

    if "--data-dir" in words or words[1:2] == ["data"]:
        with contextlib.suppress(ImportError, AttributeError):
            importlib.import_module("coopselect.io.data.datasets").clear_caches()


def run_command(command: str) -> str:
    """What ``command`` (a ``coopselect ...`` line) prints: stdout and stderr, as in a terminal."""
    from typer.testing import CliRunner

    from coopselect.cli.main import run

    words, pipe = _split_pipe(command)
    if words[0] != "coopselect":
        raise ValueError(f"a transcript runs coopselect only: {command}")
    # Imported data vintages go to a folder of the scratch directory, never the user's own.
    env = {**ENV, "COOPSELECT_DATA_DIR": "coopselect-data"}  # relative: inside the scratch dir
    Path("coopselect-data").mkdir(exist_ok=True)  # a folder the variable names must exist
    # The console script's own entry (cli.main.run: usage errors, errors and Ctrl-C as one line),
    # with stdout and stderr captured together as a terminal shows them.
    try:
        with CliRunner().isolation(env=env) as streams:
            try:
                run(words[1:])
            except Exception as err:
                import traceback

                trace = "".join(traceback.format_exception(err))
                raise RuntimeError(f"'{command}' raised:\n{trace}") from None
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
            output = streams[2].getvalue().decode("utf-8")
    finally:
        _reset_process_state(words)
    # Paths inside the scratch folder are shown relative to it, as in a user's own folder.
    for prefix in {str(Path.cwd()), str(Path.cwd().resolve())}:
        output = output.replace(prefix + os.sep, "")
    output = normalise(output)
    if pipe:
        lines = output.split("\n")
        kind, n = pipe
        output = "\n".join(lines[:n] if kind == "head" else lines[-n:])
    return normalise(output)


def render(commands: list[str], outputs: list[str]) -> str:
    parts = []
    for command, output in zip(commands, outputs, strict=True):
        parts.append(f"$ {command}" + (f"\n{output}" if output else ""))
    return "\n\n".join(parts)


def expected_body(t: Transcript) -> str:
    """The block's text as its commands print it now (run in a fresh scratch folder)."""
    with scratch_dir():
        return render(t.commands, [run_command(c) for c in t.commands])


def refresh_transcripts(path: Path, text: str) -> str:
    lines = text.split("\n")
    for t in reversed(parse_transcripts(path, text)):
        if t.skip_reason is None:
            lines[t.start + 1 : t.end] = expected_body(t).split("\n")
    return "\n".join(lines)


# ---- main --------------------------------------------------------------------------------------


def build(check: bool = False) -> list[Path]:
    """Rewrite (or with ``check`` only list) every file whose generated text is stale."""
    stale = []
    new = command_reference()
    if not COMMANDS_MD.exists() or COMMANDS_MD.read_text(encoding="utf-8") != new:
        stale.append(COMMANDS_MD)
        if not check:
            COMMANDS_MD.write_text(new, encoding="utf-8")
    for path in doc_files():
        old = path.read_text(encoding="utf-8")
        text = refresh_transcripts(path, refresh_generated(old))
        if text != old:
            stale.append(path)
            if not check:
                path.write_text(text, encoding="utf-8")
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    args = parser.parse_args(argv)
    stale = build(check=args.check)
    for path in stale:
        verb = "stale" if args.check else "updated"
        print(f"{verb}: {path.relative_to(ROOT)}")
    if not stale:
        print("docs are current")
    return 1 if (args.check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())
