"""The HTML report's map: the best cooperation mode of every host, as one inline SVG.

Country outlines: Natural Earth 1:110m Admin 0 - Countries, version 4.1.0 (public domain), stored
in ``geo/world_110m.json`` beside this module (built by scripts/build_world_map.py; see
geo/README.md). Nothing is downloaded: the outlines ship with coopselect. Projection: Equal Earth
(Šavrič, Patterson and Jenny 2018), cropped to the case's hosts with a margin; countries outside
the case are grey, hosts are coloured by their best mode, and the legend is HTML text in the
report's language.

    map_data(ctx) -> dict | None        (in the report model; plain data)
    map_html(data, lang) -> str         (the <figure> with the SVG, legend and source line)
"""

from __future__ import annotations

import json
import math
from functools import cache
from html import escape
from pathlib import Path

GEO = Path(__file__).with_name("geo") / "world_110m.json"
SCALE = 100.0  # SVG units per projected unit
OTHER = "#e3e7eb"  # countries outside the case
EDGE = "#ffffff"
MODE_COLOURS = ("#1f5f8b", "#e07b39", "#3a9e5c", "#b8423c", "#7a5aa6", "#8c6d46", "#d36fb0")

_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


@cache
def outlines() -> dict:
    """The stored outlines: {"countries": {ISO3: {"name", "rings"}}, "step_degrees", ...}."""
    return json.loads(GEO.read_text(encoding="utf-8"))


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equal Earth projection of a point in degrees, in SVG units (y down)."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x * SCALE, -y * SCALE


def _rings(iso: str) -> list[list[tuple[float, float]]]:
    geo = outlines()
    step = geo["step_degrees"]
    out = []
    for ring in geo["countries"].get(iso, {}).get("rings", []):
        out.append([project(ring[k] * step, ring[k + 1] * step) for k in range(0, len(ring), 2)])
    return out


def _path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        pts = " ".join(f"{x:.1f} {y:.1f}" for x, y in ring)
        parts.append(f"M{pts}Z")
    return "".join(parts)


def _view(hosts: list[str]) -> tuple[float, float, float, float]:
    """x, y, width, height around the hosts: padded, at least a sub-continent wide, 1.6:1."""
    pts = [p for iso in hosts for ring in _rings(iso) for p in ring]
    if not pts:
        return _world_view()
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    w, h = max(x1 - x0, 1e-6), max(y1 - y0, 1e-6)
    w, h = max(w * 1.5, 0.9 * SCALE), max(h * 1.5, 0.45 * SCALE)
    ratio = 1.6
    if w / h < ratio:
        w = h * ratio
    else:
        h = w / ratio
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    wx, wy, ww, wh = _world_view()
    w, h = min(w, ww), min(h, wh)
    x = min(max(cx - w / 2, wx), wx + ww - w)
    y = min(max(cy - h / 2, wy), wy + wh - h)
    return x, y, w, h


def _world_view() -> tuple[float, float, float, float]:
    x0, _ = project(-180, 0)
    x1, _ = project(180, 0)
    _, y0 = project(0, 84)
    _, y1 = project(0, -58)
    return x0, y0, x1 - x0, y1 - y0


def map_data(ctx) -> dict | None:
    """The map as plain data: each host's best mode, the modes' colours and labels."""
    from coopselect.reports.labels import t

    res = ctx.result
    best = {k: p.mode for k, p in res.best_mode_by_country().items()}
    if not best:
        return None
    modes = [m for m in res.case.modes if m in set(best.values())]
    colour = {m: MODE_COLOURS[i % len(MODE_COLOURS)] for i, m in enumerate(res.case.modes)}
    drawn = outlines()["countries"]
    lg = ctx.lang
    return {
        "lang": lg,
        "title": t("map_title", lg),
        "hosts": {
            k: {"mode": m, "name": ctx.country(k), "label": ctx.name(m)} for k, m in best.items()
        },
        "modes": [{"id": m, "label": ctx.name(m), "colour": colour[m]} for m in modes],
        "names": {iso: ctx.country(iso) for iso in drawn},
        "not_drawn": [ctx.country(k) for k in best if k not in drawn],
        "other": t("map_other", lg),
        "source": t("map_source", lg, version=outlines()["version"]),
        "missing": t("map_not_drawn", lg),
    }


def map_svg(data: dict) -> str:
    hosts = data["hosts"]
    colours = {m["id"]: m["colour"] for m in data["modes"]}
    x, y, w, h = _view(list(hosts))
    stroke = max(w, h) / 1400
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x:.1f} {y:.1f} {w:.1f} {h:.1f}" '
        f'role="img" aria-label="{escape(data["title"])}">',
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="#f7fafc"/>',
    ]
    countries = outlines()["countries"]
    for iso in sorted(countries, key=lambda k: k in hosts):  # hosts drawn last, on top
        host = hosts.get(iso)
        fill = colours[host["mode"]] if host else OTHER
        name = data["names"].get(iso, countries[iso]["name"])
        tip = f"{name}: {host['label']}" if host else name
        out.append(
            f'<path d="{_path(_rings(iso))}" fill="{fill}" stroke="{EDGE}" '
            f'stroke-width="{stroke:.2f}" stroke-linejoin="round">'
            f"<title>{escape(tip)}</title></path>"
        )
    out.append("</svg>")
    return "".join(out)


def map_html(data: dict) -> str:
    """The figure: SVG, legend (HTML text in the report's language) and source line."""
    zh = data.get("lang") == "zh"
    sep, left, right = ("、", "（", "）") if zh else (", ", " (", ")")
    legend = []
    for m in data["modes"]:
        names = sep.join(h["name"] for h in data["hosts"].values() if h["mode"] == m["id"])
        legend.append(
            f'<li><span class="swatch" style="background:{m["colour"]}"></span>'
            f"{escape(m['label'])}{left}{escape(names)}{right}</li>"
        )
    legend.append(
        f'<li><span class="swatch" style="background:{OTHER}"></span>{escape(data["other"])}</li>'
    )
    note = escape(data["source"])
    if data["not_drawn"]:
        note += " " + escape(data["missing"].format(names=sep.join(data["not_drawn"])))
    return (
        f'<figure class="chart map" id="chart-map" aria-label="{escape(data["title"])}">'
        f'<figcaption class="map-title">{escape(data["title"])}</figcaption>'
        f"{map_svg(data)}"
        f'<ul class="legend">{"".join(legend)}</ul>'
        f"<figcaption>{note}</figcaption></figure>"
    )
