"""Ad-hoc cases: ``--countries ISO3,...|all|REGION --minerals ID,...`` without a case file.

An ad-hoc case is a case document built from the default criteria and mode profiles with a stated
default policy (below), validated by the same loader as a file
(:func:`coopselect.io.loaders.case_loader.load_case` with ``document=``). ``coopselect case new``
writes the same document as a fully commented TOML file, which loads and ranks exactly like the
ad-hoc case.

The default policy (``ADHOC_DEFAULTS``, stated in every output as "Default: ..."):
all seven modes; the bundled ``commercial`` criteria (open data only, as the bundled cases) and
``modes`` profiles; TOPSIS with vector
normalisation; AHP weights from the hierarchy's judgments; minerals weighted equally; an indicator
gap takes the median favourability of the candidates that have a value; only known production,
reserves and exploration potential count (USGS MCS and the cited supplementary tables): a host
with none of a mineral holds none, listed as a gap (``usgs_unlisted = "zero"``); the modes' own
attributes get 0.15 of the weight, split as in the bundled default case.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coopselect.domain.model import Case, Judgment
from coopselect.errors import CoopselectError

if TYPE_CHECKING:
    from coopselect.messages import Message

ADHOC_REF = "(ad-hoc case: --countries/--minerals)"
SHARE = 0.15

# World Bank region codes of the country table's regions (data/SOURCES.md section 0).
REGION_CODES = {
    "EAS": "East Asia & Pacific",
    "ECS": "Europe & Central Asia",
    "LCN": "Latin America & Caribbean",
    "MEA": "Middle East & North Africa",
    "NAC": "North America",
    "SAS": "South Asia",
    "SSF": "Sub-Saharan Africa",
}


def _attribute_weights() -> tuple[dict[str, float], str]:
    """The bundled default case's [mode_attributes] weights and basis."""
    from coopselect.io.files import read_toml
    from coopselect.paths import resolve_case

    ma = read_toml(resolve_case(None)).get("mode_attributes", {})
    return dict(ma.get("weights", {})), str(ma.get("basis", ""))


def adhoc_defaults() -> tuple[Message, ...]:
    from coopselect.messages import message

    w, _ = _attribute_weights()
    split = ", ".join(f"{k} {v:g}" for k, v in w.items())
    return (
        message("adhoc.setup"),
        message("adhoc.missing"),
        message("adhoc.usgs_unlisted"),
        message("adhoc.minerals"),
        message("adhoc.home"),
        message("adhoc.attributes", share=SHARE, split=split),
    )


# ---- parsing the selections ---------------------------------------------------------------


def _items(spec: str, what: str) -> list[str]:
    items = [s.strip() for s in spec.split(",") if s.strip()]
    if not items:
        raise CoopselectError(f"no {what} given.", place=f"--{what}", fix=f"e.g. --{what} ...")
    return items


def regions() -> dict[str, tuple[str, ...]]:
    """Region name (English) -> ISO3 codes of the country table, in ISO3 order."""
    from coopselect.io.data import reference

    out: dict[str, list[str]] = {}
    for iso, c in sorted(reference.countries().items()):
        out.setdefault(c.region_en, []).append(iso)
    return {k: tuple(v) for k, v in out.items()}


def _region_key(text: str) -> str:
    return " ".join(text.replace("&", " and ").replace("_", " ").replace("-", " ").split()).lower()


def _region(token: str) -> tuple[str, ...] | None:
    from coopselect.io.data import reference

    members = regions()
    code = REGION_CODES.get(token.upper())
    if code is not None and code in members:
        return members[code]
    key = _region_key(token)
    for name, isos in members.items():
        zh = reference.countries()[isos[0]].region_zh
        if key in (_region_key(name), zh.lower()):
            return isos
    return None


def parse_countries(spec: str) -> tuple[str, ...]:
    """``ISO3,ISO3,...``, ``all`` or a REGION (name in either language, or World Bank code), mixed
    freely; also English country names. Order kept, duplicates dropped. ``all`` and regions leave
    out the investor's home economy: China with Taiwan, Hong Kong and Macao
    (:mod:`coopselect.domain.home`; name one explicitly to include it)."""
    from coopselect.domain.home import is_home
    from coopselect.importers.common import iso3_for_name
    from coopselect.io.data import reference

    known = reference.countries()
    out: list[str] = []
    for token in _items(spec, "countries"):
        if token.lower() == "all":
            out += [k for k in sorted(known) if not is_home(k)]
            continue
        if token.upper() in known:
            out.append(token.upper())
            continue
        members = _region(token)
        if members is not None:
            out += [k for k in members if not is_home(k)]
            continue
        iso = iso3_for_name(token)
        if iso in known:
            out.append(iso)
            continue
        choices = list(known) + list(regions()) + list(REGION_CODES)
        close = difflib.get_close_matches(token.upper(), [c.upper() for c in choices], n=3)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        raise CoopselectError(
            f"unknown country or region {token!r}.{hint}",
            place="--countries",
            fix="use ISO3 codes, 'all' or a region ('coopselect countries' lists them; regions: "
            + ", ".join(f"{c} {n}" for c, n in REGION_CODES.items())
            + ").",
        )
    return tuple(dict.fromkeys(out))


def parse_minerals(spec: str) -> tuple[str, ...]:
    """Mineral ids (or their English or Chinese names), order kept, duplicates dropped."""
    from coopselect.io.data import reference

    cat = reference.minerals()
    by_name = {m.name_en.lower(): k for k, m in cat.items()}
    by_name.update({m.name_zh: k for k, m in cat.items()})
    out = []
    for token in _items(spec, "minerals"):
        key = token.lower().replace(" ", "_")
        mid = key if key in cat else by_name.get(token.lower()) or by_name.get(token)
        if mid is None:
            close = difflib.get_close_matches(key, list(cat), n=3)
            hint = f" Did you mean {', '.join(close)}?" if close else ""
            raise CoopselectError(
                f"unknown mineral {token!r}.{hint}",
                place="--minerals",
                fix="use ids listed by 'coopselect minerals'.",
            )
        out.append(mid)
    return tuple(dict.fromkeys(out))


# ---- the case -----------------------------------------------------------------------------


def _titles(countries: tuple[str, ...], minerals: tuple[str, ...]) -> tuple[str, str]:
    from coopselect.io.data import reference

    cat = reference.minerals()
    en = ", ".join(cat[m].name_en for m in minerals)
    zh = "、".join(cat[m].name_zh for m in minerals)
    if len(countries) <= 6:
        where_en = where_zh = " ".join(countries)
    else:
        where_en, where_zh = f"{len(countries)} economies", f"{len(countries)}个经济体"
    return f"Ad-hoc case: {en} in {where_en}", f"临时案例：{zh}（{where_zh}）"


def adhoc_document(countries: tuple[str, ...], minerals: tuple[str, ...]) -> dict[str, Any]:
    """The case document (the structure of a case file) of an ad-hoc selection."""
    weights, basis = _attribute_weights()
    title_en, title_zh = _titles(countries, minerals)
    return {
        "countries": list(countries),
        "modes": "all",
        "criteria": "commercial",
        "mode_profiles": "modes",
        "method": "topsis",
        "weights": "ahp",
        "case": {
            "id": "adhoc",
            "title_en": title_en,
            "title_zh": title_zh,
            "description_en": "Built from --countries/--minerals with the default policy "
            "(coopselect.io.loaders.adhoc).",
            "description_zh": "由 --countries/--minerals 按默认设置生成。",
        },
        "method_params": {"normalization": "vector"},
        "minerals": {"ids": list(minerals), "weighting": "equal"},
        "missing": {"policy": "impute", "rule": "median", "usgs_unlisted": "zero"},
        "mode_attributes": {
            "share": SHARE,
            "basis": "ad-hoc default: the bundled default case's attribute weights. " + basis,
            "weights": weights,
        },
    }


def adhoc_case(countries: str | None, minerals: str | None, criteria: str | None = None) -> Case:
    """The in-memory case of ``--countries``/``--minerals`` (countries default to 'all');
    ``criteria`` (--criteria) replaces the default hierarchy."""
    from coopselect.io.loaders.case_loader import load_case

    if not minerals:
        raise CoopselectError(
            "--countries needs --minerals.",
            place="--minerals",
            fix="add e.g. --minerals copper ('coopselect minerals' lists the ids).",
        )
    isos = parse_countries(countries or "all")
    mids = parse_minerals(minerals)
    case = load_case(ADHOC_REF, criteria=criteria, document=adhoc_document(isos, mids))
    if not hasattr(case, "defaults"):  # Case.defaults: the stated defaults, "Default: ..." notes
        return replace(case, path=None)
    return replace(case, path=None, defaults=adhoc_defaults())


def case_or_adhoc(
    case: str | None, countries: str | None, minerals: str | None, criteria: str | None = None
):
    """What a command ranks: the CASE argument, or the ad-hoc case of --countries/--minerals."""
    if countries is None and minerals is None:
        return case
    if case is not None:
        raise CoopselectError(
            "give a case file or --countries/--minerals, not both.",
            place="--countries",
            fix="drop the CASE argument, or the --countries/--minerals options.",
        )
    return adhoc_case(countries, minerals, criteria)


# ---- the commented case file --------------------------------------------------------------


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    raise TypeError(type(value))


def _wrapped(values: list[str], indent: str = "  ", width: int = 96) -> str:
    """A TOML array of strings, several per line."""
    lines, line = [], indent
    for v in values:
        item = _toml(v) + ", "
        if len(line) + len(item) > width and line.strip():
            lines.append(line.rstrip())
            line = indent
        line += item
    if line.strip():
        lines.append(line.rstrip())
    return "[\n" + "\n".join(lines) + "\n]"


def _judgment_value(text: str, value: float) -> str:
    """A judgment's value as written in its file: 3, "1/3" or a decimal."""
    if text.isdigit():
        return text
    if "/" in text:
        return _toml(text)
    return repr(float(value))


def judgments_template(judgments: tuple[Judgment, ...]) -> list[str]:
    """The top-level ``[[judgments]]`` in force as case-file lines, each with its value and
    reason, under a comment saying how to edit them."""
    if not judgments:
        return []
    out = [
        "",
        "# Pairwise judgments of the criteria (AHP, Saaty's 1-9 scale), as in force: each",
        '# says "a matters value times as much as b" (1 = equal, 3 = moderately, 5 = strongly',
        '# more; "1/3" = the reverse). Edit a value and its reason; a pair left out is completed',
        "# by the AHP engine and named in every output. They replace the criteria file's own",
        '# judgments and count only while weights = "ahp". `coopselect ahp THIS_FILE` shows the',
        "# matrix and its CR.",
    ]
    for j in judgments:
        out += [
            "",
            "[[judgments]]",
            f"a = {_toml(j.a)}",
            f"b = {_toml(j.b)}",
            f"value = {_judgment_value(j.text, j.value)}",
            f"reason = {_toml(j.reason)}",
        ]
        out += [f"reason_zh = {_toml(j.reason_zh)}"] if j.reason_zh else []
    return out


def case_file_text(
    doc: dict[str, Any], command: str = "", judgments: tuple[Judgment, ...] = ()
) -> str:
    """``doc`` (an ad-hoc case document) as a TOML case file with a comment on every key;
    ``judgments``: the top-level judgments in force, written as an editable template."""
    from coopselect.textsafety import one_line

    c, m, ms, ma = doc["case"], doc["minerals"], doc["missing"], doc["mode_attributes"]
    # One comment line whatever the command holds (a file name may contain a newline).
    made = f" by `{one_line(command)}`" if command else ""
    out = [
        f"# coopselect case file, written{made}.",
        "# Run it with `coopselect rank THIS_FILE`. Every key below says what it does and its",
        "# default (the value used when the key is left out). Analyst choices belong here, each",
        "# with its reason; figures come from the bundled data (data/SOURCES.md).",
        "",
        "# Candidate host countries (ISO3 codes; `coopselect countries` lists the 225 covered). "
        "Required.",
        f"countries = {_wrapped(doc['countries'])}",
        "",
        '# Cooperation modes to rank: "all" (the seven of criteria/modes.toml) or a list of mode '
        'ids. Default: "all".',
        f"modes = {_toml(doc['modes'])}",
        '# Criteria hierarchy: a bundled id or a path to a criteria TOML file. Default: "default".',
        f"criteria = {_toml(doc['criteria'])}",
        "# Mode profiles (the pair model's judged numbers): a bundled id or a path. "
        'Default: "modes".',
        f"mode_profiles = {_toml(doc['mode_profiles'])}",
        "# Ranking method (`coopselect mcda --help` lists them: topsis, vikor, promethee2, wsm, "
        '...). Default: "topsis".',
        f"method = {_toml(doc['method'])}",
        "# Criterion weights: ahp (the hierarchy's pairwise judgments), fraser, equal, or custom "
        '(needs [custom_weights]). Default: "ahp".',
        f"weights = {_toml(doc['weights'])}",
        '# Ranking date of the policy-barrier table, "YYYY-MM-DD". Default: "" (the table\'s '
        "review date).",
        'policy_date = ""',
        "",
        "[case]",
        "# Identifier used in outputs and file names. Required.",
        f"id = {_toml(c['id'])}",
        "# Titles in English and Chinese. Required.",
        f"title_en = {_toml(c['title_en'])}",
        f"title_zh = {_toml(c['title_zh'])}",
        "# What the decision is about, in both languages. Default: empty.",
        f"description_en = {_toml(c['description_en'])}",
        f"description_zh = {_toml(c['description_zh'])}",
        "# Sources the case rests on (one string each). Default: none.",
        "citations = []",
        "",
        "[method_params]",
        '# TOPSIS normalisation: "vector" or "minmax". Default: the method\'s own ("vector").',
        f"normalization = {_toml(doc['method_params']['normalization'])}",
        "",
        "[minerals]",
        "# Minerals of the project (ids from `coopselect minerals`). Required.",
        f"ids = {_toml(m['ids'])}",
        '# How the minerals are weighted: "equal", "import_dependence" (China\'s, seed 000) or '
        '"judgment" (needs [minerals.judgment]). Default: "equal".',
        f"weighting = {_toml(m['weighting'])}",
        "",
        "[missing]",
        '# What a gap in an indicator does: "fail" (stop), "exclude" (drop the country) or '
        '"impute" (needs rule). Default: "fail".',
        f"policy = {_toml(ms['policy'])}",
        '# Imputation rule: "median" (median favourability of the candidates with a value) or '
        '"worst" (the least favourable). No default.',
        f"rule = {_toml(ms['rule'])}",
        "# A host with no known figure for a mineral (not in USGS MCS nor in the cited "
        'supplementary tables): "zero" (none counted, listed as a gap), "below_smallest" (a '
        "stated fraction of the smallest listed share, only for the hosts a cited source names "
        'in [missing.unlisted_known]) or "fail". Default: "fail". Every use is reported.',
        f"usgs_unlisted = {_toml(ms['usgs_unlisted'])}",
        "",
        "[mode_attributes]",
        "# Share of the total weight for the modes' own attributes (capital intensity, time to "
        "supply, ease of exit), 0 to <1. Default: 0.",
        f"share = {_toml(ma['share'])}",
        "# Why these attribute weights (shown in reports). Default: empty.",
        f"basis = {_toml(ma['basis'])}",
        "",
        "[mode_attributes.weights]",
        "# Relative weights of the attributes (rescaled to sum 1; every attribute needed when "
        "share > 0).",
    ]
    out += [f"{k} = {_toml(v)}" for k, v in ma["weights"].items()]
    out += judgments_template(judgments)
    return "\n".join(out) + "\n"


def write_case_file(
    path: str | Path,
    countries: str | None,
    minerals: str | None,
    *,
    force: bool = False,
    command: str = "",
) -> tuple[Path, Path | None, Case]:
    """Write the commented case file of a selection (atomically). An existing file is refused
    unless ``force``; then it is kept as ``<name>.bak``. Returns (path, backup, loaded case)."""
    from coopselect.io.files import atomic_write_text
    from coopselect.io.loaders.case_loader import load_case

    case = adhoc_case(countries, minerals)
    doc = adhoc_document(case.countries, case.minerals.ids)
    text = case_file_text(doc, command, case.hierarchy.judgments)
    target = Path(path)
    if target.is_dir():
        raise CoopselectError(
            "is a folder; a case file is written as a file.",
            file=target,
            fix=f"give a file name, e.g. {Path(target, 'case.toml')}.",
        )
    if target.exists() and not force:
        raise CoopselectError(
            "file exists; not overwritten.", file=target, fix="choose another path or pass --force."
        )
    backup = atomic_write_text(target, text, overwrite=force, backup=force)
    return target, backup, load_case(target)
