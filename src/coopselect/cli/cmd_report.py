"""``coopselect report``: reports for consultants (XLSX, HTML, Markdown, CSV, JSON, charts)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from coopselect.cli.common import REQUEST, FunnelCommand, case_options, console, safe
from coopselect.reports.sections import selectable_keys
from coopselect.sensitivity import DEFAULT_SAMPLES

if TYPE_CHECKING:
    from coopselect.services.request import CaseRequest

GLOB_CHARS = "*?["


@case_options(
    case=None, method_help="Ranking method (default: each case's).", ranking_before="samples"
)
def report_cmd(
    cases: list[str] = typer.Argument(
        None,
        help="Case files, bundled case ids or globs (e.g. 'cases/*.toml'). "
        "Default: the bundled default case.",
    ),
    out: str = typer.Option(..., "--out", "-o", help="Folder to write the report(s) into."),
    formats: str = typer.Option(
        "all",
        "--formats",
        help="Comma-separated: xlsx,html,md,csv,json,charts (default: all; none needs a "
        "font), and png (charts as pictures; needs a font for every character) or pdf "
        "(needs Chromium), which all leaves out.",
    ),
    lang: str = typer.Option(
        "en",
        "--lang",
        metavar="zh|en|zh,en",
        help="Label language: zh (中文), en, or several (zh,en): one folder per language, "
        "OUT/zh/ and OUT/en/, from one ranking.",
    ),
    pdf: bool = typer.Option(
        False,
        "--pdf",
        help="Also print the HTML report to report.pdf with headless Chromium "
        "(installed separately; a one-line error when it is not).",
    ),
    samples: int = typer.Option(
        DEFAULT_SAMPLES,
        "--samples",
        "-s",
        help="SMAA weight samples (0 skips the robustness part).",
    ),
    seed: int = typer.Option(0, "--seed", help="Random seed of the SMAA samples."),
    date: str = typer.Option(
        None, "--date", help="Date printed in the stamp, YYYY-MM-DD (default: today, UTC)."
    ),
    force: bool = typer.Option(
        False, "--force", help="Write into a non-empty folder, replacing report files."
    ),
    request: CaseRequest = REQUEST,  # the case option group (cli.common.case_options)
    brief: bool = typer.Option(
        False,
        "--brief",
        help="Write the 1-3 page brief (brief.html, brief.md; brief.pdf with --pdf) instead "
        "of the full report: the recommendation, why per host, its certainty across methods "
        "and weights, what was imputed, the caveats.",
    ),
    top: int = typer.Option(
        None,
        "--top",
        min=1,
        help="Pairs explained in detail in the full report (default 3); hosts explained in "
        "the brief (default 5).",
    ),
    sections: str = typer.Option(
        None,
        "--sections",
        help="Parts of the full report, comma-separated (the summary is always there): "
        f"{','.join(selectable_keys())}.",
    ),
    no_map: bool = typer.Option(False, "--no-map", help="Leave the map out of the report."),
) -> None:
    """Write a report per case: summary, rankings, weights, robustness, sources, stamp."""
    from coopselect.errors import CoopselectError
    from coopselect.reports.writer import check_target, parse_formats

    fmts = parse_formats(formats)
    langs = parse_langs(lang)
    if pdf and "pdf" not in fmts:
        fmts = (*fmts, "pdf")
    if "pdf" in fmts:
        from coopselect.reports.pdf import require_chromium

        require_chromium()
    if samples < 0:
        raise CoopselectError(
            f"--samples must be >= 0 (got {samples}).",
            place="--samples",
            fix="use e.g. 10000, or 0 to skip the robustness analysis.",
        )
    from coopselect.limits import smaa_request

    # Refused here, not in the report's robustness section (where a refusal is reported as
    # "not available" and the command still succeeds).
    smaa_request(samples or 1, seed)
    if date is not None:
        _check_date(date)
    method, weights = request.method, request.weights
    settings, scenario, criteria = request.settings, request.scenario, request.criteria
    if request.adhoc:
        refs = [request.with_case(cases[0] if len(cases or []) == 1 else None).source()]
        if len(cases or []) > 1:
            request.with_case(cases[0]).source()  # refuses CASE with --countries
    else:
        refs = resolve_cases(cases or [])
    if not in_place(out):
        check_target(out, force)
    whatif = (tuple(settings), scenario, criteria)
    named = [r for r in refs if isinstance(r, str | None)]
    lang = ",".join(langs)
    command = _command(named, out, fmts, lang, method, weights, samples, seed, whatif)
    if named != refs:
        command += f" --countries {request.countries or 'all'} --minerals {request.minerals}"
    if request.data_dir:
        import shlex

        command += f" --data-dir {shlex.quote(str(request.data_dir))}"
    fmts, command, whatif = with_report_options(
        fmts, formats, command, whatif, brief, top, sections, no_map
    )
    _run(
        refs,
        out,
        fmts,
        lang,
        method,
        weights,
        samples,
        seed,
        date,
        command,
        whatif,
        force,
        data_dir=request.data_dir,
    )


def register(app: typer.Typer) -> None:
    app.command("report", cls=FunnelCommand)(report_cmd)


def with_report_options(fmts, formats, command, whatif, brief, top, sections, no_map):
    """--brief, --top, --sections and --no-map: the formats (the brief is HTML, Markdown and
    PDF), the command line in the stamp, and the ReportOptions fields (carried as a fourth item
    of ``whatif``, read by :func:`_run`)."""
    if brief:
        command += " --brief"
        fmts = tuple(f for f in fmts if f in ("html", "md", "pdf")) or ("html", "md")
        if formats == "all":
            fmts = ("html", "md", *(("pdf",) if "pdf" in fmts else ()))
    if top is not None:
        command += f" --top {top}"
    if sections:
        command += f" --sections {sections}"
    if no_map:
        command += " --no-map"
    return fmts, command, (*whatif, report_options(brief, top, sections, no_map))


def report_options(brief: bool, top: int | None, sections: str | None, no_map: bool) -> dict:
    """ReportOptions fields of --brief, --top, --sections and --no-map."""
    from coopselect.errors import CoopselectError
    from coopselect.reports.content import SECTION_KEYS

    out: dict = {"brief": brief, "map": not no_map}
    if top is not None:
        out["top_pairs"] = top
        out["extra"] = {"top_given": True}
    if sections:
        keys = tuple(dict.fromkeys(k.strip().lower() for k in sections.split(",") if k.strip()))
        bad = [k for k in keys if k not in SECTION_KEYS]
        if bad or not keys:
            raise CoopselectError(
                f"unknown report part {(bad or [sections])[0]!r}.",
                place="--sections",
                fix=f"use a comma-separated list of {', '.join(SECTION_KEYS[1:])}.",
            )
        out["sections"] = keys
    return out


def parse_langs(spec: str) -> tuple[str, ...]:
    """'zh', 'en' or a comma-separated list of them -> ('zh', 'en')."""
    from coopselect.errors import CoopselectError

    langs = tuple(dict.fromkeys(p.strip().lower() for p in str(spec).split(",") if p.strip()))
    bad = [lg for lg in langs if lg not in ("zh", "en")]
    if bad or not langs:
        raise CoopselectError(
            f"unknown language {(bad or [spec])[0]!r}.",
            place="--lang",
            fix="use zh, en, or zh,en for both.",
        )
    return langs


def resolve_cases(args: list[str]) -> list[str | None]:
    """Case arguments -> case references; globs are expanded (sorted); none -> [None]."""
    import glob
    from pathlib import Path

    from coopselect.errors import CoopselectError

    if not args:
        return [None]
    refs: list[str | None] = []
    for arg in args:
        if any(ch in arg for ch in GLOB_CHARS) and not Path(arg).exists():
            found = sorted(glob.glob(arg))
            if not found:
                raise CoopselectError(
                    "no case file matches this pattern.",
                    file=arg,
                    fix="check the pattern, e.g. 'cases/*.toml'.",
                )
            refs.extend(found)
        else:
            refs.append(arg)
    return list(dict.fromkeys(refs))


def folder_name(case_id: str) -> str:
    """A case id made safe as one folder name (no separators, no '..')."""
    import re

    name = re.sub(r"[^A-Za-z0-9_.-]", "_", case_id).strip(".")
    return name or "case"


def _check_date(date: str) -> None:
    from datetime import date as _date

    from coopselect.errors import CoopselectError

    try:
        _date.fromisoformat(date)
    except ValueError:
        raise CoopselectError(
            f"{date!r} is not a date.", place="--date", fix="use YYYY-MM-DD."
        ) from None


def _command(refs, out, fmts, lang, method, weights, samples, seed, whatif=((), None, None)) -> str:
    import shlex

    parts = ["coopselect", "report", *[r for r in refs if r is not None]]
    parts += ["--out", out, "--formats", ",".join(fmts), "--lang", lang]
    if method:
        parts += ["--method", method]
    if weights:
        parts += ["--weights", weights]
    parts += ["--samples", str(samples), "--seed", str(seed)]
    settings, scenario, criteria = whatif
    if criteria:
        parts += ["--criteria", str(criteria)]
    if scenario:
        parts += ["--scenario", scenario]
    for s in settings:
        parts += ["--set", s]
    return " ".join(shlex.quote(p) for p in parts)


STEPS = ("rank", "analysis", "charts", "md", "html", "xlsx", "csv", "json")


def _run(
    refs,
    out,
    fmts,
    lang,
    method,
    weights,
    samples,
    seed,
    date,
    command,
    whatif,
    force=True,
    data_dir=None,
) -> None:
    """Rank every case once and render it in every language of ``lang`` ("zh", "en" or
    "zh,en"); with several languages each goes into its own folder (OUT/zh/, OUT/en/). Every
    file is rendered before any is written."""
    from pathlib import Path

    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from coopselect.errors import CoopselectError
    from coopselect.reports.index import index_html, index_markdown
    from coopselect.reports.model import ReportOptions
    from coopselect.reports.writer import report_files, write_files
    from coopselect.services.ranking import rank
    from coopselect.services.request import CaseRequest

    langs = parse_langs(lang)
    err = console(stderr=True)
    several = len(refs) > 1
    files: dict[str, bytes] = {}
    done: dict[str, list[tuple[str, object, list[str]]]] = {lg: [] for lg in langs}
    seen: dict[str, str] = {}
    steps = 1 + (len(STEPS) - 1) * len(langs)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,  # no bar, and no stray line, in pipes and logs
    ) as bar:
        task = bar.add_task("report", total=len(refs) * steps + 1)
        for k, ref in enumerate(refs, start=1):
            label = getattr(ref, "id", str(ref)) if ref else "default case"

            def step(name: str, label=label) -> None:
                bar.update(task, description=f"{label}: {name}", advance=1)

            step("rank")
            result = rank(
                CaseRequest(
                    ref,
                    method=method,
                    weights=weights,
                    settings=whatif[0],
                    scenario=whatif[1],
                    criteria=whatif[2],
                    data_dir=data_dir,
                )
            )
            cid = folder_name(result.case.id)
            if cid in seen:
                raise CoopselectError(
                    f"two cases have the folder name {cid!r} ({seen[cid]} and {label}).",
                    place="[case] id",
                    fix="give each case its own id; each report goes into a folder named by it.",
                )
            seen[cid] = label
            for lg in langs:
                extra = whatif[3] if len(whatif) > 3 else {}  # --brief, --top, --sections
                options = ReportOptions(
                    lang=lg, samples=samples, seed=seed, date=date, command=command, **extra
                )
                rendered = report_files(result, options, fmts, step)
                prefix = (f"{lg}/" if len(langs) > 1 else "") + (f"{cid}/" if several else "")
                files.update({prefix + n: v for n, v in rendered.files.items()})
                done[lg].append((cid, result, [prefix + n for n in rendered.files]))
                for w in rendered.warnings:
                    bar.console.print(f"[yellow]warning[/]: {safe(cid)} ({lg}): {safe(w)}")
            bar.update(task, completed=k * steps)
        if several:
            for lg in langs:
                top = f"{lg}/" if len(langs) > 1 else ""
                entries = [
                    _entry(cid, res, [n.removeprefix(top) for n in names], lg)
                    for cid, res, names in done[lg]
                ]
                files[f"{top}index.md"] = index_markdown(entries, lg).encode("utf-8")
                files[f"{top}index.html"] = index_html(entries, lg).encode("utf-8")
        bar.update(task, description="writing")
        if in_place(out):
            write_in_place(Path(out), files, force=force)
        else:  # as a whole; refused again if filled since
            write_files(Path(out), files, force=force)
        bar.update(task, advance=1)
    for lg in langs:
        folder = Path(out) / lg if len(langs) > 1 else Path(out)
        strip = f"{lg}/" if len(langs) > 1 else ""
        items = [(c, r, [n.removeprefix(strip) for n in names]) for c, r, names in done[lg]]
        _print_summary(items, str(folder), several, lg)


def in_place(out: str) -> bool:
    """Whether the report goes into ``out`` file by file instead of replacing the folder as a
    whole: ``--out .``, ``..`` or any existing folder that holds the working folder (swapping
    it would leave the shell in a removed folder, and carry every file below it along)."""
    from pathlib import Path

    path = Path(out)
    if path.name in ("", ".", ".."):
        return True
    try:
        here, real = Path.cwd().resolve(), path.resolve()
    except OSError:
        return False
    return real.is_dir() and here.is_relative_to(real)


def write_in_place(out, files: dict[str, bytes], *, force: bool) -> None:
    """Write the report's files into the existing folder ``out`` one by one, each atomically
    (coopselect.io.files.replace_file). Other files in the folder are never touched. A report
    file already there is refused (every name listed, nothing written) unless ``force``; then
    it is kept as ``<name>.bak`` first."""
    from coopselect.errors import CoopselectError
    from coopselect.io.files import backup_file, folder_lock, replace_file

    base = out.resolve()
    with folder_lock(base):
        existing = [rel for rel in files if (base / rel).exists() or (base / rel).is_symlink()]
        if existing and not force:
            shown = ", ".join(existing[:3]) + (", ..." if len(existing) > 3 else "")
            raise CoopselectError(
                f"the folder already holds report files ({shown}); nothing was written.",
                file=out,
                fix="pass --force to replace them (each kept as <name>.bak), or write to a new "
                "folder. Other files in the folder are never touched.",
            )
        for rel, data in files.items():
            target = base / rel
            if rel in existing:
                backup_file(target)
            replace_file(target, data)


def _entry(cid, result, names, lang):
    from coopselect.io.data import reference
    from coopselect.reports.index import IndexEntry

    p = result.pairs[0]
    cty = reference.countries()
    mode = result.case.catalog.get(p.mode).name(lang)
    shown = [n for n in names if not n.startswith(f"{cid}/charts/")]
    return IndexEntry(
        cid,
        result.case.title(lang),
        f"{cty[p.country].name(lang)} × {mode}",
        p.score,
        result.method,
        tuple(shown),
    )


def _print_summary(done, out, several, lang) -> None:
    from pathlib import Path

    from rich.markup import escape

    from coopselect.io.data import reference

    con = console(soft_wrap=True)  # long paths stay on one line
    cty = reference.countries()
    for cid, result, names in done:
        folder = Path(out) / cid if several else Path(out)
        main = [n.split("/")[-1] for n in names if "/charts/" not in f"/{n}"]
        charts = sum(1 for n in names if "/charts/" in f"/{n}")
        extra = f" + charts/ ({charts} files)" if charts else ""
        p = result.pairs[0]
        mode = result.case.catalog.get(p.mode).name(lang)
        con.print(f"[bold]{escape(cid)}[/] -> {escape(str(folder))}/: {', '.join(main)}{extra}")
        con.print(f"  1. {escape(cty[p.country].name(lang))} × {escape(mode)} ({p.score:.4f})")
    if several:
        con.print(f"index: {escape(str(Path(out) / 'index.html'))}, index.md")
