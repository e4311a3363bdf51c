"""SMAA speed: our batched TOPSIS kernel against pymcdm called once per weight sample.

10,000 weight samples over 1,400 alternatives x 12 criteria (a global screen: 200 countries x 7
modes), seeded random data. One run times:

  1. coopselect's run_smaa (rank acceptability for the first 10 ranks, central weights);
  2. pymcdm's TOPSIS (vector normalisation) once per sample, with its rank and a rank count, as a
     user writes it, with its default input validation, and
  3. the same with ``validation=False``;
  4. a bare lower bound: the same two matrix products and partial sort in plain numpy.

pymcdm's loops are timed on a subset of samples (``--peer-samples``) and scaled linearly to the
full count; the output says so. Peak memory of our run is measured with tracemalloc.

    .venv/bin/python benchmarks/smaa.py [--samples 10000] [--peer-samples 500]
"""

from __future__ import annotations

import argparse
import time
import tracemalloc

import numpy as np


def bare_lower_bound(x, types, w, k):
    r = x / np.sqrt((x**2).sum(axis=0))
    best = np.where(types > 0, r.max(axis=0), r.min(axis=0))
    worst = np.where(types > 0, r.min(axis=0), r.max(axis=0))
    p, q = (r - best) ** 2, (r - worst) ** 2
    counts = np.zeros((x.shape[0], k), dtype=np.int64)
    for s in range(0, len(w), 2048):
        w2 = (w[s : s + 2048] ** 2).T
        dp, dm = np.sqrt(p @ w2), np.sqrt(q @ w2)
        sc = (dm / (dp + dm)).T
        part = np.argpartition(-sc, k - 1, axis=1)[:, :k]
        order = np.argsort(-np.take_along_axis(sc, part, axis=1), axis=1)
        top = np.take_along_axis(part, order, axis=1)
        np.add.at(counts, (top, np.broadcast_to(np.arange(k), top.shape)), 1)
    return counts


def pymcdm_loop(x, types, w, k, validation):
    from pymcdm.methods import TOPSIS
    from pymcdm.normalizations import vector_normalization

    topsis = TOPSIS(normalization_function=vector_normalization)
    counts = np.zeros((x.shape[0], k), dtype=np.int64)
    for s in range(len(w)):
        pref = topsis(x, w[s], types, validation=validation)
        ranking = topsis.rank(pref)
        for r in range(1, k + 1):
            counts[ranking == r, r - 1] += 1
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--samples", type=int, default=10000)
    ap.add_argument("--peer-samples", type=int, default=500)
    ap.add_argument("--alternatives", type=int, default=1400)
    ap.add_argument("--criteria", type=int, default=12)
    args = ap.parse_args()

    from coopselect.domain.decision import DecisionMatrix
    from coopselect.sensitivity.smaa import run_smaa

    rng = np.random.default_rng(2026)
    n, m, k = args.alternatives, args.criteria, 10
    x = rng.uniform(1, 100, size=(n, m))
    types = np.where(np.arange(m) % 3 == 0, -1, 1)
    dm = DecisionMatrix(
        tuple(f"a{i}" for i in range(n)), tuple(f"c{j}" for j in range(m)), x, np.ones(m), types
    )
    w = np.random.default_rng(1).dirichlet(np.ones(m), size=args.samples)

    tracemalloc.start()
    t0 = time.perf_counter()
    ours = run_smaa(dm, samples=args.samples, seed=1, ranks=k, weight_sampler="uniform")
    t_ours = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    t0 = time.perf_counter()
    bound = bare_lower_bound(x, types, w, k)
    t_bound = time.perf_counter() - t0
    same = np.allclose(np.array(list(ours["rank_acceptability"].values())), bound / args.samples)

    sub = w[: args.peer_samples]
    scale = args.samples / len(sub)
    t0 = time.perf_counter()
    peer_counts = pymcdm_loop(x, types, sub, k, validation=True)
    t_peer = (time.perf_counter() - t0) * scale
    t0 = time.perf_counter()
    pymcdm_loop(x, types, sub, k, validation=False)
    t_peer_nv = (time.perf_counter() - t0) * scale
    sub_bound = bare_lower_bound(x, types, sub, k)

    print(f"SMAA, {args.samples} weight samples, {n} alternatives x {m} criteria, first {k} ranks")
    print(
        f"  coopselect run_smaa              {t_ours:8.3f} s   peak memory {peak / 2**20:.0f} MiB"
    )
    print(f"  bare numpy lower bound           {t_bound:8.3f} s   (same counts: {same})")
    print(
        f"  pymcdm TOPSIS loop (validated)   {t_peer:8.3f} s   "
        f"(timed on {len(sub)} samples, scaled x{scale:.0f})"
    )
    print(f"  pymcdm TOPSIS loop (validation=False) {t_peer_nv:8.3f} s   (same scaling)")
    print(
        f"  pymcdm counts agree with ours on the subset: {np.array_equal(peer_counts, sub_bound)}"
    )
    print(
        f"ratios: pymcdm/ours {t_peer / t_ours:7.1f}x (target >= 100)   "
        f"pymcdm-unvalidated/ours {t_peer_nv / t_ours:6.1f}x (target >= 5)   "
        f"ours/bound {t_ours / t_bound:5.2f} (target <= 2)"
    )


if __name__ == "__main__":
    main()
