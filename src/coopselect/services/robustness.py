"""How much a ranking depends on its weights and on which hosts are compared: one composition
for ``coopselect sensitivity``, the reports' robustness section and the app's robustness page.

:func:`robustness` runs, on a :class:`~coopselect.pipeline.RankResult`'s pair matrix with its
method and parameters: SMAA-2 rank acceptability (Dirichlet weights around the case's, or uniform),
the critical weights of the leader against the next three pairs, one-at-a-time weight sweeps of
the columns asked for, and, when asked, the leave-one-host-out check (``coopselect.reversal``).
The outputs only render what it returns.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from coopselect.sensitivity import DEFAULT_CONCENTRATION, DEFAULT_SAMPLES, HOLISTIC_RANKS

if TYPE_CHECKING:
    from coopselect.pipeline import RankResult
    from coopselect.reversal import ReversalCheck
    from coopselect.sensitivity.sweep import CriticalChange, Sweep

Progress = Callable[[int, int], None]
# A phase of the work ("critical", "sweeps", "removals") as a context (an output's spinner).
Phase = Callable[[str], AbstractContextManager]
RUNNERS_UP = 3  # critical weights: the leader against the next three pairs
MAX_CONCENTRATION = 1e6


@dataclass(frozen=True)
class RobustnessSettings:
    """What to run. ``seed`` None draws a fresh seed (SMAA reports it). ``sweeps``: the columns
    to sweep (criterion or attribute ids). ``critical``: the critical weights. ``leave_host_out``:
    rank again without each host (needs three hosts)."""

    samples: int = DEFAULT_SAMPLES
    seed: int | None = 0
    concentration: float = DEFAULT_CONCENTRATION
    uniform: bool = False
    value_uncertainty: float | None = None
    sweeps: tuple[str, ...] = ()
    critical: bool = True
    leave_host_out: bool = False

    def check(self) -> None:
        """Refuse impossible settings before anything runs (one CoopselectError)."""
        from coopselect.errors import CoopselectError
        from coopselect.limits import smaa_request

        smaa_request(self.samples, self.seed)
        c = self.concentration
        # finite and bounded: an infinite concentration made every Dirichlet sample NaN, and
        # the SMAA then ranked one pair first in every sample
        if not 0 < c <= MAX_CONCENTRATION:
            raise CoopselectError(
                f"--concentration must be > 0 (got {c})."
                if c <= 0
                else f"--concentration must be a finite number up to 1e6 (got {c}).",
                place="--concentration",
                fix="use a number in (0, 1e6], e.g. 20 (near the case weights) or 2 (widely "
                "spread).",
            )


@dataclass(frozen=True)
class Robustness:
    """The results: ``smaa`` is ``run_smaa``'s JSON-ready dict; ``leader`` and
    ``critical_weights`` come from ``sensitivity.sweep.critical_weights`` (None and () when not
    asked); ``sweeps`` one per column asked; ``host_removals`` the leave-one-host-out check."""

    smaa: dict[str, Any]
    leader: str | None = None
    critical_weights: tuple[CriticalChange, ...] = ()
    sweeps: tuple[Sweep, ...] = ()
    host_removals: ReversalCheck | None = None

    @property
    def most_sensitive(self) -> CriticalChange | None:
        from coopselect.sensitivity.sweep import most_sensitive

        return most_sensitive(list(self.critical_weights))


def smaa_params(result: RankResult, value_uncertainty: float | None) -> dict[str, Any]:
    """The method parameters for SMAA: the ranking's, with the model's scale bounds widened by
    ``value_uncertainty`` (perturbed values may leave the model's scales; SPOTIS's bounds widen
    with them). Parameters the caller gave keep their values."""
    params = dict(result.method_params)
    if not value_uncertainty:
        return params
    added = result.problem.method_params(result.method, {})
    given = {k: v for k, v in params.items() if k not in added or added[k] != v}
    return result.problem.method_params(result.method, given, value_uncertainty)


def robustness(
    result: RankResult,
    settings: RobustnessSettings = RobustnessSettings(),
    *,
    progress: Progress | None = None,
    removal_progress: Progress | None = None,
    phase: Phase | None = None,
) -> Robustness:
    """Run what ``settings`` asks on ``result``'s pair matrix with its method and parameters.

    ``progress(done, total)`` follows the SMAA samples and ``removal_progress`` the hosts left
    out (either may raise to stop the run); ``phase(name)`` wraps each later step ("critical",
    "sweeps", "removals"), e.g. in a spinner."""
    # imported here: where SMAA cannot be imported, this raises ImportError (the reports then
    # say the robustness section is unavailable)
    from coopselect.sensitivity.smaa import run_smaa
    from coopselect.sensitivity.sweep import critical_weights, sweep

    settings.check()
    step = phase or (lambda _name: nullcontext())
    dm = result.problem.dm
    method = result.method
    params = dict(result.method_params)
    sweeps: tuple[Sweep, ...] = ()
    if settings.sweeps:  # first: an unknown column is refused before the long SMAA run
        with step("sweeps"):
            sweeps = tuple(sweep(dm, c, method, **params) for c in settings.sweeps)
    smaa = run_smaa(
        dm,
        method=method,
        samples=settings.samples,
        seed=settings.seed,
        # all ranks: holistic acceptability must not depend on how many ranks are shown
        ranks=min(dm.shape[0], HOLISTIC_RANKS),
        weight_sampler="uniform" if settings.uniform else "dirichlet",
        concentration=None if settings.uniform else settings.concentration,
        progress=progress,
        value_uncertainty=settings.value_uncertainty,
        **smaa_params(result, settings.value_uncertainty),
    )
    leader: str | None = None
    changes: list[CriticalChange] = []
    if settings.critical:
        with step("critical"):
            leader, changes = critical_weights(dm, RUNNERS_UP, method, **params)
    removals = None
    if settings.leave_host_out:
        from coopselect.reversal import removals_of

        with step("removals"):
            removals = removals_of(result, removal_progress)
    return Robustness(smaa, leader, tuple(changes), sweeps, removals)
