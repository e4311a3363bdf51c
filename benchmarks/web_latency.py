"""Latency of a weight move in ``coopselect web``, end to end in headless Chromium.

Starts ``coopselect web`` on a case (default: every economy x copper, about 1,500 pairs, as
``coopselect rank --countries all --minerals copper``), opens it in Debian's Chromium (driven
through the DevTools protocol, tests/browser_cdp.py), and moves the political-risk
weight N times. Each time is from the input event in the page to the ranking table redrawn with
the new order in the DOM (the server re-ranks, Shiny sends the new table, the browser renders it).
Target: p95 <= 300 ms on the global copper case. There is no peer web app to run beside it, so
the terminal app's edit latency (benchmarks/app_latency.py) is the reference for the same edit.

    .venv/bin/python benchmarks/web_latency.py [--edits 30] [--countries all --minerals copper]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser_cdp import Browser, free_port, stop  # noqa: E402

SIGNATURE = (
    "Array.from(document.querySelectorAll('#ranking-table tbody tr')).slice(0, 40)"
    ".map(r => r.innerText).join('|')"
)


async def measure(url: str, edits: int) -> tuple[list[float], int]:
    async with Browser(Path(tempfile.mkdtemp())) as b:
        await b.open(url)
        await b.wait_for("document.querySelectorAll('#ranking-table tbody tr').length > 3", 120)
        pairs = await b.eval("document.querySelector('#ranking-status').innerText")
        times = []
        for i in range(edits):
            value = 10 if i % 2 == 0 else 60
            # timed in the page: from the input event to the table's new order in the DOM
            ms = await b.eval(
                "new Promise(resolve => {"
                f" const sig = () => {SIGNATURE}; const before = sig();"
                " const t0 = performance.now();"
                " const obs = new MutationObserver(() => {"
                "  if (sig() !== before) { obs.disconnect(); resolve(performance.now() - t0); } });"
                " obs.observe(document.querySelector('#ranking'),"
                "  {childList: true, subtree: true, characterData: true});"
                f" Shiny.setInputValue('w_political_risk', {value}, {{priority: 'event'}}); }})"
            )
            times.append(float(ms))
            await asyncio.sleep(0.2)
        return times, pairs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--edits", type=int, default=30)
    ap.add_argument("--countries", default="all")
    ap.add_argument("--minerals", default="copper")
    args = ap.parse_args()
    port = free_port()
    log = Path(tempfile.mkdtemp()) / "server.log"
    argv = [sys.executable, "-c", "from coopselect.cli import entry; entry()", "web"]
    argv += ["--port", str(port), "--countries", args.countries, "--minerals", args.minerals]
    with log.open("w") as out:
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = None
        end = time.monotonic() + 120
        while url is None and time.monotonic() < end:
            for word in log.read_text(errors="replace").split():
                if "?token=" in word:
                    url = word
            time.sleep(0.2)
        assert url, log.read_text(errors="replace")
        time.sleep(1.0)
        times, pairs = asyncio.run(measure(url, args.edits))
    finally:
        stop(proc)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(f"case: --countries {args.countries} --minerals {args.minerals} ({pairs})")
    print(
        f"weight move -> table redrawn, {len(times)} edits: median "
        f"{statistics.median(times):.0f} ms, p95 {p95:.0f} ms (target 300 ms)"
    )


if __name__ == "__main__":
    main()
