"""Load a case file (cases/*.toml): the decision, its candidates and every stated policy."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from coopselect.domain.features import MODEL_CRITERIA
from coopselect.domain.model import (
    Case,
    MineralSelection,
    MissingPolicy,
    ModeAttributeWeights,
    Scenario,
)
from coopselect.errors import CoopselectError
from coopselect.i18n import Label
from coopselect.io.data import datasets, reference
from coopselect.io.files import read_toml
from coopselect.io.loaders.hierarchy_loader import load_hierarchy, with_zh
from coopselect.io.loaders.judgments import build_judgments
from coopselect.io.loaders.modes_loader import load_modes
from coopselect.io.loaders.numbers import table_to_one
from coopselect.io.loaders.schema import CaseFile, validate
from coopselect.paths import criteria_dir, resolve_case, resolve_sibling


def load_case(
    ref: str | Path | None = None,
    criteria: str | Path | None = None,
    *,
    document: dict | None = None,
) -> Case:
    """Load a case by path, by bundled id (e.g. ``"central_asia"``) or the default (None).
    ``criteria`` (a bundled criteria id such as ``"commercial"`` or a file) replaces the case's
    own ``criteria`` hierarchy."""
    path = resolve_case(ref)
    file = str(path)
    # ``document``: a case already parsed (an ad-hoc case, coopselect.io.loaders.adhoc), validated
    # like a file; ``ref`` then only names it in messages.
    raw = read_toml(path) if document is None else document
    # Group judgments ([[experts]], coopselect.io.loaders.experts) are checked there, not by the
    # schema.
    from coopselect.io.loaders.experts import AGGREGATE_KEY

    experts_raw = raw.get("experts")
    rule = raw.get(AGGREGATE_KEY)
    plain = {k: v for k, v in raw.items() if k not in ("experts", AGGREGATE_KEY)}
    spec: CaseFile = validate(CaseFile, plain, file)

    if criteria is not None:
        hierarchy = load_hierarchy(resolve_criteria(criteria))
    else:
        hierarchy = load_hierarchy(resolve_sibling(spec.criteria, path, criteria_dir()))
    if spec.judgments:
        # The case's own judgments replace the hierarchy's top-level defaults.
        judgments = with_zh(
            build_judgments(
                spec.judgments, list(hierarchy.criterion_ids), file=file, where="judgments"
            ),
            spec.judgments,
        )
        hierarchy = _replace(hierarchy, judgments=judgments, judgments_path=path)
    group_basis = group_basis_zh = ""
    if experts_raw is not None or rule is not None:
        from coopselect.io.loaders.experts import group_judgments

        if spec.judgments:
            raise CoopselectError(
                "both [[judgments]] and [[experts]] are given.",
                file=file,
                place="experts",
                fix="keep one: the case's own judgments, or the experts' (aggregated by AIJ).",
            )
        if experts_raw is None:
            raise CoopselectError(
                f"{AGGREGATE_KEY} is given without [[experts]].",
                file=file,
                place=AGGREGATE_KEY,
                fix="add [[experts]] tables, or remove the key.",
            )
        group = group_judgments(experts_raw, rule, hierarchy.criterion_ids, file=file)
        hierarchy = _replace(hierarchy, judgments=group.judgments, judgments_path=path)
        group_basis, group_basis_zh = group.basis("en"), group.basis("zh")
    missing_criteria = [c for c in MODEL_CRITERIA if c not in hierarchy.criterion_ids]
    if missing_criteria:
        raise CoopselectError(
            f"the criteria hierarchy has no {missing_criteria[0]!r} criterion, which the pair "
            "model needs.",
            file=str(hierarchy.path) if hierarchy.path else file,
            place="criteria",
            fix=f"a hierarchy for the pair model has the criteria {', '.join(MODEL_CRITERIA)}.",
        )
    catalog = load_modes(resolve_sibling(spec.mode_profiles, path, criteria_dir()))

    known = reference.countries()
    seen: set[str] = set()
    for k, iso in enumerate(spec.countries, start=1):
        if iso not in known:
            close = [c for c in known if c[:2] == iso[:2]]
            hint = f" Did you mean {', '.join(close)}?" if close else ""
            raise CoopselectError(
                f"unknown country {iso!r}.{hint}",
                file=file,
                place=f"countries[{k}]",
                fix="use an ISO3 code listed by 'coopselect countries'.",
            )
        if iso in seen:
            raise CoopselectError(
                f"country {iso!r} listed twice.",
                file=file,
                place=f"countries[{k}]",
                fix="list each country once.",
            )
        seen.add(iso)

    mode_ids = [m.id for m in catalog.modes]
    modes = mode_ids if spec.modes == "all" else list(spec.modes)
    for k, mid in enumerate(modes, start=1):
        if mid not in mode_ids:
            raise CoopselectError(
                f"unknown mode {mid!r}.",
                file=file,
                place=f"modes[{k}]",
                fix=f'use "all" or ids from: {", ".join(mode_ids)}.',
            )
    if len(set(modes)) != len(modes):
        raise CoopselectError(
            "a mode is listed twice.", file=file, place="modes", fix="list each once."
        )

    method, method_params = _method(spec, file)

    minerals = _minerals(spec, file)
    missing = _missing(spec, file)
    if missing.policy == "impute" and missing.rule is None:
        raise CoopselectError(
            'policy "impute" needs a rule.',
            file=file,
            place="missing.rule",
            fix='add rule = "worst" (the least favourable candidate value) or "median".',
        )
    mode_attributes = _mode_attributes(spec, catalog.attributes, file)
    custom = _custom_weights(spec, hierarchy.criterion_ids, file)
    if spec.policy_date:
        from coopselect.io.data.policy import parse_date

        parse_date(spec.policy_date, file=file, place="policy_date")
    scenarios = _scenarios(spec, tuple(spec.countries), hierarchy.indicators, file)

    return Case(
        id=spec.case.id,
        title_en=spec.case.title_en,
        title_zh=spec.case.title_zh,
        description_en=spec.case.description_en,
        description_zh=spec.case.description_zh,
        citations=tuple(spec.case.citations),
        countries=tuple(spec.countries),
        modes=tuple(modes),
        hierarchy=hierarchy,
        catalog=catalog,
        method=method,
        method_params=method_params,
        weights_preset=str(spec.weights),
        minerals=minerals,
        missing=missing,
        mode_attributes=mode_attributes,
        judgments_basis=spec.judgments_basis or group_basis or hierarchy.judgment_basis,
        custom_weights=custom,
        custom_weights_basis=spec.custom_weights_basis,
        policy_date=spec.policy_date,
        scenarios=scenarios,
        defaults=defaults_applied(raw),
        path=path,
        judgments_basis_zh=_judgments_basis_zh(spec, group_basis_zh, hierarchy),
        custom_weights_basis_zh=spec.custom_weights_basis_zh,
        citations_zh=tuple(spec.case.citations_zh),
    )


def _judgments_basis_zh(spec: CaseFile, group_basis_zh: str, hierarchy: Any) -> str:
    """The Chinese text of the basis ``load_case`` takes: the case's, the group's or the
    hierarchy's; "" where that one has none (Chinese output then shows the English)."""
    if spec.judgments_basis:
        return spec.judgments_basis_zh
    return group_basis_zh or hierarchy.judgment_basis_zh


def resolve_criteria(ref: str | Path) -> Path:
    """``--criteria``: a bundled criteria id ("default", "commercial") or a file (relative to the
    working folder)."""
    text = str(ref)
    if "/" in text or "\\" in text or text.endswith(".toml"):
        if not Path(text).is_file():
            raise CoopselectError(
                "criteria file not found.",
                file=text,
                place="--criteria",
                fix="check the path, or use a bundled set: default or commercial.",
            )
        return Path(text)
    bundled = criteria_dir() / f"{text}.toml"
    if bundled.is_file():
        return bundled
    names = sorted(p.stem for p in criteria_dir().glob("*.toml") if p.stem != "modes")
    raise CoopselectError(
        f"no bundled criteria set {text!r}.",
        place="--criteria",
        fix=f"use one of {', '.join(names)}, or the path of a criteria .toml file.",
    )


def _replace(obj, **changes):
    from dataclasses import replace

    return replace(obj, **changes)


def _minerals(spec: CaseFile, file: str) -> MineralSelection:
    cat = reference.minerals()
    ids = list(spec.minerals.ids)
    for k, mid in enumerate(ids, start=1):
        if mid not in cat:
            raise CoopselectError(
                f"unknown mineral {mid!r}.",
                file=file,
                place=f"minerals.ids[{k}]",
                fix=f"use one of: {', '.join(cat)}.",
            )
    if len(set(ids)) != len(ids):
        raise CoopselectError(
            "a mineral is listed twice.", file=file, place="minerals.ids", fix="list each once."
        )
    how = spec.minerals.weighting
    if how == "equal":
        raw = {m: 1.0 for m in ids}
        basis, basis_zh = "equal weights", "等权"
    elif how == "import_dependence":
        dep = datasets.import_dependence()
        raw = {}
        for m in ids:
            value = dep.get(m)
            if value is None:
                stated = "given only as a bound" if m in dep else "not given"
                raise CoopselectError(
                    f"China's import dependence for {m!r} is {stated} in the seeds.",
                    file=file,
                    place="minerals.weighting",
                    fix='use weighting = "equal", or "judgment" with [minerals.judgment] weights.',
                )
            raw[m] = value
        basis = "China's import dependence (seed 000 table 1-1 footer)"
        basis_zh = "中国的对外依存度（种子文献000表1-1注）"
    else:
        judged = spec.minerals.judgment
        missing = [m for m in ids if m not in judged]
        if missing:
            raise CoopselectError(
                f"no judgment weight for {missing[0]!r}.",
                file=file,
                place="minerals.judgment",
                fix="give a weight > 0 for every mineral in minerals.ids.",
            )
        extra = [m for m in judged if m not in ids]
        if extra:
            raise CoopselectError(
                f"{extra[0]!r} is weighted but not in minerals.ids.",
                file=file,
                place="minerals.judgment",
                fix="add it to ids or remove the weight.",
            )
        for m, v in judged.items():
            if not 0 < v < math.inf:
                raise CoopselectError(
                    f"weight {v} must be a finite number > 0.",
                    file=file,
                    place=f"minerals.judgment.{m}",
                    fix="use a positive number up to 1.8e308 (only the ratios count).",
                )
        raw = dict(judged)
        basis = "analyst judgment: " + (spec.minerals.judgment_reason or "(no reason given)")
        zh = spec.minerals.judgment_reason_zh
        basis_zh = "分析判断：" + zh if zh else ""
    # divided by the largest first: weights near the float limit neither overflow nor vanish
    return MineralSelection(tuple(ids), how, table_to_one(raw, ids), basis, basis_zh)


def _mode_attributes(spec: CaseFile, attributes, file: str) -> ModeAttributeWeights:
    ma = spec.mode_attributes
    if ma.share == 0:
        return ModeAttributeWeights(0.0, {}, ma.basis, ma.basis_zh)
    if not attributes:
        raise CoopselectError(
            f"share = {ma.share:g} goes to the modes' own attributes, but the mode profiles "
            "declare none.",
            file=file,
            place="mode_attributes.share",
            fix="set share = 0, or use mode profiles with an [attributes] table.",
        )
    weights = weight_table(
        ma.weights,
        list(attributes),
        file=file,
        place="mode_attributes.weights",
        what="mode attribute",
    )
    return ModeAttributeWeights(ma.share, weights, ma.basis, ma.basis_zh)


def weight_table(
    table: dict[str, float], ids: list[str], *, file: str, place: str, what: str
) -> dict[str, float]:
    """A complete table of weights >= 0 for ``ids``, rescaled to sum 1 (in ``ids`` order)."""
    for i in ids:
        if i not in table:
            raise CoopselectError(
                f"no weight for {what} {i!r}.",
                file=file,
                place=place,
                fix=f"give a weight >= 0 for every {what}.",
            )
    for i, v in table.items():
        if i not in ids:
            raise CoopselectError(
                f"{i!r} is not a {what}.", file=file, place=place, fix=f"use {', '.join(ids)}."
            )
        if not 0 <= v < math.inf:
            raise CoopselectError(
                f"weight {v} is negative or not a finite number.",
                file=file,
                place=f"{place}.{i}",
                fix="give a finite weight >= 0 (up to 1.8e308; only the ratios count).",
            )
    if not ids:
        raise CoopselectError(
            f"there is no {what} to weigh.",
            file=file,
            place=place,
            fix=f"declare at least one {what}, or leave this table out.",
        )
    if max(table[i] for i in ids) <= 0:
        raise CoopselectError(
            f"all {what} weights are zero.",
            file=file,
            place=place,
            fix="give at least one a weight > 0.",
        )
    # divided by the largest first: weights near the float limit neither overflow nor vanish
    return table_to_one(table, ids)


def _custom_weights(spec: CaseFile, criterion_ids, file: str) -> dict[str, float]:
    """Directly set criterion weights (preset "custom"): a labelled judgment, rescaled to sum 1."""
    cw = spec.custom_weights
    if spec.weights == "custom" and not cw:
        raise CoopselectError(
            'weights = "custom" needs a [custom_weights] table.',
            file=file,
            place="custom_weights",
            fix="give a weight >= 0 for every criterion, and custom_weights_basis to say why.",
        )
    if not cw:
        return {}
    return weight_table(
        cw, list(criterion_ids), file=file, place="custom_weights", what="criterion"
    )


def _scenarios(spec: CaseFile, countries, indicators, file: str) -> dict[str, Scenario]:
    from coopselect.io.loaders.overrides import parse_setting

    out = {}
    for name, sc in spec.scenarios.items():
        settings = tuple(
            parse_setting(
                text,
                countries=countries,
                indicators=indicators,
                file=file,
                place=f"scenarios.{name}.set[{i}]",
            )
            for i, text in enumerate(sc.set, start=1)
        )
        out[name] = Scenario(name, sc.title_en, sc.title_zh, settings, sc.reason, sc.reason_zh)
    return out


def _missing(spec: CaseFile, file: str) -> MissingPolicy:
    m = spec.missing
    known = None
    source = ""
    if m.unlisted_known is not None:
        cat = reference.minerals()
        for iso, mins in m.unlisted_known.hosts.items():
            place = f"missing.unlisted_known.hosts.{iso}"
            if iso not in spec.countries:
                raise CoopselectError(
                    f"{iso!r} is not a candidate of the case.",
                    file=file,
                    place=place,
                    fix="name candidate countries only.",
                )
            bad = [x for x in mins if x not in cat]
            if bad:
                raise CoopselectError(
                    f"unknown mineral {bad[0]!r}.",
                    file=file,
                    place=place,
                    fix="use mineral ids from 'coopselect minerals'.",
                )
        known = {iso: frozenset(mins) for iso, mins in m.unlisted_known.hosts.items()}
        source = m.unlisted_known.source
    return MissingPolicy(m.policy, m.rule, m.usgs_unlisted, known, source)


# Keys whose default changes a result: when a case leaves one out, every output says what was used.
_DEFAULTS = (
    (
        ("method",),
        'method not given: "topsis" (vector normalisation).',
        "未给出 method：使用 topsis（向量归一化）。",
    ),
    (
        ("weights",),
        'weights not given: "ahp" (the hierarchy\'s pairwise judgments).',
        "未给出 weights：使用 ahp（准则体系的成对比较判断）。",
    ),
    (
        ("criteria",),
        'criteria not given: the bundled "default" hierarchy.',
        "未给出 criteria：使用内置的 default 准则体系。",
    ),
    (
        ("mode_profiles",),
        'mode_profiles not given: the bundled "modes" profiles.',
        "未给出 mode_profiles：使用内置的 modes 模式画像。",
    ),
    (
        ("minerals", "weighting"),
        'minerals.weighting not given: "equal".',
        "未给出 minerals.weighting：矿种等权。",
    ),
    (
        ("mode_attributes",),
        "[mode_attributes] not given: the modes' own attributes (capital intensity, time to "
        "supply, ease of exit) get no weight (share 0).",
        "未给出 [mode_attributes]：模式自身属性（资本密集度、首次供应时间、退出难易度）"
        "不计权重（份额为 0）。",
    ),
    (
        ("missing",),
        '[missing] not given: policy "fail" and usgs_unlisted "fail" (any data gap stops the run).',
        "未给出 [missing]：policy 与 usgs_unlisted 均为 fail（任何数据缺口都会中止运行）。",
    ),
    (
        ("missing", "policy"),
        'missing.policy not given: "fail" (a data gap stops the run).',
        "未给出 missing.policy：fail（数据缺口会中止运行）。",
    ),
    (
        ("missing", "usgs_unlisted"),
        'missing.usgs_unlisted not given: "fail" (a host USGS does not list stops the run).',
        "未给出 missing.usgs_unlisted：fail（USGS 未列出的东道国会中止运行）。",
    ),
)


def defaults_applied(raw: dict) -> tuple[Label, ...]:
    """A sentence for each default the case file relies on (see docs/cases.md)."""
    out = []
    for keys, sentence, sentence_zh in _DEFAULTS:
        node: Any = raw
        for k in keys[:-1]:
            node = node.get(k) if isinstance(node, dict) else None
        if not isinstance(node, dict):
            continue  # the parent table is absent: its own sentence covers it
        if keys[-1] not in node:
            out.append(Label(sentence_zh, sentence))
    return tuple(out)


def _method(spec: CaseFile, file: str) -> tuple[str, dict]:
    """The case's method (lower case, known to the registry) and parameters it takes."""
    from coopselect.methods.registry import accepted_parameters, available_methods, known_method

    name = spec.method.strip().lower()
    known = available_methods()
    if not known_method(name):
        import difflib

        close = difflib.get_close_matches(name, known, n=1)
        raise CoopselectError(
            f"unknown method {spec.method!r}." + (f" Did you mean {close[0]!r}?" if close else ""),
            file=file,
            place="method",
            fix=f"use one of {', '.join(known)}, or pymcdm:<name> (coopselect mcda --help).",
        )
    accepted = accepted_parameters(name)
    unknown = sorted(set(spec.method_params) - set(accepted))
    if unknown:
        raise CoopselectError(
            f"{name} has no parameter {unknown[0]!r}.",
            file=file,
            place=f"method_params.{unknown[0]}",
            fix=f"{name} takes {', '.join(accepted) or 'no parameters'}.",
        )
    return name, dict(spec.method_params)
