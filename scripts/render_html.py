#!/usr/bin/env python3
"""Render a report's HTML to PNG with headless Chromium (to look at it; not used by the tests).

    python scripts/render_html.py out/report.html --out /tmp/report.png
    python scripts/render_html.py out/report.html --out /tmp/report.png --height 20000 --split 3000

``--split H`` also cuts the screenshot, after trimming the blank space below the page, into
pieces of H pixels (report-1.png, report-2.png, ...), which are easier to view. Chromium runs with
a throw-away profile and with networking features off; the report itself has no external
references.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from coopselect.reports.pdf import FLAGS, find_chromium


def screenshot(html: Path, png: Path, width: int, height: int, browser: str) -> None:
    with tempfile.TemporaryDirectory() as profile:
        cmd = [
            browser,
            *FLAGS,
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--screenshot={png}",
            f"--window-size={width},{height}",
            html.resolve().as_uri(),
        ]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)


def trim_and_split(png: Path, piece: int) -> list[Path]:
    """Trim the blank rows below the page, then cut into pieces of ``piece`` pixels."""
    from PIL import Image, ImageChops

    img = Image.open(png).convert("RGB")
    bg = Image.new("RGB", img.size, (255, 255, 255))
    box = ImageChops.difference(img, bg).getbbox()
    if box:
        img = img.crop((0, 0, img.width, min(img.height, box[3] + 20)))
        img.save(png)
    out = []
    for k, top in enumerate(range(0, img.height, piece), 1):
        part = png.with_name(f"{png.stem}-{k}{png.suffix}")
        img.crop((0, top, img.width, min(img.height, top + piece))).save(part)
        out.append(part)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("html", type=Path)
    ap.add_argument("--out", type=Path, default=Path("report.png"))
    ap.add_argument("--width", type=int, default=1200)
    ap.add_argument("--height", type=int, default=3000)
    ap.add_argument("--split", type=int, default=0, help="cut into pieces of this many pixels")
    args = ap.parse_args(argv)
    if not args.html.is_file():
        print(f"error: {args.html}: not a file.", file=sys.stderr)
        return 2
    if args.out.suffix.lower() != ".png":
        print(
            f"error: --out {args.out}: Chromium writes PNG only. Fix: end it in .png.",
            file=sys.stderr,
        )
        return 2
    browser = find_chromium()
    if browser is None:
        print(
            "error: no Chromium found. Fix: apt-get install -y chromium (Debian/Ubuntu).",
            file=sys.stderr,
        )
        return 2
    args.out.parent.mkdir(parents=True, exist_ok=True)
    try:
        screenshot(args.html, args.out, args.width, args.height, browser)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as err:
        print(f"error: Chromium failed: {err}.", file=sys.stderr)
        return 2
    if not args.out.is_file():
        print(f"error: Chromium wrote no screenshot to {args.out}.", file=sys.stderr)
        return 2
    print(args.out)
    if args.split:
        for part in trim_and_split(args.out, args.split):
            print(part)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
