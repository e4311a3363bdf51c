"""Check that the fast lane (``pytest -m "not slow"``) covers every module of the package.

Runs the fast lane under coverage (pytest-cov, from the ``test`` extra; the same worker setting
as the plain run) and fails, naming each module, when a module of ``src/coopselect``

- has no executed line (the fast lane never imports it), or
- defines functions of which not one ran (the fast lane imports it but never exercises it).

A test marked ``slow`` must not be the only one that reaches a module: keep a fast test that
imports and exercises it. Extra arguments are passed to pytest (e.g. ``-n 0``).

    .venv/bin/python scripts/fast_lane_coverage.py
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "coopselect"


def statement_lines(tree: ast.Module) -> tuple[set[int], set[int]]:
    """(lines of every statement, lines of the statements inside a function body)."""
    everything: set[int] = set()
    in_functions: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt):
            everything.add(node.lineno)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in node.body:
                for sub in ast.walk(inner):
                    if isinstance(sub, ast.stmt):
                        in_functions.add(sub.lineno)
    return everything, in_functions


def uncovered(executed: dict[Path, set[int]]) -> list[str]:
    """One line per module that the run did not import, or imported without running any of
    its functions."""
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        everything, in_functions = statement_lines(tree)
        ran = executed.get(path.resolve(), set())
        name = path.relative_to(PACKAGE.parent).with_suffix("").as_posix().replace("/", ".")
        if everything and not ran:
            problems.append(f"{name}: no line executed (no fast test imports it)")
        elif in_functions and not ran & in_functions:
            problems.append(f"{name}: imported, but none of its functions ran")
    return problems


def main(argv: list[str]) -> int:
    import coverage  # from the test extra (pytest-cov)

    with tempfile.TemporaryDirectory(prefix="coopselect-fast-cov-") as tmp:
        data_file = Path(tmp) / ".coverage"
        env = {**os.environ, "COVERAGE_FILE": str(data_file)}
        cmd = [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-m",
            "not slow",
            "--cov=coopselect",
            "--cov-report=",
            *argv,
        ]
        print("$", " ".join(cmd), flush=True)
        rc = subprocess.call(cmd, cwd=ROOT, env=env)
        if rc != 0:
            print(f"the fast lane failed (exit {rc})", file=sys.stderr)
            if not any(Path(tmp).glob(".coverage*")):
                return rc
        cov = coverage.Coverage(data_file=str(data_file))
        cov.load()
        data = cov.get_data()
        executed = {Path(f).resolve(): set(data.lines(f) or ()) for f in data.measured_files()}
    problems = uncovered(executed)
    modules = sum(1 for _ in PACKAGE.rglob("*.py"))
    if rc != 0:
        print(f"(coverage of the failed run: {len(problems)} modules missed)", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        return rc
    if problems:
        print(f"The fast lane misses {len(problems)} of {modules} modules:", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        print(
            "Fix: keep (or unmark) a fast test that imports and exercises each of them.",
            file=sys.stderr,
        )
        return 1
    print(f"The fast lane imports and exercises every one of the {modules} modules.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
