"""The judgment matrices in force in a criteria hierarchy (a criteria file, or a case whose own
``[[judgments]]`` replace the top level): each matrix with its given and completed judgments,
weights, CR and worst judgment, as plain data (JSON-ready). Nothing here prints.

The weights are those the ranking uses (:func:`coopselect.scoring.weights.ahp_weights`: principal
eigenvector, Saaty's 1980 random index; a missing judgment completed by Harker's method).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coopselect.domain.model import Hierarchy, Judgment
from coopselect.errors import CoopselectError
from coopselect.io.loaders.judgments import judgment_matrix
from coopselect.pairwise.consistency import CR_THRESHOLD as CR_LIMIT
from coopselect.pairwise.consistency import nearest_saaty
from coopselect.pairwise.priorities import priorities

if TYPE_CHECKING:
    from coopselect.messages import Message


def fraction_text(value: float) -> str:
    """A judgment as written: "3", "1/3", else three significant digits."""
    for k in range(1, 10):
        if abs(value - k) < 1e-9:
            return str(k)
        if abs(value - 1.0 / k) < 1e-9:
            return f"1/{k}"
    return f"{value:.3g}"


def completed_note(a: str, b: str, value: float, lang: str = "en") -> str:
    """The sentence every output gives for a completed judgment (``a`` and ``b``: the names in
    ``lang``; completed under the eigenvector method the ranking uses, by Harker's method)."""
    from coopselect.messages import message, render

    return render(message("ahp.completed", a=a, b=b, value=fraction_text(value)), lang)


def matrix_in_force(
    ids: tuple[str, ...] | list[str],
    names: dict[str, tuple[str, str]],
    judgments: tuple[Judgment, ...],
    *,
    level: str,
    criterion: str | None,
    source: str | None,
) -> dict[str, Any]:
    """One judgment matrix: ``names`` maps an id to (name_en, name_zh)."""
    ids = list(ids)
    place = "judgments" if criterion is None else f"subjudgments (criterion {criterion})"
    out: dict[str, Any] = {
        "level": level,
        "criterion": criterion,
        "source": source,
        "ids": ids,
        "names_en": [names.get(i, (i, i))[0] for i in ids],
        "names_zh": [names.get(i, (i, i))[1] for i in ids],
        "judgments": [
            {
                "a": j.a,
                "b": j.b,
                "value": float(j.value),
                "text": j.text,
                "reason": j.reason,
                "reason_zh": j.reason_zh,
                "status": "given",
            }
            for j in judgments
        ],
    }
    if len(ids) < 2:
        out.update(
            matrix=[[1.0]] if ids else [],
            completed=[],
            weights=[1.0] * len(ids),
            cr=0.0,
            lambda_max=float(len(ids)),
            consistent=True,
            worst=None,
        )
        return out
    m = judgment_matrix(judgments, ids)
    res = priorities(m, "eigen", "saaty1980", labels=ids, file=source, place=place)
    full = res.matrix if res.matrix is not None else m
    completed = []
    for f in res.completed:
        if f.row > f.col:
            continue
        a, b = ids[f.row], ids[f.col]
        completed.append(
            {
                "a": a,
                "b": b,
                "value": float(f.value),
                "text": fraction_text(float(f.value)),
                "nearest_saaty": str(nearest_saaty(float(f.value))),
                "method": "harker1987",
                "note_en": completed_note(a, b, float(f.value), "en"),
                "note_zh": completed_note(a, b, float(f.value), "zh"),
            }
        )
        out["judgments"].append(
            {
                "a": a,
                "b": b,
                "value": float(f.value),
                "text": fraction_text(float(f.value)),
                "reason": "",
                "status": "completed",
            }
        )
    worst = None
    mi = res.most_inconsistent
    if mi is not None:
        a, b = ids[mi.row], ids[mi.col]
        written = next(
            (j for j in judgments if {j.a, j.b} == {a, b}),
            None,
        )
        # The file's orientation: a judgment written "b vs a" gets the reciprocal suggestion.
        flip = written is not None and written.a == b
        saaty = nearest_saaty(mi.suggested)
        worst = {
            "a": a,
            "b": b,
            "value": float(mi.a_ij),
            "epsilon": float(mi.epsilon),
            "suggested": float(mi.suggested),
            "suggested_saaty": mi.suggested_saaty,
            "given": written is not None,
            "file_a": b if flip else a,
            "file_b": a if flip else b,
            "file_suggested_saaty": str(1 / saaty if flip else saaty),
        }
    out.update(
        matrix=[[float(v) for v in row] for row in full],
        completed=completed,
        weights=[float(w) for w in res.weights],
        cr=float(res.cr),
        lambda_max=float(res.lambda_max),
        consistent=bool(res.consistent),
        worst=worst,
    )
    return out


def hierarchy_in_force(hierarchy: Hierarchy, criterion: str | None = None) -> list[dict[str, Any]]:
    """The top-level matrix and every sub-criterion matrix of more than one item; with
    ``criterion``, only that one ("criteria" for the top level)."""
    file = str(hierarchy.path) if hierarchy.path else None
    top_file = str(hierarchy.judgments_path) if hierarchy.judgments_path else file
    ids = hierarchy.criterion_ids
    known = ("criteria", *ids)
    if criterion is not None and criterion not in known:
        raise CoopselectError(
            f"no criterion {criterion!r}.",
            file=file,
            place="--criterion",
            fix=f"use one of {', '.join(known)}.",
        )
    names = {c.id: (c.name_en, c.name_zh) for c in hierarchy.criteria}
    out = []
    if criterion in (None, "criteria"):
        out.append(
            matrix_in_force(
                ids, names, hierarchy.judgments, level="criteria", criterion=None, source=top_file
            )
        )
    sub_names = {s.id: (s.name_en, s.name_zh) for s in hierarchy.subcriteria.values()}
    for c in hierarchy.criteria:
        if criterion not in (None, c.id):
            continue
        if criterion is None and len(c.subcriteria) < 2:
            continue
        out.append(
            matrix_in_force(
                c.subcriteria,
                sub_names,
                hierarchy.subjudgments.get(c.id, ()),
                level="subcriteria",
                criterion=c.id,
                source=file,
            )
        )
    return out


def _names(hierarchy: Hierarchy, matrix: str) -> dict[str, tuple[str, str]]:
    if matrix == "criteria":
        return {c.id: (c.name_en, c.name_zh) for c in hierarchy.criteria}
    return {s.id: (s.name_en, s.name_zh) for s in hierarchy.subcriteria.values()}


def _judgment_messages(weights: Any, hierarchy: Hierarchy) -> dict[str, list[tuple[dict, Message]]]:
    """The facts of :func:`judgment_facts`, each with its note as a message."""
    from coopselect.i18n import Label
    from coopselect.messages import message

    summaries = [("criteria", weights.top)] if weights.preset == "ahp" else []
    summaries += [(c, s) for c, s in weights.local.items() if len(s.labels) > 1]
    completed: list[tuple[dict, Message]] = []
    worst: list[tuple[dict, Message]] = []
    for matrix, s in summaries:
        names = _names(hierarchy, matrix)
        name = {i: Label(names.get(i, (i, i))[1], names.get(i, (i, i))[0]) for i in s.labels}
        where = (
            message("ahp.matrix.criteria")
            if matrix == "criteria"
            else message("ahp.matrix.sub", criterion=matrix)
        )
        for f in s.completed:
            a, b, v = s.labels[f.row], s.labels[f.col], float(f.value)
            fact = {"matrix": matrix, "a": a, "b": b, "value": v, "text": fraction_text(v)}
            what = message("ahp.completed", a=name[a], b=name[b], value=fraction_text(v))
            completed.append((fact, message("ahp.completed_note", matrix=where, completed=what)))
        mi = s.most_inconsistent
        if mi is not None and s.cr > CR_LIMIT:
            a, b = s.labels[mi.row], s.labels[mi.col]
            fact = {
                "matrix": matrix,
                "cr": float(s.cr),
                "a": a,
                "b": b,
                "value": float(mi.a_ij),
                "suggested": float(mi.suggested),
                "suggested_saaty": mi.suggested_saaty,
            }
            note = message(
                "ahp.worst",
                matrix=where,
                cr=float(s.cr),
                a=name[a],
                b=name[b],
                given=fraction_text(float(mi.a_ij)),
                suggested=float(mi.suggested),
                saaty=mi.suggested_saaty,
            )
            worst.append((fact, note))
    return {"completed": completed, "worst": worst}


def judgment_facts(weights: Any, hierarchy: Hierarchy) -> dict[str, list[dict[str, Any]]]:
    """The completed judgments and the worst judgment of every inconsistent matrix in use by a
    ranking. ``weights``: its criteria weights (``preset``, ``top``, ``local``, each summary
    with ``labels``, ``cr``, ``completed`` and ``most_inconsistent``); the top-level matrix counts
    only under the ``ahp`` preset. Each fact carries its note in both languages (``note_en``,
    ``note_zh``)."""
    from coopselect.messages import render

    return {
        kind: [
            {**fact, "note_en": render(note, "en"), "note_zh": render(note, "zh")}
            for fact, note in items
        ]
        for kind, items in _judgment_messages(weights, hierarchy).items()
    }


def group_note(basis: str, basis_zh: str = "") -> Message | None:
    """The note of a case whose judgments aggregate several experts' ([[experts]]): the experts,
    their weights and own CRs, and the rule (AIJ or AIP); else None. ``basis`` and ``basis_zh``:
    the case's ``judgments_basis`` and ``judgments_basis_zh``."""
    from coopselect.i18n import Label
    from coopselect.io.loaders.experts import basis_rule
    from coopselect.messages import message

    if basis_rule(basis) is None:
        return None
    return message("ahp.group", basis=Label(basis_zh, basis))


def weights_origin(preset: str, basis: str, lang: str = "en") -> str:
    """How the criteria weights were obtained, short, for a header: the preset, and under
    ``ahp`` with [[experts]] the number of experts and the rule (AIJ or AIP)."""
    from coopselect.io.loaders.experts import basis_rule

    group = basis_rule(basis) if preset == "ahp" else None
    if group is None:
        return preset
    from coopselect.messages import message, render

    count, rule = group
    return render(message("ahp.origin", preset=preset, count=count, rule=rule), lang)


def judgment_notes(
    weights: Any, hierarchy: Hierarchy, basis: str = "", basis_zh: str = ""
) -> list[Message]:
    """The notes of :func:`judgment_facts` for the pipeline, after the group note of a case with
    [[experts]] (``basis``, ``basis_zh``: the case's judgments basis)."""
    notes = _judgment_messages(weights, hierarchy)
    group = group_note(basis, basis_zh) if weights.preset == "ahp" else None
    out: list[Message] = [group] if group else []
    return out + [note for _, note in (*notes["worst"], *notes["completed"])]
