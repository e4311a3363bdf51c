"""A bare numpy script doing the SMAA-2 TOPSIS job as a whole process: the bound for
``coopselect mcda --smaa`` (benchmarks/smaa.py runs both).

Load the CSV, draw uniform weights (``default_rng(seed).dirichlet``, the stream coopselect
draws), vector-normalise, two matrix products per chunk for the squared distances, a partial sort
for the first k ranks, rank acceptabilities, holistic acceptabilities and central weights, JSON
to stdout. No input checks, no tie rule, no notes.

    python benchmarks/bare_smaa.py PROBLEM.csv TYPES SAMPLES SEED RANKS
"""

import json
import sys

import numpy as np


def main() -> None:
    path, types_arg = sys.argv[1], sys.argv[2]
    samples, seed, k = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    with open(path, encoding="utf-8") as f:
        criteria = f.readline().rstrip("\n").split(",")[1:]
        names, rows = [], []
        for line in f:
            parts = line.rstrip("\n").split(",")
            names.append(parts[0])
            rows.append([float(v) for v in parts[1:]])
    x = np.array(rows)
    types = np.array([1 if t == "benefit" else -1 for t in types_arg.split(",")])
    n, m = x.shape
    w = np.random.default_rng(seed).dirichlet(np.ones(m), size=samples)

    r = x / np.sqrt((x**2).sum(axis=0))
    best = np.where(types > 0, r.max(axis=0), r.min(axis=0))
    worst = np.where(types > 0, r.min(axis=0), r.max(axis=0))
    p, q = (r - best) ** 2, (r - worst) ** 2
    counts = np.zeros((n, k), dtype=np.int64)
    first_w = np.zeros((n, m))
    for s in range(0, samples, 2048):
        ws = w[s : s + 2048]
        w2 = (ws**2).T
        dp, dm = np.sqrt(p @ w2), np.sqrt(q @ w2)
        sc = (dm / (dp + dm)).T
        part = np.argpartition(-sc, k - 1, axis=1)[:, :k]
        order = np.argsort(-np.take_along_axis(sc, part, axis=1), axis=1)
        top = np.take_along_axis(part, order, axis=1)
        counts += np.bincount((top * k + np.arange(k)).ravel(), minlength=n * k).reshape(n, k)
        for j in range(m):
            first_w[:, j] += np.bincount(top[:, 0], weights=ws[:, j], minlength=n)

    b = counts / samples
    holistic = b @ ((n - np.arange(1, k + 1)) / (n - 1))
    central = {
        names[i]: dict(zip(criteria, (first_w[i] / counts[i, 0]).tolist(), strict=True))
        for i in np.flatnonzero(counts[:, 0])
    }
    json.dump(
        {
            "samples": samples,
            "seed": seed,
            "ranks": k,
            "rank_acceptability": {a: b[i].tolist() for i, a in enumerate(names)},
            "holistic_acceptability": {a: float(holistic[i]) for i, a in enumerate(names)},
            "central_weights": central,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
