"""The public functions of the method modules carry numpydoc docstrings whose examples run, and
the note on why the methods are not wrapped from pymcdm lives in one place (the registry)."""

from __future__ import annotations

import doctest
import importlib
import inspect
from pathlib import Path

import pytest

from coopselect.methods import available_methods
from coopselect.methods.spec import SPECS, method_spec

MODULES = sorted({s.module for s in SPECS})
METHOD_SECTIONS = ("Parameters\n    ----------", "Returns\n    -------", "Notes\n    -----")


def _public_functions(module):
    for name, obj in vars(module).items():
        if (
            inspect.isfunction(obj)
            and not name.startswith("_")
            and obj.__module__ == module.__name__
        ):
            yield name, obj


@pytest.mark.parametrize("method", available_methods())
def test_method_function_has_numpydoc_sections(method):
    func = method_spec(method).function
    name = func.__name__
    doc = func.__doc__ or ""
    for section in (*METHOD_SECTIONS, "Examples\n    --------"):
        assert section in doc, f"{name}: no {section.split()[0]} section"
    params = doc.split("Returns\n")[0]
    for p in inspect.signature(func).parameters:
        assert f"\n    {p} :" in params or f", {p}" in params or f"\n    {p}," in params, (name, p)
    assert "MethodResult" in doc.split("Returns\n")[1]


@pytest.mark.parametrize("module", MODULES)
def test_every_public_function_has_parameters_and_returns(module):
    mod = importlib.import_module(f"coopselect.methods.{module}")
    for name, func in _public_functions(mod):
        doc = func.__doc__ or ""
        assert "Parameters\n    ----------" in doc and "Returns\n    -------" in doc, name


@pytest.mark.parametrize("module", MODULES)
def test_examples_run(module):
    mod = importlib.import_module(f"coopselect.methods.{module}")
    result = doctest.testmod(mod, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def test_the_why_not_pymcdm_note_is_in_the_registry_only():
    root = Path(importlib.import_module("coopselect").__file__).parent
    hits = [
        p.relative_to(root).as_posix()
        for p in root.rglob("*.py")
        if "rather than wrapped" in p.read_text(encoding="utf-8")
    ]
    assert hits == ["methods/registry.py"]
