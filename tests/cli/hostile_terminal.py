"""Hostile names for terminal output (issue 13): Rich markup that would print a live hyperlink or
swallow text, and escape sequences that would clear the screen or set the window title. Used by
tests/cli/test_terminal_safety.py; each ``write_*`` returns a file for one command."""

from __future__ import annotations

import json
import re
from pathlib import Path

LINK = "[link=http://evil.example]Safe[/link]"
BOLD = "[bold red]B[/]"
CLEAR = "\x1b[2J"
OSC = "\x1b]0;title\x07"
HOSTILE = (LINK, BOLD, CLEAR, OSC)
# How the escape sequences must show: escaped, readable.
CLEAR_SHOWN = "\\x1b[2J"
OSC_SHOWN = "\\x1b]0;title\\x07"


def toml_str(text: str) -> str:
    """``text`` as a TOML basic string (control characters as \\uXXXX)."""
    return json.dumps(text)  # a JSON string literal is a valid TOML basic string here


def _replace_name(text: str, old: str, new: str) -> str:
    needle = f'name_en = "{old}"'
    assert needle in text, needle
    return text.replace(needle, f"name_en = {toml_str(new)}")


def write_case(folder: Path) -> Path:
    """A case whose title, mode names and one criterion name are hostile."""
    from coopselect.paths import criteria_dir

    modes = (criteria_dir() / "modes.toml").read_text(encoding="utf-8")
    modes = _replace_name(modes, "Joint development", LINK)
    modes = _replace_name(modes, "Mineral trade", BOLD)
    modes = _replace_name(modes, "Equity acquisition", f"Equity{CLEAR}")
    modes = _replace_name(modes, "Technology transfer", f"Tech{OSC}")
    (folder / "modes.toml").write_text(modes, encoding="utf-8")
    crit = (criteria_dir() / "default.toml").read_text(encoding="utf-8")
    crit = _replace_name(crit, "Political risk", f"Political {BOLD} risk{OSC}")
    (folder / "criteria.toml").write_text(crit, encoding="utf-8")
    title = f"Case {LINK} {BOLD} {CLEAR} {OSC}"
    case = f"""
countries = ["KAZ", "UZB", "KGZ", "MNG"]
modes = "all"
criteria = "criteria.toml"
mode_profiles = "modes.toml"
method = "topsis"
weights = "ahp"

[case]
id = "hostile_terminal"
title_en = {toml_str(title)}
title_zh = {toml_str(title)}

[minerals]
ids = ["copper", "nickel"]
weighting = "equal"

[missing]
policy = "impute"
rule = "worst"
usgs_unlisted = "zero"
"""
    path = folder / "hostile.toml"
    path.write_text(case, encoding="utf-8")
    return path


ALTERNATIVES = [LINK, BOLD, f"C{CLEAR}", f"D{OSC}"]


def write_problem(folder: Path) -> Path:
    """A decision matrix whose alternatives and criteria are hostile (for mcda and weights)."""
    doc = {
        "alternatives": ALTERNATIVES,
        "matrix": [[1.0, 3.0], [2.0, 2.0], [3.0, 4.0], [2.5, 1.0]],
        "criteria": [
            {"name": f"cost{OSC}", "type": "cost", "weight": 0.5},
            {"name": f"[bold]quality[/]{CLEAR}", "type": "benefit", "weight": 0.5},
        ],
    }
    path = folder / "problem.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def write_ahp(folder: Path) -> Path:
    """A pairwise matrix whose labels are hostile."""
    doc = {
        "labels": [LINK, BOLD, f"C{CLEAR}{OSC}"],
        "matrix": [[1, 3, 5], ["1/3", 1, 2], ["1/5", "1/2", 1]],
    }
    path = folder / "ahp.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


_SGR = re.compile(r"\x1b\[[0-9;]*m")


def check_output(text: str, *, styled: bool = False, names=HOSTILE) -> None:
    """Every hostile name shows literally (escapes shown as \\x1b), and nothing acts on a
    terminal: no escape byte at all (or, ``styled``, none but Rich's own colour codes), no bell,
    no hyperlink, no window title."""
    if styled:
        assert "\x1b]" not in text, "an OSC sequence (hyperlink or window title) was printed"
        text = _SGR.sub("", text)
    assert "\x1b" not in text, "a raw escape byte was printed"
    assert "\x07" not in text, "a raw bell was printed"
    flat = _unwrap(text)
    for name in names:
        shown = name.replace(CLEAR, CLEAR_SHOWN).replace(OSC, OSC_SHOWN)
        assert _unwrap(shown) in flat, f"{shown!r} is not shown literally"


def _unwrap(text: str) -> str:
    """Table cells may wrap a long name over lines: join the pieces of every cell and line."""
    flat = re.sub(r"[│┃|║]", " ", text)
    return re.sub(r"\s+", "", flat)
