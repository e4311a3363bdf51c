"""Rank a :class:`CaseRequest`: load the case, build its pair matrix, rank, explain a pair."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, overload

from coopselect.services.request import CaseRequest

if TYPE_CHECKING:
    from coopselect.domain.model import Case
    from coopselect.explanation import Explanation, HostExplanation
    from coopselect.io.data.snapshot import DataSnapshot
    from coopselect.pipeline import RankResult
    from coopselect.scoring.favourability import CountryScores
    from coopselect.scoring.pairs import PairProblem
    from coopselect.scoring.weights import CriteriaWeights


@dataclass(frozen=True)
class Prepared:
    """Everything up to the decision matrix: the case, its criterion weights, the country scores
    and the (host, mode) pair problem."""

    case: Case
    weights: CriteriaWeights
    scores: CountryScores
    problem: PairProblem
    data: DataSnapshot  # the data vintages read once for this request


def load(request: CaseRequest) -> Case:
    """The request's case: loaded from its file or bundled id (with its criteria set), or the
    ad-hoc case of ``countries``/``minerals``, or the ``Case`` object itself."""
    from coopselect.domain.model import Case
    from coopselect.io.loaders.case_loader import load_case

    source = request.source()
    if isinstance(source, Case):
        return source
    return load_case(source, criteria=request.criteria)


def prepare(request: CaseRequest, data: DataSnapshot | None = None) -> Prepared:
    """The request's case up to its decision matrix (weights preset and what-ifs applied), read
    from ``data`` (a snapshot the caller keeps, e.g. the app's for its session), else from the
    request's data folder, read once here."""
    from coopselect import pipeline

    case = load(request)
    if data is None:
        from coopselect.io.data.snapshot import DataSnapshot

        data = DataSnapshot.read(request.data_dir)
    case, cw, scores, problem = pipeline.prepare(
        case,
        weights=request.weights,
        settings=request.settings,
        scenario=request.scenario,
        data=data,
    )
    return Prepared(case, cw, scores, problem, data)


def rank(request: CaseRequest, **method_params: Any) -> RankResult:
    """Rank every (host, mode) pair of the request's case (``pipeline.rank`` on it)."""
    from coopselect import pipeline

    p = prepare(request)
    params = dict(p.case.method_params) if request.method is None else {}
    params.update(method_params)
    method = request.method or p.case.method
    return pipeline.rank_problem(
        p.case, p.weights, p.scores, p.problem, method, params, request.scenario, p.data
    )


@overload
def explain(result: RankResult, country: str, mode: str) -> Explanation: ...
@overload
def explain(result: RankResult, country: str, mode: None = None) -> HostExplanation: ...
def explain(
    result: RankResult, country: str, mode: str | None = None
) -> Explanation | HostExplanation:
    """Why ``country``'s pair with ``mode`` stands where it does (``explanation.explain``), or,
    without a mode, why the host stands where it does (``explanation.explain_host``)."""
    from coopselect.explanation import explain as explain_pair
    from coopselect.explanation import explain_host

    iso = country.upper()
    return explain_host(result, iso) if mode is None else explain_pair(result, iso, mode)
