"""One BLAS thread while the SMAA kernels run.

The kernels' matrix products are small in one dimension (the criteria) and alternate with
element-wise work. With OpenBLAS's default of one thread per core, every product wakes the other
threads, which then spin waiting for the next one while the element-wise work runs: on a 2-core
machine that doubles the CPU time of ``coopselect mcda --smaa`` and, when other processes share
the cores, makes it slower (VIKOR at 1,400 x 12 with 10,000 samples: 1.96 s with two threads,
1.42 s with one, load average 2). :func:`single_blas_thread` sets the OpenBLAS that numpy loaded
to one thread and restores the previous count afterwards, through OpenBLAS's own
``openblas_set_num_threads`` (as threadpoolctl does). Where that library or function cannot be
found (another BLAS, another system) it does nothing. Results do not depend on it: the tie rule of
:mod:`coopselect.sensitivity.smaa` absorbs last-bit differences between BLAS kernels.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
from collections.abc import Callable, Iterator

_NAMES = (
    ("scipy_openblas_set_num_threads64_", "scipy_openblas_get_num_threads64_"),
    ("scipy_openblas_set_num_threads", "scipy_openblas_get_num_threads"),
    ("openblas_set_num_threads64_", "openblas_get_num_threads64_"),
    ("openblas_set_num_threads", "openblas_get_num_threads"),
)


@functools.cache
def _openblas() -> tuple[Callable[[int], None], Callable[[], int]] | None:
    """(set, get) of the thread count of the OpenBLAS loaded in this process, or None."""
    import numpy  # noqa: F401  (numpy loads its OpenBLAS)

    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as f:
            paths = sorted({line.split()[-1] for line in f if "openblas" in line.lower()})
    except OSError:
        return None
    mode = getattr(os, "RTLD_NOLOAD", 0)  # only a library that is already loaded
    for path in paths:
        if not path.startswith("/"):
            continue
        try:
            lib = ctypes.CDLL(path, mode=mode)
        except OSError:
            continue
        for set_name, get_name in _NAMES:
            setter = getattr(lib, set_name, None)
            getter = getattr(lib, get_name, None)
            if setter is not None and getter is not None:
                setter.argtypes = [ctypes.c_int]
                setter.restype = None
                getter.argtypes = []
                getter.restype = ctypes.c_int
                return setter, getter
    return None


@contextlib.contextmanager
def single_blas_thread() -> Iterator[None]:
    """Within the block, OpenBLAS uses one thread (see the module docstring)."""
    funcs = _openblas()
    if funcs is None:
        yield
        return
    setter, getter = funcs
    before = getter()
    if before <= 1:
        yield
        return
    setter(1)
    try:
        yield
    finally:
        setter(before)
