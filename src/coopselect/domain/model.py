"""Validated domain objects: criteria hierarchy, cooperation modes, cases.

Loaders in ``coopselect.io`` build these from files; everything downstream reads only these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from coopselect.i18n import pick
from coopselect.messages import Text


class WeightPreset(StrEnum):
    """How the criterion weights are set (scoring.weights.PRESETS says what each one means)."""

    ahp = "ahp"
    fraser = "fraser"
    equal = "equal"
    custom = "custom"


@dataclass(frozen=True)
class Named:
    id: str
    name_en: str
    name_zh: str

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


@dataclass(frozen=True)
class Indicator(Named):
    dataset: str
    direction: Literal["benefit", "cost"]
    scale: str | tuple[float, float]
    code: str | None = None
    year: int | None = None
    edition: str | None = None
    measure: str | None = None
    tiers: dict[str, float] | None = None  # alliance status -> raw value (dataset "msp")
    tiers_reason: str = ""
    tiers_reason_zh: str = ""

    def tiers_reason_in(self, lang: str) -> str:
        return pick(self.tiers_reason, self.tiers_reason_zh, lang)


@dataclass(frozen=True)
class Judgment:
    """One pairwise judgment: ``a`` is ``value`` times as important as ``b`` (Saaty 1-9)."""

    a: str
    b: str
    value: float
    text: str
    reason: str = ""
    reason_zh: str = ""  # "" = none given: Chinese output shows the English reason

    def reason_in(self, lang: str) -> str:
        return pick(self.reason, self.reason_zh, lang)


@dataclass(frozen=True)
class SubCriterion(Named):
    criterion: str
    indicators: tuple[str, ...]


@dataclass(frozen=True)
class Criterion(Named):
    measures: str
    subcriteria: tuple[str, ...]


@dataclass(frozen=True)
class Hierarchy(Named):
    criteria: tuple[Criterion, ...]
    subcriteria: dict[str, SubCriterion]
    indicators: dict[str, Indicator]
    judgments: tuple[Judgment, ...]
    subjudgments: dict[str, tuple[Judgment, ...]]
    judgment_basis: str = ""
    path: Path | None = None
    judgments_path: Path | None = None  # where the top-level judgments came from, if not ``path``
    judgment_basis_zh: str = ""

    def judgment_basis_in(self, lang: str) -> str:
        return pick(self.judgment_basis, self.judgment_basis_zh, lang)

    @property
    def criterion_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.criteria)

    def criterion(self, cid: str) -> Criterion:
        return next(c for c in self.criteria if c.id == cid)


@dataclass(frozen=True)
class Judged:
    """One analyst-judged number with its reason (criteria/modes.toml)."""

    value: float
    reason: str
    reason_zh: str = ""  # "" = none given: Chinese output shows the English reason

    def reason_in(self, lang: str) -> str:
        return pick(self.reason, self.reason_zh, lang)


# A mode's intrinsic attributes are rated on this scale (criteria/modes.toml [attributes]).
ATTRIBUTE_SCALE = (1.0, 5.0)


@dataclass(frozen=True)
class Attribute(Named):
    direction: Literal["benefit", "cost"]
    scale: str  # what the ends of ATTRIBUTE_SCALE mean for this attribute
    scale_zh: str = ""

    def scale_in(self, lang: str) -> str:
        return pick(self.scale, self.scale_zh, lang)


@dataclass(frozen=True)
class Mode(Named):
    description_en: str
    description_zh: str
    source: str
    profile: dict[str, Judged]  # PROFILE_KEYS -> judged value in [0, 1]
    barrier_response: dict[str, Judged]  # BARRIERS -> judged value in [-1, 1]
    intrinsic: dict[str, float]
    intrinsic_reasons: dict[str, str] = field(default_factory=dict)
    intrinsic_reasons_zh: dict[str, str] = field(default_factory=dict)
    source_zh: str = ""

    def description(self, lang: str) -> str:
        return self.description_zh if lang == "zh" else self.description_en

    def intrinsic_reason(self, attribute: str, lang: str) -> str:
        """Why the mode has its rating of ``attribute`` ("" when the file gives no reason)."""
        en = self.intrinsic_reasons.get(attribute, "")
        return pick(en, self.intrinsic_reasons_zh.get(attribute, ""), lang) if en else ""

    def source_in(self, lang: str) -> str:
        return pick(self.source, self.source_zh, lang)

    def p(self, key: str) -> float:
        return self.profile[key].value

    def h(self, barrier: str) -> float:
        return self.barrier_response[barrier].value


@dataclass(frozen=True)
class ModelSettings:
    """The pair model's own stated constants (criteria/modes.toml [model]), each with its reason."""

    floor_share: float
    floor_reason: str
    cap_share: float  # the share of world that reaches 1 on the supply scale (v3)
    cap_reason: str
    unlisted_fraction: float
    unlisted_reason: str
    tech_dataset: str
    tech_year: int
    tech_reference: str
    tech_widest_ratio: float
    tech_reason: str
    # host -> (judged technology gap in [0, 1], reason): labelled judgments that replace the GDP
    # proxy where a seed says more (criteria/modes.toml [model.technology_judgments])
    tech_judgments: dict[str, tuple[float, str]]
    alliance_screening: dict[str, float]  # tier -> screening floor
    alliance_reason: str
    # The Chinese texts of the reasons above, by the reason's name without "_reason" ("floor",
    # "cap", "unlisted", "tech", "alliance") and, for a technology judgment, "tech.ISO3".
    reasons_zh: dict[str, str] = field(default_factory=dict)

    def reason(self, name: str, lang: str) -> str:
        """The reason ``name`` ("floor", "cap", "unlisted", "tech", "alliance" or "tech.ISO3")."""
        if name.startswith("tech."):
            en = self.tech_judgments[name[5:]][1]
        else:
            en = getattr(self, f"{name}_reason")
        return pick(en, self.reasons_zh.get(name, ""), lang)


@dataclass(frozen=True)
class ModeCatalog:
    attributes: dict[str, Attribute]
    modes: tuple[Mode, ...]
    model: ModelSettings
    path: Path | None = None

    def get(self, mode_id: str) -> Mode:
        return next(m for m in self.modes if m.id == mode_id)


@dataclass(frozen=True)
class MissingPolicy:
    policy: Literal["fail", "exclude", "impute"]
    rule: Literal["worst", "median"] | None
    usgs_unlisted: Literal["below_smallest", "zero", "fail"]
    # (host, mineral) pairs a cited source names as held by the host: with "below_smallest" only
    # these are estimated, every other unlisted pair counts as zero. None = estimate every pair.
    unlisted_known: dict[str, frozenset[str]] | None = None
    unlisted_known_source: str = ""


@dataclass(frozen=True)
class Override:
    """A what-if: set a host feature (in [0, 1]) or a raw indicator (in its own units)."""

    country: str
    feature: str  # a HOST_FEATURES name or an indicator id of the hierarchy
    value: float


@dataclass(frozen=True)
class Scenario:
    id: str
    title_en: str
    title_zh: str
    settings: tuple[Override, ...]
    reason: str = ""
    reason_zh: str = ""

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def reason_in(self, lang: str) -> str:
        return pick(self.reason, self.reason_zh, lang)


@dataclass(frozen=True)
class MineralSelection:
    ids: tuple[str, ...]
    weighting: str
    weights: dict[str, float]  # normalised to sum 1
    basis: str
    basis_zh: str = ""

    def basis_in(self, lang: str) -> str:
        return pick(self.basis, self.basis_zh, lang)


@dataclass(frozen=True)
class ModeAttributeWeights:
    share: float
    weights: dict[str, float]  # normalised to sum 1 (empty when share == 0)
    basis: str
    basis_zh: str = ""

    def basis_in(self, lang: str) -> str:
        return pick(self.basis, self.basis_zh, lang)


@dataclass(frozen=True)
class Case:
    id: str
    title_en: str
    title_zh: str
    description_en: str
    description_zh: str
    citations: tuple[str, ...]
    countries: tuple[str, ...]
    modes: tuple[str, ...]
    hierarchy: Hierarchy
    catalog: ModeCatalog
    method: str
    method_params: dict[str, Any]
    weights_preset: str
    minerals: MineralSelection
    missing: MissingPolicy
    mode_attributes: ModeAttributeWeights
    judgments_basis: str
    custom_weights: dict[str, float] = field(default_factory=dict)
    custom_weights_basis: str = ""
    policy_date: str = ""  # ISO date the barrier table is read at ("" = the table's review date)
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    defaults: tuple[Text, ...] = ()  # what the file left out and the default used, in words
    path: Path | None = None
    judgments_basis_zh: str = ""
    custom_weights_basis_zh: str = ""
    citations_zh: tuple[str, ...] = ()

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def judgments_basis_in(self, lang: str) -> str:
        return pick(self.judgments_basis, self.judgments_basis_zh, lang)

    def custom_weights_basis_in(self, lang: str) -> str:
        return pick(self.custom_weights_basis, self.custom_weights_basis_zh, lang)

    def citations_in(self, lang: str) -> tuple[str, ...]:
        return self.citations_zh if lang == "zh" and self.citations_zh else self.citations
