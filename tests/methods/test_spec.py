"""Every registered method has a complete spec (``coopselect.methods.spec``) that agrees with
what the method does: its parameters, the direction of its score, its per-alternative extras,
its SMAA kernel (same scores on the bundled case), both descriptions and a published example
that its tests cite."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import numpy as np
import pytest

from coopselect.methods import available_methods, run_method
from coopselect.methods.spec import SPECS, main_methods, method_spec

TESTS = Path(__file__).resolve().parent
CJK = re.compile(r"[\u4e00-\u9fff]")
CITATION = re.compile(r"^(?P<surname>[^\W\d][\w-]+), .*?\((?P<year>(19|20)\d\d)\)\. \S")
ARRAYS = ("matrix", "weights", "types")


def _problem(n: int = 7, m: int = 4):
    """A positive matrix (every method takes it) with n != m, so that a shape tells a
    per-alternative extra from a per-criterion one."""
    x = np.random.default_rng(5).uniform(1, 10, size=(n, m))
    return x, np.full(m, 1 / m), np.array([1, -1, 1, -1])


def test_every_registered_method_has_one_spec():
    ids = [s.id for s in SPECS]
    assert len(ids) == len(set(ids))
    assert sorted(ids) == available_methods()
    assert all(i == i.lower() and i.isidentifier() for i in ids)


@pytest.mark.parametrize("name", available_methods())
def test_descriptions_label_and_docs_cells(name):
    s = method_spec(name)
    assert CJK.search(s.description.zh), (name, "zh description has no Chinese")
    assert s.description.en and not CJK.search(s.description.en), (name, "en description")
    assert "\n" not in s.description.zh + s.description.en  # one line each
    assert s.label and s.score and s.computes


@pytest.mark.parametrize("name", available_methods())
def test_the_example_is_published_and_cited_by_the_tests(name):
    s = method_spec(name)
    m = CITATION.match(s.example)
    assert m, f"{name}: example {s.example!r} is not 'Surname, I. (YEAR). Where'"
    cited = [
        p.name
        for p in TESTS.glob("test_*.py")
        if p.name != Path(__file__).name
        and re.search(
            rf"^# {re.escape(m['surname'])},[^()]{{0,300}}\({m['year']}\)",
            p.read_text(encoding="utf-8"),
            re.M,
        )
    ]
    assert cited, f"{name}: no file in tests/methods cites {m['surname']} ({m['year']})"


@pytest.mark.parametrize("name", available_methods())
def test_parameters_are_the_functions(name):
    s = method_spec(name)
    func = s.function
    signature = [p for p in inspect.signature(func).parameters if p not in ARRAYS]
    assert list(s.parameters) == signature
    assert set(s.per_criterion) <= set(s.parameters)
    assert (s.module, s.function_name or s.id) == (
        func.__module__.rsplit(".", 1)[-1],
        func.__name__,
    )


@pytest.mark.parametrize("name", available_methods())
def test_direction_and_extras_agree_with_a_result(name):
    x, w, t = _problem()
    res = run_method(name, x, w, t)
    s = method_spec(name)
    assert res.higher_is_better is s.higher_is_better
    per_alternative = {
        k for k, v in res.extras.items() if isinstance(v, np.ndarray) and v.shape == (len(x),)
    }
    assert per_alternative == set(s.extras)
    columns = list(res.to_frame().columns)
    assert columns[:2] == ["score", "rank"] and sorted(columns[2:]) == sorted(s.extras)


def test_the_five_main_methods():
    """Issue 18 / DESIGN item 7: the methods the web app compares and the consensus polls."""
    from coopselect.web.views import MAIN_METHODS

    assert main_methods() == ("topsis", "vikor", "promethee2", "wsm", "spotis")
    assert main_methods() == MAIN_METHODS


def test_every_kernel_class_is_named_by_one_spec():
    from coopselect.sensitivity import kernels

    classes = {
        name
        for name, obj in vars(kernels).items()
        if inspect.isclass(obj) and issubclass(obj, kernels.Kernel) and obj is not kernels.Kernel
    }
    named = [s.kernel for s in SPECS if s.kernel]
    assert sorted(named) == sorted(classes)
    assert tuple(sorted(s.id for s in SPECS if s.kernel)) == kernels.KERNEL_METHODS


@pytest.mark.parametrize("name", [s.id for s in SPECS if s.kernel])
def test_kernel_agrees_with_the_method_on_the_bundled_case(name):
    """The batched kernel against the method called once per weight vector (more variants and
    SMAA itself: tests/sensitivity/test_kernels.py)."""
    from coopselect.pipeline import build_case_problem
    from coopselect.sensitivity import sampling
    from coopselect.sensitivity.kernels import kernel_for

    dm = build_case_problem(None)
    x = dm.matrix
    if name in ("wpm", "waspas"):  # values must be > 0; the bundled case has zeros
        x = x + 1.0
    w = sampling.uniform_simplex(np.random.default_rng(3), 20, dm.shape[1])
    kernel = kernel_for(name, dm.types)
    assert kernel is not None
    ours = kernel.scores(kernel.factors(x), w)
    ref = np.array([run_method(name, x, wi, dm.types).scores for wi in w])
    np.testing.assert_allclose(ours, ref, rtol=0, atol=1e-12)


# Finite matrices some methods refuse: zeros and negatives (WPM, WASPAS, COPRAS, ARAS need
# values > 0), a column whose average is 0 (EDAS), a constant column.
TRICKY = (
    np.array([[-3.0, 0, 2, 1], [0, -1, 4, -2], [5, 2, 0, 3], [1, 1, 1, 0]]),
    np.array([[-1.0, 2, 7, 7], [1, 3, 7, 7], [0, 4, 7, 7]]),
)


def _refused(name: str, x: np.ndarray, **params) -> bool:
    from coopselect.errors import CoopselectError

    try:
        run_method(name, x, np.full(x.shape[1], 1 / x.shape[1]), np.array([1, -1, 1, -1]), **params)
    except CoopselectError:
        return True
    return False


@pytest.mark.parametrize("name", available_methods())
def test_refuses_values_says_which_methods_refuse_finite_values(name):
    """SMAA checks only two rows of a method that takes every finite value (``refuses_values``
    False): a method that refused some value without saying so would be checked too little."""
    refused = [_refused(name, x) for x in TRICKY]
    if "bounds" in method_spec(name).parameters:  # values outside given bounds
        refused.append(_refused(name, TRICKY[0], bounds=[[0.0, 1.0]] * 4))
    assert any(refused) is method_spec(name).refuses_values, (name, refused)
