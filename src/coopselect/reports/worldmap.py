"""The HTML report's map: the best cooperation mode of every host, as one inline SVG.

Country outlines: Natural Earth 1:110m Admin 0 - Countries, version 4.1.0 (public domain), stored
in ``geo/world_110m.json`` beside this module (built by scripts/build_world_map.py; see
geo/README.md). Nothing is downloaded: the outlines ship with coopselect. Projection: Equal Earth
(Šavrič, Patterson and Jenny 2018), cropped to the case's hosts with a margin; countries outside
the case are grey, hosts are coloured by their best mode, and the legend is HTML text in the
report's language.

China is drawn as one home economy (coopselect.domain.home): Taiwan gets the mainland's fill, and
the home economy has a fill, legend entry and label of its own, never a host colour; a case that
lists Taiwan, Hong Kong or Macao as a host has it drawn as home, with a note. Hosts are shaded by
the strength of their best pair (lighter = weaker), and the hosts with the best pairs are labelled
on the map itself, so the printed map needs no tooltip.

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
HOME_FILL = "#a8a08a"  # the investor's home economy (China with Taiwan): not a host colour
EDGE = "#ffffff"
LABELS = 15  # hosts labelled on the map: those with the best pairs
WEAKEST = 0.3  # the weakest host's share of its mode colour (the strongest is drawn full)
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
    """The map as plain data: each host's best mode and its strength, the modes' colours and
    labels, the home economy."""
    from coopselect.domain.home import HOME, HOME_ECONOMY
    from coopselect.reports.labels import t

    res = ctx.result
    best_pairs = res.best_mode_by_country()
    if not best_pairs:
        return None
    home_hosts = [k for k in res.scores.countries if k in HOME_ECONOMY]  # endowed or not
    best = {k: p for k, p in best_pairs.items() if k not in HOME_ECONOMY}
    scores = [p.score for p in best.values()]
    lo, hi = (min(scores), max(scores)) if scores else (0.0, 1.0)

    def strength(score: float) -> float:
        f = 1.0 if hi <= lo else (score - lo) / (hi - lo)
        return f if res.higher_is_better else 1.0 - f

    modes = [m for m in res.case.modes if m in {p.mode for p in best.values()}]
    colour = {m: MODE_COLOURS[i % len(MODE_COLOURS)] for i, m in enumerate(res.case.modes)}
    drawn = outlines()["countries"]
    lg = ctx.lang
    order = list(best)  # best pair first
    return {
        "lang": lg,
        "title": t("map_title", lg),
        "hosts": {
            k: {
                "mode": p.mode,
                "name": ctx.country(k),
                "label": ctx.name(p.mode),
                "score": p.score,
                "strength": strength(p.score),
                "labelled": order.index(k) < LABELS,
            }
            for k, p in best.items()
        },
        "modes": [{"id": m, "label": ctx.name(m), "colour": colour[m]} for m in modes],
        "names": {iso: ctx.country(iso) for iso in drawn},
        "home": sorted(HOME_ECONOMY),
        "home_label": t("map_home", lg, name=ctx.country(HOME)),
        "home_name": ctx.country(HOME),
        "home_hosts": [ctx.country(k) for k in home_hosts],
        "home_note": t("map_home_hosts", lg) if home_hosts else "",
        "not_drawn": [ctx.country(k) for k in best if k not in drawn],
        "other": t("map_other", lg),
        "shade": t("map_shade", lg, n=min(LABELS, len(best))),
        "source": t("map_source", lg, version=outlines()["version"]),
        "missing": t("map_not_drawn", lg),
    }


def shade(colour: str, strength: float) -> str:
    """``colour`` mixed with white: full at strength 1, WEAKEST of it at strength 0."""
    f = WEAKEST + (1 - WEAKEST) * min(max(float(strength), 0.0), 1.0)
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    r, g, b = (round(255 + (c - 255) * f) for c in rgb)
    return f"#{r:02x}{g:02x}{b:02x}"


def _label_point(iso: str) -> tuple[float, float] | None:
    """Centre of the bounding box of the largest ring of ``iso`` (in SVG units)."""
    rings = _rings(iso)
    if not rings:
        return None

    def area(ring):
        return abs(
            sum(
                x0 * y1 - x1 * y0
                for (x0, y0), (x1, y1) in zip(ring, [*ring[1:], ring[0]], strict=True)
            )
        )

    ring = max(rings, key=area)
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def _inside_point(iso: str, view) -> tuple[float, float] | None:
    """The mean of the outline points of ``iso`` inside the view, inset from its edges."""
    x, y, w, h = view
    x0, x1, y0, y1 = x + 0.08 * w, x + 0.92 * w, y + 0.08 * h, y + 0.92 * h
    pts = [p for ring in _rings(iso) for p in ring if x0 <= p[0] <= x1 and y0 <= p[1] <= y1]
    if len(pts) < 3:
        return None
    return sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)


def map_svg(data: dict) -> str:
    hosts = data["hosts"]
    home = set(data.get("home", ()))
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
        name = data["names"].get(iso, countries[iso]["name"])
        if iso in home:
            fill, tip = HOME_FILL, f"{name}: {data.get('home_label', '')}"
        elif host:
            fill = shade(colours[host["mode"]], host.get("strength", 1.0))
            tip = f"{name}: {host['label']} ({host.get('score', 0):.3f})"
        else:
            fill, tip = OTHER, name
        out.append(
            f'<path d="{_path(_rings(iso))}" fill="{fill}" stroke="{EDGE}" '
            f'stroke-width="{stroke:.2f}" stroke-linejoin="round">'
            f"<title>{escape(tip)}</title></path>"
        )
    size = w / 70
    labels = [(iso, hosts[iso]["name"]) for iso in hosts if hosts[iso].get("labelled", True)]
    if "CHN" in countries and data.get("home_name"):
        labels.append(("CHN", data["home_name"]))
    for iso, text in labels:
        pt = _label_point(iso)
        if pt is not None and not (x <= pt[0] <= x + w and y <= pt[1] <= y + h):
            pt = _inside_point(iso, (x, y, w, h))  # a country cut by the frame (China)
        if pt is None:
            continue
        out.append(
            f'<text class="map-label" x="{pt[0]:.1f}" y="{pt[1]:.1f}" font-size="{size:.2f}" '
            f'text-anchor="middle" dominant-baseline="middle" fill="#1d2733" stroke="#ffffff" '
            f'stroke-width="{size / 5:.2f}" paint-order="stroke">{escape(text)}</text>'
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
    if data.get("home_label"):
        legend.append(
            f'<li><span class="swatch" style="background:{HOME_FILL}"></span>'
            f"{escape(data['home_label'])}</li>"
        )
    legend.append(
        f'<li><span class="swatch" style="background:{OTHER}"></span>{escape(data["other"])}</li>'
    )
    note = escape(data.get("shade", "")) + " " + escape(data["source"])
    if data.get("home_note"):
        note += " " + escape(data["home_note"].format(names=sep.join(data["home_hosts"])))
    if data["not_drawn"]:
        note += " " + escape(data["missing"].format(names=sep.join(data["not_drawn"])))
    return (
        f'<figure class="chart map" id="chart-map" aria-label="{escape(data["title"])}">'
        f'<figcaption class="map-title">{escape(data["title"])}</figcaption>'
        f"{map_svg(data)}"
        f'<ul class="legend">{"".join(legend)}</ul>'
        f"<figcaption>{note}</figcaption></figure>"
    )
