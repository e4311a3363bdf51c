"""Several methods on one case or decision-matrix problem, and one case under several scenarios
(``coopselect compare``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coopselect.services.request import CaseRequest

if TYPE_CHECKING:
    from coopselect.comparison import Comparison as MethodComparison
    from coopselect.domain.model import Case
    from coopselect.messages import Message
    from coopselect.pipeline import RankResult
    from coopselect.scoring.pairs import PairProblem


@dataclass(frozen=True)
class ComparisonRun:
    """The methods' rankings of one matrix. For a case, ``case`` and ``problem`` (its pairs, in
    the comparison's order); for a problem file, ``alternatives`` and its loader's ``notices``."""

    comparison: MethodComparison
    alternatives: tuple[str, ...]
    notices: tuple[Message, ...] = ()
    case: Case | None = None
    problem: PairProblem | None = None


def is_problem(target: Any) -> bool:
    """A problem file has a ``matrix`` (or is a CSV); anything else is a case."""
    if not isinstance(target, str | Path):
        return False  # an in-memory case (--countries/--minerals)
    p = Path(target)
    if p.suffix.lower() == ".csv":
        return True
    if not p.is_file() or p.suffix.lower() not in (".toml", ".json"):
        return False
    from coopselect.io.files import read_structured

    try:
        data = read_structured(p)
    except Exception:  # the problem loader reports the syntax error properly
        return True
    return isinstance(data, dict) and "matrix" in data


def compare_methods(
    request: CaseRequest,
    methods: str | Sequence[str],
    *,
    types: str | None = None,
    weight_values: str | None = None,
) -> ComparisonRun:
    """Rank the request's case (or problem file: ``types`` and ``weight_values`` are a CSV
    problem's column types and weights) with each of ``methods`` and measure their agreement."""
    from coopselect.comparison import compare_methods as compare_dm
    from coopselect.comparison import parse_methods
    from coopselect.errors import CoopselectError
    from coopselect.services.ranking import prepare

    names = parse_methods(methods)
    target = request.case
    if not request.adhoc and isinstance(target, str | Path) and is_problem(target):
        if request.settings or request.scenario:
            raise CoopselectError(
                "--set and --scenario apply to cases, not to decision-matrix problems.",
                file=str(target),
                fix="edit the problem's matrix, or compare a case.",
            )
        from coopselect.io.loaders.problem_loader import load_problem
        from coopselect.mcda import solve_many

        prob = load_problem(target, types, weight_values)
        comp, notices = solve_many(prob, names)
        return ComparisonRun(comp, tuple(prob.dm.alternatives), tuple(notices))
    p = prepare(request)
    case, problem = p.case, p.problem
    params = {
        m: problem.method_params(m, case.method_params if m == case.method else None) for m in names
    }
    comp = compare_dm(problem.dm, names, params)
    return ComparisonRun(comp, tuple(problem.dm.alternatives), (), case, problem)


def scenario_variants(
    requests: Sequence[CaseRequest],
    scenarios: Sequence[str] | None,
    *,
    progress=None,
) -> list[tuple[str, RankResult]]:
    """(label, RankResult) per variant: each request's case under each of ``scenarios`` ("base"
    is the case as it is; None: each request as it is). Labels name the case when there are
    several cases, the scenario when there are several scenarios."""
    from dataclasses import replace

    from coopselect.errors import CoopselectError
    from coopselect.limits import variants as check_variants
    from coopselect.services.ranking import rank

    names: list[str | None] = list(scenarios) if scenarios else [None]
    if scenarios and any(r.scenario for r in requests):
        raise CoopselectError(
            "--scenario and --scenarios together.",
            place="--scenario",
            fix="list every scenario in --scenarios (base = the case as it is).",
        )
    total = len(requests) * len(names)
    check_variants(total, place="--scenarios" if scenarios else "CASES")
    out: list[tuple[str, RankResult]] = []
    for request in requests:
        for name in names:
            sc = request.scenario if name is None else (None if name == "base" else name)
            res = rank(replace(request, scenario=sc))
            label = res.case.id if len(requests) > 1 else ""
            if scenarios:
                label = f"{label}/{name}" if label else str(name)
            out.append((label or res.case.id, res))
            if progress:
                progress(len(out), total)
    if len(out) < 2:
        raise CoopselectError(
            "a scenario comparison needs at least two variants.",
            place="--scenarios",
            fix="give two or more cases, or e.g. --scenarios base,uzb_raw_ore_ban.",
        )
    return out
