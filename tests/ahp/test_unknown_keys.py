"""AHP files: unknown keys are refused with the closest known key, and one file holds one
layout (issue 13: ``weigth = 5`` for an expert silently gave equal weights)."""

from __future__ import annotations

import pytest

from coopselect.ahp.io import load
from coopselect.errors import CoopselectError

GROUP = """
labels = ["a", "b"]

[[experts]]
name = "Ann"
{key} = 5
matrix = [[1, 3], ["1/3", 1]]

[[experts]]
name = "Bo"
matrix = [[1, 2], ["1/2", 1]]
"""


def _write(tmp_path, text: str, name: str = "ahp.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_misspelt_expert_weight_is_refused_with_the_closest_key(tmp_path):
    path = _write(tmp_path, GROUP.format(key="weigth"))
    with pytest.raises(CoopselectError) as err:
        load(path)
    text = str(err.value)
    assert "unknown key 'weigth' (did you mean 'weight'?)" in text
    assert "experts[1].weigth" in text
    assert str(path) in text
    # spelt right, the weight is used
    data = load(_write(tmp_path, GROUP.format(key="weight"), "ok.toml"))
    assert [e.weight for e in data.experts] == [5.0, None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('lables = ["a", "b"]\nmatrix = [[1, 3], ["1/3", 1]]\n', "did you mean 'labels'?"),
        ('labels = ["a", "b"]\nmatrix = [[1, 3], ["1/3", 1]]\nnote = "x"\n', "'note'"),
        (
            '[criteria]\nlabels = ["c", "d"]\nmatrix = [[1, 2], ["1/2", 1]]\nweights = 1\n'
            '[alternatives]\nlabels = ["x", "y"]\n[alternatives.matrices]\n'
            'c = [[1, 2], ["1/2", 1]]\nd = [[1, 2], ["1/2", 1]]\n',
            "criteria.weights",
        ),
        (
            '[criteria]\nlabels = ["c", "d"]\nmatrix = [[1, 2], ["1/2", 1]]\n'
            '[alternatives]\nlabels = ["x", "y"]\nmatrix = [[1, 2], ["1/2", 1]]\n'
            "[alternatives.matrices]\n"
            'c = [[1, 2], ["1/2", 1]]\nd = [[1, 2], ["1/2", 1]]\n',
            "did you mean 'matrices'?",
        ),
        (
            'labels = ["c", "d"]\n[criteria]\nlabels = ["c", "d"]\nmatrix = [[1, 2], ["1/2", 1]]\n'
            '[alternatives]\nlabels = ["x", "y"]\n[alternatives.matrices]\n'
            'c = [[1, 2], ["1/2", 1]]\nd = [[1, 2], ["1/2", 1]]\n',
            "unknown key 'labels'",
        ),
    ],
)
def test_unknown_keys_are_refused(tmp_path, text, expected):
    with pytest.raises(CoopselectError) as err:
        load(_write(tmp_path, text))
    assert expected in str(err.value)
    assert "unknown keys are not ignored" in str(err.value)


def test_matrix_and_experts_together_are_refused_naming_both(tmp_path):
    text = 'matrix = [[1, 3], ["1/3", 1]]\n' + GROUP.format(key="weight")
    with pytest.raises(CoopselectError) as err:
        load(_write(tmp_path, text))
    assert "both 'matrix' and 'experts' are given" in str(err.value)


def test_matrix_and_hierarchy_together_are_refused(tmp_path):
    text = (
        'labels = ["a", "b"]\nmatrix = [[1, 3], ["1/3", 1]]\n'
        '[criteria]\nlabels = ["c", "d"]\nmatrix = [[1, 2], ["1/2", 1]]\n'
    )
    with pytest.raises(CoopselectError) as err:
        load(_write(tmp_path, text))
    assert "both 'matrix' and 'criteria'/'alternatives' are given" in str(err.value)


def test_json_unknown_key(tmp_path):
    path = _write(
        tmp_path, '{"labels": ["a", "b"], "matrix": [[1, 3], [0.5, 1]], "x": 1}', "a.json"
    )
    with pytest.raises(CoopselectError, match="unknown key 'x'"):
        load(path)
