"""Schemas of the criteria, modes and case files (pydantic), and readable validation errors.

Unknown keys are rejected (a typo must not be silently ignored). A pydantic error becomes one
``CoopselectError`` naming the file, the key path and the fix.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from coopselect.domain.model import WeightPreset
from coopselect.errors import CoopselectError

Judgment = int | float | str  # a number or "a/b"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ---- criteria/*.toml --------------------------------------------------------------------------


class HierarchyMeta(_Strict):
    id: str
    name_en: str
    name_zh: str
    judgment_basis: str = ""


class CriterionSpec(_Strict):
    id: str
    name_en: str
    name_zh: str
    measures: Literal["lower_is_better", "higher_is_better"]
    subcriteria: list[str] = Field(min_length=1)


class JudgmentSpec(_Strict):
    a: str
    b: str
    value: Judgment
    reason: str = ""


class SubJudgmentSpec(JudgmentSpec):
    criterion: str


class SubCriterionSpec(_Strict):
    id: str
    criterion: str
    name_en: str
    name_zh: str
    indicators: list[str] = Field(min_length=1)


class IndicatorSpec(_Strict):
    name_en: str
    name_zh: str
    dataset: Literal["wgi", "lpi", "electricity", "epi", "usgs", "pacts", "msp"]
    code: str | None = None
    year: int | None = None
    edition: str | None = None
    measure: Literal["reserves", "production"] | None = None
    direction: Literal["benefit", "cost"]
    scale: (
        Literal["universe", "candidates", "log_share"]
        | Annotated[list[float], Field(min_length=2, max_length=2)]
    )
    tiers: dict[Literal["core", "forum", "courted", "none"], float] | None = None
    tiers_reason: str = ""


class CriteriaFile(_Strict):
    hierarchy: HierarchyMeta
    criteria: list[CriterionSpec] = Field(min_length=1)
    judgments: list[JudgmentSpec] = []
    subcriteria: list[SubCriterionSpec] = Field(min_length=1)
    subjudgments: list[SubJudgmentSpec] = []
    indicators: dict[str, IndicatorSpec]


# ---- criteria/modes.toml ----------------------------------------------------------------------


class AttributeSpec(_Strict):
    name_en: str
    name_zh: str
    direction: Literal["benefit", "cost"]
    scale: str


class JudgedSpec(_Strict):
    value: float
    reason: str = Field(min_length=1)


class ModeSpec(_Strict):
    id: str
    name_zh: str
    name_en: str
    description_en: str
    description_zh: str
    source: str = ""
    profile: dict[str, JudgedSpec]
    barrier_response: dict[str, JudgedSpec]
    intrinsic: dict[str, float]
    intrinsic_reasons: dict[str, str] = {}


class EndowmentScaleSpec(_Strict):
    floor_share: float = Field(gt=0.0, lt=1.0)
    reason: str = Field(min_length=1)


class UnlistedSpec(_Strict):
    fraction_of_smallest: float = Field(gt=0.0, le=1.0)
    reason: str = Field(min_length=1)


class TechnologyGapSpec(_Strict):
    dataset: Literal["gdp_per_capita"]
    year: int
    reference: str = Field(min_length=3, max_length=3)
    widest_ratio: float = Field(gt=1.0)
    reason: str = Field(min_length=1)


class AllianceScreeningSpec(_Strict):
    core: float = Field(ge=0.0, le=1.0)
    forum: float = Field(ge=0.0, le=1.0)
    courted: float = Field(ge=0.0, le=1.0)
    none: float = Field(ge=0.0, le=1.0)
    reason: str = Field(min_length=1)


class ModelSpec(_Strict):
    version: Literal[2]
    endowment_scale: EndowmentScaleSpec
    unlisted: UnlistedSpec
    technology_gap: TechnologyGapSpec
    alliance_screening: AllianceScreeningSpec


class ModesFile(_Strict):
    model: ModelSpec
    attributes: dict[str, AttributeSpec]
    modes: list[ModeSpec] = Field(min_length=1)


# ---- cases/*.toml -----------------------------------------------------------------------------


class MineralsSpec(_Strict):
    ids: list[str] = Field(min_length=1)
    weighting: Literal["equal", "import_dependence", "judgment"] = "equal"
    judgment: dict[str, float] = {}
    judgment_reason: str = ""


class UnlistedKnownSpec(_Strict):
    source: str = Field(min_length=1)
    hosts: dict[str, list[str]]


class MissingSpec(_Strict):
    policy: Literal["fail", "exclude", "impute"] = "fail"
    rule: Literal["worst", "median"] | None = None
    usgs_unlisted: Literal["below_smallest", "zero", "fail"] = "fail"
    unlisted_known: UnlistedKnownSpec | None = None


class ScenarioSpec(_Strict):
    title_en: str
    title_zh: str
    set: list[str] = Field(min_length=1)  # "ISO3.FEATURE=VALUE", as on the command line
    reason: str = ""


class ModeAttributesSpec(_Strict):
    share: float = Field(ge=0.0, lt=1.0)
    basis: str = ""
    weights: dict[str, float] = {}


class CaseMeta(_Strict):
    id: str
    title_en: str
    title_zh: str
    description_en: str = ""
    description_zh: str = ""
    citations: list[str] = []
    investor_en: str = ""
    investor_zh: str = ""


class CaseFile(_Strict):
    case: CaseMeta
    countries: list[str] = Field(min_length=1)
    modes: Literal["all"] | list[str] = "all"
    criteria: str = "default"
    mode_profiles: str = "modes"
    method: str = "topsis"
    method_params: dict[str, Any] = {}
    weights: WeightPreset = WeightPreset.ahp
    minerals: MineralsSpec
    missing: MissingSpec = MissingSpec()
    mode_attributes: ModeAttributesSpec = ModeAttributesSpec(share=0.0)
    judgments: list[JudgmentSpec] = []
    judgments_basis: str = ""
    custom_weights: dict[str, float] = {}
    custom_weights_basis: str = ""
    policy_date: str = ""
    scenarios: dict[str, ScenarioSpec] = {}


def _loc(loc: tuple[Any, ...], data: Any) -> str:
    """Render a pydantic location with list items named by their id where possible."""
    parts: list[str] = []
    node = data
    for key in loc:
        if isinstance(key, int):
            label = f"[{key + 1}]"
            if isinstance(node, list) and 0 <= key < len(node):
                item = node[key]
                if isinstance(item, dict) and "id" in item:
                    label = f"[id={item['id']!r}]"
                node = item
            parts.append(label)
        else:
            parts.append(("." if parts else "") + str(key))
            node = node.get(key) if isinstance(node, dict) else None
    return "".join(parts)


def _known_keys() -> list[str]:
    names: set[str] = set()
    for obj in list(globals().values()):
        if isinstance(obj, type) and issubclass(obj, BaseModel) and obj is not BaseModel:
            names.update(obj.model_fields)
    return sorted(names)


def _problem(e: Mapping[str, Any], data: Any) -> str:
    place = _loc(e["loc"], data)
    kind = e["type"]
    key = str(e["loc"][-1]) if e["loc"] else ""
    if kind == "extra_forbidden":
        import difflib

        close = difflib.get_close_matches(key, _known_keys(), n=1)
        text = f"unknown key {key!r}" + (f" (did you mean {close[0]!r}?)" if close else "")
    elif kind == "missing":
        parent = _loc(e["loc"][:-1], data)
        text = f"required key {key!r} is missing" + (f" in {parent}" if parent else "")
        place = ""
    elif kind in ("enum", "literal_error"):
        expected = (e.get("ctx") or {}).get("expected", "")
        text = f"unknown value {e.get('input')!r}" + (f" (use {expected})" if expected else "")
    else:
        text = e["msg"].rstrip(".") + f" (got {e.get('input')!r})"
    return f"{place}: {text}" if place else text


def validate(model: type[BaseModel], data: Any, file: str) -> Any:
    """The model, or one error listing every problem (key path and what is wrong)."""
    try:
        return model.model_validate(data)
    except ValidationError as err:
        errors = err.errors()
        if len(errors) == 1:
            e = errors[0]
            place = _loc(e["loc"], data)
            if e["type"] == "missing":
                raise CoopselectError(
                    _problem(e, data) + ".",
                    file=file,
                    fix="add it (docs/cases.md lists every key with its meaning and default).",
                ) from None
            msg = _problem(e, data).removeprefix(f"{place}: ") + "."
            fix = (
                "correct its spelling or remove it (docs/cases.md lists every key)."
                if e["type"] == "extra_forbidden"
                else "correct the value."
            )
            raise CoopselectError(msg, file=file, place=place or None, fix=fix) from None
        listed = "; ".join(f"({i}) {_problem(e, data)}" for i, e in enumerate(errors, start=1))
        raise CoopselectError(
            f"{len(errors)} problems: {listed}.",
            file=file,
            fix="correct each one (docs/cases.md lists every key with its meaning and default).",
        ) from None
