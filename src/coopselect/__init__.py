"""coopselect: which host country, and which cooperation mode, for an overseas mineral project.

Python API (mirrors the CLI)::

    import coopselect
    result = coopselect.rank()                      # the bundled default case
    result = coopselect.rank("cases/my_case.toml", method="topsis", weights="fraser")
    result.pairs[0], result.best_mode_by_country(), result.to_dict()
    coopselect.explain(result, "KAZ", "joint_development")

Names are resolved lazily so that ``import coopselect`` stays cheap. (No submodule may share a
name with these functions: importing it would replace the function on the package.)
"""

from __future__ import annotations

from typing import Any

from coopselect._version import __version__

__all__ = ["CoopselectError", "__version__", "explain", "load_case", "rank"]

_LAZY = {
    "rank": ("coopselect.pipeline", "rank"),
    "load_case": ("coopselect.io.loaders.case_loader", "load_case"),
    "explain": ("coopselect.explanation", "explain"),
    "CoopselectError": ("coopselect.errors", "CoopselectError"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'coopselect' has no attribute {name!r}")
