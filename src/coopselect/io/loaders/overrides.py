"""What-if settings ``ISO3.FEATURE=VALUE`` (``--set`` and ``[scenarios.NAME]`` in a case file).

FEATURE is a host feature of the pair model (in [0, 1]) or a raw indicator id of the case's
hierarchy, or ``gdp_per_capita``, in its own units. Parsed and checked here, at the edge; a bad
setting is one error naming where it came from, the setting and the fix (with the closest match
for an unknown country or feature).
"""

from __future__ import annotations

import difflib
import math

from coopselect.domain.features import HOST_FEATURES
from coopselect.domain.model import Indicator, Override
from coopselect.errors import CoopselectError

RAW_EXTRA = ("gdp_per_capita",)  # raw inputs of host features that are not hierarchy indicators


def _closest(word: str, options) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.5)
    return f" Did you mean {close[0]!r}?" if close else ""


def parse_setting(
    text: str,
    *,
    countries: tuple[str, ...],
    indicators: dict[str, Indicator],
    file: str | None,
    place: str,
) -> Override:
    fix_form = "write ISO3.FEATURE=VALUE, e.g. KAZ.governance=0.3 or IDN.export_restriction=1."
    lhs, sep, rhs = text.partition("=")
    iso, dot, feature = lhs.strip().partition(".")
    if not sep or not dot or not iso or not feature or not rhs.strip():
        raise CoopselectError(f"{text!r} is not a setting.", file=file, place=place, fix=fix_form)
    iso, feature = iso.strip().upper(), feature.strip()
    if iso not in countries:
        raise CoopselectError(
            f"country {iso!r} is not a candidate of the case.{_closest(iso, countries)}",
            file=file,
            place=place,
            fix=f"use one of {', '.join(countries)}.",
        )
    known = (*HOST_FEATURES, *indicators, *RAW_EXTRA)
    if feature not in known:
        raise CoopselectError(
            f"unknown feature {feature!r}.{_closest(feature, known)}",
            file=file,
            place=place,
            fix=f"use a host feature ({', '.join(HOST_FEATURES)}) or an indicator id "
            f"({', '.join([*indicators, *RAW_EXTRA])}).",
        )
    try:
        value = float(rhs)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise CoopselectError(
            f"value {rhs.strip()!r} is not a finite number.",
            file=file,
            place=place,
            fix="give a number.",
        )
    lo, hi = _range(feature, indicators)
    if not lo <= value <= hi:
        raise CoopselectError(
            f"{feature} = {value:g} is outside [{lo:g}, {hi:g}].",
            file=file,
            place=place,
            fix=f"give a value from {lo:g} to {hi:g}"
            + (" (host features are scores in [0, 1])." if feature in HOST_FEATURES else "."),
        )
    return Override(iso, feature, value)


def _range(feature: str, indicators: dict[str, Indicator]) -> tuple[float, float]:
    if feature in HOST_FEATURES:
        return 0.0, 1.0
    if feature == "gdp_per_capita":
        return 1e-9, 1e9
    ind = indicators[feature]
    if ind.dataset in ("usgs", "msp"):
        return 0.0, 1.0
    if isinstance(ind.scale, tuple):
        # the publisher's scale, with room for values just outside it (WGI reaches about 2.6)
        lo, hi = ind.scale
        pad = (hi - lo) * 0.1 if ind.dataset == "wgi" else 0.0
        return lo - pad, hi + pad
    return -1e12, 1e12


def split(settings) -> tuple[dict[tuple[str, str], float], list[Override]]:
    """(raw indicator what-ifs keyed by (country, indicator)), (host feature what-ifs)."""
    raw: dict[tuple[str, str], float] = {}
    feats: list[Override] = []
    for s in settings:
        if s.feature in HOST_FEATURES:
            feats.append(s)
        else:
            raw[(s.country, s.feature)] = s.value
    return raw, feats
