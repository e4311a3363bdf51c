"""Criteria hierarchy and mode profile files: bundled ones load, broken ones fail readably."""

from __future__ import annotations

import pytest

from coopselect.errors import CoopselectError
from coopselect.io.loaders.case_loader import load_case
from coopselect.io.loaders.hierarchy_loader import load_hierarchy
from coopselect.io.loaders.modes_loader import load_modes
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
    from coopselect.domain.features import BARRIERS, PROFILE_KEYS

    cat = load_modes(criteria_dir() / "modes.toml")
    assert [m.id for m in cat.modes] == MODE_IDS
    for m in cat.modes:
        assert m.name_zh and m.name_en and m.description_zh and m.description_en
        assert set(m.profile) == set(PROFILE_KEYS)
        assert set(m.barrier_response) == set(BARRIERS)
        for j in m.profile.values():
            assert 0 <= j.value <= 1 and j.reason
        for j in m.barrier_response.values():
            assert -1 <= j.value <= 1 and j.reason
        assert m.p("capture_production") + m.p("capture_reserves") + m.p("capture_potential") <= 1
        assert set(m.intrinsic) == set(cat.attributes)
    # the model's constants carry their reasons too
    # v3: the saturating supply scale, 0.01 % of world -> 0, 10 % -> 1
    assert cat.model.floor_share == 0.0001 and cat.model.floor_reason
    assert cat.model.cap_share == 0.1 and cat.model.cap_reason
    assert cat.model.tech_reference == "CHN" and cat.model.tech_reason
    # an export ban is the way in for local-processing joint ventures, and blocks trade (seed 002)
    assert cat.get("joint_development").h("export_restriction") < 0
    assert cat.get("trade").h("export_restriction") > 0


def _case_with(write_case, default_case_text, tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    ref = "criteria" if name.startswith("crit") else "mode_profiles"
    import re

    pattern = r'^criteria = "[a-z]+".*$' if ref == "criteria" else r'^mode_profiles = "modes"$'
    return write_case(re.sub(pattern, f'{ref} = "{name}"', default_case_text, flags=re.M))


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
        (
            "commitment = { value = 0.9,",
            "commitment = { value = 1.7,",
            "value 1.7 is outside [0, 1]",
        ),
        (
            "export_restriction = { value = 0.3,",
            "export_restriction = { value = -1.3,",
            "outside [-1, 1]",
        ),
        ("capital_intensity = 2\n", "capital_intensity = 7\n", "outside the 1-5 scale"),
        (
            "capture_reserves = { value = 0.1,",
            "capture_reserve = { value = 0.1,",
            "Did you mean 'capture_reserves'",
        ),
        (
            "capture_production = { value = 0.4,",
            "capture_production = { value = 0.5,",
            "exceeds 1",
        ),
        ('reason = "Exploration brings', 'reason_x = "Exploration brings', "reason"),
        ("floor_share = 0.0001", "floor_share = 0", "floor_share"),
        ("cap_share = 0.1", "cap_share = 2", "cap_share"),
        ("version = 3", "version = 2", "version 3"),
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
