"""The README's Python examples run, and its quickstart matches .ci/run."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_python_blocks_run():
    blocks = re.findall(r"```python\n(.*?)```", README, flags=re.S)
    assert blocks, "the README has Python examples"
    for code in blocks:
        exec(compile(code, "README.md", "exec"), {})


def test_quickstart_has_two_commands_and_ci_runs_the_test_one():
    section = README.split("## Quickstart", 1)[1]
    block = re.search(r"```bash\n(.*?)```", section, flags=re.S).group(1)
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    assert "coopselect rank" in commands[0] and "pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci


def test_api_names_are_functions_even_after_every_submodule_is_imported():
    import importlib
    import pkgutil

    import coopselect

    for mod in pkgutil.walk_packages(coopselect.__path__, "coopselect."):
        if ".app" in mod.name:
            continue  # textual is imported only by the app
        importlib.import_module(mod.name)
    for name in ("rank", "explain", "load_case"):
        assert callable(getattr(coopselect, name)) and not hasattr(
            getattr(coopselect, name), "__path__"
        )
        assert type(getattr(coopselect, name)).__name__ == "function"


def test_readme_is_short():
    # A README people read: the reference lives in docs/ (tests/test_docs.py keeps it current).
    assert len(README) < 15_000, f"README.md has {len(README)} characters; move detail to docs/"
