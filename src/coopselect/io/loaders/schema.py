"""Schemas of the criteria, modes and case files (pydantic), and readable validation errors.

Unknown keys are rejected (a typo must not be silently ignored). A pydantic error becomes one
``CoopselectError`` naming the file, the key path and the fix.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from coopselect.domain.model import WeightPreset
from coopselect.errors import CoopselectError

Judgment = int | float | str  # a number or "a/b"


class _Strict(BaseModel):
    # allow_inf_nan=False: TOML's inf and nan are refused by every number of every file (a NaN
    # weight, scale bound or tier would otherwise pass every comparison it fails).
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


# The largest magnitude of a scale bound or an alliance tier (raw indicator units): bounds beyond
# it are typos, and the span hi - lo of two bounds of the range of a double would overflow.
MAX_RAW = 1e12
RawValue = Annotated[float, Field(ge=-MAX_RAW, le=MAX_RAW)]
# A weight (relative, rescaled to sum 1 without overflow: coopselect.io.loaders.numbers).
Weight = Annotated[float, Field(ge=0.0)]


# ---- criteria/*.toml --------------------------------------------------------------------------


class HierarchyMeta(_Strict):
    id: str
    name_en: str
    name_zh: str
    judgment_basis: str = ""
    judgment_basis_zh: str = ""


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
    reason_zh: str = ""  # a user's file may leave it out: Chinese output shows ``reason``


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
    dataset: str  # a dataset id of data/sources.toml (io.data.sources.indicator_datasets)
    code: str | None = None
    year: int | None = None
    edition: str | None = None
    measure: Literal["reserves", "production"] | None = None
    direction: Literal["benefit", "cost"]
    scale: (
        Literal["universe", "candidates", "log_share"]
        | Annotated[list[RawValue], Field(min_length=2, max_length=2)]
    )
    tiers: dict[Literal["core", "forum", "courted", "none"], RawValue] | None = None
    tiers_reason: str = ""
    tiers_reason_zh: str = ""


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
    scale_zh: str = ""


# A number whose range the loader checks and states, inf and nan included (profile [0, 1],
# barrier_response [-1, 1], intrinsic attributes 1-5: coopselect.io.loaders.modes_loader).
LoaderChecked = Annotated[float, Field(allow_inf_nan=True)]


class JudgedSpec(_Strict):
    value: LoaderChecked
    reason: str = Field(min_length=1)
    reason_zh: str = ""


class ModeSpec(_Strict):
    id: str
    name_zh: str
    name_en: str
    description_en: str
    description_zh: str
    source: str = ""
    source_zh: str = ""
    profile: dict[str, JudgedSpec]
    barrier_response: dict[str, JudgedSpec]
    intrinsic: dict[str, LoaderChecked]
    intrinsic_reasons: dict[str, str] = {}
    intrinsic_reasons_zh: dict[str, str] = {}


class EndowmentScaleSpec(_Strict):
    floor_share: float = Field(gt=0.0, lt=1.0)
    reason: str = Field(min_length=1)
    reason_zh: str = ""


class UnlistedSpec(_Strict):
    fraction_of_smallest: float = Field(gt=0.0, le=1.0)
    reason: str = Field(min_length=1)
    reason_zh: str = ""


class TechnologyGapSpec(_Strict):
    dataset: Literal["gdp_per_capita"]
    year: int
    reference: str = Field(min_length=3, max_length=3)
    widest_ratio: float = Field(gt=1.0, le=1e6)
    reason: str = Field(min_length=1)
    reason_zh: str = ""


class AllianceScreeningSpec(_Strict):
    core: float = Field(ge=0.0, le=1.0)
    forum: float = Field(ge=0.0, le=1.0)
    courted: float = Field(ge=0.0, le=1.0)
    none: float = Field(ge=0.0, le=1.0)
    reason: str = Field(min_length=1)
    reason_zh: str = ""


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
    judgment: dict[str, Weight] = {}
    judgment_reason: str = ""
    judgment_reason_zh: str = ""


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
    reason_zh: str = ""


class ModeAttributesSpec(_Strict):
    share: float = Field(ge=0.0, lt=1.0)
    basis: str = ""
    basis_zh: str = ""
    weights: dict[str, Weight] = {}


class CaseMeta(_Strict):
    id: str
    title_en: str
    title_zh: str
    description_en: str = ""
    description_zh: str = ""
    citations: list[str] = []
    citations_zh: list[str] = []
    investor_en: str = ""
    investor_zh: str = ""


class CaseFile(_Strict):
    case: CaseMeta
    countries: list[str] = Field(min_length=1)
    modes: Literal["all"] | Annotated[list[str], Field(min_length=1)] = "all"
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
    judgments_basis_zh: str = ""
    custom_weights: dict[str, Weight] = {}
    custom_weights_basis: str = ""
    custom_weights_basis_zh: str = ""
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
    elif kind == "finite_number":
        text = f"{e.get('input')!r} is not a finite number"
    elif kind in ("enum", "literal_error"):
        expected = (e.get("ctx") or {}).get("expected", "")
        text = f"unknown value {e.get('input')!r}" + (f" (use {expected})" if expected else "")
    else:
        text = e["msg"].rstrip(".") + f" (got {e.get('input')!r})"
    return f"{place}: {text}" if place else text


def _bounds_of(metadata: list[Any]) -> list[str]:
    out = []
    for m in metadata:
        for attr, sign in (("gt", ">"), ("ge", ">="), ("lt", "<"), ("le", "<=")):
            value = getattr(m, attr, None)
            if value is not None:
                out.append(f"{sign} {value:g}")
        if hasattr(m, "metadata"):  # a FieldInfo inside Annotated
            out += _bounds_of(list(m.metadata))
    return out


def _range(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    """The bounds a number at ``loc`` must respect, e.g. '>= 0 and < 1', or ''."""
    import typing

    node: Any = model
    metadata: list[Any] = []
    for key in loc:
        metadata = []
        while True:  # unwrap Annotated and Optional/Union down to a model, dict, list or number
            origin = typing.get_origin(node)
            if origin is Annotated:
                node, *extra = typing.get_args(node)
                metadata += extra
            elif origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
                args = [a for a in typing.get_args(node) if a is not type(None)]
                numeric = [a for a in args if typing.get_origin(a) is not Literal]
                node = numeric[0] if numeric else args[0]
            else:
                break
        origin = typing.get_origin(node)
        if isinstance(node, type) and issubclass(node, BaseModel) and isinstance(key, str):
            field = node.model_fields.get(key)
            if field is None:
                return ""
            node, metadata = field.annotation, list(field.metadata)
        elif origin is dict:
            node = typing.get_args(node)[1]
        elif origin is list and isinstance(key, int):
            node = typing.get_args(node)[0]
        else:
            return ""
    while typing.get_origin(node) is Annotated:
        node, *extra = typing.get_args(node)
        metadata += extra
    return " and ".join(_bounds_of(metadata))


_FIXES = {
    "extra_forbidden": "correct its spelling or remove it (docs/cases.md lists every key).",
    "finite_number": "give a finite number (inf and nan are not values).",
    "greater_than": "give a number above the bound stated.",
    "greater_than_equal": "give a number at or above the bound stated.",
    "less_than": "give a number below the bound stated.",
    "less_than_equal": "give a number at or below the bound stated.",
}


_UNION_TAG = re.compile(r"^(literal\[|list\[|dict\[|constrained-|(str|int|float|bool)$)")


def _one_branch(errors: list[Any]) -> list[Any]:
    """Errors of a value that fits no branch of a union (``scale``: a name or [lower, upper])
    reported once, for the branch the value was meant for: a list for the list branch, anything
    else for the names; pydantic's branch tags are left out of the key path."""
    cleaned = []
    for e in errors:
        loc = tuple(k for k in e["loc"] if not (isinstance(k, str) and _UNION_TAG.match(k)))
        cut = next(
            (i for i, k in enumerate(e["loc"]) if isinstance(k, str) and _UNION_TAG.match(k)),
            None,
        )
        cleaned.append((dict(e, loc=loc), None if cut is None else tuple(e["loc"][:cut])))
    out = []
    for e, field in cleaned:
        if field is not None:
            group = [x for x, f in cleaned if f == field]
            literal = [x for x in group if x["type"] == "literal_error"]
            if literal and len(group) > 1:
                is_list = isinstance(literal[0].get("input"), list | tuple)
                if (e["type"] == "literal_error") == is_list:
                    continue
        out.append(e)
    return out or [e for e, _f in cleaned]


def validate(model: type[BaseModel], data: Any, file: str) -> Any:
    """The model, or one error listing every problem (key path and what is wrong)."""
    try:
        return model.model_validate(data)
    except ValidationError as err:
        errors = _one_branch(err.errors())
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
            fix = _FIXES.get(e["type"], "correct the value.")
            if e["type"] in _FIXES and e["type"] != "extra_forbidden":
                bounds = _range(model, e["loc"])
                if bounds:
                    fix = f"give a finite number {bounds}."
                elif e["type"] == "finite_number":
                    fix = "give a finite number (inf and nan are not values)."
            raise CoopselectError(msg, file=file, place=place or None, fix=fix) from None
        listed = "; ".join(f"({i}) {_problem(e, data)}" for i, e in enumerate(errors, start=1))
        raise CoopselectError(
            f"{len(errors)} problems: {listed}.",
            file=file,
            fix="correct each one (docs/cases.md lists every key with its meaning and default).",
        ) from None
