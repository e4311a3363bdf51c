"""Latency of an edit in ``coopselect app``: re-rank plus redraw, driven by textual's Pilot.

Three cases:

* the bundled default case as shipped (``coopselect app``: 5 hosts x 7 modes), the target
  (edit -> screen painted p95 <= 50 ms);
* the real bundled data: every economy the bundled data cover x the seven modes, built from the
  default case with its countries replaced;
* a synthetic 200 countries x 7 modes decision matrix, fed to the app's state directly, to time
  the re-rank + table refresh path at that size.

For each, the weight of the first criterion is raised and lowered (``+``/``-`` on the weights
page) N times. Reported: the edit handler (state edit + every widget refreshed) and the key press
as Pilot sees it (event dispatch, handler and the screen update), median and p95 in ms.

    .venv/bin/python benchmarks/app_latency.py [--edits 40]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from dataclasses import replace

import numpy as np


def default_state():
    from coopselect.app.state import AppState
    from coopselect.io.loaders.case_loader import load_case

    return AppState.open(load_case(None))


def real_state():
    from coopselect.app.state import AppState
    from coopselect.io.data import datasets
    from coopselect.io.loaders.case_loader import load_case

    base = load_case(None)
    case = replace(base, countries=tuple(datasets.universe()), path=None)
    return AppState.open(case)


def synthetic_state(n_countries: int = 200, seed: int = 1):
    """A state over a random (n x 7 modes) pair matrix with the default case's columns."""
    from coopselect.app.state import AppState
    from coopselect.io.loaders.case_loader import load_case
    from coopselect.pipeline import prepare
    from coopselect.scoring.pairs import PairProblem, pair_id

    case, _, scores, problem = prepare(load_case(None))
    rng = np.random.default_rng(seed)
    countries = tuple(f"C{i:03d}" for i in range(n_countries))
    x = rng.uniform(0, 1, (n_countries, len(scores.criteria)))
    modes = case.modes
    pairs = tuple((c, m) for c in countries for m in modes)
    n_crit = len(scores.criteria)
    matrix = rng.uniform(0, 1, (len(pairs), problem.dm.shape[1]))
    # mode attributes are the same in every country, as in the real matrix
    attrs = problem.dm.matrix[: len(modes), n_crit:]
    matrix[:, n_crit:] = np.tile(attrs, (n_countries, 1))
    dm = replace(problem.dm, alternatives=tuple(pair_id(c, m) for c, m in pairs), matrix=matrix)
    dm.__post_init__()
    big = PairProblem(pairs, problem.columns, problem.column_kind, dm)
    big_scores = replace(
        scores,
        countries=countries,
        x=x,
        raw=np.zeros((n_countries, len(scores.indicators))),
        fav=np.zeros((n_countries, len(scores.indicators))),
        imputed=(),
        excluded=(),
    )
    return AppState.from_prepared(replace(case, countries=countries), big_scores, big)


def pct(values, q):
    return float(np.percentile(values, q))


async def measure(state, edits: int, size=(100, 30)):
    """Per edit: the handler time, the time from the handler's start to the end of the next
    screen paint, and the Pilot key press round trip (which includes Pilot's own waiting)."""
    from coopselect.app.tui import CoopselectApp

    app = CoopselectApp(state=state)
    starts: list[float] = []
    handler: list[float] = []
    paints: list[float] = []
    original_edit = app._edit
    original_display = app._display

    def timed(fn, *args):
        t = time.perf_counter()
        starts.append(t)
        ok = original_edit(fn, *args)
        handler.append((time.perf_counter() - t) * 1000)
        return ok

    def display(screen, renderable):
        original_display(screen, renderable)
        paints.append(time.perf_counter())

    app._edit = timed
    app._display = display
    press: list[float] = []
    noop: list[float] = []
    async with app.run_test(size=size) as pilot:
        await pilot.press("2")
        await pilot.pause()
        for i in range(edits):
            t = time.perf_counter()
            await pilot.press("z")  # unbound key: Pilot's own round trip
            await pilot.pause()
            noop.append((time.perf_counter() - t) * 1000)
            key = "plus" if i % 2 == 0 else "minus"
            t = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            press.append((time.perf_counter() - t) * 1000)
    painted = []
    for t0 in starts:
        after = [p for p in paints if p > t0]
        if after:
            painted.append((after[0] - t0) * 1000)
    return handler, painted, press, noop


def rerank_only(state, edits: int):
    out = []
    cid = state.case.hierarchy.criterion_ids[0]
    for i in range(edits):
        t = time.perf_counter()
        state.nudge_weight(cid, 0.01 if i % 2 == 0 else -0.01)
        out.append((time.perf_counter() - t) * 1000)
    return out


def report(name: str, values) -> None:
    print(
        f"  {name:<36} median {statistics.median(values):6.1f} ms   p95 {pct(values, 95):6.1f} ms"
        f"   (n={len(values)})"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--edits", type=int, default=40)
    args = ap.parse_args()
    for label, make in (
        ("bundled default case", default_state),
        ("bundled data, every economy x 7 modes", real_state),
        ("synthetic, 200 countries x 7 modes", synthetic_state),
    ):
        state = make()
        n = len(state.result.pairs)
        print(f"{label} ({n} pairs, method {state.case.method})")
        report("re-rank only (state edit)", rerank_only(make(), args.edits))
        handler, painted, press, noop = asyncio.run(measure(state, args.edits))
        report("edit handler (re-rank + widgets)", handler)
        report("edit to screen painted", painted)
        report("Pilot key press round trip", press)
        report("  same for an unbound key (baseline)", noop)


if __name__ == "__main__":
    main()
