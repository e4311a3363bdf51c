"""What each page of the web app shows, as plain tables and strings (no web framework).

Everything here reads one :class:`coopselect.app.state.AppState`, the model the terminal app
edits too: the ranking tail, the explanations, the AHP engine and the reports are the ones the
command line and the reports call. Text from input files is escaped where it becomes HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from coopselect.app.state import AppState, saaty_text
from coopselect.app.views import (
    change_text,
    country_name,
    names,
    ranking_rows,
    worst_judgment,
)
from coopselect.i18n import Label
from coopselect.methods.spec import main_methods
from coopselect.web.labels import w

if TYPE_CHECKING:
    from coopselect.app.save import Fingerprint

WHY = Label("理由", "Why")
MAIN_METHODS = main_methods()  # topsis, vikor, promethee2, wsm, spotis (their specs say so)
VIEWS = ("pairs", "country", "mode")
FORMATS = ("xlsx", "html", "md", "csv")  # offered as downloads
BRIEF = "brief"  # the 1-3 page brief (HTML), also offered


def ranking_table(
    state: AppState, lang: str, view: str = "pairs", needle: str = ""
) -> tuple[list[str], list[list]]:
    """(column headers, rows) of the ranking page: every pair, each host's best mode, or each
    mode's best host; filtered by a case-insensitive text on country or mode (the terminal app's
    rows, :func:`coopselect.app.views.ranking_rows`)."""
    rows = ranking_rows(state, lang, needle, best_only=view == "country", by_mode=view == "mode")
    cols = ["col_rank", "col_country", "col_iso3", "col_mode", "col_score", "col_change"]
    headers = [w(c, lang) for c in cols]
    table = [
        [r.rank, r.country_name, r.country, r.mode_name, round(r.score, 4), change_text(r.change)]
        for r in rows
    ]
    if view == "country":
        # each host's reason in plain words, the text of rank --by country and the terminal app
        from coopselect.narrative import host_reasons

        assert state.result is not None
        why = host_reasons(state.result, lang, [r.country for r in rows])
        headers.append(WHY(lang))
        table = [[*row, why.get(row[2], "")] for row in table]
    return headers, table


def weight_items(state: AppState, lang: str) -> list[tuple[str, str, float]]:
    """(criterion id, name, weight in force) per top-level criterion."""
    res = state.result
    assert res is not None
    nm = names(state.case, lang)
    return [
        (c, nm.get(c, c), float(v))
        for c, v in zip(res.weights.criteria, res.weights.weights.tolist(), strict=True)
    ]


def map_html(state: AppState, lang: str) -> str:
    """The report's map of each host's best mode (inline SVG, legend, source line)."""
    from coopselect.reports.context import Ctx
    from coopselect.reports.worldmap import map_data
    from coopselect.reports.worldmap import map_html as render

    assert state.result is not None
    data = map_data(Ctx(state.result, lang))
    return render(data) if data else f"<p>{escape(w('map_none', lang))}</p>"


def hosts(state: AppState) -> list[str]:
    assert state.result is not None
    return list(state.result.best_mode_by_country())


def host_reason(state: AppState, lang: str, iso3: str) -> tuple[list[str], list[list]]:
    """The host in words (where it stands, what blocks which mode, why its best mode) and its
    modes in order: (lines, rows of [rank, mode, score])."""
    from coopselect.explanation import explain_host, summary_lines
    from coopselect.narrative import host_reason as reason

    res = state.result
    assert res is not None
    nm = names(state.case, lang)
    hx = explain_host(res, iso3)
    # the reason rank --by country, the terminal app and the ranking view give, then the pair
    lines = [reason(res, iso3, lang, nm), *summary_lines(hx.best_mode, nm, lang)]
    rows = [[r, nm.get(m, m), round(s, 4)] for m, r, s in hx.modes]
    return lines, rows


def judgment_view(state: AppState, lang: str) -> dict:
    """The top-level judgment matrix in force: labels, cells, CR and the worst judgment."""
    res = state.result
    assert res is not None
    nm = names(state.case, lang)
    labels = state.labels()
    cells = []
    for a in labels:
        row = []
        for b in labels:
            v = 1.0 if a == b else state.judgment_value(a, b)
            row.append("—" if v is None else saaty_text(v))
        cells.append(row)
    top = res.weights.top
    worst = worst_judgment(state)
    worst_text = None
    if worst is not None and top.cr > 0.10:
        worst_text = w("worst", lang).format(
            a=nm.get(worst.a, worst.a),
            b=nm.get(worst.b, worst.b),
            v=saaty_text(worst.value),
            s=f"{worst.suggested:.2f}",
            n=worst.nearest,
        )
    return {
        "labels": [nm.get(c, c) for c in labels],
        "ids": list(labels),
        "cells": cells,
        "cr": float(top.cr),
        "worst": worst_text,
        "in_use": state.case.weights_preset == "ahp",
    }


def method_agreement(state: AppState, lang: str) -> tuple[list[str], list[list]]:
    """Each host's best mode under the five main methods (the method in force first), how many
    agree, the share of weight draws in which it stays best, and the verdict in words
    (:mod:`coopselect.agreement`)."""
    from coopselect.agreement import agreement, host_sentence

    res = state.result
    assert res is not None
    nm = names(state.case, lang)
    ag = agreement(res)
    rows = []
    for iso, ha in ag.hosts.items():
        share = "" if ha.weight_share is None else f"{ha.weight_share:.0%}"
        rows.append(
            [
                country_name(iso, lang),
                *[nm.get(ha.by_method.get(m, ""), "") for m in ag.methods],
                ha.methods_agreeing,
                share,
                host_sentence(ha, lambda m: nm.get(m, m), lambda c: country_name(c, lang), lang),
            ]
        )
    cols = [w("col_country", lang), *ag.methods, w("agree_count", lang)]
    return [*cols, w("weight_share", lang), w("verdict", lang)], rows


def whatif_table(state: AppState, lang: str, base) -> tuple[list[str], list[list]]:
    """Best mode per host without and with the what-if in force."""
    res = state.result
    assert res is not None
    nm = names(state.case, lang)
    before = {k: p.mode for k, p in base.best_mode_by_country().items()}
    after = {k: p.mode for k, p in res.best_mode_by_country().items()}
    rows = [
        [country_name(k, lang), nm.get(before.get(k, ""), ""), nm.get(after.get(k, ""), "")]
        for k in before
    ]
    return [w("col_country", lang), w("base", lang), w("with_whatif", lang)], rows


def report_bytes(state: AppState, lang: str, fmt: str, samples: int = 2000) -> bytes:
    """One report file of the current ranking (as ``coopselect report --formats FMT``); ``fmt``
    "brief" is the brief's HTML (``report --brief``), "pdf" the full report printed by Chromium
    (only where it is installed: :func:`pdf_available`)."""
    from coopselect.reports.model import ReportOptions
    from coopselect.reports.writer import BRIEF_FILES, FILE_NAMES, report_files

    assert state.result is not None
    if fmt == BRIEF:
        opts = ReportOptions(lang=lang, samples=samples, brief=True)
        return report_files(state.result, opts, ("html",)).files[BRIEF_FILES["html"]]
    rendered = report_files(state.result, ReportOptions(lang=lang, samples=samples), (fmt,))
    return rendered.files[FILE_NAMES[fmt]]


def pdf_available() -> bool:
    from coopselect.reports.pdf import find_chromium

    return find_chromium() is not None


def host_removals(state: AppState, lang: str) -> list[str]:
    """What leaving each host out changes (the report's rank-reversal check), in words."""
    from coopselect.app.robust import host_check, host_check_lines

    res = state.result
    assert res is not None
    nm = names(state.case, lang)
    return host_check_lines(
        host_check(res), lang, lambda c: country_name(c, lang), lambda m: nm.get(m, m)
    )


def acceptability_rows(state: AppState, lang: str, out: dict) -> list[tuple[str, float]]:
    """(pair, first-rank acceptability) of the leading pairs of an SMAA run, best first."""
    from coopselect.app.robust import rows

    res = state.result
    assert res is not None
    nm = names(state.case, lang)
    shown = []
    for key, _rank, accept, _hol in rows(out, res):
        iso, _, mode = key.partition(":")
        shown.append((f"{country_name(iso, lang)} × {nm.get(mode, mode)}", accept[0]))
    return shown


@dataclass
class OpenedFile:
    """The case file a web session edits: its text and fingerprint as opened. Saving goes
    through the terminal app's save (``coopselect.app.save.save_case``: under a lock, refused
    when the file changed on disk since it was opened, atomic, with a backup, comments and
    reasons kept); a bundled or ad-hoc case is never written, only downloaded."""

    path: Path | None
    text: str
    fingerprint: Fingerprint | None

    @classmethod
    def of(cls, case) -> OpenedFile:
        from coopselect.app.save import Fingerprint, is_bundled

        path = Path(case.path) if case.path else None
        if path is None or not path.is_file():
            return cls(None, "", None)
        text = path.read_text(encoding="utf-8")
        if is_bundled(path):
            return cls(None, text, None)
        return cls(path, text, Fingerprint.of_text(path, text))

    @property
    def savable(self) -> bool:
        return self.path is not None

    def text_of(self, state: AppState) -> str:
        """The edited case as a case file (the opened text with the edits written in)."""
        from coopselect.app.save import render

        if self.text:
            return render(state.case, self.text, original=state.original)
        from coopselect.io.loaders.adhoc import adhoc_document, case_file_text

        case = state.case
        return render(
            case, case_file_text(adhoc_document(case.countries, case.minerals.ids)), original=None
        )

    def save(self, state: AppState) -> Path:
        from coopselect.app.save import save_case

        if self.path is None:
            raise ValueError("a bundled or ad-hoc case is not saved in place; download it")
        saved = save_case(
            state.case,
            self.path,
            source_text=self.text,
            fingerprint=self.fingerprint,
            original=state.original,
        )
        self.text = saved.text
        self.fingerprint = saved.fingerprint
        state.original = state.case
        state.mark_saved()
        return self.path
