"""``to_frame()``: results as pandas DataFrames for notebook users."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from coopselect.methods import available_methods, run_method

X = np.array([[3.0, 2.0, 5.0], [4.0, 1.5, 6.0], [2.0, 1.0, 4.0], [5.0, 2.5, 7.0]])
W = np.array([0.4, 0.3, 0.3])
T = np.array([1, -1, 1])


@pytest.mark.parametrize("name", available_methods())
def test_method_result_frame(name):
    res = run_method(name, X, W, T)
    df = res.to_frame(["a", "b", "c", "d"])
    assert isinstance(df, pd.DataFrame)
    assert df.index.name == "alternative" and df.index.tolist() == ["a", "b", "c", "d"]
    assert df.columns[:2].tolist() == ["score", "rank"]
    np.testing.assert_array_equal(df["score"].to_numpy(), res.scores)
    np.testing.assert_array_equal(df["rank"].to_numpy(), res.ranks)
    assert df.sort_values("rank").index[0] == "abcd"[int(np.argmin(res.ranks))]
    for column in df.columns[2:]:  # per-alternative quantities only
        np.testing.assert_array_equal(df[column].to_numpy(), res.extras[column])


def test_per_criterion_extras_stay_out_when_shapes_coincide():
    x = np.array([[3.0, 2.0, 5.0], [4.0, 1.5, 6.0], [2.0, 1.0, 4.0]])  # 3 x 3
    df = run_method("topsis", x, W, T).to_frame()
    assert df.columns.tolist() == ["score", "rank", "d_plus", "d_minus"]  # not ideal, anti_ideal
    assert df.index.tolist() == [0, 1, 2]
    assert run_method("vikor", x, W, T).to_frame().columns.tolist() == [
        "score",
        "rank",
        "S",
        "R",
        "Q",
    ]


def test_wrong_number_of_names():
    with pytest.raises(ValueError, match="3 alternative names for 4 scores"):
        run_method("wsm", X, W, T).to_frame(["a", "b", "c"])


def test_peer_result_frame():
    df = run_method("pymcdm:marcos", X, W, T).to_frame()
    assert df.columns.tolist() == ["score", "rank"]


def test_rank_result_frame():
    import coopselect

    result = coopselect.rank()
    df = result.to_frame()
    assert df.columns[:6].tolist() == [
        "rank",
        "country",
        "country_name",
        "mode",
        "mode_name",
        "score",
    ]
    assert df.columns[6:].tolist() == list(result.problem.columns)
    assert df["rank"].tolist() == [p.rank for p in result.pairs]
    assert list(zip(df["country"], df["mode"], strict=True)) == [
        (p.country, p.mode) for p in result.pairs
    ]
    np.testing.assert_array_equal(df["score"], [p.score for p in result.pairs])
    best = df.iloc[0]
    row = result.problem.pairs.index((best["country"], best["mode"]))
    np.testing.assert_array_equal(
        best[list(result.problem.columns)].to_numpy(float), result.problem.dm.matrix[row]
    )
    assert result.to_frame(lang="zh")["country_name"].iloc[0] != best["country_name"]
