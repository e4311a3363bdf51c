"""SMAA-2 TOPSIS as whole processes: ``coopselect mcda --smaa`` vs pymcdm per sample vs bare numpy.

10,000 weight samples over 1,400 alternatives x 12 criteria (a global screen: 200 countries x 7
modes), seeded random data written to a CSV file, first 10 ranks. Timed in one run, interleaved,
median of ``--repeat`` (wall and CPU = user + sys of the process):

  1. ``coopselect mcda problem.csv --smaa 10000 --format json`` (the whole command: start-up,
     loading and checking the file, sampling, the batched kernel, acceptabilities, JSON out);
  2. ``benchmarks/bare_smaa.py``: a bare numpy script doing the same job (load, sample, GEMM
     distances, partial sort, acceptabilities, JSON out) with no checks and no tie rule;
  3. pymcdm's TOPSIS (vector normalisation) once per sample with its rank and a rank count, as a
     user writes it, in a process that loads the same CSV: with its default input validation, and
     with ``validation=False``. Its loop is timed on ``--peer-samples`` samples and scaled
     linearly to the full count (the process's start-up, import and load are added once).

Checks: the acceptabilities of 1 and 2 are identical (same weight stream); pymcdm's rank counts
on its subset equal the bare computation's. Targets (issue 12): pymcdm validated / ours >= 100,
unvalidated / ours >= 10, ours / bare <= 1.3.

    .venv/bin/python benchmarks/smaa.py [--samples 10000] [--peer-samples 300] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _bench

K = 10


def _load(path: Path) -> np.ndarray:
    with open(path, encoding="utf-8") as f:
        f.readline()
        return np.array([[float(v) for v in line.split(",")[1:]] for line in f])


def _types(arg: str) -> np.ndarray:
    return np.array([1 if t == "benefit" else -1 for t in arg.split(",")])


def bare_counts(x: np.ndarray, types: np.ndarray, w: np.ndarray, k: int) -> np.ndarray:
    r = x / np.sqrt((x**2).sum(axis=0))
    best = np.where(types > 0, r.max(axis=0), r.min(axis=0))
    worst = np.where(types > 0, r.min(axis=0), r.max(axis=0))
    dp = np.sqrt(((r - best) ** 2) @ (w**2).T)
    dm = np.sqrt(((r - worst) ** 2) @ (w**2).T)
    sc = (dm / (dp + dm)).T
    top = np.argsort(-sc, axis=1)[:, :k]
    counts = np.zeros((x.shape[0], k), dtype=np.int64)
    np.add.at(counts, (top, np.broadcast_to(np.arange(k), top.shape)), 1)
    return counts


def peer_process(path: str, types_arg: str, samples: int, subset: int, validation: bool) -> None:
    """Run as a subprocess: load, import pymcdm, loop over ``subset`` samples; print the loop's
    time and the rank counts as JSON."""
    x = _load(Path(path))
    types = _types(types_arg)
    from pymcdm.methods import TOPSIS
    from pymcdm.normalizations import vector_normalization

    w = np.random.default_rng(1).dirichlet(np.ones(x.shape[1]), size=samples)[:subset]
    topsis = TOPSIS(normalization_function=vector_normalization)
    counts = np.zeros((x.shape[0], K), dtype=np.int64)
    t0 = time.perf_counter()
    for s in range(len(w)):
        pref = topsis(x, w[s], types, validation=validation)
        ranking = topsis.rank(pref)
        for r in range(1, K + 1):
            counts[ranking == r, r - 1] += 1
    loop = time.perf_counter() - t0
    cpu = time.process_time()
    json.dump({"loop": loop, "cpu": cpu, "counts": counts.tolist()}, sys.stdout)


def peer(path: Path, types_arg: str, samples: int, subset: int, validation: bool):
    """Whole-process estimate for ``samples``: (wall, cpu, counts on the subset)."""
    cmd = [sys.executable, __file__, "--peer-run", str(path), types_arg, str(samples)]
    cmd += [str(subset), "1" if validation else "0"]
    t0 = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    doc = json.loads(out.stdout)
    scale = samples / subset
    est_wall = wall - doc["loop"] + doc["loop"] * scale
    # CPU: the loop's share of the process CPU scaled the same way (the loop is single-threaded
    # numpy work; its CPU time is close to its wall time)
    est_cpu = doc["cpu"] + doc["loop"] * (scale - 1)
    return est_wall, est_cpu, np.array(doc["counts"])


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--peer-run":
        a = sys.argv[2:]
        peer_process(a[0], a[1], int(a[2]), int(a[3]), a[4] == "1")
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--samples", type=int, default=10000)
    ap.add_argument("--peer-samples", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    print(_bench.machine())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path, types_arg, weights_arg = _bench.write_problem(folder)
        n = str(args.samples)
        ours = [_bench.coopselect_cli(), "mcda", str(path), "--types", types_arg]
        ours += ["--weights", weights_arg, "--smaa", n, "--seed", "1", "--ranks", str(K)]
        ours += ["--format", "json"]
        bare = [sys.executable, str(Path(__file__).with_name("bare_smaa.py")), str(path)]
        bare += [types_arg, n, "1", str(K)]
        _bench.run_once(ours, folder / "ours.json")
        _bench.run_once(bare, folder / "bare.json")
        doc_ours = json.loads((folder / "ours.json").read_text())
        doc_bare = json.loads((folder / "bare.json").read_text())
        same = doc_ours["rank_acceptability"] == doc_bare["rank_acceptability"]
        med = _bench.interleaved({"ours": ours, "bare": bare}, args.repeat)

        x = _load(path)
        w = np.random.default_rng(1).dirichlet(np.ones(x.shape[1]), size=args.peer_samples)
        sub_counts = bare_counts(x, _types(types_arg), w, K)
        pv = peer(path, types_arg, args.samples, args.peer_samples, True)
        pu = peer(path, types_arg, args.samples, args.peer_samples, False)

    def row(label, wall, cpu, note=""):
        print(f"  {label:44s} wall {wall:7.3f} s   cpu {cpu:7.3f} s   {note}")

    print(
        f"SMAA-2 TOPSIS, {args.samples} weight samples, 1400 alternatives x 12 criteria, first "
        f"{K} ranks; whole processes, median of {args.repeat}"
    )
    row("coopselect mcda --smaa (ours)", *med["ours"], f"path: {doc_ours['path']}")
    row("bare numpy script", *med["bare"], f"same acceptabilities as ours: {same}")
    scale = f"loop timed on {args.peer_samples} samples, scaled to {args.samples}"
    row("pymcdm TOPSIS per sample (validated)", pv[0], pv[1], scale)
    row("pymcdm TOPSIS per sample (validation=False)", pu[0], pu[1], scale)
    print(
        "  pymcdm rank counts equal the bare computation's on the subset: "
        f"{np.array_equal(pv[2], sub_counts) and np.array_equal(pu[2], sub_counts)}"
    )
    o = med["ours"]
    print(
        f"ratios (wall / cpu): pymcdm validated / ours {pv[0] / o[0]:.0f}x / {pv[1] / o[1]:.0f}x "
        f"(target >= 100); pymcdm validation=False / ours {pu[0] / o[0]:.1f}x / "
        f"{pu[1] / o[1]:.1f}x (target >= 10); ours / bare {o[0] / med['bare'][0]:.2f} / "
        f"{o[1] / med['bare'][1]:.2f} (target <= 1.3)"
    )


if __name__ == "__main__":
    main()
