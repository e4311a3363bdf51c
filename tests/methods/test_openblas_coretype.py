"""The same rankings whichever BLAS kernels OpenBLAS picks for the CPU (``OPENBLAS_CORETYPE``).

Each command runs in a child process with ``OPENBLAS_CORETYPE`` unset (OpenBLAS detects the CPU,
as on a fresh machine), ``Haswell`` and ``Prescott`` (an old SSE3 kernel set). Last-bit
differences between the runs are expected (the AHP eigenvector, dot products); rankings, ties and
the best mode per country must be identical, and scores equal within the methods' ``REL_TOL``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from coopselect.methods.tolerance import REL_TOL

CORETYPES = (None, "Haswell", "Prescott")
CLI = [sys.executable, "-c", "from coopselect.cli.main import main; main()"]

# Alternatives A and B are equal in exact arithmetic: 1 - 0.7 * 5/12 = 1 - (7 * 5/12) / 10, written
# with the last bits each order of computation gives; column "flat" is constant likewise.
PROBLEM = f"""
alternatives = ["A", "B", "C", "D"]
matrix = [
  [{1 - 0.7 * 5 / 12!r}, 4.0, 3.0, {1 - 0.7 * 5 / 12!r}],
  [{1 - (7 * 5 / 12) / 10!r}, 4.0, 3.0, {1 - (7 * 5 / 12) / 10!r}],
  [0.5, 6.0, 2.0, {1 - (7 * 5 / 12) / 10!r}],
  [0.9, 2.0, 5.0, {1 - 0.7 * 5 / 12!r}],
]

[[criteria]]
name = "c1"
type = "benefit"
weight = "2/5"

[[criteria]]
name = "c2"
type = "benefit"
weight = "3/10"

[[criteria]]
name = "c3"
type = "cost"
weight = "1/5"

[[criteria]]
name = "flat"
type = "benefit"
weight = "1/10"
"""

ALL_METHODS = """
import json, sys
import numpy as np
from coopselect.errors import CoopselectError
from coopselect.methods import available_methods, run_method
from coopselect.pipeline import build_case_problem
dm = build_case_problem(None)
out = {}
for m in available_methods():
    try:
        res = run_method(m, dm.matrix, dm.weights, dm.types)
    except CoopselectError as err:  # e.g. a method that needs positive values
        out[m] = str(err)
        continue
    out[m] = {"ranks": res.ranks.tolist(), "ties": [list(g) for g in res.ties],
              "scores": np.asarray(res.scores).tolist()}
print(json.dumps(out))
"""


SMAA = """
import json
from coopselect.pipeline import build_case_problem
from coopselect.sensitivity.smaa import run_smaa
dm = build_case_problem(None)
out = run_smaa(dm, samples=2000, seed=0, weight_sampler="dirichlet", concentration=20.0)
print(json.dumps({k: out[k] for k in ("rank_acceptability", "confidence", "central_weights")}))
"""


def _run(args: list[str], coretype: str | None) -> dict:
    env = dict(os.environ)
    env.pop("OPENBLAS_CORETYPE", None)
    if coretype is not None:
        env["OPENBLAS_CORETYPE"] = coretype
    out = subprocess.run(args, capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, (coretype, out.stderr[-2000:])
    return json.loads(out.stdout)


def _close(a, b) -> None:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    spread = max(float(np.ptp(a)), 1e-300) if a.size else 1.0
    np.testing.assert_allclose(b, a, rtol=REL_TOL, atol=REL_TOL * spread)


@pytest.mark.slow  # a child process per coretype
def test_rank_promethee2_is_the_same_under_every_coretype():
    runs = [_run([*CLI, "rank", "-m", "promethee2", "--format", "json"], c) for c in CORETYPES]
    first = runs[0]
    for coretype, run in zip(CORETYPES[1:], runs[1:], strict=True):
        assert [(p["rank"], p["country"], p["mode"]) for p in run["pairs"]] == [
            (p["rank"], p["country"], p["mode"]) for p in first["pairs"]
        ], coretype
        assert {c: p["mode"] for c, p in run["best_mode_by_country"].items()} == {
            c: p["mode"] for c, p in first["best_mode_by_country"].items()
        }, coretype
        _close([p["score"] for p in first["pairs"]], [p["score"] for p in run["pairs"]])


@pytest.mark.slow  # a child process per coretype
def test_mcda_promethee2_ties_last_bit_differences_under_every_coretype(tmp_path):
    path = tmp_path / "near_equal.toml"
    path.write_text(PROBLEM, encoding="utf-8")
    runs = [_run([*CLI, "mcda", str(path), "-m", "promethee2", "-f", "json"], c) for c in CORETYPES]
    for run in runs:
        assert run["ranks"] == runs[0]["ranks"]
        assert run["ties"] == runs[0]["ties"]
        _close(runs[0]["scores"], run["scores"])
    # A and B tie (and keep input order); the "flat" column carries no weight.
    assert ["A", "B"] in runs[0]["ties"]
    assert runs[0]["ranks"][0] < runs[0]["ranks"][1]
    assert runs[0]["scores"][0] == runs[0]["scores"][1]


@pytest.mark.slow  # child processes per coretype
@pytest.mark.parametrize("coretype", CORETYPES[1:])
def test_every_method_ranks_the_default_case_the_same_under_every_coretype(coretype):
    base = _run([sys.executable, "-c", ALL_METHODS], None)
    other = _run([sys.executable, "-c", ALL_METHODS], coretype)
    assert sum(isinstance(r, dict) for r in base.values()) >= 6
    for method, res in base.items():
        if not isinstance(res, dict):
            assert other[method] == res
            continue
        assert other[method]["ranks"] == res["ranks"], method
        assert other[method]["ties"] == res["ties"], method
        _close(res["scores"], other[method]["scores"])


@pytest.mark.slow  # a child process per coretype
def test_smaa_of_the_default_case_is_the_same_under_every_coretype():
    """The report's robustness section: Dirichlet samples around the AHP weights (which differ in
    the last bit between kernels) and the batched TOPSIS kernel (matrix products)."""
    runs = [_run([sys.executable, "-c", SMAA], c) for c in CORETYPES]
    for run in runs[1:]:
        assert run["rank_acceptability"] == runs[0]["rank_acceptability"]
        assert run["confidence"] == runs[0]["confidence"]
        for alt, weights in runs[0]["central_weights"].items():
            _close(list(weights.values()), list(run["central_weights"][alt].values()))
