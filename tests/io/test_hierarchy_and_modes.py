"""Criteria hierarchy and mode profile files: bundled ones load, broken ones fail readably."""

from __future__ import annotations

import pytest

from coopselect.errors import CoopselectError
from coopselect.io.case_loader import load_case
from coopselect.io.hierarchy_loader import load_hierarchy
from coopselect.io.modes_loader import load_modes
from coopselect.paths import criteria_dir

MODE_IDS = [
    "risk_exploration",
    "joint_development",
    "trade",
    "equity_acquisition",
    "capacity_purchase",
    "technology_transfer",
    "overseas_contracting",
]


def test_default_hierarchy():
    h = load_hierarchy(criteria_dir() / "default.toml")
    assert h.criterion_ids == (
        "political_risk",
        "infrastructure",
        "resource_endowment",
        "esg_pressure",
    )
    for c in h.criteria:
        assert c.name_zh and c.name_en
    # every pair of top-level criteria is judged, each with a reason
    assert len(h.judgments) == 6 and all(j.reason for j in h.judgments)
    for ind in h.indicators.values():
        assert ind.name_zh and ind.name_en


def test_seven_modes_with_reasons():
    h = load_hierarchy(criteria_dir() / "default.toml")
    cat = load_modes(criteria_dir() / "modes.toml", h.criterion_ids)
    assert [m.id for m in cat.modes] == MODE_IDS
    for m in cat.modes:
        assert m.name_zh and m.name_en and m.description_zh and m.description_en
        for dep in m.dependence.values():
            assert 0 <= dep.value <= 1 and dep.reason
        assert set(m.intrinsic) == set(cat.attributes)
    # a weak infrastructure is demand for overseas contracting (DESIGN.md sec. 3)
    assert cat.get("overseas_contracting").dependence["infrastructure"].kind == "opportunity"


def _case_with(write_case, default_case_text, tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    ref = "criteria" if name.startswith("crit") else "mode_profiles"
    default = 'criteria = "default"' if ref == "criteria" else 'mode_profiles = "modes"'
    return write_case(default_case_text.replace(default, f'{ref} = "{name}"'))


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        (
            'subcriteria = ["logistics", "power"]',
            'subcriteria = ["logistics", "roads"]',
            "sub-criterion 'roads' is not defined",
        ),
        (
            'indicators = ["electricity_access"]',
            'indicators = ["electricity"]',
            "indicator 'electricity' is not defined",
        ),
        ("scale = [1, 5]", "scale = [5, 1]", "needs lower < upper"),
        (
            'direction = "benefit"\nscale = [0, 100]',
            'direction = "better"\nscale = [0, 100]',
            "indicators.electricity_access.direction",
        ),
        ("value = 4\n", "value = -4\n", "must be positive and finite"),
    ],
)
def test_bad_criteria_file(
    write_case, default_case_text, criteria_text, tmp_path, old, new, fragment
):
    assert old in criteria_text
    case = _case_with(
        write_case, default_case_text, tmp_path, "crit.toml", criteria_text.replace(old, new, 1)
    )
    with pytest.raises(CoopselectError) as info:
        load_case(case)
    assert fragment in str(info.value)
    assert "crit.toml" in str(info.value)


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        ('value = 0.9\nkind = "risk"', 'value = 1.9\nkind = "risk"', "less than or equal to 1"),
        ('value = 0.5\nkind = "opportunity"', 'value = 0.5\nkind = "chance"', "kind"),
        (
            "resource_control = 5\ncapital_intensity = 2",
            "resource_control = 7\ncapital_intensity = 2",
            "outside the 1-5 scale",
        ),
        (
            "[modes.dependence.esg_pressure]\nvalue = 0.5",
            "[modes.dependence.esg]\nvalue = 0.5",
            "no dependence given for criterion 'esg_pressure'",
        ),
    ],
)
def test_bad_modes_file(write_case, default_case_text, modes_text, tmp_path, old, new, fragment):
    assert old in modes_text
    case = _case_with(
        write_case, default_case_text, tmp_path, "modes2.toml", modes_text.replace(old, new, 1)
    )
    with pytest.raises(CoopselectError) as info:
        load_case(case)
    assert fragment in str(info.value)
    assert "modes2.toml" in str(info.value)
