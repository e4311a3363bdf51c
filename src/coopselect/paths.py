"""Where the bundled criteria, cases and data are.

In a wheel they are package data under ``coopselect/_bundled`` (pyproject's force-include); in a
source checkout or an editable install they are the repository's top-level folders.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from coopselect.errors import CoopselectError

DEFAULT_CASE = "central_asia"


@cache
def bundled_root() -> Path:
    packaged = Path(str(resources.files("coopselect"))) / "_bundled"
    if (packaged / "criteria").is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "criteria").is_dir() and (checkout / "data").is_dir():
        return checkout
    raise CoopselectError(
        "the bundled criteria, cases and data were not found.",
        file=str(packaged),
        fix="reinstall coopselect (pip install coopselect) or run from a source checkout.",
    )


def criteria_dir() -> Path:
    return bundled_root() / "criteria"


def cases_dir() -> Path:
    return bundled_root() / "cases"


def data_dir() -> Path:
    return bundled_root() / "data"


def bundled_cases() -> list[Path]:
    return sorted(cases_dir().glob("*.toml"))


def resolve_case(ref: str | Path | None) -> Path:
    """A case given as a path, as a bundled case id, or None for the default case."""
    if ref is None:
        return cases_dir() / f"{DEFAULT_CASE}.toml"
    path = Path(ref)
    if path.suffix.lower() != ".toml" and not path.exists():
        bundled = cases_dir() / f"{ref}.toml"
        if bundled.exists():
            return bundled
    return path


def resolve_sibling(ref: str, base_file: Path, bundled_dir: Path) -> Path:
    """A criteria/modes reference: a bundled id ("default") or a path relative to ``base_file``."""
    if "/" not in ref and "\\" not in ref and not ref.endswith(".toml"):
        return bundled_dir / f"{ref}.toml"
    path = Path(ref)
    return path if path.is_absolute() else (base_file.parent / path)


def display_path(path: Path) -> str:
    """Bundled files relative to the bundled root (stable across machines); others as given."""
    try:
        return str(Path(path).resolve().relative_to(bundled_root().resolve()))
    except ValueError:
        return str(path)
