"""A case file with hostile labels (HTML, spreadsheet formulas) that refers to the bundled
criteria (and modes, or a copy of them with formula-like mode names)."""

from __future__ import annotations

from pathlib import Path

SCRIPT = "<script>alert(1)</script>"
HYPERLINK = '=HYPERLINK("http://x","y")'
AT_SUM = "@SUM(A1)"

HOSTILE_CASE = f"""
countries = ["KAZ", "UZB", "KGZ"]
modes = "all"
criteria = "default"
mode_profiles = "modes"
method = "topsis"
weights = "ahp"

[case]
id = "hostile"
title_en = '{HYPERLINK}'
title_zh = '{SCRIPT}'
description_en = '{AT_SUM} and {SCRIPT}'
description_zh = '{SCRIPT} {AT_SUM}'
citations = ['{HYPERLINK}', '{AT_SUM}', '{SCRIPT}', '-2+3']

[method_params]
normalization = "vector"

[minerals]
ids = ["copper", "nickel"]
weighting = "equal"

[missing]
policy = "impute"
rule = "worst"
usgs_unlisted = "zero"

[mode_attributes]
share = 0.25
basis = '{SCRIPT}'

[mode_attributes.weights]
time_to_supply = 0.25
capital_intensity = 0.2
ease_of_exit = 0.15
"""


# Mode names that a spreadsheet would take for formulas (for the table cells of XLSX and CSV).
HOSTILE_MODE_EN = "-2+3"
HOSTILE_MODE_ZH = "=1+1"


def write_hostile_case(folder: Path, *, hostile_modes: bool = False) -> Path:
    """The hostile case; with ``hostile_modes`` it uses a copy of the bundled modes file in which
    the mineral-trade mode is renamed to formula-like text."""
    from coopselect.paths import criteria_dir

    text = HOSTILE_CASE
    if hostile_modes:
        modes = (criteria_dir() / "modes.toml").read_text(encoding="utf-8")
        modes = modes.replace('name_en = "Mineral trade"', f'name_en = "{HOSTILE_MODE_EN}"')
        modes = modes.replace('name_zh = "对外贸易"', f'name_zh = "{HOSTILE_MODE_ZH}"')
        assert HOSTILE_MODE_EN in modes and HOSTILE_MODE_ZH in modes
        (folder / "hostile_modes.toml").write_text(modes, encoding="utf-8")
        text = text.replace('mode_profiles = "modes"', 'mode_profiles = "hostile_modes.toml"')
    path = folder / "hostile.toml"
    path.write_text(text, encoding="utf-8")
    return path
