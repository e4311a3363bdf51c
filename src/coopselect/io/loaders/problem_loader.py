"""Generic decision problems (``coopselect mcda``): TOML/JSON with one schema, or CSV.

    alternatives = ["A1", "A2"]          # optional (default A1, A2, ...)
    matrix = [[1, 3000], [2, 3750]]      # rows = alternatives
    [[criteria]]
    name = "risk"
    type = "cost"                         # benefit | cost
    weight = 0.5                          # number or "a/b"; rescaled to sum 1 with a notice
    [method]
    name = "topsis"                       # plus the method's parameters

CSV: a header row of criterion names, one row per alternative (first column = names when it is not
numeric); ``--types`` and ``--weight-values`` give the criteria's types and weights.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from coopselect.domain.decision import BENEFIT, COST, DecisionMatrix
from coopselect.errors import CoopselectError
from coopselect.io.files import read_csv_rows, read_structured
from coopselect.io.loaders.judgments import parse_value
from coopselect.io.loaders.numbers import finite_sum, sum_to_one
from coopselect.messages import Message, message
from coopselect.methods.spec import per_criterion_keys

# Per-criterion keys and the methods that read them (each method's spec,
# ``MethodSpec.per_criterion``). Each becomes one list, one entry per criterion (None where a
# criterion does not set it), e.g. q = [None, 2.0, 1.5].
CRITERION_KEYS: dict[str, tuple[str, ...]] = per_criterion_keys()
# Every key a [[criteria]] table may carry besides name, type and weight.
_CRITERION_PARAMS = tuple(dict.fromkeys(k for keys in CRITERION_KEYS.values() for k in keys))


@dataclass(frozen=True)
class Problem:
    dm: DecisionMatrix
    method: str | None
    method_params: dict[str, Any]
    notices: tuple[Message, ...] = field(default=())  # rendered by the outputs in their language
    criterion_params: tuple[dict[str, Any], ...] = field(default=())

    def params_for(self, method: str) -> tuple[dict[str, Any], list[Message]]:
        """Parameters for ``method``: the file's ``[method]`` table when it names this method (or
        names none), plus the per-criterion keys this method reads. Returns (params, notices)."""
        notices: list[Message] = []
        params: dict[str, Any] = {}
        if self.method is None or self.method.lower() == method.lower():
            params.update(self.method_params)
        elif self.method_params:
            notices.append(
                message("problem.params_other_method", file_method=self.method, method=method)
            )
        for key in CRITERION_KEYS.get(method.lower(), ()):
            values = [c.get(key) for c in self.criterion_params]
            if any(v is not None for v in values) and key not in params:
                params[key] = values
        return params, notices


# The largest magnitude of a matrix value: squares and sums of squares of up to millions of
# values (TOPSIS's vector norm, the spans of VIKOR, SPOTIS, MABAC) then stay far below the
# range of a double (1.8e308); beyond it they overflow and a criterion silently drops out.
MAX_MATRIX_VALUE = 1e100


def _value(raw: Any, file: str, place: str) -> float:
    """A matrix value: a finite number within +-``MAX_MATRIX_VALUE``."""
    v = _number(raw, file, place)
    if abs(v) > MAX_MATRIX_VALUE:
        raise CoopselectError(
            f"value {v:g} is beyond +-{MAX_MATRIX_VALUE:g}, where the methods' squares and "
            "spans overflow.",
            file=file,
            place=place,
            fix=f"state the criterion in other units so that its values are within "
            f"+-{MAX_MATRIX_VALUE:g} (only their ratios and differences count).",
        )
    return v


def _number(raw: Any, file: str, place: str) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise CoopselectError(
            f"{raw!r} is not a number.", file=file, place=place, fix="enter a number."
        )
    v = float(raw)
    if not math.isfinite(v):
        raise CoopselectError(
            f"value is {raw!r}, not a finite number.",
            file=file,
            place=place,
            fix="enter a finite number.",
        )
    return v


def _weight(raw: Any, file: str, place: str) -> float:
    if isinstance(raw, str):
        if raw.strip().startswith("-"):
            raise CoopselectError(
                f"weight {raw!r} is negative.", file=file, place=place, fix="weights must be >= 0."
            )
        return parse_value(raw, file=file, place=place)
    v = _number(raw, file, place)
    if v < 0:
        raise CoopselectError(
            f"weight {v} is negative.", file=file, place=place, fix="weights must be >= 0."
        )
    return v


def _type(raw: Any, file: str, place: str) -> int:
    if raw in ("benefit", "max", "+", 1, "1"):
        return BENEFIT
    if raw in ("cost", "min", "-", -1, "-1"):
        return COST
    raise CoopselectError(
        f"unknown type {raw!r}.", file=file, place=place, fix='use "benefit" or "cost".'
    )


def _finish(alts, names, rows, types, weights, file, method, params, crit=()) -> Problem:
    notices: list[Message] = []
    w = np.array(weights, dtype=float)
    if not len(w) or w.max() <= 0:
        raise CoopselectError(
            "all weights are zero.",
            file=file,
            place="criteria weights",
            fix="give at least one criterion a weight > 0.",
        )
    total = finite_sum(w)
    if abs(total - 1) > 1e-9:
        shown = f"{total:g}" if math.isfinite(total) else "more than 1.8e308"
        notices.append(message("problem.weights_rescaled", total=shown))
        # divided by the largest first: weights near the float limit neither overflow nor vanish
        w = np.array(sum_to_one(w), dtype=float)
    dm = DecisionMatrix(tuple(alts), tuple(names), np.array(rows, float), w, np.array(types), file)
    return Problem(dm, method, params, tuple(notices), tuple(crit))


def load_problem(
    path: str | Path,
    types: str | None = None,
    weights: str | None = None,
    *,
    weights_required: bool = True,
) -> Problem:
    """Load a problem. ``weights_required=False`` (objective weighting) lets a CSV problem come
    without ``--weight-values``: its weights are then equal, and a notice says so."""
    file = str(path)
    if file.lower().endswith(".csv"):
        return _load_csv(path, types, weights, weights_required)
    data = read_structured(path)
    if not isinstance(data, dict):
        raise CoopselectError(
            "the file must hold a table/object at the top level.",
            file=file,
            fix="see the README for the problem schema.",
        )
    unknown = set(data) - {"alternatives", "matrix", "criteria", "method"}
    if unknown:
        raise CoopselectError(
            f"unknown key {sorted(unknown)[0]!r}.",
            file=file,
            fix="use alternatives, matrix, [[criteria]] and [method].",
        )
    matrix = data.get("matrix")
    if not isinstance(matrix, list) or not matrix or not all(isinstance(r, list) for r in matrix):
        raise CoopselectError(
            "matrix must be a list of rows.",
            file=file,
            place="matrix",
            fix="write matrix = [[...], [...]], one row per alternative.",
        )
    crits = data.get("criteria")
    if not isinstance(crits, list) or not crits:
        raise CoopselectError(
            "no [[criteria]] given.",
            file=file,
            place="criteria",
            fix="add one [[criteria]] table (name, type, weight) per column.",
        )
    n = len(crits)
    alts = _alternatives(data.get("alternatives"), len(matrix), file)
    if len(alts) != len(matrix):
        raise CoopselectError(
            f"{len(alts)} alternatives for {len(matrix)} rows.",
            file=file,
            place="alternatives",
            fix="give one name per matrix row.",
        )
    rows = []
    names = [
        str(c.get("name", f"C{j + 1}")) if isinstance(c, dict) else "" for j, c in enumerate(crits)
    ]
    for i, row in enumerate(matrix):
        if len(row) != n:
            raise CoopselectError(
                f"row has {len(row)} values for {n} criteria.",
                file=file,
                place=f"matrix row {i + 1} ({alts[i]!r})",
                fix="give one value per criterion.",
            )
        rows.append(
            [
                _value(v, file, f"matrix row {alts[i]!r}, column {names[j]!r}")
                for j, v in enumerate(row)
            ]
        )
    kinds, crit_weights, params_by_crit = [], [], []
    for j, c in enumerate(crits):
        place = f"criteria[{j + 1}] ({names[j]!r})"
        if not isinstance(c, dict):
            raise CoopselectError("each criterion must be a table.", file=file, place=place)
        extra = set(c) - {"name", "type", "weight", *_CRITERION_PARAMS}
        if extra:
            raise CoopselectError(
                f"unknown key {sorted(extra)[0]!r}.",
                file=file,
                place=place,
                fix="use name, type, weight (and method-specific keys).",
            )
        kinds.append(_type(c.get("type", "benefit"), file, f"{place}.type"))
        if "weight" not in c:
            raise CoopselectError(
                "weight is missing.", file=file, place=place, fix="add weight = <number >= 0>."
            )
        crit_weights.append(_weight(c["weight"], file, f"{place}.weight"))
        params_by_crit.append({k: c[k] for k in _CRITERION_PARAMS if k in c})
    method = data.get("method", {})
    if not isinstance(method, dict):
        raise CoopselectError("[method] must be a table.", file=file, place="method")
    method = dict(method)
    name = method.pop("name", None)
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise CoopselectError(
            f"method name {name!r} is not a method name.",
            file=file,
            place="method.name",
            fix='write the name in quotes, e.g. name = "topsis" (coopselect mcda --help lists '
            "them).",
        )
    return _finish(alts, names, rows, kinds, crit_weights, file, name, method, params_by_crit)


def _alternatives(raw: Any, rows: int, file: str) -> list[str]:
    """The alternatives' names: a list of texts (or numbers), one per matrix row; A1, A2, ...
    when not given."""
    if raw is None:
        return [f"A{i + 1}" for i in range(rows)]
    fix = 'write alternatives = ["A", "B", ...], one name per matrix row, or leave it out.'
    if not isinstance(raw, list):
        raise CoopselectError(
            f"alternatives must be a list of names, not {type(raw).__name__} {raw!r}.",
            file=file,
            place="alternatives",
            fix=fix,
        )
    names = []
    for k, name in enumerate(raw, start=1):
        if isinstance(name, bool) or not isinstance(name, str | int | float) or not str(name):
            raise CoopselectError(
                f"{name!r} is not a name (a text or a number).",
                file=file,
                place=f"alternatives[{k}]",
                fix=fix,
            )
        names.append(name if isinstance(name, str) else str(name))
    if not names:
        return [f"A{i + 1}" for i in range(rows)]
    return names


def _load_csv(path, types: str | None, weights: str | None, weights_required=True) -> Problem:
    file = str(path)
    rows = [r for r in read_csv_rows(path) if r]
    if len(rows) < 2:
        raise CoopselectError(
            "a CSV problem needs a header row and at least one data row.",
            file=file,
            fix="add the criterion names on the first line.",
        )
    header = rows[0]
    named = not _is_number(rows[1][0])
    names = header[1:] if named else header
    alts, data = [], []
    for i, r in enumerate(rows[1:], start=2):
        cells = r[1:] if named else r
        alts.append(r[0] if named else f"A{i - 1}")
        if len(cells) != len(names):
            raise CoopselectError(
                f"{len(cells)} values for {len(names)} criteria.",
                file=file,
                place=f"line {i}",
                fix="one value per criterion.",
            )
        vals = []
        for j, v in enumerate(cells):
            if not _is_number(v):
                raise CoopselectError(
                    f"{v!r} is not a number.",
                    file=file,
                    place=f"line {i}, column {names[j]!r}",
                    fix="enter a number.",
                )
            vals.append(_value(float(v), file, f"line {i}, column {names[j]!r}"))
        data.append(vals)
    given = bool(weights)
    if not weights and not weights_required:
        weights = ",".join("1" for _ in names)
    if not types or not weights:
        raise CoopselectError(
            "a CSV problem needs --types and --weight-values.",
            file=file,
            fix="e.g. --types benefit,cost --weight-values 0.6,0.4",
        )
    t = [_type(x.strip(), file, "--types") for x in types.split(",")]
    w = [
        _weight(float(x) if _is_number(x) else x.strip(), file, "--weight-values")
        for x in weights.split(",")
    ]
    if len(t) != len(names) or len(w) != len(names):
        raise CoopselectError(
            f"--types and --weight-values need {len(names)} values each.",
            file=file,
            place="--types/--weight-values",
            fix="one per criterion column.",
        )
    prob = _finish(alts, names, data, t, w, file, None, {})
    if not given:
        note = message("problem.equal_weights")
        prob = Problem(prob.dm, None, {}, (note,), prob.criterion_params)
    return prob


def _is_number(v: str) -> bool:
    try:
        float(v)
    except ValueError:
        return False
    return True
