"""The pair-detail page as a rich renderable: why this mode here, host data, imputations.

Every text in it goes through :mod:`coopselect.app.safe` (a Text, never markup; control characters
shown escaped): names, reasons and sources come from files."""

from __future__ import annotations

from functools import cache

import numpy as np
from rich.console import Group
from rich.table import Table
from rich.text import Text

from coopselect.app.labels import L
from coopselect.app.safe import line, text
from coopselect.app.views import country_name, names
from coopselect.clienttext import client_clean
from coopselect.domain.features import PROFILE_LABELS, feature_label
from coopselect.explanation import explain, model_lines, summary_lines
from coopselect.messages import render


@cache
def _sources_by_dataset(lang: str) -> dict[str, str]:
    from coopselect.catalog import data_sources
    from coopselect.citations import dataset, short

    out: dict[str, str] = {}
    for s in data_sources():
        ds = s.get("dataset")
        if ds and ds not in out:
            d = dataset(ds) or {}
            publisher = str(s.get("publisher", "")).split(",")[0].split(" (")[0]
            if lang == "zh" and d.get("publisher_zh"):
                publisher = d["publisher_zh"]
            out[ds] = f"{publisher} {s.get('year', '')}".strip()
            if lang == "zh" and d.get("article"):  # data an article reports: its citation
                out[ds] = short(d["article"], lang)
    return out


def render_detail(result, country: str, mode: str, lang: str) -> Group:
    nm = names(result.case, lang)
    ex = explain(result, country, mode)
    parts: list = []
    title = f"{country_name(country, lang)} ({country}) × {nm.get(mode, mode)}"
    parts.append(text(title, style="bold"))
    for s in summary_lines(ex, nm, lang):
        parts.append(text(s))
    for s in model_lines(ex, nm, lang):
        parts.append(text("  " + s))

    t = Table(title=L["contrib"](lang), title_justify="left", expand=False, pad_edge=False)
    for h in ("criterion", "weight", "host", "dep", "perf", "top", "gap"):
        t.add_column(L[h](lang), justify="left" if h == "criterion" else "right")
    for c in ex.contributions:
        host = f"{feature_label(c.host_feature, lang)} {c.host_value:.3f}" if c.host_feature else ""
        dep = (
            f"{PROFILE_LABELS[c.mode_parameter](lang)} {c.mode_value:g}" if c.mode_parameter else ""
        )
        gap_style = "green" if c.gap > 1e-12 else ("red" if c.gap < -1e-12 else "")
        t.add_row(
            line(nm.get(c.column, c.column)),
            f"{c.weight:.3f}",
            line(host),
            line(dep),
            f"{c.performance:.3f}",
            f"{c.top_performance:.3f}",
            Text(f"{c.gap:+.4f}", style=gap_style),
        )
    parts.append(t)
    reasons = [
        f"  {nm.get(c.column, c.column)}: {client_clean(c.reason_in(lang), lang)}"
        for c in ex.contributions
        if c.reason
    ]
    if reasons:
        parts.append(text(f"{L['reason'](lang)} ({nm.get(mode, mode)}):", style="bold"))
        parts.extend(text(r) for r in reasons)

    scores = result.scores
    k = scores.countries.index(country)
    hier = result.case.hierarchy
    src = _sources_by_dataset(lang)
    it = Table(title=L["indicators"](lang), title_justify="left", pad_edge=False)
    for h in ("indicator", "raw", "fav", "source"):
        it.add_column(L[h](lang), justify="right" if h in ("raw", "fav") else "left")
    imputed_here = {i.indicator for i in scores.imputed if i.country == country}
    for j, iid in enumerate(scores.indicators):
        ind = hier.indicators[iid]
        raw = scores.raw[k, j]
        fav = scores.fav[k, j]
        raw_s = f"{raw:.4g}" if np.isfinite(raw) else L["no_value"](lang)
        fav_s = f"{fav:.3f}" + (" *" if iid in imputed_here else "")
        it.add_row(line(ind.name(lang)), raw_s, fav_s, line(src.get(ind.dataset, ind.dataset)))
    parts.append(it)
    parts.append(Text(L["imputed"](lang) + ":", style="bold"))
    mine = [i for i in scores.imputed if i.country == country]
    if not mine:
        parts.append(Text("  " + L["none_imputed"](lang)))
    for i in mine:
        gap = f"{nm.get(i.indicator, i.indicator)}: {render(i.detail, lang)} ({i.rule})"
        parts.append(text("  * " + client_clean(gap, lang)))
    return Group(*parts)
