"""SMAA-2 against closed-form answers, pymcdm per sample, and invariants."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopselect.domain.decision import DecisionMatrix
from coopselect.errors import CoopselectError
from coopselect.sensitivity import sampling
from coopselect.sensitivity.kernels import kernel_for
from coopselect.sensitivity.smaa import run_smaa
from hypothesis_budget import examples

# Two alternatives, two benefit criteria: a1 = (1, 1), a2 = (0, 3).
# Vector normalisation: column 1 -> (1, 0); column 2 -> (1, 3)/sqrt(10).
# With c = (3 - 1)/sqrt(10): TOPSIS gives a1 the score w1 / (w1 + c w2), a2 the score
# c w2 / (w1 + c w2), so a1 is first iff w1 > c (1 - w1), i.e. w1 > c / (1 + c).
# Under uniform weights (w1 ~ U(0, 1) on the 2-simplex) b1(a1) = 1 - c/(1 + c) = 1/(1 + c).
C = 2 / math.sqrt(10)
TWO = DecisionMatrix(
    ("a1", "a2"),
    ("x", "y"),
    np.array([[1.0, 1.0], [0.0, 3.0]]),
    np.array([0.5, 0.5]),
    np.array([1, 1]),
)


def test_two_by_two_closed_form():
    n = 40000
    out = run_smaa(TWO, samples=n, seed=3, ranks=2, weight_sampler="uniform")
    expected = 1 / (1 + C)
    se = math.sqrt(expected * (1 - expected) / n)
    assert out["rank_acceptability"]["a1"][0] == pytest.approx(expected, abs=4 * se)
    assert out["rank_acceptability"]["a2"][0] == pytest.approx(1 - expected, abs=4 * se)
    # central weight of a1: mean of w1 given w1 > c/(1+c), i.e. the midpoint of (c/(1+c), 1)
    mid = (C / (1 + C) + 1) / 2
    assert out["central_weights"]["a1"]["x"] == pytest.approx(mid, abs=0.01)


def test_dominated_alternative_never_first():
    dm = DecisionMatrix(
        ("good", "bad", "other"),
        ("x", "y", "z"),
        np.array([[5.0, 5, 5], [4.0, 4, 4], [6.0, 1, 2]]),
        np.ones(3),
        np.array([1, 1, 1]),
    )
    out = run_smaa(dm, samples=5000, seed=1, ranks=3, weight_sampler="uniform")
    assert out["rank_acceptability"]["bad"][0] == 0.0
    assert "bad" not in out["central_weights"]


def _topsis_scores(x, t, w):
    """The SMAA kernel's TOPSIS scores (samples x alternatives) for a batch of weight vectors."""
    kernel = kernel_for("topsis", t)
    assert kernel is not None  # TOPSIS has a kernel
    return kernel.scores(kernel.factors(x), w)


def test_kernel_matches_pymcdm_per_sample():
    from pymcdm.methods import TOPSIS
    from pymcdm.normalizations import vector_normalization

    rng = np.random.default_rng(11)
    x = rng.uniform(1, 100, size=(30, 6))
    t = np.array([1, -1, 1, 1, -1, 1])
    w = sampling.uniform_simplex(rng, 50, 6)
    ours = _topsis_scores(x, t, w)
    peer = TOPSIS(normalization_function=vector_normalization)
    for s in range(50):
        assert ours[s] == pytest.approx(peer(x, w[s], t), abs=1e-12)


def test_kernel_matches_registry_topsis():
    from coopselect.methods import run_method

    rng = np.random.default_rng(5)
    x = rng.uniform(0, 1, size=(12, 4))
    t = np.array([1, 1, -1, 1])
    w = sampling.uniform_simplex(rng, 20, 4)
    ours = _topsis_scores(x, t, w)
    for s in range(20):
        assert ours[s] == pytest.approx(run_method("topsis", x, w[s], t).scores, abs=1e-12)


@settings(max_examples=examples(25), deadline=None)
@given(st.integers(0, 10_000), st.integers(2, 6))
def test_acceptabilities_are_distributions(seed, n_alt):
    rng = np.random.default_rng(seed)
    dm = DecisionMatrix(
        tuple(f"a{i}" for i in range(n_alt)),
        ("x", "y", "z"),
        rng.uniform(1, 10, size=(n_alt, 3)),
        np.ones(3),
        np.array([1, -1, 1]),
    )
    out = run_smaa(dm, samples=300, seed=seed, ranks=n_alt, weight_sampler="uniform")
    b = np.array(list(out["rank_acceptability"].values()))
    assert np.all((b >= 0) & (b <= 1))
    assert b.sum(axis=0) == pytest.approx(np.ones(n_alt))  # each rank is held by someone
    assert b.sum(axis=1) == pytest.approx(np.ones(n_alt))  # each alternative has some rank
    again = run_smaa(dm, samples=300, seed=seed, ranks=n_alt, weight_sampler="uniform")
    assert again["rank_acceptability"] == out["rank_acceptability"]


def test_dirichlet_centres_on_the_weights():
    rng = np.random.default_rng(0)
    w = sampling.dirichlet_around(rng, 20000, np.array([0.6, 0.3, 0.1]), 50)
    assert w.mean(axis=0) == pytest.approx([0.6, 0.3, 0.1], abs=0.005)
    assert np.allclose(w.sum(axis=1), 1)


def test_intervals_are_respected():
    rng = np.random.default_rng(0)
    w = sampling.within_intervals(rng, 500, np.array([0.2, 0.1, 0.0]), np.array([0.6, 0.5, 0.4]))
    assert len(w) == 500
    assert np.all(w[:, 0] >= 0.2) and np.all(w[:, 0] <= 0.6)


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"samples": 0}, "samples must be a positive"),
        ({"samples": 10, "weight_sampler": "dirichlet", "concentration": -1}, "concentration"),
        (
            {"samples": 10, "weight_sampler": "intervals", "intervals": [[0, 1.5], [0, 1]]},
            "0 <= low <= high <= 1",
        ),
        (
            {"samples": 10, "weight_sampler": "intervals", "intervals": [[0.6, 0.9], [0.6, 0.9]]},
            "no weight vector",
        ),
        ({"samples": 10, "value_uncertainty": 1.5}, "value uncertainty"),
    ],
)
def test_bad_input(kwargs, fragment):
    with pytest.raises(CoopselectError, match=fragment):
        run_smaa(TWO, **kwargs)


def test_value_uncertainty_path_runs_and_stays_a_distribution():
    out = run_smaa(
        TWO, samples=400, seed=2, ranks=2, weight_sampler="uniform", value_uncertainty=0.1
    )
    b = np.array(list(out["rank_acceptability"].values()))
    assert b.sum(axis=0) == pytest.approx([1, 1])
    assert out["path"] == "batched TOPSIS kernel, one matrix per sample (value uncertainty)"
    same = run_smaa(
        TWO,
        samples=400,
        seed=2,
        ranks=2,
        weight_sampler="uniform",
        value_uncertainty=0.1,
        per_sample=True,
    )
    assert same["path"].startswith("per-sample")
    assert same["rank_acceptability"] == out["rank_acceptability"]


def test_dirichlet_centre_off_by_a_last_bit_draws_the_same_samples():
    # AHP weights computed by different BLAS kernels differ in the last bit; the gamma sampler's
    # rejection steps would then follow another random stream altogether.
    centre = np.array([0.2078854429582345, 0.12006635626828088, 0.35047198708570276, 0.3215])
    nudged = centre.copy()
    nudged[:3] = [0.20788544295823463, 0.12006635626828091, 0.35047198708570265]
    a = sampling.dirichlet_around(np.random.default_rng(5), 3000, centre, 20.0)
    b = sampling.dirichlet_around(np.random.default_rng(5), 3000, nudged, 20.0)
    assert np.array_equal(a, b)


def test_top_k_ranks_ties_within_the_tolerance_keep_input_order():
    from coopselect.sensitivity.smaa import top_k_ranks

    low, high = 1 - 0.7 * 5 / 12, 1 - (7 * 5 / 12) / 10
    assert low != high
    for row in ([high, low, 0.2, 0.1], [low, high, 0.2, 0.1]):
        scores = np.array([row])
        assert top_k_ranks(scores, 4).tolist() == [[0, 1, 2, 3]]
        assert top_k_ranks(scores, 1).tolist() == [[0]]
    assert top_k_ranks(np.array([[0.1, 0.3, 0.2]]), 2).tolist() == [[1, 2]]
