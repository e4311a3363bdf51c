"""No method ranks a NaN (issue 23): a matrix whose arithmetic leaves the range of a double
gives finite scores or one located error from the shared guard
(coopselect.methods.common.require_finite_scores)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from coopselect.errors import CoopselectError
from coopselect.methods.common import require_finite_scores
from coopselect.methods.registry import available_methods, run_method

# Values near +-1.8e308: spans, squares and sums overflow.
HUGE = np.array([[-1.7e308, 1.0, 2.0], [1.7e308, 2.0, 1.0], [1.0, 3.0, 3.0]])
POSITIVE_HUGE = np.array([[1.7e308, 1.0, 2.0], [1e-300, 2.0, 1.0], [1.0, 3.0, 3.0]])


@pytest.mark.parametrize("method", available_methods())
@pytest.mark.parametrize("matrix", [HUGE, POSITIVE_HUGE], ids=["signed", "positive"])
def test_every_method_gives_finite_scores_or_one_clear_error(method, matrix):
    w, t = np.array([0.4, 0.3, 0.3]), np.array([1, 1, -1])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # numpy's overflow notes
        try:
            res = run_method(method, matrix, w, t)
        except CoopselectError as err:
            text = str(err)
            assert "\n" not in text and "Fix:" in text
            return
    assert np.all(np.isfinite(res.scores)), (method, res.scores)
    assert sorted(res.ranks.tolist()) == [1, 2, 3] or len(res.ties) > 0


def test_the_guard_names_the_row_and_the_range():
    with pytest.raises(CoopselectError) as info:
        require_finite_scores(np.array([0.5, np.nan, 0.2]), "TOPSIS")
    err = info.value
    assert err.place == "matrix row 2" and "TOPSIS" in err.message and "nan" in err.message
    assert "1e100" in err.fix
    with pytest.raises(CoopselectError, match="row 1"):
        require_finite_scores(np.array([np.inf, 0.0]), "WSM")
    require_finite_scores(np.array([0.0, 1.0, -1e300]), "WSM")  # finite: no error


def test_the_guard_stands_in_every_method():
    import inspect

    from coopselect.methods.spec import method_spec

    for name in available_methods():
        source = inspect.getsource(inspect.getmodule(method_spec(name).function))
        assert "require_finite_scores(" in source, name
