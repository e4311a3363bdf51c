"""Rank a generic decision problem (the Python side of ``coopselect mcda``).

from coopselect.io.loaders.problem_loader import load_problem
from coopselect.mcda import solve
solved = solve(load_problem("examples/problems/roszkowska_2011.toml"), method="vikor")
solved.to_dict()["ranks"]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from coopselect.errors import CoopselectError
from coopselect.io.loaders.problem_loader import Problem
from coopselect.messages import Message
from coopselect.methods.result import MethodResult

# extras that hold alternative indices; JSON shows them as alternative names
_INDEX_EXTRAS = ("compromise",)
# extras with one entry per criterion (SPOTIS bounds and reference, PROMETHEE functions)
_CRITERION_EXTRAS = ("bounds", "reference", "preference", "q", "p", "s")


@dataclass(frozen=True)
class Solved:
    problem: Problem
    method: str
    params: dict[str, Any]
    result: MethodResult
    notices: tuple[Message, ...] = field(default=())  # the problem file's, rendered at the edge

    def to_dict(self) -> dict[str, Any]:
        dm, res = self.problem.dm, self.result
        m = len(dm.alternatives)
        doc: dict[str, Any] = {
            "method": self.method,
            "method_params": self.params,
            "alternatives": list(dm.alternatives),
            "criteria": list(dm.criteria),
            "types": ["benefit" if t > 0 else "cost" for t in dm.types],
            "weights": dm.weights.tolist(),
            "scores": np.asarray(res.scores).tolist(),
            "ranks": np.asarray(res.ranks).tolist(),
            "higher_is_better": bool(res.higher_is_better),
            "ties": [[dm.alternatives[i] for i in t] for t in res.ties],
        }
        for key, value in res.extras.items():
            if key in _INDEX_EXTRAS:
                doc[key] = [dm.alternatives[int(i)] for i in value]
            elif key in _CRITERION_EXTRAS and value is not None:
                doc[key] = np.asarray(value).tolist() if isinstance(value, np.ndarray) else value
            elif isinstance(value, bool | int | float | str | np.bool_ | np.number):
                doc[key] = value.item() if hasattr(value, "item") else value
            elif isinstance(value, np.ndarray) and value.shape == (m,):
                doc[key] = value.tolist()
        from coopselect.messages import render  # notes in English, as the rest of the JSON

        doc["notices"] = [render(n, "en") for n in (*self.notices, *res.notes)]
        return doc


def _with_context(err: CoopselectError, problem: Problem) -> CoopselectError:
    """A method reports ``criterion 2``; the user wants the file and the criterion's name."""
    place = err.place
    if place:
        names = problem.dm.criteria

        def name(match: re.Match) -> str:
            j = int(match.group(1)) - 1
            return f"criteria[{j + 1}] ({names[j]!r})" if 0 <= j < len(names) else match.group(0)

        place = re.sub(r"\bcriterion (\d+)", name, place)
    return CoopselectError(
        err.message, file=err.file or problem.dm.source, place=place, fix=err.fix
    )


def solve(problem: Problem, method: str | None = None, **overrides: Any) -> Solved:
    """Rank ``problem`` with ``method`` (default: the file's method, else TOPSIS). Keyword
    arguments override the file's parameters (e.g. ``normalization="minmax"``, ``v=0.3``)."""
    from coopselect.methods import run_method

    name = (method or problem.method or "topsis").lower()
    params, notices = problem.params_for(name)
    params.update({k: v for k, v in overrides.items() if v is not None})
    dm = problem.dm
    try:
        res = run_method(name, dm.matrix, dm.weights, dm.types, **params)
    except CoopselectError as err:
        raise _with_context(err, problem) from None
    return Solved(problem, name, params, res, tuple(problem.notices) + tuple(notices))


def solve_many(problem: Problem, methods: list[str] | tuple[str, ...]):
    """Compare ``methods`` on ``problem`` (each gets the parameters it reads from the file)."""
    from coopselect.comparison import compare_methods

    params = {}
    notices: list[Message] = list(problem.notices)
    for m in methods:
        params[m], extra = problem.params_for(m)
        notices.extend(n for n in extra if n not in notices)
    try:
        comp = compare_methods(problem.dm, methods, params)
    except CoopselectError as err:
        raise _with_context(err, problem) from None
    return comp, tuple(notices)
