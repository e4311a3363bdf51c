"""Load the cooperation-mode profiles and the pair model's constants (criteria/modes.toml)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from coopselect.domain.features import BARRIERS, PROFILE_KEYS
from coopselect.domain.model import (
    ATTRIBUTE_SCALE,
    Attribute,
    Judged,
    Mode,
    ModeCatalog,
    ModelSettings,
)
from coopselect.errors import CoopselectError
from coopselect.io.files import read_toml
from coopselect.io.loaders.schema import JudgedSpec, ModesFile, ModeSpec, _Strict, validate

# The profile keys that share a budget: a mode cannot capture more than the whole endowment, nor
# serve more than the whole demand.
_BUDGETS = (
    (("capture_production", "capture_reserves", "capture_potential"), "capture"),
    (("serves_technology", "serves_infrastructure"), "service"),
)


def load_modes(path: str | Path) -> ModeCatalog:
    path = Path(path)
    file = str(path)
    raw = read_toml(path)
    v3 = _v3_model(raw, file)
    spec: ModesFile = validate(ModesFile, raw, file)
    attributes = {
        aid: Attribute(aid, a.name_en, a.name_zh, a.direction, a.scale, a.scale_zh)
        for aid, a in spec.attributes.items()
    }
    modes = []
    seen: set[str] = set()
    for m in spec.modes:
        place = f"modes[id={m.id!r}]"
        if m.id in seen:
            raise CoopselectError("mode id used twice.", file=file, place=place, fix="rename one.")
        seen.add(m.id)
        profile = _judged(m.profile, PROFILE_KEYS, (0.0, 1.0), file, f"{place}.profile")
        response = _judged(
            m.barrier_response, BARRIERS, (-1.0, 1.0), file, f"{place}.barrier_response"
        )
        for keys, what in _BUDGETS:
            total = sum(profile[k].value for k in keys)
            if total > 1.0 + 1e-12:
                raise CoopselectError(
                    f"{' + '.join(keys)} = {total:g} exceeds 1.",
                    file=file,
                    place=f"{place}.profile",
                    fix=f"a mode's {what} shares must sum to at most 1.",
                )
        _intrinsic(m, attributes, file, place)
        modes.append(
            Mode(
                m.id,
                m.name_en,
                m.name_zh,
                m.description_en,
                m.description_zh,
                m.source,
                profile,
                response,
                dict(m.intrinsic),
                dict(m.intrinsic_reasons),
                dict(m.intrinsic_reasons_zh),
                m.source_zh,
            )
        )
    ms = spec.model
    model = ModelSettings(
        floor_share=ms.endowment_scale.floor_share,
        floor_reason=ms.endowment_scale.reason,
        cap_share=v3.supply_scale.cap_share,
        cap_reason=v3.supply_scale.reason,
        unlisted_fraction=ms.unlisted.fraction_of_smallest,
        unlisted_reason=ms.unlisted.reason,
        tech_dataset=ms.technology_gap.dataset,
        tech_year=ms.technology_gap.year,
        tech_reference=ms.technology_gap.reference,
        tech_widest_ratio=ms.technology_gap.widest_ratio,
        tech_reason=ms.technology_gap.reason,
        tech_judgments={k: (j.value, j.reason) for k, j in v3.technology_judgments.items()},
        alliance_screening={
            "core": ms.alliance_screening.core,
            "forum": ms.alliance_screening.forum,
            "courted": ms.alliance_screening.courted,
            "none": ms.alliance_screening.none,
        },
        alliance_reason=ms.alliance_screening.reason,
        reasons_zh={
            name: zh
            for name, zh in [
                ("floor", ms.endowment_scale.reason_zh),
                ("cap", v3.supply_scale.reason_zh),
                ("unlisted", ms.unlisted.reason_zh),
                ("tech", ms.technology_gap.reason_zh),
                ("alliance", ms.alliance_screening.reason_zh),
            ]
            + [(f"tech.{k}", j.reason_zh) for k, j in v3.technology_judgments.items()]
            if zh
        },
    )
    return ModeCatalog(attributes, tuple(modes), model, path)


class SupplyScaleSpec(_Strict):
    cap_share: float = Field(gt=0.0, le=1.0)
    reason: str = Field(min_length=1)
    reason_zh: str = ""


class TechJudgmentSpec(_Strict):
    value: float = Field(ge=0.0, le=1.0)
    reason: str = Field(min_length=1)
    reason_zh: str = ""


class V3ModelSpec(_Strict):
    supply_scale: SupplyScaleSpec
    technology_judgments: dict[str, TechJudgmentSpec] = Field(default_factory=dict)


def _v3_model(raw: dict, file: str) -> V3ModelSpec:
    """The pair model v3's [model] additions, checked here and taken out of ``raw`` before the
    file is validated against schema.ModesFile (whose [model] table is version 2's: version = 2,
    no supply_scale). ``version = 3`` is required; 2 is refused with the fix."""
    model = raw.get("model")
    if not isinstance(model, dict):
        return validate(V3ModelSpec, {}, file)  # the one message for a missing table
    version = model.get("version")
    if version != 3:
        raise CoopselectError(
            f"mode profiles of version {version!r}; this coopselect reads version 3.",
            file=file,
            place="model.version",
            fix="start from the bundled criteria/modes.toml (pair model v3: capture_potential, "
            "[model.supply_scale]).",
        )
    model["version"] = 2  # schema.ModelSpec's literal; the v3 keys are checked here
    extra = {k: model.pop(k) for k in ("supply_scale", "technology_judgments") if k in model}
    spec = validate(V3ModelSpec, extra, f"{file} [model]")
    from coopselect.io.data import reference

    for iso in spec.technology_judgments:
        if iso not in reference.countries():
            raise CoopselectError(
                f"unknown country code {iso!r}.",
                file=file,
                place=f"model.technology_judgments.{iso}",
                fix="use an ISO3 code of data/countries.csv.",
            )
    return spec


def _judged(
    table: dict[str, JudgedSpec],
    keys: tuple[str, ...],
    bounds: tuple[float, float],
    file: str,
    place: str,
) -> dict[str, Judged]:
    for k in table:
        if k not in keys:
            import difflib

            close = difflib.get_close_matches(k, keys, n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            raise CoopselectError(
                f"{k!r} is not a known key.{hint}",
                file=file,
                place=place,
                fix=f"use {', '.join(keys)}.",
            )
    for k in keys:
        if k not in table:
            raise CoopselectError(
                f"{k!r} has no value.",
                file=file,
                place=place,
                fix=f'add {k} = {{ value = <number>, reason = "..." }}.',
            )
    lo, hi = bounds
    for k, j in table.items():
        if not lo <= j.value <= hi:
            raise CoopselectError(
                f"value {j.value} is outside [{lo:g}, {hi:g}].",
                file=file,
                place=f"{place}.{k}",
                fix=f"use a value from {lo:g} to {hi:g}.",
            )
    return {k: Judged(table[k].value, table[k].reason, table[k].reason_zh) for k in keys}


def _intrinsic(m: ModeSpec, attributes: dict[str, Attribute], file: str, place: str) -> None:
    for aid in attributes:
        if aid not in m.intrinsic:
            raise CoopselectError(
                f"attribute {aid!r} has no value.",
                file=file,
                place=f"{place}.intrinsic",
                fix=f"add {aid} = <{ATTRIBUTE_SCALE[0]:g}..{ATTRIBUTE_SCALE[1]:g}>.",
            )
    for aid, v in m.intrinsic.items():
        if aid not in attributes:
            raise CoopselectError(
                f"{aid!r} is not a declared attribute.",
                file=file,
                place=f"{place}.intrinsic",
                fix="declare it under [attributes] or remove it.",
            )
        lo, hi = ATTRIBUTE_SCALE
        if not lo <= v <= hi:
            raise CoopselectError(
                f"value {v} is outside the {lo:g}-{hi:g} scale.",
                file=file,
                place=f"{place}.intrinsic.{aid}",
                fix=f"use a value from {lo:g} to {hi:g}.",
            )
