"""Work limits (``coopselect.limits``): requests beyond the memory budget are refused before
anything is allocated, in one line with the need, the budget and how to raise it."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest
from typer.testing import CliRunner

from coopselect import limits
from coopselect.ahp.matrix import parse_matrix
from coopselect.cli.main import app
from coopselect.comparison.rankcorr import agreement, kendall
from coopselect.domain.decision import DecisionMatrix
from coopselect.errors import CoopselectError
from coopselect.methods import run_method
from coopselect.sensitivity.smaa import run_smaa

runner = CliRunner()


@pytest.fixture(autouse=True)
def default_budget(monkeypatch):
    monkeypatch.delenv(limits.MEMORY_ENV, raising=False)


def _refused_without_allocating(func, *args, **kwargs) -> CoopselectError:
    tracemalloc.start()
    try:
        with pytest.raises(CoopselectError) as info:
            func(*args, **kwargs)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 * 1024 * 1024, peak
    text = str(info.value)
    assert "\n" not in text and "above the budget of 1.5 GB" in text
    return info.value


def _dm(n_alt: int, n_crit: int = 3) -> DecisionMatrix:
    x = np.random.default_rng(0).uniform(1, 2, size=(n_alt, n_crit))
    return DecisionMatrix(
        tuple(f"a{i}" for i in range(n_alt)),
        tuple(f"c{j}" for j in range(n_crit)),
        x,
        np.full(n_crit, 1 / n_crit),
        np.ones(n_crit, dtype=int),
        "test",
    )


def test_default_budget_fits_in_2_gb_and_the_variable_changes_it(monkeypatch):
    assert limits.memory_budget_bytes() == 1536 * 1024 * 1024 < 2 * 1024**3
    monkeypatch.setenv(limits.MEMORY_ENV, "4096")
    assert limits.memory_budget_bytes() == 4096 * 1024 * 1024


@pytest.mark.parametrize("raw", ["lots", "0", "-5", "inf"])
def test_bad_budget_setting_is_one_line(monkeypatch, raw):
    monkeypatch.setenv(limits.MEMORY_ENV, raw)
    with pytest.raises(CoopselectError) as info:
        limits.memory_budget_bytes()
    assert info.value.place == limits.MEMORY_ENV and "Fix:" in str(info.value)


def test_promethee_on_100000_alternatives_is_refused_before_the_m_x_m_matrix():
    x = np.random.default_rng(0).uniform(size=(100_000, 3))
    err = _refused_without_allocating(run_method, "promethee2", x, [1, 1, 1], [1, 1, 1])
    assert err.place == "matrix" and "100,000 alternatives" in err.message
    assert limits.MEMORY_ENV in err.fix


def test_promethee_limit_follows_the_budget(monkeypatch):
    x = np.random.default_rng(0).uniform(size=(300, 2))
    assert run_method("promethee2", x, [1, 1], [1, 1]).scores.shape == (300,)
    monkeypatch.setenv(limits.MEMORY_ENV, "1")  # 300^2 pairs x 64 bytes = 5.5 MB > 1 MB
    with pytest.raises(CoopselectError, match="PROMETHEE II on 300 alternatives"):
        run_method("promethee2", x, [1, 1], [1, 1])


def test_rank_correlation_of_20000_items_is_refused():
    a = np.arange(1, 20_001, dtype=float)
    b = a[::-1].copy()
    err = _refused_without_allocating(kendall, a, b)
    assert "20,000 items" in err.message
    _refused_without_allocating(agreement, a, b)
    assert kendall(a[:500], a[499::-1]) == pytest.approx(-1.0)


def test_rankcorr_command_refuses_in_one_line():
    n = 20_000
    x = ",".join(str(i) for i in range(1, n + 1))
    y = ",".join(str(i) for i in range(n, 0, -1))
    res = runner.invoke(app, ["rankcorr", x, y])
    assert res.exit_code == 2
    lines = [line for line in res.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "above the budget" in lines[0] and limits.MEMORY_ENV in lines[0]


def test_smaa_samples_within_the_cap_are_still_held_to_the_memory_budget():
    # 1,000,000 samples of 200 criteria: 3.2 GB of weights, above the 1.5 GB budget.
    err = _refused_without_allocating(run_smaa, _dm(35, 200), samples=10**6, seed=1)
    assert "weight samples" in err.message and err.place == "samples"


@pytest.mark.parametrize("samples", [10**6 + 1, 10**8, 10**12, 10**19])
def test_smaa_samples_above_the_cap_are_refused_before_sampling(samples):
    tracemalloc.start()
    try:
        with pytest.raises(CoopselectError) as info:
            run_smaa(_dm(35, 8), samples=samples, seed=1)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024, peak
    err = info.value
    assert f"{samples:,} samples are above the limit of 1,000,000" in err.message
    assert err.place == "--samples" and "from 1 to 1,000,000" in err.fix


@pytest.mark.parametrize("seed", [-1, 2**64, True, 1.5])
def test_a_seed_outside_numpys_range_is_refused(seed):
    with pytest.raises(CoopselectError) as info:
        run_smaa(_dm(5, 3), samples=10, seed=seed)
    assert info.value.place == "--seed" and "2**64 - 1" in info.value.message


def test_the_largest_seed_still_runs():
    assert run_smaa(_dm(5, 3), samples=10, seed=2**64 - 1)["seed"] == 2**64 - 1


def test_smaa_many_alternatives_count_through_the_chunk():
    # 1,000,000 alternatives x one chunk of 2,048 samples of scores: about 94 GB.
    need = limits.SMAA_BYTES_PER_SCORE * 1_000_000 * 2048
    assert need > limits.memory_budget_bytes()
    with pytest.raises(CoopselectError, match="1,000,000 alternatives"):
        limits.smaa_samples(10_000, 1_000_000, 8, 2048)


def test_ordinary_smaa_still_runs():
    out = run_smaa(_dm(10), samples=2000, seed=3)
    assert out["samples"] == 2000


@pytest.mark.parametrize(
    "args",
    [
        ["sensitivity", "--samples", "100000000"],
        ["sensitivity", "--samples", "10000000000000000000"],
    ],
)
def test_sensitivity_command_refuses_in_one_line(args):
    res = runner.invoke(app, args)
    assert res.exit_code == 2, res.output
    lines = [line for line in res.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "above the limit of 1,000,000" in lines[0]
    assert "Traceback" not in res.output


def test_ahp_matrix_size_limit_scales_with_the_budget(monkeypatch):
    labels = [f"x{i}" for i in range(600)]
    with pytest.raises(CoopselectError) as info:
        parse_matrix([[1]], labels, file="big.toml")
    assert "600 items" in info.value.message and "limit of 500" in info.value.message
    assert limits.MEMORY_ENV in info.value.fix
    monkeypatch.setenv(limits.MEMORY_ENV, "3072")
    assert limits.ahp_max_items() == 1000
    with pytest.raises(CoopselectError, match="lengths"):  # past the limit, to the shape check
        parse_matrix([[1]], labels, file="big.toml")


@pytest.mark.parametrize("raw", ["1e308", "1e300", "2e9", "inf", "nan", "0", "-1", "x"])
def test_megabyte_variables_outside_0_to_1_pb_are_refused(monkeypatch, raw):
    monkeypatch.setenv(limits.MEMORY_ENV, raw)
    with pytest.raises(CoopselectError) as info:
        limits.memory_budget_bytes()
    assert info.value.place == limits.MEMORY_ENV and "1,073,741,824" in info.value.fix


def test_the_largest_megabyte_value_is_accepted(monkeypatch):
    monkeypatch.setenv(limits.MEMORY_ENV, str(limits.MAX_ENV_MB))
    assert limits.memory_budget_bytes() == 1024**5


def test_variants_limit_and_its_variable(monkeypatch):
    monkeypatch.delenv(limits.MAX_VARIANTS_ENV, raising=False)
    limits.variants(200, place="--scenarios")
    with pytest.raises(CoopselectError, match="201 variants"):
        limits.variants(201, place="--scenarios")
    monkeypatch.setenv(limits.MAX_VARIANTS_ENV, "500")
    limits.variants(500, place="--scenarios")
    for bad in ("1", "x", "-3", "1e3"):
        monkeypatch.setenv(limits.MAX_VARIANTS_ENV, bad)
        with pytest.raises(CoopselectError, match="from 2 to 100,000"):
            limits.max_variants()


def test_compare_variants_refuses_too_many(monkeypatch):
    from coopselect.comparison.scenarios import compare_variants

    monkeypatch.setenv(limits.MAX_VARIANTS_ENV, "2")
    with pytest.raises(CoopselectError, match="3 variants"):
        compare_variants([("a", None), ("b", None), ("c", None)])


def test_ahp_file_work_counts_every_matrix():
    limits.ahp_file_work([500], file="f.toml", place="criteria")  # one matrix at the item limit
    limits.ahp_file_work([9] * 1000, file="f.toml", place="criteria")  # many small ones
    with pytest.raises(CoopselectError) as info:
        limits.ahp_file_work([60] + [200] * 60, file="f.toml", place="criteria")
    assert "61 pairwise matrices of up to 200 items" in info.value.message


def test_an_ahp_group_beyond_the_work_limit_is_refused_before_parsing(tmp_path):
    import json

    from coopselect.ahp.io import load

    labels = [f"x{i}" for i in range(300)]
    experts = "\n".join(f'[[experts]]\nname = "e{k}"\nmatrix = "not parsed"' for k in range(5))
    path = tmp_path / "group.toml"
    path.write_text(f"labels = {json.dumps(labels)}\n{experts}\n", encoding="utf-8")
    with pytest.raises(CoopselectError, match="5 pairwise matrices of up to 300 items"):
        load(path)
