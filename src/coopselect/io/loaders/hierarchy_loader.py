"""Load a criteria hierarchy file (criteria/*.toml) into a validated ``Hierarchy``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from coopselect.domain.model import Criterion, Hierarchy, Indicator, Judgment, SubCriterion
from coopselect.errors import CoopselectError
from coopselect.io.data.sources import indicator_datasets, needs_code
from coopselect.io.files import read_toml
from coopselect.io.loaders.judgments import build_judgments
from coopselect.io.loaders.schema import CriteriaFile, validate
from coopselect.limits import ahp_file_work


def load_hierarchy(path: str | Path) -> Hierarchy:
    path = Path(path)
    file = str(path)
    spec: CriteriaFile = validate(CriteriaFile, read_toml(path), file)

    crit_ids = [c.id for c in spec.criteria]
    # The AHP work of every judgment matrix of the file together (one per level), before any.
    ahp_file_work(
        [len(crit_ids)] + [len(c.subcriteria) for c in spec.criteria], file=file, place="criteria"
    )
    _unique(crit_ids, file, "criteria")
    _unique([s.id for s in spec.subcriteria], file, "subcriteria")
    subs = {s.id: s for s in spec.subcriteria}

    for c in spec.criteria:
        for sid in c.subcriteria:
            if sid not in subs:
                raise CoopselectError(
                    f"sub-criterion {sid!r} is not defined.",
                    file=file,
                    place=f"criteria[id={c.id!r}].subcriteria",
                    fix="add a [[subcriteria]] entry with this id, or remove it from the list.",
                )
            if subs[sid].criterion != c.id:
                raise CoopselectError(
                    f"sub-criterion {sid!r} says it belongs to {subs[sid].criterion!r}.",
                    file=file,
                    place=f"subcriteria[id={sid!r}].criterion",
                    fix=f"set criterion = {c.id!r}.",
                )
    for s in spec.subcriteria:
        if s.criterion not in crit_ids:
            raise CoopselectError(
                f"criterion {s.criterion!r} is not defined.",
                file=file,
                place=f"subcriteria[id={s.id!r}].criterion",
                fix=f"use one of {', '.join(crit_ids)}.",
            )
        if not any(s.id in c.subcriteria for c in spec.criteria):
            raise CoopselectError(
                "sub-criterion is not listed by its criterion.",
                file=file,
                place=f"subcriteria[id={s.id!r}]",
                fix=f"add it to criteria {s.criterion!r}.subcriteria.",
            )
        for ind_id in s.indicators:
            if ind_id not in spec.indicators:
                raise CoopselectError(
                    f"indicator {ind_id!r} is not defined.",
                    file=file,
                    place=f"subcriteria[id={s.id!r}].indicators",
                    fix=f"add an [indicators.{ind_id}] table, or remove it.",
                )

    indicators = {}
    for iid, ind in spec.indicators.items():
        scale = ind.scale if isinstance(ind.scale, str) else (ind.scale[0], ind.scale[1])
        if isinstance(scale, tuple) and not scale[0] < scale[1]:
            raise CoopselectError(
                f"scale {list(scale)} needs lower < upper.",
                file=file,
                place=f"indicators.{iid}.scale",
                fix="write [lower, upper], two finite numbers within +-1e12, lower first.",
            )
        known = indicator_datasets()
        if ind.dataset not in known:
            raise CoopselectError(
                f"unknown dataset {ind.dataset!r}.",
                file=file,
                place=f"indicators.{iid}.dataset",
                fix=f"use one of {', '.join(known)} (coopselect data sources lists them).",
            )
        if needs_code(ind.dataset) and not ind.code:
            raise CoopselectError(
                f"dataset {ind.dataset!r} needs a code.",
                file=file,
                place=f"indicators.{iid}.code",
                fix='name the indicator column, e.g. code = "rl" for WGI rule of law.',
            )
        if ind.dataset == "usgs" and not ind.measure:
            raise CoopselectError(
                'dataset \'usgs\' needs measure = "reserves" or "production".',
                file=file,
                place=f"indicators.{iid}.measure",
                fix="add the measure.",
            )
        if scale == "log_share" and ind.dataset != "usgs":
            raise CoopselectError(
                'scale "log_share" applies to USGS shares only.',
                file=file,
                place=f"indicators.{iid}.scale",
                fix='use [lower, upper] bounds, or dataset = "usgs".',
            )
        if ind.dataset == "msp" and ind.tiers is None:
            raise CoopselectError(
                "dataset 'msp' needs tiers: the raw value of each alliance status.",
                file=file,
                place=f"indicators.{iid}.tiers",
                fix="add tiers = { core = ..., forum = ..., courted = ..., none = ... } and "
                "tiers_reason.",
            )
        if ind.tiers is not None and isinstance(scale, tuple):
            for tier, value in ind.tiers.items():
                if not scale[0] <= value <= scale[1]:
                    raise CoopselectError(
                        f"tier {tier} = {value:g} is outside the indicator's scale "
                        f"[{scale[0]:g}, {scale[1]:g}].",
                        file=file,
                        place=f"indicators.{iid}.tiers.{tier}",
                        fix=f"give a value from {scale[0]:g} to {scale[1]:g}.",
                    )
        if ind.tiers is not None and (len(ind.tiers) != 4 or not ind.tiers_reason.strip()):
            raise CoopselectError(
                "tiers need a value for core, forum, courted and none, and a tiers_reason.",
                file=file,
                place=f"indicators.{iid}.tiers",
                fix="give all four values and say why in tiers_reason.",
            )
        indicators[iid] = Indicator(
            iid,
            ind.name_en,
            ind.name_zh,
            ind.dataset,
            ind.direction,
            scale,
            ind.code,
            ind.year,
            ind.edition,
            ind.measure,
            {str(k): v for k, v in ind.tiers.items()} if ind.tiers is not None else None,
            ind.tiers_reason,
            ind.tiers_reason_zh,
        )

    judgments = with_zh(
        build_judgments(spec.judgments, crit_ids, file=file, where="judgments"), spec.judgments
    )
    subjudgments = {}
    for c in spec.criteria:
        mine = [j for j in spec.subjudgments if j.criterion == c.id]
        subjudgments[c.id] = with_zh(
            build_judgments(
                mine, list(c.subcriteria), file=file, where=f"subjudgments (criterion {c.id})"
            ),
            mine,
        )
    for j in spec.subjudgments:
        if j.criterion not in crit_ids:
            raise CoopselectError(
                f"criterion {j.criterion!r} is not defined.",
                file=file,
                place="subjudgments",
                fix=f"use one of {', '.join(crit_ids)}.",
            )

    return Hierarchy(
        id=spec.hierarchy.id,
        name_en=spec.hierarchy.name_en,
        name_zh=spec.hierarchy.name_zh,
        criteria=tuple(
            Criterion(c.id, c.name_en, c.name_zh, c.measures, tuple(c.subcriteria))
            for c in spec.criteria
        ),
        subcriteria={
            s.id: SubCriterion(s.id, s.name_en, s.name_zh, s.criterion, tuple(s.indicators))
            for s in spec.subcriteria
        },
        indicators=indicators,
        judgments=judgments,
        subjudgments=subjudgments,
        judgment_basis=spec.hierarchy.judgment_basis,
        path=path,
        judgment_basis_zh=spec.hierarchy.judgment_basis_zh,
    )


def with_zh(judgments: tuple[Judgment, ...], specs: Sequence[object]) -> tuple[Judgment, ...]:
    """``judgments`` (built from ``specs``, in their order) with each spec's ``reason_zh``."""
    return tuple(
        replace(j, reason_zh=getattr(s, "reason_zh", "") or "")
        for j, s in zip(judgments, specs, strict=True)
    )


def _unique(ids: list[str], file: str, where: str) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise CoopselectError(
                f"id {i!r} is used twice.",
                file=file,
                place=where,
                fix="give every entry its own id.",
            )
        seen.add(i)
