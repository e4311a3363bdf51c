"""Per-method speed: coopselect's registry call against the pymcdm method, in one run.

Seeded random data (positive, so every method accepts it). For every method registered in
coopselect that pymcdm also has, times one call of each (median of ``--repeats`` runs) on two
sizes: the default case's scale (35 pairs x 8 columns) and a global screen (1,400 x 12), and
prints our time, pymcdm's (with its default input validation, as a user calls it) and the ratio.
A method whose two implementations differ in what they compute (pymcdm's TOPSIS min-max default,
COPRAS) is timed on the closest pymcdm configuration; the "note" column says so.

    .venv/bin/python benchmarks/methods.py [--repeats 21]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np


def peers():
    """name -> (pymcdm callable factory, note). Built lazily: pymcdm imports matplotlib."""
    from pymcdm import methods as pm
    from pymcdm.normalizations import vector_normalization

    return {
        "topsis": (lambda b: pm.TOPSIS(normalization_function=vector_normalization), ""),
        "vikor": (lambda b: pm.VIKOR(v=0.5), ""),
        "promethee2": (lambda b: pm.PROMETHEE_II("usual"), "usual preference function"),
        "wsm": (lambda b: pm.WSM(), "pymcdm default: sum normalisation"),
        "wpm": (lambda b: pm.WPM(), "pymcdm default: sum normalisation"),
        "waspas": (lambda b: pm.WASPAS(), ""),
        "copras": (lambda b: pm.COPRAS(), "pymcdm's formula differs (see tests)"),
        "spotis": (lambda b: pm.SPOTIS(b), "bounds from the data"),
        "edas": (lambda b: pm.EDAS(), ""),
        "mabac": (lambda b: pm.MABAC(), ""),
        "aras": (lambda b: pm.ARAS(), ""),
        "moora": (lambda b: pm.MOORA(), ""),
    }


def median_time(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=21)
    args = ap.parse_args()

    from coopselect.methods import available_methods, run_method

    table = peers()
    rng = np.random.default_rng(20261123)
    print(f"{'method':<11} {'size':>9} {'ours ms':>9} {'pymcdm ms':>10} {'pymcdm/ours':>12}  note")
    for m, n in ((35, 8), (1400, 12)):
        x = rng.uniform(1.0, 100.0, size=(m, n))
        w = rng.dirichlet(np.ones(n))
        t = np.where(rng.random(n) < 0.3, -1, 1)
        bounds = np.column_stack([x.min(axis=0), x.max(axis=0)])
        for name in available_methods():
            if name not in table:
                continue
            make, note = table[name]
            peer = make(bounds)
            params = {"bounds": bounds} if name == "spotis" else {}
            if name == "promethee2" and m > 500:
                note = "usual preference function; O(m^2 n)"
            ours = median_time(
                lambda name=name, x=x, w=w, t=t, params=params: run_method(name, x, w, t, **params),
                args.repeats,
            )
            theirs = median_time(lambda peer=peer, x=x, w=w, t=t: peer(x, w, t), args.repeats)
            print(
                f"{name:<11} {f'{m}x{n}':>9} {ours * 1e3:9.3f} {theirs * 1e3:10.3f} "
                f"{theirs / ours:11.1f}x  {note}"
            )


if __name__ == "__main__":
    main()
