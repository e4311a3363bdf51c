"""SMAA-2 beyond TOPSIS: the batched kernels of PROMETHEE II, VIKOR, WSM, WPM and MOORA as whole
``coopselect mcda --smaa`` processes, against the per-sample path and pymcdm per sample.

The benchmark problem of benchmarks/smaa.py (1,400 alternatives x 12 criteria, uniform 1..100,
every third criterion a cost), 10,000 uniform weight samples, first 10 ranks. One run times:

  1. ``coopselect mcda problem.csv -m METHOD --smaa 10000 --format json`` for each method (TOPSIS
     too, for reference), interleaved, median of ``--repeat`` (wall and CPU of the process);
  2. the per-sample path (``run_smaa(..., per_sample=True)``: the method called once per sample
     through the registry, what every method but TOPSIS did before the kernels), in process, on
     ``--subset`` samples (PROMETHEE II: a tenth of them) and scaled linearly;
  3. pymcdm's method (``validation=False``, its fastest form; default parameters: PROMETHEE II with
     the usual function) once per sample with its ranking, in process, on the same subset, scaled.

Check: on the subset, the kernel's acceptabilities equal the per-sample path's exactly.
Target (issue 12): each method's whole process <= 2 s.

    .venv/bin/python benchmarks/smaa_methods.py [--repeat 3] [--subset 200]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _bench

METHODS = ("promethee2", "vikor", "wsm", "wpm", "moora", "topsis")
SAMPLES = 10000


def _pymcdm(name: str):
    from pymcdm import methods

    return {
        "promethee2": lambda: methods.PROMETHEE_II("usual"),
        "vikor": methods.VIKOR,
        "wsm": methods.WSM,
        "wpm": methods.WPM,
        "moora": methods.MOORA,
        "topsis": methods.TOPSIS,
    }[name]()


def _per_second_peer(name, x, types, w) -> float:
    body = _pymcdm(name)
    t0 = time.perf_counter()
    for s in range(len(w)):
        body.rank(body(x, w[s], types, validation=False))
    return (time.perf_counter() - t0) / len(w)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--subset", type=int, default=200)
    args = ap.parse_args()
    print(_bench.machine())

    from coopselect.domain.decision import DecisionMatrix
    from coopselect.sensitivity.smaa import run_smaa

    with tempfile.TemporaryDirectory() as tmp:
        path, types_arg, weights_arg = _bench.write_problem(Path(tmp))
        base = [_bench.coopselect_cli(), "mcda", str(path), "--types", types_arg]
        base += ["--weights", weights_arg, "--smaa", str(SAMPLES), "--seed", "1"]
        base += ["--format", "json"]
        cmds = {m: [*base, "-m", m] for m in METHODS}
        med = _bench.interleaved(cmds, args.repeat)

        with open(path, encoding="utf-8") as f:
            f.readline()
            x = np.array([[float(v) for v in line.split(",")[1:]] for line in f])
    types = np.array([1 if t == "benefit" else -1 for t in types_arg.split(",")])
    n, m = x.shape
    dm = DecisionMatrix(
        tuple(f"a{i}" for i in range(n)), tuple(f"c{j}" for j in range(m)), x, np.ones(m), types
    )
    print(
        f"SMAA-2, {SAMPLES} uniform weight samples, {n} alternatives x {m} criteria, first 10 "
        f"ranks; whole processes, median of {args.repeat}; per-sample and pymcdm timed on a subset "
        "and scaled"
    )
    print(
        f"  {'method':11s} {'wall':>8s} {'cpu':>8s}   {'per-sample path':>16s} {'pymcdm':>10s}"
        "   kernel = per-sample on the subset"
    )
    for name in METHODS:
        subset = max(10, args.subset // 10) if name == "promethee2" else args.subset
        kw = dict(method=name, samples=subset, seed=1, ranks=10, weight_sampler="uniform")
        t0 = time.perf_counter()
        slow = run_smaa(dm, per_sample=True, **kw)
        per_sample = (time.perf_counter() - t0) / subset * SAMPLES
        fast = run_smaa(dm, **kw)
        same = fast["rank_acceptability"] == slow["rank_acceptability"]
        w = np.random.default_rng(1).dirichlet(np.ones(m), size=subset)
        peer = _per_second_peer(name, x, types, w) * SAMPLES
        wall, cpu = med[name]
        flag = "ok" if wall <= 2.0 else "over 2 s"
        print(
            f"  {name:11s} {wall:7.2f}s {cpu:7.2f}s   {per_sample:15.1f}s {peer:9.1f}s   {same}"
            f"   ({flag}; {per_sample / wall:.0f}x the per-sample path, {peer / wall:.0f}x pymcdm)"
        )


if __name__ == "__main__":
    main()
