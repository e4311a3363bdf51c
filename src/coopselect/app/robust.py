"""SMAA for the robustness page: availability check, the run, and the rows to show."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# The same SMAA as ``coopselect sensitivity`` and the reports, run by the one robustness service
# (coopselect.services.robustness): Dirichlet weights around the case's (concentration 20), 10,000
# samples, and acceptabilities of all ranks up to 100. Holistic
# acceptability weights ranks 1..n linearly (coopselect.sensitivity.smaa), so it depends on how many
# ranks are counted: counting only the three shown (as the app once did) gave 0.832 where the
# command said 0.962 for the same pair. The page shows the first RANKS_SHOWN ranks only.
from coopselect.sensitivity import DEFAULT_SAMPLES

RANKS_SHOWN = 3
PAIRS_SHOWN = 10


class Cancelled(Exception):
    """Raised from the progress callback to stop a run."""


def smaa_available() -> bool:
    try:
        from coopselect.sensitivity.smaa import run_smaa  # noqa: F401
    except ImportError:
        return False
    return True


def run(
    result,
    *,
    samples: int = DEFAULT_SAMPLES,
    seed: int = 0,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """SMAA on the decision matrix of ``result`` with the result's method and parameters, as
    ``coopselect sensitivity --seed 0`` runs it (``services.robustness``)."""
    from coopselect.services.robustness import RobustnessSettings, robustness

    settings = RobustnessSettings(samples=samples, seed=seed, critical=False)
    return robustness(result, settings, progress=progress).smaa


def host_check(result, progress: Callable[[int, int], None] | None = None):
    """What leaving each host out changes (coopselect.reversal), or None for fewer than three
    hosts, as in the report's robustness section."""
    from coopselect.reversal import removals_of

    if len(result.best_mode_by_country()) < 3:
        return None
    return removals_of(result, progress)


def host_check_lines(check, lang: str, country: Callable[[str], str], mode: Callable[[str], str]):
    """The check in words: how many removals reorder other pairs, and each best mode that
    changes ("Japan: trade -> offtake, without Russia")."""
    from coopselect.app.labels import L

    if check is None:
        return [L["loo_few"](lang)]
    moved = sum(bool(r.flipped) for r in check.removals)
    if not moved:
        return [L["loo_stable"](lang)]
    lines = [L["loo_unstable"](lang).format(n=moved, k=len(check.removals))]
    for r in check.removals:
        for h, before, after in r.best_mode_changed:
            lines.append(
                L["loo_best"](lang).format(
                    host=country(h), before=mode(before), after=mode(after), gone=country(r.removed)
                )
            )
    return lines


def verdict_text(out: dict[str, Any], lang: str, label: Callable[[str], str]) -> str:
    """The verdict in words from coopselect.sensitivity.verdict ("" when it is not there)."""
    try:
        from coopselect.sensitivity.verdict import verdict
    except ImportError:
        return ""
    try:
        return str(verdict(out, label, lang=lang))
    except Exception:  # a verdict must never break the page
        return ""


def rows(out: dict[str, Any], result, limit: int = PAIRS_SHOWN):
    """(pair key, current rank, [acceptability of rank 1..K], holistic) for the leading pairs,
    by holistic acceptability."""
    ra = out.get("rank_acceptability", {})
    hol = out.get("holistic_acceptability", {})
    current = {f"{p.country}:{p.mode}": p.rank for p in result.pairs}
    keys = sorted(ra, key=lambda k: (-float(hol.get(k, 0.0)), current.get(k, 10**9)))
    return [(k, current.get(k), [float(v) for v in ra[k]], hol.get(k)) for k in keys[:limit]]
