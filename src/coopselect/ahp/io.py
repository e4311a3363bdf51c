"""Read an AHP input file (TOML or JSON) into checked matrices.

Three layouts, told apart by their keys:

* one matrix: ``labels = [...]`` and ``matrix = [[...], ...]``;
* a group: ``labels`` and ``[[experts]]`` tables, each with ``name``, optional ``weight`` and
  ``matrix``;
* a hierarchy: ``[criteria]`` (``labels``, ``matrix``) and ``[alternatives]`` (``labels`` and
  ``[alternatives.matrices]`` with one matrix per criterion label).

Any other key is refused with the closest known one (``weigth = 5`` is an error, not an expert of
default weight), and so is a file that mixes two layouts (``matrix`` and ``[[experts]]``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from coopselect.ahp.matrix import check_labels, parse_matrix
from coopselect.errors import CoopselectError
from coopselect.limits import ahp_file_work

# An AHP file may take a fifth of the input limit (4 MB of the default 20 MB; a 500-item matrix
# of fractions is about 2 MB): parsing and checking millions of judgments takes tens of seconds
# before the work limit (coopselect.limits.ahp_file_work) can even be applied.
AHP_FILE_FRACTION = 0.2
# An expert's weight: relative, in (0, 1e6] (the group's sum of weights can then never overflow).
MAX_EXPERT_WEIGHT = 1e6


@dataclass(frozen=True)
class SingleInput:
    labels: list[str]
    matrix: np.ndarray


@dataclass(frozen=True)
class Expert:
    name: str
    weight: float | None
    matrix: np.ndarray


@dataclass(frozen=True)
class GroupInput:
    labels: list[str]
    experts: list[Expert]


@dataclass(frozen=True)
class HierarchyInput:
    criteria: list[str]
    criteria_matrix: np.ndarray
    alternatives: list[str]
    matrices: dict[str, np.ndarray]


AhpInput = SingleInput | GroupInput | HierarchyInput


def read_document(path: str | Path) -> dict[str, Any]:
    """Parse a .toml or .json file through the input gate (:mod:`coopselect.io.files`: regular
    files only, size, nesting and number-range limits); a problem is a CoopselectError."""
    from coopselect.io.files import read_structured

    p = Path(path)
    doc = read_structured(
        p,
        syntax_fix='correct the TOML syntax there (strings such as "1/3" need quotes).',
        missing_fix="check the path (a .toml or .json file).",
        fraction=AHP_FILE_FRACTION,
    )
    if not isinstance(doc, dict):
        raise CoopselectError(
            "the file must hold a table (object) at the top.",
            file=str(p),
            fix="write labels = [...] and matrix = [...] at the top level.",
        )
    return doc


def _need(doc: dict, key: str, *, file: str, where: str, fix: str) -> Any:
    if key not in doc:
        raise CoopselectError(f"missing key {key!r}.", file=file, place=where or key, fix=fix)
    return doc[key]


# The keys of each layout (top level), and of the tables inside them.
_LAYOUTS: dict[str, tuple[str, ...]] = {
    "matrix": ("labels", "matrix"),
    "experts": ("labels", "experts"),
    "criteria": ("criteria", "alternatives"),
}
_TOP_KEYS = ("labels", "matrix", "experts", "criteria", "alternatives")
_EXPERT_KEYS = ("name", "weight", "matrix")
_CRITERIA_KEYS = ("labels", "matrix")
_ALTERNATIVES_KEYS = ("labels", "matrices")


def _check_keys(table: dict, known: tuple[str, ...], *, file: str, where: str) -> None:
    """Refuse a key that is not in ``known``, naming the closest known key."""
    import difflib

    for key in table:
        if key in known:
            continue
        close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise CoopselectError(
            f"unknown key {key!r}{hint}.",
            file=file,
            place=f"{where}.{key}" if where else str(key),
            fix=f"use only {', '.join(known)} here; unknown keys are not ignored.",
        )


def _layout(doc: dict, file: str) -> str | None:
    """Which of the three layouts the top-level keys describe; two at once are refused."""
    found = {
        "matrix": "matrix" in doc,
        "experts": "experts" in doc,
        "criteria": "criteria" in doc or "alternatives" in doc,
    }
    given = [k for k, v in found.items() if v]
    if len(given) > 1:
        names = [("'criteria'/'alternatives'" if k == "criteria" else repr(k)) for k in given]
        raise CoopselectError(
            f"both {' and '.join(names)} are given; a file holds one layout.",
            file=file,
            place=given[1] if given[1] != "criteria" else "criteria",
            fix="keep one: matrix (one matrix), [[experts]] (a group), or [criteria] and "
            "[alternatives] (a hierarchy); split the others into their own files.",
        )
    if given:
        return given[0]
    return "matrix" if "labels" in doc else None


def parse_document(doc: dict[str, Any], *, file: str) -> AhpInput:
    """Tell the layout from the keys, refuse unknown keys and check every matrix."""
    _check_keys(doc, _TOP_KEYS, file=file, where="")
    layout = _layout(doc, file)
    if layout is not None:
        _check_keys(doc, _LAYOUTS[layout], file=file, where="")
    if layout == "experts":
        return _group(doc, file)
    if layout == "criteria":
        return _hierarchy(doc, file)
    if layout == "matrix":
        labels = check_labels(
            _need(doc, "labels", file=file, where="", fix='add labels = ["a", "b", ...].'),
            file=file,
        )
        rows = _need(doc, "matrix", file=file, where="", fix="add matrix = [[1, 3], ...].")
        return SingleInput(labels, parse_matrix(rows, labels, file=file, place="matrix"))
    raise CoopselectError(
        "no AHP input found (expected 'matrix', 'experts' or 'criteria' and 'alternatives').",
        file=file,
        fix="see examples/ahp/ for the three layouts.",
    )


def _group(doc: dict, file: str) -> GroupInput:
    labels = check_labels(
        _need(doc, "labels", file=file, where="", fix="add labels shared by all experts."),
        file=file,
    )
    specs = doc["experts"]
    if not isinstance(specs, list) or not specs:
        raise CoopselectError(
            "'experts' must be a non-empty list of tables.",
            file=file,
            place="experts",
            fix="write one [[experts]] table per expert.",
        )
    ahp_file_work([len(labels)] * len(specs), file=file, place="experts")
    experts = []
    seen = set()
    for k, spec in enumerate(specs, start=1):
        where = f"experts[{k}]"
        if not isinstance(spec, dict):
            raise CoopselectError(
                "an expert must be a table.", file=file, place=where, fix="use [[experts]]."
            )
        _check_keys(spec, _EXPERT_KEYS, file=file, where=where)
        name = spec.get("name", f"expert {k}")
        if not isinstance(name, str) or not name.strip() or name in seen:
            raise CoopselectError(
                f"expert name {name!r} is empty, not text or used twice.",
                file=file,
                place=f"{where}.name",
                fix="give every expert a different name.",
            )
        seen.add(name)
        weight = spec.get("weight")
        if weight is not None and (
            isinstance(weight, bool)
            or not isinstance(weight, int | float)
            or not 0 < weight <= MAX_EXPERT_WEIGHT
        ):
            raise CoopselectError(
                f"weight {weight!r} is not a positive finite number up to {MAX_EXPERT_WEIGHT:g}.",
                file=file,
                place=f"{where}.weight ({name})",
                fix=f"use a number in (0, {MAX_EXPERT_WEIGHT:g}] such as 1 or 0.5 (only the "
                "ratios between experts count), or leave it out.",
            )
        rows = _need(spec, "matrix", file=file, where=f"{where}.matrix", fix="add matrix = [...].")
        m = parse_matrix(rows, labels, file=file, place=f"experts {name!r} matrix")
        experts.append(Expert(name, None if weight is None else float(weight), m))
    return GroupInput(labels, experts)


def _hierarchy(doc: dict, file: str) -> HierarchyInput:
    crit = _need(doc, "criteria", file=file, where="", fix="add a [criteria] table.")
    alts = _need(doc, "alternatives", file=file, where="", fix="add an [alternatives] table.")
    for key, table in (("criteria", crit), ("alternatives", alts)):
        if not isinstance(table, dict):
            raise CoopselectError(
                f"'{key}' must be a table.", file=file, place=key, fix=f"write [{key}]."
            )
    _check_keys(crit, _CRITERIA_KEYS, file=file, where="criteria")
    _check_keys(alts, _ALTERNATIVES_KEYS, file=file, where="alternatives")
    c_labels = check_labels(
        _need(crit, "labels", file=file, where="criteria.labels", fix="add labels."),
        file=file,
        place="criteria.labels",
    )
    c_rows = _need(crit, "matrix", file=file, where="criteria.matrix", fix="add matrix.")
    a_labels = check_labels(
        _need(alts, "labels", file=file, where="alternatives.labels", fix="add labels."),
        file=file,
        place="alternatives.labels",
    )
    mats = _need(
        alts,
        "matrices",
        file=file,
        where="alternatives.matrices",
        fix="add [alternatives.matrices] with one matrix per criterion.",
    )
    if not isinstance(mats, dict):
        raise CoopselectError(
            "'alternatives.matrices' must be a table keyed by criterion.",
            file=file,
            place="alternatives.matrices",
            fix="write [alternatives.matrices] then one line per criterion.",
        )
    extra = [k for k in mats if k not in c_labels]
    if extra:
        raise CoopselectError(
            f"{extra[0]!r} is not a criterion label ({', '.join(c_labels)}).",
            file=file,
            place=f"alternatives.matrices.{extra[0]}",
            fix="key each matrix by one of the criteria labels.",
        )
    missing = [c for c in c_labels if c not in mats]
    if missing:
        raise CoopselectError(
            f"no matrix of alternatives for criterion {missing[0]!r}.",
            file=file,
            place=f"alternatives.matrices.{missing[0]}",
            fix="compare the alternatives under every criterion.",
        )
    # The work of every matrix together, before any is parsed (each one alone is capped too).
    ahp_file_work([len(c_labels)] + [len(a_labels)] * len(c_labels), file=file, place="criteria")
    c_matrix = parse_matrix(c_rows, c_labels, file=file, place="criteria.matrix")
    matrices = {
        c: parse_matrix(mats[c], a_labels, file=file, place=f"alternatives.matrices.{c}")
        for c in c_labels
    }
    return HierarchyInput(c_labels, c_matrix, a_labels, matrices)


def load(path: str | Path) -> AhpInput:
    """Read and check an AHP input file."""
    return parse_document(read_document(path), file=str(path))
