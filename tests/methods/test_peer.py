"""pymcdm's methods through the registry (``pymcdm:<name>``): same numbers as pymcdm's own call,
coopselect's result shape and tie rule, and pymcdm loaded only when such a method runs."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
from typer.testing import CliRunner

from coopselect.cli.main import app
from coopselect.errors import CoopselectError
from coopselect.messages import render
from coopselect.methods import available_methods, known_method, peer_methods, run_method
from coopselect.methods.peer import PEER_METHODS
from coopselect.methods.result import rank_scores

# Positive, no dominated alternative, no constant column (every peer method can take it).
X = np.array(
    [
        [3.0, 2.0, 5.0, 1.0],
        [4.0, 1.5, 6.0, 2.0],
        [2.0, 1.0, 4.0, 3.0],
        [5.0, 2.5, 7.0, 1.5],
        [3.5, 1.2, 4.5, 2.5],
    ]
)
W = np.array([3.0, 2.0, 3.0, 2.0])  # rescaled to sum 1 by the registry
T = np.array([1, -1, 1, -1])


def test_cocoso_equals_pymcdms_own_call():
    from pymcdm.methods import COCOSO

    res = run_method("pymcdm:cocoso", X, W, T)
    want = COCOSO()(X, W / W.sum(), T)
    np.testing.assert_allclose(res.scores, want, rtol=0, atol=0)
    assert res.method == "pymcdm:cocoso" and res.higher_is_better is True
    assert res.ranks.tolist() == rank_scores(want, True)[0].tolist()
    first = render(res.notes[0], "en")
    assert "pymcdm" in first and "COCOSO" in first

    res = run_method("PyMCDM:CoCoSo", X, W, T, l=0.3)  # names in any case; the constructor's l
    np.testing.assert_allclose(res.scores, COCOSO(l=0.3)(X, W / W.sum(), T), rtol=0, atol=0)


@pytest.mark.parametrize("name", sorted(PEER_METHODS))
def test_every_peer_method_ranks_as_pymcdm_does(name):
    import pymcdm.methods as pm

    res = run_method(f"pymcdm:{name}", X, W, T)
    assert res.scores.shape == (5,) and np.all(np.isfinite(res.scores))
    assert sorted(res.ranks.tolist()) == [1, 2, 3, 4, 5]
    if name not in ("rim", "comet"):  # those two get data-derived arguments (tested below)
        body = getattr(pm, PEER_METHODS[name].cls)()
        np.testing.assert_allclose(res.scores, body(X, W / W.sum(), T), rtol=0, atol=0)
    # Best first in pymcdm's own direction (LoPM's is set by hand: pymcdm 1.4 misspells it).
    best = np.argmax(res.scores) if res.higher_is_better else np.argmin(res.scores)
    assert res.ranks[best] == 1


def test_direction_comes_from_pymcdm():
    assert run_method("pymcdm:mairca", X, W, T).higher_is_better is False
    assert run_method("pymcdm:lopm", X, W, T).higher_is_better is False
    assert run_method("pymcdm:marcos", X, W, T).higher_is_better is True


def test_rim_bounds_default_to_the_data_and_can_be_given():
    from pymcdm.methods import RIM

    bounds = np.column_stack([X.min(axis=0), X.max(axis=0)])
    res = run_method("pymcdm:rim", X, W, T)
    np.testing.assert_allclose(res.scores, RIM(bounds)(X, W / W.sum(), T), rtol=0, atol=0)
    np.testing.assert_array_equal(res.extras["bounds"], bounds)
    wide = [[0, 10], [0, 5], [0, 10], [0, 5]]
    res = run_method("pymcdm:rim", X, W, T, bounds=wide)
    np.testing.assert_allclose(res.scores, RIM(np.array(wide, float))(X, W / W.sum(), T))


def test_comet_is_pymcdms_documented_construction_and_refuses_many_criteria():
    from pymcdm.methods import COMET, TOPSIS
    from pymcdm.methods.comet_tools import MethodExpert

    w = W / W.sum()
    want = COMET(COMET.make_cvalues(X), MethodExpert(TOPSIS(), w, T))(X, w, T)
    np.testing.assert_allclose(run_method("pymcdm:comet", X, W, T).scores, want, rtol=0, atol=0)
    wide = np.tile(X, (1, 3))  # 12 criteria: 3^12 characteristic objects
    with pytest.raises(CoopselectError, match="characteristic objects"):
        run_method("pymcdm:comet", wide, np.ones(12), np.tile(T, 3))


def test_ties_follow_coopselects_rule():
    x = np.vstack([X, X[1]])  # a copy of alternative 2: the same score, ranked in input order
    res = run_method("pymcdm:marcos", x, W, T)
    assert (1, 5) in res.ties
    assert res.ranks[1] < res.ranks[5]


def test_errors_name_the_method():
    with pytest.raises(CoopselectError, match="no parameter 'v'") as info:
        run_method("pymcdm:cocoso", X, W, T, v=0.5)
    assert "l" in info.value.fix
    with pytest.raises(CoopselectError, match="implements topsis itself"):
        run_method("pymcdm:topsis", X, W, T)
    with pytest.raises(CoopselectError, match="unknown method") as info:
        run_method("pymcdm:nosuch", X, W, T)
    assert "pymcdm:cocoso" in info.value.fix
    x = X.copy()
    x[2] = [1.0, 3.0, 3.0, 4.0]  # worst on every criterion: COCOSO divides by zero
    with pytest.raises(CoopselectError, match="not a finite number") as info:
        run_method("pymcdm:cocoso", x, W, T)
    assert info.value.place == "pymcdm:cocoso"
    with pytest.raises(CoopselectError, match="refused"):
        run_method("pymcdm:cocoso", X, W, T, l=2.0)  # pymcdm's own parameter check


def test_peer_names_are_separate_from_coopselects_own():
    assert not set(peer_methods()) & set(available_methods())
    assert all(n.startswith("pymcdm:") for n in peer_methods())
    assert known_method("pymcdm:cocoso") and known_method("TOPSIS")
    assert not known_method("pymcdm:topsis") and not known_method("cocoso")


def test_listing_and_help_import_nothing_heavy():
    code = (
        "import sys\n"
        "from coopselect.methods import method_listing, peer_methods\n"
        "from coopselect.cli.main import app\n"
        "method_listing(); peer_methods()\n"
        "try:\n"
        "    app(['mcda', '--help'], standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('pymcdm' in sys.modules, 'matplotlib' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False False"


def test_help_lists_every_method_on_one_line_each():
    runner = CliRunner()
    for cmd in (["mcda", "--help"], ["compare", "--help"]):
        text = runner.invoke(app, cmd, env={"COLUMNS": "120"}).output
        lines = text.splitlines()
        for name in available_methods() + peer_methods():
            assert sum(line.split()[:1] == [name] for line in lines) == 1, (cmd, name)
        assert "pymcdm's COCOSO" in text


def test_rank_with_a_peer_method():
    runner = CliRunner()
    res = runner.invoke(app, ["rank", "-m", "pymcdm:cocoso", "--format", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["method"] == "pymcdm:cocoso" and doc["higher_is_better"] is True
    assert [p["rank"] for p in doc["pairs"]] == list(range(1, len(doc["pairs"]) + 1))
    assert any("pymcdm" in n and "COCOSO" in n for n in doc["notes"])


def test_compare_accepts_peer_methods():
    from coopselect.comparison.compare import parse_methods

    assert parse_methods("topsis,pymcdm:mairca") == ("topsis", "pymcdm:mairca")
    with pytest.raises(CoopselectError, match="unknown method"):
        parse_methods("topsis,pymcdm:topsis")
