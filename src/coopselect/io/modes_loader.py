"""Load the cooperation-mode profiles (criteria/modes.toml)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from coopselect.domain.model import Attribute, Dependence, Mode, ModeCatalog
from coopselect.errors import CoopselectError
from coopselect.io.files import read_toml
from coopselect.io.schema import ModesFile, validate


def load_modes(path: str | Path, criterion_ids: Sequence[str]) -> ModeCatalog:
    path = Path(path)
    file = str(path)
    spec: ModesFile = validate(ModesFile, read_toml(path), file)
    attributes = {
        aid: Attribute(aid, a.name_en, a.name_zh, a.direction, a.scale)
        for aid, a in spec.attributes.items()
    }
    modes = []
    seen: set[str] = set()
    for m in spec.modes:
        place = f"modes[id={m.id!r}]"
        if m.id in seen:
            raise CoopselectError("mode id used twice.", file=file, place=place, fix="rename one.")
        seen.add(m.id)
        missing = [c for c in criterion_ids if c not in m.dependence]
        if missing:
            raise CoopselectError(
                f"no dependence given for criterion {missing[0]!r}.",
                file=file,
                place=f"{place}.dependence",
                fix=f"add [modes.dependence.{missing[0]}] with value, kind and reason.",
            )
        unknown = [c for c in m.dependence if c not in criterion_ids]
        if unknown:
            raise CoopselectError(
                f"{unknown[0]!r} is not a criterion of the hierarchy.",
                file=file,
                place=f"{place}.dependence",
                fix=f"use {', '.join(criterion_ids)}.",
            )
        for aid in attributes:
            if aid not in m.intrinsic:
                raise CoopselectError(
                    f"attribute {aid!r} has no value.",
                    file=file,
                    place=f"{place}.intrinsic",
                    fix=f"add {aid} = <1..5>.",
                )
        for aid, v in m.intrinsic.items():
            if aid not in attributes:
                raise CoopselectError(
                    f"{aid!r} is not a declared attribute.",
                    file=file,
                    place=f"{place}.intrinsic",
                    fix="declare it under [attributes] or remove it.",
                )
            if not 1 <= v <= 5:
                raise CoopselectError(
                    f"value {v} is outside the 1-5 scale.",
                    file=file,
                    place=f"{place}.intrinsic.{aid}",
                    fix="use a value from 1 to 5.",
                )
        modes.append(
            Mode(
                m.id,
                m.name_en,
                m.name_zh,
                m.description_en,
                m.description_zh,
                m.source,
                {c: Dependence(d.value, d.kind, d.reason) for c, d in m.dependence.items()},
                dict(m.intrinsic),
                dict(m.intrinsic_reasons),
            )
        )
    return ModeCatalog(attributes, tuple(modes), path)
