"""One BLAS thread while the SMAA kernels run, restored afterwards."""

from __future__ import annotations

import numpy as np

from coopselect.sensitivity import blas
from coopselect.sensitivity.smaa import run_smaa


def test_single_thread_inside_and_restored_after():
    funcs = blas._openblas()
    if funcs is None:  # another BLAS: the context manager does nothing
        with blas.single_blas_thread():
            pass
        return
    setter, getter = funcs
    before = getter()
    setter(2)
    try:
        with blas.single_blas_thread():
            assert getter() == 1
            with blas.single_blas_thread():  # nested: still one, and the outer count kept
                assert getter() == 1
            assert getter() == 1
        assert getter() == 2
        seen = []

        def progress(done, total):
            seen.append(getter())

        from coopselect.pipeline import build_case_problem

        run_smaa(build_case_problem(None), samples=300, seed=1, progress=progress)
        assert seen and set(seen) == {1}
        assert getter() == 2
    finally:
        setter(before)


def test_without_openblas_nothing_happens(monkeypatch):
    monkeypatch.setattr(blas, "_openblas", lambda: None)
    with blas.single_blas_thread():
        assert np.ones((3, 2)) @ np.ones(2) is not None
