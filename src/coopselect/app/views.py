"""What each page shows, as plain rows and strings (no textual): easy to test and to time."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from coopselect.app.labels import L
from coopselect.app.state import AppState, nearest_saaty, saaty_text
from coopselect.io.data import reference


@cache
def _countries():
    return reference.countries()


def country_name(iso: str, lang: str) -> str:
    c = _countries().get(iso)
    return c.name(lang) if c else iso


def names(case, lang: str) -> dict[str, str]:
    """Display names of criteria, sub-criteria, indicators, attributes and modes of a case (the
    same as the command line's and the reports')."""
    from coopselect.narrative import column_names

    return column_names(case, lang)


class RankRow(NamedTuple):
    key: str  # "ISO3:mode"
    rank: int
    change: int | None
    country: str
    country_name: str
    mode: str
    mode_name: str
    score: float


@cache
def _country_names(lang: str) -> dict[str, str]:
    return {k: c.name(lang) for k, c in _countries().items()}


def ranking_rows(
    state: AppState, lang: str, text: str = "", best_only: bool = False, by_mode: bool = False
):
    """Rows of the ranking page after the filter (case-insensitive, matches id or name): every
    pair, each host's best mode (``best_only``) or each mode's best host (``by_mode``)."""
    res = state.result
    assert res is not None  # the app computes a result before any page shows
    mode_names = {m.id: m.name(lang) for m in res.case.catalog.modes}
    cnames = _country_names(lang)
    if by_mode:
        pairs = list(res.best_country_by_mode().values())
    elif best_only:
        pairs = list(res.best_mode_by_country().values())
    else:
        pairs = list(res.pairs)
    needle = text.strip().lower()
    if needle:
        hit_c = {
            c for c in {p.country for p in pairs} if needle in f"{c} {cnames.get(c, c)}".lower()
        }
        hit_m = {m for m, n in mode_names.items() if needle in f"{m} {n}".lower()}
        pairs = [p for p in pairs if p.country in hit_c or p.mode in hit_m]
    before = state.previous_ranks
    rows = []
    for p in pairs:
        key = (p.country, p.mode)
        prev = before.get(key)
        rows.append(
            RankRow(
                f"{p.country}:{p.mode}",
                p.rank,
                None if prev is None else prev - p.rank,
                p.country,
                cnames.get(p.country, p.country),
                p.mode,
                mode_names.get(p.mode, p.mode),
                p.score,
            )
        )
    return rows


def host_reason(state: AppState, country: str, lang: str) -> str:
    """Why a host stands where it does, in plain words: the text rank --by country and the
    reports give (coopselect.narrative.host_reason), for any host of the result."""
    from coopselect.narrative import host_reason as reason

    res = state.result
    assert res is not None  # the app computes a result before any page shows
    return reason(res, country, lang, names(state.case, lang))


def status_text(shown: int, total: int, best_only: bool, needle: str, lang: str) -> str:
    """The ranking page's status line, e.g. "showing 5 of 35 pairs (best mode per country)"."""
    view = L["view_best" if best_only else "view_all"](lang)
    if needle.strip():
        view += f", {L['filtered'](lang)} “{needle.strip()}”"
    return L["showing"](lang).format(n=shown, total=total, view=view)


def change_text(change: int | None) -> str:
    if not change:
        return "" if change is None else "="
    return f"▲{change}" if change > 0 else f"▼{-change}"


def header_text(state: AppState, lang: str, path_label: str) -> str:
    res = state.result
    assert res is not None  # the app computes a result before any page shows
    case = state.case
    cr = res.weights.top.cr
    flag = "" if cr <= 0.10 else " !"
    mark = f" [{L['modified'](lang)}]" if state.dirty else ""
    whatif = ""
    if not state.whatif.empty:
        parts = [state.whatif.scenario] if state.whatif.scenario else []
        if state.whatif.settings:
            parts.append(L["n_settings"](lang).format(n=len(state.whatif.settings)))
        whatif = f" · {L['whatif'](lang)}: {' + '.join(parts)}"
    from coopselect.ahp.in_force import weights_origin

    # the preset, and with [[experts]] how many and the rule (AIJ or AIP)
    how = weights_origin(res.weights.preset, case.judgments_basis, lang)
    return (
        f"{L['method'](lang)} {res.method} · {L['preset'](lang)} {how} · "
        f"CR {cr:.3f}{flag}{mark}{whatif} │ {case.title(lang)} · {path_label}"
    )


def weight_rows(state: AppState, lang: str):
    """(criterion id, name, weight in force, AHP weight)."""
    res = state.result
    assert res is not None  # the app computes a result before any page shows
    nm = names(state.case, lang)
    top = res.weights.top
    ahp = dict(zip(top.labels, top.weights.tolist(), strict=True))
    return [
        (c, nm.get(c, c), float(w), float(ahp.get(c, float("nan"))))
        for c, w in zip(res.weights.criteria, res.weights.weights.tolist(), strict=True)
    ]


def preset_text(preset: str, lang: str) -> str:
    return L.get(f"preset_{preset}", L["preset_custom"])(lang)


@dataclass(frozen=True)
class Worst:
    a: str
    b: str
    value: float
    suggested: float
    nearest: str


def worst_judgment(state: AppState, criterion: str | None = None) -> Worst | None:
    """The AHP engine's most inconsistent judgment of the top-level matrix (or of one criterion's
    sub-criteria), with its suggestion."""
    res = state.result
    assert res is not None
    w = res.weights
    top = w.top if criterion is None else w.local[criterion]
    mi = top.most_inconsistent
    if mi is None or len(top.labels) < 3:
        return None
    try:
        i, k = int(mi.row), int(mi.col)
        a, b = top.labels[i], top.labels[k]
        value = float(getattr(mi, "a_ij", float("nan")))
        suggested = float(mi.suggested)
    except (AttributeError, TypeError, ValueError, IndexError):
        return None
    nearest = getattr(mi, "suggested_saaty", None) or str(nearest_saaty(suggested))
    return Worst(a, b, value, suggested, str(nearest))


def matrix_cells(state: AppState, criterion: str | None = None):
    """A judgment matrix (top level, or one criterion's sub-criteria): labels and cell texts."""
    labels = state.labels(criterion)
    cells = []
    for a in labels:
        row = []
        for b in labels:
            if a == b:
                row.append("1")
            else:
                v = state.judgment_value(a, b, criterion)
                row.append("—" if v is None else saaty_text(v))
        cells.append(row)
    return labels, cells
