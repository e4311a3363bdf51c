"""Build the format-neutral report model from a ranking.

    build_report(result, ReportOptions(lang="zh")) -> Report

Every number the renderers show comes from here; the renderers only lay it out.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from coopselect.citations import localise_note
from coopselect.clienttext import clean_value, client_clean
from coopselect.i18n import common
from coopselect.reports.context import Ctx
from coopselect.reports.labels import t
from coopselect.reports.model import ChartSpec, Column, Report, ReportOptions, Section, Table
from coopselect.reports.ranking_parts import (
    best_section,
    countries_section,
    explain_section,
    heatmap_chart,
    matrix_section,
    pairs_section,
    ranking_chart,
    weights_chart,
)
from coopselect.reports.robustness import method_comparison, robustness
from coopselect.reports.sections import SectionSpec, audit_keys, builder, client_keys, specs
from coopselect.reports.weights_parts import (
    methodology_section,
    missing_section,
    provenance_section,
    sources_section,
    weights_section,
)

# A lead under 2% of the spread of all pair scores is called narrow (a reporting convention, not
# a statistical test; the SMAA acceptability beside it says how often the leader really leads).
NARROW = 0.02
SHORTLIST = 3


def __getattr__(name: str) -> Any:
    # The keys of the full report's parts, in order (--sections picks among them; the summary is
    # always there): read from the registry when asked, so a part registered later counts.
    if name == "SECTION_KEYS":
        return client_keys()
    if name == "AUDIT_SECTIONS":  # parts that keep the project's own names (provenance.md)
        return audit_keys()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Parts:
    """What the builders of a report's parts (:mod:`coopselect.reports.sections`) get: the
    result, the options, and what several parts share, each computed once on first use."""

    def __init__(self, result, opts: ReportOptions) -> None:
        self.result = result
        self.opts = opts
        self.lang = opts.lang
        self.ctx = Ctx(result, opts.lang)
        self.case = result.case
        # The client parts built so far (what a part built from the others reads).
        self.others: list[Section] = []
        self.charts: dict[str, ChartSpec] = {}

    @cached_property
    def explain(self) -> tuple[Section, ChartSpec | None, list[dict]]:
        return explain_section(self.ctx, self.opts.top_pairs)

    @cached_property
    def robust(self):
        return robustness(self.ctx, self.opts.samples, self.opts.seed)

    @cached_property
    def methods(self) -> tuple[Section | None, dict]:
        if self.opts.compare_methods:
            return method_comparison(self.ctx)
        return None, {"available": False, "reason": "not requested"}

    @cached_property
    def notes(self) -> Section:
        return methodology_section(self.ctx)

    @cached_property
    def date(self) -> str:
        from coopselect.reports.provenance import report_date

        return report_date(self.opts.date)

    @cached_property
    def stamp_rows(self):
        from coopselect.reports.provenance import stamp

        opts = self.opts
        return stamp(
            self.result, self.lang, date=self.date, command=opts.command, smaa=self.robust.stamp
        )

    @cached_property
    def agreement(self):
        from coopselect.reports.certainty import method_agreement

        return method_agreement(self.ctx)

    @cached_property
    def certainty(self) -> list[str]:
        """How firmly the result holds across methods and weights, in words."""
        from coopselect.reports.certainty import overall_lines

        robust = self.robust
        smaa = robust.doc.get("smaa") if robust.doc.get("available") else None
        return overall_lines(self.ctx, self.agreement, smaa)

    @cached_property
    def summary(self) -> list[str]:
        """The recommendation in words (the report's summary box)."""
        from coopselect.narrative import override_lines, overrides_heading, policy_date_line

        ctx, lg, result = self.ctx, self.lang, self.result
        out = summary_lines(ctx, self.certainty, brief=self.opts.brief)
        whatifs = override_lines(self.case, result.scenario, result.overrides, ctx.names, lg)
        if whatifs:
            out.append(f"{overrides_heading(lg)}: " + "; ".join(whatifs) + ".")
        out.append(policy_date_line(result, lg) + ".")
        return out

    @cached_property
    def pairs(self) -> Section:
        return pairs_section(self.ctx)

    @cached_property
    def sources(self) -> tuple[Section, list[dict]]:
        """The references cite what the client parts built before them (:attr:`others`) cite."""
        cited = cited_seeds_of(self.others, self.charts, self.case)
        sec, doc = sources_section(self.ctx, cited)
        sec.paragraphs.append(t("audit_pointer", self.lang))
        return sec, doc


# ---- the builders of the parts (named in coopselect.reports.sections) --------------------------
def summary_part(p: Parts) -> Section:
    lg, case = p.lang, p.case
    sec = Section(
        "summary",
        "",
        paragraphs=[*p.summary],
        bullets=[named(localise_note(n, lg), p.ctx) for n in p.result.notes],
        charts=["ranking", "heatmap"],
    )
    description = join_lines(case.description_zh if lg == "zh" else case.description_en)
    if description:
        sec.paragraphs.insert(0, description)
    return sec


def pairs_part(p: Parts) -> Section:
    return p.pairs


def best_part(p: Parts) -> Section:
    sec = best_section(p.ctx)
    sec.map = True
    return sec


def hosts_part(p: Parts) -> Section:
    from coopselect.reports.hosts_parts import hosts_section

    return hosts_section(p.ctx, p.agreement)


def countries_part(p: Parts) -> Section:
    return countries_section(p.ctx)


def weights_part(p: Parts) -> Section:
    sec = weights_section(p.ctx)
    sec.live = True
    return sec


def matrix_part(p: Parts) -> Section:
    return matrix_section(p.ctx)


def explain_part(p: Parts) -> Section:
    return p.explain[0]


def robust_part(p: Parts) -> Section:
    return p.robust.section


def methods_part(p: Parts) -> Section | None:
    return p.methods[0]


def sources_part(p: Parts) -> Section:
    return p.sources[0]


def missing_part(p: Parts) -> Section:
    return missing_section(p.ctx)


def method_notes_part(p: Parts) -> Section:
    return p.notes


def provenance_part(p: Parts) -> Section:
    return provenance_section(p.ctx, p.sources[1])


def stamp_part(p: Parts) -> Section:
    from coopselect.reports.provenance import files_table_rows

    lg = p.lang
    return Section(
        "stamp",
        "",
        tables=[
            Table(
                "stamp",
                t("t_stamp", lg),
                [Column(t("item", lg)), Column(t("value", lg))],
                [list(r) for r in p.stamp_rows],
            ),
            Table(
                "files",
                t("t_files", lg),
                [Column(t("kind", lg)), Column(common("file", lg)), Column(t("sha256", lg))],
                files_table_rows(p.result, lg),
            ),
        ],
    )


def _build(spec: SectionSpec, p: Parts) -> Section | None:
    """One part, titled and named as its spec says."""
    sec = builder(spec)(p)
    if sec is not None:
        sec.key = spec.key
        sec.title = spec.title(p.lang)
        sec.sheet = spec.sheet(p.lang)
    return sec


def build_report(result, options: ReportOptions | None = None) -> Report:
    """The whole report of ``result`` (a coopselect.pipeline.RankResult) as plain data: each
    part of :data:`coopselect.reports.sections.SECTIONS` that the options keep, built by its
    builder, in the registry's order."""
    from coopselect.reports.provenance import files_table_rows

    opts = options or ReportOptions()
    lg = opts.lang
    p = Parts(result, opts)
    ctx = p.ctx
    case = result.case
    charts = p.charts
    charts.update({c.key: c for c in (ranking_chart(ctx), heatmap_chart(ctx), weights_chart(ctx))})
    explain_doc = p.explain[2]
    if p.explain[1]:
        charts[p.explain[1].key] = p.explain[1]
    robust = p.robust
    charts.update({c.key: c for c in robust.charts})
    methods_doc = p.methods[1]
    notes = p.notes
    when = p.date
    stamp_rows = p.stamp_rows
    summary = p.summary
    certainty = p.certainty

    def kept(s: SectionSpec) -> bool:
        return s.always or not opts.sections or s.key in opts.sections

    client = [s for s in specs() if not s.audit and kept(s)]
    built: dict[str, Section] = {}
    for s in client:
        if not s.from_others:
            sec = _build(s, p)
            if sec is not None:
                built[s.key] = sec
    p.others = list(built.values())
    for s in client:
        if s.from_others:
            sec = _build(s, p)
            if sec is not None:
                built[s.key] = sec
    sections = [built[s.key] for s in client if s.key in built]
    audit = [sec for s in specs() if s.audit for sec in [_build(s, p)] if sec is not None]
    sources, sources_doc = p.sources
    client_facing(sections, charts, lg)
    summary = [client_clean(line, lg) for line in summary]
    summary_sec = built["summary"]
    summary_sec.paragraphs = [client_clean(x, lg) for x in summary_sec.paragraphs]
    from coopselect._version import __version__

    subtitle = t("subtitle", lg, method=result.method, n=len(result.pairs))
    if not result.higher_is_better:
        subtitle += t("lower_better", lg)
    document: dict[str, Any] = {
        "report_version": 1,
        "tool_version": __version__,
        "lang": lg,
        "title": case.title(lg),
        "summary": summary,
        "ranking": result.to_dict(lg),
        "weights": _weights_doc(result),
        "decision_matrix": _matrix_doc(ctx),
        "explanations": explain_doc,
        "robustness": robust.doc,
        "certainty": {**p.agreement.to_dict(), "in_words": certainty},
        "method_comparison": methods_doc,
        "data_sources": [{k: v for k, v in d.items() if k not in AUDIT_KEYS} for d in sources_doc],
        "references": sources.bullets,
        "methodology": {
            "notes": notes.paragraphs,
            "analyst_judgments": notes.bullets,
        },
    }
    for vintage in (document["ranking"].get("data_vintages") or {}).values():
        if isinstance(vintage, dict):  # where the file lies on this machine: provenance.md
            vintage.pop("file", None)
    document = clean_value(document, lg)
    from coopselect.reports.worldmap import map_data
    from coopselect.reports.xlsx_live import live_data

    return Report(
        live=live_data(ctx) if any(s.live for s in sections) else None,
        map=map_data(ctx) if opts.map else None,
        lang=lg,
        case_id=case.id,
        title=case.title(lg),
        subtitle=subtitle,
        summary=summary,
        sections=sections,
        audit=audit,
        audit_doc={
            "stamp": {k: v for k, v in stamp_rows},
            "files": files_table_rows(result, lg),
            "data_sources": sources_doc,
        },
        charts=charts,
        stamp=stamp_rows,
        document=document,
        pairs_table=p.pairs.tables[0],
        date=when,
    )


def join_lines(text: str) -> str:
    """Lines of a multi-line TOML string joined into one paragraph: with a space between Latin
    words, without one between Chinese characters."""
    from coopselect.reports.charts import has_cjk

    out = ""
    for line in (text or "").strip().splitlines():
        line = line.strip()
        if not line:
            continue
        if out and not (has_cjk(out[-1]) and has_cjk(line[0])):
            out += " "
        out += line
    return out


def named(text: str, ctx: Ctx) -> str:
    """Column ids written into a note ("time_to_supply 0.25") replaced by their display names."""
    import re

    for key, name in ctx.names.items():
        if "_" in key and key in text:
            text = re.sub(rf"\b{re.escape(key)}\b", name, text)
    return text


# Fields of a data source entry that say where a file was read: provenance.md only.
AUDIT_KEYS = frozenset({"origin", "file", "sha256", "vintage_path", "notes", "url", "path"})


def _texts(sections, charts) -> list[str]:
    out: list[str] = []
    for sec in sections:
        if sec.key in audit_keys():
            continue
        out += [sec.title, *sec.paragraphs, *sec.bullets]
        for tb in sec.tables:
            out += [tb.title, tb.note, *(c.label for c in tb.columns)]
            out += [v for row in tb.rows for v in row if isinstance(v, str)]
    from coopselect.reports.charts import _strings

    for ch in charts.values():
        out += _strings([ch.title, ch.data])
    return out


def cited_seeds_of(sections, charts, case) -> list[str]:
    """Seed articles the client-facing text cites (in order), plus the case's own citations."""
    from coopselect.citations import cited_seeds

    text = "\n".join(
        [*_texts(sections, charts), case.description_en, case.description_zh, *case.citations]
    )
    return cited_seeds(text)


def client_facing(sections, charts, lang: str) -> None:
    """Every internal word in the client-facing sections and charts is rewritten
    (:func:`coopselect.clienttext.client_clean`: seed numbers become short citations, file
    paths and module names go); the audit sections (provenance.md) keep the project's names."""

    def fix(v):
        return clean_value(v, lang)

    for sec in sections:
        if sec.key in audit_keys():
            continue
        sec.title = fix(sec.title)
        sec.paragraphs = fix(sec.paragraphs)
        sec.bullets = fix(sec.bullets)
        for tb in sec.tables:
            tb.title, tb.note = fix(tb.title), fix(tb.note)
            tb.columns = [type(c)(fix(c.label), c.kind) for c in tb.columns]
            tb.rows = fix(tb.rows)
    for ch in charts.values():
        ch.title = fix(ch.title)
        ch.data = fix(ch.data)


# Hosts named in the summary's "best mode per country" line; the rest are in the tables and CSV.
SUMMARY_HOSTS = 10


def summary_lines(ctx: Ctx, certainty: list[str], *, brief: bool = False) -> list[str]:
    """The recommendation in words, with its certainty across methods and weights. ``brief``:
    without the lines the brief's own parts say (best mode per host, the count of gaps)."""
    from coopselect.reports.certainty import METHOD_NAMES

    lg = ctx.lang
    res = ctx.result
    first = res.pairs[0]
    out = [
        t(
            "recommend",
            lg,
            pair=ctx.pair(first.country, first.mode),
            score=first.score,
            n=len(res.pairs),
            method=METHOD_NAMES.get(res.method, res.method)
            + (
                ""
                if res.higher_is_better
                else ("；" if lg == "zh" else "; ") + t("lower_better", lg).strip(" ()（）")
            ),
        )
    ]
    if len(res.pairs) > 1:
        second = res.pairs[1]
        gap = abs(first.score - second.score)
        # The gap as a share of the spread of all scores: scale-free, and meaningful for every
        # method (VIKOR's leader often has Q = 0; PROMETHEE's net flows can be negative).
        scores = [p.score for p in res.pairs]
        spread = max(scores) - min(scores)
        rel = gap / spread if spread > 0 else 0.0
        out.append(
            t(
                "runner_up",
                lg,
                pair=ctx.pair(second.country, second.mode),
                score=second.score,
                gap=gap,
                rel=rel,
            )
        )
        if rel < NARROW:
            out.append(t("narrow", lg, k=min(SHORTLIST, len(res.pairs)), pct=f"{NARROW:.0%}"))
    out += certainty
    ranking = res.country_ranking()
    if ranking:
        k, s = ranking[0]
        out.append(t("best_country", lg, country=ctx.country(k), score=s))
    sep = "；" if lg == "zh" else "; "
    best = list(res.best_mode_by_country().items())
    items = sep.join(f"{ctx.country(k)}: {ctx.name(p.mode)}" for k, p in best[:SUMMARY_HOSTS])
    if brief:
        pass
    elif len(best) > SUMMARY_HOSTS:
        out.append(t("best_modes_first", lg, n=SUMMARY_HOSTS, m=len(best), items=items))
    else:
        out.append(t("best_modes", lg, items=items))
    cr = float(res.weights.top.cr)
    out.append(t("cr_ok" if cr <= 0.10 else "cr_bad", lg, cr=cr))
    n_imp, n_exc = len(res.scores.imputed), len({e.country for e in res.scores.excluded})
    if (n_imp or n_exc) and not brief:
        out.append(t("missing_count", lg, n=n_imp, e=n_exc))
    return out


def _weights_doc(result) -> dict[str, Any]:
    cw = result.weights

    def summ(s) -> dict[str, Any]:
        return {
            "labels": list(s.labels),
            "weights": [float(v) for v in s.weights],
            "cr": float(s.cr),
            "lambda_max": float(s.lambda_max),
            "consistent": bool(s.consistent),
            "judgments": [
                {
                    "a": j.a,
                    "b": j.b,
                    "value": j.value,
                    "text": j.text,
                    "reason": j.reason,
                    "reason_zh": j.reason_zh,
                }
                for j in s.judgments
            ],
        }

    return {
        "preset": cw.preset,
        "criteria": dict(zip(cw.criteria, [float(v) for v in cw.weights], strict=True)),
        "ahp": summ(cw.top),
        "local": {c: summ(s) for c, s in cw.local.items()},
        "columns": result.column_weights,
        "mode_attribute_share": result.case.mode_attributes.share,
        "mode_attribute_weights": result.case.mode_attributes.weights,
        "mode_attribute_basis": result.case.mode_attributes.basis,
    }


def _matrix_doc(ctx: Ctx) -> dict[str, Any]:
    prob = ctx.result.problem
    dm = prob.dm
    norm, how = ctx.normalised
    return {
        "alternatives": list(dm.alternatives),
        "columns": list(prob.columns),
        "column_kind": list(prob.column_kind),
        "types": ["benefit" if v > 0 else "cost" for v in dm.types],
        "weights": [float(v) for v in dm.weights],
        "raw": dm.matrix,
        "normalisation": how,
        "normalised": norm,
    }
